"""The stable identifiers of what is counted per day and of the KPIs reported per period.

Both sets are part of the export format (``docs/kpis.md``): gemeenten compare their figures
by these names, so an identifier is never renamed or reused for something else.
"""

from __future__ import annotations

from enum import StrEnum

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Measure(StrEnum):
    """What one daily aggregate row counts (one row per day by zaaktype by measure)."""

    VERZOEKEN = "verzoeken"  # zaken started that day
    CONTACTEN_KCC = "contacten_voortgang_kcc"  # KCC contactmomenten "vraag over status"
    CONTACTEN_PORTAAL = "contacten_voortgang_portaal"  # questions about a zaak in the portal
    AFGEHANDELD = "afgehandeld"  # zaken closed that day; histogram: doorlooptijd in days
    AFGEHANDELD_BINNEN_NORM = "afgehandeld_binnen_norm"
    OPEN = "open"  # zaken open at the end of the day; histogram: age in days
    STATUSWIJZIGINGEN = "statuswijzigingen"
    STATUSWIJZIGINGEN_MET_NORM = "statuswijzigingen_met_norm"  # the step left had a norm
    STATUSWIJZIGINGEN_BINNEN_NORM = "statuswijzigingen_binnen_norm"
    DOORVERWIJZINGEN = "doorverwijzingen"
    NOTIFICATIES_EMAIL = "notificaties_email"
    NOTIFICATIES_EMAIL_AFGELEVERD = "notificaties_email_afgeleverd"
    NOTIFICATIES_SMS = "notificaties_sms"
    NOTIFICATIES_SMS_AFGELEVERD = "notificaties_sms_afgeleverd"
    # Portal use, counted as it happens (services.kpis.portal_use), not recomputed
    PORTAAL_LOGINS = "portaal_logins"  # citizen logins; zaaktype ""
    PORTAAL_ZAAKWEERGAVEN = "portaal_zaakweergaven"  # zaak pages shown


class Kpi(StrEnum):
    """The figures reported per zaaktype and period (Startgids §4.5, and beside them)."""

    # basic KPIs
    VERZOEKEN = "verzoeken"
    CONTACTEN_VOORTGANG = "contacten_voortgang"
    CONTACTEN_VOORTGANG_KCC = "contacten_voortgang_kcc"
    CONTACTEN_VOORTGANG_PORTAAL = "contacten_voortgang_portaal"
    CONTACTEN_VOORTGANG_KANALEN = "contacten_voortgang_kanalen"
    AFGEHANDELD = "afgehandeld"
    DOORLOOPTIJD_MEDIAAN = "doorlooptijd_mediaan"
    DOORLOOPTIJD_P90 = "doorlooptijd_p90"
    OPEN = "open"
    DOORLOOPTIJD_OPEN_MEDIAAN = "doorlooptijd_open_mediaan"
    DOORLOOPTIJD_OPEN_P90 = "doorlooptijd_open_p90"
    NORM_DOORLOOPTIJD = "norm_doorlooptijd"
    BINNEN_NORM_AANDEEL = "binnen_norm_aandeel"
    # supporting KPIs
    STATUSWIJZIGINGEN = "statuswijzigingen"
    STATUSWIJZIGINGEN_BINNEN_NORM = "statuswijzigingen_binnen_norm"
    STATUSWIJZIGINGEN_BINNEN_NORM_AANDEEL = "statuswijzigingen_binnen_norm_aandeel"
    DOORVERWIJZINGEN = "doorverwijzingen"
    # beside them
    NOTIFICATIES_EMAIL = "notificaties_email"
    NOTIFICATIES_EMAIL_AFLEVERPERCENTAGE = "notificaties_email_afleverpercentage"
    NOTIFICATIES_SMS = "notificaties_sms"
    NOTIFICATIES_SMS_AFLEVERPERCENTAGE = "notificaties_sms_afleverpercentage"
    PORTAAL_LOGINS = "portaal_logins"
    PORTAAL_ZAAKWEERGAVEN = "portaal_zaakweergaven"


