"""The yearly evaluation report's building blocks, shared by the report, official-form and
SKP-form tests (a helper module: test modules import from here, never from one another):
an evaluated year (``year_done``, a fixture that tests/performance/conftest.py offers to this
directory) and the PDF inspection helpers (poppler's pdftotext/pdfinfo)."""

import datetime as dt
import re
import subprocess
from decimal import Decimal

import pytest

from performance import reports, services
from performance.models import RHK, Evaluation, Indicator, OrganisationPerformance
from tests.factories import advance
from tests.performance.helpers import add_indicators
from training.models import Participation

YEAR = 2025
CODE = "K7QX-M2PA-9RTE"
VERIFY_URL = f"https://asn.example.go.id/verifikasi/{CODE}"
MM = 72 / 25.4  # PDF points per millimetre
PAGE_MARGIN_X = 12 * MM  # left/right @page margin of templates/pdf/base.html

LONG = (
    " yang dilaksanakan melalui koordinasi, sinkronisasi, pemantauan dan evaluasi program "
    "peningkatan mutu pelayanan kesehatan rujukan di rumah sakit umum daerah se-Provinsi Lampung"
)
TOKEN = "LAPORANKEGIATANPELAYANANKESEHATANRUJUKAN" * 4  # 160 characters, no break opportunity


# --- Building an evaluated year -----------------------------------------------------------


def add_rhk(skp, text, *, jenis="utama", indicators=("kuantitas",), order=0, long_text=""):
    """An RHK written directly, an IKI per aspek in `indicators` ("Jumlah <text> (<aspek>)",
    `long_text` appended)."""
    rhk = RHK.objects.create(skp=skp, text=text, jenis=jenis, order=order)
    label = text[:40].lower()
    add_indicators(rhk, {a: f"Jumlah {label} ({a}){long_text}" for a in indicators})
    return rhk


def evaluate_akhir(skp, *, employee, manager, hasil="diatas", perilaku="sesuai", feedback=""):
    evaluation = Evaluation.objects.create(skp=skp, period="tw4")
    indicators = list(Indicator.objects.filter(rhk__skp=skp))
    services.save_realisations(
        evaluation,
        user=employee,
        entries={
            ind.pk: {"value": Decimal("8"), "text": f"Delapan dokumen disusun {feedback}"}
            for ind in indicators
        },
    )
    return services.save_penilai_feedback(
        evaluation,
        user=manager,
        version=0,
        indicator_feedback={ind.pk: f"Pertahankan kualitas {feedback}" for ind in indicators},
        behaviour_feedback={"akuntabel": "Disiplin dan cermat sepanjang tahun."},
        umpan_balik="Tingkatkan ketepatan waktu pelaporan triwulan.",
        rating_hasil=hasil,
        rating_perilaku=perilaku,
        finalise=True,
    )


def participation(employee, title, jp, *, verification="verified", result="lulus", year=YEAR):
    return Participation.objects.create(
        employee=employee,
        title=title,
        category="teknis",
        method="klasikal",
        start_date=dt.date(year, 3, 3),
        end_date=dt.date(year, 3, 5),
        jp=jp,
        is_self_reported=True,
        verification=verification,
        result=result,
    )


@pytest.fixture
def year_done(world, employee, manager, hr_dinkes):
    """Perawat Satu's 2025: an approved SKP, a final akhir evaluation, the dinas's predikat
    and this year's development (12 JP counted, one pending, one rejected)."""
    skp = services.create_skp(world.employee_emp, year=YEAR, pendekatan="kuantitatif")
    add_rhk(skp, "Terlaksananya asuhan keperawatan pasien rawat inap", indicators=("kuantitas",))
    add_rhk(skp, "Menjadi narasumber sosialisasi", jenis="tambahan", indicators=("kualitas",))
    services.set_lampiran(
        skp,
        user=employee,
        dukungan_sumber_daya="1. Anggaran DPA\n2. Aplikasi SIMRS",
        skema_pertanggungjawaban="",
        konsekuensi="Dasar pemberian TPP",
    )
    # Submitted by the perawat, approved by the kabid (the RHK utama cascade from the kabid's
    # approved SKP, built first), freezing the snapshot.
    skp = advance(skp)
    evaluate_akhir(skp, employee=employee, manager=manager)
    OrganisationPerformance.objects.create(
        unit=world.dinkes, year=YEAR, predikat="baik", set_by=hr_dinkes
    )
    participation(world.employee_emp, "Pelatihan Manajemen Nyeri", 12)
    participation(world.employee_emp, "Webinar Keselamatan Pasien", 8, verification="pending")
    participation(world.employee_emp, "Kursus Yang Ditolak", 30, verification="rejected")
    participation(world.employee_emp, "Pelatihan Tahun Lalu", 40, year=YEAR - 1)
    return skp


