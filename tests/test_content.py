"""The real content in content/: complete, sourced, readable, and linked together."""

import re

import pytest
import textstat
from django.core.management import call_command
from django.test import Client

from explainer.content import get_site

MAX_GRADE = 9.0
# A legal figure typed into prose instead of coming from legal-data.yaml.
TYPED_FIGURE = re.compile(
    r"\$\s?\d|\b\d+(?:\.\d+)?\s*(?:years?|months?|days?|hours?|percent)\b|\b\d+%|"
    r"\b\d+\s+(?:states|jurisdictions)\b",
    re.IGNORECASE,
)
INVENTORY = [
    "charges/online-enticement",
    "charges/child-sexual-abuse-material",
    "charges/production",
    "charges/sexting",
    "charges/intimate-images-and-deepfakes",
    "charges/sextortion",
    "charges/cyberstalking",
    "charges/online-solicitation",
    "charges/obscene-material-to-minors",
    "how-the-law-changed/enticement-without-a-meeting",
    "how-the-law-changed/file-sharing-and-distribution",
    "how-the-law-changed/why-cases-become-federal",
    "how-the-law-changed/new-laws",
    "sentencing/mandatory-minimums",
    "sentencing/sentencing-guidelines",
    "sentencing/supervised-release",
    "sentencing/restitution-fines-and-forfeiture",
    "registration/what-registration-requires",
    "registration/life-on-the-registry",
    "registration/failure-to-register",
    "registration/getting-off-the-registry",
    "process/after-a-search-or-arrest",
    "process/what-not-to-do",
    "process/federal-or-state",
    "process/pleas-and-trials",
    "process/for-families",
    "help/working-with-a-defense-attorney",
    "help/for-victims",
    "help/worried-about-your-own-thoughts",
    "help/crisis-support",
]


@pytest.fixture(scope="module")
def site():
    return get_site()


def documents():
    return get_site().all_documents()


def test_manage_py_check_passes_on_real_content():
    call_command("check")


def test_every_planned_article_exists(site):
    missing = [key for key in INVENTORY if key not in site.articles]
    assert not missing


@pytest.mark.parametrize("doc", documents(), ids=lambda d: d.key)
def test_reading_grade_is_at_most_nine(doc):
    grade = textstat.flesch_kincaid_grade(doc.text)
    assert grade <= MAX_GRADE, f"{doc.key} reads at grade {grade}"


@pytest.mark.parametrize("doc", documents(), ids=lambda d: d.key)
def test_no_legal_figure_is_typed_into_prose(doc):
    body = doc.path.read_text().split("---", 2)[2]
    prose = re.sub(r"\{\{[^}]*\}\}", "", body)
    assert not TYPED_FIGURE.findall(prose), f"{doc.key}: use a data tag for these figures"


@pytest.mark.parametrize("doc", documents(), ids=lambda d: d.key)
def test_no_outcome_predictions(doc):
    assert not re.search(r"\byou will\b|\byou'll\b", doc.text, re.IGNORECASE), doc.key


def test_every_article_lists_two_sources_with_a_primary(site):
    for article in site.articles.values():
        assert len(article.sources) >= 2, article.key
        assert any(s.primary for s in article.sources), article.key


def test_charge_articles_have_a_penalty_card(site):
    for article in site.section_articles("charges"):
        assert article.penalties and article.card_html, article.key


def test_charge_articles_point_to_state_pages(site):
    for article in site.section_articles("charges"):
        assert "/states/" in article.path.read_text(), article.key


def test_every_article_has_related_links(site):
    for article in site.articles.values():
        assert article.related, article.key


def test_glossary_has_at_least_forty_terms(site):
    assert len(site.glossary) >= 40


def test_every_glossary_term_is_linked_from_an_article(site):
    used = set()
    for doc in site.all_documents():
        used |= set(re.findall(r"\{\{term:([a-z0-9-]+)", doc.path.read_text()))
    assert set(site.glossary) - used == set()


def test_home_leads_to_every_section(client):
    html = client.get("/").content.decode()
    for section in get_site().sections.values():
        assert f'href="{section.url}"' in html


def test_section_pages_lead_to_every_article(client, site):
    for section in site.sections.values():
        html = client.get(section.url).content.decode()
        for article in site.section_articles(section.slug):
            assert f'href="{article.url}"' in html, article.key


@pytest.fixture(scope="module")
def real_pages(site):
    """Every reader page rendered once, for the checks that walk the whole site: with
    hundreds of state pages, rendering each page once per check would dominate the run."""
    client = Client()
    pages = {}
    for url in site.reader_urls():
        response = client.get(url)
        pages[url] = (response.status_code, response.content.decode())
    return pages


def test_every_real_page_renders_with_disclaimer_and_attorney_link(real_pages):
    for url, (status, html) in real_pages.items():
        assert status == 200, url
        assert "General information, not legal advice." in html, url
        assert 'href="/find-a-defense-attorney/' in html, url


def test_every_article_shows_review_date_and_sources(client, site):
    for article in site.articles.values():
        html = client.get(article.url).content.decode()
        assert "Last reviewed <time" in html and 'id="article-sources-title"' in html, article.key


def test_crisis_line_is_on_process_and_family_articles(site):
    for key in ("process/after-a-search-or-arrest", "process/for-families", "help/crisis-support"):
        assert "{{resource:lifeline-988" in site.articles[key].path.read_text(), key


def test_every_internal_link_on_every_page_leads_somewhere(client, real_pages):
    """Templates add links that content checks never see; follow every one once."""
    linked, broken = set(), []
    for url, (_, html) in real_pages.items():
        for href in re.findall(r'href="(/[^"#]*)', html):
            target = href.replace("&amp;", "&")
            if target in linked or target.startswith("/static/"):
                continue
            linked.add(target)
            # Reader pages were already rendered (and checked for a 200) once each.
            if target not in real_pages and client.get(target).status_code not in (200, 301, 302):
                broken.append((url, target))
    assert not broken
    assert len(linked) > 100
