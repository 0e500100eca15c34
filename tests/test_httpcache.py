"""HTTP caching: pages that are the same for every reader may be kept by browsers and shared
caches and are revalidated with a strong ETag; search results and htmx partials are not kept."""

import subprocess
import sys

import pytest
from django.conf import settings as django_settings

from tests.page_types import build_search_index, path_for

SHARED = [
    "home",
    "section",
    "article",
    "glossary",
    "attorney page",
    "states table",
    "state page",
    "intake",
    "intake sheet",
    "handout",
]
OTHER = ["/states.csv", "/states.json", "/feed/", "/sitemap.xml", "/robots.txt", "/topics/"]


def shared_paths():
    return [path_for(kind) for kind in SHARED] + OTHER


def assert_shareable(response):
    assert response.status_code == 200
    control = response["Cache-Control"]
    assert "public" in control
    assert "max-age=300" in control
    assert "stale-while-revalidate=" in control
    etag = response["ETag"]
    assert etag.startswith('"') and etag.endswith('"'), "a strong validator, not W/"


@pytest.mark.django_db
def test_every_shared_page_is_cacheable_and_answers_304(client):
    for path in shared_paths():
        first = client.get(path)
        assert_shareable(first)
        for _ in range(2):  # rendered, then served from the page cache
            again = client.get(path, headers={"If-None-Match": first["ETag"]})
            assert again.status_code == 304, path
            assert again.content == b""
            assert again["ETag"] == first["ETag"]
        assert client.get(path, headers={"If-None-Match": '"other"'}).status_code == 200


def test_etag_names_the_content_build_and_changes_with_the_bytes(client):
    from explainer.content import get_site

    home = client.get("/")
    tx = client.get("/find-a-defense-attorney/?state=tx")
    assert home["ETag"].startswith(f'"{get_site().fingerprint[:12]}-')
    assert home["ETag"] != tx["ETag"]
    assert client.get("/")["ETag"] == home["ETag"], "the same bytes keep the same validator"


def test_a_kept_page_answers_304_with_its_validators(client):
    first = client.get("/glossary/")
    client.get("/glossary/")
    not_modified = client.get("/glossary/", headers={"If-None-Match": first["ETag"]})
    assert not_modified.status_code == 304
    assert not_modified["Cache-Control"] == first["Cache-Control"]


@pytest.mark.django_db
def test_search_results_are_never_stored(client):
    build_search_index()
    response = client.get(path_for("search with results"))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    assert not response.has_header("ETag")


def test_htmx_partials_are_not_stored_and_vary_on_the_header(client):
    partial = client.get("/states/", headers={"HX-Request": "true"})
    assert partial["Cache-Control"] == "no-store"
    plain = client.get("/states/")
    assert "public" in plain["Cache-Control"]
    assert "HX-Request" in plain["Vary"]
    term = client.get("/glossary/", headers={"HX-Request": "true"})
    assert term["Cache-Control"] == "no-store"


def test_errors_and_redirects_are_not_made_public(client):
    missing = client.get(path_for("404"))
    assert missing.status_code == 404
    assert "public" not in missing.get("Cache-Control", "")
    redirect = client.get("/states/?state=tx")
    assert redirect.status_code == 302
    assert "public" not in redirect.get("Cache-Control", "")


def test_cacheable_pages_still_set_no_cookie_and_keep_security_headers(client):
    for path in ("/", path_for("article")):
        for response in (client.get(path), client.get(path)):
            assert not response.cookies
            assert response["Referrer-Policy"] == "no-referrer"
            assert "default-src 'none'" in response["Content-Security-Policy"]


def settings_with(env: dict) -> subprocess.CompletedProcess:
    code = (
        "import django.conf as c; from explainer import settings as s; "
        "print(s.CACHES['pages']['BACKEND'], s.CACHES['pages']['LOCATION'])"
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=django_settings.BASE_DIR,
        env={"PATH": "/usr/bin:/bin", "DJANGO_DEBUG": "1", **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_page_cache_is_local_memory_unless_a_shared_one_is_named():
    local = settings_with({})
    assert "LocMemCache" in local.stdout
    shared = settings_with({"EXPLAINER_CACHE_URL": "redis://cache.internal:6379/1"})
    assert shared.stdout.split() == [
        "django.core.cache.backends.redis.RedisCache",
        "redis://cache.internal:6379/1",
    ]
    wrong = settings_with({"EXPLAINER_CACHE_URL": "memcached://cache.internal"})
    assert wrong.returncode != 0
    assert "EXPLAINER_CACHE_URL" in wrong.stderr
