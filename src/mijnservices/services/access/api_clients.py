"""Build the :class:`ApiClient` principal for a JWT client id from the Autorisaties registration."""

from __future__ import annotations

from dataclasses import dataclass

import structlog
from django.conf import settings
from django.db.models import QuerySet

from mijnservices.core.identity import ApiClient, TypeScopes
from mijnservices.registrations.autorisaties.demo import DEMO_CLIENT_ID, DEMO_SECRET
from mijnservices.registrations.autorisaties.models import ClientCredential

logger = structlog.get_logger(__name__)


@dataclass(frozen=True)
class LoadedClient:
    secret: str
    principal: ApiClient


def _credentials() -> QuerySet[ClientCredential]:
    return ClientCredential.objects.select_related("applicatie").prefetch_related(
        "applicatie__autorisaties"
    )


def api_client_load(client_id: str) -> LoadedClient | None:
    """The principal and secret for ``client_id`` in two queries, or ``None`` if unknown."""
    return _loaded(_credentials().filter(client_id=client_id).first())


def api_clients_load() -> dict[str, LoadedClient]:
    """Every client that may log in, by client id, in two queries (a web process keeps
    them: ``api/authentication.py``)."""
    found: dict[str, LoadedClient] = {}
    for credential in _credentials().filter(applicatie__isnull=False).exclude(secret=""):
        loaded = _loaded(credential)
        if loaded is not None:
            found[credential.client_id] = loaded
    return found


def _loaded(credential: ClientCredential | None) -> LoadedClient | None:
    if credential is None or credential.applicatie is None:  # a secret without rights yet
        return None
    client_id = credential.client_id
    demo = credential.client_id == DEMO_CLIENT_ID or credential.secret == DEMO_SECRET
    if demo and not settings.DEMO_MODE:
        # A database that was once a demo keeps the public demo credentials: refused.
        logger.warning("demo_credentials_refused")
        return None
    applicatie = credential.applicatie
    component_scopes: dict[str, set[str]] = {}
    type_scopes: list[TypeScopes] = []
    for autorisatie in applicatie.autorisaties.all():
        scopes = frozenset(str(scope) for scope in autorisatie.scopes)
        if autorisatie.type_url:
            type_scopes.append(
                TypeScopes(
                    component=autorisatie.component,
                    type_url=autorisatie.type_url,
                    scopes=scopes,
                    max_vertrouwelijkheid=autorisatie.max_vertrouwelijkheidaanduiding,
                )
            )
        else:
            component_scopes.setdefault(autorisatie.component, set()).update(scopes)
    principal = ApiClient(
        client_id=client_id,
        label=applicatie.label,
        heeft_alle_autorisaties=applicatie.heeft_alle_autorisaties,
        component_scopes=tuple(
            (component, frozenset(scopes)) for component, scopes in sorted(component_scopes.items())
        ),
        type_scopes=tuple(type_scopes),
    )
    return LoadedClient(secret=credential.secret, principal=principal)
