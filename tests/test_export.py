"""`manage.py export_site`: the whole site as files, every local link resolving inside it."""

import io
import re

import pytest
from django.core.management import CommandError, call_command
from django.core.management.base import SystemCheckError

from explainer.content import get_site
from explainer.export import MARKER, broken_links, prepare


def export(target, *args):
    out = io.StringIO()
    call_command("export_site", str(target), *args, stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def exported(tmp_path_factory, django_db_blocker):
    """The real site exported once for the checks below."""
    target = tmp_path_factory.mktemp("export") / "site"
    with django_db_blocker.unblock():
        export(target, "--base-url", "https://example.org")
    return target


def test_every_sitemap_page_is_an_index_file(exported):
    sitemap = (exported / "sitemap.xml").read_text()
    paths = re.findall(r"<loc>https://example\.org(/[^<]*)</loc>", sitemap)
    assert len(paths) == len(get_site().reader_urls())
    for path in paths:
        assert (exported / path.lstrip("/") / "index.html").is_file(), path


def test_handouts_downloads_feed_robots_404_and_hashed_static_files(exported):
    site = get_site()
    for article in site.articles.values():
        if article.handout_url:
            assert (exported / article.handout_url.lstrip("/") / "index.html").is_file()
    assert (exported / "states.csv").read_text().count("\n") > len(site.states)
    assert (exported / "states.json").is_file()
    assert "<feed" in (exported / "feed" / "index.xml").read_text()
    assert "Sitemap: https://example.org/sitemap.xml" in (exported / "robots.txt").read_text()
    assert (
        "Page not found" in (exported / "404.html").read_text()
        or "not found" in (exported / "404.html").read_text().lower()
    )
    css = re.search(
        r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', (exported / "index.html").read_text()
    )
    assert css, "pages link the hashed stylesheet"
    assert (exported / css.group(1).lstrip("/")).is_file()


def test_every_local_link_resolves_inside_the_export(exported):
    assert broken_links(exported) == []
    pages = list(exported.rglob("*.html"))
    assert len(pages) > len(get_site().reader_urls()), "handouts are exported too"


def test_exported_pages_are_the_no_javascript_site_with_search_on_the_a_z_page(exported):
    home = (exported / "index.html").read_text()
    assert "data-hx-" not in home
    assert 'action="/topics/"' in home
    assert 'action="/search/"' not in home
    topics = (exported / "topics" / "index.html").read_text()
    for article in get_site().articles.values():
        assert f'href="{article.url}"' in topics


def test_offline_copy_links_relative_files_and_searches_the_live_site(tmp_path, monkeypatch):
    monkeypatch.setenv("EXPLAINER_EXPORT_SEARCH_URL", "https://live.example.org/search/")
    export(tmp_path / "site", "--offline")
    home = (tmp_path / "site" / "index.html").read_text()
    assert 'action="https://live.example.org/search/"' in home
    article = get_site().section_articles("charges")[0]
    page = (tmp_path / "site" / article.url.lstrip("/") / "index.html").read_text()
    assert 'href="../../index.html"' in page
    assert 'href="/' not in page
    assert broken_links(tmp_path / "site") == []


def test_refuses_a_non_empty_folder_unless_replacing_an_earlier_export(tmp_path):
    target = tmp_path / "site"
    target.mkdir()
    (target / "notes.txt").write_text("someone's file")
    with pytest.raises(CommandError, match="not empty"):
        export(target)
    with pytest.raises(CommandError, match=MARKER):
        export(target, "--replace")
    assert (target / "notes.txt").is_file()
    (target / MARKER).write_text("an earlier export")
    prepare(target, replace=True)
    assert list(target.iterdir()) == []


def test_content_error_stops_the_export_with_file_and_line(content_copy, tmp_path):
    article = next((content_copy / "articles").rglob("*.md"))
    article.write_text(article.read_text().replace("title:", "titel:", 1))
    with pytest.raises(SystemCheckError) as failed:
        export(tmp_path / "site")
    assert f"{article.name}:" in str(failed.value)
    assert not (tmp_path / "site").exists()
