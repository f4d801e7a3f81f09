from __future__ import annotations

import pytest

from mijnservices.testing.api import api_client

CRS = {"Accept-Crs": "EPSG:4326", "Content-Crs": "EPSG:4326"}
MALFORMED = "http://[::1"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/zaken/api/v1/zaken", {"zaaktype": MALFORMED}),
        ("/zaken/api/v1/zaakinformatieobjecten", {"zaak": MALFORMED}),
        ("/documenten/api/v1/enkelvoudiginformatieobjecten", {"informatieobjecttype": MALFORMED}),
        ("/besluiten/api/v1/besluiten", {"besluittype": MALFORMED}),
        ("/catalogi/api/v1/zaaktypen", {"catalogus": MALFORMED}),
    ],
)
def test_a_malformed_url_in_a_link_field_answers_400(path, body):
    response = api_client(heeft_alle_autorisaties=True).post(
        path, body, content_type="application/json", headers=CRS
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
