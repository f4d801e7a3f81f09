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

    @property
    def party(self) -> Party:
        """The party whose data is shown: the represented one when acting on behalf."""
        return self.represented or self.actor

    @property
    def acts_on_behalf(self) -> bool:
        return self.represented is not None
