"""Debian's Chromium, driven by Playwright, against pytest-django's live server.

One browser for the whole folder, opened at its first test and closed after its last. Every
page a test opens is watched from its first request to the end of the test; the test fails
if the page logged a console error, threw, broke the Content Security Policy, asked any
other origin for anything, or was handed a cookie.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.page_types import build_search_index

CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium tries to reach outside hosts on its own.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Reports every CSP violation to the test through a binding; Playwright installs init scripts
# through the DevTools protocol, so the page's own CSP does not block this listener.
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__reportCspViolation(
    `${event.effectiveDirective} blocked ${event.blockedURI || "inline"}`
      + ` at ${event.sourceFile}:${event.lineNumber}`
  );
});
"""


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class PageWatch:
    """Everything a page did that the site promises it never does."""

    def __init__(self, site_origin: str):
        self.site_origin = site_origin
        self.console_errors: list[str] = []
        self.csp_violations: list[str] = []
        self.foreign_requests: list[str] = []
        self.responses: list = []
        self.requests: list[str] = []
        self.navigations: set[str] = set()

    def attach(self, page) -> None:
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.console_errors.append(f"uncaught: {error}"))
        page.on("request", self._request)
        page.on("response", self._response)
        page.expose_function("__reportCspViolation", self._csp_violation)
        page.add_init_script(CSP_LISTENER)

    def _console(self, message) -> None:
        url = message.location.get("url")
        # A page that answers 404 on purpose is logged as a failed load; the tests check the
        # status codes of pages themselves. A failed image, style or script still counts.
        if message.type == "error" and not (
            message.text.startswith("Failed to load resource") and url in self.navigations
        ):
            self.console_errors.append(f"{message.text} ({url})")

    def _csp_violation(self, report: str) -> None:
        self.csp_violations.append(report)

    def _request(self, request) -> None:
        self.requests.append(request.url)
        if request.is_navigation_request():
            self.navigations.add(request.url)
        if origin(request.url) != self.site_origin:
            self.foreign_requests.append(request.url)

    def _response(self, response) -> None:
        # Headers are read later, in problems(): reading them here waits on the browser from
        # inside an event handler, and the test could check before the handler had finished.
        self.responses.append(response)

    def cookies_set(self) -> list[str]:
        return [r.url for r in self.responses if r.header_value("set-cookie")]

    def problems(self) -> list[str]:
        return (
            [f"console error: {e}" for e in self.console_errors]
            + [f"CSP violation: {v}" for v in self.csp_violations]
            + [f"request to another origin: {u}" for u in self.foreign_requests]
            + [f"response set a cookie: {u}" for u in self.cookies_set()]
        )


@pytest.fixture(scope="package", autouse=True)
def allow_django_beside_playwright():
    """While Playwright's sync API is open it marks an event loop as running in the main
    thread, and Django then refuses the test database set-up and flush made there. They are
    safe: that loop never runs Django code. Set only for this folder, so that no other test
    or subprocess (manage.py check --deploy rejects it) inherits the variable."""
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="package")
def browser(allow_django_beside_playwright):
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing: install Debian's chromium (bash scripts/system-deps)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def site_url(live_server):
    build_search_index()
    return live_server.url


class Pages:
    """Opens watched pages in fresh browser contexts and checks them all when the test ends."""

    def __init__(self, browser, site_url):
        self.browser = browser
        self.site_url = site_url
        self.opened = []

    def open(self, javascript=True, width=1280, height=800, **options):
        context = self.browser.new_context(
            java_script_enabled=javascript,
            viewport={"width": width, "height": height},
            base_url=self.site_url,
            **options,
        )
        page = context.new_page()
        watch = PageWatch(origin(self.site_url))
        watch.attach(page)
        self.opened.append((page, watch))
        return page

    def watch(self, page) -> PageWatch:
        return next(w for p, w in self.opened if p is page)

    def problems(self) -> list[str]:
        found = []
        for page, watch in self.opened:
            found += watch.problems()
            if page.url.startswith("http") and page.evaluate("document.cookie"):
                found.append(f"document.cookie is not empty on {page.url}")
            found += [f"cookie in the browser: {c['name']}" for c in page.context.cookies()]
        return found

    def close(self) -> None:
        for page, _ in self.opened:
            page.context.close()


@pytest.fixture
def pages(browser, site_url):
    opened = Pages(browser, site_url)
    yield opened
    try:
        problems = opened.problems()
    finally:
        opened.close()
    assert not problems, "\n".join(problems)


@pytest.fixture
def page(pages):
    return pages.open()


@pytest.fixture
def nojs_page(pages):
    return pages.open(javascript=False)
