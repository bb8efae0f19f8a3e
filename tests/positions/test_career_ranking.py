"""Career rules in the candidate ranking (docs/domain.md §3.8): no demotion, one step at a time,
the appointment requirements per target, leadership training due after appointment."""

import datetime as dt

import pytest
from django.urls import reverse

from positions import matching
from positions.matching import career
from positions.models import Education, LeadershipTraining, Position
from tests.factories import EmployeeFactory, PlacementFactory, PositionFactory


def years_ago(on, years, months=0, days=0):
    total = on.year * 12 + on.month - 1 - years * 12 - months
    y, m = divmod(total, 12)
    return dt.date(y, m + 1, min(on.day, 28)) - dt.timedelta(days=days)


def person(unit, name, *, post=None, since=None, history=(), edu="40", golongan="34", **extra):
    """An employee with an education, a current definitive post since `since`, and earlier
    definitive posts `history` = ((post, start, end), ...)."""
    emp = EmployeeFactory(name=name, unit=unit, golongan=golongan, **extra)
    if edu:
        Education.objects.create(employee=emp, level=edu, graduation_year=2008)
    for old_post, start, end in history:
        PlacementFactory(employee=emp, position=old_post, start_date=start, end_date=end)
    if post is not None:
        PlacementFactory(employee=emp, position=post, start_date=since)
    return emp


def ranked_names(user, position):
    req = matching.requirements_for([position])[position.pk]
    pool = matching.candidate_pool(user, position)
    return [e.name for e in matching.rank(pool, req, limit=100)]


def reasons(user, position):
    req = matching.requirements_for([position])[position.pk]
    summary = matching.eligibility_summary(matching.candidate_pool(user, position), req)
    return {r["key"]: r["count"] for r in summary["reasons"]}


@pytest.fixture
def ladder(world):
    """A small dinas with one post on each rung."""
    unit = world.dishub
    return {
        "kadis": PositionFactory(unit=unit, name="Kepala Dinas PU", jenis="jpt_pratama", kelas=14),
        "sekretaris": PositionFactory(
            unit=unit, name="Sekretaris Dinas PU", jenis="administrator", kelas=12
        ),
        "kabid": PositionFactory(unit=unit, name="Kepala Bidang Jalan", jenis="administrator"),
        "kasubbag": PositionFactory(
            unit=unit, name="Kepala Subbagian Umum", jenis="pengawas", kelas=9
        ),
        "kasi": PositionFactory(unit=unit, name="Kepala Seksi Jalan", jenis="pengawas", kelas=9),
        "kasi2": PositionFactory(unit=unit, name="Kepala Seksi Jembatan", jenis="pengawas"),
        "staf": PositionFactory(unit=unit, name="Pengadministrasi Umum", kebutuhan=50),
    }


# --- Acceptance ------------------------------------------------------------------


def test_a_kepala_dinas_is_never_proposed_for_a_pengawas_post(
    client_as, hr_admin, world, ladder, today
):
    post = ladder["kasubbag"]
    long_ago = years_ago(today, 6)
    # Everyone over-qualified on paper: S-2, IV/c, years in post.
    person(world.dishub, "Kadis PU", post=ladder["kadis"], since=long_ago, edu="45", golongan="43")
    person(world.dishub, "Sekretaris PU", post=ladder["sekretaris"], since=long_ago, golongan="42")
    person(world.dishub, "Staf Senior", post=ladder["staf"], since=long_ago)
    person(world.dishub, "Kasi Jalan", post=ladder["kasi"], since=long_ago)

    found = ranked_names(hr_admin, post)
    assert "Kadis PU" not in found
    assert "Sekretaris PU" not in found
    # Lateral (another pengawas) and one step up (pelaksana with 6 years) stay.
    assert {"Staf Senior", "Kasi Jalan"} <= set(found)
    # Counted: the two above plus the world's Kepala Dinas Kesehatan and Kabid Yankes.
    assert reasons(hr_admin, post)["turun_jenjang"] == 4

    response = client_as(hr_admin).get(reverse("positions:position_candidates", args=[post.pk]))
    html = response.content.decode()
    assert "Kadis PU" not in html
    label = matching.EXCLUSION_LABELS["turun_jenjang"]
    assert f"{label} <strong>4</strong>" in html


