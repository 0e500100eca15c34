"""In the browser, a visit stays between the reader and this site.

Every test in this folder already fails on a request to another origin, a cookie or a CSP
violation (see conftest.py). These tests make that hold on every kind of page, and show
that the watch itself notices each of those things.
"""

import pytest

from tests.browser.conftest import origin
from tests.page_types import page_kinds, path_for

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("kind", page_kinds())
def test_page_loads_everything_from_this_site_only(pages, site_url, kind):
    path = path_for(kind)
    page = pages.open()
    page.goto(path)
    page.wait_for_load_state("networkidle")
    requested = pages.watch(page).requests
    assert any(url.endswith(".css") for url in requested), "the stylesheet was not loaded"
    assert {origin(url) for url in requested} == {origin(site_url)}
    assert page.evaluate("document.cookie") == ""
    assert page.context.cookies() == []


def test_watch_notices_a_request_to_another_origin(pages):
    page = pages.open()
    page.goto("/")
    page.route("http://127.0.0.2:9/**", lambda route: route.fulfill(body="elsewhere"))
    page.goto("http://127.0.0.2:9/tracker")
    assert pages.problems() == ["request to another origin: http://127.0.0.2:9/tracker"]
    pages.watch(page).foreign_requests.clear()


def test_watch_notices_a_csp_violation(pages):
    page = pages.open()
    page.goto("/")
    page.evaluate("document.head.insertAdjacentHTML('beforeend', '<style>body{}</style>')")
    page.wait_for_function("document.readyState === 'complete'")
    problems = pages.problems()
    assert any(p.startswith("CSP violation: style-src-elem blocked inline") for p in problems)
    watch = pages.watch(page)
    watch.csp_violations.clear()
    watch.console_errors.clear()


@pytest.mark.urls("tests.browser.cookie_urls")
def test_watch_notices_a_cookie(pages):
    page = pages.open()
    page.goto("/set-a-cookie/")
    problems = pages.problems()
    assert f"response set a cookie: {page.url}" in problems
    assert f"document.cookie is not empty on {page.url}" in problems
    assert "cookie in the browser: tracked" in problems
    pages.close()
    pages.opened.clear()


def test_watch_notices_a_console_error(pages):
    page = pages.open()
    page.goto("/")
    page.evaluate("console.error('something broke')")
    assert any("something broke" in p for p in pages.problems())
    pages.watch(page).console_errors.clear()
