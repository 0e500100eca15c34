"""Issue 14: help first, on a phone, in a panic. Each test reads the page as a reader does on a
390 px phone (or a desktop where the fix is about the desktop), in Debian's Chromium."""

import re

import pytest
from playwright.sync_api import expect

from explainer.content import get_site

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
CHECKLIST = "/process/first-48-hours/"

# Where an element sits against the window: the test checks it is inside.
RECT = (
    "e => { const r = e.getBoundingClientRect(); return {top: r.top, bottom: r.bottom,"
    " left: r.left, right: r.right, width: r.width, height: r.height}; }"
)


def phone(pages, javascript=True):
    return pages.open(
        javascript=javascript,
        width=PHONE["width"],
        height=PHONE["height"],
        has_touch=True,
        is_mobile=True,
    )


def charge_articles():
    return [a for a in get_site().section_articles("charges") if a.card_html]


# Live search and the browser history


def test_typing_a_search_slowly_adds_no_history_entries(pages):
    page = phone(pages)
    page.goto("/search/")
    before = page.evaluate("history.length")
    box = page.locator("main input[name=q]")
    for word in ("fbi", " took", " my", " phone"):
        box.press_sequentially(word, delay=30)
        # Longer than the 300 ms pause after which live search asks for results.
        page.wait_for_timeout(700)
    expect(page).to_have_url(re.compile(r"/search/\?q=fbi(\+|%20)took(\+|%20)my(\+|%20)phone$"))
    assert page.evaluate("history.length") == before, "each pause in typing added an entry"
    box.press("Enter")
    page.wait_for_timeout(700)
    assert page.evaluate("history.length") <= before + 1, "a submit added more than one entry"


def test_search_page_says_the_words_stay_in_the_address_bar_and_history(pages):
    page = phone(pages)
    page.goto("/search/")
    note = page.locator(".search-privacy")
    expect(note).to_contain_text("address bar")
    expect(note).to_contain_text("history")
    expect(note).to_be_in_viewport()


def test_search_page_on_a_phone_shows_one_search_box(pages):
    page = phone(pages)
    page.goto("/search/")
    visible = page.locator("input[name=q]").evaluate_all(
        "boxes => boxes.filter(b => b.getClientRects().length).length"
    )
    assert visible == 1


def test_search_highlights_words_only_in_snippets(pages, site_url):
    page = phone(pages)
    page.goto("/search/?q=enticement")
    assert page.locator(".hit-passage mark").count() > 0, "no snippet is highlighted"
    assert page.locator(".hit-title mark").count() == 0


def test_search_result_titles_are_unique(pages):
    page = phone(pages)
    page.goto("/search/?q=my+son+was+arrested+family")
    titles = page.locator(".hit-title").all_inner_texts()
    assert titles, "no results"
    assert len(titles) == len(set(titles)), titles


# What to do now, first


def test_facing_a_charge_reaches_the_checklist_in_one_tap_anywhere_on_its_card(pages):
    page = phone(pages)
    page.goto("/")
    card = page.locator(".paths li").first
    expect(card).to_contain_text("I am facing a charge")
    # A tap on the card's description, not its title link: the whole card is the target.
    box = card.locator("span").evaluate(RECT)
    page.touchscreen.tap(box["left"] + box["width"] / 2, box["top"] + box["height"] / 2)
    page.wait_for_url(f"**{CHECKLIST}")
    expect(page.locator("h1")).to_have_text(get_site().article("process", "first-48-hours").title)


@pytest.mark.parametrize(
    "path",
    [a.url for a in get_site().section_articles("charges")]
    + ["/process/what-not-to-do/", "/find-a-defense-attorney/"],
)
def test_charge_and_help_pages_link_the_checklist_near_the_top(pages, path):
    page = phone(pages)
    page.goto(path)
    link = page.locator(f'.act-now a[href="{CHECKLIST}"]')
    expect(link).to_be_visible()
    # Within the first two phone screens, before the page's long content.
    assert link.evaluate(RECT)["top"] < 2 * PHONE["height"]


