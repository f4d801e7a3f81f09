"""``expand`` of a document relation: the documents of this Documenten registration that an
attribute of other objects names by URL, embedded under ``_expand`` as their detail shows them.

Used by the Documenten API's own resources (``gebruiksrechten?expand=informatieobject``, …) and
by the Zaken API (``zaakinformatieobjecten.informatieobject``, decision 0048). A document is read
through ``documenten_scope`` (``documenten.lezen`` per informatieobjecttype, up to the grant's
maximum vertrouwelijkheid), exactly like a list: one the client may not read embeds as ``{}``.
One query (and the prefetch of its bestandsdelen) for the whole page.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlparse
from uuid import UUID

from django.urls import Resolver404, resolve

from mijnservices.core.identity import ApiClient
from mijnservices.registrations.documenten.models import EnkelvoudigInformatieObject
from mijnservices.services.access import policy

READ = ("documenten.lezen",)
DETAIL = "documenten:enkelvoudiginformatieobject-detail"

Item = tuple[Any, dict[str, Any]]


def _uuid_of(url: Any) -> UUID | None:
    if not isinstance(url, str):
        return None
    try:
        match = resolve(urlparse(url).path)
        if match.view_name != DETAIL:
            return None
        return UUID(str(match.kwargs["uuid"]))
    except (Resolver404, ValueError, KeyError):
        return None


def expand_documents(
    items: list[Item], *, name: str, principal: ApiClient, context: dict[str, Any]
) -> list[Item]:
    """Embed under ``_expand[name]`` of each item the document its attribute ``name`` (a URL)
    names; returns the embedded documents with their representations (for a deeper expand)."""
    from mijnservices.registrations.documenten.api.serializers import InformatieObjectSerializer

    wanted = [_uuid_of(data.get(name)) for _, data in items]
    base = EnkelvoudigInformatieObject.objects.select_related(
        "huidige_versie__informatieobjecttype"
    ).prefetch_related("bestandsdelen")
    uuids = {uuid for uuid in wanted if uuid is not None}
    documents = (
        list(policy.documenten_scope(principal, base, *READ).filter(uuid__in=uuids))
        if uuids
        else []
    )
    versies = []
    for document in documents:
        versie = document.huidige_versie
        assert versie is not None
        versie.document = document
        versies.append(versie)
    rendered = list(InformatieObjectSerializer(versies, many=True, context=context).data)
    by_uuid = {document.uuid: item for document, item in zip(documents, rendered, strict=True)}
    for (_, data), uuid in zip(items, wanted, strict=True):
        data.setdefault("_expand", {})[name] = by_uuid.get(uuid, {}) if uuid else {}
    return list(zip(documents, rendered, strict=True))
