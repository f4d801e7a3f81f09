"""Sessions are saved at most once per SESSION_TOUCH_INTERVAL when nothing changes in them,
and the pages are told how long the session really has left."""

from __future__ import annotations

import time

import pytest
from django.conf import settings
from django.contrib.sessions.middleware import SessionMiddleware
from django.contrib.sessions.models import Session
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory

from mijnservices.core.sessions import (
    TOUCHED,
    SessionTouchMiddleware,
    session_seconds_left,
    session_touch,
)


def _view(request: HttpRequest) -> HttpResponse:
    request.session.get("citizen")
    return HttpResponse("ok")


def _handler(view=_view):
    return SessionMiddleware(SessionTouchMiddleware(view))


def _request(key: str | None) -> HttpRequest:
    request = RequestFactory().get("/")
    if key:
        request.COOKIES[settings.SESSION_COOKIE_NAME] = key
    return request


def _session(**data: object) -> str:
    from django.contrib.sessions.backends.db import SessionStore

    store = SessionStore()
    for name, value in data.items():
        store[name] = value
    store.save()
    assert store.session_key
    return store.session_key


@pytest.mark.django_db
def test_an_unchanged_session_saved_a_moment_ago_is_not_saved_again():
    key = _session(citizen="x", **{TOUCHED: int(time.time())})
    before = Session.objects.get(pk=key).expire_date
    response = _handler()(_request(key))
    assert Session.objects.get(pk=key).expire_date == before
    assert settings.SESSION_COOKIE_NAME not in response.cookies


@pytest.mark.django_db
def test_a_session_last_saved_longer_ago_than_the_interval_is_saved_and_its_cookie_renewed():
    key = _session(citizen="x", **{TOUCHED: int(time.time()) - settings.SESSION_TOUCH_INTERVAL})
    before = Session.objects.get(pk=key).expire_date
    response = _handler()(_request(key))
    assert Session.objects.get(pk=key).expire_date > before
    assert response.cookies[settings.SESSION_COOKIE_NAME].value == key


@pytest.mark.django_db
def test_an_unknown_session_key_creates_no_session():
    _handler()(_request("no-such-session-key-0123456789"))
    assert not Session.objects.exists()


@pytest.mark.django_db
def test_a_touch_saves_even_within_the_interval():
    key = _session(citizen="x", **{TOUCHED: int(time.time())})
    before = Session.objects.get(pk=key).expire_date

    def keep_alive(request: HttpRequest) -> HttpResponse:
        session_touch(request)
        return HttpResponse("ok")

    _handler(keep_alive)(_request(key))
    assert Session.objects.get(pk=key).expire_date > before


@pytest.mark.django_db
def test_the_time_left_counts_from_the_last_save():
    key = _session(citizen="x", **{TOUCHED: int(time.time()) - 30})
    request = _request(key)
    SessionMiddleware(_view).process_request(request)
    left = session_seconds_left(request)
    assert settings.SESSION_IDLE_TIMEOUT - 32 <= left <= settings.SESSION_IDLE_TIMEOUT - 30


@pytest.mark.django_db
def test_the_session_store_reads_what_django_s_store_saved_and_nothing_expired_or_unknown():
    from datetime import timedelta

    from django.contrib.sessions.backends.db import SessionStore as DjangoStore
    from django.utils import timezone

    from mijnservices.core.sessions import SessionStore

    assert settings.SESSION_ENGINE == "mijnservices.core.sessions"
    saved = DjangoStore()
    saved["citizen"] = {"kind": "bsn"}
    saved.save()
    assert SessionStore(saved.session_key).load() == {"citizen": {"kind": "bsn"}}
    unknown = SessionStore("x" * 32)
    assert unknown.load() == {}
    assert unknown.session_key is None
    Session.objects.filter(pk=saved.session_key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    assert SessionStore(saved.session_key).load() == {}
