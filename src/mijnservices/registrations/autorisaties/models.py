"""Autorisaties registration (ZGW Autorisaties API 1.1): which application may do what.

An ``Applicatie`` has one or more client ids, each with its own JWT secret
(:class:`ClientCredential`), and ``Autorisatie`` rows per component; for zrc/drc/brc an
autorisatie holds for one zaaktype/informatieobjecttype/besluittype up to a maximum
vertrouwelijkheidaanduiding.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from mijnservices.registrations.catalogi.models import Vertrouwelijkheid


class Component(models.TextChoices):
    AC = "ac", "Autorisaties API"
    NRC = "nrc", "Notificaties API"
    ZRC = "zrc", "Zaken API"
    ZTC = "ztc", "Catalogi API"
    DRC = "drc", "Documenten API"
    BRC = "brc", "Besluiten API"
    # Not in the Autorisaties API 1.1.0 enum: the APIs beside ZGW use the same JWT clients,
    # managed in the admin and never shown through the Autorisaties API (docs/standards.md).
    KIC = "kic", "Klantinteracties API + Contactgegevens API"
    VTB = "vtb", "Taken API + Berichten API + Verzoeken API"
    MTK = "mtk", "MijnTaken API"
    VRL = "vrl", "Verwerkingenlogging API"


# The components the Autorisaties API 1.1.0 knows; the others are internal.
ZGW_COMPONENTS = frozenset({"ac", "nrc", "zrc", "ztc", "drc", "brc"})


# Components whose autorisaties hold per type, and the field naming that type.
TYPED_COMPONENTS = {
    Component.ZRC: "zaaktype",
    Component.DRC: "informatieobjecttype",
    Component.BRC: "besluittype",
}


class Applicatie(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    label = models.CharField(max_length=100)
    heeft_alle_autorisaties = models.BooleanField(
        default=False, help_text=_("Every scope on every component and type.")
    )
    alleen_is_gereed_voor_publicatie = models.BooleanField(default=False)

    class Meta:
        verbose_name = "applicatie"
        verbose_name_plural = "applicaties"

    def __str__(self) -> str:
        return self.label


class ClientCredential(models.Model):
    """One client id with its own HS256 secret, never exposed by the API. As in Open Zaak,
    credentials live apart from authorisations: a secret may be registered before the
    applicatie that names the client id exists, and outlives that applicatie."""

    applicatie = models.ForeignKey(
        Applicatie,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="credentials",
    )
    client_id = models.CharField(max_length=50, unique=True)
    secret = models.CharField(
        max_length=255, blank=True, help_text=_("JWT secret. Empty: this client cannot log in.")
    )

    class Meta:
        verbose_name = "client credential"
        verbose_name_plural = "client credentials"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.client_id


class Autorisatie(models.Model):
    applicatie = models.ForeignKey(
        Applicatie, on_delete=models.CASCADE, related_name="autorisaties"
    )
    component = models.CharField(max_length=3, choices=Component.choices)
    scopes = models.JSONField(default=list, help_text=_("Scope labels, e.g. zaken.lezen."))
    zaaktype = models.URLField(max_length=1000, blank=True)
    informatieobjecttype = models.URLField(max_length=1000, blank=True)
    besluittype = models.URLField(max_length=1000, blank=True)
    max_vertrouwelijkheidaanduiding = models.CharField(
        max_length=20, choices=Vertrouwelijkheid.choices, blank=True
    )

    class Meta:
        verbose_name = "autorisatie"
        verbose_name_plural = "autorisaties"
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.component}: {', '.join(self.scopes)}"

    @property
    def type_url(self) -> str:
        field = TYPED_COMPONENTS.get(Component(self.component))
        return str(getattr(self, field)) if field else ""
