"""Content-Security-Policy in a real browser: the main pages of HR and of a pegawai, including
their htmx swaps and the moved inline behaviour, raise no CSP violation and no script error."""

import pytest
from django.utils import timezone

from performance import services
from performance.models import RHK, SKP, Indicator
from tests.e2e.scenes import rated_year_and_event

pytestmark = pytest.mark.e2e
YEAR = timezone.localdate().year

# Runs before any page script, through DevTools (not subject to the page's CSP): records
# every violation the document reports.
WATCH_CSP = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} ` +
                    `at ${e.sourceFile || location.pathname}:${e.lineNumber}`);
});
"""


class Browser:
    """One logged-in browser context that collects CSP violations and script errors."""

    def __init__(self, browser, base: str, username: str) -> None:
        self.base = base
        self.problems: list[str] = []
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.context.add_init_script(WATCH_CSP)
        self.page = self.context.new_page()
        self.page.set_default_timeout(15000)
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda exc: self.problems.append(f"script error: {exc}"))
        self.visit("/masuk/")
        self.page.get_by_label("Nama pengguna").fill(username)
        self.page.get_by_label("Kata sandi").fill("x-unused-x")
        self.page.get_by_role("button", name="Masuk").click()
        self.page.wait_for_url(f"{base}/")
        self.collect()

    def _console(self, message) -> None:
        if message.type == "error" and "Content Security Policy" in message.text:
            self.problems.append(f"console: {message.text}")

    def visit(self, path: str) -> None:
        response = self.page.goto(self.base + path)
        assert response is not None and response.status == 200, path
        policy = response.headers.get("content-security-policy", "")
        directives = {d.split()[0]: d for d in (p.strip() for p in policy.split(";")) if d}
        assert directives.get("script-src") == "script-src 'self'", (path, policy)
        assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy, path
        assert directives.get("frame-ancestors") == "frame-ancestors 'none'", path
        self.page.wait_for_load_state("networkidle")

    def collect(self) -> None:
        """Violations of the current document (events fire asynchronously: let them land)."""
        self.page.wait_for_timeout(100)
        self.problems += [f"{self.page.url}: {v}" for v in self.page.evaluate("window.__csp")]

    def prove_the_watch_works(self) -> None:
        """A deliberate inline style must be refused and reported, else this test is blind."""
        before = len(self.problems)
        self.page.evaluate(
            """document.body.insertAdjacentHTML("beforeend", '<b style="color:red">x</b>')"""
        )
        self.page.wait_for_timeout(200)
        reported = self.page.evaluate("window.__csp.splice(0)")
        assert any(v.startswith("style-src") for v in reported), reported
        assert len(self.problems) > before  # the console saw it too
        del self.problems[before:]

    def check(self, path: str) -> None:
        self.visit(path)
        self.collect()


@pytest.fixture
def data(world, hr_admin):
    skp = services.create_skp(world.employee_emp, year=YEAR, pendekatan="kuantitatif")
    rhk = RHK.objects.create(skp=skp, text="Terlaksananya asuhan keperawatan bermutu")
    Indicator.objects.create(
        rhk=rhk, aspek="kuantitas", text="Pasien dilayani", target_value=100, target_satuan="Pasien"
    )
    SKP.objects.filter(pk=skp.pk).update(status=SKP.Status.DISETUJUI)
    colleague_skp = services.create_skp(world.colleague_emp, year=YEAR, pendekatan="kuantitatif")
    SKP.objects.filter(pk=colleague_skp.pk).update(status=SKP.Status.DISETUJUI)
    event = rated_year_and_event(world, hr_admin, colleague_skp, YEAR)
    return {"skp": skp, "event": event}


def test_hr_pages_raise_no_csp_violation(
    transactional_db, world, hr_admin, employee, data, live_server, browser
):
    hr = Browser(browser, live_server.url, "hr_bkd")
    page = hr.page
    skp, event, emp = data["skp"], data["event"], world.employee_emp

    hr.check("/")
    hr.prove_the_watch_works()
    page.get_by_role("button", name="Pengembangan").or_(
        page.get_by_role("link", name="Pengembangan", exact=True)
    ).first.click()  # Bootstrap dropdown (Popper positions it through the CSSOM)
    page.get_by_role("link", name="Kepatuhan 20 JP").wait_for(state="visible")
    hr.collect()

    hr.check("/pegawai/")
    page.get_by_label("Cari nama atau NIP").fill("Perawat")  # htmx search swaps the rows
    page.wait_for_url("**q=Perawat**")
    page.wait_for_load_state("networkidle")
    hr.collect()

    hr.visit(f"/pegawai/{emp.pk}/")  # two fragments load through htmx on page load
    page.wait_for_load_state("networkidle")
    hr.collect()

    hr.visit("/unit/")
    page.get_by_role("link", name="Buka Dinas Kesehatan").click()  # htmx expands the node
    page.get_by_role("link", name="Tutup Dinas Kesehatan").wait_for()
    assert page.get_by_text("Bidang Pelayanan Kesehatan").is_visible()
    hr.collect()

    hr.check("/jabatan/")
    hr.check(f"/unit/{world.pemprov.pk}/peta-jabatan/")  # the organigram (static/css/peta.css)
    hr.check(f"/unit/{world.pemprov.pk}/peta-jabatan/?tampilan=tabel")
    # The tree indent comes from the stylesheet now, not a style attribute.
    indent = page.eval_on_selector(
        'tr[data-depth="2"] .peta-indent', "el => getComputedStyle(el).marginLeft"
    )
    assert indent == "40px"
    hr.check(f"/jabatan/{world.perawat.pk}/kandidat/")
    hr.check("/kinerja/")
    hr.check(f"/kinerja/skp/{skp.pk}/")
    hr.check(f"/kinerja/skp/{skp.pk}/evaluasi/tw4/")
    hr.check(f"/kinerja/kurva/?unit={world.dinkes.pk}&tahun={YEAR}")
    width = page.eval_on_selector(".progress-bar.bar-pct-100", "el => el.style.width")
    assert width == ""  # no inline style: the class sets the width
    hr.check(f"/kinerja/pantauan/?unit={world.dinkes.pk}&tahun={YEAR}")
    hr.check("/pelatihan/")
    hr.check(f"/pelatihan/angkatan/{event.pk}/")

    hr.visit(f"/pelatihan/angkatan/{event.pk}/daftar/")
    boxes = page.locator("#bulk-enrol input.pick")
    assert boxes.count() >= 2
    page.get_by_label("Pilih semua").check()  # moved from an inline script to portal.js
    assert all(boxes.nth(i).is_checked() for i in range(boxes.count()))
    page.get_by_label("Pilih semua").uncheck()
    assert not any(boxes.nth(i).is_checked() for i in range(boxes.count()))
    hr.collect()

    hr.check(f"/pelatihan/jp/{emp.pk}/")
    hr.check(f"/pelatihan/kepatuhan/?unit={world.dinkes.pk}&tahun={YEAR}")
    hr.check("/audit/")
    hr.context.close()
    assert hr.problems == []


def test_pegawai_pages_raise_no_csp_violation(
    transactional_db, world, employee, data, live_server, browser
):
    me = Browser(browser, live_server.url, "employee")
    skp, emp = data["skp"], world.employee_emp
    me.check("/")
    me.visit(f"/pegawai/{emp.pk}/")
    me.page.wait_for_load_state("networkidle")
    me.collect()
    me.check("/kinerja/")
    me.visit("/kinerja/skp/baru/")
    with me.page.expect_response(lambda r: r.request.method == "POST"):  # htmx preview
        me.page.get_by_label("Pendekatan").select_option("kualitatif")
    me.page.wait_for_load_state("networkidle")
    me.collect()
    me.check(f"/kinerja/skp/{skp.pk}/")
    me.check(f"/kinerja/skp/{skp.pk}/evaluasi/tw1/")
    me.check(f"/pelatihan/jp/{emp.pk}/")
    me.check("/pelatihan/mandiri/")
    me.check("/akun/kata-sandi/")
    me.context.close()
    assert me.problems == []
