"""``expand`` (Zaken API 1.5+): related objects inline under ``_expand``.

Relations within the Zaken API are read through the access policy (``zaken_scope`` for
zaken, ``related_scope`` for what belongs to a zaak), exactly like a list: an object the
client may not see is left out (``{}`` for a single relation), never shown. Relations into
the Catalogi API (``zaaktype``, ``status.statustype``, ``zaaktype.catalogus.zaaktypen``)
are embedded as the Catalogi API's own ``expand`` embeds them, read as a direct read
(``catalogi.lezen``; :func:`~mijnservices.registrations.catalogi.api.reading.expand_types`).
``zaakinformatieobjecten.informatieobject`` embeds the document of our Documenten registration
(read through ``documenten_scope``; :mod:`~mijnservices.registrations.documenten.api.embedding`)
and below it its ``informatieobjecttype``. ``relevanteAndereZaken`` expands to the zaken of this
API its URLs name. Limits: at most
``MAX_DEPTH`` levels per path and ``MAX_PATHS`` paths per request; each relation costs
one query per level for the whole page, however many objects it holds.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse
from uuid import UUID

from django.db.models import Model, QuerySet
from django.urls import Resolver404, resolve
from rest_framework.exceptions import ValidationError
from rest_framework.serializers import BaseSerializer

from mijnservices.core.identity import ApiClient
from mijnservices.registrations.catalogi.api.expand import EXPANDABLE as CATALOGI_EXPANDABLE
from mijnservices.registrations.catalogi.api.reading import expand_types
from mijnservices.registrations.documenten.api.embedding import expand_documents
from mijnservices.registrations.zaken.api import querysets, serializers
from mijnservices.services.access import policy

# Zaken 1.5+ sets no depth; the VNG suite asks five levels (rollen.zaak.rollen.zaak.rollen).
MAX_DEPTH = 6
MAX_PATHS = 10


@dataclass(frozen=True)
class Kind:
    queryset: Callable[[], QuerySet[Any]]
    serializer: type[BaseSerializer]  # type: ignore[type-arg]


KINDS = {
    "zaak": Kind(querysets.zaken, serializers.ZaakSerializer),
    "status": Kind(querysets.statussen, serializers.StatusSerializer),
    "resultaat": Kind(querysets.resultaten, serializers.ResultaatSerializer),
    "rol": Kind(querysets.rollen, serializers.RolSerializer),
    "zaakobject": Kind(querysets.zaakobjecten, serializers.ZaakObjectSerializer),
    "zaakinformatieobject": Kind(
        querysets.zaakinformatieobjecten, serializers.ZaakInformatieObjectSerializer
    ),
    "zaakeigenschap": Kind(querysets.zaakeigenschappen, serializers.ZaakEigenschapSerializer),
    # Not expandable from a zaak in 1.7; listed so their views share the scoped reads.
    "klantcontact": Kind(querysets.klantcontacten, serializers.KlantContactSerializer),
    "zaakcontactmoment": Kind(
        querysets.zaakcontactmomenten, serializers.ZaakContactMomentSerializer
    ),
    "zaakverzoek": Kind(querysets.zaakverzoeken, serializers.ZaakVerzoekSerializer),
    "zaaknotitie": Kind(querysets.zaaknotities, serializers.ZaakNotitieSerializer),
}


@dataclass(frozen=True)
class Relation:
    kind: str
    column: str  # forward: the source's FK column; reverse: the target's FK column;
    # listed: the source's JSON list of {"url": ...} (relevanteAndereZaken)
    forward: bool
    many: bool
    listed: bool = False


RELATIONS: dict[str, dict[str, Relation]] = {
    "zaak": {
        "hoofdzaak": Relation("zaak", "hoofdzaak_id", forward=True, many=False),
        "relevanteAndereZaken": Relation(
            "zaak", "relevante_andere_zaken", forward=True, many=True, listed=True
        ),
        "deelzaken": Relation("zaak", "hoofdzaak_id", forward=False, many=True),
        "rollen": Relation("rol", "zaak_id", forward=False, many=True),
        "status": Relation("status", "status_id", forward=True, many=False),
        "resultaat": Relation("resultaat", "zaak_id", forward=False, many=False),
        "zaakobjecten": Relation("zaakobject", "zaak_id", forward=False, many=True),
        "zaakinformatieobjecten": Relation(
            "zaakinformatieobject", "zaak_id", forward=False, many=True
        ),
        "eigenschappen": Relation("zaakeigenschap", "zaak_id", forward=False, many=True),
    },
    "status": {
        "zaak": Relation("zaak", "zaak_id", forward=True, many=False),
        "gezetdoor": Relation("rol", "gezetdoor_id", forward=True, many=False),
        "zaakinformatieobjecten": Relation(
            "zaakinformatieobject", "status_id", forward=False, many=True
        ),
    },
    "resultaat": {"zaak": Relation("zaak", "zaak_id", forward=True, many=False)},
    "rol": {
        "zaak": Relation("zaak", "zaak_id", forward=True, many=False),
        "statussen": Relation("status", "gezetdoor_id", forward=False, many=True),
    },
    "zaakobject": {"zaak": Relation("zaak", "zaak_id", forward=True, many=False)},
    "zaakinformatieobject": {
        "zaak": Relation("zaak", "zaak_id", forward=True, many=False),
        "status": Relation("status", "status_id", forward=True, many=False),
    },
    "zaakeigenschap": {"zaak": Relation("zaak", "zaak_id", forward=True, many=False)},
}

# Relations into the Catalogi API: kind → name → (Catalogi resource, many). The name is
# the attribute of the representation that holds the URL.
TYPES: dict[str, dict[str, tuple[str, bool]]] = {
    "zaak": {"zaaktype": ("zaaktype", False)},
    "status": {"statustype": ("statustype", False)},
    "resultaat": {"resultaattype": ("resultaattype", False)},
    "rol": {"roltype": ("roltype", False)},
    "zaakobject": {"zaakobjecttype": ("zaakobjecttype", False)},
    "zaakeigenschap": {"eigenschap": ("eigenschap", False)},
}

# Relations into the Documenten API (a document of ours, by URL), and what can be expanded
# below a document (its informatieobjecttype, into the Catalogi API).
DOCUMENTS: dict[str, set[str]] = {"zaakinformatieobject": {"informatieobject"}}
BELOW_DOCUMENT = "informatieobjecttype"

Tree = dict[str, "Tree"]


def parse(kind: str, value: str) -> Tree:
    """``"rollen,status.gezetdoor"`` → ``{"rollen": {}, "status": {"gezetdoor": {}}}``."""
    paths = [p.strip() for p in value.split(",") if p.strip()]
    if len(paths) > MAX_PATHS:
        raise ValidationError({"expand": [f"At most {MAX_PATHS} paths."]}, code="invalid")
    tree: Tree = {}
    for path in paths:
        parts = path.split(".")
        if len(parts) > MAX_DEPTH:
            raise ValidationError(
                {"expand": [f"{path}: at most {MAX_DEPTH} levels."]}, code="invalid"
            )
        node, current, api = tree, kind, "zaken"
        for part in parts:
            target = _target(api, current, part)
            if target is None:
                raise ValidationError(
                    {"expand": [f"{path}: {part} cannot be expanded."]}, code="invalid"
                )
            node = node.setdefault(part, {})
            api, current = target
    return tree


def _target(api: str, kind: str, name: str) -> tuple[str, str] | None:
    """(api, kind) that ``name`` leads to from ``kind`` of ``api``, or None."""
    if api == "zaken":
        relation = RELATIONS.get(kind, {}).get(name)
        if relation is not None:
            return "zaken", relation.kind
        if name in DOCUMENTS.get(kind, set()):
            return "documenten", "enkelvoudiginformatieobject"
        found = TYPES.get(kind, {}).get(name)
        return None if found is None else ("catalogi", found[0])
    if api == "documenten":
        return ("catalogi", "informatieobjecttype") if name == BELOW_DOCUMENT else None
    found = CATALOGI_EXPANDABLE.get(kind, {}).get(name)
    return None if found is None else ("catalogi", found[0])


def scoped(principal: ApiClient, kind: str) -> QuerySet[Any]:
    return scope(principal, kind, KINDS[kind].queryset())


def scope(principal: ApiClient, kind: str, queryset: QuerySet[Any]) -> QuerySet[Any]:
    """The rows of ``queryset`` (of ``kind``) the principal may read."""
    if kind == "zaak":
        return policy.zaken_scope(principal, queryset)
    return policy.related_scope(principal, queryset)


def expand(
    *,
    principal: ApiClient,
    kind: str,
    objects: list[Model],
    data: list[dict[str, Any]],
    tree: Tree,
    context: dict[str, Any],
    seen: dict[str, list[Model]] | None = None,
) -> None:
    """Add ``_expand`` to each representation in ``data`` (aligned with ``objects``);
    ``seen`` collects the expanded objects per kind, for the verwerkingenlogging."""
    for name, subtree in tree.items():
        if name in DOCUMENTS.get(kind, set()):
            documents = expand_documents(
                list(zip(objects, data, strict=True)),
                name=name,
                principal=principal,
                context=context,
            )
            if BELOW_DOCUMENT in subtree and documents:
                expand_types(
                    documents,
                    name=BELOW_DOCUMENT,
                    resource="informatieobjecttype",
                    many=False,
                    tree=subtree[BELOW_DOCUMENT],
                    request=context["request"],
                    principal=principal,
                    context=context,
                )
            continue
        if name in TYPES.get(kind, {}):
            resource, many = TYPES[kind][name]
            expand_types(
                list(zip(objects, data, strict=True)),
                name=name,
                resource=resource,
                many=many,
                tree=subtree,
                request=context["request"],
                principal=principal,
                context=context,
            )
            continue
        relation = RELATIONS[kind][name]
        if relation.listed:
            per_object = [_listed_uuids(obj, relation.column) for obj in objects]
            wanted_uuids = {uuid for uuids in per_object for uuid in uuids}
            targets = list(scoped(principal, relation.kind).filter(uuid__in=wanted_uuids))
        elif relation.forward:
            wanted = {getattr(obj, relation.column) for obj in objects} - {None}
            targets = list(scoped(principal, relation.kind).filter(pk__in=wanted))
        else:
            lookup = f"{relation.column}__in"
            targets = list(
                scoped(principal, relation.kind).filter(**{lookup: [o.pk for o in objects]})
            )
        if seen is not None:
            seen.setdefault(relation.kind, []).extend(targets)
        target_data = list(
            KINDS[relation.kind].serializer(targets, many=True, context=context).data
        )
        if subtree and targets:
            expand(
                principal=principal,
                kind=relation.kind,
                objects=targets,
                data=target_data,
                tree=subtree,
                context=context,
                seen=seen,
            )
        if relation.listed:
            by_uuid = {t.uuid: d for t, d in zip(targets, target_data, strict=True)}
            for uuids, item in zip(per_object, data, strict=True):
                item.setdefault("_expand", {})[name] = [
                    by_uuid[uuid] for uuid in uuids if uuid in by_uuid
                ]
        elif relation.forward:
            by_pk = {t.pk: d for t, d in zip(targets, target_data, strict=True)}
            for obj, item in zip(objects, data, strict=True):
                found = by_pk.get(getattr(obj, relation.column))
                item.setdefault("_expand", {})[name] = found if found is not None else {}
        else:
            grouped: dict[Any, list[dict[str, Any]]] = defaultdict(list)
            for target, item in zip(targets, target_data, strict=True):
                grouped[getattr(target, relation.column)].append(item)
            for obj, item in zip(objects, data, strict=True):
                found_list = grouped.get(obj.pk, [])
                value: Any = found_list if relation.many else (found_list[0] if found_list else {})
                item.setdefault("_expand", {})[name] = value


def _listed_uuids(obj: Any, column: str) -> list[UUID]:
    """The UUIDs in the zaak URLs of ``obj``'s JSON list of ``{"url": ...}`` (in its order),
    read by path as the zrc-011 check reads them; other URLs are not expanded."""
    found: list[UUID] = []
    for entry in getattr(obj, column) or ():
        url = entry.get("url") if isinstance(entry, dict) else None
        if not isinstance(url, str):
            continue
        try:
            match = resolve(urlparse(url).path)
        except (Resolver404, ValueError):
            continue
        if match.view_name != "zaken:zaak-detail":
            continue
        try:
            found.append(UUID(str(match.kwargs["uuid"])))
        except ValueError:
            continue
    return found
