"""`manage.py shell` that imports every model, the change history models included.

Django 5.2's shell imports each model as `model.__module__ + "." + model.__name__`.
django-simple-history gives the history model of a model declared in a sub-module (for
example `performance/models/skp.py`) the app's package as its `__module__` ("performance"),
but puts the class in the sub-module. Django's import then fails, and the shell began every
session with a warning listing 18 models. Here a history model is imported from the module
of the model it records, where simple-history put it.
"""

from __future__ import annotations

from django.apps import apps
from django.core.management.commands import shell


class Command(shell.Command):
    def get_auto_imports(self) -> list[str]:
        return [
            f"{getattr(model, 'instance_type', model).__module__}.{model.__name__}"
            for model in reversed(apps.get_models())
            if model.__module__
        ]
