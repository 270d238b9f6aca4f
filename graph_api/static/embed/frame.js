// Iframe mode (/embed/relationship-view?rootId=...#token=...): the token comes
// in the URL fragment, which the browser never sends to a server. The host
// replaces it by setting the iframe's fragment again.
function tokenFromFragment() {
  const params = new URLSearchParams(window.location.hash.slice(1));
  return params.get("token");
}

function apply() {
  const element = document.querySelector("partner-graph");
  const token = tokenFromFragment();
  if (element && token) element.token = token;
}

window.addEventListener("hashchange", apply);
apply();
