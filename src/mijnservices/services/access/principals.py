"""Who is asking: the principals the access policy decides for.

A citizen or business logs in (DigiD / eHerkenning, or the labelled demo login) and may
act on behalf of someone else (machtiging). Employees and API clients join later as
further principal kinds; the policy module dispatches on the kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

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

    @property
    def party(self) -> Party:
        """The party whose data is shown: the represented one when acting on behalf."""
        return self.represented or self.actor

    @property
    def acts_on_behalf(self) -> bool:
        return self.represented is not None


EmployeeRole = Literal["kcc", "behandelaar", "beheerder", "auditor"]


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
