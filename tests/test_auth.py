"""Bearer tokens over real HTTP and WebSocket: each rejection is a clear 401."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import stat
import time
from collections.abc import Iterator
from pathlib import Path

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from websockets.sync.client import connect

from graph_api.auth import (
    DEV_SECRET_FILE,
    MAX_TOKEN_LIFETIME,
    AuthError,
    mint,
    with_serving_auth,
)
from graph_api.cli import main
from graph_api.config import ConfigError, Settings
from graph_api.embedded import Connection
from graph_api.store import Store
from tests.support.security import SECRET, SecureServer, auth, secure_server, token

QUERY = "{ partners(first: 5) { totalCount } }"


@pytest.fixture(scope="module")
def secured(migrated: Connection) -> Iterator[SecureServer]:
    with secure_server(migrated) as server:
        yield server


def _encode(claims: dict[str, object], key: str = SECRET, alg: str = "HS256") -> str:
    return jwt.encode(claims, key, algorithm=alg)


def _claims(**extra: object) -> dict[str, object]:
    return {"sub": "someone", "role": "admin", "exp": int(time.time()) + 600, **extra}


def _rejected(server: SecureServer, headers: dict[str, str]) -> tuple[str, str]:
    response = server.gql(QUERY, headers=headers)
    assert response.status_code == 401, response.text
    assert response.headers["content-type"] == "application/json"
    assert response.headers["www-authenticate"].startswith("Bearer")
    body = response.json()
    assert body["data"] is None
    [error] = body["errors"]
    assert error["extensions"]["code"] == "UNAUTHENTICATED"
    return error["extensions"]["reason"], error["message"]


def _bearer(value: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {value}"}


def test_no_token_gets_nothing(secured: SecureServer) -> None:
    assert _rejected(secured, {}) == (
        "missing",
        "authentication required: send `Authorization: Bearer <JWT>`",
    )
    assert _rejected(secured, {"Authorization": "Basic abc"})[0] == "missing"
    assert _rejected(secured, _bearer("not-a-jwt")) == (
        "malformed",
        "the bearer token is not a well-formed JWT",
    )


def test_expired_token(secured: SecureServer) -> None:
    expired = _encode(_claims(exp=int(time.time()) - 3600))
    assert _rejected(secured, _bearer(expired)) == ("expired", "the token has expired")


def test_bad_signature(secured: SecureServer) -> None:
    forged = _encode(_claims(), key="another-secret-that-is-also-long-enough-xx")
    assert _rejected(secured, _bearer(forged)) == ("signature", "the token signature is invalid")


def test_wrong_algorithm_including_none(secured: SecureServer) -> None:
    unsigned = _encode(_claims(), key="", alg="none")
    assert _rejected(secured, _bearer(unsigned)) == (
        "algorithm",
        "token algorithm 'none' is not accepted; this server accepts HS256",
    )
    hs512 = _encode(_claims(), key=SECRET * 2, alg="HS512")
    assert _rejected(secured, _bearer(hs512))[0] == "algorithm"


def test_claims(secured: SecureServer) -> None:
    no_partner = _encode(_claims(role="partner"))
    assert _rejected(secured, _bearer(no_partner)) == (
        "claims",
        "a partner token needs a `partner_id` claim",
    )
    assert _rejected(secured, _bearer(_encode(_claims(role="root"))))[0] == "claims"
    no_exp = _encode({"sub": "someone", "role": "admin"})
    assert _rejected(secured, _bearer(no_exp)) == ("claims", "the token lacks the `exp` claim")


def test_time_claims_must_be_integers_in_a_sane_range(secured: SecureServer) -> None:
    """``exp``, ``nbf`` and ``iat`` are whole seconds (not strings, floats or booleans),
    ``exp`` at most MAX_TOKEN_LIFETIME ahead; each variant is a 401 with a reason."""
    now = int(time.time())
    later = now + 600
    variants: list[tuple[dict[str, object], str, str]] = [
        (_claims(exp=str(later)), "claims", "the `exp` claim must be a whole number of seconds"),
        (_claims(exp="9999999999"), "claims", "the `exp` claim must be a whole number of seconds"),
        (_claims(exp=float(later)), "claims", "the `exp` claim must be a whole number of seconds"),
        (_claims(exp=1e20), "claims", "the `exp` claim must be a whole number of seconds"),
        (_claims(exp=True), "claims", "the `exp` claim must be a whole number of seconds"),
        (_claims(exp=None), "claims", "the token lacks the `exp` claim"),
        (_claims(exp=10**20), "claims", "the `exp` claim is too far in the future"),
        (
            _claims(exp=now + MAX_TOKEN_LIFETIME + 3600),
            "claims",
            "the `exp` claim is too far in the future",
        ),
        (_claims(nbf="0"), "claims", "the `nbf` claim must be a whole number of seconds"),
        (_claims(nbf=now + 3600), "claims", "the token is not valid yet (`nbf`)"),
        (_claims(iat=1.5), "claims", "the `iat` claim must be a whole number of seconds"),
        (_claims(iat=False), "claims", "the `iat` claim must be a whole number of seconds"),
        (_claims(iat=now + 3600), "claims", "the `iat` claim is in the future"),
        ({"sub": "someone", "role": "admin"}, "claims", "the token lacks the `exp` claim"),
        (_claims(exp=now - 3600), "expired", "the token has expired"),
    ]
    for claims, reason, message in variants:
        assert _rejected(secured, _bearer(_encode(claims))) == (reason, message), claims
    # The signature and the algorithm are checked before any claim.
    forged = _encode(_claims(exp="soon"), key="another-secret-that-is-also-long-enough-xx")
    assert _rejected(secured, _bearer(forged))[0] == "signature"
    assert _rejected(secured, _bearer(_encode(_claims(exp="x"), key="", alg="none")))[0] == (
        "algorithm"
    )
    # Whole seconds within range, with nbf and iat in the past, are accepted.
    fine = _encode(_claims(exp=now + MAX_TOKEN_LIFETIME - 60, nbf=now - 10, iat=now - 10))
    assert secured.gql(QUERY, headers=_bearer(fine)).status_code == 200
    # The token command refuses to mint what the server would reject.
    with pytest.raises(AuthError):
        mint(SECRET, "admin", "someone", ttl=MAX_TOKEN_LIFETIME + 3600)
    with pytest.raises(SystemExit):
        main(["token", "--role", "admin", "--ttl", "400d"])


async def test_valid_tokens_and_open_probes(secured: SecureServer, store: Store) -> None:
    ok = secured.gql(QUERY, headers=auth("analyst"))
    assert ok.status_code == 200, ok.text
    assert ok.json()["data"] == {"partners": {"totalCount": 0}}
    assert ok.headers["x-request-id"]
    assert secured.client.get(f"{secured.url}/health").status_code == 200


async def test_token_command_round_trip_and_audit_actor(
    secured: SecureServer,
    store: Store,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    await store.run_raw(
        "CREATE (:Partner {id: 'pa', name: 'A'})-[:HOLDS]->(:Partnership {id: 'sa'})"
        "-[:IN_PROGRAM]->(:Program {id: 'pr', name: 'Referral'})"
    )
    monkeypatch.setenv("GRAPH_API_JWT_SECRET", SECRET)
    assert main(["token", "--role", "partner", "--partner-id", "pa", "--ttl", "15m"]) == 0
    minted = capsys.readouterr().out.strip()
    claims = jwt.decode(minted, SECRET, algorithms=["HS256"])
    assert (claims["sub"], claims["role"], claims["partner_id"]) == ("partner:pa", "partner", "pa")
    assert claims["exp"] - claims["iat"] == 900
    write = secured.gql(
        'mutation { upsertLead(input: {name: "Hooli", partnershipId: "sa"}) '
        "{ ... on LeadPayload { lead { id } } } }",
        headers=_bearer(minted),
    )
    lead_id = write.json()["data"]["upsertLead"]["lead"]["id"]
    changes = secured.gql(
        "query($id: ID!) { changes(entityId: $id) { edges { node { actor operation } } } }",
        {"id": lead_id},
        headers=auth("admin"),
    ).json()
    assert changes["data"]["changes"]["edges"] == [
        {"node": {"actor": "partner:pa", "operation": "create"}}
    ]


def _key_pair(tmp_path: Path) -> tuple[str, Path]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private = tmp_path / "private.pem"
    private.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    public = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return public.decode(), private


def test_rs256_with_generated_key_pair(
    migrated: Connection, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    public, private = _key_pair(tmp_path)
    assert main(["token", "--role", "admin", "--private-key", str(private)]) == 0
    minted = capsys.readouterr().out.strip()
    assert jwt.get_unverified_header(minted)["alg"] == "RS256"
    with secure_server(migrated, jwt_secret=None, jwt_public_key=public) as server:
        ok = server.gql(QUERY, headers=_bearer(minted))
        assert ok.status_code == 200, ok.text
        assert ok.json()["data"]["partners"]["totalCount"] >= 0
        # The HS256-with-the-public-key confusion attack names the wrong algorithm.
        confused = _hs256_by_hand(_claims(), public.encode())
        assert _rejected(server, _bearer(confused))[0] == "algorithm"
        assert _rejected(server, _bearer(token("admin")))[0] == "algorithm"


def _hs256_by_hand(claims: dict[str, object], key: bytes) -> str:
    def part(raw: bytes) -> str:
        return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()

    signing_input = part(b'{"alg":"HS256","typ":"JWT"}') + "." + part(json.dumps(claims).encode())
    signature = hmac.new(key, signing_input.encode(), hashlib.sha256).digest()
    return signing_input + "." + part(signature)


def _ws(server: SecureServer, payload: dict[str, object]) -> dict[str, object]:
    url = server.url.replace("http://", "ws://") + "/graphql"
    with connect(url, subprotocols=["graphql-transport-ws"]) as ws:  # type: ignore[list-item]
        ws.send(json.dumps({"type": "connection_init", "payload": payload}))
        try:
            reply: dict[str, object] = json.loads(ws.recv(timeout=10))
        except Exception as exc:  # the server closed the socket
            code = getattr(getattr(exc, "rcvd", None), "code", None)
            return {"closed": code}
        return reply


def test_websocket_needs_a_token(secured: SecureServer) -> None:
    assert _ws(secured, {}) == {"closed": 4403}
    assert _ws(secured, {"Authorization": "Bearer nope"}) == {"closed": 4403}
    assert _ws(secured, {"Authorization": f"Bearer {token('analyst')}"}) == {
        "type": "connection_ack"
    }


def test_dev_secret_is_private_and_production_needs_a_key(tmp_path: Path) -> None:
    settings = with_serving_auth(Settings(data_dir=tmp_path))
    path = tmp_path / DEV_SECRET_FILE
    assert settings.jwt_secret == path.read_text()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert with_serving_auth(Settings(data_dir=tmp_path)).jwt_secret == settings.jwt_secret
    with pytest.raises(ConfigError):
        with_serving_auth(Settings(data_dir=tmp_path, profile="production"))


def test_serve_prints_working_demo_tokens() -> None:
    from graph_api.auth import Verifier
    from graph_api.commands.serve import _demo_tokens

    lines = _demo_tokens(Settings(jwt_secret=SECRET), {"id": "pd", "name": "Dist"})
    assert lines[0].startswith("Requests need `Authorization: Bearer <token>`")
    admin_line, partner_line = lines[1], lines[2]
    assert admin_line.startswith("  admin: ") and partner_line.startswith("  partner pd (Dist): ")
    verifier = Verifier("HS256", SECRET)
    admin = verifier.principal(admin_line.rsplit(" ", 1)[1])
    partner = verifier.principal(partner_line.rsplit(" ", 1)[1])
    assert (admin.role, admin.partner_id) == ("admin", None)
    assert (partner.role, partner.partner_id, partner.sub) == ("partner", "pd", "partner:pd")
    # A production server's tokens come from the identity provider: none are printed.
    assert _demo_tokens(Settings(jwt_secret=SECRET, profile="production"), None) == []


def test_websocket_header_tokens_are_checked_at_the_handshake(secured: SecureServer) -> None:
    from websockets.exceptions import InvalidStatus

    url = secured.url.replace("http://", "ws://") + "/graphql"
    expired = _encode(_claims(exp=int(time.time()) - 3600))
    with pytest.raises(InvalidStatus) as refused:
        connect(
            url,
            subprotocols=["graphql-transport-ws"],  # type: ignore[list-item]
            additional_headers=_bearer(expired),
            proxy=None,
        )
    assert refused.value.response.status_code == 403
    with connect(
        url,
        subprotocols=["graphql-transport-ws"],  # type: ignore[list-item]
        additional_headers=auth("partner", "pa"),
        proxy=None,
    ) as ws:
        ws.send(json.dumps({"type": "connection_init", "payload": {}}))
        assert json.loads(ws.recv(timeout=10)) == {"type": "connection_ack"}