def test_a_pengawas_with_the_requirements_is_proposed_for_an_administrator_post(
    client_as, hr_admin, world, ladder, today
):
    post = ladder["kabid"]
    person(world.dishub, "Kasi Memenuhi", post=ladder["kasi"], since=years_ago(today, 3, 2))
    person(world.dishub, "Kasi Baru", post=ladder["kasi2"], since=years_ago(today, 2, 11))
    person(
        world.dishub, "Kasi Diploma", post=ladder["kasubbag"], since=years_ago(today, 5), edu="30"
    )
    person(world.dishub, "Staf Lama", post=ladder["staf"], since=years_ago(today, 15))

    found = ranked_names(hr_admin, post)
    assert "Kasi Memenuhi" in found
    assert not {"Kasi Baru", "Kasi Diploma", "Staf Lama"} & set(found)
    counts = reasons(hr_admin, post)
    assert counts["pengalaman"] >= 1  # Kasi Baru: 2 years 11 months < 3 years
    assert counts["pendidikan"] >= 1  # Kasi Diploma: D-III < S-1/D-IV
    assert counts["lompat_jenjang"] >= 1  # Staf Lama: pelaksana → administrator skips pengawas

    response = client_as(hr_admin).get(reverse("positions:position_candidates", args=[post.pk]))
    [row] = [c for c in response.context["page"].candidates if c.employee.name == "Kasi Memenuhi"]
    checks = {c.key: c for c in row.checks}
    assert all(c.met for c in row.checks)
    assert checks["jenjang"].fact == "naik dari jenjang pengawas"
    assert (
        checks["pengalaman"].fact == "3 tahun 2 bulan pada jenjang pengawas ke atas (min. 3 tahun)"
    )
    assert checks["pendidikan"].fact == "S-1 (min. D-IV)"
    # PKA not yet held: shown as due after appointment, not an exclusion.
    assert checks["kepemimpinan"].fact == "PKA wajib dalam 12 bulan setelah pelantikan"
    html = response.content.decode()
    assert "PKA wajib dalam 12 bulan setelah pelantikan" in html


# --- The ladder ------------------------------------------------------------------


def test_a_lateral_move_stays_without_the_years_of_a_promotion(hr_admin, world, ladder, today):
    # Kepala Bidang for a year: another administrator post is a lateral move.
    person(world.dishub, "Kabid Setahun", post=ladder["sekretaris"], since=years_ago(today, 1))
    assert "Kabid Setahun" in ranked_names(hr_admin, ladder["kabid"])


def test_a_former_holder_of_the_step_below_qualifies(hr_admin, world, ladder, today):
    """ "Sedang atau pernah menduduki": four years as pengawas, now a JF ahli muda."""
    jf = PositionFactory(
        unit=world.dishub, name="Analis", jenis="fungsional", jenjang="ahli_muda", kebutuhan=5
    )
    person(
        world.dishub,
        "Eks Kasi",
        post=jf,
        since=years_ago(today, 1),
        history=((ladder["kasi"], years_ago(today, 5), years_ago(today, 1, days=1)),),
    )
    assert "Eks Kasi" in ranked_names(hr_admin, ladder["kabid"])


def test_jpt_pratama_needs_age_pangkat_and_two_years_as_administrator(
    hr_admin, world, ladder, today
):
    post = ladder["kadis"]
    ok_birth = years_ago(today, 56)  # 56th birthday today: still 56
    for name, held, years, birth in [
        ("Sekretaris Siap", "sekretaris", 2, ok_birth),
        ("Sekretaris Tua", "kabid", 4, ok_birth - dt.timedelta(days=366)),
    ]:
        since = years_ago(today, years)
        person(world.dishub, name, post=ladder[held], since=since, golongan="42", birth_date=birth)
    person(world.dishub, "Kasi IV/a", post=ladder["kasi"], golongan="41", since=years_ago(today, 4))
    found = ranked_names(hr_admin, post)
    assert found == ["Sekretaris Siap"]
    counts = reasons(hr_admin, post)
    assert counts["usia"] == 1
    assert counts["golongan"] >= 1


def test_a_jf_takes_no_one_from_a_higher_level_and_no_entry_age_for_jf_holders(
    hr_admin, world, today
):
    ahli_muda = PositionFactory(
        unit=world.yankes, name="Epidemiolog", jenis="fungsional", jenjang="ahli_muda", kebutuhan=3
    )
    # The world's Kabid (administrator) would step down; the perawat ahli muda (a JF holder)
    # may move whatever the age; a 54-year-old pelaksana may not move into a JF (max 53).
    person(world.yankes, "Pelaksana 54", birth_date=years_ago(today, 54, days=10))
    person(world.yankes, "Pelaksana 40", birth_date=years_ago(today, 40))
    found = set(ranked_names(hr_admin, ahli_muda))
    assert "Kabid Yankes" not in found
    assert "Pelaksana 40" in found
    assert "Pelaksana 54" not in found


