"""HTTP caching of the pages that are the same for every reader, and the page cache behind it.

Content is read once per process and changes only on deploy, so a page's answer depends only
on its address, the state a reader picked (?state=), today's date (the review notice), whether
htmx asked for it, and the settings. Views mark such answers with @cacheable, and
PageCacheMiddleware, first in MIDDLEWARE, does two things with them:

- HTTP: it sends Cache-Control that lets browsers and shared caches (nginx, a CDN) keep the
  page for a while, and a strong ETag (the content build, then a hash of the exact bytes), and
  answers a matching If-None-Match with 304. Answers to htmx requests are no-store instead:
  a partial must never be kept where a plain visit could be given it. Any other answer (search
  results, errors, redirects) keeps whatever headers its view set.
- Memory: it keeps the finished answer (bytes and headers, after every other middleware ran
  once) in Django's cache "pages" (this process's memory, or Redis shared by several app
  machines, see settings.CACHES), so the next reader gets it almost as fast as a static file.

Nothing about a reader is kept. The key is made of the scheme, the host (already checked
against ALLOWED_HOSTS), the path, a known state code, the htmx flag and the date; any other
query string skips the cache; the cache is bounded (entries and page size); and a page that
set a cookie or used a CSP nonce is never kept. Keys carry the content build, so a shared
cache never hands out a page of other content.
"""

import functools
import hashlib

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.signals import setting_changed
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response

from .content import get_site

ALIAS = "pages"
MAX_PAGE_BYTES = 1_000_000  # a bigger answer is served but not kept

_loaded = None  # the loaded content this process's kept pages were rendered from


def clear(**kwargs) -> None:
    global _loaded
    caches[ALIAS].clear()
    _loaded = None


# Tests change settings (the "Leave this site" address, say); pages rendered before are stale.
setting_changed.connect(clear)


def cacheable(view):
    """Mark a view's answers as the same for every reader: cacheable anywhere, and kept."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.same_for_every_reader = True
        return response

    return wrapper


def cache_control(request) -> str:
    if request.headers.get("HX-Request"):
        return "no-store"
    return (
        f"public, max-age={settings.PAGE_MAX_AGE}, "
        f"stale-while-revalidate={settings.PAGE_STALE_SECONDS}, stale-if-error=86400"
    )


def page_key(request):
    """What an answer can depend on, for a plain GET or HEAD; None when it is not kept."""
    params = request.GET
    if (
        request.method not in ("GET", "HEAD")
        or len(params) > 1
        or request.path.startswith(settings.STATIC_URL)
    ):  # whitenoise's, already fast
        return None
    site = get_site()
    state = ""
    if params:
        values = params.getlist("state")
        if len(values) != 1 or values[0] not in site.states:
            return None
        state = values[0]
    parts = (
        request.scheme,
        request.get_host(),
        request.path,
        state,
        bool(request.headers.get("HX-Request")),
        timezone.localdate().isoformat(),
    )
    return f"{site.fingerprint[:16]}:{hashlib.sha256(repr(parts).encode()).hexdigest()[:32]}"


def shareable(response, request) -> bool:
    return (
        getattr(response, "same_for_every_reader", False)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "Set-Cookie" not in response
        and getattr(request, "_csp_nonce", None) is None
    )


def add_validators(response, request) -> None:
    response["Cache-Control"] = cache_control(request)
    digest = hashlib.sha256(response.content).hexdigest()[:24]
    response["ETag"] = f'"{get_site().fingerprint[:12]}-{digest}"'


def answer(request, response):
    """The response, or 304 Not Modified when the reader's copy is this one."""
    return get_conditional_response(request, etag=response["ETag"], response=response)


def _pages():
    """The page cache; emptied first when this process loaded the content again (tests)."""
    global _loaded
    store = caches[ALIAS]
    site = get_site()
    if _loaded is not site:
        # Kept pages of a process-local cache may be of other settings; a shared cache is
        # keyed by the content build and left alone, since other machines use it.
        if isinstance(store, LocMemCache) and _loaded is not None:
            store.clear()
        _loaded = site
    return store


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = page_key(request)
        if key is not None:
            found = _pages().get(key)
            if found is not None:
                content, headers = found
                return answer(request, HttpResponse(content, headers=headers))
        response = self.get_response(request)
        if not shareable(response, request):
            return response
        add_validators(response, request)
        if key is not None and len(response.content) <= MAX_PAGE_BYTES:
            _pages().set(key, (response.content, dict(response.headers)))
        return answer(request, response)
