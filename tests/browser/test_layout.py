"""Pages fit a small phone and print as plain content with their link targets."""

import pytest

from tests.page_types import charge_article, page_kinds, path_for

pytestmark = pytest.mark.browser

# Each link that print styles should follow with its address, and what the print shows after it.
PRINTED_LINK_TARGETS = """() => [...document.querySelectorAll(
    '.article-body a[href^="http"], .article-body a[href^="/"], .sources a[href^="http"]')]
  .map((a) => ({href: a.getAttribute('href'), after: getComputedStyle(a, '::after').content}))"""


@pytest.mark.parametrize("kind", page_kinds())
def test_nothing_scrolls_sideways_on_a_320_pixel_screen(pages, kind):
    path = path_for(kind)
    page = pages.open(width=320, height=640)
    page.goto(path)
    widths = page.evaluate(
        "({scroll: document.documentElement.scrollWidth,"
        " client: document.documentElement.clientWidth})"
    )
    assert widths["scroll"] <= widths["client"], f"{kind} ({path}) is wider than the screen"


def test_printed_article_has_no_navigation(page):
    page.goto(charge_article().url)
    page.emulate_media(media="print")
    for chrome in (".site-header", ".site-nav", ".skip-link", ".breadcrumb"):
        assert not page.locator(chrome).is_visible(), f"{chrome} is printed"


def test_printed_article_keeps_its_content(page):
    article = charge_article()
    page.goto(article.url)
    page.emulate_media(media="print")
    assert page.locator("h1").inner_text() == article.title
    assert page.locator(".article-body").is_visible()
    assert page.locator("main .disclaimer").is_visible()
    assert page.locator(".attorney-box").is_visible()


def test_printed_article_shows_where_each_link_goes(page):
    page.goto(charge_article().url)
    page.emulate_media(media="print")
    links = page.evaluate(PRINTED_LINK_TARGETS)
    assert links, "the article has no links to check"
    for link in links:
        assert link["href"] in link["after"], f"{link['href']} prints without its address"
