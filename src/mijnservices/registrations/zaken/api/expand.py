"""``expand`` (Zaken API 1.7): related Zaken API objects inline under ``_expand``.

Every expanded object is read through the access policy (``zaken_scope`` for zaken,
``related_scope`` for what belongs to a zaak), exactly like a list: an object the client
may not see is left out (``{}`` for a single relation), never shown. Limits: at most
``MAX_DEPTH`` (2) levels (``status.gezetdoor``) and ``MAX_PATHS`` (10) paths per
request; each relation costs one query per level for the whole page. Relations into the
Catalogi or Documenten API (``zaaktype``, ``statustype``, ``informatieobject``, ...) are
not expanded: the parameter answers 400 for them (docs/standards.md).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Model, QuerySet
from rest_framework.exceptions import ValidationError
from rest_framework.serializers import BaseSerializer

from mijnservices.core.identity import ApiClient
from mijnservices.registrations.zaken.api import querysets, serializers
from mijnservices.services.access import policy

MAX_DEPTH = 2
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
    column: str  # forward: the source's FK column; reverse: the target's FK column
    forward: bool
    many: bool


RELATIONS: dict[str, dict[str, Relation]] = {
    "zaak": {
        "hoofdzaak": Relation("zaak", "hoofdzaak_id", forward=True, many=False),
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
        node, current = tree, kind
        for part in parts:
            relation = RELATIONS[current].get(part)
            if relation is None:
                raise ValidationError(
                    {"expand": [f"{path}: {part} cannot be expanded."]}, code="invalid"
                )
            node = node.setdefault(part, {})
            current = relation.kind
    return tree


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
        relation = RELATIONS[kind][name]
        if relation.forward:
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
        if relation.forward:
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
