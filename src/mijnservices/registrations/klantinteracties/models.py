"""Klantinteracties registration (Open Klant Klantinteracties 0.9.0): partijen with their
identificatoren, digitale adressen and vertegenwoordigingen; klantcontacten with their
betrokkenen, onderwerpobjecten, bijlagen and actoren; internetaken; categorieën."""

from __future__ import annotations

import uuid

from django.db import models


class SoortPartij(models.TextChoices):
    PERSOON = "persoon", "Persoon"
    ORGANISATIE = "organisatie", "Organisatie"
    CONTACTPERSOON = "contactpersoon", "Contactpersoon"


class SoortDigitaalAdres(models.TextChoices):
    EMAIL = "email", "E-mailadres"
    TELEFOONNUMMER = "telefoonnummer", "Telefoonnummer"
    OVERIG = "overig", "Overig"


class Partij(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    nummer = models.CharField(max_length=10, unique=True)
    interne_notitie = models.TextField(blank=True)
    soort_partij = models.CharField(max_length=14, choices=SoortPartij.choices)
    indicatie_geheimhouding = models.BooleanField(null=True)
    voorkeurstaal = models.CharField(max_length=3, blank=True)
    indicatie_actief = models.BooleanField(default=True)
    voorkeurs_digitaal_adres = models.ForeignKey(
        "DigitaalAdres", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    voorkeurs_rekeningnummer = models.ForeignKey(
        "Rekeningnummer", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The partij-identificatie (persoon / organisatie / contactpersoon naam) as stored
    # by Open Klant: a free JSON object whose keys depend on soort_partij.
    partij_identificatie = models.JSONField(default=dict, blank=True)
    # contactpersoon: the organisatie it works for.
    werkt_voor_partij = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="contactpersonen"
    )
    # Bezoek- and correspondentieadres as Open Klant's flat address fields (JSON objects).
    bezoekadres = models.JSONField(default=dict, blank=True)
    correspondentieadres = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = "partij"
        verbose_name_plural = "partijen"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.nummer


class PartijIdentificator(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    partij = models.ForeignKey(
        Partij, on_delete=models.CASCADE, null=True, blank=True, related_name="identificatoren"
    )
    anderen_partij_identificator = models.CharField(max_length=200, blank=True)
    code_objecttype = models.CharField(max_length=200, blank=True)
    code_soort_object_id = models.CharField(max_length=200, blank=True)
    object_id = models.CharField(max_length=200, blank=True)
    code_register = models.CharField(max_length=200, blank=True)
    # A kvk_nummer identificator may be the parent of a vestigingsnummer identificator.
    sub_identificator_van = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="sub_identificatoren"
    )

    class Meta:
        verbose_name = "partij-identificator"
        verbose_name_plural = "partij-identificatoren"
        ordering = ["pk"]
        indexes = [models.Index(fields=["code_soort_object_id", "object_id"])]

    def __str__(self) -> str:
        return f"{self.code_soort_object_id}:{self.object_id}"


class Betrokkene(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    klantcontact = models.ForeignKey(
        "Klantcontact", on_delete=models.CASCADE, related_name="betrokkenen"
    )
    partij = models.ForeignKey(
        Partij, on_delete=models.SET_NULL, null=True, blank=True, related_name="betrokkenen"
    )
    bezoekadres = models.JSONField(default=dict, blank=True)
    correspondentieadres = models.JSONField(default=dict, blank=True)
    contactnaam = models.JSONField(default=dict, blank=True)
    rol = models.CharField(max_length=20, default="klant")
    organisatienaam = models.CharField(max_length=200, blank=True)
    initiator = models.BooleanField(default=False)

    class Meta:
        verbose_name = "betrokkene"
        verbose_name_plural = "betrokkenen"
        ordering = ["pk"]

    def __str__(self) -> str:
        return str(self.uuid)


class DigitaalAdres(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    partij = models.ForeignKey(
        Partij, on_delete=models.CASCADE, null=True, blank=True, related_name="digitale_adressen"
    )
    betrokkene = models.ForeignKey(
        Betrokkene,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="digitale_adressen",
    )
    soort_digitaal_adres = models.CharField(max_length=14, choices=SoortDigitaalAdres.choices)
    adres = models.CharField(max_length=80)
    omschrijving = models.CharField(max_length=40, blank=True)
    referentie = models.CharField(max_length=200, blank=True)
    is_standaard_adres = models.BooleanField(default=False)
    verificatie_datum = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "digitaal adres"
        verbose_name_plural = "digitale adressen"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.soort_digitaal_adres


class Rekeningnummer(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    partij = models.ForeignKey(
        Partij, on_delete=models.CASCADE, null=True, blank=True, related_name="rekeningnummers"
    )
    iban = models.CharField(max_length=34)
    bic = models.CharField(max_length=11, blank=True)

    class Meta:
        verbose_name = "rekeningnummer"
        verbose_name_plural = "rekeningnummers"
        ordering = ["pk"]

    def __str__(self) -> str:
        return str(self.uuid)


class Vertegenwoordiging(models.Model):
    """``vertegenwoordigende_partij`` acts on behalf of ``vertegenwoordigde_partij``."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    vertegenwoordigende_partij = models.ForeignKey(
        Partij, on_delete=models.CASCADE, related_name="vertegenwoordigt"
    )
    vertegenwoordigde_partij = models.ForeignKey(
        Partij, on_delete=models.CASCADE, related_name="vertegenwoordigd_door"
    )

    class Meta:
        verbose_name = "vertegenwoordiging"
        verbose_name_plural = "vertegenwoordigingen"
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["vertegenwoordigende_partij", "vertegenwoordigde_partij"],
                name="vertegenwoordiging_unique",
            )
        ]

    def __str__(self) -> str:
        return str(self.uuid)


class Klantcontact(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    nummer = models.CharField(max_length=10, unique=True)
    kanaal = models.CharField(max_length=50)
    onderwerp = models.CharField(max_length=200)
    inhoud = models.TextField(blank=True)
    # The employee's own note on the contact (issue 21): never shown to the party and not part
    # of the API; ``inhoud`` is what the party reads on their timeline.
    interne_notitie = models.TextField(blank=True)
    indicatie_contact_gelukt = models.BooleanField(null=True)
    taal = models.CharField(max_length=3)
    vertrouwelijk = models.BooleanField(default=False)
    plaatsgevonden_op = models.DateTimeField()
    # API-only fields of Klantinteracties 0.9.0 (the portal keeps its reactie in inhoud).
    referentienummer = models.CharField(max_length=10, blank=True)
    reactie = models.TextField(blank=True)
    hoofd_onderwerp_type = models.CharField(max_length=200, blank=True)
    verdere_actie_ondernomen = models.BooleanField(default=False)
    metadata = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = "klantcontact"
        verbose_name_plural = "klantcontacten"
        ordering = ["pk"]
        indexes = [models.Index(fields=["-plaatsgevonden_op"])]

    def __str__(self) -> str:
        return self.nummer


class Onderwerpobject(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    klantcontact = models.ForeignKey(
        Klantcontact,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="onderwerpobjecten",
    )
    was_klantcontact = models.ForeignKey(
        Klantcontact,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="verwijzende_onderwerpobjecten",
    )
    code_objecttype = models.CharField(max_length=200, blank=True)
    code_soort_object_id = models.CharField(max_length=200, blank=True)
    object_id = models.CharField(max_length=1000, blank=True)
    code_register = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name = "onderwerpobject"
        verbose_name_plural = "onderwerpobjecten"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.object_id


class Bijlage(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    klantcontact = models.ForeignKey(
        Klantcontact, on_delete=models.CASCADE, null=True, blank=True, related_name="bijlagen"
    )
    code_objecttype = models.CharField(max_length=200, blank=True)
    code_soort_object_id = models.CharField(max_length=200, blank=True)
    object_id = models.CharField(max_length=1000, blank=True)
    code_register = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name = "bijlage"
        verbose_name_plural = "bijlagen"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.object_id


class SoortActor(models.TextChoices):
    GENERIEK = "generiek", "Generiek"
    GEAUTOMATISEERDE_ACTOR = "geautomatiseerde_actor", "Geautomatiseerde actor"
    MEDEWERKER = "medewerker", "Medewerker"
    ORGANISATORISCHE_EENHEID = "organisatorische_eenheid", "Organisatorische eenheid"


class Actor(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    naam = models.CharField(max_length=200)
    soort_actor = models.CharField(max_length=24, choices=SoortActor.choices)
    indicatie_actief = models.BooleanField(default=True)
    actoridentificator = models.JSONField(default=dict, blank=True)
    actor_identificatie = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = "actor"
        verbose_name_plural = "actoren"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.naam


class ActorKlantcontact(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="actorklantcontacten")
    klantcontact = models.ForeignKey(
        Klantcontact, on_delete=models.CASCADE, related_name="actorklantcontacten"
    )

    class Meta:
        verbose_name = "actorklantcontact"
        verbose_name_plural = "actorklantcontacten"
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["actor", "klantcontact"], name="actorklantcontact_uniq")
        ]

    def __str__(self) -> str:
        return str(self.uuid)


class Internetaak(models.Model):
    class Status(models.TextChoices):
        TE_VERWERKEN = "te_verwerken", "Te verwerken"
        VERWERKT = "verwerkt", "Verwerkt"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    nummer = models.CharField(max_length=10, unique=True)
    referentienummer = models.CharField(max_length=10, blank=True)
    gevraagde_handeling = models.CharField(max_length=200)
    klantcontact = models.ForeignKey(
        Klantcontact, on_delete=models.CASCADE, related_name="internetaken"
    )
    toegewezen_aan_actoren = models.ManyToManyField(Actor, related_name="internetaken")
    toelichting = models.TextField(blank=True)
    status = models.CharField(max_length=12, choices=Status.choices)
    toegewezen_op = models.DateTimeField()
    afgehandeld_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "internetaak"
        verbose_name_plural = "internetaken"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.nummer


class Categorie(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    naam = models.CharField(max_length=80)

    class Meta:
        verbose_name = "categorie"
        verbose_name_plural = "categorieën"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.naam


class CategorieRelatie(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    partij = models.ForeignKey(
        Partij, on_delete=models.CASCADE, null=True, blank=True, related_name="categorie_relaties"
    )
    categorie = models.ForeignKey(
        Categorie, on_delete=models.PROTECT, null=True, blank=True, related_name="relaties"
    )
    begin_datum = models.DateField(null=True, blank=True)
    eind_datum = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = "categorie-relatie"
        verbose_name_plural = "categorie-relaties"
        ordering = ["pk"]

    def __str__(self) -> str:
        return str(self.uuid)
