from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "training"
    verbose_name = "Pelatihan dan pengembangan"

    def ready(self) -> None:
        # The yearly documents of performance print the year's pengembangan kompetensi.
        # training sits above performance (docs/architecture.md), so performance cannot import
        # training: training hands it the page and the recap's JP columns instead.
        from performance import reports

        from . import selectors

        reports.register_report_section("pengembangan_kompetensi", selectors.jp_report_section)
        reports.register_recap_columns(
            "jp",
            reports.RecapColumns(
                annotate=selectors.jp_recap_annotate,
                cells=selectors.jp_recap_cells,
                summary=selectors.jp_recap_summary,
            ),
        )
