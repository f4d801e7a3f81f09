"""The zaak and the objects it owns: statussen, substatussen, rollen, resultaat."""

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


class Betalingsindicatie(models.TextChoices):
    NVT = "nvt", "Er is geen sprake van te betalen, met de zaak gemoeide, kosten."
    NOG_NIET = "nog_niet", "De met de zaak gemoeide kosten zijn (nog) niet betaald."
    GEDEELTELIJK = "gedeeltelijk", "De met de zaak gemoeide kosten zijn gedeeltelijk betaald."
    GEHEEL = "geheel", "De met de zaak gemoeide kosten zijn geheel betaald."


class Archiefnominatie(models.TextChoices):
    BLIJVEND_BEWAREN = "blijvend_bewaren", "Blijvend bewaren"
    VERNIETIGEN = "vernietigen", "Vernietigen"


class Archiefstatus(models.TextChoices):
    NOG_TE_ARCHIVEREN = "nog_te_archiveren", "Nog te archiveren"
    GEARCHIVEERD = "gearchiveerd", "Gearchiveerd"
    GEARCHIVEERD_PROCESTERMIJN_ONBEKEND = (
        "gearchiveerd_procestermijn_onbekend",
        "Gearchiveerd (procestermijn onbekend)",
    )
    OVERGEDRAGEN = "overgedragen", "Overgedragen"


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
    # --- the rest of ZGW Zaken 1.7 (all optional, with defaults) -------------------
    verantwoordelijke_organisatie = models.CharField(max_length=9, blank=True)
    publicatiedatum = models.DateField(null=True, blank=True)
    communicatiekanaal = models.URLField(max_length=1000, blank=True)
    producten_of_diensten = models.JSONField(default=list, blank=True)
    betalingsindicatie = models.CharField(
        max_length=12, choices=Betalingsindicatie.choices, blank=True
    )
    laatste_betaaldatum = models.DateTimeField(null=True, blank=True)
    # GeoJSON (EPSG:4326) as sent; the bounding box columns make `within` searches
    # indexable without a spatial database (see docs/decisions/0011).
    zaakgeometrie = models.JSONField(null=True, blank=True)
    geo_min_x = models.FloatField(null=True, blank=True)
    geo_min_y = models.FloatField(null=True, blank=True)
    geo_max_x = models.FloatField(null=True, blank=True)
    geo_max_y = models.FloatField(null=True, blank=True)
    verlenging = models.JSONField(null=True, blank=True)
    opschorting = models.JSONField(null=True, blank=True)
    selectielijstklasse = models.URLField(max_length=1000, blank=True)
    hoofdzaak = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="deelzaken"
    )
    relevante_andere_zaken = models.JSONField(default=list, blank=True)
    kenmerken = models.JSONField(default=list, blank=True)
    archiefnominatie = models.CharField(max_length=20, choices=Archiefnominatie.choices, blank=True)
    archiefstatus = models.CharField(
        max_length=40, choices=Archiefstatus.choices, default=Archiefstatus.NOG_TE_ARCHIVEREN
    )
    archiefactiedatum = models.DateField(null=True, blank=True)
    startdatum_bewaartermijn = models.DateField(null=True, blank=True)
    opdrachtgevende_organisatie = models.CharField(max_length=9, blank=True)
    processobjectaard = models.CharField(max_length=200, blank=True)
    processobject = models.JSONField(null=True, blank=True)
    # The zaak's URL at the external ZGW source it is a projection of (decision 0029); empty
    # for our own zaken. Our APIs neither serve nor change projected zaken.
    bron_url = models.URLField(max_length=1000, blank=True, db_index=True)

    objects = ZaakQuerySet.as_manager()

    class Meta:
        verbose_name = "zaak"
        verbose_name_plural = "zaken"
        constraints = [
            # zrc-002 among our own zaken; a projection keeps the source's number.
            models.UniqueConstraint(
                fields=["bronorganisatie", "identificatie"],
                condition=models.Q(bron_url=""),
                name="zaak_identificatie_unique",
            )
        ]
        indexes = [
            models.Index(fields=["zaaktype", "einddatum"], name="zaak_type_einde_idx"),
            models.Index(fields=["geo_min_x", "geo_max_x"], name="zaak_geo_bbox_idx"),
        ]

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
    gezetdoor = models.ForeignKey(
        "Rol", on_delete=models.SET_NULL, null=True, blank=True, related_name="statussen"
    )
    bron_url = models.URLField(max_length=1000, blank=True)  # see Zaak.bron_url

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
    # Further identifying columns the ZGW filters name.
    anp_identificatie = models.CharField(max_length=17, blank=True)
    inp_a_nummer = models.CharField(max_length=10, blank=True)
    inn_nnp_id = models.CharField(max_length=9, blank=True)
    ann_identificatie = models.CharField(max_length=17, blank=True)
    # The whole ZGW betrokkeneIdentificatie as sent (names, addresses, ...).
    betrokkene_identificatie = models.JSONField(default=dict, blank=True)
    betrokkene = models.URLField(max_length=1000, blank=True)
    afwijkende_naam_betrokkene = models.CharField(max_length=625, blank=True)
    indicatie_machtiging = models.CharField(max_length=20, blank=True)
    contactpersoon_rol = models.JSONField(null=True, blank=True)
    bron_url = models.URLField(max_length=1000, blank=True)  # see Zaak.bron_url

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
