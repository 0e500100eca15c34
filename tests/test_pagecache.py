"""Article pages are kept in memory after their first visit, exactly as first served."""

import pytest
from django.core.cache import caches

from explainer import content, pagecache

ARTICLE = "/charges/enticement/"

pytestmark = pytest.mark.usefixtures("fixture_content")


def kept() -> int:
    """How many answers the page cache holds (local memory, as in the tests)."""
    return len(caches[pagecache.ALIAS]._cache)


def rendered(response) -> bool:
    """Whether the view rendered templates for this answer (a kept page renders none)."""
    return bool(response.templates)


def test_second_visit_to_an_article_is_served_from_memory(client):
    assert rendered(client.get(ARTICLE))
    assert not rendered(client.get(ARTICLE))


def test_kept_page_has_the_same_bytes_and_headers(client):
    first = client.get(ARTICLE)
    again = client.get(ARTICLE)
    assert again.content == first.content
    assert dict(again.headers) == dict(first.headers)
    assert "default-src 'none'" in again["Content-Security-Policy"]


def test_each_state_has_its_own_kept_page(client):
    client.get(f"{ARTICLE}?state=wi")
    guam = client.get(f"{ARTICLE}?state=gu")
    assert rendered(guam)
    assert "Help in Guam" in guam.content.decode()
    assert "Help in Wisconsin" in client.get(f"{ARTICLE}?state=wi").content.decode()


@pytest.mark.parametrize(
    "query", ["?state=wi&x=1", "?q=anything", "?state=zz", "?state=WI", "?state=wi&state=gu"]
)
def test_other_query_strings_are_never_kept(client, query):
    client.get(ARTICLE + query)
    assert rendered(client.get(ARTICLE + query))


def test_missing_article_is_not_kept(client):
    client.get("/charges/no-such-article/")
    assert client.get("/charges/no-such-article/").status_code == 404
    assert kept() == 0


def test_cache_never_holds_more_than_its_cap(client, settings):
    pages = settings.CACHES["pages"]
    settings.CACHES = {
        **settings.CACHES,
        "pages": {**pages, "OPTIONS": {"MAX_ENTRIES": 2, "CULL_FREQUENCY": 2}},
    }
    for query in ("", "?state=wi", "?state=gu"):
        client.get(ARTICLE + query)
    assert kept() == 2
    assert rendered(client.get(ARTICLE)), "the oldest page should have made room"


def test_reloaded_content_is_rendered_again(client):
    client.get(ARTICLE)
    content.reset()
    assert rendered(client.get(ARTICLE))


def test_changed_setting_is_rendered_again(client, settings):
    client.get(ARTICLE)
    settings.LEAVE_SITE_URL = "https://example.org/neutral/"
    assert 'href="https://example.org/neutral/"' in client.get(ARTICLE).content.decode()


def test_kept_pages_set_no_cookie(client):
    client.get(ARTICLE)
    assert not client.get(ARTICLE).cookies
    assert "Set-Cookie" not in client.get(ARTICLE)
