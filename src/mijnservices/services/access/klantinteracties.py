"""Who may see and change what in the Klantinteracties and Contactgegevens registrations.

API clients (ZGW JWT, internal component ``kic``) need a scope per kind of access:

- ``klantinteracties.lezen`` / ``klantinteracties.bijwerken`` — read / write the
  Klantinteracties API;
- ``klantinteracties.vertrouwelijk.lezen`` — also see vertrouwelijk klantcontacten (and
  their betrokkenen, onderwerpobjecten, bijlagen, internetaken);
- ``contactgegevens.lezen`` / ``contactgegevens.bijwerken`` — the Contactgegevens API.

``heeft_alle_autorisaties`` (the demo client) holds all of them. A party in the portal sees
the klantcontacten it is betrokken in, except vertrouwelijk ones it did not start itself
(an internal registration about the person marked vertrouwelijk stays with the gemeente).
"""

from __future__ import annotations

from typing import TypeVar

from django.db.models import Exists, Model, OuterRef, Q, QuerySet, Subquery

from mijnservices.core.identity import ApiClient, Party
from mijnservices.registrations.klantinteracties import selectors
from mijnservices.registrations.klantinteracties.models import Betrokkene, Klantcontact

M = TypeVar("M", bound=Model)

COMPONENT = "kic"
LEZEN = "klantinteracties.lezen"
BIJWERKEN = "klantinteracties.bijwerken"
VERTROUWELIJK_LEZEN = "klantinteracties.vertrouwelijk.lezen"
CONTACTGEGEVENS_LEZEN = "contactgegevens.lezen"
CONTACTGEGEVENS_BIJWERKEN = "contactgegevens.bijwerken"
SCOPES = (LEZEN, BIJWERKEN, VERTROUWELIJK_LEZEN, CONTACTGEGEVENS_LEZEN, CONTACTGEGEVENS_BIJWERKEN)


def client_may(client: ApiClient, scope: str) -> bool:
    """Whether the API client holds ``scope`` on the ``kic`` component."""
    return client.heeft_alle_autorisaties or scope in client.scopes_for(COMPONENT)


def klantcontacten_visible_to_client(
    queryset: QuerySet[M], client: ApiClient, *, via: str = ""
) -> QuerySet[M]:
    """Filter klantcontacten — or rows hanging off one, through the lookup ``via`` (e.g.
    ``"klantcontact"``) — to those the client may read. Without the read scope: nothing."""
    if not client_may(client, LEZEN):
        return queryset.none()
    if client_may(client, VERTROUWELIJK_LEZEN):
        return queryset
    field = f"{via}__vertrouwelijk" if via else "vertrouwelijk"
    if via:
        # Rows without a klantcontact (an onderwerpobject may have none) stay visible.
        return queryset.filter(Q(**{f"{via}__isnull": True}) | Q(**{field: False}))
    return queryset.filter(**{field: False})


def klantcontact_visible_to_client(vertrouwelijk: bool, client: ApiClient) -> bool:
    """Detail check for one klantcontact (403 when this is False)."""
    if not client_may(client, LEZEN):
        return False
    return not vertrouwelijk or client_may(client, VERTROUWELIJK_LEZEN)


def klantcontacten_visible_to_partij(
    queryset: QuerySet[M], partij_pk: int | Subquery
) -> QuerySet[M]:
    """Klantcontacten (a queryset of them) the partij may see in the portal: those it is
    betrokken in, without the vertrouwelijk ones it did not start itself. ``partij_pk`` may
    be a subquery that finds it (``selectors.partij_id_subquery``)."""
    own = Betrokkene.objects.filter(Q(partij_id=partij_pk), klantcontact=OuterRef("pk"))
    started = own.filter(initiator=True)
    return queryset.filter(Exists(own)).filter(Q(vertrouwelijk=False) | Exists(started))


# --- A party's own contacts (portal, KCC klantbeeld, notifications) ---------------------------
def klantcontacten_for(party: Party) -> QuerySet[Klantcontact]:
    """Klantcontacten in which the party's partij is betrokken, newest first; vertrouwelijk
    ones only when the party started them."""
    partij = selectors.partij_for(party)
    if partij is None:
        return Klantcontact.objects.none()
    return selectors.with_details(
        klantcontacten_visible_to_partij(Klantcontact.objects.all(), partij.pk)
    )


def open_questions_for(party: Party) -> list[Klantcontact]:
    """The party's portal questions that have no answer yet, oldest first."""
    contacts = list(klantcontacten_for(party))
    answers = selectors.answered_question_ids(contacts)
    open_ = [c for c in contacts if selectors.is_question(c) and c.pk not in answers]
    return sorted(open_, key=lambda c: (c.plaatsgevonden_op, c.pk))
