from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from mijnservices.demo.personas import PERSONAS
from mijnservices.registrations.zaken.models import Zaak


def _run():
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_load_demo_refuses_outside_demo_mode(settings):
    settings.DEMO_MODE = False
    with pytest.raises(CommandError, match="DEMO_MODE"):
        _run()
    assert not Zaak.objects.exists()


@pytest.mark.django_db
def test_load_demo_reports_what_it_created_and_prints_the_demo_logins(settings):
    settings.DEMO_MODE = True
    output = _run()
    assert "Zaaktypen: 4 created, 0 already present." in output
    persona_zaken = Zaak.objects.exclude(identificatie__startswith="DEMO-KPI-").count()
    assert f"Zaken: {persona_zaken} created, 0 already present." in output
    assert "KPI history: " in output
    for persona in PERSONAS:
        assert persona.name in output
        assert persona.identifier in output


@pytest.mark.django_db
def test_load_demo_a_second_time_reports_everything_already_present(settings):
    settings.DEMO_MODE = True
    _run()
    count = Zaak.objects.count()
    persona_zaken = Zaak.objects.exclude(identificatie__startswith="DEMO-KPI-").count()
    output = _run()
    assert "Zaaktypen: 0 created, 4 already present." in output
    assert f"Zaken: 0 created, {persona_zaken} already present." in output
    assert Zaak.objects.count() == count
