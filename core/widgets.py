"""A searchable <select> for long lists (826 posts, thousands of employees), with htmx.

The page renders a native <select> holding the chosen option and the first few choices, and a
search box above it. Typing asks `url` (GET, parameter `q`) for matching <option>s, which htmx
swaps into the select, and announces the count in a live region. Without JavaScript the select
still works with the options it has. The form field keeps validating against its full
queryset, so a value the list did not show is still checked for scope on POST.
"""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.functional import Promise
from django.utils.html import format_html, format_html_join

SEARCH_LIMIT = 50


class AutocompleteSelect(forms.Select):
    template_name = "core/widgets/autocomplete_select.html"

    def __init__(
        self,
        url: str | Promise,  # reverse_lazy() in a form class body
        *,
        placeholder: str = "Ketik untuk mencari",
        limit: int = SEARCH_LIMIT,
        attrs: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(attrs={"class": "form-select", **(attrs or {})})
        self.url = url
        self.placeholder = placeholder
        self.limit = limit

    def optgroups(self, name: str, value: list[Any], attrs: dict[str, Any] | None = None) -> Any:
        """Only the chosen option plus the first `limit` choices, not the whole queryset."""
        iterator = self.choices
        queryset = getattr(iterator, "queryset", None)
        if queryset is None:
            return super().optgroups(name, value, attrs)
        chosen = [v for v in value if str(v).isdecimal() and len(str(v)) < 12]
        rows = list(queryset.filter(pk__in=chosen)) if chosen else []
        rows += list(queryset.exclude(pk__in=chosen)[: self.limit])
        full_choices = self.choices
        # A choices iterable with a queryset is a ModelChoiceField's ModelChoiceIterator.
        model_choices = cast(forms.models.ModelChoiceIterator, iterator)
        self.choices = [("", model_choices.field.empty_label or "---------")] + [
            model_choices.choice(obj) for obj in rows
        ]
        try:
            return super().optgroups(name, value, attrs)
        finally:
            self.choices = full_choices

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        context["widget"].update(url=str(self.url), placeholder=self.placeholder)
        return context


def render_options(rows: list[tuple[Any, str]], *, field_id: str, limit: int = SEARCH_LIMIT) -> str:
    """The <option>s (escaped) an autocomplete endpoint returns, with an empty first choice
    that says how many matched (so typing never silently changes the selection), and the
    count for the live region next to the select (an htmx out-of-band swap).
    Pass at most `limit + 1` rows: one more than shown tells that there are more."""
    shown = rows[:limit]
    count = f"{len(shown)}+" if len(rows) > limit else str(len(shown))
    if shown:
        head = format_html('<option value="">Pilih dari {} hasil</option>', count)
        status = f"{count} hasil ditemukan."
    else:
        head = format_html('<option value="">Tidak ada yang cocok</option>')
        status = "Tidak ada yang cocok."
    options = format_html_join("", '<option value="{}">{}</option>', shown)
    live = format_html(
        '<div id="{}_status" class="visually-hidden" role="status" hx-swap-oob="true">{}</div>',
        field_id,
        status,
    )
    return head + options + live
