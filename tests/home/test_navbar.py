"""The navbar as each person sees it: the penilai pages for a penilai, the menu a page belongs
to lit, and the portal's icon."""

import re

from django.contrib.staticfiles import finders
from django.urls import reverse


def _url(name, *args):
    return reverse(f"performance:{name}", args=args)


def test_the_penilai_pages_are_in_the_menu_of_a_penilai_only(world, client_as, employee, manager):
    """A pegawai with nobody under them was offered 'Persetujuan SKP' and the role matrix,
    which then flagged their own RHK as unsupported by subordinates."""
    inbox, matrix = _url("approval_inbox"), _url("role_matrix")
    page = client_as(employee).get("/").content.decode()
    assert inbox not in page and matrix not in page
    page = client_as(manager).get("/").content.decode()
    assert inbox in page and matrix in page and "Matriks peran hasil" in page


def test_a_report_page_lights_the_laporan_menu_not_its_apps(world, client_as, hr_admin):
    """On 'Dokumen evaluasi' the Kinerja menu was highlighted, not Laporan, where it is."""
    client = client_as(hr_admin)

    def lit(url):
        page = client.get(url).content.decode()
        return re.findall(r'class="nav-link dropdown-toggle active" href="([^"]+)"', page)

    laporan = [_url("report_jobs")]
    assert lit(_url("report_jobs")) == laporan
    assert lit(reverse("positions:mismatch_report")) == laporan
    assert lit(_url("monitoring")) == [_url("skp_list")]
    assert lit(reverse("positions:employee_list")) == [reverse("positions:employee_list")]


def test_pages_name_their_icon_so_browsers_do_not_ask_for_a_missing_favicon(client_as, employee):
    page = client_as(employee).get("/").content.decode()
    match = re.search(r'<link rel="icon" href="([^"]+)"', page)
    assert match and match.group(1).endswith("img/favicon.svg")
    assert finders.find("img/favicon.svg")
