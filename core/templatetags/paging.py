"""`{% page_url %}`: the link to another page of a list that pages with its own parameter
(templates/_pagination.html), where `{% querystring %}` would need the parameter's name
written in the template."""

from __future__ import annotations

from django import template
from django.template.context import RequestContext

register = template.Library()


@register.simple_tag(takes_context=True)
def page_url(context: RequestContext, number: int, param: str = "page") -> str:
    """`?` and the current query string with `param` set to `number` (escaped on output).
    The request is read as `{% querystring %}` reads it: from the RequestContext."""
    query = context.request.GET.copy()
    query[param] = str(number)
    return f"?{query.urlencode()}"
