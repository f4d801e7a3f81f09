"""The Notificatieservice's data: what happened that a person should hear about (a
``Notification`` per recipient and channel, with a status machine like GOV.UK Notify's), the
editable templates, the administrator's switches per trigger, signals for the KCC that contact
details need checking, and the idempotency record of notificaties from external sources."""

from __future__ import annotations

import uuid

from django.db import models

from mijnservices.integration.zgw.models import ZgwSource


class Trigger(models.TextChoices):
    ZAAK_ONTVANGEN = "zaak_ontvangen", "Zaak received"
    STATUS = "status", "Status set"
    SUBSTATUS = "substatus", "Update on a step"
    DOCUMENT = "document", "Document added"
    BESLUIT = "besluit", "Besluit"
    ZAAK_AFGESLOTEN = "zaak_afgesloten", "Zaak closed"
    BERICHT = "bericht", "New message"
    BETALING = "betaling", "Payment received"
    TAAK = "taak", "New task"
    TAAK_DEADLINE = "taak_deadline", "Task deadline approaching"
    VRAAG_BEANTWOORD = "vraag_beantwoord", "Question answered"
    NIET_VERGETEN = "niet_vergeten", "Not forgotten (no news for a while)"
    ONTVANGST = "ontvangst", "Receipt (document or question received)"


# Which of the person's choices (profiel.MeldingSoort) a trigger falls under; None: always sent
# (it confirms something the person did, or answers them).
SOORT = {
    Trigger.ZAAK_ONTVANGEN: "status",
    Trigger.STATUS: "status",
    Trigger.SUBSTATUS: "status",
    Trigger.DOCUMENT: "status",
    Trigger.BESLUIT: "status",
    Trigger.ZAAK_AFGESLOTEN: "status",
    Trigger.NIET_VERGETEN: "status",
    Trigger.BERICHT: "bericht",
    Trigger.TAAK: "taak",
    Trigger.TAAK_DEADLINE: "herinnering",
    Trigger.BETALING: None,
    Trigger.VRAAG_BEANTWOORD: None,
    Trigger.ONTVANGST: None,  # a Wmebv receipt is always sent
}


class Kanaal(models.TextChoices):
    EMAIL = "email", "E-mail"
    SMS = "sms", "SMS"


class Status(models.TextChoices):
    """As GOV.UK Notify: created → sending → delivered / temporary-failure /
    permanent-failure / technical-failure."""

    CREATED = "created", "Created"
    SENDING = "sending", "Sending"
    DELIVERED = "delivered", "Delivered"
    TEMPORARY_FAILURE = "temporary-failure", "Temporary failure"
    PERMANENT_FAILURE = "permanent-failure", "Permanent failure"
    TECHNICAL_FAILURE = "technical-failure", "Technical failure"


FINAL = (Status.DELIVERED, Status.PERMANENT_FAILURE, Status.TECHNICAL_FAILURE)


