"""Idle sessions without a write on every request.

A session ends ``SESSION_IDLE_TIMEOUT`` seconds after it was last saved. Saving it on every
request (Django's ``SESSION_SAVE_EVERY_REQUEST``) costs an UPDATE per page view; instead
:class:`SessionTouchMiddleware` saves an unchanged session at most once per
``SESSION_TOUCH_INTERVAL`` seconds, noting when in the session itself. The session then ends
between ``SESSION_IDLE_TIMEOUT - SESSION_TOUCH_INTERVAL`` and ``SESSION_IDLE_TIMEOUT``
seconds after the last request; the pages' warning is told the real time left
(:func:`session_seconds_left`), and "stay logged in" always saves (:func:`session_touch`)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from mijnservices.core.query_shapes import QueryShape

TOUCHED = "_touched"


def _due(request: HttpRequest, now: int) -> bool:
    return now - int(request.session.get(TOUCHED, 0)) >= settings.SESSION_TOUCH_INTERVAL


def session_touch(request: HttpRequest) -> None:
    """Save the session at the end of this request: its idle time starts again."""
    request.session[TOUCHED] = int(time.time())


def session_seconds_left(request: HttpRequest) -> int:
    """Seconds until this session ends if nothing else happens (the full idle timeout when
    this request saves it)."""
    now = int(time.time())
    session = getattr(request, "session", None)
    if session is None or session.is_empty() or _due(request, now):
        return int(settings.SESSION_IDLE_TIMEOUT)
    return int(session[TOUCHED]) + int(settings.SESSION_IDLE_TIMEOUT) - now


class SessionTouchMiddleware:
    """After Django's SessionMiddleware: mark a session that exists for saving when it was
    last saved ``SESSION_TOUCH_INTERVAL`` seconds ago or more, or changes anyway."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is None or session.is_empty():
            return response
        accessed, now = session.accessed, int(time.time())
        # Reading the session may find its key unknown (then it is empty): nothing to save.
        if (session.modified or _due(request, now)) and not session.is_empty():
            session[TOUCHED] = now
        session.accessed = accessed  # our reading adds no "Vary: Cookie"
        return response


def _session_queryset(_shape: str, session_key: str) -> QuerySet[Session, Any]:
    return Session.objects.filter(session_key=session_key).values(
        "session_key", "session_data", "expire_date"
    )


# Every page reads the session: its query compiled once per process (decisions 0046, 0047).
_SESSION = QueryShape("session", _session_queryset)


class SessionStore(db.SessionStore):
    """Django's database sessions (``SESSION_ENGINE = "mijnservices.core.sessions"``), read
    with a query compiled once per process; the same row, the same answer (an expired session
    is none, decided in Python: the query shapes take no moments)."""

    def _get_session_from_db(self) -> Session | None:
        rows = _SESSION.rows("session", self.session_key or "")
        if not rows or rows[0]["expire_date"] <= timezone.now():
            self._session_key = None
            return None
        return Session(**rows[0])
