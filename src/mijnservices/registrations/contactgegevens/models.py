"""Contactgegevens 1.1.1 (Open Klant): personen and organisaties with their address, as a
supplier system registers them. Own tables, not the Klantinteracties partijen: the
resources carry birth/death dates, sex and opening/closing dates that a partij does not have
(decision 0017)."""

from __future__ import annotations

import uuid

from django.db import models


class Geslacht(models.TextChoices):
    MAN = "m", "Man"
    VROUW = "v", "Vrouw"
    OVERIG = "o", "Overig"


class Persoon(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    geboortedatum = models.DateField()
    overlijdensdatum = models.DateField(null=True, blank=True)
    geslachtsnaam = models.CharField(max_length=200)
    geslacht = models.CharField(max_length=1, choices=Geslacht.choices, blank=True)
    voorvoegsel = models.CharField(max_length=10, blank=True)
    voornamen = models.CharField(max_length=200, blank=True)
    adres = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = "persoon"
        verbose_name_plural = "personen"
        ordering = ["pk"]

    def __str__(self) -> str:
        return str(self.uuid)


class Organisatie(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    handelsnaam = models.CharField(max_length=255)
    oprichtingsdatum = models.DateField(null=True, blank=True)
    opheffingsdatum = models.DateField(null=True, blank=True)
    adres = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = "organisatie"
        verbose_name_plural = "organisaties"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.handelsnaam
