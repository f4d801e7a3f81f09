"""Zaken API 1.7 resources that relate a zaak to contacts and requests elsewhere
(klantcontacten, zaakcontactmomenten, zaakverzoeken) and notes on a zaak (zaaknotities)."""

from __future__ import annotations

import uuid

from django.db import models

from mijnservices.registrations.zaken.models.core import Zaak


class KlantContact(models.Model):
    """A contact with the customer about the zaak (the standard's older, embedded form)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="klantcontacten")
    identificatie = models.CharField(max_length=14)
    datumtijd = models.DateTimeField()
    kanaal = models.CharField(max_length=20, blank=True)
    onderwerp = models.CharField(max_length=200, blank=True)
    toelichting = models.CharField(max_length=1000, blank=True)

    class Meta:
        verbose_name = "klantcontact"
        verbose_name_plural = "klantcontacten"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.identificatie


class ZaakContactMoment(models.Model):
    """A contactmoment (Contactmomenten / Klantinteracties API URL) about the zaak."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="zaakcontactmomenten")
    contactmoment = models.URLField(max_length=1000)

    class Meta:
        verbose_name = "zaakcontactmoment"
        verbose_name_plural = "zaakcontactmomenten"
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["zaak", "contactmoment"], name="zcm_unique")]

    def __str__(self) -> str:
        return self.contactmoment


class ZaakVerzoek(models.Model):
    """A verzoek (Verzoeken API URL) that led to or belongs with the zaak."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="zaakverzoeken")
    verzoek = models.URLField(max_length=1000)

    class Meta:
        verbose_name = "zaakverzoek"
        verbose_name_plural = "zaakverzoeken"
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["zaak", "verzoek"], name="zv_unique")]

    def __str__(self) -> str:
        return self.verzoek


class NotitieType(models.TextChoices):
    INTERN = "intern"
    EXTERN = "extern"


class NotitieStatus(models.TextChoices):
    CONCEPT = "concept"
    DEFINITIEF = "definitief"


class ZaakNotitie(models.Model):
    """A note on a zaak; ``extern`` notes may be shown to the initiator, ``intern`` never."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="notities")
    onderwerp = models.CharField(max_length=255)
    tekst = models.TextField()
    aangemaakt_door = models.CharField(max_length=255, blank=True)
    notitie_type = models.CharField(
        max_length=6, choices=NotitieType.choices, default=NotitieType.INTERN
    )
    status = models.CharField(
        max_length=10, choices=NotitieStatus.choices, default=NotitieStatus.CONCEPT
    )
    aanmaakdatum = models.DateTimeField(auto_now_add=True)
    wijzigingsdatum = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "zaaknotitie"
        verbose_name_plural = "zaaknotities"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.onderwerp
