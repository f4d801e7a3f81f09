"""The page frame renders byte for byte what its template renders with the static parts
inline, though they are kept per process (decision 0046): Dutch and English, logged in or
out, acting for someone, with and without branding, unread messages, flash messages and
demo mode."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.messages import INFO
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory
from django.urls import resolve
from django.utils import translation

from mijnservices.portal.auth import SESSION_KEY
from mijnservices.services.presentation.branding import branding_update
from mijnservices.testing.frame import render_inline_and_served

PAGE = (
    '{% extends "portal/base.html" %}{% block title %}Mijn <zaken>{% endblock %}'
    "{% block content %}<h1>{{ heading }}</h1>{% endblock %}"
)
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')

BRANDING = {
    "organisation_name": "Gemeente Aa & Hunze <test>",
    "logo_url": "https://example.nl/logo.svg?a=1&b=2",
    "favicon_url": "https://example.nl/favicon.ico",
    "theme_css_url": "https://example.nl/theme.css",
    "theme_class": "aa-theme",
    "contact_phone": "+31 14 0592",
    "contact_hours_nl": "ma-vr 9-17 uur",
    "contact_hours_en": "Mon-Fri 9am-5pm",
    "contact_form_url": "https://example.nl/contact",
    "contact_address": "Postbus 1, 9460 AA Gieten",
    "privacy_url": "https://example.nl/privacy",
    "accessibility_url": "https://example.nl/toegankelijkheid",
    "cookies_url": "https://example.nl/cookies",
}


def _request(*, citizen: dict[str, Any] | None, path: str, message: str) -> Any:
    request: Any = RequestFactory().get(path + "?a=1&b=<2>")
    request.session = SessionStore()
    if citizen is not None:
        request.session[SESSION_KEY] = citizen
    request.resolver_match = resolve(path)
    request._messages = FallbackStorage(request)
    if message:
        request._messages.add(INFO, message)
    return request


CITIZEN = {
    "actor": {"kind": "bsn", "identifier": "999993653", "vestiging": "", "name": "Suzanne <S>"},
    "auth_method": "digid",
    "represented": None,
}
REPRESENTATIVE = {
    **CITIZEN,
    "represented": {"kind": "bsn", "identifier": "999990408", "vestiging": "", "name": "Jan"},
    "mandate": "bewind",
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("branded", [False, True])
@pytest.mark.parametrize("demo", [False, True])
def test_the_frame_renders_what_its_template_renders_with_the_parts_inline(
    language, branded, demo, settings, monkeypatch
):
    settings.DEMO_MODE = demo
    if branded:
        branding_update(values=BRANDING)
    cases = [
        (None, "/", "", {}),
        (None, "/inloggen/", "Uitgelogd", {}),
        (CITIZEN, "/mijn-zaken/", "", {"menu_unread": 0}),
        (CITIZEN, "/mijn-berichten/", "Bericht & <verstuurd>", {"menu_unread": 3}),
        (REPRESENTATIVE, "/mijn-overzicht/", "", {"menu_unread": 1}),
    ]
    with translation.override(language):
        for citizen, path, message, extra in cases:
            for _ in range(2):  # the second time from the kept parts
                request = _request(citizen=citizen, path=path, message=message)
                before, after = render_inline_and_served(
                    monkeypatch, PAGE, {"heading": "Mijn & zaken", **extra}, request
                )
                assert CSRF.sub("", after) == CSRF.sub("", before), (citizen, path)
                assert after.count("csrfmiddlewaretoken") == before.count("csrfmiddlewaretoken")
                assert ("session-warning" in after) is (citizen is not None)
                assert "a=1&amp;b=%3C2%3E" in after  # the request's own path, escaped
                if extra.get("menu_unread"):
                    assert f'<span class="portal-badge">{extra["menu_unread"]}<' in after
                if citizen is REPRESENTATIVE:
                    assert "portal-acting-for" in after
                if message:
                    assert "&lt;verstuurd&gt;" in after or message in after


@pytest.mark.django_db
def test_the_overview_compiles_no_sql_and_renders_no_frame_part_after_the_first_request(
    login_as, monkeypatch
):
    from django.db.models.sql.compiler import SQLCompiler

    from mijnservices.testing.factories import ZaakFactory
    from mijnservices.ui.templatetags import frame

    ZaakFactory.create_batch(3, for_bsn="999993653")
    client = login_as("999993653")
    assert client.get("/mijn-zaken/").status_code == 200
    compiled, rendered = [], []
    as_sql, render = SQLCompiler.as_sql, frame._PARTS._load

    def counting_as_sql(self: SQLCompiler, *args: Any, **kwargs: Any) -> Any:
        compiled.append(self.query.model)
        return as_sql(self, *args, **kwargs)

    def counting_render(key: Any) -> Any:
        rendered.append(key)
        return render(key)

    monkeypatch.setattr(SQLCompiler, "as_sql", counting_as_sql)
    monkeypatch.setattr(frame._PARTS, "_load", counting_render)
    page = client.get("/mijn-zaken/")
    assert page.status_code == 200
    assert page.content.decode().count('class="portal-zaak"') == 3
    # The session, the zaken and the unread count: compiled once per process (decision 0046).
    assert compiled == []
    assert rendered == []
