"""The employee pages' frame renders byte for byte what its template renders with the
static parts inline, though they are kept per process (decision 0046): Dutch and English,
logged in or out, demo mode, messages, a page's own head block."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.contrib.messages import ERROR
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory
from django.urls import resolve
from django.utils import translation

from mijnservices.testing.frame import render_inline_and_served

PAGE = (
    '{% extends "kcc/base.html" %}{% block title %}Werk <lijst>{% endblock %}'
    '{% block head %}<link rel="stylesheet" href="/k.css">{% endblock %}'
    "{% block content %}<h1>{{ heading }}</h1>{% endblock %}"
)
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


def _request(*, employee: bool, message: str) -> Any:
    request: Any = RequestFactory().get("/medewerker/?a=1&b=<2>")
    request.session = SessionStore()
    request.user = User(username="kcc") if employee else AnonymousUser()
    if employee:
        request.kcc_employee = object()
    request.resolver_match = resolve("/medewerker/")
    request._messages = FallbackStorage(request)
    if message:
        request._messages.add(ERROR, message)
    return request


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("demo", [False, True])
def test_the_employee_frame_renders_what_its_template_renders_with_the_parts_inline(
    language, demo, settings, monkeypatch
):
    settings.DEMO_MODE = demo
    with translation.override(language):
        for employee, message in ((False, ""), (False, "Onjuiste code"), (True, ""), (True, "x")):
            for _ in range(2):  # the second time from the kept parts
                request = _request(employee=employee, message=message)
                context = {"heading": "Zaken & taken"}
                before, after = render_inline_and_served(monkeypatch, PAGE, context, request)
                assert CSRF.sub("", after) == CSRF.sub("", before), (employee, message)
                assert after.count("csrfmiddlewaretoken") == before.count("csrfmiddlewaretoken")
                assert ("session-warning" in after) is employee
                assert '<link rel="stylesheet" href="/k.css">' in after
