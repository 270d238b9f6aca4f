// <partner-graph>: the embeddable relationship view (graph_api/embed).
//
//   <script type="module" src="https://api.example/embed/partner-graph.js"></script>
//   <partner-graph root-id="partner-1" depth="2" api="https://api.example/graphql"></partner-graph>
//
// Attributes: root-id, depth (0..3), api (the GraphQL URL; default: /graphql on
// this script's origin), limit (nodes, 1..500), token (or the `token` property).
// Events: token-expired (a 401; the graph stays, and setting a new token retries
// the failed request once), graph-rendered (detail: nodes, edges, truncated, ms).
// Theming: --pg-bg, --pg-fg, --pg-muted, --pg-accent, --pg-border, --pg-font,
// --pg-font-size, and one colour per label, --pg-color-partner, -deal, ...
// Every asset comes from this script's own directory: nothing else is loaded.
import cytoscape from "./vendor/cytoscape-3.35.0/cytoscape.esm.min.mjs";

const STYLESHEET = new URL("./partner-graph.css", import.meta.url).href;
const DEFAULT_API = new URL("/graphql", import.meta.url).href;
const TYPES = [
  "HOLDS", "IN_PROGRAM", "ATTRIBUTED", "REGISTERED", "FOR", "SERVES", "WORKS_AT",
  "REFERRED_BY", "CONVERTED_TO", "RESELLS_FOR", "SHARES_WITH", "HAS_GOAL",
];
const LABEL_COLOURS = {
  Partner: "#1f77b4", Partnership: "#17becf", Program: "#9467bd", Deal: "#d62728",
  Customer: "#2ca02c", Contact: "#8c564b", Lead: "#ff7f0e", Goal: "#7f7f7f",
};
const QUERY = `query PartnerGraph($rootId: ID!, $depth: Int, $types: [String!], $limit: Int) {
  relationshipView(rootId: $rootId, depth: $depth, relationshipTypes: $types, limit: $limit) {
    rootId depth truncated
    nodes { id label title properties { key value } }
    edges { source target type properties { key value } }
  }
}`;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "text") node.textContent = value;
    else node.setAttribute(key, value);
  }
  node.append(...children);
  return node;
}

const edgeId = (e) => `${e.source}|${e.type}|${e.target}`;

class PartnerGraph extends HTMLElement {
  static observedAttributes = ["root-id", "depth", "api", "token", "limit"];

  #token = null;
  #retry = null; // the request that met a 401, run once when a new token arrives
  #nodes = new Map();
  #edges = new Map();
  #types = new Set(TYPES);
  #truncated = false;
  #cy = null;
  #state = "idle";
  #generation = 0;
  #connected = false;

  constructor() {
    super();
    const root = this.attachShadow({ mode: "open" });
    root.append(el("link", { rel: "stylesheet", href: STYLESHEET }));
    this.ui = this.#skeleton();
    root.append(this.ui.frame);
  }

  // --- public surface -------------------------------------------------------

  get token() {
    return this.#token;
  }

