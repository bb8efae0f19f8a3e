"""Issue 7 item 6: every main page works on a 390 px phone and by keyboard.

Each page is opened at 390 × 844 (mobile, touch) as the role that uses it and checked for:
no horizontal page overflow (wide tables scroll inside .table-responsive), exactly one <h1>,
a <main id="main"> for the skip link, an accessible label on every visible form field, no
tiny tap targets, nothing interactive taken out of the tab order, and a navbar that collapses
into the toggler and opens by keyboard. A full-page screenshot of each lands in
test-artifacts/usability-*.png, and axe-core audits each at 1366 and 390 px (tests/e2e/axe.py).
The keyboard journeys: log in, submit an SKP, open and close an org-tree node.

Problems are collected over all pages and reported together, so one run lists every failure.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from django.utils import timezone

from performance import services as performance_services
from performance.models import RHK, SKP, Indicator, ReportJob
from tests.e2e import axe
from tests.e2e.conftest import ARTIFACTS
from tests.e2e.scenes import rated_year_and_event
from tests.factories import make_unit
from training import services as training_services
from training.models import Participation, Session

pytestmark = pytest.mark.e2e
YEAR = timezone.localdate().year
WIDTH = 390

# One pass over the DOM; returns a list of problems (strings). Fields count as labelled by a
# <label> (for= or wrapping, with text), aria-label or aria-labelledby pointing at text.
PAGE_PROBLEMS = """
(width) => {
  const problems = [];
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden";
  };
  const describe = (el) => {
    const text = (el.getAttribute("aria-label") || el.textContent || "").trim().slice(0, 40);
    const classes = typeof el.className === "string" ? el.className.trim().split(/\\s+/) : [];
    return `<${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}` +
      `${classes.filter(Boolean).map((c) => "." + c).join("")}` +
      `${el.name ? " name=" + el.name : ""}> "${text}"`;
  };
  // Inside a box that clips or scrolls it? An absolutely positioned element escapes every
  // such box between itself and its containing block (the nearest positioned ancestor).
  const clipped = (el) => {
    let position = getComputedStyle(el).position;
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const style = getComputedStyle(a);
      if (position === "fixed") return false;
      if (position === "absolute" && style.position === "static") continue;
      if (style.overflowX !== "visible") return true;
      position = style.position;
    }
    return false;
  };

  const pageWidth = document.documentElement.scrollWidth;
  if (pageWidth > width) {
    const wide = [...document.querySelectorAll("body *")].filter(
      (el) => el.getBoundingClientRect().right > width + 1 && !clipped(el) && visible(el)
    );
    const outermost = wide.filter((el) => !wide.includes(el.parentElement)).slice(0, 4);
    problems.push(`page is ${pageWidth}px wide; too wide: ${outermost.map(describe).join(", ")}`);
  }

  const h1 = document.querySelectorAll("h1").length;
  if (h1 !== 1) problems.push(`${h1} <h1> elements`);
  if (document.querySelectorAll("main#main").length !== 1) problems.push("no <main id=main>");
  const skip = document.querySelector("a.skip-link");
  if (!skip || skip.getAttribute("href") !== "#main") problems.push("no skip link to #main");

  const skipTypes = new Set(["hidden", "submit", "button", "reset", "image"]);
  for (const el of document.querySelectorAll("input, select, textarea")) {
    if (skipTypes.has(el.type) || !visible(el)) continue;
    const byLabel = [...(el.labels || [])].some((l) => l.textContent.trim());
    const byAria = (el.getAttribute("aria-label") || "").trim();
    const byIds = (el.getAttribute("aria-labelledby") || "").split(/\\s+/).filter(Boolean)
      .map((id) => document.getElementById(id)).some((l) => l && l.textContent.trim());
    if (!(byLabel || byAria || byIds)) problems.push(`unlabelled field ${describe(el)}`);
  }

  // WCAG 2.2 target size (minimum): 24 × 24 CSS px for buttons and controls.
  const targets = ".btn, .page-link, .navbar-toggler, .form-control, .form-select, .nav-link";
  for (const el of document.querySelectorAll(targets)) {
    if (!visible(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.height < 24 || r.width < 24) {
      problems.push(`tap target ${Math.round(r.width)}x${Math.round(r.height)} ${describe(el)}`);
    }
  }

  // A table that scrolls sideways can be scrolled by keyboard: its wrapper takes focus and is
  // a named region (portal.js marks every overflowing .table-responsive).
  for (const box of document.querySelectorAll(".table-responsive")) {
    if (!visible(box) || box.scrollWidth <= box.clientWidth + 1) continue;
    const named = (box.getAttribute("aria-label") || box.getAttribute("aria-labelledby") || "");
    if (box.tabIndex !== 0 || box.getAttribute("role") !== "region" || !named.trim()) {
      problems.push(`table scrolls sideways but not by keyboard: ${describe(box)}`);
    }
  }

  // A list's actions stay in view: a button in a scrolling table shows without scrolling.
  for (const el of document.querySelectorAll(".table-responsive td .btn")) {
    if (!visible(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.right > width + 1) problems.push(`action off screen at ${r.left}px: ${describe(el)}`);
  }

  const focusable = "main a[href], main button, main input, main select, main textarea";
  for (const el of document.querySelectorAll(focusable)) {
    if (visible(el) && !el.disabled && el.tabIndex < 0) {
      problems.push(`not reachable by Tab: ${describe(el)}`);
    }
  }
  return problems;
}
"""


class Phone:
    """A 390 px phone browser, logged in as one user, collecting problems per page."""

    def __init__(self, browser, base: str, problems: list[str]) -> None:
        self.base = base
        self.problems = problems
        self.context = browser.new_context(
            viewport={"width": WIDTH, "height": 844},
            is_mobile=True,
            has_touch=True,
            locale="id-ID",
        )
        self.page = self.context.new_page()
        self.page.set_default_timeout(15000)
        axe.track(self.page)

    def login(self, username: str) -> Phone:
        self.page.goto(f"{self.base}/masuk/")
        axe.audit(self.page, "login")
        self.page.get_by_label("Nama pengguna").fill(username)
        self.page.get_by_label("Kata sandi").fill("x-unused-x")
        self.page.get_by_role("button", name="Masuk").click()
        self.page.wait_for_url(f"{self.base}/")
        return self

    def check(self, name: str, path: str, *, navbar: bool = True) -> None:
        """Open `path`, check it, save its screenshot as usability-<name>.png."""
        response = self.page.goto(self.base + path)
        if response is None or response.status != 200:
            self.problems.append(f"{name} {path}: HTTP {response and response.status}")
            return
        self.page.wait_for_load_state("networkidle")  # htmx fragments loaded on page load
        for problem in self.page.evaluate(PAGE_PROBLEMS, WIDTH):
            self.problems.append(f"{name} {path}: {problem}")
        axe.audit(self.page, name)  # WCAG 2.1 A/AA at 1366 and 390 px; fails the test at its end
        self.page.screenshot(path=str(ARTIFACTS / f"usability-{name}.png"), full_page=True)
        if navbar:
            self.check_navbar(name)

    def tab_to(self, test: str, limit: int = 60) -> bool:
        """Press Tab until the JS predicate `test` (on document.activeElement) holds."""
        for _ in range(limit):
            self.page.keyboard.press("Tab")
            if self.page.evaluate(f"(el => {test})(document.activeElement)"):
                return True
        return False

    def check_navbar(self, name: str) -> None:
        """The menu is collapsed behind the toggler; Tab reaches it (after the skip link and
        the brand) and Enter opens it."""
        page = self.page
        toggler, menu = page.locator(".navbar-toggler"), page.locator("#nav-main")
        if not toggler.is_visible() or menu.is_visible():
            self.problems.append(f"{name}: navbar not collapsed at {WIDTH}px")
            return
        # Restart sequential focus navigation at the top of the document (a page may autofocus
        # a field, and blur() alone keeps Chrome's starting point there).
        page.evaluate(
            "(h => { h.tabIndex = -1; h.focus(); h.removeAttribute('tabindex'); })"
            "(document.documentElement)"
        )
        page.keyboard.press("Tab")
        if not page.evaluate("document.activeElement.classList.contains('skip-link')"):
            self.problems.append(f"{name}: the skip link is not the first Tab stop")
        if not self.tab_to("el.classList.contains('navbar-toggler')", limit=3):
            self.problems.append(f"{name}: Tab does not reach the navbar toggler")
            return
        page.keyboard.press("Enter")
        page.locator("#nav-main.show").wait_for()  # opened, and the collapse transition ended
        if toggler.get_attribute("aria-expanded") != "true":
            self.problems.append(f"{name}: toggler does not report aria-expanded=true")

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def phone(browser, live_server) -> Iterator[Callable[..., Phone]]:
    """phone(username) -> a logged-in Phone; phone() for the public pages."""
    ARTIFACTS.mkdir(exist_ok=True)
    opened: list[Phone] = []
    problems: list[str] = []

    def open_phone(username: str | None = None) -> Phone:
        device = Phone(browser, live_server.url, problems)
        opened.append(device)
        return device.login(username) if username else device

    open_phone.problems = problems  # type: ignore[attr-defined]
    yield open_phone
    for device in opened:
        device.close()


def assert_no_problems(phone) -> None:
    problems = phone.problems
    assert not problems, f"{len(problems)} usability problems:\n" + "\n".join(problems)


@pytest.fixture
def data(world, hr_admin, employee, manager):
    """A draft SKP for the pegawai (cascading from the penilai's approved one), a submitted
    SKP in the penilai's inbox, a rated colleague, a training event with a participant, a
    pending self-report and a finished report job."""
    boss_skp = performance_services.create_skp(
        world.manager_emp, year=YEAR, pendekatan="kuantitatif"
    )
    boss_rhk = RHK.objects.create(
        skp=boss_skp, text="Meningkatnya mutu pelayanan keperawatan rumah sakit"
    )
    SKP.objects.filter(pk=boss_skp.pk).update(status=SKP.Status.DISETUJUI)
    skp = performance_services.create_skp(world.employee_emp, year=YEAR, pendekatan="kuantitatif")
    rhk = RHK.objects.create(
        skp=skp, text="Terlaksananya asuhan keperawatan bermutu", parent_rhk=boss_rhk
    )
    Indicator.objects.create(
        rhk=rhk,
        aspek="kuantitas",
        text="Jumlah pasien yang dilayani",
        target_value=240,
        target_satuan="Pasien",
    )
    colleague_skp = performance_services.create_skp(
        world.colleague_emp, year=YEAR, pendekatan="kuantitatif"
    )
    RHK.objects.create(skp=colleague_skp, text="Terdokumentasinya asuhan keperawatan")
    SKP.objects.filter(pk=colleague_skp.pk).update(
        status=SKP.Status.DIAJUKAN, submitted_at=timezone.now()
    )
    event = rated_year_and_event(world, hr_admin, colleague_skp, YEAR, place="Aula Dinas Kesehatan")
    Session.objects.create(
        event=event,
        date=dt.date(YEAR, 6, 2),
        start_time=dt.time(8),
        end_time=dt.time(12),
        topic="Keamanan informasi",
    )
    training_services.enrol_employee(event, world.colleague_emp, enrolled_by=hr_admin)
    Participation.objects.create(
        employee=world.employee_emp,
        title="E-learning Literasi Digital ASN",
        method="e_learning",
        category="teknis",
        start_date=dt.date(YEAR, 2, 1),
        end_date=dt.date(YEAR, 2, 1),
        jp=10,
        is_self_reported=True,
    )
    job = ReportJob.objects.create(
        kind=ReportJob.Kind.UNIT,
        unit=world.dinkes,
        year=YEAR - 1,
        requested_by=hr_admin,
        state=ReportJob.State.DONE,
        total=3,
        finished_at=timezone.now(),
    )
    return {"skp": skp, "program": event.program, "event": event, "job": job}


def test_public_pages_and_keyboard_login(transactional_db, world, employee, phone):
    device = phone()
    device.check("login", "/masuk/", navbar=False)
    device.check("verify", "/verifikasi/", navbar=False)

    # Log in without a pointer: Tab to the user name, type, Tab, type, Enter.
    page = device.page
    page.goto(f"{device.base}/masuk/")
    assert device.tab_to("el.name === 'username'", limit=5)
    page.keyboard.type("employee")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "password"
    page.keyboard.type("x-unused-x")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{device.base}/")
    axe.audit(page, "home-after-keyboard-login")
    assert_no_problems(phone)


def test_pegawai_pages_at_390px(transactional_db, world, employee, data, phone):
    device = phone("employee")
    skp, emp = data["skp"], world.employee_emp
    device.check("pegawai-dashboard", "/")
    device.page.screenshot(path=str(ARTIFACTS / "usability-pegawai-menu-open.png"))
    device.check("pegawai-profile", f"/pegawai/{emp.pk}/")
    device.check("pegawai-skp-list", "/kinerja/")
    device.check("pegawai-skp-create", "/kinerja/skp/baru/")
    device.check("pegawai-skp-detail", f"/kinerja/skp/{skp.pk}/")

    # Submit the SKP by keyboard alone.
    page = device.page
    page.goto(f"{device.base}/kinerja/skp/{skp.pk}/")
    assert device.tab_to("el.textContent.trim() === 'Ajukan ke pejabat penilai'", limit=80)
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    page.get_by_text("Diajukan").first.wait_for()
    skp.refresh_from_db()
    assert skp.status == SKP.Status.DIAJUKAN

    SKP.objects.filter(pk=skp.pk).update(status=SKP.Status.DISETUJUI)
    device.check("pegawai-evaluation", f"/kinerja/skp/{skp.pk}/evaluasi/tw1/")
    device.check("pegawai-jp-ledger", f"/pelatihan/jp/{emp.pk}/")
    device.check("pegawai-selfreport-list", "/pelatihan/mandiri/")
    device.check("pegawai-selfreport-form", "/pelatihan/mandiri/tambah/")
    device.check("pegawai-password", "/akun/kata-sandi/")
    assert_no_problems(phone)


def test_penilai_pages_at_390px(transactional_db, world, manager, data, phone):
    skp = data["skp"]
    SKP.objects.filter(pk=skp.pk).update(status=SKP.Status.DISETUJUI)
    device = phone("manager")
    device.check("penilai-dashboard", "/")
    device.check("penilai-inbox", "/kinerja/persetujuan/")
    device.check("penilai-role-matrix", f"/kinerja/matriks/?tahun={YEAR}")
    device.check("penilai-evaluation", f"/kinerja/skp/{skp.pk}/evaluasi/tw4/")
    device.check("penilai-monitoring", f"/kinerja/pantauan/?tahun={YEAR}")
    assert_no_problems(phone)


def test_hr_pages_at_390px(transactional_db, world, hr_admin, data, phone):
    device = phone("hr_bkd")
    emp, event, program = world.employee_emp, data["event"], data["program"]
    # The demo's longest names: its kind badge and title must wrap, not widen the page.
    long_unit = make_unit(
        "Kelompok Jabatan Fungsional Pengawas Penyelenggaraan Urusan Pemerintahan",
        world.yankes,
        "sub_unit",
    )
    unit = f"unit={world.dinkes.pk}&tahun={YEAR}"
    pages = [
        ("hr-dashboard", "/"),
        ("hr-register", "/pegawai/"),
        ("hr-employee-detail", f"/pegawai/{emp.pk}/"),
        ("hr-employee-edit", f"/pegawai/{emp.pk}/ubah/"),
        ("hr-placement-form", f"/pegawai/{emp.pk}/penempatan/tambah/"),
        ("hr-unit-tree", "/unit/"),
        ("hr-unit-detail", f"/unit/{world.yankes.pk}/"),
        ("hr-unit-detail-long-name", f"/unit/{long_unit.pk}/"),
        ("hr-position-list", "/jabatan/"),
        ("hr-position-detail", f"/jabatan/{world.perawat.pk}/"),
        ("hr-position-candidates", f"/jabatan/{world.perawat.pk}/kandidat/"),
        ("hr-position-abk", f"/jabatan/{world.perawat.pk}/abk/"),
        ("hr-position-competencies", f"/jabatan/{world.perawat.pk}/kompetensi/"),
        ("hr-peta-jabatan", f"/unit/{world.pemprov.pk}/peta-jabatan/"),
        ("hr-import", "/impor/"),
        ("hr-mismatch", "/laporan/ketidaksesuaian/"),
        ("hr-training-catalog", "/pelatihan/"),
        ("hr-training-program", f"/pelatihan/program/{program.pk}/"),
        ("hr-training-event", f"/pelatihan/angkatan/{event.pk}/"),
        ("hr-training-sessions", f"/pelatihan/angkatan/{event.pk}/sesi/"),
        ("hr-training-enrol", f"/pelatihan/angkatan/{event.pk}/daftar/"),
        ("hr-training-attendance", f"/pelatihan/angkatan/{event.pk}/presensi/"),
        ("hr-training-results", f"/pelatihan/angkatan/{event.pk}/hasil/"),
        ("hr-training-verification", "/pelatihan/verifikasi/"),
        ("hr-training-compliance", f"/pelatihan/kepatuhan/?{unit}"),
        ("hr-training-leadership", f"/pelatihan/kepemimpinan/?unit={world.dinkes.pk}"),
        ("hr-training-needs", "/pelatihan/kebutuhan/"),
        ("hr-curve", f"/kinerja/kurva/?{unit}"),
        ("hr-monitoring", f"/kinerja/pantauan/?{unit}"),
        ("hr-report-jobs", "/kinerja/laporan/"),
        ("hr-report-job", f"/kinerja/laporan/{data['job'].pk}/"),
        ("hr-audit", "/audit/"),
    ]
    for name, path in pages:
        device.check(name, path)
    assert_no_problems(phone)

    # The org tree by keyboard: Enter opens a node, Space closes it, aria-expanded follows.
    page = device.page
    page.goto(f"{device.base}/unit/")
    label = "el.getAttribute('aria-label') === '{} Dinas Kesehatan'"
    assert device.tab_to(label.format("Buka"))
    assert page.evaluate("document.activeElement.getAttribute('aria-expanded')") == "false"
    page.keyboard.press("Enter")
    page.get_by_text("Bidang Pelayanan Kesehatan").wait_for()
    page.wait_for_load_state("networkidle")
    assert page.evaluate(f"(el => {label.format('Tutup')})(document.activeElement)")
    assert page.evaluate("document.activeElement.getAttribute('aria-expanded')") == "true"
    page.keyboard.press(" ")
    page.get_by_text("Bidang Pelayanan Kesehatan").wait_for(state="detached")
    assert page.evaluate(f"(el => {label.format('Buka')})(document.activeElement)")
    assert page.evaluate("document.activeElement.getAttribute('aria-expanded')") == "false"
