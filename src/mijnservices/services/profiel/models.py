"""What a person chose about being contacted: the preferred channel, per-kind notification
choices and "digital only" (Wmebv). Contact addresses themselves are Klantinteracties
digitale adressen; this model holds only the choices the Klantinteracties standard has no
place for. The Notificatieservice reads it through ``selectors.voorkeuren_for``."""

from __future__ import annotations

import uuid

from django.db import models


class Kanaal(models.TextChoices):
    EMAIL = "email", "E-mail"
    SMS = "sms", "SMS"


class MeldingSoort(models.TextChoices):
    """Kinds of notification a person can switch off. Kinds that ask the person to act
    (a new task, a deadline reminder) are listed so the page can show them, but
    ``Voorkeuren.wants`` always answers True for them."""

    STATUS = "status", "Status changes"
    BERICHT = "bericht", "New messages"
    TAAK = "taak", "New tasks"
    HERINNERING = "herinnering", "Reminders"


ACTION_REQUIRED = frozenset({MeldingSoort.TAAK, MeldingSoort.HERINNERING})


class Voorkeuren(models.Model):
    party_kind = models.CharField(max_length=3, help_text="bsn or kvk, as principals.Party.kind")
    party_identifier = models.CharField(max_length=20)
    party_vestiging = models.CharField(max_length=12, blank=True)
    voorkeurskanaal = models.CharField(max_length=5, choices=Kanaal.choices, default=Kanaal.EMAIL)
    uitgezet = models.JSONField(
        default=list, blank=True, help_text="MeldingSoort values the person switched off."
    )
    alleen_digitaal = models.BooleanField(
        default=False, help_text="The person chose to receive messages digitally only (Wmebv)."
    )
    taal = models.CharField(max_length=2, default="nl")
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "contact preferences"
        verbose_name_plural = "contact preferences"
        constraints = [
            models.UniqueConstraint(
                fields=["party_kind", "party_identifier", "party_vestiging"],
                name="profiel_voorkeuren_one_per_party",
            )
        ]

    def __str__(self) -> str:
        return f"Voorkeuren #{self.pk}"

    def wants(self, soort: str) -> bool:
        """True when a notification of this kind may be sent (action-required always)."""
        return soort in ACTION_REQUIRED or soort not in self.uitgezet


class Verificatie(models.Model):
    """Proof that a person controls an e-mail address (a link) or phone number (a code)
    before it is used; also the small outbox of the message that carries the link or code
    (sent by the worker, retried with backoff, never silently dropped)."""

    class Status(models.TextChoices):
        TE_VERSTUREN = "te_versturen", "To be sent"
        VERSTUURD = "verstuurd", "Sent"
        VERSTUREN_MISLUKT = "versturen_mislukt", "Sending failed"
        BEVESTIGD = "bevestigd", "Verified"
        VERLOPEN = "verlopen", "Expired"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    digitaal_adres_uuid = models.UUIDField(db_index=True)
    party_kind = models.CharField(max_length=3)
    party_identifier = models.CharField(max_length=20)
    kanaal = models.CharField(max_length=5, choices=Kanaal.choices)
    adres = models.CharField(max_length=80)
    # HMAC of the 6-digit code (phone); e-mail links are signed tokens naming this row.
    code_hash = models.CharField(max_length=64, blank=True)
    # The code itself until the message is sent (then erased).
    code_te_versturen = models.CharField(max_length=6, blank=True)
    pogingen = models.PositiveSmallIntegerField(default=0)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.TE_VERSTUREN)
    verloopt_op = models.DateTimeField()
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    verstuurd_op = models.DateTimeField(null=True, blank=True)
    verzendpogingen = models.PositiveSmallIntegerField(default=0)
    volgende_poging_op = models.DateTimeField(null=True, blank=True)
    # The token of the claim sending it (core/delivery): outcomes of an older claim are dropped.
    claim = models.UUIDField(null=True, blank=True, editable=False)
    laatste_fout = models.CharField(max_length=200, blank=True)
    taal = models.CharField(max_length=2, default="nl")

    class Meta:
        verbose_name = "contact detail verification"
        verbose_name_plural = "contact detail verifications"
        indexes = [models.Index(fields=["status", "volgende_poging_op"])]

    def __str__(self) -> str:
        return f"Verificatie {self.uuid}"
