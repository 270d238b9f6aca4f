"""The GraphiQL page over real HTTP: served from vendored assets, reachable without a
token (query string or not), with the Headers tab and note matching the profile."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from urllib.parse import quote

import pytest

from graph_api import ide
from graph_api.auth import verifier_for
from graph_api.config import Settings
from graph_api.embedded import Connection
from tests.support.security import SECRET, SecureServer, auth, secure_server

HTML = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
QUERY = "{ partners(first: 1) { totalCount } }"


@pytest.fixture(scope="module")
def development(migrated: Connection) -> Iterator[SecureServer]:
    with secure_server(migrated, profile="development", graphiql=True) as server:
        yield server


@pytest.fixture(scope="module")
def production(migrated: Connection) -> Iterator[SecureServer]:
    with secure_server(migrated, profile="production", graphiql=True) as server:
        yield server


def ide_config(html: str) -> dict[str, str]:
    found = re.search(r'<script id="ide-config" type="application/json">(.*?)</script>', html)
    assert found, "the page carries no IDE config"
    config: dict[str, str] = json.loads(found.group(1))
    return config


def test_reload_with_query_string_shows_the_ide_not_json(development: SecureServer) -> None:
    for search in ("", f"?query={quote(QUERY)}", "?query=", "?variables=%7B%7D&x=1"):
        page = development.client.get(development.graphql_url + search, headers=HTML)
        assert page.status_code == 200, (search, page.text[:200])
        assert page.headers["content-type"].startswith("text/html")
        assert page.headers["cache-control"] == "no-store"  # it may hold a demo token
        assert "graphiql" in page.text.lower()
    # Clients that do not ask for HTML still get GraphQL, and still need a token.
    bare = development.client.get(
        development.graphql_url + f"?query={quote(QUERY)}", headers={"Accept": "*/*"}
    )
    assert bare.status_code == 401
    assert bare.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    answer = development.client.get(
        development.graphql_url + f"?query={quote(QUERY)}",
        headers={"Accept": "application/json", **auth("admin")},
    )
    assert answer.status_code == 200
    assert answer.json()["data"]["partners"]["totalCount"] >= 0


def test_development_page_starts_with_a_demo_admin_token(development: SecureServer) -> None:
    config = ide_config(development.client.get(development.graphql_url, headers=HTML).text)
    headers = json.loads(config["headers"])
    verifier = verifier_for(Settings(jwt_secret=SECRET))
    assert verifier is not None
    principal = verifier.principal(headers["Authorization"].split(" ", 1)[1])
    assert principal.role == "admin"
    assert "partner token" in config["note"] and "graph-api serve" in config["note"]
    # The token in the page is a working one.
    body = development.gql(QUERY, headers=headers).json()
    assert "errors" not in body, body


def test_production_page_has_no_token_and_says_where_to_paste_one(
    production: SecureServer,
) -> None:
    page = production.client.get(production.graphql_url + "?query=%7B%7D", headers=HTML)
    assert page.status_code == 200
    config = ide_config(page.text)
    assert config["headers"] == ""
    assert "Headers tab" in config["note"] and "Bearer" in config["note"]
    assert "eyJ" not in page.text  # no JWT anywhere in the page


def test_page_loads_only_vendored_assets_from_this_server(development: SecureServer) -> None:
    html = development.client.get(development.graphql_url, headers=HTML).text
    urls = re.findall(r'(?:src|href)="([^"]+)"', html)
    assets = [u for u in urls if not u.startswith("data:")]
    assert len(assets) == 6, assets  # react, react-dom, graphiql js+css, explorer js+css
    for url in assets:
        assert url.startswith("/ide/vendor/"), url
        response = development.client.get(development.url + url)
        assert response.status_code == 200, url
        assert len(response.content) > 500


def test_no_page_and_no_assets_when_graphiql_is_off(migrated: Connection) -> None:
    with secure_server(migrated, graphiql=False) as server:
        page = server.client.get(server.graphql_url + "?query=%7B%7D", headers=HTML)
        assert page.status_code == 401
        asset = server.client.get(server.url + "/ide/vendor/graphiql-3.8.3/graphiql.min.css")
        assert asset.status_code == 404


def test_auth_off_page_says_so() -> None:
    config = ide_config(ide.page(Settings(graphiql=True)))
    assert config["headers"] == "" and "Auth is off" in config["note"]


def test_demo_token_is_for_browsers_on_this_machine_only() -> None:
    settings = Settings(graphiql=True, jwt_secret=SECRET)
    assert json.loads(ide_config(ide.page(settings, "::1"))["headers"])["Authorization"]
    remote = ide_config(ide.page(settings, "192.0.2.7"))
    assert remote["headers"] == "" and "Headers tab" in remote["note"]
    assert "eyJ" not in ide.page(settings, None)
