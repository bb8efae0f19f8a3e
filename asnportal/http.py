"""The request type of the views behind the login.

`LoginRequiredMiddleware` (settings.MIDDLEWARE) lets only logged-in users reach every view
that is not marked `@login_not_required`, so such a view's `request.user` is a `User`, never
an `AnonymousUser`. Annotating those views with `AuthedRequest` tells mypy the same thing
(the pattern of the django-stubs README). Public views keep `HttpRequest`.
"""

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails

from .models import User


class AuthedRequest(HttpRequest):
    """An `HttpRequest` whose user is logged in (LoginRequiredMiddleware), with the
    `request.htmx` that `HtmxMiddleware` sets on every request."""

    user: User
    htmx: HtmxDetails
