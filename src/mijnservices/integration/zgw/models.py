"""An external ZGW registration (e.g. the gemeente's Open Zaak) and which local zaken are
projections of its zaken (decision 0029)."""

from __future__ import annotations

from django.db import models

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
