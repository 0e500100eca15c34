"""No address, query string or header a visitor can send makes the site answer 500.

Hypothesis generates 2,400 requests in all, mixing real addresses and parameter names with
arbitrary text, and sends them through the Django test client. The client re-raises any
exception a view lets escape, so a crash fails the test even before the status is read.
"""

import pytest
from django.test import Client
from django.urls import get_resolver
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explainer.content import get_site
from tests.page_types import build_search_index, page_kinds, path_for

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

FUZZ = settings(
    max_examples=600, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
PARAMETERS = ["state", "q", "sort", "kind", "sorna", "teen_sexting_law", "next", "page", "format"]
HEADERS = [
    "HTTP_HX_REQUEST",
    "HTTP_HX_TARGET",
    "HTTP_HX_CURRENT_URL",
    "HTTP_HX_TRIGGER",
    "HTTP_ACCEPT",
    "HTTP_ACCEPT_LANGUAGE",
    "HTTP_ACCEPT_ENCODING",
    "HTTP_USER_AGENT",
    "HTTP_REFERER",
    "HTTP_COOKIE",
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_RANGE",
    "HTTP_X_FORWARDED_PROTO",
    "HTTP_X_FORWARDED_FOR",
    "HTTP_HOST",
]

# Text a client can really send: no lone surrogates, which cannot be encoded at all.
text = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
header_text = st.text(st.characters(max_codepoint=255, exclude_categories=["Cs"]), max_size=60)


@pytest.fixture(scope="module", autouse=True)
def search_index(django_db_setup, django_db_blocker):
    """Built once and kept, so generated searches run against a real index."""
    with django_db_blocker.unblock():
        build_search_index()


def real_paths() -> list[str]:
    """Every kind of page, every route without parameters, and a few content addresses."""
    site = get_site()
    plain_routes = [
        "/" + str(p.pattern) for p in get_resolver().url_patterns if "<" not in str(p.pattern)
    ]
    extra = [a.url for a in list(site.articles.values())[:5]]
    extra += [j.url for j in list(site.states.values())[:3]]
    return list(dict.fromkeys([path_for(k) for k in page_kinds()] + plain_routes + extra))


def assert_no_server_error(response, described: str) -> None:
    assert response.status_code < 500, f"{response.status_code} for {described}"


segment = st.one_of(
    st.sampled_from(
        [
            "charges",
            "states",
            "glossary",
            "search",
            "intake",
            "handout",
            "ca",
            "online-enticement",
            "..",
            ".",
            "%2e%2e",
            "static",
            "attorney-box",
        ]
    ),
    text.map(lambda t: t.replace("/", "").replace("?", "").replace("#", "")),
)


@FUZZ
@given(
    segments=st.lists(segment, max_size=5),
    slash=st.booleans(),
    method=st.sampled_from(["get", "head", "post", "options", "put", "delete"]),
)
def test_generated_paths_never_crash(segments, slash, method):
    path = "/" + "/".join(segments) + ("/" if slash else "")
    # Straight into the WSGI environ as a server would put it (UTF-8 bytes read as Latin-1):
    # the test client would otherwise parse a path like "//[" as a host name and fail itself.
    response = getattr(Client(), method)("/", PATH_INFO=path.encode().decode("latin-1"))
    assert_no_server_error(response, f"{method.upper()} {path!r}")


@FUZZ
@given(
    data=st.data(),
    params=st.lists(st.tuples(st.one_of(st.sampled_from(PARAMETERS), text), text), max_size=4),
)
def test_generated_query_strings_never_crash(data, params):
    path = data.draw(st.sampled_from(real_paths()))
    response = Client().get(path, params)
    assert_no_server_error(response, f"{path} with {params!r}")


@FUZZ
@given(data=st.data(), raw=header_text)
def test_generated_raw_query_strings_never_crash(data, raw):
    path = data.draw(st.sampled_from(real_paths()))
    response = Client().get(path, QUERY_STRING=raw)
    assert_no_server_error(response, f"{path}?{raw!r}")


@FUZZ
@given(data=st.data(), headers=st.dictionaries(st.sampled_from(HEADERS), header_text, max_size=4))
def test_generated_headers_never_crash(data, headers):
    path = data.draw(st.sampled_from(real_paths()))
    response = Client().get(path, **headers)
    assert_no_server_error(response, f"{path} with {headers!r}")
