"""core.form_renderer.FastSelectRenderer writes exactly what Django's select templates do."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe

from core.form_renderer import FastSelectRenderer

CHOICES: list[Any] = [
    ("", "Semua unit"),
    (1, "Dinas <Pendidikan> & \"Kebudayaan\" 'x'"),
    (2, "\u2003Bidang SMA"),
    ("a&b", mark_safe("<b>aman</b>")),
    (1234567, 7654321),
    (dt.date(2026, 1, 2), dt.date(2026, 1, 2)),
]
GROUPED: list[Any] = [
    ("", "---------"),
    ("Golongan <III>", [("31", "III/a"), ("32", "III/b")]),
    ("Golongan IV", [("41", "IV/a")]),
]


class Sample(forms.Form):
    plain = forms.ChoiceField(choices=CHOICES, required=False)
    grouped = forms.ChoiceField(choices=GROUPED, required=True)
    many = forms.MultipleChoiceField(choices=GROUPED, required=False)
    flag = forms.NullBooleanField(required=False)
    disabled = forms.ChoiceField(choices=CHOICES, disabled=True, required=False)
    styled = forms.ChoiceField(
        choices=CHOICES,
        widget=forms.Select(attrs={"class": "form-select", "data-x": '"q"', "autofocus": True}),
    )
    empty = forms.ChoiceField(choices=[], required=False)


def both(data: dict[str, Any] | None) -> tuple[list[str], list[str]]:
    slow = Sample(data, renderer=DjangoTemplates())
    fast = Sample(data, renderer=FastSelectRenderer())
    if data is not None:
        slow.is_valid()
        fast.is_valid()
    return [str(f) for f in slow], [str(f) for f in fast]


@pytest.mark.parametrize(
    "data",
    [
        None,
        {},
        {"plain": "1", "grouped": "32", "many": ["31", "41"], "flag": "true", "styled": "a&b"},
        {"plain": "<script>", "grouped": "nope", "flag": "false", "styled": "1234567"},
    ],
)
def test_same_html_as_django_templates(data: dict[str, Any] | None) -> None:
    slow, fast = both(data)
    assert fast == slow


def test_other_widgets_still_use_templates() -> None:
    class Other(forms.Form):
        name = forms.CharField()
        pick = forms.ChoiceField(choices=CHOICES, widget=forms.RadioSelect)

    slow = Other(renderer=DjangoTemplates())
    fast = Other(renderer=FastSelectRenderer())
    assert [str(f) for f in fast] == [str(f) for f in slow]
    assert str(fast) == str(slow)


def test_select_is_written_without_the_template(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_template(*args: Any, **kwargs: Any) -> str:
        raise AssertionError("template used")

    monkeypatch.setattr(DjangoTemplates, "render", no_template)
    html = str(Sample(renderer=FastSelectRenderer())["grouped"])
    assert html.count("<option") == 4
    assert '<optgroup label="Golongan &lt;III&gt;">' in html


def test_every_form_of_the_project_writes_its_selects_in_python(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """FORM_RENDERER: a form built without a renderer (as every view builds them) gets the
    fast one, so a unit picker on any page renders no option template."""

    def no_template(*args: Any, **kwargs: Any) -> str:
        raise AssertionError("select.html was rendered through the template")

    monkeypatch.setattr(DjangoTemplates, "render", no_template)
    form = Sample()
    assert isinstance(form.renderer, FastSelectRenderer)
    assert str(form["plain"]).count("<option") == len(CHOICES)
