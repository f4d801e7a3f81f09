"""Who is who: the identity types every layer shares.

A citizen or business logs in (DigiD / eHerkenning, or the labelled demo login) and may act on
behalf of someone else (machtiging); employees log in at the employee pages; supplier systems call
the APIs with a JWT. The access policy (``services.access``) decides what each may see; the
registrations only store and match parties (a ``Party`` as URN, or as split columns).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from django.db.models import Model, Q, QuerySet

PartyKind = Literal["bsn", "kvk"]
AuthMethod = Literal["demo", "digid", "eherkenning"]


@dataclass(frozen=True)
class Party:
    """A natural person (BSN) or a business (KvK-nummer, optionally one vestiging)."""

    kind: PartyKind
    identifier: str
    vestiging: str = ""
    name: str = ""

    def to_session(self) -> dict[str, str]:
        return {
            "kind": self.kind,
            "identifier": self.identifier,
            "vestiging": self.vestiging,
            "name": self.name,
        }

    @classmethod
    def from_session(cls, data: dict[str, Any]) -> Party:
        kind = data["kind"]
        if kind not in ("bsn", "kvk"):
            raise ValueError("unknown party kind")
        return cls(
            kind=kind,
            identifier=str(data["identifier"]),
            vestiging=str(data.get("vestiging", "")),
            name=str(data.get("name", "")),
        )


@dataclass(frozen=True)
class Citizen:
    """A logged-in citizen or business user, possibly acting for someone else."""

    actor: Party
    auth_method: AuthMethod
    represented: Party | None = None
    # The kind of machtiging (e.g. "familie", "bewindvoering"), as the broker or demo pair says.
    mandate: str = ""
    # Zaaktype identificaties the machtiging covers; empty means all of the represented's zaken.
    mandate_zaaktypen: tuple[str, ...] = ()
    # Authentication level of this login on one scale for DigiD and eHerkenning (0 unknown,
    # 1 Basis, 2 Midden/EH2+, 3 Substantieel/EH3, 4 Hoog/EH4; services/presentation/levels.py).
    level: int = 0

    @property
    def party(self) -> Party:
        """The party whose data is shown: the represented one when acting on behalf."""
        return self.represented or self.actor

    @property
    def acts_on_behalf(self) -> bool:
        return self.represented is not None


EmployeeRole = Literal["kcc", "behandelaar", "beheerder", "auditor", "manager"]


@dataclass(frozen=True)
class Employee:
    """A logged-in municipal employee; what they may see follows from their roles
    (``services.access.employees``)."""

    user_id: int
    username: str
    roles: frozenset[str] = frozenset()
    # Zaaktype identificaties this employee handles as behandelaar.
    behandel_zaaktypen: frozenset[str] = frozenset()
    organisatie_eenheid: str = ""

    def has_role(self, role: EmployeeRole) -> bool:
        return role in self.roles


@dataclass(frozen=True)
class TypeScopes:
    """Scopes an API client holds for one zaaktype / informatieobjecttype / besluittype
    (ZGW Autorisaties ``zaaktype`` + ``maxVertrouwelijkheidaanduiding``)."""

    component: str
    type_url: str
    scopes: frozenset[str]
    max_vertrouwelijkheid: str


@dataclass(frozen=True)
class ApiClient:
    """A supplier system calling the ZGW APIs with a JWT (ZGW Autorisaties ``Applicatie``)."""

    client_id: str
    label: str = ""
    heeft_alle_autorisaties: bool = False
    # Scopes that hold for a whole component (ztc, ac, nrc: no type restriction).
    component_scopes: tuple[tuple[str, frozenset[str]], ...] = ()
    type_scopes: tuple[TypeScopes, ...] = ()

    # DRF and Django ask request.user whether it is authenticated.
    is_authenticated = True
    is_anonymous = False

    def scopes_for(self, component: str) -> frozenset[str]:
        """Every scope held on ``component``, with or without a type restriction."""
        found = [scopes for name, scopes in self.component_scopes if name == component]
        found += [entry.scopes for entry in self.type_scopes if entry.component == component]
        return frozenset().union(*found)


# --- Parties as URNs and as split columns (taken, berichten) ------------------------------
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


def party_columns_q(party: Party) -> Q:
    q = Q(party_kind=party.kind, party_identifier=party.identifier)
    if party.kind == "kvk" and party.vestiging:
        q &= Q(party_vestiging__in=["", party.vestiging])
    return q


def addressed_to(queryset: QuerySet[M], party: Party) -> QuerySet[M]:
    """Rows that carry the split party columns (taken, berichten) addressed to ``party``: a
    person by BSN; a business by KvK-nummer (all of it when acting for the whole business, the
    business-wide and its own vestiging's rows when logged in for one vestiging)."""
    return queryset.filter(party_columns_q(party))


def is_addressed_to(obj: Model, party: Party) -> bool:
    """``addressed_to`` for one loaded row."""
    if getattr(obj, "party_kind", None) != party.kind:
        return False
    if getattr(obj, "party_identifier", None) != party.identifier:
        return False
    if party.kind == "kvk" and party.vestiging:
        return getattr(obj, "party_vestiging", "") in ("", party.vestiging)
    return True
