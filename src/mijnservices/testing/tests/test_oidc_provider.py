"""The local OpenID provider speaks the real protocol: code flow with a signed ID token."""

from __future__ import annotations

import json
import re
import ssl
import urllib.parse
import urllib.request

import jwt

from mijnservices.testing.oidc_provider import LocalOidcProvider, running_provider

REDIRECT = "http://127.0.0.1:9/callback"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_CONTEXT: list[ssl.SSLContext] = []


def _trust(ca_file) -> None:
    _CONTEXT[:] = [ssl.create_default_context(cafile=str(ca_file))]


def _opener() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(
        _NoRedirect, urllib.request.HTTPSHandler(context=_CONTEXT[0])
    )


def _get(url: str) -> tuple[int, str, dict]:
    opener = _opener()
    try:
        with opener.open(url, timeout=5) as response:
            return response.status, response.read().decode(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), dict(error.headers)


def test_code_flow_yields_an_rs256_id_token_with_the_bsn_claim():
    provider = LocalOidcProvider(
        client_id="portal",
        client_secret="s3cret",
        redirect_uris=[REDIRECT],
        users={"alice": {"bsn": "999993653"}},
    )
    with running_provider(provider) as op:
        _trust(op.ca_file)
        config = json.loads(_get(f"{op.base_url}/.well-known/openid-configuration")[1])
        query = urllib.parse.urlencode(
            {
                "response_type": "code",
                "client_id": "portal",
                "redirect_uri": REDIRECT,
                "scope": "openid bsn",
                "state": "xyz",
                "nonce": "n1",
            }
        )
        status, page, _ = _get(f"{config['authorization_endpoint']}?{query}")
        assert status == 200 and "alice" in page
        request_value = re.search(r"name='request' value='([^']*)'", page).group(1)
        form = urllib.parse.urlencode(
            {"request": request_value.replace("&amp;", "&"), "user": "alice"}
        ).encode()
        opener = _opener()
        try:
            opener.open(config["authorization_endpoint"], data=form, timeout=5)
            raise AssertionError("expected a redirect")
        except urllib.error.HTTPError as redirect:
            location = redirect.headers["Location"]
        params = urllib.parse.parse_qs(urllib.parse.urlparse(location).query)
        assert params["state"] == ["xyz"]
        token_body = urllib.parse.urlencode(
            {
                "grant_type": "authorization_code",
                "code": params["code"][0],
                "redirect_uri": REDIRECT,
                "client_id": "portal",
                "client_secret": "s3cret",
            }
        ).encode()
        with _opener().open(config["token_endpoint"], data=token_body, timeout=5) as r:
            tokens = json.loads(r.read())
        keys = jwt.PyJWKClient(
            config["jwks_uri"], ssl_context=_CONTEXT[0]
        ).get_signing_key_from_jwt(tokens["id_token"])
        claims = jwt.decode(tokens["id_token"], keys.key, algorithms=["RS256"], audience="portal")
        assert claims["nonce"] == "n1"
        assert claims["iss"] == op.base_url
        request = urllib.request.Request(  # noqa: S310 - https to loopback
            config["userinfo_endpoint"],
            headers={"Authorization": f"Bearer {tokens['access_token']}"},
        )
        with _opener().open(request, timeout=5) as r:
            assert json.loads(r.read())["bsn"] == "999993653"


def test_unknown_client_is_refused_at_the_authorization_endpoint():
    provider = LocalOidcProvider(
        client_id="portal",
        client_secret="x",
        redirect_uris=[REDIRECT],
        users={"alice": {"bsn": "999993653"}},
    )
    with running_provider(provider) as op:
        _trust(op.ca_file)
        query = urllib.parse.urlencode(
            {
                "response_type": "code",
                "client_id": "other",
                "redirect_uri": REDIRECT,
                "scope": "openid",
            }
        )
        status, _, _ = _get(f"{op.base_url}/authorize?{query}")
        assert status == 400
