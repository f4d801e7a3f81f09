"""services/access/employees.py: the level of detail per role and zaaktype."""

from __future__ import annotations

from mijnservices.core.identity import Employee
from mijnservices.services.access.employees import Detail, zaak_detail
from mijnservices.services.access.policy import may_view_zaak, zaken_scope

KCC = Employee(user_id=1, username="kcc", roles=frozenset({"kcc"}))
BEH_A = Employee(
    user_id=2,
    username="a",
    roles=frozenset({"behandelaar"}),
    behandel_zaaktypen=frozenset({"ZT-A"}),
)
AUDITOR = Employee(user_id=3, username="audit", roles=frozenset({"auditor"}))


def test_kcc_gets_documents_level_on_released_and_status_level_on_social_domain(world):
    assert zaak_detail(KCC, world.zaak_a) == Detail.DOCUMENTS
    assert zaak_detail(KCC, world.zaak_b) == Detail.STATUS
    assert zaak_detail(KCC, world.zaak_c) == Detail.NONE


def test_behandelaar_gets_full_detail_on_own_zaaktype_only(world):
    assert zaak_detail(BEH_A, world.zaak_a) == Detail.FULL
    assert zaak_detail(BEH_A, world.zaak_b) == Detail.NONE


def test_auditor_sees_no_zaken(world):
    assert list(zaken_scope(AUDITOR)) == []
    assert not may_view_zaak(AUDITOR, world.zaak_a)


def test_scope_and_detail_level_agree_for_every_role_and_zaak(world):
    for employee in (KCC, BEH_A, AUDITOR):
        visible = set(zaken_scope(employee))
        for zaak in (world.zaak_a, world.zaak_b, world.zaak_c):
            assert (zaak in visible) == (zaak_detail(employee, zaak) > Detail.NONE)


def test_kcc_confidentiality_limit_hides_the_zaak(world, settings):
    settings.KCC_MAX_VERTROUWELIJKHEID = "openbaar"
    assert not may_view_zaak(KCC, world.zaak_a)
    assert zaak_detail(KCC, world.zaak_a) == Detail.NONE
