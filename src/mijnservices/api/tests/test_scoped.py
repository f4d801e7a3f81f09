"""The one scoped API base (decision 0034): every view of every published API that reads
goes through it, and says whether its reads concern a person."""

from __future__ import annotations

import importlib
import inspect
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver

from mijnservices.api.schema import APIS
from mijnservices.api.scoped import ScopedViewMixin
from mijnservices.api.viewsets import ZGWViewMixin

# Views that never read a stored row (they only write or compute), by class name.
WRITE_ONLY = {"NotificatieViewSet", "ZaaknummerReserverenView", "MaakKlantcontactView"}


def _views(patterns: list[Any]) -> list[tuple[type, Any]]:
    found = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            found.extend(_views(pattern.url_patterns))
        elif isinstance(pattern, URLPattern):
            view = pattern.callback
            cls = getattr(view, "cls", None) or getattr(view, "view_class", None)
            if cls is not None and issubclass(cls, ZGWViewMixin):
                found.append((cls, getattr(view, "actions", None)))
    return found


def _api_views() -> list[type]:
    classes: dict[str, type] = {}
    for api in APIS.values():
        module = importlib.import_module(api.urlconf)
        for cls, _actions in _views(module.urlpatterns):
            classes[f"{cls.__module__}.{cls.__name__}"] = cls
    return list(classes.values())


VIEWS = _api_views()


def test_the_walk_finds_the_views_of_every_api():
    modules = {cls.__module__.split(".")[2] for cls in VIEWS}
    assert {"zaken", "catalogi", "documenten", "besluiten", "notificaties"} <= modules
    assert {"autorisaties", "klantinteracties", "contactgegevens", "taken"} <= modules
    assert {"berichten", "verwerkingen", "mijntaken"} <= modules
    assert len(VIEWS) > 40


@pytest.mark.parametrize("view", VIEWS, ids=lambda cls: cls.__name__)
def test_every_reading_view_uses_the_scoped_base_and_declares_its_personal_data(view):
    if view.__name__ in WRITE_ONLY:
        assert not hasattr(view, "list") and not hasattr(view, "retrieve")
        return
    assert issubclass(view, ScopedViewMixin), view
    assert isinstance(getattr(view, "reads_personal_data", None), bool), view
    if view.reads_personal_data:
        assert view.verwerking_doel, view
    # The reads are the base's: no view re-implements them (drf-spectacular's decorators
    # copy a method onto the view, so compare the code).
    for name in ("list", "retrieve", "get_object", "log_reads", "read"):
        method = getattr(view, name, None)
        code = getattr(inspect.unwrap(method), "__code__", None) if method else None
        assert code in (None, getattr(ScopedViewMixin, name).__code__), (view, name)
