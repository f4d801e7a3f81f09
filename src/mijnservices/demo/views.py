"""DEMO ONLY: the demo mail viewer — what the demo mail catcher received (404 otherwise)."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from mijnservices.demo.mailcatcher import stored_mail, stored_mails


def _demo_only() -> None:
    if not settings.DEMO_MODE:
        raise Http404


def mail_list(request: HttpRequest) -> HttpResponse:
    _demo_only()
    return render(request, "demo/mail_list.html", {"mails": stored_mails()})


def mail_detail(request: HttpRequest, mail_id: str) -> HttpResponse:
    _demo_only()
    mail = stored_mail(mail_id)
    if mail is None:
        raise Http404
    return render(request, "demo/mail_detail.html", {"mail": mail})
