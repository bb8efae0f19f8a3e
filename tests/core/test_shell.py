"""`manage.py shell` imports every model, the simple-history ones included."""

from django.apps import apps
from django.utils.module_loading import import_string

from core.management.commands.shell import Command


def test_every_auto_import_resolves_to_its_model() -> None:
    paths = Command().get_auto_imports()

    assert {import_string(path) for path in paths} == set(apps.get_models())


def test_history_models_are_imported_from_their_model_module() -> None:
    paths = Command().get_auto_imports()

    assert "performance.models.skp.HistoricalSKP" in paths