# --- PDF inspection helpers --------------------------------------------------------------


def pdftotext(pdf: bytes, *args: str) -> str:
    """The text of the PDF; a word hyphenated at a line end (WeasyPrint inserts U+2010 where
    `hyphens: auto` breaks a word) is joined again."""
    result = subprocess.run(
        ["pdftotext", *args, "-", "-"], input=pdf, capture_output=True, check=True
    )
    return result.stdout.decode().replace("\u2010\n", "")


def text_of(pdf: bytes) -> str:
    """The text in content order (-raw keeps each table cell together), whitespace folded."""
    return " ".join(pdftotext(pdf, "-raw").split())


def has(text: str, phrase: str) -> bool:
    """`phrase` is in `text` even where the PDF wrapped it at a slash or a hyphen."""
    return "".join(phrase.split()) in "".join(text.split())


def page_count(pdf: bytes) -> int:
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout.decode(), re.M).group(1))


def pages_text(pdf: bytes) -> list[str]:
    # pdftotext separates pages with a form feed.
    return [" ".join(page.split()) for page in pdftotext(pdf, "-raw").split("\f")[:-1]]


def word_boxes(pdf: bytes) -> list[tuple[float, list[tuple[float, float, float, float, str]]]]:
    """[(page width, [(xMin, yMin, xMax, yMax, word), ...]), ...] from `pdftotext -bbox`."""
    html = pdftotext(pdf, "-bbox")
    pages = []
    for page in re.finditer(r'<page width="([\d.]+)"[^>]*>(.*?)</page>', html, re.S):
        words = [
            (float(a), float(b), float(c), float(d), w)
            for a, b, c, d, w in re.findall(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                r"([^<]*)</word>",
                page.group(2),
            )
        ]
        pages.append((float(page.group(1)), words))
    return pages


def overlapping_words(words, tolerance=0.5):
    """Pairs of words whose boxes intersect: text spilling out of its cell runs into the text
    of the next cell."""
    words = sorted(words, key=lambda w: w[0])
    found = []
    for i, a in enumerate(words):
        for b in words[i + 1 :]:
            if b[0] >= a[2] - tolerance:
                break  # sorted by xMin: no later word can reach back into `a`
            if b[1] < a[3] - tolerance and a[1] < b[3] - tolerance:
                found.append((a[4], b[4]))
    return found


def layout_problems(pdf: bytes) -> list[str]:
    """Words outside the printable width of the page, or on top of each other."""
    problems = []
    for number, (width, words) in enumerate(word_boxes(pdf), start=1):
        for x_min, _, x_max, _, word in words:
            if x_min < PAGE_MARGIN_X - 1 or x_max > width - PAGE_MARGIN_X + 1:
                problems.append(f"page {number}: {word[:30]} runs off the page")
        problems += [
            f"page {number}: {a[:30]} overlaps {b[:30]}" for a, b in overlapping_words(words)
        ]
    return problems


def render(skp):
    return reports.render_employee_report(skp.pk, verification_code=CODE, verify_url=VERIFY_URL)


def fold(text: str) -> str:
    return "".join(text.split())


def missing_in_order(text: str, phrases: list[str]) -> list[str]:
    """The phrases not found in `text` after the previous one (whitespace ignored, as the PDF
    wraps lines anywhere): [] when all appear, in this order."""
    haystack, at, missing = fold(text), 0, []
    for phrase in phrases:
        found = haystack.find(fold(phrase), at)
        if found < 0:
            missing.append(phrase)
        else:
            at = found + len(fold(phrase))
    return missing
