from __future__ import annotations

from typing import Any

from djangorestframework_camel_case.settings import api_settings

from mijnservices.api.renderers import ZGWJSONRenderer


class ZakenJSONRenderer(ZGWJSONRenderer):
    """camelCase, except ``_expand`` and the standard's odd ``inpA_nummer``."""

    json_underscoreize: dict[str, Any] = {
        **api_settings.JSON_UNDERSCOREIZE,
        "ignore_keys": ("_expand", "inpA_nummer"),
    }