  set token(value) {
    this.#token = value ? String(value) : null;
    const retry = this.#retry;
    this.#retry = null;
    if (retry && this.#token) retry();
  }

  get state() {
    return this.#state;
  }

  /** What is drawn: node ids, edge ids (source|TYPE|target), and the truncated flag. */
  get graph() {
    return {
      nodes: [...this.#nodes.keys()],
      edges: [...this.#edges.keys()],
      truncated: this.#truncated,
    };
  }

  /** The node's centre in viewport coordinates (for pointers and tests). */
  nodePosition(id) {
    const node = this.#cy && this.#cy.getElementById(id);
    if (!node || node.empty()) return null;
    const box = this.ui.canvas.getBoundingClientRect();
    const pos = node.renderedPosition();
    return { x: box.left + pos.x, y: box.top + pos.y };
  }

  /** Load the view around root-id again; what is drawn stays until the answer arrives. */
  reload() {
    return this.#load(this.getAttribute("root-id"), false);
  }

  expand(id) {
    return this.#load(id, true);
  }

  connectedCallback() {
    this.#connected = true;
    // A host may set `token` before this script defined the element: take it over.
    if (Object.prototype.hasOwnProperty.call(this, "token")) {
      const value = this.token;
      delete this.token;
      this.#token = value ? String(value) : null;
    }
    if (this.#token === null && this.hasAttribute("token")) this.#token = this.getAttribute("token");
    this.ui.depth.value = String(this.#depth());
    this.reload();
  }

  disconnectedCallback() {
    this.#connected = false;
  }

  attributeChangedCallback(name, old, value) {
    if (old === value) return;
    if (name === "token") {
      this.token = value;
      return;
    }
    if (name === "depth") this.ui.depth.value = String(this.#depth());
    if (this.#connected) this.reload();
  }

  // --- loading --------------------------------------------------------------

  #depth() {
    const depth = Number.parseInt(this.getAttribute("depth") ?? "2", 10);
    return Number.isInteger(depth) && depth >= 0 && depth <= 3 ? depth : 2;
  }

  #limit() {
    const limit = Number.parseInt(this.getAttribute("limit") ?? "200", 10);
    return Number.isInteger(limit) && limit >= 1 && limit <= 500 ? limit : 200;
  }

  async #load(rootId, merge) {
    if (!rootId) {
      this.#show("error", "No root-id: set the root-id attribute to an entity id.");
      return;
    }
    const generation = ++this.#generation;
    const started = performance.now();
    this.#show("loading", merge ? `Expanding ${rootId}…` : "Loading…");
    const headers = { "Content-Type": "application/json", Accept: "application/json" };
    if (this.#token) headers.Authorization = `Bearer ${this.#token}`;
    const variables = {
      rootId,
      depth: Number(this.ui.depth.value),
      types: [...this.#types],
      limit: this.#limit(),
    };
    let response;
    let body;
    try {
      response = await fetch(this.getAttribute("api") || DEFAULT_API, {
        method: "POST",
        headers,
        body: JSON.stringify({ query: QUERY, variables }),
        credentials: "omit",
      });
      if (response.status === 401) {
        if (generation !== this.#generation) return;
        this.#retry = () => this.#load(rootId, merge);
        this.#show("expired", "The session has expired; waiting for a new token.");
        this.dispatchEvent(
          new CustomEvent("token-expired", { bubbles: true, composed: true, detail: { rootId } }),
        );
        return;
      }
      body = await response.json();
    } catch (error) {
      if (generation === this.#generation) this.#show("error", `The API could not be reached.`);
      return;
    }
    if (generation !== this.#generation) return; // a newer request has started
    if (body.errors && body.errors.length) {
      const code = body.errors[0].extensions?.code;
      this.#show("error", `${body.errors[0].message}${code ? ` (${code})` : ""}`);
      return;
    }
    const view = body.data?.relationshipView;
    if (!merge) {
      this.#nodes.clear();
      this.#edges.clear();
      this.#truncated = false;
      this.#select(null);
    }
    if (!view) {
      if (merge) this.#show("ready", `${rootId} is not visible to this token.`);
      else this.#draw(started, true);
      return;
    }
    for (const node of view.nodes) this.#nodes.set(node.id, node);
    for (const edge of view.edges) {
      if (this.#nodes.has(edge.source) && this.#nodes.has(edge.target)) {
        this.#edges.set(edgeId(edge), edge);
      }
    }
    this.#truncated = this.#truncated || view.truncated;
    this.#draw(started, false);
  }

  // --- drawing --------------------------------------------------------------

  #colour(label) {
    const custom = getComputedStyle(this).getPropertyValue(`--pg-color-${label.toLowerCase()}`);
    return custom.trim() || LABEL_COLOURS[label] || "#555";
  }

  #cssVar(name, fallback) {
    return getComputedStyle(this).getPropertyValue(name).trim() || fallback;
  }

  #elements() {
    const nodes = [...this.#nodes.values()].map((n) => ({
      group: "nodes",
      data: { id: n.id, label: n.label, title: n.title, colour: this.#colour(n.label) },
    }));
    const edges = [...this.#edges.entries()].map(([id, e]) => ({
      group: "edges",
      data: { id, source: e.source, target: e.target, type: e.type },
    }));
    return [...nodes, ...edges];
  }

  #draw(started, empty) {
    if (empty || this.#nodes.size === 0) {
      this.#cy?.elements().remove();
      this.#renderLists();
      this.#show("empty", "Nothing to show: the root is not visible to this token.");
      return;
    }
    const fg = this.#cssVar("--pg-fg", "#1d1d1f");
    const font = this.#cssVar("--pg-font", "system-ui, sans-serif");
    if (!this.#cy) {
      this.#cy = cytoscape({
        container: this.ui.canvas,
        style: [
          {
            selector: "node",
            style: {
              "background-color": "data(colour)",
              label: "data(title)",
              color: fg,
              "font-family": font,
              "font-size": 10,
              "text-valign": "bottom",
              "text-margin-y": 3,
              width: 18,
              height: 18,
            },
          },
          {
            selector: "node:selected",
            style: { "border-width": 3, "border-color": this.#cssVar("--pg-accent", "#0a66c2") },
          },
          {
            selector: "edge",
            style: {
              width: 1.5,
              "line-color": this.#cssVar("--pg-muted", "#9aa0a6"),
              "target-arrow-shape": "triangle",
              "target-arrow-color": this.#cssVar("--pg-muted", "#9aa0a6"),
              "curve-style": "bezier",
              label: "data(type)",
              "font-family": font,
              "font-size": 7,
              color: fg,
              "text-rotation": "autorotate",
            },
          },
        ],
      });
      this.#cy.on("tap", "node", (event) => this.#select(event.target.id()));
      this.#cy.on("dbltap", "node", (event) => this.expand(event.target.id()));
    }
    const cy = this.#cy;
    cy.batch(() => {
      cy.elements().remove();
      cy.add(this.#elements());
    });
    // Cytoscape's built-in force-directed layout; no animation, so the first paint is final.
    const layout = cy.layout({
      name: "cose",
      animate: false,
      fit: true,
      padding: 20,
      nodeRepulsion: () => 12000,
      idealEdgeLength: () => 50,
      nodeDimensionsIncludeLabels: true,
    });
    layout.run();
    this.#renderLegend();
    this.#renderLists();
    this.ui.truncated.hidden = !this.#truncated;
    const ms = performance.now() - started;
    this.#show("ready", `${this.#nodes.size} nodes, ${this.#edges.size} relationships`);
    this.dispatchEvent(
      new CustomEvent("graph-rendered", {
        bubbles: true,
        composed: true,
        detail: { nodes: this.#nodes.size, edges: this.#edges.size, truncated: this.#truncated, ms },
      }),
    );
  }

  #show(state, message) {
    this.#state = state;
    this.setAttribute("data-state", state);
    this.ui.status.textContent = message;
    this.ui.status.className = `status status-${state}`;
  }

  #select(id) {
    const panel = this.ui.panel;
    panel.replaceChildren();
    const node = id && this.#nodes.get(id);
    if (!node) {
      panel.append(el("p", { class: "hint", text: "Select a node to see its properties." }));
      return;
    }
    this.#cy?.elements().unselect();
    this.#cy?.getElementById(id).select();
    const list = el("dl");
    list.append(el("dt", { text: "id" }), el("dd", { text: node.id }));
    list.append(el("dt", { text: "label" }), el("dd", { text: node.label }));
    for (const prop of node.properties) {
      list.append(el("dt", { text: prop.key }), el("dd", { text: prop.value }));
    }
    const expand = el("button", { type: "button", text: "Expand" });
    expand.addEventListener("click", () => this.expand(node.id));
    panel.append(el("h3", { text: node.title }), list, expand);
    this.dispatchEvent(new CustomEvent("node-selected", { composed: true, detail: { id } }));
  }

  #renderLegend() {
    const counts = new Map();
    for (const node of this.#nodes.values()) counts.set(node.label, (counts.get(node.label) || 0) + 1);
    this.ui.legend.replaceChildren(
      ...[...counts.entries()].sort().map(([label, count]) =>
        el(
          "li",
          {},
          el("span", { class: "swatch", style: `background:${this.#colour(label)}`, "aria-hidden": "true" }),
          `${label} (${count})`,
        ),
      ),
    );
  }

  #renderLists() {
    const nodes = [...this.#nodes.values()].map((n) => {
      const show = el("button", { type: "button", class: "link", text: `${n.title} (${n.label})` });
      show.addEventListener("click", () => this.#select(n.id));
      const expand = el("button", { type: "button", text: "Expand", "aria-label": `Expand ${n.title}` });
      expand.addEventListener("click", () => this.expand(n.id));
      return el("li", {}, show, " ", expand);
    });
    const title = (id) => this.#nodes.get(id)?.title ?? id;
    const edges = [...this.#edges.values()].map((e) =>
      el("li", { text: `${title(e.source)} — ${e.type} → ${title(e.target)}` }),
    );
    this.ui.nodeList.replaceChildren(...nodes);
    this.ui.edgeList.replaceChildren(...edges);
  }

