"""What a reader does, in a real browser, with JavaScript on and off."""

import re

import pytest
from playwright.sync_api import expect

from explainer.content import get_site
from tests.page_types import NOT_FOUND, SEARCH_QUERY, charge_article

pytestmark = pytest.mark.browser


def first_state():
    return next(iter(get_site().states.values()))


def test_reader_goes_from_home_to_a_charge_to_a_defense_attorney(page):
    article = charge_article()
    page.goto("/")
    page.locator(f'main a[href="{article.url}"]').first.click()
    page.wait_for_url(f"**{article.url}")
    assert page.locator("h1").inner_text() == article.title
    page.locator(".attorney-box a.button").click()
    page.wait_for_url("**/find-a-defense-attorney/")
    assert "defense attorney" in page.locator("h1").inner_text().lower()


def test_search_shows_live_results_while_typing(page):
    page.goto("/search/")
    page.evaluate("window.__sameDocument = true")
    page.locator("main input[name=q]").first.press_sequentially(SEARCH_QUERY, delay=20)
    page.locator(f'main a[href="{charge_article().url}"]').first.wait_for()
    # The results came in without a page load: the marker set before typing is still there.
    assert page.evaluate("window.__sameDocument") is True


def test_search_without_javascript_submits_the_form(nojs_page):
    nojs_page.goto("/search/")
    box = nojs_page.locator("main input[name=q]").first
    box.fill(SEARCH_QUERY)
    box.press("Enter")
    nojs_page.wait_for_url(re.compile(rf"/search/\?(.*&)?q={SEARCH_QUERY}"))
    assert nojs_page.locator(f'main a[href="{charge_article().url}"]').count() >= 1


def test_glossary_term_opens_its_definition_in_place(page):
    article = charge_article()
    page.goto(article.url)
    term = page.locator(".article-body a.term").first
    term.click()
    definition = page.locator(".article-body a.term + .term-definition").first
    expect(definition).to_be_visible()
    assert term.get_attribute("aria-expanded") == "true"
    assert page.url.endswith(article.url)


def test_glossary_term_without_javascript_opens_the_glossary_on_it(nojs_page):
    nojs_page.goto(charge_article().url)
    term = nojs_page.locator(".article-body a.term").first
    slug = term.get_attribute("href").split("#", 1)[1]
    term.click()
    nojs_page.wait_for_url(f"**/glossary/#{slug}")
    entry = nojs_page.locator(f"#{slug}")
    assert entry.evaluate("el => el.matches(':target')")
    expect(entry.locator("dd")).to_be_in_viewport()


def test_state_picker_swaps_the_attorney_box_in_place(page):
    state = first_state()
    article = charge_article()
    page.goto(article.url)
    page.evaluate("window.__sameDocument = true")
    box = page.locator(".attorney-box")
    box.locator("select[name=state]").select_option(state.slug)
    box.locator("button[type=submit]").click()
    page.locator(".attorney-box .state-help").wait_for()
    assert f"Help in {state.name}" in page.locator(".attorney-box").inner_text()
    assert page.evaluate("window.__sameDocument") is True
    assert page.url.endswith(f"{article.url}?state={state.slug}")


def test_state_picker_without_javascript_reloads_with_the_state(nojs_page):
    state = first_state()
    article = charge_article()
    nojs_page.goto(article.url)
    box = nojs_page.locator(".attorney-box")
    box.locator("select[name=state]").select_option(state.slug)
    box.locator("button[type=submit]").click()
    # The reloaded page opens at the box, not at its top, so the reader sees the answer.
    nojs_page.wait_for_url(f"**{article.url}?state={state.slug}#attorney-box-title")
    assert f"Help in {state.name}" in nojs_page.locator(".attorney-box").inner_text()
    expect(nojs_page.locator(".attorney-box .state-help")).to_be_in_viewport()


def test_unknown_address_shows_the_404_page_with_ways_on(page):
    response = page.goto(NOT_FOUND)
    assert response.status == 404
    assert "could not find" in page.locator("h1").inner_text()
    assert page.locator('main a[href="/find-a-defense-attorney/"]').count() == 1
