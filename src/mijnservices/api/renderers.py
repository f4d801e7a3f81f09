"""camelCase JSON, as the ZGW APIs speak it."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from djangorestframework_camel_case.render import CamelCaseJSONRenderer
from djangorestframework_camel_case.settings import api_settings
from rest_framework.renderers import BaseRenderer


class ZGWJSONRenderer(CamelCaseJSONRenderer):
    """Renders ``application/json``; error responses set ``application/problem+json``
    on the response itself (see :mod:`mijnservices.api.exceptions`)."""

    charset = None
    # ZGW's ``_expand`` keeps its leading underscore (its contents are camelised as usual).
    json_underscoreize: dict[str, Any] = {
        **api_settings.JSON_UNDERSCOREIZE,
        "ignore_keys": ("_expand",),
    }


class OctetStreamRenderer(BaseRenderer):
    """Lets ``Accept: application/octet-stream`` through content negotiation on a download
    (the body is a streamed file response); an error there is still a JSON problem."""

    media_type = "application/octet-stream"
    format = "binary"
    charset = None

    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: Mapping[str, Any] | None = None,
    ) -> bytes:
        if data is None or isinstance(data, bytes):
            return data or b""
        return json.dumps(data).encode()
