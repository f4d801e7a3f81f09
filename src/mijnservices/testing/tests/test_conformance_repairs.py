"""The runner's repair of the suites' flows: requests a version jumps to but lacks come from the
other version, in their place."""

from __future__ import annotations

import json

from mijnservices.testing.conformance import repairs, runner


def _request(name: str, script: str = "") -> dict[str, object]:
    event = {"listen": "test", "script": {"exec": [script]}}
    return {"name": name, "request": {"method": "GET", "url": "{{x}}"}, "event": [event]}


def test_a_missing_jump_target_is_copied_from_the_other_version_in_its_place():
    ours = {
        "item": [
            {
                "name": "ac",
                "item": [
                    _request("a", 'postman.setNextRequest("b");'),
                    _request("c", 'pm.globals.set("NEXT_REQUEST_NAMES", ["d"]);'),
                ],
            }
        ]
    }
    other = {
        "item": [
            {
                "name": "ac",
                "item": [_request("a"), _request("b"), _request("c"), _request("d")],
            }
        ]
    }
    repaired, restored = repairs.with_restored_requests(ours, other)
    assert restored == ["b", "d"]
    assert [r["name"] for r in repaired["item"][0]["item"]] == ["a", "b", "c", "d"]
    assert repairs.dangling(repaired) == set()
    assert [r["name"] for r in ours["item"][0]["item"]] == ["a", "c"]  # the input is untouched


def test_a_restored_request_brings_the_missing_requests_its_flow_goes_on_with():
    # 2025 jumps to (zrc-022b), which it lacks; in 2024 its flow goes on with (zrc-022c), which
    # locks the document before "change status" (the first request 2025 has again).
    jump = _request("create", 'postman.setNextRequest("(zrc-022b) x");')
    ours = {"item": [{"name": "zrc", "item": [jump, _request("change")]}]}
    theirs = ["create", "(zrc-022b) x", "(zrc-022c) y", "(zrc-023a) other rule", "change"]
    other = {"item": [{"name": "zrc", "item": [_request(name) for name in theirs]}]}
    repaired, restored = repairs.with_restored_requests(ours, other)
    assert restored == ["(zrc-022b) x", "(zrc-022c) y"]
    names = [r["name"] for r in repaired["item"][0]["item"]]
    assert names == ["create", "(zrc-022b) x", "(zrc-022c) y", "change"]


def test_names_listed_in_a_variable_before_they_are_set_count_as_jump_targets():
    # The 2025 suite's drc-003a builds its list first; newman ended the run at that name.
    script = (
        'var request_names = ["Create relation between Besluit and Informatieobject"];\n'
        'request_names.unshift("(COMMON) Delete ZaakInformatieObject");\n'
        "var next_requests = [];\n"
        'next_requests.push("Delete created InformatieObject");\n'
        'pm.globals.set("NEXT_REQUEST_NAMES", request_names);'
    )
    assert repairs.jump_targets({"item": [_request("drc-003a", script)]}) == {
        "Create relation between Besluit and Informatieobject",
        "(COMMON) Delete ZaakInformatieObject",
        "Delete created InformatieObject",
    }


def test_after_repair_the_vendored_api_suites_only_jump_to_failure_branches():
    # These three names exist in neither version; each is reached only after a failed check.
    failure_only = {
        "(zrc-001f) Zaak met zaaktype bijwerken is onmogelijk",
        "(zrc-004a) ZaakInformatieObject aanmaken zet aard_relatie op hoort_bij",
        "(zrc-010e) Valideren communicatiekanaal url bij bijwerken Zaak",
    }
    found = [s for s in runner.suites() if s.name == "ZGW_api_postman_tests"]
    assert len(found) == 2
    for suite in found:
        other = next(s for s in found if s is not suite)
        repaired, _ = repairs.with_restored_requests(
            json.loads((suite.folder / f"{suite.name}.json").read_text()),
            json.loads((other.folder / f"{other.name}.json").read_text()),
        )
        assert repairs.dangling(repaired) <= failure_only
