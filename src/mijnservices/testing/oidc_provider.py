"""A real OpenID Connect provider on loopback, for login tests (DigiD/eHerkenning brokers).

Built on pyop (IdentityPython's OP library, as used by SATOSA): discovery, authorization
code flow, RS256-signed ID tokens, JWKS, userinfo and RP-initiated logout over real HTTP.
The "login" at the provider is a form that picks one of the configured test identities,
the way a broker's test environment offers test accounts.
"""

from __future__ import annotations

import html
import json
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from Cryptodome.PublicKey import RSA
from jwkest.jwk import RSAKey
from pyop.authz_state import AuthorizationState
from pyop.exceptions import InvalidAuthenticationRequest, OAuthError
from pyop.provider import Provider
from pyop.subject_identifier import HashBasedSubjectIdentifierFactory
from pyop.userinfo import Userinfo
from pyop.util import should_fragment_encode

from mijnservices.testing.processes import free_port
from mijnservices.testing.tls import self_signed_certificate

Environ = dict[str, Any]


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        return


class _ThreadingServer(WSGIServer):
    daemon_threads = True


@dataclass
class LocalOidcProvider:
    """Configure ``clients`` (client_id → secret, redirect uris) and ``users`` (user id →
    claims); ``base_url`` is known once started."""

    client_id: str
    client_secret: str
    redirect_uris: list[str]
    users: dict[str, dict[str, Any]]
    post_logout_redirect_uris: list[str] = field(default_factory=list)
    base_url: str = ""
    logouts: list[dict[str, str]] = field(default_factory=list)
    ca_file: Path | None = None  # the certificate clients must trust, once started
    _provider: Provider | None = None

    def build(self, port: int) -> None:
        self.base_url = f"https://127.0.0.1:{port}"
        key = RSAKey(key=RSA.generate(2048), alg="RS256", kid="test-key")
        config = {
            "issuer": self.base_url,
            "authorization_endpoint": f"{self.base_url}/authorize",
            "token_endpoint": f"{self.base_url}/token",
            "userinfo_endpoint": f"{self.base_url}/userinfo",
            "jwks_uri": f"{self.base_url}/jwks",
            "end_session_endpoint": f"{self.base_url}/logout",
            "scopes_supported": ["openid", "bsn", "kvk"],
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "token_endpoint_auth_methods_supported": ["client_secret_post", "client_secret_basic"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "claims_parameter_supported": True,
        }
        clients = {
            self.client_id: {
                "client_secret": self.client_secret,
                "redirect_uris": self.redirect_uris,
                "post_logout_redirect_uris": self.post_logout_redirect_uris,
                "response_types": ["code"],
                "token_endpoint_auth_method": "client_secret_post",
            }
        }
        state = AuthorizationState(HashBasedSubjectIdentifierFactory("test-salt"))
        self._provider = Provider(
            key,
            config,
            state,
            clients,
            Userinfo(self.users),
            extra_scopes={"bsn": ["bsn"], "kvk": ["kvk", "vestiging"]},
        )

    # --- WSGI --------------------------------------------------------------------------
    def __call__(self, environ: Environ, start_response: Any) -> list[bytes]:
        path = environ["PATH_INFO"]
        routes = {
            "/.well-known/openid-configuration": self._discovery,
            "/jwks": self._jwks,
            "/authorize": self._authorize,
            "/token": self._token,
            "/userinfo": self._userinfo,
            "/logout": self._logout,
        }
        handler = routes.get(path)
        if handler is None:
            return _respond(start_response, "404 Not Found", b"not found", "text/plain")
        return handler(environ, start_response)

    @property
    def provider(self) -> Provider:
        assert self._provider is not None, "provider not started"
        return self._provider

    def _discovery(self, environ: Environ, start_response: Any) -> list[bytes]:
        body = self.provider.provider_configuration.to_json().encode()
        return _respond(start_response, "200 OK", body, "application/json")

    def _jwks(self, environ: Environ, start_response: Any) -> list[bytes]:
        return _respond(
            start_response, "200 OK", json.dumps(self.provider.jwks).encode(), "application/json"
        )

    def _authorize(self, environ: Environ, start_response: Any) -> list[bytes]:
        if environ["REQUEST_METHOD"] == "GET":
            query = environ.get("QUERY_STRING", "")
            try:
                self.provider.parse_authentication_request(query)
            except InvalidAuthenticationRequest as exc:
                return _respond(start_response, "400 Bad Request", str(exc).encode(), "text/plain")
            return _respond(start_response, "200 OK", self._login_page(query), "text/html")
        form = _form(environ)
        query = form.get("request", "")
        request = self.provider.parse_authentication_request(query)
        user = form.get("user", "")
        if user not in self.users:
            return _respond(start_response, "400 Bad Request", b"unknown test user", "text/plain")
        response = self.provider.authorize(request, user)
        location = response.request(request["redirect_uri"], should_fragment_encode(request))
        start_response("302 Found", [("Location", location)])
        return [b""]

    def _login_page(self, query: str) -> bytes:
        options = "".join(
            f'<button name="user" value="{html.escape(uid)}" id="user-{html.escape(uid)}">'
            f"{html.escape(uid)}</button>"
            for uid in self.users
        )
        return (
            "<!doctype html><html lang='en'><title>Test identity provider</title>"
            "<h1>Test identity provider (not DigiD)</h1>"
            f"<form method='post'><input type='hidden' name='request' "
            f"value='{html.escape(query, quote=True)}'>{options}</form></html>"
        ).encode()

    def _token(self, environ: Environ, start_response: Any) -> list[bytes]:
        body = _body(environ)
        headers = {"Authorization": environ.get("HTTP_AUTHORIZATION", "")}
        try:
            response = self.provider.handle_token_request(body, headers)
        except OAuthError as exc:
            error = {"error": exc.oauth_error, "error_description": str(exc)}
            return _respond(
                start_response, "400 Bad Request", json.dumps(error).encode(), "application/json"
            )
        return _respond(start_response, "200 OK", response.to_json().encode(), "application/json")

    def _userinfo(self, environ: Environ, start_response: Any) -> list[bytes]:
        headers = {"Authorization": environ.get("HTTP_AUTHORIZATION", "")}
        try:
            response = self.provider.handle_userinfo_request(_body(environ), headers)
        except (OAuthError, InvalidAuthenticationRequest) as exc:
            return _respond(start_response, "401 Unauthorized", str(exc).encode(), "text/plain")
        return _respond(start_response, "200 OK", response.to_json().encode(), "application/json")

    def _logout(self, environ: Environ, start_response: Any) -> list[bytes]:
        params = {k: v[0] for k, v in parse_qs(environ.get("QUERY_STRING", "")).items()}
        self.logouts.append(params)
        target = params.get("post_logout_redirect_uri", "")
        if target in self.post_logout_redirect_uris:
            suffix = f"?{urlencode({'state': params['state']})}" if "state" in params else ""
            start_response("302 Found", [("Location", target + suffix)])
            return [b""]
        return _respond(start_response, "200 OK", b"logged out", "text/plain")


def _body(environ: Environ) -> str:
    length = int(environ.get("CONTENT_LENGTH") or 0)
    return environ["wsgi.input"].read(length).decode() if length else ""


def _form(environ: Environ) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(_body(environ)).items()}


def _respond(start_response: Any, status: str, body: bytes, content_type: str) -> list[bytes]:
    start_response(status, [("Content-Type", content_type), ("Content-Length", str(len(body)))])
    return [body]


@contextmanager
def running_provider(provider: LocalOidcProvider) -> Iterator[LocalOidcProvider]:
    """Serve ``provider`` over HTTPS on a free loopback port in a background thread.
    Clients trust ``provider.ca_file`` (a throwaway self-signed certificate)."""
    port = free_port()
    provider.build(port)
    cert, key = self_signed_certificate()
    provider.ca_file = cert
    server = make_server("127.0.0.1", port, provider, _ThreadingServer, _QuietHandler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield provider
    finally:
        server.shutdown()
        server.server_close()
