"""Berichten registration (Open VTB Berichten 0.1.0): messages to a citizen or business,
with bijlagen, shown in the portal from their publicatiedatum and marked opened once read."""

from __future__ import annotations

import uuid

from django.db import models

from mijnservices.registrations.taken.models import ExterneTaak, HandelingsPerspectief


class Bericht(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    onderwerp = models.CharField(max_length=50)
    bericht_tekst = models.TextField(max_length=4000)
    publicatiedatum = models.DateTimeField()
    referentie = models.CharField(max_length=25, blank=True)
    ontvanger = models.CharField(max_length=255)
    party_kind = models.CharField(max_length=10, blank=True)
    party_identifier = models.CharField(max_length=20, blank=True)
    party_vestiging = models.CharField(max_length=20, blank=True)
    geopend_op = models.DateTimeField(null=True, blank=True)
    bericht_type = models.CharField(max_length=8, blank=True)
    # isGerelateerdAan: URNs of the zaak or product, in the spec's order.
    is_gerelateerd_aan = models.JSONField(default=list)
    handelings_perspectief = models.CharField(
        max_length=30, choices=HandelingsPerspectief.choices, blank=True
    )
    einddatum_handelings_termijn = models.DateField(null=True, blank=True)
    mijn_overheid_berichtenbox = models.BooleanField(default=False)
    # The taak this bericht asks for or confirms: lets the portal show a request as resolved.
    taak = models.ForeignKey(
        ExterneTaak, on_delete=models.SET_NULL, null=True, blank=True, related_name="berichten"
    )

    class Meta:
        verbose_name = "bericht"
        verbose_name_plural = "berichten"
        ordering = ["-publicatiedatum", "-pk"]
        indexes = [models.Index(fields=["party_kind", "party_identifier", "publicatiedatum"])]

    def __str__(self) -> str:
        return self.onderwerp

    @property
    def urn(self) -> str:
        return f"urn:nld:gemeente:berichten:bericht:{self.uuid}"


class Bijlage(models.Model):
    bericht = models.ForeignKey(Bericht, on_delete=models.CASCADE, related_name="bijlagen")
    informatie_object = models.CharField(max_length=255)
    omschrijving = models.CharField(max_length=40, blank=True)
    is_bericht_type_bijlage = models.BooleanField(default=False)

    class Meta:
        verbose_name = "bijlage"
        verbose_name_plural = "bijlagen"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.omschrijving or self.informatie_object
