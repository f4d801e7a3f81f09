"""The conformance harness itself works: stand-ins, newman's report, the expected-failures list.

The full run (``make conformance``) takes minutes; these take seconds. newman runs for real here,
on a tiny collection of our own against the mock stand-in.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from mijnservices.testing.conformance import expected, runner
from mijnservices.testing.conformance.http import LoopbackServer
from mijnservices.testing.conformance.results import (
    LOOP_STOPPED,
    SEPARATOR,
    Failure,
    parse_report,
    result_from_json,
    result_to_json,
)
from mijnservices.testing.conformance.standins import MockServer, Referentielijsten, mock_examples
from mijnservices.testing.conformance.token_issuer import TokenIssuer
from mijnservices.testing.processes import free_port

SUITE = runner.suites(["2024-01-30-bd2785b/ZGW_api"])[0]


def _open(request: urllib.request.Request) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _get(url: str, method: str = "GET") -> tuple[int, bytes]:
    return _open(urllib.request.Request(url, method=method))  # noqa: S310 - loopback


def test_every_file_the_runner_reads_is_vendored_in_the_repository():
    files = [runner.REPOSITORY_ROOT / "conformance" / "package-lock.json"]
    for suite in runner.suites():
        files += [
            suite.folder / f"{suite.name}.json",
            suite.folder / "ZGW_mocks.json",
            suite.folder / "local.postman_environment.json",
            suite.folder / "LICENCE.md",
        ]
    files += [runner.REFERENTIELIJSTEN / "LICENCE.md"]
    assert {s.label for s in runner.suites()} == {"2024-01-30-bd2785b", "2025-07-04-e6b244b"}
    for path in files:
        assert runner.REPOSITORY_ROOT in path.resolve().parents and path.is_file(), path


def test_environment_points_every_api_and_outside_url_at_loopback():
    env = runner.environment(
        SUITE,
        api_root="http://127.0.0.1:1",
        mock="http://127.0.0.1:2",
        referentielijsten="http://127.0.0.1:3",
        token_issuer="http://127.0.0.1:4",
    )
    values = {row["key"]: row["value"] for row in env["values"]}
    assert values["zrc_url"] == "http://127.0.0.1:1/zaken/api/v1"
    assert values["ztc_url"] == "http://127.0.0.1:1/catalogi/api/v1"
    assert values["referentielijst_url"] == "http://127.0.0.1:3/api/v1"
    assert values["client_id"] == "zgw_api_tests"
    assert all(
        value.startswith("http://127.0.0.1:")
        for key, value in values.items()
        if key.endswith("_url")
    )


def test_mock_standin_answers_with_the_examples_saved_in_the_mock_collection():
    with LoopbackServer(MockServer(mock_examples(SUITE.folder / "ZGW_mocks.json"))) as mock:
        assert _get(f"{mock.url}/200")[0] == 200
        assert _get(f"{mock.url}/404")[0] == 404
        status, body = _get(f"{mock.url}/communicatiekanaal")
        assert status == 200 and json.loads(body)["naam"] == "string"
        assert _get(f"{mock.url}/callback", method="POST")[0] == 204
        assert _get(f"{mock.url}/not-in-the-collection")[0] == 404


def test_referentielijsten_standin_pages_the_selectielijst_with_every_procestermijn():
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with LoopbackServer(Referentielijsten(runner.REFERENTIELIJSTEN, base), port=port):
        seen: set[str] = set()
        url: str | None = f"{base}/api/v1/resultaten?page=1"
        while url:
            page = json.loads(_get(url)[1])
            seen |= {row["procestermijn"] for row in page["results"]}
            url = page["next"]
        assert {
            "nihil",
            "ingeschatte_bestaansduur_procesobject",
            "vast_te_leggen_datum",
            "",
        } <= seen
        first = page["results"][0]
        assert _get(first["procesType"])[0] == 200
        assert _get(first["url"])[0] == 200
        omschrijvingen = json.loads(_get(f"{base}/api/v1/resultaattypeomschrijvingen")[1])
        assert (
            f"{base}/api/v1/resultaattypeomschrijvingen/e6a0c939-3404-45b0-88e3-76c94fb80ea7"
            in {row["url"] for row in omschrijvingen}
        )


def _request(name: str, url: str, test: str) -> dict[str, object]:
    return {
        "name": name,
        "request": {"method": "GET", "url": url},
        "event": [{"listen": "test", "script": {"type": "text/javascript", "exec": [test]}}],
    }


TINY_COLLECTION = {
    "info": {
        "name": "tiny",
        "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
    },
    "item": [
        {
            "name": "Tests",
            "item": [
                {
                    "name": "mock",
                    "item": [
                        _request(
                            "ok",
                            "{{mock_url}}/200",
                            'pm.test("gives 200", () => pm.response.to.have.status(200));',
                        ),
                        _request(
                            "wrong",
                            "{{mock_url}}/404",
                            'pm.test("gives 200", () => pm.response.to.have.status(200));'
                            'pm.test("is json", () => pm.response.json());',
                        ),
                    ],
                },
                {"name": "unset", "item": [_request("no url", "{{never_set_url}}/x", "")]},
                {
                    "name": "loop",
                    "item": [
                        _request(
                            "forever",
                            "{{mock_url}}/200",
                            'postman.setNextRequest("forever");',
                        ),
                        _request("after", "{{mock_url}}/200", ""),
                    ],
                },
            ],
        }
    ],
}


@pytest.mark.skipif(not runner.NEWMAN.is_file(), reason="make conformance installs newman")
def test_newman_report_is_counted_per_folder_and_compared_with_the_expected_list(tmp_path: Path):
    collection = tmp_path / "tiny.json"
    collection.write_text(json.dumps(TINY_COLLECTION))
    with LoopbackServer(MockServer(mock_examples(SUITE.folder / "ZGW_mocks.json"))) as mock:
        env = {"values": [{"key": "mock_url", "value": mock.url, "enabled": True}]}
        report = runner.run_newman(collection, env, tmp_path)
    result = parse_report("v/tiny", report)

    # 2 + 1 + the loop's 25 runs and the request after it; 4 checks and the stopped loop.
    assert result.total.requests == 3 + runner.LOOP_LIMIT + 1
    assert (result.total.assertions, result.total.failed) == (5, 4)
    assert result.folders["mock"].passed == 1 and result.folders["mock"].failed == 2
    assert result.folders["unset"].failed == 1  # the broken request counts as a failed check
    keys = {(f.request, f.assertion) for f in result.failures}
    assert keys == {
        (f"mock{SEPARATOR}wrong", "gives 200"),
        (f"mock{SEPARATOR}wrong", "is json"),
        (f"unset{SEPARATOR}no url", "request error"),
        (f"loop{SEPARATOR}forever", LOOP_STOPPED),
    }

    listed = {
        ("v/tiny", f"mock{SEPARATOR}wrong", "gives 200"): "the mock answers 404 on purpose",
        ("v/tiny", f"mock{SEPARATOR}ok", "gives 200"): "fixed since",
        ("other/suite", "x", "y"): "not run this time",
    }
    comparison = expected.compare(result.failures, listed, collections=["v/tiny"])
    assert {(f.request, f.assertion) for f in comparison.unexpected} == keys - {
        (f"mock{SEPARATOR}wrong", "gives 200")
    }
    assert comparison.now_passing == [("v/tiny", f"mock{SEPARATOR}ok", "gives 200")]

    written = tmp_path / "expected.yaml"
    written.write_text(expected.render(result.failures, listed, keep=[("other/suite", "x", "y")]))
    again = expected.load(written)
    assert (
        again[("v/tiny", f"mock{SEPARATOR}wrong", "gives 200")] == "the mock answers 404 on purpose"
    )
    assert again[("v/tiny", f"unset{SEPARATOR}no url", "request error")] == expected.BASELINE_REASON
    assert again[("other/suite", "x", "y")] == "not run this time"
    assert ("v/tiny", f"mock{SEPARATOR}ok", "gives 200") not in again
    assert not expected.compare(result.failures, again, collections=["v/tiny"]).unexpected
    # A --jobs child hands its result to the parent as JSON.
    assert result_from_json(json.loads(json.dumps(result_to_json(result)))) == result


def test_a_failure_seen_twice_is_one_entry():
    twice = [Failure("c", "r", "a", "m1"), Failure("c", "r", "a", "m2")]
    comparison = expected.compare(twice, {}, collections=["c"])
    assert len(comparison.unexpected) == 1


@pytest.mark.django_db(transaction=True)
def test_token_issuer_registers_the_applicatie_and_its_token_works(live_server, settings):
    from mijnservices.testing.api import applicatie_with_secret

    settings.ALLOWED_HOSTS = ["*"]
    applicatie_with_secret(client_id="admin", secret="admin-secret", heeft_alle_autorisaties=True)
    issuer = TokenIssuer(
        api_root=live_server.url, admin_client_id="admin", admin_secret="admin-secret"
    )
    body = {"clientIds": ["suite-client"], "secret": "s3", "heeftAlleAutorisaties": True,
            "autorisaties": [], "label": "suite"}  # fmt: skip
    with LoopbackServer(issuer) as server:
        for _ in range(2):  # asked again, the same client id starts afresh
            request = urllib.request.Request(  # noqa: S310 - loopback
                server.url, data=json.dumps(body).encode(), method="POST",
                headers={"Content-Type": "application/json"},
            )  # fmt: skip
            status, raw = _open(request)
            assert status == 200, raw
            answer = json.loads(raw)
    assert answer["clientId"] == "suite-client" and answer["secret"] == "s3"
    api = urllib.request.Request(  # noqa: S310 - loopback
        f"{live_server.url}/catalogi/api/v1/catalogussen",
        headers={"Authorization": answer["authorization"]},
    )
    assert _open(api)[0] == 200
