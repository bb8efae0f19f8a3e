"""`{% page_url %}`: the link to another page of a list that pages with its own parameter
(templates/_pagination.html), where `{% querystring %}` would need the parameter's name
written in the template."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def page_url(context: dict[str, Any], number: int, param: str = "page") -> str:
    """`?` and the current query string with `param` set to `number` (escaped on output)."""
    query = context["request"].GET.copy()
    query[param] = str(number)
    return f"?{query.urlencode()}"
