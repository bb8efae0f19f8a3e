"""The yearly documents get their training page from the training app through the registry in
performance.reports (performance imports nothing from training: pyproject.toml's
[tool.importlinter] contracts, checked by lint-imports in .ci/run)."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from performance import reports
from training import selectors as training_selectors


def test_training_registers_its_page_and_recap_columns_when_the_app_is_ready():
    assert reports._sections["pengembangan_kompetensi"] is training_selectors.jp_report_section
    columns = reports._recap_columns["jp"]
    assert columns.annotate is training_selectors.jp_recap_annotate
    assert columns.cells is training_selectors.jp_recap_cells
    assert columns.summary is training_selectors.jp_recap_summary


def test_a_section_may_not_overwrite_what_the_report_already_prints():
    context = {"year": 2025, "skp": object()}
    with pytest.raises(ImproperlyConfigured, match=r"'jp'.*year"):
        reports._merge(context, {"year": 2024, "development": []}, "jp")
    assert context["year"] == 2025 and "development" not in context


def test_recap_rows_read_registered_cells_like_fields():
    row = reports.RecapRow(
        number=1,
        name="Perawat Satu",
        nip="199001012020012001",
        jabatan="Perawat",
        unit="Bidang Pelayanan",
        rating_hasil="",
        rating_perilaku="",
        predikat="",
        extra={"jp": 12, "jp_shortfall": 8},
    )
    assert (row["jp"], row["jp_shortfall"]) == (12, 8)
    summary = training_selectors.jp_recap_summary([row])
    assert summary == {"jp_target": 20, "jp_compliant": 0, "jp_pct": 0}
