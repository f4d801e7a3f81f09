"""camelCase JSON, as the ZGW APIs speak it."""

from __future__ import annotations

from djangorestframework_camel_case.render import CamelCaseJSONRenderer


class ZGWJSONRenderer(CamelCaseJSONRenderer):
    """Renders ``application/json``; error responses set ``application/problem+json``
    on the response itself (see :mod:`mijnservices.api.exceptions`)."""

    charset = None
