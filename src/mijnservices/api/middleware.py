"""Request bodies above the limit answer 413 before anything reads them.

The limit is ``REQUEST_MAX_BODY_SIZE``; the Documenten API, which takes document content
inline (base64), allows ``DOCUMENTEN_MAX_UPLOAD_SIZE`` encoded plus that margin. Django's
own ``DATA_UPLOAD_MAX_MEMORY_SIZE`` is set to the largest of these, as a backstop for bodies
without a Content-Length (its ``RequestDataTooBig`` answers 413 as well, see exceptions).
Multipart uploads (portal files, bestandsdelen) are limited by their own views.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse

from mijnservices.api.exceptions import PROBLEM_CONTENT_TYPE

API_PATH = re.compile(r"^/[\w-]+/api/v\d+/")
DOCUMENTEN_PREFIX = "/documenten/api/"


def body_limit(path: str) -> int:
    limit = int(settings.REQUEST_MAX_BODY_SIZE)
    if path.startswith(DOCUMENTEN_PREFIX):
        return int(settings.DOCUMENTEN_MAX_UPLOAD_SIZE) * 4 // 3 + limit
    return limit


def too_large_response(path: str, limit: int) -> HttpResponse:
    detail = f"The request body is larger than the maximum of {limit} bytes."
    if not API_PATH.match(path):
        return HttpResponse(detail, status=413, content_type="text/plain")
    body = {
        "type": f"{settings.SITE_URL}/ref/fouten/RequestEntityTooLarge/",
        "code": "request-too-large",
        "title": "The request body is too large.",
        "status": 413,
        "detail": detail,
        "instance": f"urn:uuid:{uuid.uuid4()}",
    }
    return JsonResponse(body, status=413, content_type=PROBLEM_CONTENT_TYPE)


class BodySizeLimitMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not (request.content_type or "").startswith("multipart/"):
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = 0
            limit = body_limit(request.path)
            if length > limit:
                return too_large_response(request.path, limit)
        return self.get_response(request)
