"""Objects related to a zaak that the Zaken API exposes as their own resources, and the
audit trail of every API write."""

from __future__ import annotations

import uuid

from django.db import models

from mijnservices.api.audit import AuditTrailRecord
from mijnservices.registrations.catalogi.models import Eigenschap, ZaakObjectType
from mijnservices.registrations.zaken.models.core import Status, Zaak


class ObjectType(models.TextChoices):
    ADRES = "adres", "Adres"
    BESLUIT = "besluit", "Besluit"
    BUURT = "buurt", "Buurt"
    ENKELVOUDIG_DOCUMENT = "enkelvoudig_document", "Enkelvoudig document"
    GEMEENTE = "gemeente", "Gemeente"
    GEMEENTELIJKE_OPENBARE_RUIMTE = (
        "gemeentelijke_openbare_ruimte",
        "Gemeentelijke openbare ruimte",
    )
    HUISHOUDEN = "huishouden", "Huishouden"
    INRICHTINGSELEMENT = "inrichtingselement", "Inrichtingselement"
    KADASTRALE_ONROERENDE_ZAAK = "kadastrale_onroerende_zaak", "Kadastrale onroerende zaak"
    KUNSTWERKDEEL = "kunstwerkdeel", "Kunstwerkdeel"
    MAATSCHAPPELIJKE_ACTIVITEIT = "maatschappelijke_activiteit", "Maatschappelijke activiteit"
    MEDEWERKER = "medewerker", "Medewerker"
    NATUURLIJK_PERSOON = "natuurlijk_persoon", "Natuurlijk persoon"
    NIET_NATUURLIJK_PERSOON = "niet_natuurlijk_persoon", "Niet-natuurlijk persoon"
    OPENBARE_RUIMTE = "openbare_ruimte", "Openbare ruimte"
    ORGANISATORISCHE_EENHEID = "organisatorische_eenheid", "Organisatorische eenheid"
    PAND = "pand", "Pand"
    SPOORBAANDEEL = "spoorbaandeel", "Spoorbaandeel"
    STATUS = "status", "Status"
    TERREINDEEL = "terreindeel", "Terreindeel"
    TERREIN_GEBOUWD_OBJECT = "terrein_gebouwd_object", "Terrein gebouwd object"
    VESTIGING = "vestiging", "Vestiging"
    WATERDEEL = "waterdeel", "Waterdeel"
    WEGDEEL = "wegdeel", "Wegdeel"
    WIJK = "wijk", "Wijk"
    WOONPLAATS = "woonplaats", "Woonplaats"
    WOZ_DEELOBJECT = "woz_deelobject", "Woz deel object"
    WOZ_OBJECT = "woz_object", "Woz object"
    WOZ_WAARDE = "woz_waarde", "Woz waarde"
    ZAKELIJK_RECHT = "zakelijk_recht", "Zakelijk recht"
    OVERIGE = "overige", "Overige"


class ZaakObject(models.Model):
    """An object the zaak is about: by URL, or described inline (``objectIdentificatie``)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="zaakobjecten")
    object = models.URLField(max_length=1000, blank=True)
    zaakobjecttype = models.ForeignKey(
        ZaakObjectType, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    object_type = models.CharField(max_length=100, choices=ObjectType.choices)
    object_type_overige = models.CharField(max_length=100, blank=True)
    object_type_overige_definitie = models.JSONField(null=True, blank=True)
    relatieomschrijving = models.CharField(max_length=80, blank=True)
    object_identificatie = models.JSONField(null=True, blank=True)

    class Meta:
        verbose_name = "zaakobject"
        verbose_name_plural = "zaakobjecten"

    def __str__(self) -> str:
        return f"{self.object_type} of {self.zaak_id}"


class ZaakInformatieObject(models.Model):
    """A document (Documenten API URL) that belongs to the zaak."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="zaakinformatieobjecten")
    informatieobject = models.URLField(max_length=1000)
    titel = models.CharField(max_length=200, blank=True)
    beschrijving = models.TextField(blank=True)
    registratiedatum = models.DateTimeField()
    vernietigingsdatum = models.DateTimeField(null=True, blank=True)
    status = models.ForeignKey(
        Status,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="zaakinformatieobjecten",
    )

    class Meta:
        verbose_name = "zaakinformatieobject"
        verbose_name_plural = "zaakinformatieobjecten"
        constraints = [
            models.UniqueConstraint(fields=["zaak", "informatieobject"], name="zio_unique")
        ]

    def __str__(self) -> str:
        return self.informatieobject


class ZaakEigenschap(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="zaakeigenschappen")
    eigenschap = models.ForeignKey(Eigenschap, on_delete=models.PROTECT, related_name="+")
    naam = models.CharField(max_length=20)
    waarde = models.TextField()

    class Meta:
        verbose_name = "zaakeigenschap"
        verbose_name_plural = "zaakeigenschappen"

    def __str__(self) -> str:
        return f"{self.naam}={self.waarde}"


class AuditTrail(AuditTrailRecord):
    """One write through the Zaken API (shape in ``mijnservices.api.audit``)."""

    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="audittrail")
    bron = models.CharField(max_length=50, default="zrc")

    class Meta(AuditTrailRecord.Meta):
        ordering = ["zaak", "aanmaakdatum", "pk"]
