"""Kenmerken keep their keys (decision 0032): an abonnement's ``filters`` and a notificatie's
``kenmerken`` are free-form maps whose keys are the kenmerken's own names
(``verantwoordelijkeOrganisatie``, or whatever an external source sends). The ZGW camelCase
conversion must leave those keys alone in both directions, or a filter never matches and a
forwarded notificatie arrives with other keys than it was sent with."""

from __future__ import annotations

from typing import Any

from djangorestframework_camel_case.settings import api_settings

from mijnservices.api.parsers import ZGWJSONParser
from mijnservices.api.renderers import ZGWJSONRenderer

FREE_FORM = ("filters", "kenmerken")


class KenmerkenJSONParser(ZGWJSONParser):
    json_underscoreize: dict[str, Any] = {
        **api_settings.JSON_UNDERSCOREIZE,
        "ignore_fields": FREE_FORM,
    }


class KenmerkenJSONRenderer(ZGWJSONRenderer):
    json_underscoreize: dict[str, Any] = {
        **ZGWJSONRenderer.json_underscoreize,
        "ignore_fields": FREE_FORM,
    }
