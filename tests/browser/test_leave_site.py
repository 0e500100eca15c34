"""'Leave this site' replaces the current history entry, so Back does not return to the page."""

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def leave_url(settings, site_url):
    # An HTML page on the live server stands in for the neutral outside site (a text file such
    # as robots.txt would make Chromium ask for /favicon.ico and log a 404).
    settings.LEAVE_SITE_URL = f"{site_url}/about/"
    return settings.LEAVE_SITE_URL


def visit_then_leave(page, leave_url):
    page.goto("/")
    page.goto("/glossary/")
    page.click("#leave-site")
    page.wait_for_url(leave_url)
    page.go_back()
    return page.url


def test_leaving_with_javascript_skips_the_page_on_back(page, site_url, leave_url):
    assert visit_then_leave(page, leave_url) == f"{site_url}/"


def test_leaving_without_javascript_is_a_plain_link(nojs_page, site_url, leave_url):
    assert visit_then_leave(nojs_page, leave_url) == f"{site_url}/glossary/"


def test_leave_link_on_a_handout_also_replaces_history(page, site_url, leave_url):
    page.goto("/")
    page.goto("/charges/online-enticement/handout/")
    page.click("#leave-site")
    page.wait_for_url(leave_url)
    page.go_back()
    assert page.url == f"{site_url}/"
