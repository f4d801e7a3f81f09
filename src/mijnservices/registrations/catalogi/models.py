"""Catalogi registration (ZGW Catalogi API 1.3): the types that give zaken their shape.

Field names follow the standard (snake_case of the API's camelCase) so the API layer
can map them one to one.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.db import models
from django.utils.translation import gettext_lazy as _


class Vertrouwelijkheid(models.TextChoices):
    """vertrouwelijkheidaanduiding, ordered from least to most confidential."""

    OPENBAAR = "openbaar", _("Public")
    BEPERKT_OPENBAAR = "beperkt_openbaar", _("Limited public")
    INTERN = "intern", _("Internal")
    ZAAKVERTROUWELIJK = "zaakvertrouwelijk", _("Case confidential")
    VERTROUWELIJK = "vertrouwelijk", _("Confidential")
    CONFIDENTIEEL = "confidentieel", _("Confidential (high)")
    GEHEIM = "geheim", _("Secret")
    ZEER_GEHEIM = "zeer_geheim", _("Top secret")

    @classmethod
    def rank(cls, value: str) -> int:
        return list(cls.values).index(value)


class Catalogus(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    domein = models.CharField(max_length=5)
    rsin = models.CharField(max_length=9)
    naam = models.CharField(max_length=200, blank=True)
    contactpersoon_beheer_naam = models.CharField(max_length=40)
    contactpersoon_beheer_telefoonnummer = models.CharField(max_length=20, blank=True)
    contactpersoon_beheer_emailadres = models.EmailField(max_length=254, blank=True)
    versie = models.CharField(max_length=20, blank=True)
    begindatum_versie = models.DateField(null=True, blank=True)
    # The object's URL at the external ZGW source it is a projection of (decision 0029);
    # empty for our own. Our APIs do not serve projected types.
    bron_url = models.URLField(max_length=1000, blank=True, db_index=True)

    class Meta:
        verbose_name = "catalogus"
        verbose_name_plural = "catalogussen"
        constraints = [
            # Among our own catalogi; a projection keeps the source's domein and rsin.
            models.UniqueConstraint(
                fields=["domein", "rsin"],
                condition=models.Q(bron_url=""),
                name="catalogus_domein_rsin_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.domein} ({self.naam})" if self.naam else self.domein


class ZaakType(models.Model):
    """A zaaktype version. Only published (``concept=False``) versions may be used."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    catalogus = models.ForeignKey(Catalogus, on_delete=models.PROTECT, related_name="zaaktypen")
    identificatie = models.CharField(max_length=50)
    omschrijving = models.CharField(max_length=80)
    omschrijving_generiek = models.CharField(max_length=80, blank=True)
    vertrouwelijkheidaanduiding = models.CharField(
        max_length=20,
        choices=Vertrouwelijkheid.choices,
        default=Vertrouwelijkheid.ZAAKVERTROUWELIJK,
    )
    doel = models.TextField(blank=True)
    aanleiding = models.TextField(blank=True)
    toelichting = models.TextField(blank=True)
    doorlooptijd = models.DurationField(help_text="Legal maximum lead time (ZGW doorlooptijd).")
    servicenorm = models.DurationField(
        null=True, blank=True, help_text="The municipality's own service norm (shorter)."
    )
    # Citizen-facing text (B1) explaining what this kind of request is.
    publieke_omschrijving = models.CharField(max_length=200, blank=True)
    publieke_omschrijving_en = models.CharField(max_length=200, blank=True)
    # Days without a status change after which the portal says "nothing new, not forgotten".
    stilte_signaal_dagen = models.PositiveIntegerField(null=True, blank=True)
    # Whether the citizen may see who handles the zaak (behandelaar rol).
    toon_behandelaar = models.BooleanField(default=False)
    # Omschrijving of the informatieobjecttype (same catalogus) for documents citizens add in
    # the portal while the zaak is open; empty: citizens cannot add documents.
    portaal_upload_informatieobjecttype = models.CharField(max_length=80, blank=True)
    # Working days within which a citizen's question about such a zaak is answered (portal).
    vraag_antwoordtermijn_werkdagen = models.PositiveSmallIntegerField(default=5)
    begin_geldigheid = models.DateField()
    einde_geldigheid = models.DateField(null=True, blank=True)
    concept = models.BooleanField(default=True)
    # Remaining ZGW Catalogi 1.3 attributes. Group attributes (referentieproces,
    # broncatalogus, bronzaaktype) and lists are JSON: they are only ever read whole.
    indicatie_intern_of_extern = models.CharField(
        max_length=6, choices=[("intern", "intern"), ("extern", "extern")], default="extern"
    )
    handeling_initiator = models.CharField(max_length=20, blank=True)
    onderwerp = models.CharField(max_length=80, blank=True)
    handeling_behandelaar = models.CharField(max_length=20, blank=True)
    opschorting_en_aanhouding_mogelijk = models.BooleanField(default=False)
    verlenging_mogelijk = models.BooleanField(default=False)
    verlengingstermijn = models.DurationField(null=True, blank=True)
    trefwoorden = models.JSONField(default=list, blank=True)
    publicatie_indicatie = models.BooleanField(default=False)
    publicatietekst = models.TextField(blank=True)
    verantwoordingsrelatie = models.JSONField(default=list, blank=True)
    producten_of_diensten = models.JSONField(default=list, blank=True)
    selectielijst_procestype = models.URLField(max_length=200, blank=True)
    referentieproces = models.JSONField(default=dict, blank=True)
    verantwoordelijke = models.CharField(max_length=50, blank=True)
    broncatalogus = models.JSONField(null=True, blank=True)
    bronzaaktype = models.JSONField(null=True, blank=True)
    # Catalogi 1.3 historiemodel: relations to other types are version-independent keys
    # (identificatie / omschrijving within the same catalogus), resolved on read to the
    # versions whose geldigheid overlaps this one (see catalogi.selectors).
    # gerelateerde_zaaktypen: [{"zaaktype": identificatie, "aard_relatie", "toelichting"}]
    gerelateerde_zaaktypen = models.JSONField(default=list, blank=True)
    deelzaaktypen = models.JSONField(
        default=list, blank=True, help_text="identificaties of the deelzaaktypen"
    )
    besluittypen = models.JSONField(
        default=list, blank=True, help_text="omschrijvingen of the besluittypen"
    )
    versiedatum = models.DateField(null=True, blank=True)
    # The object's URL at the external ZGW source it is a projection of (decision 0029);
    # empty for our own. Our APIs do not serve projected types.
    bron_url = models.URLField(max_length=1000, blank=True, db_index=True)

    class Meta:
        verbose_name = "zaaktype"
        verbose_name_plural = "zaaktypen"
        constraints = [
            models.UniqueConstraint(
                fields=["catalogus", "identificatie", "begin_geldigheid"],
                name="zaaktype_version_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.omschrijving} ({self.identificatie})"

    @property
    def is_published(self) -> bool:
        return not self.concept


class StatusType(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaaktype = models.ForeignKey(ZaakType, on_delete=models.CASCADE, related_name="statustypen")
    volgnummer = models.PositiveSmallIntegerField()
    omschrijving = models.CharField(max_length=80)
    omschrijving_generiek = models.CharField(max_length=80, blank=True)
    statustekst = models.CharField(
        max_length=1000,
        blank=True,
        help_text="Citizen-facing explanation of this step (ZGW statustekst), Dutch.",
    )
    statustekst_en = models.CharField(max_length=1000, blank=True)
    informeren = models.BooleanField(
        default=False, help_text="The initiator is informed when the zaak reaches this step."
    )
    doorlooptijd = models.DurationField(
        null=True,
        blank=True,
        help_text="Expected time this step takes, used to predict the dates of future steps.",
    )
    toelichting = models.TextField(blank=True)
    checklistitem_statustype = models.JSONField(default=list, blank=True)
    bron_url = models.URLField(max_length=1000, blank=True)  # see ZaakType.bron_url

    class Meta:
        verbose_name = "statustype"
        verbose_name_plural = "statustypen"
        ordering = ["zaaktype", "volgnummer"]
        constraints = [
            models.UniqueConstraint(
                fields=["zaaktype", "volgnummer"], name="statustype_volgnummer_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.volgnummer}. {self.omschrijving}"

    @property
    def expected_duration(self) -> timedelta:
        return self.doorlooptijd or timedelta(0)


class ResultaatType(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaaktype = models.ForeignKey(ZaakType, on_delete=models.CASCADE, related_name="resultaattypen")
    omschrijving = models.CharField(max_length=30)
    resultaattypeomschrijving = models.CharField(
        max_length=1000, blank=True, help_text="URL of the generic resultaattype (selectielijst)."
    )
    omschrijving_generiek = models.CharField(max_length=80, blank=True)
    selectielijstklasse = models.CharField(max_length=1000, blank=True)
    toelichting = models.TextField(blank=True)
    archiefnominatie = models.CharField(
        max_length=20,
        choices=[("blijvend_bewaren", "blijvend bewaren"), ("vernietigen", "vernietigen")],
        blank=True,
    )
    archiefactietermijn = models.DurationField(null=True, blank=True)
    brondatum_archiefprocedure = models.JSONField(null=True, blank=True)
    procesobjectaard = models.CharField(max_length=200, blank=True)
    indicatie_specifiek = models.BooleanField(null=True, blank=True)
    procestermijn = models.DurationField(null=True, blank=True)
    # omschrijvingen, version-independent (Catalogi 1.3).
    besluittypen = models.JSONField(default=list, blank=True)
    informatieobjecttypen = models.JSONField(default=list, blank=True)
    bron_url = models.URLField(max_length=1000, blank=True)  # see ZaakType.bron_url

    class Meta:
        verbose_name = "resultaattype"
        verbose_name_plural = "resultaattypen"

    def __str__(self) -> str:
        return self.omschrijving


class RolOmschrijving(models.TextChoices):
    """omschrijvingGeneriek of a roltype (ZGW RolOmschrijving)."""

    ADVISEUR = "adviseur", _("Adviser")
    BEHANDELAAR = "behandelaar", _("Case handler")
    BELANGHEBBENDE = "belanghebbende", _("Interested party")
    BESLISSER = "beslisser", _("Decision maker")
    INITIATOR = "initiator", _("Applicant")
    KLANTCONTACTER = "klantcontacter", _("Customer contact")
    ZAAKCOORDINATOR = "zaakcoordinator", _("Case coordinator")
    MEDE_INITIATOR = "mede_initiator", _("Co-applicant")


class RolType(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaaktype = models.ForeignKey(ZaakType, on_delete=models.CASCADE, related_name="roltypen")
    omschrijving = models.CharField(max_length=100)
    omschrijving_generiek = models.CharField(max_length=20, choices=RolOmschrijving.choices)
    bron_url = models.URLField(max_length=1000, blank=True)  # see ZaakType.bron_url

    class Meta:
        verbose_name = "roltype"
        verbose_name_plural = "roltypen"

    def __str__(self) -> str:
        return self.omschrijving


class InformatieObjectType(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    catalogus = models.ForeignKey(
        Catalogus, on_delete=models.PROTECT, related_name="informatieobjecttypen"
    )
    omschrijving = models.CharField(max_length=80)
    vertrouwelijkheidaanduiding = models.CharField(
        max_length=20, choices=Vertrouwelijkheid.choices, default=Vertrouwelijkheid.OPENBAAR
    )
    begin_geldigheid = models.DateField()
    einde_geldigheid = models.DateField(null=True, blank=True)
    concept = models.BooleanField(default=True)
    informatieobjectcategorie = models.CharField(max_length=80, blank=True)
    trefwoord = models.JSONField(default=list, blank=True)
    omschrijving_generiek = models.JSONField(null=True, blank=True)

    class Meta:
        verbose_name = "informatieobjecttype"
        verbose_name_plural = "informatieobjecttypen"

    def __str__(self) -> str:
        return self.omschrijving


class Formaat(models.TextChoices):
    TEKST = "tekst", _("Text")
    GETAL = "getal", _("Number")
    DATUM = "datum", _("Date")
    DATUM_TIJD = "datum_tijd", _("Date and time")


class Eigenschap(models.Model):
    """A property zaken of a zaaktype carry (zaakeigenschappen), with its specificatie."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaaktype = models.ForeignKey(ZaakType, on_delete=models.CASCADE, related_name="eigenschappen")
    naam = models.CharField(max_length=20)
    definitie = models.CharField(max_length=255)
    toelichting = models.CharField(max_length=1000, blank=True)
    # The status that needs this eigenschap to have a value before it can be set.
    statustype = models.ForeignKey(
        StatusType,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="eigenschappen",
    )
    # specificatie (a group attribute in the standard)
    groep = models.CharField(max_length=32, blank=True)
    formaat = models.CharField(max_length=10, choices=Formaat.choices, default=Formaat.TEKST)
    lengte = models.CharField(max_length=14, default="255")
    kardinaliteit = models.CharField(max_length=3, default="1")
    waardenverzameling = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = "eigenschap"
        verbose_name_plural = "eigenschappen"
        constraints = [
            models.UniqueConstraint(fields=["zaaktype", "naam"], name="eigenschap_naam_unique")
        ]

    def __str__(self) -> str:
        return self.naam


class Richting(models.TextChoices):
    INKOMEND = "inkomend", _("Incoming")
    INTERN = "intern", _("Internal")
    UITGAAND = "uitgaand", _("Outgoing")


class ZaakTypeInformatieObjectType(models.Model):
    """Which informatieobjecttype (by omschrijving, Catalogi 1.3) a zaaktype's zaken use."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaaktype = models.ForeignKey(
        ZaakType, on_delete=models.CASCADE, related_name="zaaktype_informatieobjecttypen"
    )
    informatieobjecttype = models.CharField(
        max_length=100, help_text="omschrijving of the informatieobjecttype (not a URL)"
    )
    volgnummer = models.PositiveSmallIntegerField()
    richting = models.CharField(max_length=8, choices=Richting.choices)
    statustype = models.ForeignKey(
        StatusType,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="zaaktype_informatieobjecttypen",
    )

    class Meta:
        verbose_name = "zaaktype-informatieobjecttype"
        verbose_name_plural = "zaaktype-informatieobjecttypen"
        constraints = [
            models.UniqueConstraint(
                fields=["zaaktype", "volgnummer"], name="ziot_volgnummer_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.volgnummer}. {self.informatieobjecttype}"


class ZaakObjectType(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaaktype = models.ForeignKey(ZaakType, on_delete=models.CASCADE, related_name="zaakobjecttypen")
    ander_objecttype = models.BooleanField(default=False)
    objecttype = models.URLField(max_length=200)
    relatie_omschrijving = models.CharField(max_length=80)

    class Meta:
        verbose_name = "zaakobjecttype"
        verbose_name_plural = "zaakobjecttypen"

    def __str__(self) -> str:
        return self.relatie_omschrijving


class BesluitType(models.Model):
    """A besluittype version; relations to informatieobjecttypen by omschrijving."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    catalogus = models.ForeignKey(Catalogus, on_delete=models.PROTECT, related_name="besluittypen")
    omschrijving = models.CharField(max_length=80, blank=True)
    omschrijving_generiek = models.CharField(max_length=80, blank=True)
    besluitcategorie = models.CharField(max_length=40, blank=True)
    reactietermijn = models.DurationField(null=True, blank=True)
    publicatie_indicatie = models.BooleanField(default=False)
    publicatietekst = models.TextField(blank=True)
    publicatietermijn = models.DurationField(null=True, blank=True)
    toelichting = models.TextField(blank=True)
    informatieobjecttypen = models.JSONField(
        default=list, blank=True, help_text="omschrijvingen of the informatieobjecttypen"
    )
    begin_geldigheid = models.DateField()
    einde_geldigheid = models.DateField(null=True, blank=True)
    concept = models.BooleanField(default=True)

    class Meta:
        verbose_name = "besluittype"
        verbose_name_plural = "besluittypen"

    def __str__(self) -> str:
        return self.omschrijving or str(self.uuid)
