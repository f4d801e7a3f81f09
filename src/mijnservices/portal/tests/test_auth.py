"""Citizen sessions: login, the guard for citizen pages, logout."""

from __future__ import annotations

from importlib import import_module

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory

from mijnservices.core.identity import Citizen, Party
from mijnservices.portal.auth import (
    SESSION_KEY,
    citizen_required,
    current_citizen,
    login_citizen,
)
from mijnservices.services.kpis.models import DailyFigure

SUZANNE = Party(kind="bsn", identifier="999993653", name="Suzanne Jansen")


def _request(path: str = "/mijn-zaken/") -> HttpRequest:
    request = RequestFactory().get(path)
    request.session = import_module(settings.SESSION_ENGINE).SessionStore()
    return request


@pytest.mark.django_db
def test_login_citizen_cycles_the_session_key_and_stores_the_citizen():
    request = _request()
    request.session["something"] = "before"
    request.session.save()
    old_key = request.session.session_key

    login_citizen(request, Citizen(actor=SUZANNE, auth_method="demo"))

    assert request.session.session_key != old_key
    assert current_citizen(request) == Citizen(actor=SUZANNE, auth_method="demo")


def test_current_citizen_is_none_without_a_login():
    assert current_citizen(_request()) is None


@pytest.mark.parametrize(
    "damaged",
    [
        "not a dict",
        {"actor": {"kind": "passport", "identifier": "1"}, "auth_method": "demo"},
        {"actor": SUZANNE.to_session(), "auth_method": "password"},
        {"auth_method": "demo"},
    ],
)
def test_current_citizen_is_none_for_a_damaged_session(damaged):
    request = _request()
    request.session[SESSION_KEY] = damaged
    assert current_citizen(request) is None


def test_current_citizen_keeps_who_is_represented():
    business = Party(kind="kvk", identifier="69599084", name="Bakkerij")
    request = _request()
    request.session[SESSION_KEY] = {
        "actor": SUZANNE.to_session(),
        "auth_method": "eherkenning",
        "represented": business.to_session(),
    }
    citizen = current_citizen(request)
    assert citizen is not None
    assert citizen.party == business


def test_citizen_required_sends_visitors_to_login_with_next():
    @citizen_required
    def view(request: HttpRequest, citizen: Citizen) -> HttpResponse:
        return HttpResponse("secret")

    response = view(_request("/mijn-zaken/abc/?x=1"))

    assert response.status_code == 302
    assert response["Location"] == "/inloggen/?next=%2Fmijn-zaken%2Fabc%2F%3Fx%3D1"


def test_citizen_required_passes_the_citizen_and_forbids_caching():
    @citizen_required
    def view(request: HttpRequest, citizen: Citizen) -> HttpResponse:
        return HttpResponse(citizen.party.identifier)

    request = _request()
    request.session[SESSION_KEY] = {"actor": SUZANNE.to_session(), "auth_method": "demo"}
    response = view(request)

    assert response.content == b"999993653"
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_a_citizen_login_is_counted_for_the_kpis_without_who(rf):
    request = rf.get("/")
    request.session = SessionStore()
    login_citizen(request, Citizen(actor=Party("bsn", "999993653"), auth_method="digid"))
    row = DailyFigure.objects.get(measure="portaal_logins")
    assert (row.zaaktype, row.value) == ("", 1)
