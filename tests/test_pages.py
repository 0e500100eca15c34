"""Every kind of page renders in the site's style, with the disclaimer and the way to a lawyer."""

import re

import pytest

from explainer.content import get_site
from explainer.markup import citation_mark

pytestmark = pytest.mark.usefixtures("fixture_content")

DISCLAIMER = "General information, not legal advice."


def test_home_shows_three_entry_paths(client):
    html = client.get("/").content.decode()
    for words in (
        "I am facing a charge or an investigation",
        "Someone in my family is",
        "I work in legal-aid intake",
    ):
        assert words in html


def test_home_lists_charge_articles(client):
    assert 'href="/charges/enticement/"' in client.get("/").content.decode()


def test_section_index_lists_its_articles(client):
    html = client.get("/process/").content.decode()
    assert 'href="/process/after-an-arrest/"' in html


def test_article_shows_title_summary_and_review_date(client):
    html = client.get("/charges/enticement/").content.decode()
    assert "<h1>Online enticement</h1>" in html
    assert "What the enticement charge means." in html
    assert 'Last reviewed <time datetime="2026-11-23">November 23, 2026</time>' in html


def test_article_shows_disclaimer(client):
    assert DISCLAIMER in client.get("/charges/enticement/").content.decode()


def test_article_links_to_find_a_defense_attorney(client):
    html = client.get("/charges/enticement/").content.decode()
    assert 'class="attorney-box"' in html
    assert 'href="/find-a-defense-attorney/"' in html


def test_charge_article_has_penalty_card_from_data(client):
    html = client.get("/charges/enticement/").content.decode()
    card = html.split('id="penalty-card-title"', 1)[1].split("</section>", 1)[0]
    assert "18 U.S.C. § 2422(b)" in card
    assert "10 years to life in prison" in card


def test_inline_penalty_tag_renders_words_with_citation(client):
    html = client.get("/charges/enticement/").content.decode()
    assert (
        'The range is <span class="figure">10 years to life in prison</span>'
        '<sup class="cite">[<a href="#source-1" aria-label="source 1">1</a>]</sup>'
    ) in html


def test_a_claim_with_several_sources_has_one_citation_link():
    # One tap target per claim; it names every number and jumps to the first.
    mark = citation_mark([9, 2, 2, 10])
    assert mark.count("<a ") == 1
    assert 'href="#source-2"' in mark and ">2, 9, 10</a>" in mark
    assert 'aria-label="sources 2, 9, 10"' in mark


def test_unverified_figure_is_marked_on_the_page(client):
    html = client.get("/charges/enticement/").content.decode()
    assert 'up to 20 years in prison <span class="unverified">(not yet verified)</span>' in html


def test_sources_list_includes_data_sources_in_citation_order(client):
    html = client.get("/charges/enticement/").content.decode()
    sources = html.split('id="article-sources-title"', 1)[1]
    assert (
        sources.index("18 U.S.C. § 2422")
        < sources.index("A court opinion")
        < sources.index("An example secondary guide")
    )
    assert 'id="source-3"' in sources


def test_glossary_term_links_to_its_entry(client):
    html = client.get("/charges/enticement/").content.decode()
    assert (
        '<a class="term" href="/glossary/#mandatory-minimum"'
        ' data-hx-get="/glossary/mandatory-minimum/" data-hx-target="this"'
        ' data-hx-swap="afterend">mandatory minimum</a>'
    ) in html


def test_resource_tag_gives_a_dialable_phone_link(client):
    html = client.get("/charges/enticement/").content.decode()
    assert '<a href="tel:+18008435678">1-800-THE-LOST</a>' in html


def test_headings_get_stable_ids(client):
    html = client.get("/charges/enticement/").content.decode()
    assert '<h2 id="what-does-the-law-say">What does the law say?</h2>' in html


def test_long_article_gets_a_table_of_contents(client):
    html = client.get("/charges/enticement/").content.decode()
    assert 'id="toc-title"' in html and '<a href="#where-can-i-get-help">' in html


def test_short_article_has_no_table_of_contents(client):
    assert 'id="toc-title"' not in client.get("/process/after-an-arrest/").content.decode()


def test_overdue_article_says_so(client):
    html = client.get("/process/after-an-arrest/").content.decode()
    assert "past its review date" in html


def test_related_articles_are_linked(client):
    html = client.get("/charges/enticement/").content.decode()
    related = html.split('id="related-title"', 1)[1].split("</nav>", 1)[0]
    assert 'href="/process/after-an-arrest/"' in related


def test_change_log_is_shown(client):
    html = client.get("/charges/enticement/").content.decode()
    assert "First published." in html.split('id="changes-title"', 1)[1]


def test_glossary_lists_terms_with_anchors(client):
    html = client.get("/glossary/").content.decode()
    assert 'id="mandatory-minimum"' in html and "<dt>CSAM</dt>" in html


@pytest.mark.parametrize("slug", ["about", "disclaimer", "privacy", "find-a-defense-attorney"])
def test_site_page_renders_with_disclaimer(client, slug):
    response = client.get(f"/{slug}/")
    assert response.status_code == 200
    assert DISCLAIMER in response.content.decode()


def test_unknown_article_is_a_404_in_site_style(client):
    response = client.get("/charges/no-such-charge/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "We could not find that page" in html and DISCLAIMER in html


def test_unknown_section_is_a_404(client):
    assert client.get("/nothing-here/").status_code == 404


def test_500_page_is_in_site_style(client):
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Something went wrong on our side" in html and DISCLAIMER in html


def test_sitemap_lists_every_page_with_lastmod(client):
    xml = client.get("/sitemap.xml").content.decode()
    for url in get_site().reader_urls():
        assert f"<loc>http://testserver{url}</loc>" in xml
    assert "<lastmod>2026-11-23</lastmod>" in xml


def test_robots_txt_points_to_sitemap(client):
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_post_is_refused(client):
    assert client.post("/charges/enticement/").status_code == 405


def test_every_page_has_exactly_one_h1(client):
    for url in get_site().reader_urls():
        html = client.get(url).content.decode()
        assert len(re.findall(r"<h1[ >]", html)) == 1, url


def test_footer_crisis_line_comes_from_the_data_file(client):
    from explainer.content import get_site

    line = get_site().data.resources["lifeline-988"]
    footer = client.get("/glossary/").content.decode().split('class="site-footer"', 1)[1]
    assert f'href="{line.url}"' in footer and f"call or text {line.phone}" in footer
