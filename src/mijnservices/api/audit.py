"""The ZGW ``audittrail``, shared by every API that keeps one (Zaken, Documenten, Besluiten).

Each API has a concrete model that adds the foreign key to its hoofdobject and its ``bron``
default; the shape, the serializer and the way a record is written live here once.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.db import models
from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from mijnservices.api.fields import http_status_field

ACTIE_WEERGAVE = {
    "create": "Object aangemaakt",
    "update": "Object bijgewerkt",
    "partial_update": "Object deels bijgewerkt",
    "destroy": "Object verwijderd",
}


class AuditTrailRecord(models.Model):
    """One write through an API: who, what, and the representation before and after."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    bron = models.CharField(max_length=50)
    applicatie_id = models.CharField(max_length=100, blank=True)
    applicatie_weergave = models.CharField(max_length=200, blank=True)
    gebruikers_id = models.CharField(max_length=255, blank=True)
    gebruikers_weergave = models.CharField(max_length=255, blank=True)
    actie = models.CharField(max_length=50)
    actie_weergave = models.CharField(max_length=200, blank=True)
    resultaat = models.PositiveSmallIntegerField()
    hoofd_object = models.URLField(max_length=1000)
    resource = models.CharField(max_length=50)
    resource_url = models.URLField(max_length=1000)
    toelichting = models.TextField(blank=True)
    resource_weergave = models.CharField(max_length=200)
    aanmaakdatum = models.DateTimeField()
    oud = models.JSONField(null=True, blank=True)
    nieuw = models.JSONField(null=True, blank=True)

    class Meta:
        abstract = True
        verbose_name = "audittrail"
        verbose_name_plural = "audittrail"

    def __str__(self) -> str:
        return f"{self.actie} {self.resource}"


def audit_fields(*, actie: str, resultaat: int, hoofd_object: str, **fields: Any) -> dict[str, Any]:
    """The values of a new record; the caller adds its hoofdobject's foreign key."""
    if "resource_weergave" in fields:
        fields["resource_weergave"] = str(fields["resource_weergave"])[:200]
    return {
        "actie": actie,
        "actie_weergave": ACTIE_WEERGAVE.get(actie, actie),
        "resultaat": resultaat,
        "hoofd_object": hoofd_object,
        "aanmaakdatum": timezone.now(),
        **fields,
    }


# Base serializer; each API sets ``Meta.model`` to its concrete audit trail model. (No
# docstring: drf-spectacular would publish it as the schema's description.)
class AuditTrailSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    resultaat = http_status_field()
    hoofd_object = serializers.SerializerMethodField()
    wijzigingen = serializers.SerializerMethodField()

    class Meta:
        fields = [
            "uuid",
            "bron",
            "applicatie_id",
            "applicatie_weergave",
            "gebruikers_id",
            "gebruikers_weergave",
            "actie",
            "actie_weergave",
            "resultaat",
            "hoofd_object",
            "resource",
            "resource_url",
            "toelichting",
            "resource_weergave",
            "aanmaakdatum",
            "wijzigingen",
        ]

    @extend_schema_field({"type": "string", "format": "uri"})
    def get_hoofd_object(self, obj: AuditTrailRecord) -> str:
        request = self.context.get("request")
        path = obj.hoofd_object
        return request.build_absolute_uri(path) if request is not None else path

    @extend_schema_field(
        {
            "type": "object",
            "properties": {
                "oud": {"type": "object", "additionalProperties": True},
                "nieuw": {"type": "object", "additionalProperties": True},
            },
        }
    )
    def get_wijzigingen(self, obj: AuditTrailRecord) -> dict[str, Any]:
        return {key: value for key, value in (("oud", obj.oud), ("nieuw", obj.nieuw)) if value}
