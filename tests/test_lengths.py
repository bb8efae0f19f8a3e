"""Length limits on free text (issue 14 item 7, core/limits.py).

The models are walked, so a new CharField or TextField without a limit fails here:

- every free-text field declares a limit (CharField max_length; TextField max_length plus a
  CHECK (LENGTH(...) <= n) constraint, which the migrated database really has);
- the form field refuses one character more, with Django's Indonesian message;
- the database refuses it too: an UPDATE of a real row (the authorization matrix's world)
  with one character too many fails. TextFields on every engine (the CHECK constraint);
  CharFields where the engine enforces varchar(n), i.e. on PostgreSQL (SQLite ignores it);
- every form of the project limits its free-text fields, including the fields built per
  indicator at run time, and a 1 MB umpan balik is refused with a clear message.
"""

from __future__ import annotations

import inspect
from typing import Any

import pytest
from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError, connection, models, transaction

from core.limits import FEEDBACK
from tests import matrix_objects
from tests.matrix_objects import Objects
from tests.performance.helpers import approved_skp, indicator_of, url  # noqa: F401  (approved_skp: a fixture)

world_objects = matrix_objects.world_objects  # the fixture

PROJECT_APPS = ("asnportal", "core", "home", "positions", "performance", "training")
TOO_LONG = "paling banyak"  # Django's Indonesian max_length message: "...paling banyak N karakter"


def _is_history(model: type[models.Model]) -> bool:
    # simple_history's copies: written only after the real row passed its own checks.
    return hasattr(model, "instance_type")


def text_fields() -> list[tuple[type[models.Model], models.Field]]:
    found = []
    for model in apps.get_models():
        if model._meta.app_label not in PROJECT_APPS or _is_history(model):
            continue
        if model._meta.proxy or not model._meta.managed:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, models.CharField | models.TextField) and not field.choices:
                found.append((model, field))
    return found


FIELDS = text_fields()


def _ids() -> list[str]:
    return [f"{m._meta.label}.{f.name}" for m, f in FIELDS]


def too_long(field: models.Field) -> str:
    """One character over the limit, shaped so that only the length is wrong."""
    return shaped(field, field.max_length + 1)


def shaped(field: models.Field, n: int) -> str:
    """A valid value of the field's kind, n characters long."""
    if isinstance(field, models.EmailField):
        return "a" * (n - len("@contoh.id")) + "@contoh.id"
    if isinstance(field, models.URLField):
        return "https://contoh.id/" + "a" * (n - len("https://contoh.id/"))
    return "a" * n


def _field(label: str) -> models.Field:
    app_model, name = label.rsplit(".", 1)
    return apps.get_model(app_model)._meta.get_field(name)


def _length_constraints(model: type[models.Model]) -> dict[str, tuple[str, int]]:
    """{field name: (constraint name, limit)} of the CHECK (LENGTH(f) <= n) constraints."""
    found = {}
    for constraint in model._meta.constraints:
        condition = getattr(constraint, "condition", None)
        if not isinstance(constraint, models.CheckConstraint) or condition is None:
            continue
        for child in condition.children:
            if isinstance(child, tuple) and child[0].endswith("__length__lte"):
                found[child[0].removesuffix("__length__lte")] = (constraint.name, child[1])
    return found


def test_the_walk_sees_the_fields_of_the_issue() -> None:
    names = set(_ids())
    assert {"performance.Evaluation.umpan_balik", "performance.Realisation.umpan_balik"} <= names
    assert "positions.Placement.sk_number" in names and "positions.Employee.name" in names


@pytest.mark.parametrize(("model", "field"), FIELDS, ids=_ids())
def test_every_free_text_field_declares_a_limit(model: Any, field: Any) -> None:
    assert field.max_length, f"{model._meta.label}.{field.name} has no max_length"
    if isinstance(field, models.TextField):
        checks = _length_constraints(model)
        assert field.name in checks, (
            f"{model._meta.label}.{field.name}: add max_length_check(...) from core.limits to "
            "Meta.constraints (a TextField's max_length alone is not enforced by the database)"
        )
        assert checks[field.name][1] == field.max_length


@pytest.mark.parametrize(("model", "field"), FIELDS, ids=_ids())
def test_the_form_field_refuses_one_character_more(model: Any, field: Any) -> None:
    extra = {"assume_scheme": "https"} if isinstance(field, models.URLField) else {}
    form_field = field.formfield(**extra)
    if form_field is None:  # not editable: written by the portal itself, the DB check holds
        pytest.skip("not editable in any form")  # pragma: no cover
    form_field.required = False
    form_field.clean(shaped(field, min(field.max_length, 30)))  # a short value passes
    with pytest.raises(ValidationError) as refused:
        form_field.clean(too_long(field))
    assert any(TOO_LONG in message for message in refused.value.messages), refused.value


