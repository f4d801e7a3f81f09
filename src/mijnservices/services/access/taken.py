"""Who may see which taken and berichten. A party sees only what is addressed to it: a
person by BSN; a business by KvK-nummer (all of it when acting for the whole business, the
business-wide and its own vestiging's items when logged in for one vestiging)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TypeVar
from uuid import UUID

from django.db.models import Model, QuerySet

from mijnservices.core.identity import ApiClient, Citizen
from mijnservices.services.access.policy import has_scope

M = TypeVar("M", bound=Model)


# --- Citizens in the portal ---------------------------------------------------------------
_UUID_AT_END = re.compile(
    r"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/?$", re.IGNORECASE
)


def zaak_uuid_of(reference: str) -> UUID | None:
    """The zaak an ``isGerelateerdAan`` entry names: a Zaken API URL
    (``…/zaken/api/v1/zaken/<uuid>``) or a URN ``urn:nld:gemeente:zaken:zaak:<uuid>``."""
    lowered = reference.lower()
    if "zaak" not in lowered and "zaken" not in lowered:
        return None
    match = _UUID_AT_END.search(reference)
    return UUID(match.group(1)) if match else None


def zaak_uuids_of(item: Model) -> list[UUID]:
    references = getattr(item, "is_gerelateerd_aan", None) or []
    return [u for u in (zaak_uuid_of(str(ref)) for ref in references) if u is not None]


def citizen_items_visible(
    citizen: Citizen, items: Iterable[M], visible_zaak_uuids: set[UUID]
) -> list[M]:
    """Taken or berichten (already filtered to the citizen's party) that the citizen may see.

    A representative whose machtiging covers only some zaaktypen sees only the items that
    belong to a zaak within it (``visible_zaak_uuids``: the zaken ``zaken_scope`` gives the
    citizen); everyone else sees every item addressed to the party."""
    items = list(items)
    if not (citizen.acts_on_behalf and citizen.mandate_zaaktypen):
        return items
    return [item for item in items if any(u in visible_zaak_uuids for u in zaak_uuids_of(item))]


# --- API clients (component ``vtb``: Taken + Berichten; ``mtk``: MijnTaken) ----------------
VTB = "vtb"
MTK = "mtk"
READ_TAKEN = "taken.lezen"
READ_BERICHTEN = "berichten.lezen"
READ_MIJNTAKEN = "mijntaken.lezen"


def api_client_scope(
    principal: ApiClient, queryset: QuerySet[M], component: str, scope: str
) -> QuerySet[M]:
    """What an API client reads: everything with the scope, nothing without (lists filter
    silently; the viewsets answer 403 on a detail it cannot see)."""
    if has_scope(principal, component, scope):
        return queryset
    return queryset.none()
