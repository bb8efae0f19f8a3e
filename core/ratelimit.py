"""Rate limiting for public and expensive endpoints: a fixed-window counter in Django's cache
(Redis in production, local memory by default), keyed per user when logged in and per client
IP otherwise. Limits live in settings.RATE_LIMITS as {scope: (requests, window seconds)}.

    @ratelimit("verify")                       # every method
    @ratelimit("import", methods=("POST",))    # only the expensive part of a page

Over the limit the view is not called: the 429 page says when to try again, with Retry-After.
"""

from __future__ import annotations

import functools
import logging
import math
import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

if TYPE_CHECKING:
    from django.http import HttpRequest, HttpResponse

KEY_PREFIX = "rl"
log = logging.getLogger(__name__)


def now() -> float:
    """The clock of the windows (a function so tests can move time forward)."""
    return time.time()


def client_ip(request: HttpRequest) -> str:
    """The client address: REMOTE_ADDR, unless TRUSTED_PROXY_COUNT says that many reverse
    proxies append to X-Forwarded-For; then the Nth address from the right (anything left of
    it is written by the client and could be forged to dodge the limit). Same rule as the
    login throttling (AXES_CLIENT_IP_CALLABLE in settings)."""
    trusted = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0))
    meta = request.META
    if trusted:
        forwarded = [ip.strip() for ip in meta.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [ip for ip in forwarded if ip]
        if len(forwarded) >= trusted:
            return forwarded[-trusted]
    return meta.get("REMOTE_ADDR") or "unknown"


def limit_for(scope: str) -> tuple[int, int]:
    requests, window = settings.RATE_LIMITS[scope]
    return int(requests), int(window)


def _identity(request: HttpRequest) -> str:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"u{user.pk}"
    return f"ip{client_ip(request)}"


def hit(scope: str, request: HttpRequest) -> int:
    """Count one request of `scope` for this client. Returns 0 when allowed, otherwise the
    seconds until the current window ends (the Retry-After)."""
    if not getattr(settings, "RATELIMIT_ENABLED", True):
        return 0
    limit, window = limit_for(scope)
    moment = now()
    slot = int(moment // window)
    key = f"{KEY_PREFIX}:{scope}:{_identity(request)}:{slot}"
    # add() is a no-op when the key exists, so concurrent first requests do not reset it;
    # the key outlives its window by a little so a slow request still finds it.
    try:
        cache.add(key, 0, timeout=window + 5)
        try:
            count = cache.incr(key)
        except ValueError:  # evicted between add and incr: start again
            cache.set(key, 1, timeout=window + 5)
            count = 1
    except Exception:  # any cache outage (Redis restarting): fail open
        # A limit that cannot be counted must not take the page down with it; the login
        # throttling (database) and the views' own checks still hold.
        log.warning("rate limit %s not counted: cache unavailable", scope, exc_info=True)
        return 0
    if count <= limit:
        return 0
    return max(1, math.ceil((slot + 1) * window - moment))


def too_many_requests(request: HttpRequest, retry_after: int) -> HttpResponse:
    response = render(request, "429.html", {"retry_after": retry_after}, status=429)
    response["Retry-After"] = str(retry_after)
    return response


def ratelimit(
    scope: str, methods: Iterable[str] | None = None
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Decorate a view so that more than settings.RATE_LIMITS[scope] requests per window
    from one client answer 429. `methods` limits the counting to those HTTP methods."""
    counted = {m.upper() for m in methods} if methods else None

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @functools.wraps(view)
        def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
            if counted is None or request.method in counted:
                retry_after = hit(scope, request)
                if retry_after:
                    return too_many_requests(request, retry_after)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
