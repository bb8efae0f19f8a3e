"""Pantauan kinerja for HR and pimpinan: a summary on top, only units with staff, least
SKP progress first, paged, and the annual predikat as one chart row per unit."""

import datetime as dt
import re

from django.urls import reverse
from django.utils import timezone

from performance import monitoring, selectors
from positions.models import today
from tests.factories import EvaluationFactory, PlacementFactory, SKPFactory, make_unit
from tests.performance.helpers import YEAR

MONITORING = reverse("performance:monitoring")


def _page(client, unit, **extra):
    query = "&".join(f"{k}={v}" for k, v in {"unit": unit.pk, "tahun": YEAR, **extra}.items())
    return client.get(f"{MONITORING}?{query}")


def test_units_with_staff_least_progress_first_with_a_summary(client_as, hr_dinkes, world):
    make_unit("Bidang Tanpa Pegawai", world.dinkes)
    # Only the kadis's SKP (top of the tree): an approved SKP lower down needs the kadis's first.
    SKPFactory(employee=world.kadis_emp, year=YEAR, approved=True)
    response = _page(client_as(hr_dinkes), world.dinkes)
    page = response.content.decode()
    assert "Bidang Tanpa Pegawai" not in page.split('id="h-unit"', 1)[1].split("</table>")[0]
    rows = re.findall(r'<tr data-testid="unit-row">.*?</tr>', page, re.S)
    assert len(rows) == 2
    # Yankes: none of 3 approved, first; the kadis alone in the dinas itself: 100 %.
    assert "Bidang Pelayanan Kesehatan" in rows[0] and "0%" in rows[0]
    assert "Dinas Kesehatan" in rows[1] and "100%" in rows[1]
    totals = response.context["overview"]["totals"]
    assert totals["employees"] == 4 and totals["approved"] == 1 and totals["no_skp"] == 3
    assert 'data-testid="monitoring-summary"' in page
    assert page.index("monitoring-summary") < page.index('data-testid="unit-row"')


def test_unit_rows_are_paged(client_as, pimpinan, world, monkeypatch):
    monkeypatch.setattr(monitoring, "UNITS_PER_PAGE", 1)
    client = client_as(pimpinan)
    first = _page(client, world.pemprov).context["overview"]["units"]
    second = _page(client, world.pemprov, unit_hal=2).context["overview"]["units"]
    assert first.paginator.count == 2  # dinkes and dishub: the pemprov itself has no staff
    assert {row["unit"].pk for row in [*first, *second]} == {world.dinkes.pk, world.dishub.pk}


def test_predikat_is_one_chart_row_per_rated_unit(client_as, pimpinan, world):
    skp = SKPFactory(employee=world.employee_emp, year=YEAR, approved=True)
    EvaluationFactory(skp=skp, period="tw4", final=True, predikat="baik")
    page = _page(client_as(pimpinan), world.pemprov).content.decode()
    chart = page.split('id="chart-monitoring-predikat"', 1)[1]
    assert chart.count('data-testid="chart-row"') == 1  # dinkes only; dishub has no rating
    assert 'class="progress' not in page  # no more five Bootstrap bars per unit
    assert "style=" not in page.split('id="h-ringkasan"', 1)[1]


def test_the_penilai_is_sent_where_the_pegawai_works_now_and_a_sent_draft_says_so(world, settings):
    """Just approved in December: the pegawai's home says TW IV, so the penilai's next click
    is TW IV too (it said TW I); a draft with realisasi sent reads "Dikirim ke penilai"."""
    skp = SKPFactory(employee=world.employee_emp, year=today().year, approved=True)
    now = selectors.realisasi_period(skp.year, today())
    label, url = selectors.next_action(skp, None)
    assert url.endswith(f"/evaluasi/{now}/") and label.startswith("Evaluasi ")

    earlier = EvaluationFactory(skp=skp, period="tw1", realisation=None)
    assert earlier.stage_label == "Draf"
    label, url = selectors.next_action(skp, earlier)  # opened, never sent: waits for nobody
    assert url.endswith(f"/evaluasi/{now}/")
    earlier.realisasi_sent_at = timezone.now() - dt.timedelta(days=1)
    assert earlier.stage_label == "Dikirim ke penilai"
    label, url = selectors.next_action(skp, earlier)  # sent: it waits for the penilai
    assert url.endswith("/evaluasi/tw1/")
    final = EvaluationFactory(skp=skp, period=now, final=True)
    assert final.stage_label == "Final"
    label, url = selectors.next_action(skp, final)
    assert label.startswith("Lihat evaluasi") and url.endswith(f"/evaluasi/{now}/")


def test_a_plh_of_their_own_superior_does_not_find_themselves_among_their_staff(
    client_as, employee, world
):
    PlacementFactory(
        employee=world.employee_emp, position=world.kabid, kind="plh", start_date=today()
    )
    rows = client_as(employee).get(MONITORING).context["subordinates"]
    names = [row["employee"] for row in rows]
    assert world.colleague_emp in names and world.employee_emp not in names
