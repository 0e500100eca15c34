"""Finished article pages, kept in each process's memory.

Content is read once per process and does not change while it runs, so an article's answer
depends only on its address, the state a reader picked (?state=), today's date (the review
notice) and the settings. PageCacheMiddleware sits first in MIDDLEWARE: the first answer
goes through every middleware as usual, and later ones are the same bytes and headers,
which lets a worker serve an article almost as fast as a static file (docs/benchmarks.md).

Nothing about a reader is kept. The key is the scheme, the host (already checked against
ALLOWED_HOSTS), the path and a known state code; any other query string skips the cache,
and the number of pages is capped, so no request can make it grow without bound. A page
that set a cookie or used a CSP nonce is never kept.
"""

import functools
import threading
from collections import OrderedDict

from django.conf import settings
from django.core.signals import setting_changed
from django.http import HttpResponse
from django.utils import timezone

from .content import get_site

MAX_PAGES = 300

_lock = threading.Lock()
_pages: OrderedDict = OrderedDict()
_site = None  # the loaded content the pages were rendered from


def clear(**kwargs) -> None:
    global _site
    with _lock:
        _pages.clear()
        _site = None


# Tests change settings (the "Leave this site" address, say); pages rendered before are stale.
setting_changed.connect(clear)


def cacheable(view):
    """Mark a view's answers as the same for every reader, so the middleware may keep them."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.same_for_every_reader = True
        return response

    return wrapper


def page_key(request):
    """What an answer can depend on, for a plain GET or HEAD; None when it is not kept."""
    params = request.GET
    if request.method not in ("GET", "HEAD") or len(params) > 1 \
            or request.path.startswith(settings.STATIC_URL):  # whitenoise's, already fast
        return None
    state = ""
    if params:
        values = params.getlist("state")
        if len(values) != 1 or values[0] not in get_site().states:
            return None
        state = values[0]
    return (request.scheme, request.get_host(), request.path, state,
            bool(request.headers.get("HX-Request")), timezone.localdate())


def keep(response, request) -> bool:
    return (
        getattr(response, "same_for_every_reader", False)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "Set-Cookie" not in response
        and getattr(request, "_csp_nonce", None) is None
    )


def _lookup(key):
    global _site
    site = get_site()
    with _lock:
        if _site is not site:  # the content was loaded again (tests do this): start over
            _pages.clear()
            _site = site
        found = _pages.get(key)
        if found is not None:
            _pages.move_to_end(key)
        return found


def _store(key, page) -> None:
    with _lock:
        _pages[key] = page
        while len(_pages) > MAX_PAGES:
            _pages.popitem(last=False)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = page_key(request)
        if key is None:
            return self.get_response(request)
        found = _lookup(key)
        if found is not None:
            content, headers = found
            return HttpResponse(content, headers=headers)
        response = self.get_response(request)
        if keep(response, request):
            _store(key, (response.content, dict(response.headers)))
        return response
