from django.apps import AppConfig


class TalentConfig(AppConfig):
    """Manajemen talenta (docs/domain.md §6): the 9-box talent grid, jabatan kritikal and
    rencana suksesi, the vacancy forecast and the sistem merit picture.

    talent sits above performance and training (it reads their ratings, assessments and
    development plans) and below home (docs/architecture.md).
    """

    name = "talent"
    verbose_name = "Manajemen talenta"

    def ready(self) -> None:
        # A JPT post with an approved succession list can be filled from it (positions cannot
        # import talent, so talent registers the list there).
        from positions.selection import register_succession_provider

        from .succession import approved_succession_group

        register_succession_provider(approved_succession_group)