  #skeleton() {
    const frame = el("div", { class: "frame", part: "frame" });
    const toolbar = el("div", { class: "toolbar", role: "toolbar", "aria-label": "View controls" });
    const depth = el("select", { "aria-label": "Depth" });
    for (const d of [0, 1, 2, 3]) depth.append(el("option", { value: String(d), text: `Depth ${d}` }));
    depth.addEventListener("change", () => this.reload());
    const filters = el("fieldset", { class: "types" }, el("legend", { text: "Relationship types" }));
    for (const type of TYPES) {
      const box = el("input", { type: "checkbox", value: type });
      box.checked = true;
      box.addEventListener("change", () => {
        if (box.checked) this.#types.add(type);
        else this.#types.delete(type);
        this.reload();
      });
      filters.append(el("label", {}, box, ` ${type}`));
    }
    const details = el("details", { class: "filters" }, el("summary", { text: "Filter" }), filters);
    const listToggle = el("button", { type: "button", "aria-pressed": "false", text: "List view" });
    toolbar.append(depth, details, listToggle);
    const status = el("p", { class: "status", role: "status", "aria-live": "polite" });
    const truncated = el("p", {
      class: "truncated",
      role: "note",
      text: "Showing part of the graph: more nodes are reachable than the view's limit.",
    });
    truncated.hidden = true;
    const canvas = el("div", {
      class: "canvas",
      role: "img",
      tabindex: "0",
      "aria-label": "Relationship graph; the list view below has the same nodes and relationships",
    });
    const panel = el("aside", { class: "panel", "aria-label": "Node properties" });
    const legend = el("ul", { class: "legend", "aria-label": "Legend" });
    const nodeList = el("ul");
    const edgeList = el("ul");
    const lists = el(
      "section",
      { class: "lists visually-hidden", "aria-label": "Nodes and relationships" },
      el("h3", { text: "Nodes" }),
      nodeList,
      el("h3", { text: "Relationships" }),
      edgeList,
    );
    listToggle.addEventListener("click", () => {
      const shown = lists.classList.toggle("visually-hidden") === false;
      listToggle.setAttribute("aria-pressed", String(shown));
    });
    const body = el("div", { class: "body" }, canvas, panel);
    frame.append(toolbar, status, truncated, body, legend, lists);
    panel.append(el("p", { class: "hint", text: "Select a node to see its properties." }));
    return { frame, depth, status, truncated, canvas, panel, legend, nodeList, edgeList };
  }
}

if (!customElements.get("partner-graph")) customElements.define("partner-graph", PartnerGraph);

export { PartnerGraph };
