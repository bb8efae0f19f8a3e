"""A form renderer that writes `<select>` elements in Python instead of through templates.

Django renders every `<option>` by including `django/forms/widgets/select_option.html` and
`attrs.html`. The register filter (unit picker, golongan, education fields: ~250 options)
spent 15 of its 45 ms of CPU there (12,000-employee data). `FastSelectRenderer` produces
the same bytes as Django's `select.html` for that one template and leaves every other
template to `DjangoTemplates`; a widget with its own template (e.g.
`core.widgets.AutocompleteSelect`) is untouched. It is the project's `FORM_RENDERER`, so every
unit picker (kepatuhan JP, DUK, proyeksi kekosongan, kurva …) gets it too.
"""

from __future__ import annotations

import html
from typing import Any

from django.forms.renderers import DjangoTemplates
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, SafeString, mark_safe
from django.utils.timezone import template_localtime  # type: ignore[attr-defined]  # not in the stubs

SELECT_TEMPLATE = "django/forms/widgets/select.html"
OPTION_TEMPLATE = "django/forms/widgets/select_option.html"


def _var(value: Any) -> str:
    """`{{ value }}` with autoescape on (django.template.base.render_value_in_context)."""
    if type(value) is str:  # the common case, as escape() would write it
        return html.escape(value)
    value = localize(template_localtime(value))
    return conditional_escape(value if isinstance(value, str) else str(value))


def _s(value: Any) -> str:
    """`{{ value|stringformat:'s' }}`: str() without localisation; safe input stays safe."""
    if type(value) is str:
        return html.escape(value)
    text = str(value)
    return conditional_escape(mark_safe(text) if isinstance(value, SafeData) else text)  # nosec B308 B703


def _attrs(attrs: dict[str, Any]) -> str:
    """`django/forms/widgets/attrs.html`: False drops the attribute, True leaves it bare."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        if value is True:
            parts.append(f" {_var(name)}")
        else:
            parts.append(f' {_var(name)}="{_s(value)}"')
    return "".join(parts)


def render_select(widget: dict[str, Any]) -> SafeString:
    """The output of `select.html` for a widget context (`Select.get_context()["widget"]`)."""
    out = [f'<select name="{_var(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            out.append(f'\n  <optgroup label="{_var(group_name)}">')
        for option in group_choices:
            out.append("\n  ")
            if option["template_name"] != OPTION_TEMPLATE:  # a custom option template
                raise _Unsupported
            out.append(
                f'<option value="{_s(option["value"])}"{_attrs(option["attrs"])}>'
                f"{_var(option['label'])}</option>\n"
            )
        if group_name:
            out.append("\n  </optgroup>")
    out.append("\n</select>")
    return mark_safe("".join(out))  # nosec B308 B703  # every value above is escaped


class _Unsupported(Exception):
    """A select this module does not write itself: the template renders it."""


class FastSelectRenderer(DjangoTemplates):
    """`DjangoTemplates`, except that `select.html` (Select, SelectMultiple, NullBoolean…)
    is written in Python, byte for byte the same (tests/core/test_form_renderer.py)."""

    def render(self, template_name: str, context: dict[str, Any], request: Any = None) -> str:
        if template_name == SELECT_TEMPLATE:
            try:
                return render_select(context["widget"])
            except _Unsupported:
                pass
        return super().render(template_name, context, request=request)
