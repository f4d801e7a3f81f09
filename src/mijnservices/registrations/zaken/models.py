"""Zaken registration (ZGW Zaken API 1.7): zaken, their statuses, roles and results.

Writes go through :mod:`.services`; reads through :mod:`.selectors`.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from mijnservices.registrations.catalogi.models import (
    ResultaatType,
    RolType,
    StatusType,
    Vertrouwelijkheid,
    ZaakType,
)


class IdentificatieCounter(models.Model):
    """Last number handed out per organisation and year; locked row per new zaak."""

    bronorganisatie = models.CharField(max_length=9)
    jaar = models.PositiveSmallIntegerField()
    laatste = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["bronorganisatie", "jaar"], name="counter_unique")
        ]

    def __str__(self) -> str:
        return f"{self.bronorganisatie}/{self.jaar}: {self.laatste}"


class ZaakQuerySet(models.QuerySet["Zaak"]):
    def open(self) -> ZaakQuerySet:
        return self.filter(einddatum__isnull=True)

    def closed(self) -> ZaakQuerySet:
        return self.filter(einddatum__isnull=False)


class Zaak(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    identificatie = models.CharField(max_length=40)
    bronorganisatie = models.CharField(max_length=9)
    zaaktype = models.ForeignKey(ZaakType, on_delete=models.PROTECT, related_name="zaken")
    omschrijving = models.CharField(max_length=80, blank=True)
    toelichting = models.TextField(blank=True)
    registratiedatum = models.DateField()
    startdatum = models.DateField()
    einddatum_gepland = models.DateField(null=True, blank=True)
    uiterlijke_einddatum_afdoening = models.DateField(null=True, blank=True)
    einddatum = models.DateField(null=True, blank=True)
    vertrouwelijkheidaanduiding = models.CharField(
        max_length=20,
        choices=Vertrouwelijkheid.choices,
        default=Vertrouwelijkheid.ZAAKVERTROUWELIJK,
    )
    # Denormalised pointer to the current status so lists need no per-row lookups.
    status = models.ForeignKey(
        "Status", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Time of the newest citizen-visible change (status, sub-status): sorts "newest activity".
    laatste_activiteit = models.DateTimeField()

    objects = ZaakQuerySet.as_manager()

    class Meta:
        verbose_name = "zaak"
        verbose_name_plural = "zaken"
        constraints = [
            models.UniqueConstraint(
                fields=["bronorganisatie", "identificatie"], name="zaak_identificatie_unique"
            )
        ]
        indexes = [models.Index(fields=["zaaktype", "einddatum"], name="zaak_type_einde_idx")]

    def __str__(self) -> str:
        return self.identificatie

    @property
    def is_closed(self) -> bool:
        return self.einddatum is not None


class Status(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="statussen")
    statustype = models.ForeignKey(StatusType, on_delete=models.PROTECT, related_name="+")
    datum_status_gezet = models.DateTimeField()
    statustoelichting = models.CharField(max_length=1000, blank=True)

    class Meta:
        verbose_name = "status"
        verbose_name_plural = "statussen"
        ordering = ["zaak", "datum_status_gezet"]
        indexes = [models.Index(fields=["zaak", "datum_status_gezet"], name="status_zaak_idx")]

    def __str__(self) -> str:
        return f"{self.zaak_id}: {self.statustype_id}"


class Doelgroep(models.TextChoices):
    BETROKKENEN = "betrokkenen", _("People involved")
    INTERN = "intern", _("Internal")


class SubStatus(models.Model):
    """An intermediate update within a step (Open Zaak's experimental substatus)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="substatussen")
    status = models.ForeignKey(
        Status, on_delete=models.CASCADE, null=True, blank=True, related_name="substatussen"
    )
    omschrijving = models.CharField(max_length=200)
    tijdstip = models.DateTimeField()
    doelgroep = models.CharField(
        max_length=20, choices=Doelgroep.choices, default=Doelgroep.BETROKKENEN
    )

    class Meta:
        verbose_name = "substatus"
        verbose_name_plural = "substatussen"
        ordering = ["zaak", "tijdstip"]

    def __str__(self) -> str:
        return self.omschrijving


class BetrokkeneType(models.TextChoices):
    NATUURLIJK_PERSOON = "natuurlijk_persoon", _("Natural person")
    NIET_NATUURLIJK_PERSOON = "niet_natuurlijk_persoon", _("Organisation")
    VESTIGING = "vestiging", _("Establishment")
    MEDEWERKER = "medewerker", _("Employee")
    ORGANISATORISCHE_EENHEID = "organisatorische_eenheid", _("Organisational unit")


class Rol(models.Model):
    """A party's role in a zaak. The betrokkene is identified inline (BSN, KvK-nummer)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="rollen")
    roltype = models.ForeignKey(RolType, on_delete=models.PROTECT, related_name="+")
    # Copied from the roltype (as ZGW does) so access filters need no join.
    omschrijving_generiek = models.CharField(max_length=20)
    betrokkene_type = models.CharField(max_length=30, choices=BetrokkeneType.choices)
    roltoelichting = models.CharField(max_length=1000, blank=True)
    registratiedatum = models.DateTimeField()
    # natuurlijk persoon
    inp_bsn = models.CharField(max_length=9, blank=True, db_index=True)
    # niet-natuurlijk persoon / vestiging
    kvk_nummer = models.CharField(max_length=8, blank=True, db_index=True)
    vestigingsnummer = models.CharField(max_length=24, blank=True)
    # medewerker / organisatorische eenheid
    identificatie = models.CharField(max_length=24, blank=True)
    naam = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name = "rol"
        verbose_name_plural = "rollen"
        indexes = [
            models.Index(fields=["inp_bsn", "omschrijving_generiek"], name="rol_bsn_idx"),
            models.Index(fields=["kvk_nummer", "omschrijving_generiek"], name="rol_kvk_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.omschrijving_generiek} of {self.zaak_id}"


class Resultaat(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaak = models.OneToOneField(Zaak, on_delete=models.CASCADE, related_name="resultaat")
    resultaattype = models.ForeignKey(ResultaatType, on_delete=models.PROTECT, related_name="+")
    toelichting = models.CharField(max_length=1000, blank=True)

    class Meta:
        verbose_name = "resultaat"
        verbose_name_plural = "resultaten"

    def __str__(self) -> str:
        return f"{self.resultaattype_id} for {self.zaak_id}"
