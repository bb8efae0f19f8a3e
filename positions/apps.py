from django.apps import AppConfig


class PositionsConfig(AppConfig):
    name = "positions"
    verbose_name = "Penataan jabatan"

    def ready(self) -> None:
        # Keep the precomputed candidate features in step with every write (docs/architecture.md).
        from positions.matching import features, invalidation

        features.connect()
        invalidation.connect()
