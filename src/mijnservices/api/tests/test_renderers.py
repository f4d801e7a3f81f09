"""The fast renderer writes what DRF's renderer with the camel-case library writes."""

from __future__ import annotations

import datetime
import decimal
import json
import uuid

import pytest
from django.utils.translation import gettext_lazy
from djangorestframework_camel_case.render import CamelCaseJSONRenderer
from rest_framework.utils.serializer_helpers import ReturnDict

from mijnservices.api.renderers import ZGWJSONRenderer, camel
from mijnservices.registrations.zaken.api.renderers import ZakenJSONRenderer

DATA = {
    "zaak_type": "http://x/zaaktypen/1",
    "uiterlijke_einddatum_afdoening": datetime.date(2026, 1, 31),
    "laatste_betaaldatum": datetime.datetime(2026, 1, 2, 3, 4, 5, 678901, tzinfo=datetime.UTC),
    "tijd": datetime.time(10, 11, 12, 131415),
    "bedrag": decimal.Decimal("12.50"),
    "uuid": uuid.UUID("12345678-1234-5678-1234-567812345678"),
    "lazy_text": gettext_lazy("Status"),
    "nested_list": [{"inp_bsn": "999993653", "inpA_nummer": "1"}, ("a", 1, 2.5, None, True)],
    "_expand": {"status_type": {"is_eindstatus": False}},
    "tekst": "regel\u2028einde\u2029 € ü",
    "cijfer_1": 1,
    3: "int key",
    "coordinates": [52.3702, 4.8952, 123456789.0],
}


@pytest.mark.parametrize("renderer_class", [ZGWJSONRenderer, ZakenJSONRenderer])
def test_the_bytes_are_the_ones_drf_writes(renderer_class):
    class Reference(CamelCaseJSONRenderer):
        json_underscoreize = renderer_class.json_underscoreize

    data = ReturnDict(DATA, serializer=None)
    ours = renderer_class().render(data)
    reference = Reference().render(data)
    assert json.loads(ours) == json.loads(reference)
    assert ours == reference


def test_very_small_numbers_keep_their_value_in_another_notation():
    # orjson writes 1e-05 as 0.00001: the same number to every JSON reader.
    ours = ZGWJSONRenderer().render({"x": [1e-05, 2.5e-07]})
    assert json.loads(ours) == {"x": [1e-05, 2.5e-07]}


def test_an_indented_rendering_is_drfs():
    ours = ZGWJSONRenderer().render({"a_b": 1}, "application/json; indent=2", {})
    assert ours == b'{\n  "aB": 1\n}'


def test_keys_are_converted_as_the_camel_case_library_does():
    assert camel("uiterlijke_einddatum_afdoening") == "uiterlijkeEinddatumAfdoening"
    assert camel("cijfer_1") == "cijfer1"
    assert camel("_expand") == "Expand"
    assert camel("geen") == "geen"
