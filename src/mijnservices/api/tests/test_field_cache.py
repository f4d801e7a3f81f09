"""Serializer fields built once per class, copied per instance (decision 0045)."""

from __future__ import annotations

from typing import Any

from django.test import RequestFactory
from rest_framework import serializers

from mijnservices.api.field_cache import CachedFieldsMixin, field_copy


class Group(CachedFieldsMixin, serializers.Serializer):  # type: ignore[type-arg]
    naam = serializers.CharField(max_length=5)


class Example(CachedFieldsMixin, serializers.Serializer):  # type: ignore[type-arg]
    naam = serializers.CharField(max_length=5)
    woorden = serializers.ListField(child=serializers.CharField(max_length=3), required=False)
    groep = Group(required=False)
    groepen = Group(many=True, required=False)
    host = serializers.SerializerMethodField()

    def get_host(self, obj: Any) -> str:
        return str(self.context["request"].get_host())


def _prototypes() -> dict[str, Any]:
    prototypes = Example.__dict__["_cached_field_prototypes"]
    return {name: prototype.field for name, prototype in prototypes.items()}


def test_fields_are_built_once_per_class_and_copied_per_instance():
    first, second = Example().fields, Example().fields
    prototypes = _prototypes()
    assert list(first) == list(second) == list(prototypes)
    for name, field in first.items():
        assert field is not second[name]
        assert field is not prototypes[name]
        assert field.parent is not second[name].parent
    # The prototypes themselves are never bound.
    assert all(field.parent is None and field.field_name is None for field in prototypes.values())


def test_each_copy_sees_its_own_request(settings):
    settings.ALLOWED_HOSTS = ["een.example", "twee.example"]
    factory = RequestFactory()
    one = Example({"naam": "a"}, context={"request": factory.get("/", HTTP_HOST="een.example")})
    two = Example({"naam": "b"}, context={"request": factory.get("/", HTTP_HOST="twee.example")})
    assert one.data["host"] == "een.example"
    assert two.data["host"] == "twee.example"
    assert one.fields["woorden"].child.context["request"].get_host() == "een.example"


def test_a_child_field_is_copied_and_belongs_to_its_copy():
    fields = Example().fields
    woorden = fields["woorden"]
    assert woorden.child is not _prototypes()["woorden"].child
    assert woorden.child.parent is woorden
    assert _prototypes()["woorden"].child.parent is _prototypes()["woorden"]


def test_errors_of_one_instance_do_not_reach_another():
    bad = Example(data={"naam": "te lang", "woorden": ["lang"], "groepen": [{"naam": "x" * 9}]})
    assert not bad.is_valid()
    assert set(bad.errors) == {"naam", "woorden", "groepen"}
    good = Example(data={"naam": "ok", "woorden": ["ja"], "groepen": [{"naam": "x"}]})
    assert good.is_valid(), good.errors
    assert good.validated_data["groepen"] == [{"naam": "x"}]


def test_a_nested_serializer_is_made_again_with_cached_fields_of_its_own():
    prototype = _prototypes()["groep"]
    copied = field_copy(prototype)
    assert copied is not prototype and isinstance(copied, Group)
    assert "fields" not in prototype.__dict__  # never evaluated on the prototype
    assert copied.fields["naam"] is not Group().fields["naam"]
