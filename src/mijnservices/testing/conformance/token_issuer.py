"""Stand-in for VNG's token issuer (``token-issuer_url``), which the newer suites call.

The newer collections do not build their own JWT: they POST an applicatie (``clientIds``,
``heeftAlleAutorisaties``, ``autorisaties``, optionally ``secret``) to the API test platform's
token issuer, which registers it at the Autorisaties API and answers ``{"authorization": "Bearer
<jwt>"}``. The standard leaves secrets to the provider, so this stand-in does the same in two
steps: the applicatie goes through our own Autorisaties API (as any client would create it), and
the secret through the service layer (what an administrator does in the admin).
"""

from __future__ import annotations

import json
import secrets
import urllib.error
import urllib.request
from typing import Any

from django.db import close_old_connections, transaction

from mijnservices.registrations.autorisaties import services
from mijnservices.registrations.autorisaties.models import ClientCredential
from mijnservices.testing.api import token
from mijnservices.testing.conformance.http import Request, Response


class TokenIssuer:
    def __init__(self, *, api_root: str, admin_client_id: str, admin_secret: str) -> None:
        self.applicaties = api_root.rstrip("/") + "/autorisaties/api/v1/applicaties"
        self.admin = (admin_client_id, admin_secret)

    def __call__(self, request: Request) -> Response:
        if request.method != "POST":
            return Response.of_json({"detail": "POST an applicatie"}, 405)
        body: dict[str, Any] = request.json() or {}
        client_ids = [str(client_id) for client_id in body.get("clientIds") or []]
        if not client_ids:
            return Response.of_json({"clientIds": ["required"]}, 400)
        secret = str(body.pop("secret", "") or secrets.token_urlsafe(24))
        close_old_connections()
        try:
            self._forget(client_ids)
            status, answer = self._create(body)
            if status != 201:
                return Response(status, answer)
            with transaction.atomic():
                for client_id in client_ids:
                    services.client_secret_set(client_id=client_id, secret=secret)
        finally:
            close_old_connections()
        return Response.of_json(
            {
                "clientId": client_ids[0],
                "secret": secret,
                "authorization": f"Bearer {token(client_ids[0], secret)}",
            }
        )

    def _forget(self, client_ids: list[str]) -> None:
        """A client id asked for again starts afresh, as at the token issuer."""
        credentials = ClientCredential.objects.filter(client_id__in=client_ids)
        for applicatie in {credential.applicatie for credential in credentials}:
            with transaction.atomic():
                services.applicatie_delete(applicatie=applicatie)

    def _create(self, applicatie: dict[str, Any]) -> tuple[int, bytes]:
        request = urllib.request.Request(  # noqa: S310 - our own server on loopback
            self.applicaties,
            data=json.dumps(applicatie).encode(),
            method="POST",
            headers={
                "Authorization": f"Bearer {token(*self.admin)}",
                "Content-Type": "application/json",
                "Accept-Crs": "EPSG:4326",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
                return int(response.status), bytes(response.read())
        except urllib.error.HTTPError as error:
            return int(error.code), bytes(error.read())
