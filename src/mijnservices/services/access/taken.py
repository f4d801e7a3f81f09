"""Who may see which taken and berichten. A party sees only what is addressed to it: a
person by BSN; a business by KvK-nummer (all of it when acting for the whole business, the
business-wide and its own vestiging's items when logged in for one vestiging)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TypeVar
from uuid import UUID

from django.db.models import Model, Q, QuerySet

from mijnservices.services.access.policy import has_scope
from mijnservices.services.access.principals import ApiClient, Citizen, Party

M = TypeVar("M", bound=Model)

_BSN = re.compile(r"^urn:nld:brp:bsn:(\d{9})$")
_KVK = re.compile(r"^urn:nld:hr:kvknummer:(\d{8})(?::vestigingsnummer:(\d{12}))?$")


def party_from_urn(urn: str) -> Party | None:
    """The party an ``isToegewezenAan`` / ``ontvanger`` URN names, or None for other URNs
    (e.g. a klantnummer), which no logged-in party can match."""
    if m := _BSN.match(urn):
        return Party(kind="bsn", identifier=m.group(1))
    if m := _KVK.match(urn):
        return Party(kind="kvk", identifier=m.group(1), vestiging=m.group(2) or "")
    return None


def party_urn(party: Party) -> str:
    if party.kind == "bsn":
        return f"urn:nld:brp:bsn:{party.identifier}"
    urn = f"urn:nld:hr:kvknummer:{party.identifier}"
    return f"{urn}:vestigingsnummer:{party.vestiging}" if party.vestiging else urn


def party_fields(urn: str) -> dict[str, str]:
    """The split lookup columns stored beside the URN."""
    party = party_from_urn(urn)
    if party is None:
        return {"party_kind": "", "party_identifier": "", "party_vestiging": ""}
    return {
        "party_kind": party.kind,
        "party_identifier": party.identifier,
        "party_vestiging": party.vestiging,
    }


def _party_q(party: Party) -> Q:
    q = Q(party_kind=party.kind, party_identifier=party.identifier)
    if party.kind == "kvk" and party.vestiging:
        q &= Q(party_vestiging__in=["", party.vestiging])
    return q


def visible_to_party(queryset: QuerySet[M], party: Party) -> QuerySet[M]:
    """Filter taken or berichten (both carry the party columns) to those for ``party``."""
    return queryset.filter(_party_q(party))


def party_may_see(obj: Model, party: Party) -> bool:
    if getattr(obj, "party_kind", None) != party.kind:
        return False
    if getattr(obj, "party_identifier", None) != party.identifier:
        return False
    if party.kind == "kvk" and party.vestiging:
        return getattr(obj, "party_vestiging", "") in ("", party.vestiging)
    return True


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
