"""The satisfaction survey on a closed zaak's page: shown once, answered without who."""

from __future__ import annotations

import pytest

from mijnservices.services.kpis.models import KtoSetting, SurveyResponse
from mijnservices.testing.factories import ZaakFactory

pytestmark = pytest.mark.django_db
BSN = "999993653"


def test_a_closed_zaak_invites_to_the_survey_once(login_as):
    client = login_as(BSN)
    closed = ZaakFactory(for_bsn=BSN, closed=True)
    running = ZaakFactory(for_bsn=BSN)
    assert 'id="kto-heading"' not in client.get(f"/mijn-zaken/{running.uuid}/").content.decode()
    page = client.get(f"/mijn-zaken/{closed.uuid}/").content.decode()
    assert 'id="kto-heading"' in page
    response = client.post(
        f"/mijn-zaken/{closed.uuid}/tevredenheid/", {"duur": "6w", "uitkomst": "4", "open": ""}
    )
    assert response.status_code == 302
    assert 'id="kto-heading"' not in client.get(f"/mijn-zaken/{closed.uuid}/").content.decode()
    again = client.post(f"/mijn-zaken/{closed.uuid}/tevredenheid/", {"duur": "2w"})
    assert again.status_code == 400
    assert SurveyResponse.objects.get().answers == {"duur": "6w", "uitkomst": "4"}


def test_a_zaaktype_whose_kto_is_off_shows_no_invitation(login_as):
    client = login_as(BSN)
    closed = ZaakFactory(for_bsn=BSN, closed=True)
    KtoSetting.objects.create(zaaktype=closed.zaaktype.identificatie, actief=False)
    assert 'id="kto-heading"' not in client.get(f"/mijn-zaken/{closed.uuid}/").content.decode()
    refused = client.post(f"/mijn-zaken/{closed.uuid}/tevredenheid/", {"duur": "2w"})
    assert refused.status_code == 400
    assert not SurveyResponse.objects.exists()
