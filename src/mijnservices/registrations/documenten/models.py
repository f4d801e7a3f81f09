"""Documenten registration (ZGW Documenten 1.7): a document with its versions, the objects
it is related to, its gebruiksrechten and the audit trail of API writes.

The document (:class:`EnkelvoudigInformatieObject`) holds identity and lock; every change
adds an :class:`InformatieObjectVersie` row and moves ``huidige_versie``. Content lives in
the ``documenten`` storage (see :mod:`.storage`); a version keeps its storage key.
"""

from __future__ import annotations

import uuid

from django.db import models

from mijnservices.api.audit import AuditTrailRecord
from mijnservices.registrations.catalogi.models import InformatieObjectType, Vertrouwelijkheid


class EnkelvoudigInformatieObject(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    lock = models.CharField(max_length=64, blank=True)
    huidige_versie = models.OneToOneField(
        "InformatieObjectVersie",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = "enkelvoudig informatieobject"
        verbose_name_plural = "enkelvoudige informatieobjecten"
        ordering = ["pk"]

    def __str__(self) -> str:
        return str(self.uuid)


class DocumentStatus(models.TextChoices):
    IN_BEWERKING = "in_bewerking"
    TER_VASTSTELLING = "ter_vaststelling"
    DEFINITIEF = "definitief"
    GEARCHIVEERD = "gearchiveerd"


class InformatieObjectVersie(models.Model):
    """One version of a document: all its attributes as they were from ``begin_registratie``."""

    document = models.ForeignKey(
        EnkelvoudigInformatieObject, on_delete=models.CASCADE, related_name="versies"
    )
    versie = models.PositiveIntegerField()
    begin_registratie = models.DateTimeField()
    informatieobjecttype = models.ForeignKey(
        InformatieObjectType, on_delete=models.PROTECT, related_name="+"
    )
    identificatie = models.CharField(max_length=40)
    bronorganisatie = models.CharField(max_length=9)
    creatiedatum = models.DateField()
    titel = models.CharField(max_length=200)
    vertrouwelijkheidaanduiding = models.CharField(max_length=20, choices=Vertrouwelijkheid.choices)
    auteur = models.CharField(max_length=200)
    status = models.CharField(max_length=20, choices=DocumentStatus.choices, blank=True)
    formaat = models.CharField(max_length=255, blank=True)
    taal = models.CharField(max_length=3)
    bestandsnaam = models.CharField(max_length=255, blank=True)
    inhoud = models.CharField(max_length=500, blank=True, help_text="key in the storage")
    bestandsomvang = models.BigIntegerField(null=True, blank=True)
    link = models.URLField(max_length=200, blank=True)
    beschrijving = models.TextField(max_length=1000, blank=True)
    ontvangstdatum = models.DateField(null=True, blank=True)
    verzenddatum = models.DateField(null=True, blank=True)
    indicatie_gebruiksrecht = models.BooleanField(null=True, blank=True)
    verschijningsvorm = models.TextField(blank=True)
    ondertekening = models.JSONField(null=True, blank=True)
    integriteit = models.JSONField(null=True, blank=True)
    trefwoorden = models.JSONField(default=list, blank=True)
    is_gereed_voor_publicatie = models.BooleanField(default=False)
    tonen_aan_initiator = models.BooleanField(default=False)
    inhoud_is_vervallen = models.BooleanField(default=False)

    class Meta:
        verbose_name = "informatieobject-versie"
        verbose_name_plural = "informatieobject-versies"
        ordering = ["document", "versie"]
        constraints = [
            models.UniqueConstraint(fields=["document", "versie"], name="documentversie_unique")
        ]
        indexes = [models.Index(fields=["bronorganisatie", "identificatie"])]

    def __str__(self) -> str:
        return f"{self.titel} (v{self.versie})"


class ObjectType(models.TextChoices):
    BESLUIT = "besluit"
    ZAAK = "zaak"
    VERZOEK = "verzoek"


class ObjectInformatieObject(models.Model):
    """The document's side of a zaak- or besluit-informatieobject relation (drc-006)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    informatieobject = models.ForeignKey(
        EnkelvoudigInformatieObject, on_delete=models.PROTECT, related_name="objecten"
    )
    object = models.URLField(max_length=1000)
    object_type = models.CharField(max_length=10, choices=ObjectType.choices)

    class Meta:
        verbose_name = "objectinformatieobject"
        verbose_name_plural = "objectinformatieobjecten"
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["informatieobject", "object"], name="oio_unique")
        ]

    def __str__(self) -> str:
        return f"{self.object_type}: {self.object}"


class Gebruiksrechten(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    informatieobject = models.ForeignKey(
        EnkelvoudigInformatieObject, on_delete=models.CASCADE, related_name="gebruiksrechten"
    )
    startdatum = models.DateTimeField()
    einddatum = models.DateTimeField(null=True, blank=True)
    omschrijving_voorwaarden = models.TextField()

    class Meta:
        verbose_name = "gebruiksrechten"
        verbose_name_plural = "gebruiksrechten"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.omschrijving_voorwaarden[:50]


class AuditTrail(AuditTrailRecord):
    """One write through the Documenten API (shape in ``mijnservices.api.audit``)."""

    informatieobject = models.ForeignKey(
        EnkelvoudigInformatieObject, on_delete=models.CASCADE, related_name="audittrail"
    )
    bron = models.CharField(max_length=50, default="drc")

    class Meta(AuditTrailRecord.Meta):
        ordering = ["informatieobject", "aanmaakdatum", "pk"]


class BestandsDeel(models.Model):
    """One part of a chunked upload (``bestandsomvang`` without ``inhoud``); the document's
    content is assembled when the last part arrives."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    informatieobject = models.ForeignKey(
        EnkelvoudigInformatieObject, on_delete=models.CASCADE, related_name="bestandsdelen"
    )
    volgnummer = models.PositiveIntegerField()
    omvang = models.PositiveIntegerField()
    inhoud = models.CharField(max_length=500, blank=True, help_text="key in the storage")

    class Meta:
        verbose_name = "bestandsdeel"
        verbose_name_plural = "bestandsdelen"
        ordering = ["informatieobject", "volgnummer"]
        constraints = [
            models.UniqueConstraint(
                fields=["informatieobject", "volgnummer"], name="bestandsdeel_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.informatieobject_id} #{self.volgnummer}"

    @property
    def voltooid(self) -> bool:
        return bool(self.inhoud)


class AardRelatie(models.TextChoices):
    AFZENDER = "afzender"
    GEADRESSEERDE = "geadresseerde"


class Verzending(models.Model):
    """A document received from or sent to a betrokkene. The three address groups are kept as
    validated JSON (at most one of them is given)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    informatieobject = models.ForeignKey(
        EnkelvoudigInformatieObject, on_delete=models.CASCADE, related_name="verzendingen"
    )
    betrokkene = models.URLField(max_length=200)
    aard_relatie = models.CharField(max_length=20, choices=AardRelatie.choices)
    toelichting = models.CharField(max_length=200, blank=True)
    ontvangstdatum = models.DateField(null=True, blank=True)
    verzenddatum = models.DateField(null=True, blank=True)
    contact_persoon = models.URLField(max_length=1000)
    contactpersoonnaam = models.CharField(max_length=40, blank=True)
    binnenlands_correspondentieadres = models.JSONField(null=True, blank=True)
    buitenlands_correspondentieadres = models.JSONField(null=True, blank=True)
    correspondentie_postadres = models.JSONField(null=True, blank=True)
    faxnummer = models.CharField(max_length=15, blank=True)
    emailadres = models.CharField(max_length=100, blank=True)
    mijn_overheid = models.BooleanField(default=False)
    telefoonnummer = models.CharField(max_length=15, blank=True)

    class Meta:
        verbose_name = "verzending"
        verbose_name_plural = "verzendingen"
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.aard_relatie}: {self.betrokkene}"