def test_the_migrated_database_has_every_length_check(db: None) -> None:
    missing = []
    with connection.cursor() as cursor:
        for model, field in FIELDS:
            if not isinstance(field, models.TextField):
                continue
            name, _limit = _length_constraints(model)[field.name]
            table = model._meta.db_table
            present = connection.introspection.get_constraints(cursor, table)
            if name not in present:
                missing.append(f"{table}.{name}")
    assert not missing, f"constraints not in the database (makemigrations?): {missing}"


def test_the_database_refuses_one_character_more(world_objects: Objects) -> None:
    from performance.models import BehaviourFeedback, Evaluation

    # The one text model the world has no row of.
    BehaviourFeedback.objects.create(evaluation=Evaluation.objects.first(), value="akuntabel")
    enforced_by_engine = connection.vendor == "postgresql"
    accepted = []
    unexercised: list[str] = []  # models the world has no row of
    exercised = 0
    for model, field in FIELDS:
        if isinstance(field, models.CharField) and not enforced_by_engine:
            continue  # SQLite does not enforce varchar(n): the forms are the guard there
        row = model._base_manager.order_by("pk").values_list("pk", flat=True).first()
        if row is None:
            unexercised.append(f"{model._meta.label}.{field.name}")
            continue
        exercised += 1
        try:
            with transaction.atomic():
                model._base_manager.filter(pk=row).update(**{field.attname: too_long(field)})
        except (IntegrityError, DataError):
            continue
        accepted.append(f"{model._meta.label}.{field.name}")
    assert not accepted, f"the database stored text over the limit in {accepted}"
    # Every TextField (the CHECK constraints) is tried on a real row; CharFields where a row
    # exists (the world has most: SKP, evaluation, realisasi, employees, training, ...).
    untried = [name for name in unexercised if isinstance(_field(name), models.TextField)]
    assert not untried, f"no row to try the database limit of {untried}"
    assert exercised >= (30 if enforced_by_engine else 15)


# --- The project's forms (ModelForms and plain forms) ------------------------------------------


def _project_form_classes() -> list[type[forms.BaseForm]]:
    import importlib
    import pkgutil

    classes = []
    for app in PROJECT_APPS:
        package = importlib.import_module(app)
        for info in pkgutil.iter_modules(package.__path__):
            if not info.name.startswith(("forms", "views", "importing")):
                continue
            module = importlib.import_module(f"{app}.{info.name}")
            for _name, obj in inspect.getmembers(module, inspect.isclass):
                if (
                    issubclass(obj, forms.BaseForm)
                    and obj.__module__ == module.__name__
                    and obj not in classes
                ):
                    classes.append(obj)
    return classes


def test_every_declared_text_field_of_every_form_is_limited() -> None:
    unlimited = []
    classes = _project_form_classes()
    assert len(classes) >= 10
    for form_class in classes:
        for name, field in form_class.base_fields.items():
            if type(field) is not forms.CharField and not isinstance(field, forms.EmailField):
                continue  # choices, numbers, dates, files, slugs of their own
            if field.widget.is_hidden or isinstance(field.widget, forms.PasswordInput):
                continue  # hidden: set by the page; passwords: Django's auth forms
            if not field.max_length:
                unlimited.append(f"{form_class.__module__}.{form_class.__name__}.{name}")
    assert not unlimited, f"free-text form fields without max_length: {unlimited}"


def test_a_one_megabyte_umpan_balik_is_refused_with_a_clear_message(
    client_as,
    manager,
    approved_skp,  # noqa: F811
) -> None:
    ind = indicator_of(approved_skp)
    huge = "Umpan balik panjang. " * 50_000  # ~1 MB
    response = client_as(manager).post(
        url(approved_skp, "tw4"),
        {
            "action": "nilai",
            "version": "0",
            "umpan_balik": huge,
            f"ub-{ind.pk}": huge,
            "perilaku-akuntabel": huge,
            "rating_hasil": "",
            "rating_perilaku": "",
        },
    )
    assert response.status_code == 200  # the form again, with its errors
    page = response.content.decode()
    assert f"paling banyak {FEEDBACK} karakter" in page
    assert huge not in page  # the refused text is not echoed back whole
    from performance.models import BehaviourFeedback, Evaluation, Realisation

    assert not Evaluation.objects.filter(umpan_balik__length__gt=FEEDBACK).exists()
    assert not Realisation.objects.filter(umpan_balik__length__gt=FEEDBACK).exists()
    assert not BehaviourFeedback.objects.filter(umpan_balik__length__gt=FEEDBACK).exists()


def test_long_textareas_carry_maxlength_for_the_counter(
    client_as,
    manager,
    approved_skp,  # noqa: F811
) -> None:
    page = client_as(manager).get(url(approved_skp, "tw4")).content.decode()
    assert f'maxlength="{FEEDBACK}"' in page
