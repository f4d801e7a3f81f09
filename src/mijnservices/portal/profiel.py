"""MijnProfiel: personal data from the BRP, contact details (verified before use) and the
notification choices. Only the person themself; a representative gets an explanation."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mijnservices.core.errors import DomainError
from mijnservices.core.identity import Citizen
from mijnservices.integration.brp.client import BrpUnavailable, Persoon, brp_source
from mijnservices.portal import audit
from mijnservices.portal.auth import citizen_required
from mijnservices.portal.profiel_forms import CodeForm, ContactForm, PreferencesForm
from mijnservices.services.access.profiel import may_change_profile, may_view_profile
from mijnservices.services.profiel import services
from mijnservices.services.profiel.models import ACTION_REQUIRED, Kanaal
from mijnservices.services.profiel.selectors import contact_details, voorkeuren_for

PROFILE_URL = "portal:profiel"


def _persoon(citizen: Citizen) -> tuple[Persoon | None, bool]:
    """(BRP data, whether the BRP could be asked). Businesses have no BRP data."""
    if citizen.party.kind != "bsn":
        return None, True
    source = brp_source()
    if source is None:
        return None, True
    try:
        return source.persoon(citizen.party.identifier), True
    except BrpUnavailable:
        return None, False


def _context(citizen: Citizen, **forms: Any) -> dict[str, Any]:
    voorkeuren = voorkeuren_for(citizen.party)
    persoon, brp_ok = _persoon(citizen)
    return {
        "citizen": citizen,
        "persoon": persoon,
        "brp_ok": brp_ok,
        "details": contact_details(citizen.party),
        "email_form": forms.get("email_form") or ContactForm(kanaal=Kanaal.EMAIL),
        "sms_form": forms.get("sms_form") or ContactForm(kanaal=Kanaal.SMS),
        "code_form": forms.get("code_form") or CodeForm(),
        "code_for": forms.get("code_for", ""),
        "preferences_form": forms.get("preferences_form")
        or PreferencesForm(
            initial={
                "voorkeurskanaal": voorkeuren.voorkeurskanaal,
                "aan": [k for k in ("status", "bericht") if voorkeuren.wants(k)],
                "alleen_digitaal": voorkeuren.alleen_digitaal,
            }
        ),
        "always_on": sorted(ACTION_REQUIRED),
    }


def _page(request: HttpRequest, citizen: Citizen, status: int = 200, **forms: Any) -> HttpResponse:
    return render(request, "portal/profiel.html", _context(citizen, **forms), status=status)


def _back(anchor: str = "") -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse(PROFILE_URL) + anchor)


def _language() -> str:
    return "en" if get_language() == "en" else "nl"


@citizen_required
def profiel(request: HttpRequest, citizen: Citizen) -> HttpResponse:
    if not may_view_profile(citizen):
        return render(request, "portal/profiel_representative.html", {"citizen": citizen})
    audit.record("profile_viewed", citizen)
    return _page(request, citizen)


def _refuse_representative(citizen: Citizen) -> HttpResponse | None:
    if may_change_profile(citizen):
        return None
    return HttpResponse(status=403)


@require_POST
@citizen_required
def contact_add(request: HttpRequest, citizen: Citizen, kanaal: str) -> HttpResponse:
    if (refused := _refuse_representative(citizen)) is not None:
        return refused
    if kanaal not in Kanaal.values:
        return HttpResponse(status=404)
    form = ContactForm(request.POST, kanaal=kanaal)
    if form.is_valid():
        try:
            verificatie = services.contact_detail_add(
                party=citizen.party,
                kanaal=kanaal,
                adres=form.cleaned_data["adres"],
                taal=_language(),
            )
        except DomainError as error:
            form.add_error("adres", _(error.message))
        else:
            audit.record("contact_detail_added", citizen, kanaal=kanaal)
            if kanaal == Kanaal.EMAIL:
                text = _("We have sent a link to %(adres)s. Open it to confirm the address.")
            else:
                text = _("We have sent a code to %(adres)s. Type it below to confirm the number.")
            messages.success(request, text % {"adres": verificatie.adres})
            return _back("#contactgegevens")
    return _page(request, citizen, status=400, **{f"{kanaal}_form": form})


@require_POST
@citizen_required
def contact_code(request: HttpRequest, citizen: Citizen, adres_uuid: UUID) -> HttpResponse:
    if (refused := _refuse_representative(citizen)) is not None:
        return refused
    form = CodeForm(request.POST)
    if form.is_valid():
        try:
            services.phone_verify(
                party=citizen.party,
                digitaal_adres_uuid=str(adres_uuid),
                code=form.cleaned_data["code"],
            )
        except DomainError as error:
            form.add_error("code", _(error.message))
        else:
            audit.record("contact_detail_verified", citizen, kanaal="sms")
            messages.success(request, _("Thank you. Your mobile number is confirmed."))
            return _back("#contactgegevens")
    return _page(request, citizen, status=400, code_form=form, code_for=str(adres_uuid))


@require_POST
@citizen_required
def contact_resend(request: HttpRequest, citizen: Citizen, adres_uuid: UUID) -> HttpResponse:
    if (refused := _refuse_representative(citizen)) is not None:
        return refused
    try:
        verificatie = services.verification_resend(
            party=citizen.party, digitaal_adres_uuid=str(adres_uuid), taal=_language()
        )
    except DomainError:
        return HttpResponse(status=404)
    messages.success(
        request, _("We have sent it again to %(adres)s.") % {"adres": verificatie.adres}
    )
    return _back("#contactgegevens")


@require_POST
@citizen_required
def contact_remove(request: HttpRequest, citizen: Citizen, adres_uuid: UUID) -> HttpResponse:
    if (refused := _refuse_representative(citizen)) is not None:
        return refused
    try:
        services.contact_detail_remove(party=citizen.party, digitaal_adres_uuid=str(adres_uuid))
    except DomainError:
        return HttpResponse(status=404)
    audit.record("contact_detail_removed", citizen)
    messages.success(request, _("The contact detail has been removed."))
    return _back("#contactgegevens")


@citizen_required
def email_verify(request: HttpRequest, citizen: Citizen, token: str) -> HttpResponse:
    """The link from the verification e-mail (the person logs in first if needed)."""
    if (refused := _refuse_representative(citizen)) is not None:
        return refused
    try:
        adres = services.email_verify(party=citizen.party, token=token)
    except DomainError as error:
        return render(
            request, "portal/profiel_verify_failed.html", {"message": _(error.message)}, status=400
        )
    audit.record("contact_detail_verified", citizen, kanaal="email")
    messages.success(request, _("Thank you. %(adres)s is confirmed.") % {"adres": adres.adres})
    return _back("#contactgegevens")


@require_POST
@citizen_required
def preferences(request: HttpRequest, citizen: Citizen) -> HttpResponse:
    if (refused := _refuse_representative(citizen)) is not None:
        return refused
    form = PreferencesForm(request.POST)
    if (
        form.is_valid()
        and form.cleaned_data["voorkeurskanaal"] == Kanaal.SMS
        and not any(d.kanaal == "sms" and d.verified_on for d in contact_details(citizen.party))
    ):
        # Issue 21: SMS without a confirmed mobile number would reach nobody.
        form.add_error(
            "voorkeurskanaal",
            _(
                "You have no confirmed mobile number yet, so we cannot send you text messages. "
                "First add your mobile number below and confirm it with the code we send."
            ),
        )
    if form.is_valid():
        off = [kind for kind in ("status", "bericht") if kind not in form.cleaned_data["aan"]]
        services.voorkeuren_update(
            party=citizen.party,
            voorkeurskanaal=form.cleaned_data["voorkeurskanaal"],
            uitgezet=off,
            alleen_digitaal=form.cleaned_data["alleen_digitaal"],
            taal=_language(),
        )
        audit.record("preferences_saved", citizen)
        messages.success(request, _("Your choices have been saved."))
        return _back("#keuzes")
    return _page(request, citizen, status=400, preferences_form=form)