LABELS: dict[Kpi, Promise] = {
    Kpi.VERZOEKEN: _("Requests (cases started)"),
    Kpi.CONTACTEN_VOORTGANG: _("Contacts about progress"),
    Kpi.CONTACTEN_VOORTGANG_KCC: _("of which KCC contacts"),
    Kpi.CONTACTEN_VOORTGANG_PORTAAL: _("of which questions in the portal"),
    Kpi.CONTACTEN_VOORTGANG_KANALEN: _("of which imported channel volumes"),
    Kpi.AFGEHANDELD: _("Cases closed"),
    Kpi.DOORLOOPTIJD_MEDIAAN: _("Lead time of closed cases, median (days)"),
    Kpi.DOORLOOPTIJD_P90: _("Lead time of closed cases, 90th percentile (days)"),
    Kpi.OPEN: _("Open cases at the end of the period"),
    Kpi.DOORLOOPTIJD_OPEN_MEDIAAN: _("Age of open cases, median (days)"),
    Kpi.DOORLOOPTIJD_OPEN_P90: _("Age of open cases, 90th percentile (days)"),
    Kpi.NORM_DOORLOOPTIJD: _("Lead time norm (days)"),
    Kpi.BINNEN_NORM_AANDEEL: _("Closed within the norm (%)"),
    Kpi.STATUSWIJZIGINGEN: _("Status changes"),
    Kpi.STATUSWIJZIGINGEN_BINNEN_NORM: _("Status changes within the step's norm"),
    Kpi.STATUSWIJZIGINGEN_BINNEN_NORM_AANDEEL: _("Status changes within the step's norm (%)"),
    Kpi.DOORVERWIJZINGEN: _("Referrals to specialists"),
    Kpi.NOTIFICATIES_EMAIL: _("E-mail notifications sent"),
    Kpi.NOTIFICATIES_EMAIL_AFLEVERPERCENTAGE: _("E-mail notifications delivered (%)"),
    Kpi.NOTIFICATIES_SMS: _("SMS notifications sent"),
    Kpi.NOTIFICATIES_SMS_AFLEVERPERCENTAGE: _("SMS notifications delivered (%)"),
    Kpi.PORTAAL_LOGINS: _("Citizen logins to the portal"),
    Kpi.PORTAAL_ZAAKWEERGAVEN: _("Case pages viewed in the portal"),
}

# Figures that add up over days and zaaktypen; the others are durations or percentages.
COUNTS = frozenset(
    {
        Kpi.VERZOEKEN,
        Kpi.CONTACTEN_VOORTGANG,
        Kpi.CONTACTEN_VOORTGANG_KCC,
        Kpi.CONTACTEN_VOORTGANG_PORTAAL,
        Kpi.CONTACTEN_VOORTGANG_KANALEN,
        Kpi.AFGEHANDELD,
        Kpi.STATUSWIJZIGINGEN,
        Kpi.STATUSWIJZIGINGEN_BINNEN_NORM,
        Kpi.DOORVERWIJZINGEN,
        Kpi.NOTIFICATIES_EMAIL,
        Kpi.NOTIFICATIES_SMS,
        Kpi.PORTAAL_LOGINS,
        Kpi.PORTAAL_ZAAKWEERGAVEN,
    }
)

# Daily rows counted as they happen; the refresh of a day keeps them (decision 0031).
PORTAL_USE = frozenset({Measure.PORTAAL_LOGINS, Measure.PORTAAL_ZAAKWEERGAVEN})


class Kanaal(StrEnum):
    """Channels whose volumes are imported (the product does not see them itself)."""

    TELEFOON = "telefoon"
    BALIE = "balie"
    EMAIL = "email"
    POST = "post"
    CHAT = "chat"
    OVERIG = "overig"