def test_leadership_is_not_an_exclusion(hr_admin, world, ladder, today):
    with_pkp = person(world.dishub, "Punya PKP", post=ladder["staf"], since=years_ago(today, 5))
    LeadershipTraining.objects.create(employee=with_pkp, kind="pkp", year=2020)
    person(world.dishub, "Belum PKP", post=ladder["staf"], since=years_ago(today, 5))
    found = ranked_names(hr_admin, ladder["kasubbag"])
    assert found[:2] == ["Punya PKP", "Belum PKP"]


# --- The rules table, held-out cases -----------------------------------------------


@pytest.mark.parametrize(
    ("jenis", "jenjang", "level"),
    [
        ("pelaksana", "", 0),
        ("fungsional", "penyelia", 0),
        ("fungsional", "ahli_pertama", 0),
        ("pengawas", "", 1),
        ("fungsional", "ahli_muda", 1),
        ("administrator", "", 2),
        ("fungsional", "ahli_madya", 2),
        ("jpt_pratama", "", 3),
        ("fungsional", "ahli_utama", 3),
        ("jpt_madya", "", 4),
    ],
)
def test_ladder_follows_penyetaraan(jenis, jenjang, level):
    assert career.level_of(jenis, jenjang) == level


@pytest.mark.parametrize(
    ("jenis", "jenjang", "education", "years", "max_age"),
    [
        ("pengawas", "", "30", 4, None),  # D-III, 4 years as pelaksana
        ("administrator", "", "35", 3, None),  # S-1/D-IV, 3 years as pengawas
        ("jpt_pratama", "", "35", 2, 56),  # Ps. 107: 2 years as administrator, age ≤ 56
        ("jpt_madya", "", "35", 2, 58),
        ("fungsional", "ahli_madya", "35", 0, 55),  # moving into JF: keahlian S-1, age 55
        ("fungsional", "ahli_utama", "35", 0, 60),
        ("fungsional", "terampil", "", 0, 53),
        ("pelaksana", "", "", 0, None),
    ],
)
def test_rule_table(jenis, jenjang, education, years, max_age):
    rule = career.rule_for(Position(jenis=jenis, jenjang=jenjang))
    assert (rule.min_education, rule.years_in_lower, rule.max_age) == (education, years, max_age)


def test_pangkat_minimum_is_the_higher_of_post_and_instansi_setting(settings):
    post = Position(jenis="jpt_pratama", min_golongan="41")
    assert career.min_golongan(post) == "42"  # default: IV/b for JPT pratama
    settings.CAREER_MIN_GOLONGAN = {"jpt_pratama": "41"}
    assert career.min_golongan(post) == "41"
    assert career.min_golongan(Position(jenis="pengawas", min_golongan="33")) == "33"


def test_age_limit_is_in_completed_years():
    on = dt.date(2026, 3, 15)
    cutoff = career.oldest_birth_date(56, on)
    assert career.age_on(cutoff + dt.timedelta(days=1), on) == 56
    assert career.age_on(cutoff, on) == 57
    assert career.oldest_birth_date(56, dt.date(2028, 2, 29)) == dt.date(1971, 2, 28)


def test_sql_and_words_agree_on_every_requirement(hr_admin, world, ladder, today):
    """The filter (SQL) and the explanation (Python) read one table: every employee the
    ranking keeps meets every check, and every employee it leaves out misses one."""
    import random

    rng = random.Random(13)
    for i in range(30):
        jenis = rng.choice(["pelaksana", "pengawas", "administrator", "jpt_pratama", None])
        post = PositionFactory(unit=world.dishub, jenis=jenis) if jenis else None
        person(
            world.dishub,
            f"Acak {i:02d}",
            post=post,
            since=today - dt.timedelta(days=rng.randint(30, 3000)),
            edu=rng.choice(["30", "35", "40", "45", ""]),
            golongan=rng.choice(["32", "34", "41", "42"]),
            birth_date=today - dt.timedelta(days=rng.randint(30 * 365, 57 * 365)),
        )
    for target in (ladder["kabid"], ladder["kasubbag"], ladder["kadis"]):
        req = matching.requirements_for([target])[target.pk]
        pool = matching.candidate_pool(hr_admin, target)
        kept = {e.pk for e in matching.rank(pool, req, limit=1000)}
        everyone = list(pool.filter(name__startswith="Acak"))
        for e in everyone:
            e.score = 0.0
            for key in ("field", "competency", "leadership", "predikat", "tenure"):
                setattr(e, f"c_{key}", 0.0)
        explained = matching.explain(everyone, req)
        for cand in explained:
            meets = all(c.met for c in cand.checks)
            retiring = cand.employee.birth_date < matching.min_birth_date(
                target.bup_age, matching.min_months_to_bup(), today
            )
            assert (cand.employee.pk in kept) == (meets and not retiring), (
                target.name,
                cand.employee.name,
                [(c.key, c.met, c.fact) for c in cand.checks],
            )
