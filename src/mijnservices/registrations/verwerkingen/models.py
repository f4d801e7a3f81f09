"""Verwerkingenlogging: who read or changed whose personal data, when, and why.

Shaped after the VNG standard *Logging Verwerkingen* (API 0.9): a verwerkingsactie (one read
or change by a system or person, as part of a verwerkingsactiviteit from the register of
processing activities) with the persons it concerned (verwerkte objecten) and which kinds of
data (soorten gegevens). **Append-only**: the application never updates or deletes a row;
only the retention purge removes rows whose bewaartermijn has passed. A person's identifier
is stored as a keyed pseudonym (HMAC), never in clear: a person can still be found by it.
"""

from __future__ import annotations

import uuid
from typing import Any, NoReturn

from django.db import models


class AppendOnlyError(Exception):
    """Raised on any attempt to change or remove logged verwerkingen."""


class AppendOnlyQuerySet(models.QuerySet):  # type: ignore[type-arg]
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Verwerkingen are append-only.")

    def delete(self) -> NoReturn:  # type: ignore[override]
        raise AppendOnlyError("Verwerkingen are append-only; only the retention purge removes.")

    def purge(self) -> int:
        """Remove these rows for good: for the retention purge only."""
        return int(self._raw_delete(self.db))  # type: ignore[attr-defined]


class AppendOnly(models.Model):
    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("Verwerkingen are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Verwerkingen are append-only.")


class Vertrouwelijkheid(models.TextChoices):
    NORMAAL = "normaal"
    VERTROUWELIJK = "vertrouwelijk"
    OPGEHEVEN = "opgeheven"


class Verwerkingsactie(AppendOnly):
    actie_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    actie_naam = models.CharField(max_length=242, blank=True)
    handeling_naam = models.CharField(max_length=242, blank=True)
    verwerking_naam = models.CharField(max_length=242, blank=True)
    verwerking_id = models.UUIDField(null=True, blank=True)
    verwerkingsactiviteit_id = models.UUIDField(null=True, blank=True)
    verwerkingsactiviteit_url = models.URLField(max_length=2042, blank=True)
    vertrouwelijkheid = models.CharField(
        max_length=13, choices=Vertrouwelijkheid.choices, default=Vertrouwelijkheid.NORMAAL
    )
    bewaartermijn = models.DurationField()
    # Who did it: the organisation (uitvoerder, its OIN) and unit, the system, and the user
    # (an employee account or an API client id) — shown to the person without the user.
    uitvoerder = models.CharField(max_length=20, blank=True, help_text="OIN of the organisation")
    organisatie_eenheid = models.CharField(max_length=242, blank=True)
    systeem = models.CharField(max_length=242, blank=True)
    gebruiker = models.CharField(max_length=242, blank=True)
    gegevensbron = models.CharField(max_length=242, blank=True)
    # The receiving party when the data was provided to another organisation (afnemer).
    soort_afnemer_id = models.CharField(max_length=242, blank=True)
    afnemer_id = models.CharField(max_length=40, blank=True)
    verwerkingsactiviteit_id_afnemer = models.UUIDField(null=True, blank=True)
    verwerkingsactiviteit_url_afnemer = models.URLField(max_length=2042, blank=True)
    verwerking_id_afnemer = models.UUIDField(null=True, blank=True)
    # Why: the purpose, in words the person understands.
    doel = models.CharField(max_length=242, blank=True)
    tijdstip = models.DateTimeField()
    tijdstip_registratie = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "verwerkingsactie"
        verbose_name_plural = "verwerkingsacties"
        ordering = ["-tijdstip", "-pk"]
        indexes = [models.Index(fields=["tijdstip"])]

    def __str__(self) -> str:
        return f"{self.actie_naam} ({self.tijdstip:%Y-%m-%d %H:%M})"


class VerwerktObject(AppendOnly):
    verwerkt_object_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    actie = models.ForeignKey(
        Verwerkingsactie, on_delete=models.CASCADE, related_name="verwerkte_objecten"
    )
    objecttype = models.CharField(max_length=20, default="persoon")
    soort_object_id = models.CharField(max_length=242)  # "BSN", "KVK"
    # HMAC of the identifier (see services.pseudonym): never the BSN itself.
    object_pseudonym = models.CharField(max_length=64)
    betrokkenheid = models.CharField(max_length=242, blank=True)
    soorten_gegevens = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = "verwerkt object"
        verbose_name_plural = "verwerkte objecten"
        ordering = ["pk"]
        indexes = [models.Index(fields=["soort_object_id", "object_pseudonym"])]

    def __str__(self) -> str:
        return f"{self.objecttype} {self.soort_object_id}"
