"""Besluiten registration (ZGW Besluiten 1.1): besluiten, the documents that record them,
and the audit trail of API writes."""

from __future__ import annotations

import uuid

from django.db import models

from mijnservices.api.audit import AuditTrailRecord
from mijnservices.registrations.catalogi.models import BesluitType
from mijnservices.registrations.zaken.models import Zaak


class Vervalreden(models.TextChoices):
    TIJDELIJK = "tijdelijk", "Besluit met tijdelijke werking"
    INGETROKKEN_OVERHEID = "ingetrokken_overheid", "Besluit ingetrokken door overheid"
    INGETROKKEN_BELANGHEBBENDE = (
        "ingetrokken_belanghebbende",
        "Besluit ingetrokken o.v.v. belanghebbende",
    )


class Besluit(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    identificatie = models.CharField(max_length=50)
    verantwoordelijke_organisatie = models.CharField(max_length=9)
    besluittype = models.ForeignKey(BesluitType, on_delete=models.PROTECT, related_name="+")
    # Our own Zaken registration; the zaak's side (zaak/besluiten) reads this relation.
    zaak = models.ForeignKey(
        Zaak, on_delete=models.PROTECT, null=True, blank=True, related_name="besluiten"
    )
    datum = models.DateField()
    toelichting = models.TextField(blank=True)
    bestuursorgaan = models.CharField(max_length=50, blank=True)
    ingangsdatum = models.DateField()
    vervaldatum = models.DateField(null=True, blank=True)
    vervalreden = models.CharField(max_length=30, choices=Vervalreden.choices, blank=True)
    publicatiedatum = models.DateField(null=True, blank=True)
    verzenddatum = models.DateField(null=True, blank=True)
    uiterlijke_reactiedatum = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = "besluit"
        verbose_name_plural = "besluiten"
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["verantwoordelijke_organisatie", "identificatie"],
                name="besluit_identificatie_unique",
            )
        ]

    def __str__(self) -> str:
        return self.identificatie


class BesluitInformatieObject(models.Model):
    """A document (Documenten API URL) that records the besluit (aardRelatie legt_vast)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    besluit = models.ForeignKey(
        Besluit, on_delete=models.CASCADE, related_name="besluitinformatieobjecten"
    )
    informatieobject = models.URLField(max_length=1000)

    class Meta:
        verbose_name = "besluitinformatieobject"
        verbose_name_plural = "besluitinformatieobjecten"
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["besluit", "informatieobject"], name="bio_unique")
        ]

    def __str__(self) -> str:
        return self.informatieobject


class IdentificatieCounter(models.Model):
    """Last issued BESLUIT-<jaar>-<n> per organisation and year (brc-002)."""

    verantwoordelijke_organisatie = models.CharField(max_length=9)
    jaar = models.PositiveSmallIntegerField()
    laatste = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["verantwoordelijke_organisatie", "jaar"], name="besluit_counter_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.verantwoordelijke_organisatie} {self.jaar}: {self.laatste}"


class AuditTrail(AuditTrailRecord):
    """One write through the Besluiten API (shape in ``mijnservices.api.audit``)."""

    besluit = models.ForeignKey(Besluit, on_delete=models.CASCADE, related_name="audittrail")
    bron = models.CharField(max_length=50, default="brc")

    class Meta(AuditTrailRecord.Meta):
        ordering = ["besluit", "aanmaakdatum", "pk"]
