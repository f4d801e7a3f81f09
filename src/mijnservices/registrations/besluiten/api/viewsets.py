"""Besluiten API 1.1.0. Reads start from the access policy (per besluittype); writes go
through the besluiten services and are recorded in the besluit's audit trail."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from django.db import transaction
from django.urls import reverse
from django_filters import rest_framework as filters
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework.exceptions import PermissionDenied

from mijnservices.api import scoped
from mijnservices.api.schema import uuid_path
from mijnservices.api.scoped import Expanded, ScopedModelViewSet
from mijnservices.core.identity import Party
from mijnservices.registrations.besluiten import services
from mijnservices.registrations.besluiten.api import serializers
from mijnservices.registrations.besluiten.models import AuditTrail, Besluit, BesluitInformatieObject
from mijnservices.registrations.zaken.api.filters import uuid_from_url
from mijnservices.registrations.zaken.api.verwerkingen import persons_of_zaken
from mijnservices.services.access import policy

API_VERSION = "1.1.0"
READ = ("besluiten.lezen",)
UPDATE = ("besluiten.bijwerken",)
EXPAND = OpenApiParameter(
    "expand",
    str,
    description=(
        "`besluit` (on besluitinformatieobjecten) to include the besluit under _expand; "
        "relations into the Catalogi, Zaken or Documenten API are not expanded (400)."
    ),
)


class BesluitFilter(filters.FilterSet):
    identificatie = filters.CharFilter()
    verantwoordelijkeOrganisatie = filters.CharFilter(field_name="verantwoordelijke_organisatie")
    besluittype = filters.CharFilter(method="_besluittype")
    zaak = filters.CharFilter(method="_zaak")

    class Meta:
        model = Besluit
        fields: list[str] = []

    def _besluittype(self, queryset: Any, name: str, value: str) -> Any:
        uuid = uuid_from_url(value, "catalogi:besluittype-detail", name)
        return queryset.filter(besluittype__uuid=uuid)

    def _zaak(self, queryset: Any, name: str, value: str) -> Any:
        return queryset.filter(zaak__uuid=uuid_from_url(value, "zaken:zaak-detail", name))


class BesluitInformatieObjectFilter(filters.FilterSet):
    besluit = filters.CharFilter(method="_besluit")
    informatieobject = filters.CharFilter(field_name="informatieobject")

    class Meta:
        model = BesluitInformatieObject
        fields: list[str] = []

    def _besluit(self, queryset: Any, name: str, value: str) -> Any:
        return queryset.filter(besluit__uuid=uuid_from_url(value, "besluiten:besluit-detail", name))


class BesluitenViewSet(ScopedModelViewSet):
    # Every read logs one verwerkingsactie naming the persons of the besluiten's zaken (one
    # query per page). A comment: a docstring here would become the operations' description.

    api_version = API_VERSION
    component = "brc"
    reads_personal_data = True
    verwerking_doel = "Besluiten bij een zaak gebruiken (Besluiten API)"
    forbidden_detail = "No rights for the besluittype of this besluit."
    via: ClassVar[str] = "besluit__"
    kind: ClassVar[str]
    # What ``expand`` accepts (decision 0011: only relations within this API, one level).
    expandable: ClassVar[tuple[str, ...]] = ()

    def persons_of(self, objects: Sequence[Any], expanded: Expanded) -> list[Party]:
        besluiten = [getattr(obj, "besluit", obj) for obj in objects]
        return persons_of_zaken({besluit.zaak_id for besluit in besluiten} - {None})

    def unscoped(self) -> Any:
        raise NotImplementedError

    def scope(self, queryset: Any) -> Any:
        return policy.besluiten_scope(self.principal, queryset, *READ, via=self.via)

    def allowed_query_params(self) -> set[str]:
        allowed = super().allowed_query_params()
        if self.action in ("list", "retrieve"):
            allowed.add("expand")
        return allowed

    def expand_page(self, objects: list[Any], data: list[Any]) -> Expanded:
        """Add ``_expand`` to each representation in ``data`` (aligned with ``objects``): as
        the Documenten API, only relations within this API, one level, one query per page
        through besluiten_scope (a besluit the client may not see is ``{}``)."""
        if "besluit" not in self.expand_request(self.expandable):
            return {}
        base = Besluit.objects.select_related("besluittype", "zaak")
        wanted = {obj.besluit_id for obj in objects}
        besluiten = list(policy.besluiten_scope(self.principal, base, *READ).filter(pk__in=wanted))
        rendered = serializers.BesluitSerializer(
            besluiten, many=True, context=self.get_serializer_context()
        ).data
        by_pk = {besluit.pk: item for besluit, item in zip(besluiten, rendered, strict=True)}
        for obj, item in zip(objects, data, strict=True):
            item["_expand"] = {"besluit": by_pk.get(obj.besluit_id, {})}
        return {"besluit": besluiten}

    def check_write(self, besluit: Besluit, *scopes: str) -> None:
        if not policy.may_on_besluittype(
            self.principal, *scopes, besluittype_uuid=besluit.besluittype.uuid
        ):
            raise PermissionDenied("No rights for the besluittype of this besluit.")

    def audit(self, *, besluit: Besluit, actie: str, obj: Any, oud: Any, nieuw: Any) -> None:
        path = reverse(f"besluiten:{self.kind}-detail", kwargs={"uuid": obj.uuid})
        entry = self.audit_entry(actie=actie, obj=obj, oud=oud, nieuw=nieuw, resource_url=path)
        services.audittrail_record(besluit=besluit, **entry)


@extend_schema_view(
    list=extend_schema(operation_id="besluit_list", parameters=[EXPAND]),
    create=extend_schema(operation_id="besluit_create"),
    retrieve=extend_schema(operation_id="besluit_read", parameters=[EXPAND]),
    update=extend_schema(operation_id="besluit_update"),
    partial_update=extend_schema(operation_id="besluit_partial_update"),
    destroy=extend_schema(operation_id="besluit_delete"),
)
class BesluitViewSet(BesluitenViewSet):
    kind = "besluit"
    via = ""
    serializer_class = serializers.BesluitSerializer
    filterset_class = BesluitFilter
    required_scopes = {
        "list": READ,
        "retrieve": READ,
        "create": ("besluiten.aanmaken",),
        "update": UPDATE,
        "partial_update": UPDATE,
        "destroy": ("besluiten.verwijderen",),
    }

    def unscoped(self) -> Any:
        return Besluit.objects.select_related("besluittype", "zaak")

    def perform_create(self, serializer: Any) -> None:
        besluittype = serializer.validated_data["besluittype"]
        if not policy.may_on_besluittype(
            self.principal, "besluiten.aanmaken", besluittype_uuid=besluittype.uuid
        ):
            raise PermissionDenied("No rights to create besluiten of this besluittype.")
        with transaction.atomic():
            besluit = serializer.save()
            self.audit(
                besluit=besluit, actie="create", obj=besluit, oud=None, nieuw=serializer.data
            )

    def perform_update(self, serializer: Any) -> None:
        besluit = serializer.instance
        self.check_write(besluit, *UPDATE)
        oud = self.get_serializer(besluit).data
        with transaction.atomic():
            obj = serializer.save()
            actie = "partial_update" if serializer.partial else "update"
            self.audit(besluit=obj, actie=actie, obj=obj, oud=oud, nieuw=serializer.data)

    def perform_destroy(self, instance: Besluit) -> None:
        self.check_write(instance, "besluiten.verwijderen")
        services.besluit_delete(besluit=instance)


@extend_schema_view(
    list=extend_schema(operation_id="besluitinformatieobject_list", parameters=[EXPAND]),
    create=extend_schema(operation_id="besluitinformatieobject_create"),
    retrieve=extend_schema(operation_id="besluitinformatieobject_read", parameters=[EXPAND]),
    destroy=extend_schema(operation_id="besluitinformatieobject_delete"),
)
class BesluitInformatieObjectViewSet(BesluitenViewSet):
    kind = "besluitinformatieobject"
    http_method_names = ["get", "post", "delete", "head"]
    serializer_class = serializers.BesluitInformatieObjectSerializer
    filterset_class = BesluitInformatieObjectFilter
    pagination_class = None  # the standard answers a plain array here
    expandable = ("besluit",)
    required_scopes = {
        "list": READ,
        "retrieve": READ,
        "create": ("besluiten.aanmaken", *UPDATE),
        "destroy": (*UPDATE, "besluiten.verwijderen"),
    }

    def unscoped(self) -> Any:
        return BesluitInformatieObject.objects.select_related("besluit__besluittype")

    def perform_create(self, serializer: Any) -> None:
        besluit = serializer.validated_data["besluit"]
        self.check_write(besluit, "besluiten.aanmaken", *UPDATE)
        with transaction.atomic():
            obj = serializer.save()
            self.audit(besluit=besluit, actie="create", obj=obj, oud=None, nieuw=serializer.data)

    def perform_destroy(self, instance: BesluitInformatieObject) -> None:
        besluit = instance.besluit
        self.check_write(besluit, *UPDATE, "besluiten.verwijderen")
        oud = self.get_serializer(instance).data
        with transaction.atomic():
            self.audit(besluit=besluit, actie="destroy", obj=instance, oud=oud, nieuw=None)
            services.besluitinformatieobject_delete(besluitinformatieobject=instance)


@uuid_path("besluit_uuid")
@extend_schema_view(
    list=extend_schema(operation_id="audittrail_list"),
    retrieve=extend_schema(operation_id="audittrail_read"),
)
class AuditTrailViewSet(scoped.AuditTrailViewSet):
    api_version = API_VERSION
    component = "brc"
    serializer_class = serializers.AuditTrailSerializer
    parent_kwarg = "besluit_uuid"
    parent_forbidden = BesluitenViewSet.forbidden_detail
    verwerking_doel = BesluitenViewSet.verwerking_doel

    def parent_unscoped(self) -> Any:
        return Besluit.objects.all()

    def parent_scope(self, queryset: Any) -> Any:
        return policy.besluiten_scope(self.principal, queryset, *READ)

    def trail(self, parent: Besluit) -> Any:
        return AuditTrail.objects.filter(besluit=parent)

    def persons_of_parent(self, parent: Besluit) -> list[Party]:
        return persons_of_zaken({parent.zaak_id} if parent.zaak_id is not None else set())
