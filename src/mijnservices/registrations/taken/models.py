"""Taken registration (Open VTB Taken 0.1.0): externe taken of three kinds (betaaltaak,
urltaak, formuliertaak) in one table; the kind-specific ``details`` are stored as the spec
shapes them, the party the taak is for is kept both as its URN and split for lookups."""

from __future__ import annotations

import uuid

from django.db import models


class TaakSoort(models.TextChoices):
    BETAALTAAK = "betaaltaak", "Betaaltaak"
    URLTAAK = "urltaak", "URL-taak"
    FORMULIERTAAK = "formuliertaak", "Formuliertaak"


class TaakStatus(models.TextChoices):
    OPEN = "open", "Open"
    UITGEVOERD = "uitgevoerd", "Uitgevoerd"
    NIET_UITGEVOERD = "niet_uitgevoerd", "Niet uitgevoerd"
    AFGEBROKEN = "afgebroken", "Afgebroken"
    VERWERKT = "verwerkt", "Verwerkt"


class HandelingsPerspectief(models.TextChoices):
    BETALEN = "betalen", "Betalen"
    INCASSO = "incasso", "Incasso"
    INFORMATIE_GEVEN = "informatie_geven", "Informatie geven"
    INFORMATIE_KRIJGEN = "informatie_krijgen", "Informatie krijgen"
    REACTIE_ONTVANGEN = "reactie_ontvangen", "Reactie ontvangen"
    VERNIEUWING_NODIG = "vernieuwing_nodig", "Vernieuwing nodig"
    UITNODIGING_VOOR_AFSPRAAK = "uitnodiging_voor_afspraak", "Uitnodiging voor afspraak"


class ExterneTaak(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    taak_soort = models.CharField(max_length=20, choices=TaakSoort.choices)
    titel = models.CharField(max_length=100)
    verwerker_taak_id = models.CharField(max_length=36, blank=True)
    status = models.CharField(max_length=20, choices=TaakStatus.choices, default=TaakStatus.OPEN)
    startdatum = models.DateField()
    handelings_perspectief = models.CharField(
        max_length=30, choices=HandelingsPerspectief.choices, blank=True
    )
    einddatum_handelings_termijn = models.DateField()
    datum_herinnering = models.DateField(null=True, blank=True)
    toelichting = models.CharField(max_length=80, blank=True)
    # isToegewezenAan as given, and split so "taken for this party" is an indexed lookup.
    is_toegewezen_aan = models.CharField(max_length=255, blank=True)
    party_kind = models.CharField(max_length=10, blank=True)
    party_identifier = models.CharField(max_length=20, blank=True)
    party_vestiging = models.CharField(max_length=20, blank=True)
    # isGerelateerdAan: URNs of the zaak (or product) the taak belongs to.
    is_gerelateerd_aan = models.JSONField(default=list)
    details = models.JSONField(default=dict)
    afgerond_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "externe taak"
        verbose_name_plural = "externe taken"
        ordering = ["-pk"]
        indexes = [models.Index(fields=["party_kind", "party_identifier", "status"])]

    def __str__(self) -> str:
        return self.titel

    @property
    def urn(self) -> str:
        return f"urn:nld:gemeente:taken:externetaak:{self.uuid}"


class Betaling(models.Model):
    """One payment attempt for a betaaltaak at a payment provider; its status is only ever
    set from a server-side verification, never from the browser's return."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        BETAALD = "betaald", "Betaald"
        MISLUKT = "mislukt", "Mislukt"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    taak = models.ForeignKey(ExterneTaak, on_delete=models.PROTECT, related_name="betalingen")
    provider = models.CharField(max_length=30)
    provider_payment_id = models.CharField(max_length=100, unique=True)
    bedrag = models.DecimalField(max_digits=12, decimal_places=2)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    verified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "betaling"
        verbose_name_plural = "betalingen"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.provider_payment_id
