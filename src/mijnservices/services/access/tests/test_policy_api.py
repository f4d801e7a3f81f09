from __future__ import annotations

import pytest

from mijnservices.core.identity import ApiClient, TypeScopes
from mijnservices.services.access import policy
from mijnservices.services.access.api_clients import api_client_load
from mijnservices.testing.api import applicatie_with_secret


def test_client_with_all_autorisaties_holds_every_scope():
    client = ApiClient(client_id="x", heeft_alle_autorisaties=True)
    assert policy.has_scope(client, "ztc", "catalogi.schrijven")


def test_component_scope_holds_only_on_that_component():
    client = ApiClient(client_id="x", component_scopes=(("ztc", frozenset({"catalogi.lezen"})),))
    assert policy.has_scope(client, "ztc", "catalogi.lezen")
    assert not policy.has_scope(client, "ztc", "catalogi.schrijven")
    assert not policy.has_scope(client, "ac", "catalogi.lezen")


def test_any_of_several_scopes_is_enough():
    client = ApiClient(
        client_id="x", component_scopes=(("ztc", frozenset({"catalogi.schrijven"})),)
    )
    assert policy.has_scope(client, "ztc", "catalogi.geforceerd-verwijderen", "catalogi.schrijven")


def test_require_scope_raises_access_denied():
    with pytest.raises(policy.AccessDenied):
        policy.require_scope(ApiClient(client_id="x"), "ztc", "catalogi.lezen")


def test_typed_scope_counts_for_its_component():
    client = ApiClient(
        client_id="x",
        type_scopes=(
            TypeScopes("zrc", "https://t/zaaktypen/1", frozenset({"zaken.lezen"}), "openbaar"),
        ),
    )
    assert policy.has_scope(client, "zrc", "zaken.lezen")
    assert not policy.has_scope(client, "ztc", "zaken.lezen")


@pytest.mark.django_db
def test_principal_is_loaded_from_the_autorisaties_registration():
    applicatie_with_secret(
        client_id="loader",
        autorisaties=[
            {"component": "ztc", "scopes": ["catalogi.lezen"]},
            {
                "component": "zrc",
                "scopes": ["zaken.lezen"],
                "zaaktype": "https://t/zaaktypen/1",
                "max_vertrouwelijkheidaanduiding": "intern",
            },
        ],
    )
    loaded = api_client_load("loader")
    assert loaded is not None
    assert loaded.principal.scopes_for("ztc") == {"catalogi.lezen"}
    assert loaded.principal.type_scopes[0].max_vertrouwelijkheid == "intern"
    assert api_client_load("nobody") is None