def test_checklist_page_opens_on_its_content_with_review_dates_at_the_foot(pages):
    page = phone(pages)
    page.goto(CHECKLIST)
    # The contents box is closed on a phone, so the first checklist heading is near the top.
    expect(page.locator("details.contents")).not_to_have_attribute("open", "")
    first_heading = page.locator(".article-body h2").first
    assert first_heading.evaluate(RECT)["top"] < 2 * PHONE["height"]
    review_after_body = page.evaluate(
        "document.querySelector('.article-body').compareDocumentPosition("
        "document.querySelector('.review')) & Node.DOCUMENT_POSITION_FOLLOWING"
    )
    assert review_after_body, "review dates still come before the article"


def test_contents_are_open_on_a_desktop(page):
    page.goto(CHECKLIST)
    expect(page.locator("details.contents")).to_have_attribute("open", "")


def test_crisis_page_has_call_and_text_buttons_for_988_and_911_on_the_first_screen(pages):
    page = phone(pages)
    page.goto("/help/crisis-support/")
    for href in ("tel:988", "sms:988", "tel:911"):
        button = page.locator(f'.call-buttons a[href="{href}"]')
        expect(button).to_be_in_viewport(ratio=1)
        box = button.evaluate(RECT)
        assert box["height"] >= 44 and box["width"] >= 120, f"{href} is not a large button"


def test_footer_988_is_a_phone_link(pages):
    page = phone(pages)
    page.goto("/")
    expect(page.locator('.site-footer a[href="tel:988"]')).to_have_count(1)
    expect(page.locator('.site-footer a[href="sms:988"]')).to_have_count(1)


# Penalty cards and citations


@pytest.mark.parametrize("article", charge_articles(), ids=lambda a: a.slug)
def test_every_penalty_cell_is_on_a_390_pixel_screen(pages, article):
    page = phone(pages)
    page.goto(article.url)
    cells = page.locator(".penalty-card table th, .penalty-card table td")
    assert cells.count() > 0
    for box in cells.evaluate_all(f"cells => cells.map({RECT})"):
        if box["width"] == 0:  # the visually hidden column headings
            continue
        assert box["left"] >= 0 and box["right"] <= PHONE["width"], box
    labels = page.locator(".penalty-card td[data-label]").evaluate_all(
        "cells => cells.map(c => getComputedStyle(c, '::before').content)"
    )
    assert any("Mandatory minimum" in label for label in labels)
    assert any("Prison range" in label for label in labels)


def test_citation_numbers_are_24_pixel_targets_with_a_way_back(pages):
    page = phone(pages)
    article = charge_articles()[0]
    page.goto(article.url)
    marks = page.locator("sup.cite a")
    assert marks.count() > 0
    # One link per claim, never a cluster of separate tiny numbers.
    assert page.locator("sup.cite").count() == marks.count()
    for box in marks.evaluate_all(f"links => links.map({RECT})"):
        assert box["width"] >= 24 and box["height"] >= 24, box
    mark = page.locator(".article-body sup.cite a").first
    mark.scroll_into_view_if_needed()
    mark.click()
    target = mark.get_attribute("href")
    back = page.locator(f"{target} .back-to-text")
    expect(back).to_be_visible()
    back.click()
    expect(mark).to_be_in_viewport()


# Leave this site


def test_exit_control_is_on_screen_mid_article_and_unlike_the_main_button(pages):
    page = phone(pages)
    page.goto(CHECKLIST)
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight / 2)")
    exit_button = page.locator("#leave-site")
    expect(exit_button).to_be_in_viewport(ratio=1)
    background = exit_button.evaluate("e => getComputedStyle(e).backgroundColor")
    main_button = page.locator(".attorney-box a.button").evaluate(
        "e => getComputedStyle(e).backgroundColor"
    )
    assert background != main_button


def test_exit_control_floats_without_javascript_too(pages):
    page = phone(pages, javascript=False)
    page.goto(CHECKLIST)
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight / 2)")
    expect(page.locator("#leave-site")).to_be_in_viewport(ratio=1)


def test_privacy_page_documents_the_shortcut_and_private_window_first(pages):
    page = phone(pages)
    page.goto("/privacy/")
    steps = page.locator(".article-body ul").filter(has_text="private window").first
    items = steps.locator("li").all_inner_texts()
    assert items[0].startswith("Use a private window first")
    assert any("Do not delete anything that may be evidence" in item for item in items)
    expect(page.locator(".article-body")).to_contain_text("press Shift and Escape together")


# Families


