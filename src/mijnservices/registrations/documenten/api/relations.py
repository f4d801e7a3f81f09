"""Documenten API 1.7.0: objectinformatieobjecten, gebruiksrechten and the audit trail of a
document. Visible through the document (its informatieobjecttype and vertrouwelijkheid)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from drf_spectacular.utils import extend_schema, extend_schema_view

from mijnservices.api import scoped
from mijnservices.api.schema import uuid_path
from mijnservices.core.identity import Party
from mijnservices.registrations.documenten import services
from mijnservices.registrations.documenten.api import filters, serializers
from mijnservices.registrations.documenten.api.base import (
    API_VERSION,
    EXPAND,
    READ,
    UPDATE,
    DocumentenViewSet,
    document_url,
)
from mijnservices.registrations.documenten.models import (
    AuditTrail,
    EnkelvoudigInformatieObject,
    Gebruiksrechten,
    ObjectInformatieObject,
    Verzending,
)
from mijnservices.registrations.zaken.api.verwerkingen import persons_of_documents
from mijnservices.services.access import policy


def _operations(noun: str, names: list[str]) -> Any:
    return extend_schema_view(
        **{
            name: extend_schema(
                operation_id=f"{noun}_{name}",
                parameters=[EXPAND] if name in ("list", "retrieve") else [],
            )
            for name in names
        }
    )


class _RelationViewSet(DocumentenViewSet):
    """Writes need the scopes for the informatieobjecttype of the document concerned."""

    write_scopes: tuple[str, ...] = UPDATE
    expandable = ("informatieobject",)

    def perform_create(self, serializer: Any) -> None:
        document = serializer.validated_data["informatieobject"]
        self.check_write(document, *self.write_scopes)
        with transaction.atomic():
            obj = serializer.save()
            self.audit(document=document, actie="create", obj=obj, oud=None, nieuw=serializer.data)

    def perform_update(self, serializer: Any) -> None:
        document = self.document_of(serializer.instance)
        self.check_write(document, *self.write_scopes)
        oud = self.get_serializer(serializer.instance).data
        with transaction.atomic():
            obj = serializer.save()
            actie = "partial_update" if serializer.partial else "update"
            self.audit(document=document, actie=actie, obj=obj, oud=oud, nieuw=serializer.data)


@_operations("objectinformatieobject", ["list", "create", "retrieve", "destroy"])
class ObjectInformatieObjectViewSet(_RelationViewSet):
    """The document side of zaak/besluit relations; created and removed together with the
    relation in our Zaken/Besluiten registration, or through this API (drc-006/007)."""

    kind = "objectinformatieobject"
    http_method_names = ["get", "post", "delete", "head"]
    serializer_class = serializers.ObjectInformatieObjectSerializer
    filterset_class = filters.ObjectInformatieObjectFilter
    pagination_class = None  # the standard answers a plain array here
    required_scopes = {
        "list": READ,
        "retrieve": READ,
        "create": ("documenten.aanmaken", *UPDATE),
        "destroy": (*UPDATE, "documenten.verwijderen"),
    }

    def unscoped(self) -> Any:
        return ObjectInformatieObject.objects.select_related("informatieobject")

    def perform_destroy(self, instance: ObjectInformatieObject) -> None:
        self.check_write(instance.informatieobject, *UPDATE, "documenten.verwijderen")
        services.objectinformatieobject_delete(objectinformatieobject=instance)


@_operations(
    "gebruiksrechten", ["list", "create", "retrieve", "update", "partial_update", "destroy"]
)
class GebruiksrechtenViewSet(_RelationViewSet):
    kind = "gebruiksrechten"
    serializer_class = serializers.GebruiksrechtenSerializer
    filterset_class = filters.GebruiksrechtenFilter
    pagination_class = None
    required_scopes = {
        "list": READ,
        "retrieve": READ,
        "create": UPDATE,
        "update": UPDATE,
        "partial_update": UPDATE,
        "destroy": UPDATE,
    }

    def unscoped(self) -> Any:
        return Gebruiksrechten.objects.select_related("informatieobject")

    def perform_destroy(self, instance: Gebruiksrechten) -> None:
        document = instance.informatieobject
        self.check_write(document, *UPDATE)
        oud = self.get_serializer(instance).data
        with transaction.atomic():
            self.audit(document=document, actie="destroy", obj=instance, oud=oud, nieuw=None)
            services.gebruiksrechten_delete(gebruiksrechten=instance)


@_operations("verzending", ["list", "create", "retrieve", "update", "partial_update", "destroy"])
class VerzendingViewSet(_RelationViewSet):
    """Received from / sent to a betrokkene; visible and writable through the document's
    informatieobjecttype, as gebruiksrechten."""

    kind = "verzending"
    serializer_class = serializers.VerzendingSerializer
    filterset_class = filters.VerzendingFilter
    required_scopes = {
        "list": READ,
        "retrieve": READ,
        "create": UPDATE,
        "update": UPDATE,
        "partial_update": UPDATE,
        "destroy": UPDATE,
    }

    def unscoped(self) -> Any:
        return Verzending.objects.select_related("informatieobject")

    def perform_destroy(self, instance: Verzending) -> None:
        document = instance.informatieobject
        self.check_write(document, *UPDATE)
        oud = self.get_serializer(instance).data
        with transaction.atomic():
            self.audit(document=document, actie="destroy", obj=instance, oud=oud, nieuw=None)
            services.verzending_delete(verzending=instance)


@uuid_path("enkelvoudiginformatieobject_uuid")
@extend_schema_view(
    list=extend_schema(operation_id="audittrail_list"),
    retrieve=extend_schema(operation_id="audittrail_retrieve"),
)
class AuditTrailViewSet(scoped.AuditTrailViewSet):
    api_version = API_VERSION
    component = "drc"
    serializer_class = serializers.AuditTrailSerializer
    parent_kwarg = "enkelvoudiginformatieobject_uuid"
    parent_forbidden = "No rights for the informatieobjecttype of this document."
    verwerking_doel = DocumentenViewSet.verwerking_doel

    def parent_unscoped(self) -> Any:
        return EnkelvoudigInformatieObject.objects.select_related(
            "huidige_versie__informatieobjecttype"
        )

    def parent_scope(self, queryset: Any) -> Any:
        return policy.documenten_scope(self.principal, queryset, *READ)

    def trail(self, parent: EnkelvoudigInformatieObject) -> Any:
        return AuditTrail.objects.filter(informatieobject=parent)

    def persons_of_parent(self, parent: EnkelvoudigInformatieObject) -> list[Party]:
        return persons_of_documents({document_url(parent)})
