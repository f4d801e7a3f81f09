"""Which changes make which notifications, for whom: informing statustypen only, the
person's choices, representatives, deduplication, throttling, and no address → a KCC signal."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from mijnservices.core.models import OutboxEvent
from mijnservices.registrations.catalogi.models import StatusType
from mijnservices.registrations.klantinteracties.services import (
    klantcontact_answer,
    klantcontact_register,
    vertegenwoordiging_create,
)
from mijnservices.registrations.zaken import services as zaken
from mijnservices.services.kpis.models import KtoSetting
from mijnservices.services.kpis.surveys import kto_submit
from mijnservices.services.notifications import triggers
from mijnservices.services.notifications.models import (
    ContactSignal,
    Notification,
    Trigger,
    TriggerSwitch,
)
from mijnservices.services.notifications.tests.conftest import (
    KEES,
    SUZANNE,
    drain,
    with_email,
    with_phone,
)
from mijnservices.services.profiel.services import voorkeuren_update
from mijnservices.testing.taken import bericht, betaaltaak

pytestmark = pytest.mark.django_db


def _step(zaak, volgnummer: int):
    return zaken.status_set(
        zaak=zaak, statustype=StatusType.objects.get(zaaktype=zaak.zaaktype, volgnummer=volgnummer)
    )


def test_an_informing_status_makes_one_email_and_a_silent_one_none(zaak, settings):
    settings.NOTIFICATIONS_THROTTLE_MINUTES = 1
    with_email(SUZANNE)
    drain()
    Notification.objects.all().delete()  # the zaak's creation is not what this test is about
    _step(zaak, 2)
    drain()
    [notification] = Notification.objects.all()
    assert notification.trigger == Trigger.STATUS
    assert notification.adres == "suzanne@example.nl"
    assert zaak.identificatie in notification.tekst
    assert SUZANNE.identifier not in notification.tekst  # never a BSN
    assert "Stap 2" not in notification.tekst  # no case content in the default text
    Notification.objects.all().delete()
    zaken.status_set(
        zaak=zaak, statustype=StatusType.objects.get(zaaktype=zaak.zaaktype, volgnummer=1)
    )
    drain()
    assert not Notification.objects.exists()  # step 1 does not inform


def test_the_same_event_handled_twice_makes_one_notification(zaak):
    with_email(SUZANNE)
    _step(zaak, 2)
    event = OutboxEvent.objects.filter(resource="status").latest("created_at")
    triggers.notifications_from_event(event)
    triggers.notifications_from_event(event)
    assert Notification.objects.filter(event_id=str(event.id)).count() == 1


def test_status_news_within_the_throttle_window_becomes_one_message(zaak):
    with_email(SUZANNE)
    _step(zaak, 2)
    zaken.substatus_create(zaak=zaak, omschrijving="Nog een update")
    _step(zaak, 3)
    drain()
    assert (
        Notification.objects.filter(trigger__in=["zaak_ontvangen", "status", "substatus"]).count()
        == 1
    )


def test_a_person_who_switched_status_messages_off_gets_none_but_tasks_still_arrive(zaak):
    with_email(SUZANNE)
    voorkeuren_update(
        party=SUZANNE, voorkeurskanaal="email", uitgezet=["status", "taak"], alleen_digitaal=True
    )
    _step(zaak, 2)
    betaaltaak(party=SUZANNE)
    drain()
    assert [n.trigger for n in Notification.objects.all()] == [Trigger.TAAK]


def test_the_closing_status_says_the_zaak_is_finished(zaak):
    with_email(SUZANNE)
    resultaattype = zaak.zaaktype.resultaattypen.get()
    zaken.resultaat_set(zaak=zaak, resultaattype=resultaattype)
    _step(zaak, 4)
    drain()
    assert Notification.objects.filter(trigger=Trigger.ZAAK_AFGESLOTEN).count() == 1


def test_representatives_hear_too(zaak, settings):
    settings.NOTIFICATIONS_THROTTLE_MINUTES = 0
    with_email(SUZANNE)
    with_email(KEES, adres="kees@example.nl")
    vertegenwoordiging_create(vertegenwoordiger=KEES, vertegenwoordigde=SUZANNE)
    _step(zaak, 2)
    drain()
    assert {n.adres for n in Notification.objects.filter(trigger=Trigger.STATUS)} == {
        "suzanne@example.nl",
        "kees@example.nl",
    }


def test_without_a_verified_address_nothing_is_sent_and_the_kcc_gets_a_signal(zaak):
    with_email(SUZANNE, verified=False)
    _step(zaak, 2)
    drain()
    assert not Notification.objects.exists()
    assert (
        ContactSignal.objects.filter(party_identifier=SUZANNE.identifier, resolved_at=None).count()
        == 1
    )


def test_a_payment_confirmation_arrives_even_when_messages_are_switched_off():
    with_email(SUZANNE)
    voorkeuren_update(
        party=SUZANNE, voorkeurskanaal="email", uitgezet=["bericht"], alleen_digitaal=False
    )
    bericht(party=SUZANNE, bericht_type="BETAALD", onderwerp="Betaling ontvangen")
    bericht(party=SUZANNE, onderwerp="Gewoon bericht")
    drain()
    assert [n.trigger for n in Notification.objects.all()] == [Trigger.BETALING]


def test_a_message_published_later_is_announced_when_it_is_published():
    with_email(SUZANNE)
    message = bericht(party=SUZANNE, unpublished=True)
    drain()
    [notification] = Notification.objects.all()
    assert notification.next_attempt_at == message.publicatiedatum
    assert notification.next_attempt_at > timezone.now()


def test_an_answered_question_is_announced(zaak):
    with_email(SUZANNE)
    vraag = klantcontact_register(party=SUZANNE, kanaal="portaal", onderwerp="Vraag", inhoud="?")
    drain()
    assert not Notification.objects.filter(trigger=Trigger.VRAAG_BEANTWOORD).exists()
    klantcontact_answer(vraag=vraag, antwoord="Ja.", actor_naam="Team")
    drain()
    assert Notification.objects.filter(trigger=Trigger.VRAAG_BEANTWOORD).count() == 1


def test_the_administrator_can_switch_a_trigger_off_for_one_zaaktype(zaak):
    with_email(SUZANNE)
    TriggerSwitch.objects.create(
        trigger=Trigger.STATUS, zaaktype_identificatie="ZT-NOTIFY", actief=False
    )
    _step(zaak, 2)
    drain()
    assert not Notification.objects.filter(trigger=Trigger.STATUS).exists()


def test_old_news_loaded_later_notifies_nobody(zaak):
    with_email(SUZANNE)
    drain()
    Notification.objects.all().delete()
    zaken.status_set(
        zaak=zaak,
        statustype=StatusType.objects.get(zaaktype=zaak.zaaktype, volgnummer=2),
        datum_status_gezet=timezone.now() - timedelta(days=30),
    )
    drain()
    assert not Notification.objects.exists()


def test_a_task_due_soon_gets_one_reminder_even_with_reminders_switched_off():
    from mijnservices.services.notifications.reminders import taak_reminders_due

    with_email(SUZANNE)
    voorkeuren_update(
        party=SUZANNE, voorkeurskanaal="email", uitgezet=["herinnering"], alleen_digitaal=False
    )
    soon = betaaltaak(
        party=SUZANNE, einddatum_handelings_termijn=timezone.localdate() + timedelta(days=2)
    )
    betaaltaak(
        party=SUZANNE, einddatum_handelings_termijn=timezone.localdate() + timedelta(days=20)
    )
    assert taak_reminders_due() == 1
    assert taak_reminders_due() == 0  # once
    [reminder] = Notification.objects.filter(trigger=Trigger.TAAK_DEADLINE)
    assert reminder.event_id.startswith(f"herinnering:{soon.uuid}")


def test_a_batch_of_status_changes_is_planned_in_a_constant_number_of_queries(
    settings, django_assert_max_num_queries
):
    """The worker's batch path: same people, choices, representatives and throttling as one
    by one, in a fixed number of queries for any number of changes."""
    from mijnservices.testing.factories import ZaakFactory, published_zaaktype

    settings.NOTIFICATIONS_THROTTLE_MINUTES = 15
    zaaktype = published_zaaktype(steps=4, identificatie="ZT-BATCH")
    StatusType.objects.filter(zaaktype=zaaktype, volgnummer__in=[2, 3]).update(informeren=True)
    people = [SUZANNE] + [
        type(SUZANNE)(kind="bsn", identifier=f"1000000{n:02d}") for n in range(1, 8)
    ]
    zaken_ = []
    for n, person in enumerate(people):
        with_email(person, adres=f"p{n}@example.nl")
        zaken_.append(ZaakFactory.create(zaaktype=zaaktype, for_bsn=person.identifier))
    with_email(KEES, adres="kees@example.nl")
    vertegenwoordiging_create(vertegenwoordiger=KEES, vertegenwoordigde=SUZANNE)
    voorkeuren_update(
        party=people[1], voorkeurskanaal="email", uitgezet=["status"], alleen_digitaal=True
    )
    drain()
    Notification.objects.all().delete()
    for zaak_ in zaken_:
        _step(zaak_, 2)
    _step(zaken_[2], 3)  # a second change for the same person and zaak: throttled
    events = list(OutboxEvent.objects.filter(resource="status", processed_at=None))
    assert len(events) == 9

    # 10, plus the beheerder's own step e-mails: read once per process every 30 s (decision
    # 0036), and each test starts with that cache empty.
    with django_assert_max_num_queries(11):
        triggers.notifications_from_events(events)

    sent = sorted(Notification.objects.values_list("adres", "zaak_identificatie"))
    expected = [(f"p{n}@example.nl", zaken_[n].identificatie) for n in (0, 2, 3, 4, 5, 6, 7)]
    assert sent == sorted([*expected, ("kees@example.nl", zaken_[0].identificatie)])
    triggers.notifications_from_events(events)  # the same batch again: nothing new
    assert Notification.objects.count() == 8


def _close(zaak) -> Notification:
    zaken.resultaat_set(zaak=zaak, resultaattype=zaak.zaaktype.resultaattypen.get())
    _step(zaak, 4)
    drain()
    return Notification.objects.get(trigger=Trigger.ZAAK_AFGESLOTEN)


def test_the_closing_email_invites_to_the_survey_on_the_zaak_page(zaak):
    with_email(SUZANNE)
    tekst = _close(zaak).tekst
    assert "Hoe ging het?" in tekst
    assert f"/mijn-zaken/{zaak.uuid}/#kto\n" in tekst


def test_the_closing_email_in_english_invites_in_english(zaak):
    with_email(SUZANNE)
    voorkeuren_update(
        party=SUZANNE, voorkeurskanaal="email", uitgezet=[], alleen_digitaal=True, taal="en"
    )
    tekst = _close(zaak).tekst
    assert "How did it go?" in tekst
    assert f"/mijn-zaken/{zaak.uuid}/#kto" in tekst


def test_the_closing_email_does_not_invite_when_the_kto_is_off_for_the_zaaktype(zaak):
    with_email(SUZANNE)
    KtoSetting.objects.create(zaaktype="ZT-NOTIFY", actief=False)
    tekst = _close(zaak).tekst
    assert "#kto" not in tekst and "Hoe ging het?" not in tekst
    assert "Uw zaak" in tekst and "is afgerond." in tekst


def test_the_closing_email_does_not_invite_when_the_survey_was_answered(zaak):
    with_email(SUZANNE)
    zaken.resultaat_set(zaak=zaak, resultaattype=zaak.zaaktype.resultaattypen.get())
    _step(zaak, 4)
    zaak.refresh_from_db()
    kto_submit(zaak=zaak, answers={"uitkomst": "4"})  # answered before the worker ran
    drain()
    tekst = Notification.objects.get(trigger=Trigger.ZAAK_AFGESLOTEN).tekst
    assert "#kto" not in tekst


def test_the_closing_sms_carries_no_survey_invitation(zaak):
    with_phone(SUZANNE)
    voorkeuren_update(party=SUZANNE, voorkeurskanaal="sms", uitgezet=[], alleen_digitaal=True)
    notification = _close(zaak)
    assert notification.kanaal == "sms" and "#kto" not in notification.tekst


def test_several_new_tasks_at_once_make_one_email_that_names_them_and_the_amount(zaak):
    # Issue 21: "U moet iets doen" said neither which task nor how much.
    with_email(SUZANNE)
    drain()
    Notification.objects.all().delete()
    betaaltaak(party=SUZANNE, titel="Leges paspoort")
    betaaltaak(party=SUZANNE, titel="Leges rijbewijs")
    drain()
    [notification] = Notification.objects.filter(trigger=Trigger.TAAK)
    assert "Leges paspoort" in notification.tekst
    assert "Leges rijbewijs" in notification.tekst
    assert "€\u00a0" in notification.tekst and "EUR" not in notification.tekst


def test_status_news_names_the_kind_of_case_and_its_number(zaak):
    with_email(SUZANNE)
    drain()
    Notification.objects.all().delete()
    _step(zaak, 2)
    drain()
    [notification] = Notification.objects.all()
    assert notification.onderwerp == f"Nieuws over uw zaak Testaanvraag ({zaak.identificatie})"


def test_an_upload_and_a_question_get_a_receipt_bericht_and_email(zaak):
    # Issue 21 / Wmebv: a durable confirmation naming what was received and when.
    from django.core.files.uploadedfile import SimpleUploadedFile

    from mijnservices.core.identity import Citizen
    from mijnservices.registrations.berichten.models import Bericht
    from mijnservices.services.mijnoverzicht.contactmomenten import question_ask
    from mijnservices.services.mijnoverzicht.receipts import RECEIPT_TYPE
    from mijnservices.services.mijnzaken.uploads import citizen_document_add
    from mijnservices.testing.documents import PDF, zaaktype_with_uploads
    from mijnservices.testing.factories import ZaakFactory

    with_email(SUZANNE)
    own = ZaakFactory.create(zaaktype=zaaktype_with_uploads(), for_bsn=SUZANNE.identifier)
    citizen = Citizen(actor=SUZANNE, auth_method="demo")
    drain()
    Notification.objects.all().delete()
    citizen_document_add(
        citizen=citizen,
        zaak=own,
        upload=SimpleUploadedFile("loon.pdf", PDF, content_type="application/pdf"),
        titel="Loonstrook maart",
    )
    question_ask(citizen=citizen, zaak=own, vraag="Wanneer hoor ik iets?")
    drain()
    receipts = list(Bericht.objects.filter(bericht_type=RECEIPT_TYPE).order_by("pk"))
    assert [r.onderwerp for r in receipts] == ["Ontvangen: uw document", "Ontvangen: uw vraag"]
    assert 'uw document "Loonstrook maart"' in receipts[0].bericht_tekst
    assert own.identificatie in receipts[0].bericht_tekst
    assert " om " in receipts[0].bericht_tekst  # the moment it arrived
    mails = Notification.objects.filter(trigger=Trigger.ONTVANGST).order_by("pk")
    assert [m.tekst.split(" ontvangen op")[0] for m in mails] == [
        'Wij hebben uw document "Loonstrook maart"',
        "Wij hebben uw vraag",
    ]
    # The receipt is the e-mail: no second "you have a new message" for it.
    assert not Notification.objects.filter(trigger=Trigger.BERICHT).exists()


def test_a_representative_hears_of_a_new_task_at_their_own_address(zaak):
    # Issue 21: a bewindvoerder acts for the person, so the task reaches them too.
    with_email(SUZANNE)
    with_email(KEES, adres="kees@example.nl")
    vertegenwoordiging_create(vertegenwoordiger=KEES, vertegenwoordigde=SUZANNE)
    drain()
    Notification.objects.all().delete()
    betaaltaak(party=SUZANNE, titel="Leges paspoort")
    drain()
    adressen = set(
        Notification.objects.filter(trigger=Trigger.TAAK).values_list("adres", flat=True)
    )
    assert adressen == {"suzanne@example.nl", "kees@example.nl"}