def test_families_pages_have_unique_titles_a_timeline_and_a_box_for_relatives(pages):
    page = phone(pages)
    titles = set()
    for path in ("/families/", "/process/for-families/"):
        page.goto(path)
        titles.add(page.title())
        expect(page.locator(".timeline li")).to_have_count(4)
        expect(page.locator(".attorney-box")).to_contain_text("Your loved one can ask the court")
    assert len(titles) == 2, titles
    page.goto("/")
    expect(page.locator(".paths")).to_contain_text("Someone in my family is facing a charge")


# Printed sheets


def test_handout_names_the_public_address_and_has_room_to_write(pages, settings):
    settings.PUBLIC_URL = "https://explainer.example.org"
    page = pages.open()
    article = charge_articles()[0]
    page.goto(article.handout_url)
    page.emulate_media(media="print")
    expect(page.locator(".printed-from .url")).to_have_text(
        f"https://explainer.example.org{article.url}"
    )
    # The site's own links (the disclaimer, crisis support, the state pages) print their address.
    own_links = page.locator('main a[href^="/"]:not([href*="#"])')
    assert own_links.count() >= 3
    for href, after in own_links.evaluate_all(
        "links => links.map(a => [a.getAttribute('href'), getComputedStyle(a, '::after').content])"
    ):
        assert f"explainer.example.org{href}" in after, (href, after)
    expect(page.locator("#ask-title")).to_be_visible()
    expect(page.locator(".fill-in")).to_contain_text("court date")
    expect(page.locator(".ask li")).to_have_count(4)
    expect(page.locator(".fill-in")).to_contain_text("Lawyer's phone number")


def test_handout_toolbar_has_a_styled_print_button(page):
    page.goto(charge_articles()[0].handout_url)
    button = page.locator(".print-button")
    expect(button).to_be_visible()
    assert button.evaluate("e => getComputedStyle(e).minHeight") == "44px"


# Who publishes this


def test_with_nothing_configured_the_site_says_it_has_no_reviewing_attorney(pages, settings):
    settings.PUBLISHER = dict.fromkeys(settings.PUBLISHER, "")
    page = phone(pages)
    page.goto("/about/")
    expect(page.locator(".published-by")).to_contain_text("open-source project")
    expect(page.locator(".publisher")).to_contain_text("No attorney reviews these pages.")


def test_configured_publisher_is_named_on_about_and_in_the_footer(pages, settings):
    settings.PUBLISHER = {
        "name": "Example Legal Aid",
        "url": "",
        "funding": "A state grant",
        "legal_reviewer": "Jane Roe, a defense lawyer in Ohio",
        "contact": "hello@example.org",
    }
    page = phone(pages)
    page.goto("/about/")
    expect(page.locator(".published-by")).to_contain_text("Published by Example Legal Aid")
    publisher = page.locator(".publisher")
    for words in ("Jane Roe", "A state grant", "hello@example.org"):
        expect(publisher).to_contain_text(words)
    expect(publisher.locator('a[href="mailto:hello@example.org"]')).to_have_count(1)


# Polish


def test_desktop_navigation_fits_on_one_line(page):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto("/")
    tops = page.locator(".site-nav li").evaluate_all(
        "items => items.filter(i => i.getClientRects().length)"
        ".map(i => Math.round(i.getBoundingClientRect().top))"
    )
    assert len(set(tops)) == 1, tops


def test_phone_header_is_light(pages):
    page = phone(pages)
    page.goto("/")
    height = page.locator(".site-header").evaluate(RECT)["height"]
    assert height <= 0.16 * PHONE["height"], f"header takes {height}px"


def test_glossary_has_an_a_to_z_row_that_jumps_to_its_letter(pages):
    page = phone(pages)
    page.goto("/glossary/")
    page.locator('.az a[href="#letter-s"]').tap()
    expect(page.locator("#letter-s")).to_be_in_viewport()


def test_expandable_terms_look_unlike_navigation_links(pages):
    page = phone(pages)
    page.goto(charge_articles()[0].url)
    term = page.locator(".article-body a.term").first
    plain = page.locator('.article-body a:not(.term)[href^="/"]').first
    assert term.evaluate("e => getComputedStyle(e).textDecorationStyle") == "dotted"
    assert plain.evaluate("e => getComputedStyle(e).textDecorationStyle") != "dotted"
