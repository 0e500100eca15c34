"""`manage.py build_book`: the whole guide as one PDF, with a contents list whose page
numbers are the pages, page numbers and running headers, and the site's link to it."""

import io
import re

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.utils import timezone
from pypdf import PdfReader

from explainer.book import PUBLISHED_NAME
from explainer.content import get_site

pytestmark = pytest.mark.slow


def flat(text: str) -> str:
    return " ".join(text.split())


def squash(text: str) -> str:
    """Text without any white space: PDF text extraction sometimes splits a word ("T alking")."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    """The real content's book, built once: the text of each page (page 1 first)."""
    out = tmp_path_factory.mktemp("book") / "book.pdf"
    call_command("build_book", str(out), stdout=io.StringIO())
    return [flat(page.extract_text()) for page in PdfReader(out).pages]


def contents(book) -> str:
    """The contents pages: from the one titled Contents to the first chapter. (The text of
    a page lists its margin boxes, running header and page number, last.)"""
    first_chapter = next(iter(get_site().sections.values())).title
    pages = []
    for text in book[1:]:
        if pages and text.startswith(f"{first_chapter} "):
            break
        pages.append(text)
    assert pages and pages[0].startswith("Contents ")
    return " ".join(pages)


def listed_page(toc: str, title: str) -> int:
    found = re.search(re.escape(squash(title)) + r"\.*(\d+)(?!\d)", squash(toc))
    assert found, f"{title!r} is not in the contents"
    return int(found.group(1))


def test_cover_has_the_title_build_date_and_disclaimer(book):
    cover = book[0]
    assert "Internet sex-crime charges in plain language" in cover
    assert f"Built on {timezone.localdate():%B} {timezone.localdate().day}, " in cover
    assert "General information, not legal advice." in cover


def test_every_article_is_in_the_book_where_the_contents_says(book):
    site = get_site()
    toc = contents(book)
    numbers = []
    for section in site.sections.values():
        for article in site.section_articles(section.slug):
            page = listed_page(toc, article.title)
            on_page = squash(book[page - 1])
            assert squash(article.title) in on_page, f"{article.title} is not on page {page}"
            # The running header names the chapter on the article's page.
            assert squash(section.title) in on_page
            numbers.append(page)
    assert numbers == sorted(numbers), "the contents follow the book's order"
    assert len(numbers) == len(site.articles)


def test_glossary_and_every_states_contacts_are_in_the_book(book):
    site = get_site()
    toc = contents(book)
    glossary = listed_page(toc, "Glossary")
    states = listed_page(toc, "Who to call, state by state")
    assert "Glossary" in book[glossary - 1]
    text = squash(" ".join(book[glossary - 1 :]))
    for term in site.glossary.values():
        assert squash(term.term) in text
    text = squash(" ".join(book[states - 1 :]))
    for jurisdiction in site.states.values():
        assert squash(f"Who to call in {jurisdiction.name}") in text


def test_every_page_is_numbered(book):
    for number, text in enumerate(book, start=1):
        assert f"Page {number} of {len(book)}" in text


def test_content_error_stops_the_book_with_file_and_line(content_copy, tmp_path):
    article = next((content_copy / "articles").rglob("*.md"))
    article.write_text(article.read_text().replace("title:", "titel:", 1))
    with pytest.raises(SystemCheckError) as failed:
        call_command("build_book", str(tmp_path / "book.pdf"), stdout=io.StringIO())
    with pytest.raises(SystemCheckError) as checked:
        call_command("check", stdout=io.StringIO(), stderr=io.StringIO())
    message = str(failed.value)
    assert f"{article.name}:" in message
    for line in str(checked.value).splitlines():
        if "explainer.E001" in line:
            assert line in message
    assert not (tmp_path / "book.pdf").exists()


def test_site_links_the_book_only_when_it_was_built(client, settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    assert "book to print" not in client.get("/").content.decode()
    (tmp_path / PUBLISHED_NAME).parent.mkdir(parents=True)
    (tmp_path / PUBLISHED_NAME).write_bytes(b"%PDF-1.7")
    page = client.get("/glossary/").content.decode()
    assert f'href="/static/{PUBLISHED_NAME}"' in page
