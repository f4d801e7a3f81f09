"""An external ZGW registration (e.g. the gemeente's Open Zaak) and which local zaken are
projections of its zaken (decision 0029)."""

from __future__ import annotations

import uuid
from datetime import date

from django.db import models

from mijnservices.registrations.catalogi.models import Vertrouwelijkheid
from mijnservices.registrations.zaken.models import Zaak

# ZGW API → the ZgwSource field with its root.
API_FIELDS = {
    "zaken": "zaken_api",
    "catalogi": "catalogi_api",
    "documenten": "documenten_api",
    "besluiten": "besluiten_api",
    "notificaties": "notificaties_api",
}


class ZgwSource(models.Model):
    """A ZGW registration whose zaken MijnServices shows. The secret is write-only: the admin
    and the command line never show it back."""

    naam = models.SlugField(max_length=50, unique=True)
    zaken_api = models.URLField(
        max_length=500, help_text="Root of the Zaken API (…/zaken/api/v1/)."
    )
    catalogi_api = models.URLField(max_length=500, help_text="Root of the Catalogi API.")
    documenten_api = models.URLField(max_length=500, blank=True)
    besluiten_api = models.URLField(max_length=500, blank=True)
    notificaties_api = models.URLField(max_length=500, blank=True)
    client_id = models.CharField(max_length=100)
    secret = models.CharField(max_length=200)
    # Identificaties of the zaaktypen whose zaken are shown; empty: all.
    zaaktypen = models.JSONField(default=list, blank=True)
    actief = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_synced = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)
    # When a call to the source last failed (down, slow, refused): pages say their
    # information may be out of date while this is later than ``last_synced``.
    last_failure = models.DateTimeField(null=True, blank=True)
    # The abonnement at the source's Notificaties API that calls our webhook (empty: none).
    abonnement_url = models.URLField(max_length=1000, blank=True)

    class Meta:
        verbose_name = "ZGW source"
        verbose_name_plural = "ZGW sources"

    def __str__(self) -> str:
        return self.naam

    def roots(self) -> dict[str, str]:
        """The configured API roots, each ending in ``/``."""
        found: dict[str, str] = {}
        for api, field in API_FIELDS.items():
            value = str(getattr(self, field) or "")
            if value:
                found[api] = value if value.endswith("/") else value + "/"
        return found

    @property
    def failing(self) -> bool:
        """The last call failed after the last successful sync."""
        return self.last_failure is not None and (
            self.last_synced is None or self.last_failure > self.last_synced
        )


class ProjectedZaak(models.Model):
    """A local zaak that is a projection of a zaak at a source, with when it was last read."""

    source = models.ForeignKey(ZgwSource, on_delete=models.CASCADE, related_name="zaken")
    zaak = models.OneToOneField(Zaak, on_delete=models.CASCADE, related_name="projectie")
    url = models.URLField(max_length=1000)
    last_synced = models.DateTimeField()
    last_error = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = "projected zaak"
        verbose_name_plural = "projected zaken"
        constraints = [
            models.UniqueConstraint(fields=["source", "url"], name="zgw_projected_zaak_once")
        ]

    def __str__(self) -> str:
        return self.url


class ProjectedBesluit(models.Model):
    """A besluit on a projected zaak: what the zaak page shows of it (its bytes and the
    Besluiten registration's rules stay at the source)."""

    source = models.ForeignKey(ZgwSource, on_delete=models.CASCADE, related_name="+")
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="bron_besluiten")
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    url = models.URLField(max_length=1000)
    datum = models.DateField()
    omschrijving = models.CharField(max_length=80, blank=True)  # the besluittype's
    toelichting = models.TextField(blank=True)
    ingangsdatum = models.DateField()
    vervaldatum = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = "projected besluit"
        verbose_name_plural = "projected besluiten"
        constraints = [
            models.UniqueConstraint(fields=["zaak", "url"], name="zgw_projected_besluit_once")
        ]

    def __str__(self) -> str:
        return self.url


class ProjectedDocument(models.Model):
    """The metadata of a document of a projected zaak (or of a besluit on it). The bytes are
    read from the source only when someone allowed downloads it."""

    source = models.ForeignKey(ZgwSource, on_delete=models.CASCADE, related_name="+")
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="bron_documenten")
    besluit = models.ForeignKey(
        ProjectedBesluit, on_delete=models.CASCADE, null=True, blank=True, related_name="documents"
    )
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    url = models.URLField(max_length=1000)
    titel = models.CharField(max_length=200)
    bestandsnaam = models.CharField(max_length=255, blank=True)
    formaat = models.CharField(max_length=255, blank=True)
    bestandsomvang = models.BigIntegerField(null=True, blank=True)
    status = models.CharField(max_length=20, blank=True)
    vertrouwelijkheidaanduiding = models.CharField(max_length=20)
    # When it came in (ontvangstdatum) or was made (creatiedatum).
    datum = models.DateField()
    has_content = models.BooleanField(default=False)

    class Meta:
        verbose_name = "projected document"
        verbose_name_plural = "projected documents"
        constraints = [
            models.UniqueConstraint(fields=["zaak", "url"], name="zgw_projected_document_once")
        ]

    def __str__(self) -> str:
        return self.url

    # The KCC lists local documents through their current version; a projected document
    # answers the same names, so one template shows both.
    @property
    def huidige_versie(self) -> ProjectedDocument:
        return self

    @property
    def creatiedatum(self) -> date:
        return self.datum

    def get_vertrouwelijkheidaanduiding_display(self) -> str:
        return str(dict(Vertrouwelijkheid.choices).get(self.vertrouwelijkheidaanduiding, ""))
