"""One-page handouts for charge articles: bullets from content, figures from data, help by state."""

import re

import pytest
import textstat

from explainer import handouts
from explainer.content import get_site, load_site
from explainer.errors import ContentInvalid

ARTICLE = "articles/charges/enticement.md"
HANDOUT = "/charges/enticement/handout/"


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def section(html, title_id):
    return html.split(f'id="{title_id}"', 1)[1].split("</section>", 1)[0]


def problems_for(root):
    with pytest.raises(ContentInvalid) as caught:
        load_site(root)
    return str(caught.value)


def edit(root, old, new):
    path = root / ARTICLE
    text = path.read_text()
    assert old in text, f"fixture no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1))


class TestHandoutPage:
    pytestmark = pytest.mark.usefixtures("fixture_content")

    def test_handout_shows_title_and_summary(self, client):
        html = html_of(client, HANDOUT)
        assert "<h1>Online enticement</h1>" in html
        assert '<p class="lead">What the enticement charge means.</p>' in html

    def test_handout_penalty_card_comes_from_the_data(self, client):
        card = section(html_of(client, HANDOUT), "card-title")
        assert "18 U.S.C. § 2422(b)" in card and "10 years to life in prison" in card

    def test_handout_sends_readers_to_the_full_page_for_sources_instead_of_numbers(self, client):
        # A sheet has no source list, so a citation number on it would point nowhere.
        card = section(html_of(client, HANDOUT), "card-title")
        assert "10 years to life in prison" in card
        assert 'class="cite"' not in card and "#source-" not in card
        assert "sources for each figure are listed on the full page" in card

    def test_handout_bullets_come_from_front_matter(self, client):
        html = html_of(client, HANDOUT)
        assert "<li>A judge sets release rules at the first hearing.</li>" in html
        assert "<li>Do not delete anything.</li>" in section(html, "avoid-title")

    def test_handout_without_a_state_lists_national_lawyer_links(self, client):
        links = section(html_of(client, HANDOUT), "lawyer-links-title")
        assert 'href="https://example.org/state-defenders"' in links
        assert 'href="/states/"' in links

    def test_handout_with_a_state_lists_its_public_defender(self, client):
        links = section(html_of(client, f"{HANDOUT}?state=wi"), "lawyer-links-title")
        assert "Where to get a lawyer in Wisconsin" in links
        assert 'href="https://www.wispd.org/"' in links
        assert "https://example.org/state-defenders" not in links

    def test_handout_marks_an_unverified_link(self, client):
        links = section(html_of(client, HANDOUT), "lawyer-links-title")
        assert re.search(
            r'Bar lawyer referral</a>\s*<span class="unverified">\(not yet verified\)</span>', links
        )

    def test_handout_lists_the_crisis_line_with_a_dialable_number(self, client):
        support = section(html_of(client, HANDOUT), "support-links-title")
        assert '<a href="tel:988">988</a>' in support and "Call 911" in support

    def test_handout_shows_disclaimer_full_address_and_review_dates(self, client):
        html = html_of(client, HANDOUT)
        assert "General information, not legal advice." in html
        assert 'Printed from <span class="url">http://testserver/charges/enticement/</span>' in html
        assert 'Next review due <time datetime="2027-11-23">' in html

    def test_handout_uses_the_print_stylesheet_without_inline_style(self, client):
        html = html_of(client, HANDOUT)
        assert 'href="/static/css/print.css"' in html
        assert "<style" not in html and " style=" not in html

    def test_handout_keeps_the_leave_this_site_link(self, client):
        assert 'id="leave-site"' in html_of(client, HANDOUT)

    def test_handout_state_picker_reloads_the_handout(self, client):
        assert 'method="get" action="/charges/enticement/handout/"' in html_of(client, HANDOUT)

    def test_handout_sets_no_cookie(self, client):
        assert not client.get(f"{HANDOUT}?state=wi").cookies

    def test_article_links_to_its_handout(self, client):
        html = html_of(client, "/charges/enticement/")
        assert f'<a href="{HANDOUT}">Print a one-page handout</a>' in html

    def test_article_handout_link_keeps_the_chosen_state(self, client):
        assert f'href="{HANDOUT}?state=wi"' in html_of(client, "/charges/enticement/?state=wi")

    def test_article_without_handout_bullets_has_no_handout(self, client):
        assert client.get("/process/after-an-arrest/handout/").status_code == 404
        assert "Print a one-page handout" not in html_of(client, "/process/after-an-arrest/")

    def test_handout_of_unknown_article_is_a_404(self, client):
        assert client.get("/charges/no-such-charge/handout/").status_code == 404


def test_lawyer_links_use_the_states_own_services_when_known(fixture_content):
    site = get_site()
    links = handouts.lawyer_links(site.data, site.states["wi"])
    # The state-case route first, since most cases are state cases; then each federal district.
    assert [link.url for link in links] == [
        "https://www.wispd.org/",
        "https://www.fdswi.org/",
        "https://www.wiwd.uscourts.gov/cja",
        "https://www.wisbar.org/forPublic/INeedaLawyer/",
    ]


def test_charge_article_without_a_handout_is_reported(content_copy):
    edit(content_copy, "handout: {next:", "# handout: {next:")
    assert f"{ARTICLE}:1: front matter: charge articles need a 'handout'" in problems_for(
        content_copy
    )


def test_handout_needs_both_lists(content_copy):
    edit(content_copy, "avoid: [", "dont: [")
    assert "handout: must be a mapping with exactly 'next' and 'avoid' lists" in problems_for(
        content_copy
    )


def test_handout_with_one_bullet_is_reported(content_copy):
    edit(content_copy, "next: [A judge sets release rules at the first hearing., ", "next: [")
    assert "handout next: list 2 to 5 bullets" in problems_for(content_copy)


def test_handout_bullet_too_long_for_one_page_is_reported(content_copy):
    edit(content_copy, "Do not delete anything.", "Do not delete anything" + " at all" * 30 + ".")
    assert "handout avoid: keep each bullet under 160 characters" in problems_for(content_copy)


def test_handout_bullet_with_a_data_tag_is_reported(content_copy):
    edit(content_copy, "The case can take months.", "'It can mean {{penalty:enticement}}.'")
    assert "handout next: bullets are plain text" in problems_for(content_copy)


def test_resource_the_handouts_need_must_exist(content_copy):
    path = content_copy / "legal-data.yaml"
    path.write_text(path.read_text().replace("  cja-panel:", "  cja-panel-renamed:"))
    assert "resources: 'cja-panel' is missing" in problems_for(content_copy)


# The real charge articles.

TYPED_FIGURE = re.compile(r"\$\s?\d|\b\d+\s*(?:years?|months?|days?|hours?|percent)\b|\d+%", re.I)


def real_charges():
    return get_site().section_articles("charges")


@pytest.mark.parametrize("article", real_charges(), ids=lambda a: a.slug)
def test_every_charge_article_has_handout_bullets(article):
    assert article.handout and article.handout.next and article.handout.avoid


@pytest.mark.parametrize("article", real_charges(), ids=lambda a: a.slug)
def test_handout_bullets_have_no_typed_figures_or_predictions(article):
    text = " ".join(article.handout.next + article.handout.avoid)
    assert not TYPED_FIGURE.findall(text)
    assert not re.search(r"\byou will\b|\byou'll\b", text, re.I)


@pytest.mark.parametrize("article", real_charges(), ids=lambda a: a.slug)
def test_handout_bullets_read_at_grade_nine_or_lower(article):
    text = " ".join(article.handout.next + article.handout.avoid)
    assert textstat.flesch_kincaid_grade(text) <= 9.0
