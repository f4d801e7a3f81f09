"""camelCase JSON, as the ZGW APIs speak it."""

from __future__ import annotations

from typing import Any

from djangorestframework_camel_case.render import CamelCaseJSONRenderer
from djangorestframework_camel_case.settings import api_settings


class ZGWJSONRenderer(CamelCaseJSONRenderer):
    """Renders ``application/json``; error responses set ``application/problem+json``
    on the response itself (see :mod:`mijnservices.api.exceptions`)."""

    charset = None
    # ZGW's ``_expand`` keeps its leading underscore (its contents are camelised as usual).
    json_underscoreize: dict[str, Any] = {
        **api_settings.JSON_UNDERSCOREIZE,
        "ignore_keys": ("_expand",),
    }