class Notification(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # (event, recipient, channel): a unique key, so nothing is ever sent twice.
    dedup_key = models.CharField(max_length=200, unique=True)
    event_id = models.CharField(max_length=100)
    trigger = models.CharField(max_length=20, choices=Trigger.choices)
    party_kind = models.CharField(max_length=3)
    party_identifier = models.CharField(max_length=20)
    party_vestiging = models.CharField(max_length=12, blank=True)
    kanaal = models.CharField(max_length=5, choices=Kanaal.choices)
    adres = models.CharField(max_length=254)
    taal = models.CharField(max_length=2, default="nl")
    onderwerp = models.CharField(max_length=200)
    tekst = models.TextField()
    # Proof of sending (Wmebv): the hash of exactly what was sent, the provider's reference
    # and when it was accepted.
    tekst_sha256 = models.CharField(max_length=64)
    zaak_uuid = models.CharField(max_length=36, blank=True)
    zaak_identificatie = models.CharField(max_length=40, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.CREATED)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField()
    lease_until = models.DateTimeField(null=True, blank=True)
    # The token of the claim that holds it (core/delivery): outcomes of an older claim are dropped.
    claim = models.UUIDField(null=True, blank=True, editable=False)
    provider = models.CharField(max_length=20, blank=True)
    provider_reference = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)
    # A later channel tried after this one failed permanently.
    fallback_of = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="fallbacks"
    )
    klantcontact_registered = models.BooleanField(default=False)

    class Meta:
        verbose_name = "notification"
        verbose_name_plural = "notifications"
        indexes = [
            models.Index(fields=["status", "next_attempt_at"]),
            models.Index(fields=["party_kind", "party_identifier", "created_at"]),
            models.Index(fields=["provider_reference"]),
            # Order per stream: earlier messages to this person about this zaak.
            models.Index(
                fields=["party_identifier", "zaak_uuid", "created_at"],
                name="notification_stream_idx",
            ),
            # The few not yet on the person's timeline, among millions that are.
            models.Index(
                fields=["completed_at"],
                condition=models.Q(klantcontact_registered=False),
                name="notification_timeline_due",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.trigger} → {self.masked_adres} ({self.status})"

    @property
    def masked_adres(self) -> str:
        """The address as employees see it in lists: enough to recognise, not to copy."""
        if self.kanaal == Kanaal.EMAIL and "@" in self.adres:
            name, domain = self.adres.split("@", 1)
            return f"{name[:1]}…@{domain}"
        return f"…{self.adres[-3:]}"


class NotificationTemplate(models.Model):
    """One text per trigger, channel and language. Placeholders: see ``templates.PLACEHOLDERS``."""

    trigger = models.CharField(max_length=20, choices=Trigger.choices)
    kanaal = models.CharField(max_length=5, choices=Kanaal.choices)
    taal = models.CharField(max_length=2, choices=[("nl", "Nederlands"), ("en", "English")])
    onderwerp = models.CharField(max_length=200, blank=True, help_text="E-mail only.")
    tekst = models.TextField()
    case_content_confirmed = models.BooleanField(
        default=False,
        help_text="Tick only when you deliberately put what the case is about into the message "
        "(placeholders zaak_omschrijving, status).",
    )

    class Meta:
        verbose_name = "notification template"
        verbose_name_plural = "notification templates"
        constraints = [
            models.UniqueConstraint(
                fields=["trigger", "kanaal", "taal"], name="notifications_one_template"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_trigger_display()} / {self.kanaal} / {self.taal}"


class TriggerSwitch(models.Model):
    """The functional administrator switches a trigger off (or on again) for a zaaktype,
    optionally narrowed to one statustype or informatieobjecttype. The most specific wins;
    without any switch every trigger is on (statuses only when the statustype says
    ``informeren``)."""

    trigger = models.CharField(max_length=20, choices=Trigger.choices)
    zaaktype_identificatie = models.CharField(max_length=80, blank=True)
    statustype_omschrijving = models.CharField(max_length=80, blank=True)
    informatieobjecttype_omschrijving = models.CharField(max_length=80, blank=True)
    actief = models.BooleanField(default=False)
    # "Not forgotten": days without a status change before the message (else the zaaktype's
    # stilte_signaal_dagen).
    dagen = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = "trigger switch"
        verbose_name_plural = "trigger switches"

    def __str__(self) -> str:
        scope = self.zaaktype_identificatie or "*"
        return f"{self.trigger} {scope}: {'on' if self.actief else 'off'}"


class ContactSignal(models.Model):
    """For the KCC: this person's contact details need checking (no usable address, or a
    channel failed permanently)."""

    party_kind = models.CharField(max_length=3)
    party_identifier = models.CharField(max_length=20)
    kanaal = models.CharField(max_length=5, blank=True)
    adres = models.CharField(max_length=254, blank=True)
    reden = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "contact details signal"
        verbose_name_plural = "contact details signals"
        indexes = [models.Index(fields=["party_kind", "party_identifier"])]

    def __str__(self) -> str:
        return self.reden


class ExternalSource(models.Model):
    """An external Notificaties API (e.g. a municipality's Open Zaak) that posts ZGW
    notificaties to our webhook with this Authorization header value."""

    naam = models.CharField(max_length=100, unique=True)
    authorization = models.CharField(
        max_length=500, help_text="Authorization header value the source sends to our webhook."
    )
    # The registered ZGW source whose zaak a notificatie refreshes (decision 0029): only its
    # configured API roots are read, with its credentials.
    zgw_source = models.ForeignKey(
        ZgwSource,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="webhooks",
        help_text="The ZGW source whose zaken the notificaties of this sender refresh.",
    )
    actief = models.BooleanField(default=True)

    class Meta:
        verbose_name = "external notification source"
        verbose_name_plural = "external notification sources"

    def __str__(self) -> str:
        return self.naam


class ReceivedNotificatie(models.Model):
    """A notificatie from an external source, stored once (idempotent by its id) and turned
    into notifications by the worker (which reads the source over HTTP outside any
    transaction, retrying with backoff)."""

    source = models.ForeignKey(ExternalSource, on_delete=models.CASCADE)
    notificatie_id = models.CharField(max_length=100)
    body = models.JSONField()
    received_at = models.DateTimeField(auto_now_add=True)
    processed_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True, db_index=True)
    last_error = models.CharField(max_length=300, blank=True)
    failed = models.BooleanField(default=False)

    class Meta:
        verbose_name = "received notificatie"
        verbose_name_plural = "received notificaties"
        constraints = [
            models.UniqueConstraint(
                fields=["source", "notificatie_id"], name="notifications_received_once"
            )
        ]

    def __str__(self) -> str:
        return self.notificatie_id


class SilenceNotice(models.Model):
    """A "not forgotten" message was planned for this zaak's silence since ``since`` (the
    zaak's last activity): at most one per silence period."""

    zaak_uuid = models.UUIDField()
    since = models.DateTimeField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "not-forgotten notice"
        verbose_name_plural = "not-forgotten notices"
        constraints = [
            models.UniqueConstraint(
                fields=["zaak_uuid", "since"], name="notifications_silence_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.zaak_uuid} since {self.since:%Y-%m-%d}"
