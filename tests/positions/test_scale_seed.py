"""`seed_demo --scale lampung` at 1,500 employees: the invariants the full 120,000 build relies
on (same code path, the distribution scaled down)."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Count, F, Q, Sum

from asnportal.models import User
from demo.scale_org import SCALE_CODES
from performance.models import RHK, SKP, Evaluation, PredikatRule, RatingHistory
from positions.matching import features
from positions.models import Employee, HRScope, OrgUnit, Placement, Position
from training.models import Participation

N = 1500
STRUCTURAL = ["jpt_madya", "jpt_pratama", "administrator", "pengawas"]


def _seed() -> None:
    call_command("seed_demo", scale="lampung", employees=N, quiet_logins=True, stdout=StringIO())


def _counts() -> tuple[int, ...]:
    models = (OrgUnit, Position, Employee, Placement, SKP, RHK, Evaluation, Participation, User)
    return tuple(m.objects.count() for m in models)


def test_scale_seed_builds_16_instansi_with_consistent_data_and_a_rerun_changes_nothing(db):
    _seed()

    roots = OrgUnit.objects.get_root_nodes()
    assert set(roots.values_list("code", flat=True)) == SCALE_CODES
    assert roots.get(code="18").name == "Pemerintah Provinsi Lampung"
    assert OrgUnit.objects.find_problems() == ([], [], [], [], [])  # paths, depth, numchild, order
    assert features.stale_employee_ids() == []  # the bulk writes refreshed the ranking's features
    assert Employee.objects.count() == N
    for employee in Employee.objects.all():
        employee.clean()  # NIP / NI PPPK valid and matching birth date and gender
    assert Employee.objects.filter(kind="pppk").exists()
    # PPPK leave at the end of their perjanjian kerja, PNS by BUP (docs/domain.md §4.5); guru
    # posts carry the BUP of UU 14/2005.
    assert not Employee.objects.filter(kind="pppk", contract_end__isnull=True).exists()
    assert not Employee.objects.exclude(kind="pppk").filter(contract_end__isnull=False).exists()
    assert set(Position.objects.filter(name="Guru").values_list("bup_age", flat=True)) == {60}

    # Exactly one open definitive placement per employee, some earlier ones closed by SK.
    open_definitive = Count(
        "placements", filter=Q(placements__kind="definitif", placements__end_date__isnull=True)
    )
    assert not Employee.objects.annotate(n=open_definitive).exclude(n=1).exists()
    assert Placement.objects.filter(end_date__isnull=False, end_reason="mutasi").exists()
    current = Placement.objects.open().filter(kind="definitif")
    assert not current.exclude(employee__unit=F("position__unit")).exists()  # unit kerja
    # At most one definitive holder per structural post.
    crowded = (
        Placement.objects.open()
        .filter(kind="definitif", position__jenis__in=STRUCTURAL)
        .values("position")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
    )
    assert not crowded.exists()
    assert Position.objects.filter(jenis="fungsional", kebutuhan__gt=1).exists()

    # Penilai chains resolve for (nearly) everyone below JPT.
    staff = Employee.objects.filter(
        placements__end_date__isnull=True,
        placements__kind="definitif",
        placements__position__jenis__in=["administrator", "pengawas", "fungsional", "pelaksana"],
    ).order_by("nip")[::5]
    with_penilai = sum(1 for employee in staff if employee.penilai() is not None)
    assert with_penilai >= 0.9 * len(staff)

    # One approved SKP 2025 each, roles as Employee.superiors derives them, a final TW IV
    # evaluation whose predikat is the PredikatRule cell, and the latest predikat on the employee.
    assert SKP.objects.filter(year=2025, status="disetujui").count() == N
    for skp in SKP.objects.select_related("employee").order_by("employee__nip")[::50]:
        penilai, atasan = skp.employee.superiors(skp.period_start)
        assert skp.penilai_id == (penilai.pk if penilai else None)
        assert skp.atasan_penilai_id == (atasan.pk if atasan else None)
        assert skp.snapshot["pegawai"]["nip"] == skp.employee.nip
    finals = Evaluation.objects.filter(period="tw4", status="final", skp__year=2025)
    assert finals.count() == N
    matrix = {(r.rating_hasil, r.rating_perilaku): r.predikat for r in PredikatRule.objects.all()}
    for hasil, perilaku, predikat in finals.values_list(
        "rating_hasil", "rating_perilaku", "predikat"
    ):
        assert matrix[(hasil, perilaku)] == predikat
    assert not Employee.objects.exclude(
        latest_predikat=F("skps__evaluations__predikat"), latest_predikat_year=2025
    ).exists()
    assert finals.filter(realisations__isnull=False).exists()
    # Cascade: a utama RHK with a parent intervenes an RHK of the penilai's own SKP.
    cascaded = RHK.objects.filter(jenis="utama", parent_rhk__isnull=False)
    assert cascaded.count() > RHK.objects.filter(jenis="utama").count() // 2
    assert not cascaded.exclude(parent_rhk__skp__employee=F("skp__penilai")).exists()
    assert RatingHistory.objects.filter(year=2024, predikat__gt="").exists()
    assert RatingHistory.objects.filter(year=2021, regime="pp30", nilai_skp__isnull=False).exists()

    # Three years of counted training, a realistic mix around the 20 JP target.
    for year in (2024, 2025, 2026):
        jp = (
            Participation.objects.counted()
            .in_year(year)
            .values("employee")
            .annotate(total=Sum("jp"))
            .values_list("total", flat=True)
        )
        compliant = sum(1 for total in jp if total >= 20)
        assert 0.3 * N < compliant < 0.8 * N, year
    assert Participation.objects.filter(is_self_reported=True, verification="pending").exists()

    # Logins: the province's BKD and each kabupaten/kota's BKPSDM manage their own instansi.
    assert HRScope.objects.filter(
        user__username="bkd.lampung", unit__code="18", role="pengelola"
    ).exists()
    assert HRScope.objects.filter(role="pengelola", unit__depth=1).count() == 16
    assert Employee.objects.get(user__username="sekda.lampung").user.check_password("Lampung#2026")

    first = _counts()
    _seed()
    assert _counts() == first


@pytest.mark.parametrize(
    ("code", "message"),
    [("18", "demo kecil"), ("BENCH-ROOT", "unit organisasi lain")],
)
def test_scale_seed_refuses_a_database_with_other_organisation_data(db, code, message):
    # The small demo's instansi root is "18" with no kabupaten/kota next to it.
    OrgUnit.objects.add_root(
        {"code": code, "name": "Pemerintah Provinsi Lampung", "kind": "instansi"}
    )
    with pytest.raises(CommandError, match=message):
        _seed()
    assert not Employee.objects.exists()


@pytest.mark.parametrize("command", ["seed_scale_performance", "seed_scale_training"])
def test_a_domain_seed_without_the_scale_structure_asks_for_it_and_writes_nothing(db, command):
    out = StringIO()
    call_command(command, stdout=out)
    assert out.getvalue().strip() == "Jalankan seed_demo --scale lampung lebih dahulu."
    assert not SKP.objects.exists() and not Participation.objects.exists()
