"""Search: ranked, highlighted, forgiving of readers' words, private, and never a 500.

Tests that take `indexed` run twice: on SQLite (FTS5) and on PostgreSQL (tsvector), which
is skipped with a reason when no PostgreSQL server is configured (and fails on CI).
"""

import io
import logging
from urllib.parse import quote

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connections

from explainer import content
from explainer.content import get_site
from explainer.errors import ContentInvalid
from explainer.models import SearchDocument, SearchTermCount
from explainer.search import highlight, index, postgres, results, sqlite
from explainer.search.query import QueryTerm, alternatives, informative, narrowed, parse
from explainer.search.words import words

from . import searchdb

pytestmark = pytest.mark.django_db(databases="__all__")

NEEDLE = "zebrafinchsecret"  # a word no page uses, to look for in logs and the database


def build():
    call_command("build_search_index", stdout=io.StringIO())


@pytest.fixture
def indexed(search_backend, fixture_content):
    build()
    return search_backend


def find(query):
    return results.find(query, get_site())


def urls(query):
    return [hit.url for hit in find(query).hits]


# Finding and ranking


def test_search_finds_article_by_title_word(indexed):
    assert urls("enticement")[0] == "/charges/enticement/"


def test_title_match_ranks_above_body_mention(indexed):
    found = urls("enticement")
    assert found.index("/charges/enticement/") < found.index("/process/after-an-arrest/")


def test_search_highlights_matching_passage(indexed):
    hit = find("enticement").hits[0]
    assert "<mark>Enticement</mark> is a federal crime under 18 U.S.C. § 2422(b)." in hit.passage


def test_search_highlights_title(indexed):
    assert find("enticement").hits[0].title == "Online <mark>enticement</mark>"


def test_search_stems_words(indexed):
    assert "/charges/enticement/" in urls("enticing")


def test_last_word_matches_as_a_prefix_while_typing(indexed):
    assert urls("entic")[0] == "/charges/enticement/"


def test_half_typed_word_past_the_stem_still_matches(indexed):
    assert urls("enticem")[0] == "/charges/enticement/"


def test_search_covers_glossary_terms(indexed):
    assert urls("mandatory minimum")[0] == "/glossary/#mandatory-minimum"


def test_search_covers_state_pages(indexed):
    found = urls("wisconsin")
    assert found[0] == "/states/wi/"
    assert all(url.startswith("/states/wi/") for url in found)  # then its charge pages


def test_state_charge_page_is_found_by_its_statute(indexed):
    assert urls("wisconsin 948.075")[0] == "/states/wi/enticement/"


def test_a_section_number_alone_finds_its_page(indexed):
    # PostgreSQL's parser would keep "948.075" whole; the search looks for 948 and 075.
    assert urls("948.075")[0] == "/states/wi/enticement/"


def test_a_named_state_lifts_its_own_charge_page_above_the_article(indexed):
    # Without the state, the article leads; naming the state puts its page first.
    assert urls("enticement")[0] == "/charges/enticement/"
    assert urls("enticement in wisconsin")[0] == "/states/wi/enticement/"


def test_state_names_are_found_longest_first():
    from types import SimpleNamespace

    from explainer.search.places import named

    states = [
        SimpleNamespace(code=c, name=n, url=f"/states/{c.lower()}/")
        for c, n in [
            ("VA", "Virginia"),
            ("WV", "West Virginia"),
            ("WA", "Washington"),
            ("DC", "D.C."),
        ]
    ]
    assert named(("penalty", "in", "virginia"), states) == {"/states/va/": ("virginia",)}
    assert named(("west", "virginia", "law"), states) == {"/states/wv/": ("west", "virginia")}
    assert list(named(("washington", "dc"), states)) == ["/states/dc/"]
    assert list(named(("washington", "state"), states)) == ["/states/wa/"]


def test_postal_codes_name_a_state_unless_they_are_also_common_words():
    from types import SimpleNamespace

    from explainer.search.places import named

    states = [
        SimpleNamespace(code=c, name=n, url=f"/states/{c.lower()}/")
        for c, n in [("NC", "North Carolina"), ("IN", "Indiana"), ("OH", "Ohio"), ("SC", "S.C.")]
    ]
    assert named(("sext", "if", "im", "17", "in", "nc"), states) == {"/states/nc/": ("nc",)}
    # "in" the word, "oh" the exclamation, "sc" for Snapchat
    assert named(("oh", "no", "arrested", "in", "sc", "chat"), states) == {}


def test_a_misspelled_state_name_still_names_the_state():
    from types import SimpleNamespace

    from explainer.search.places import named

    states = [SimpleNamespace(code="MI", name="Michigan", url="/states/mi/")]
    fixes = {"michagan": "michigan"}
    assert named(("michagan", "sextortion"), states, fixes) == {"/states/mi/": ("michagan",)}


def test_a_named_states_pages_cover_the_words_that_named_it(indexed, monkeypatch):
    # Wisconsin's pages spell its name out; a reader who types "wi" still named them.
    from explainer.search import places

    monkeypatch.setattr(places, "CODES", places.CODES + " WI")
    places._names.cache_clear()
    found = find("wi enticement")
    places._names.cache_clear()
    assert found.hits[0].url == "/states/wi/enticement/"
    assert found.cover == pytest.approx(1.0)


def test_search_covers_site_pages(indexed):
    assert "/about/" in urls("about page")


def test_search_counts_all_matches(indexed):
    # the article, the arrest page that links to it, and Wisconsin's enticement page
    assert find("enticement").total == 3


def test_unknown_word_finds_nothing(indexed):
    results = find(NEEDLE)
    assert results.state == "ok" and results.hits == [] and results.total == 0


# Readers' words


def test_synonym_leads_from_readers_word_to_site_term(indexed):
    assert urls("cp")[0] == "/glossary/#csam"


def test_synonym_matches_words_in_any_order_among_others(indexed):
    assert "/charges/enticement/" in urls("was my kid luring someone")


def test_did_you_mean_offers_near_miss_spelling(indexed):
    assert find("enticment law").suggestion == "enticement law"


def test_no_suggestion_for_words_the_site_uses(indexed):
    assert find("enticement").suggestion == ""


def test_no_suggestion_for_a_word_still_being_typed(indexed):
    assert find("entice").suggestion == ""


def test_did_you_mean_links_to_the_corrected_search(client, indexed):
    html = client.get("/search/?q=enticment").content.decode()
    assert 'Did you mean <a href="/search/?q=enticement">enticement</a>?' in html


# The page, with and without htmx


def test_search_page_lists_ranked_results_without_javascript(client, indexed):
    html = client.get("/search/?q=enticement").content.decode()
    first, second = 'href="/charges/enticement/"', 'href="/process/after-an-arrest/"'
    assert html.index(first) < html.index(second)


def test_search_page_keeps_the_query_in_the_box(client, indexed):
    html = client.get("/search/?q=enticement+law").content.decode()
    assert 'value="enticement law"' in html


def test_result_count_is_announced_in_a_status_region(client, indexed):
    html = client.get("/search/?q=enticement").content.decode()
    assert (
        '<p id="search-status" class="search-status" role="status"'
        ' data-hx-swap-oob="innerHTML">3 pages match your search.</p>'
    ) in html


def test_no_results_says_so_and_offers_other_ways_in(client, indexed):
    html = client.get(f"/search/?q={NEEDLE}").content.decode()
    assert "No pages match your search." in html
    assert 'href="/find-a-defense-attorney/"' in html


def test_empty_search_shows_the_form_without_a_count(client, indexed):
    html = client.get("/search/").content.decode()
    assert 'id="search-q"' in html
    assert 'role="status" data-hx-swap-oob="innerHTML"></p>' in html


def test_search_of_only_common_words_asks_for_a_real_word(client, indexed):
    html = client.get("/search/?q=what+is+the").content.decode()
    assert "There is nothing in that search to look for." in html


def test_htmx_request_gets_only_the_results_partial(client, indexed):
    html = client.get("/search/?q=enticement", headers={"HX-Request": "true"}).content.decode()
    assert 'id="search-results"' in html
    assert "<h1>" not in html and "<html" not in html


def test_full_page_includes_the_same_partial_htmx_gets(client, indexed):
    partial = client.get("/search/?q=enticement", headers={"HX-Request": "true"}).content.decode()
    full = client.get("/search/?q=enticement").content.decode()
    assert partial.strip() in full


def test_results_follow_typing_and_keep_a_shareable_address(client, indexed):
    html = client.get("/search/").content.decode()
    form = html.split('<form class="search-form"', 1)[1].split("</form>", 1)[0]
    assert 'method="get" action="/search/"' in form
    # Typing replaces the current history entry (no entry per pause); pressing Search adds one.
    box = form.split('<input id="search-q"', 1)[1].split(">", 1)[0]
    assert 'data-hx-trigger="input changed delay:300ms"' in box
    assert 'data-hx-replace-url="true"' in box and 'data-hx-push-url="false"' in box
    assert 'data-hx-push-url="true"' in form and 'data-hx-target="#search-results"' in form


def test_search_box_is_labelled_and_submittable_by_keyboard(client, indexed):
    html = client.get("/search/").content.decode()
    assert '<label for="search-q">' in html and '<button type="submit">Search</button>' in html


def test_every_page_header_has_a_search_form(client, fixture_content):
    for url in ("/", "/charges/enticement/", "/glossary/"):
        html = client.get(url).content.decode()
        assert '<form class="site-search" role="search" method="get" action="/search/">' in html


def test_unavailable_search_message_reaches_htmx_too(client, search_backend, fixture_content):
    html = client.get("/search/?q=enticement", headers={"HX-Request": "true"}).content.decode()
    assert "Search is being rebuilt or is unavailable" in html


# Glossary definitions in place


def test_term_link_in_article_can_open_its_definition_in_place(client, fixture_content):
    html = client.get("/charges/enticement/").content.decode()
    assert 'href="/glossary/#mandatory-minimum" data-hx-get="/glossary/mandatory-minimum/"' in html


def test_glossary_term_address_without_htmx_goes_to_the_glossary_entry(client, fixture_content):
    response = client.get("/glossary/mandatory-minimum/")
    assert response.status_code == 302
    assert response["Location"] == "/glossary/#mandatory-minimum"


def test_glossary_term_with_htmx_returns_just_the_definition(client, fixture_content):
    response = client.get("/glossary/mandatory-minimum/", headers={"HX-Request": "true"})
    html = response.content.decode()
    assert html.strip().startswith('<span class="term-definition">The shortest prison term')
    assert 'href="/charges/enticement/">Read more' in html
    assert response["Vary"] == "HX-Request"


def test_unknown_glossary_term_is_not_found(client, fixture_content):
    assert client.get("/glossary/no-such-term/").status_code == 404


# Bad input never breaks the page

BAD_QUERIES = {
    "empty": "",
    "whitespace": "%20%20%09%20",
    "very long": quote("enticement " * 200),
    "quote": quote('"'),
    "unbalanced quotes": quote('"enticement'),
    "star": quote("*"),
    "prefix star": quote("entic*"),
    "near": quote("NEAR(enticement law, 2)"),
    "and or not": quote("enticement AND OR NOT law"),
    "minus": quote("-enticement"),
    "parentheses": quote("(((enticement)"),
    "tsquery syntax": quote("enticement:* & !law | <->"),
    "sql": quote("'; DROP TABLE explainer_searchdocument; --"),
    "backslash": quote("\\"),
    "unicode": quote("garçon 日本語 straße"),
    "emoji": quote("😀🔍"),
    "null byte": "enticement%00law",
    "only null": "%00",
    "invalid utf-8": "%ff%fe",
    "control chars": quote("\x01\x02\x03enticement\x1b"),
    "highlight markers": quote("\x02enticement\x03"),
    "repeated q": "enticement&q=law",
    "html": quote('<script>alert(1)</script>"><b>'),
}


@pytest.mark.parametrize("raw", BAD_QUERIES.values(), ids=BAD_QUERIES.keys())
def test_odd_input_gives_a_normal_page(client, indexed, raw):
    response = client.get(f"/search/?q={raw}")
    assert response.status_code == 200
    assert 'id="search-results"' in response.content.decode()


@pytest.mark.parametrize("raw", BAD_QUERIES.values(), ids=BAD_QUERIES.keys())
def test_odd_input_gives_a_normal_htmx_partial(client, indexed, raw):
    response = client.get(f"/search/?q={raw}", headers={"HX-Request": "true"})
    assert response.status_code == 200


def test_overlong_query_is_cut_not_refused(client, indexed):
    html = client.get("/search/?q=" + quote("enticement " * 200)).content.decode()
    assert "only its first 200 characters were used" in html
    assert 'href="/charges/enticement/"' in html


def test_parse_cuts_query_to_200_characters():
    query = parse("x" * 1000)
    assert len(query.text) == 200 and query.cut


def test_parse_keeps_only_letters_and_digits_as_words():
    # A single letter (the "(b)" of a citation) carries no meaning on its own.
    assert parse('NEAR("child" AND -photo*) 2422(b)').words == ("near", "child", "photo", "2422")


def test_fts5_expression_quotes_every_word():
    terms = alternatives(parse("near and* photo"))
    assert sqlite.expression(terms) == '"near" OR "photo"*'


def test_tsquery_expression_quotes_every_word():
    terms = alternatives(parse("near and* photo"))
    assert postgres.expression(terms) == "('near') | ('photo':*)"


def test_site_terms_are_searched_as_phrases(fixture_content):
    query = parse("cp", get_site().synonyms)
    assert sqlite.expression(alternatives(query)) == (
        '"cp" OR "csam" OR "child sexual abuse material"'
    )


def test_a_phrase_with_common_words_is_its_meaningful_words_near_each_other_on_sqlite():
    # FTS5 would otherwise read where "to" and "the" are on every page (docs/search.md).
    assert QueryTerm(("talk", "to", "the", "police")).fts5() == 'NEAR("talk" "police", 2)'
    assert QueryTerm(("child", "sexual", "abuse")).fts5() == '"child sexual abuse"'
    # One meaningful word alone would match far more than the phrase means.
    assert QueryTerm(("what", "not", "to", "do")).fts5() == '"what not to do"'


def test_a_phrase_with_common_words_still_finds_its_page(indexed):
    alias = index.database()
    phrase = QueryTerm(("ask", "for", "a", "lawyer"))
    ids = [i for i, _ in index.backend(alias).rank([phrase], alias, 30)[0]]
    found = SearchDocument.objects.using(alias).filter(id__in=ids).values_list("url", flat=True)
    assert list(found) == ["/process/after-an-arrest/"]


def test_words_in_over_a_quarter_of_the_pages_are_left_out():
    terms = alternatives(parse("federal enticement charge"))
    kept = informative(terms, [90, 3, 30], documents=100)
    assert [t.words for t in kept] == [("enticement",)]


def test_the_rarest_two_are_kept_when_every_word_is_common():
    terms = alternatives(parse("federal charge now"))
    kept = informative(terms, [90, 60, 70], documents=100)
    assert [t.words for t in kept] == [("charge",), ("now",)]


def test_words_on_thousands_of_pages_are_looked_for_only_in_what_pages_are_about():
    terms = alternatives(parse("federal enticement charge"))
    narrow = narrowed(terms, [4000, 30, 900], documents=10_000)
    assert [(t.words, t.heads) for t in narrow] == [
        (("federal",), True),
        (("enticement",), False),
        (("charge",), False),  # on a tenth of the pages or fewer
    ]


def test_a_small_site_is_never_narrowed():
    terms = alternatives(parse("federal enticement"))
    assert not any(t.heads for t in narrowed(terms, [400, 300], documents=600))


def test_narrowed_terms_name_the_fields_on_both_databases():
    (word,) = narrowed(alternatives(parse("federal")), [5000], documents=10_000)
    assert sqlite.expression([word]) == '{title questions summary headings}: "federal"*'
    assert postgres.expression([word]) == "('federal':*AB)"
    phrase = narrowed([alternatives(parse("cp", get_site().synonyms))[-1]], [900], 1000)
    assert postgres.expression(phrase).count(":AB") == len(phrase[0].words)


def test_a_narrowed_word_finds_pages_about_it_and_not_passing_mentions(indexed):
    (word,) = narrowed(alternatives(parse("enticement")), [5000], documents=10_000)
    alias = index.database()
    ids = [i for i, _ in index.backend(alias).rank([word], alias, 30)[0]]
    found = set(
        SearchDocument.objects.using(alias).filter(id__in=ids).values_list("url", flat=True)
    )
    assert "/charges/enticement/" in found
    assert "/process/after-an-arrest/" not in found


def test_query_text_in_page_is_escaped(client, indexed):
    html = client.get("/search/?q=" + quote("<script>alert(1)</script>")).content.decode()
    assert "<script>alert(1)" not in html
    assert 'value="&lt;script&gt;alert(1)&lt;/script&gt;"' in html


def test_marked_escapes_text_before_adding_marks():
    assert highlight.marked("a <b>\x02c&d\x03</b>") == "a &lt;b&gt;<mark>c&amp;d</mark>&lt;/b&gt;"


# The index: built from content, never served stale


def test_index_holds_articles_pages_terms_and_states(indexed):
    site = get_site()
    expected = len(site.articles) + len(site.pages) + len(site.glossary) + len(site.states)
    expected += sum(len(j.law.charges) for j in site.states.values() if j.law)
    assert SearchDocument.objects.count() == expected


def test_build_command_skips_work_when_index_is_current(indexed):
    out = io.StringIO()
    call_command("build_search_index", stdout=out)
    assert out.getvalue().strip() == "Search index is up to date."


def test_missing_index_says_search_is_unavailable(client, search_backend, fixture_content):
    html = client.get("/search/?q=enticement").content.decode()
    assert "Search is being rebuilt or is unavailable" in html
    assert 'href="/charges/enticement/"' not in html.split('id="search-results"', 1)[1]


def test_stale_index_is_refused_and_logged_without_the_query(
    client, search_backend, content_copy, caplog
):
    build()
    article = content_copy / "articles" / "charges" / "enticement.md"
    article.write_text(article.read_text().replace("Online enticement", "Enticement online"))
    content.reset()
    with caplog.at_level(logging.DEBUG):
        html = client.get(f"/search/?q=enticement+{NEEDLE}").content.decode()
    assert "Search is being rebuilt or is unavailable" in html
    assert "Search index is stale" in caplog.text
    assert NEEDLE not in caplog.text


def test_rebuilding_after_a_content_change_serves_the_new_text(search_backend, content_copy):
    build()
    article = content_copy / "articles" / "charges" / "enticement.md"
    article.write_text(article.read_text().replace("Online enticement", "Enticement online"))
    content.reset()
    build()
    assert find("enticement").hits[0].title == "<mark>Enticement</mark> online"


def test_database_error_is_logged_by_kind_only(monkeypatch, indexed, caplog):
    def broken(terms, alias):
        raise DatabaseError(f"syntax error near {[t.words for t in terms]}")

    monkeypatch.setattr(sqlite, "counts", broken)
    monkeypatch.setattr(postgres, "counts", broken)
    with caplog.at_level(logging.DEBUG):
        assert find(f"enticement {NEEDLE}").state == "unavailable"
    assert "Search failed with DatabaseError." in caplog.text
    assert NEEDLE not in caplog.text


# Privacy


def test_search_terms_never_reach_the_logs(client, indexed, caplog):
    with caplog.at_level(logging.DEBUG):
        for url in (
            f"/search/?q={NEEDLE}",
            f"/search/?q=enticement+{NEEDLE}",
            f"/search/?q=enticment+{NEEDLE}%00%ff",
        ):
            client.get(url)
            client.get(url, headers={"HX-Request": "true"})
    assert NEEDLE not in caplog.text


def test_search_terms_are_not_stored_in_the_database(client, indexed):
    client.get(f"/search/?q=enticement+{NEEDLE}")
    client.get(f"/search/?q={NEEDLE}", headers={"HX-Request": "true"})
    for alias in {"default", index.database()}:
        assert NEEDLE not in everything_in(alias), alias


def everything_in(alias: str) -> str:
    connection = connections[alias]
    text = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            text.append(repr(cursor.fetchall()))
    return "\n".join(text)


def test_search_page_sets_no_cookie_and_is_not_cached(client, indexed):
    response = client.get(f"/search/?q={NEEDLE}")
    assert not response.cookies and "Set-Cookie" not in response.headers
    assert "no-store" in response["Cache-Control"]


def test_search_page_asks_not_to_be_indexed(client, indexed):
    response = client.get("/search/?q=enticement")
    assert '<meta name="robots" content="noindex">' in response.content.decode()
    assert "noindex" in response["X-Robots-Tag"]


def test_search_box_does_not_keep_form_history(client, fixture_content):
    html = client.get("/search/").content.decode()
    assert html.count('autocomplete="off"') == 2  # the header box and the page's box


def test_page_title_does_not_show_the_query(client, indexed):
    html = client.get(f"/search/?q={NEEDLE}").content.decode()
    assert NEEDLE not in html.split("</title>", 1)[0]


# The synonym table is checked like content


def write_synonyms(root, text):
    (root / "synonyms.yaml").write_text(text)
    content.reset()


def test_synonym_to_a_term_no_page_uses_fails_with_file_and_line(content_copy):
    write_synonyms(
        content_copy,
        "- readers: cp\n  site: csam\n- readers: kiddie\n  site: [enticement, frobnication]\n",
    )
    with pytest.raises(ContentInvalid) as failure:
        get_site()
    [problem] = failure.value.problems
    assert problem.path.name == "synonyms.yaml" and problem.line == 3
    assert "'frobnication' does not appear on any page" in problem.message


def test_synonym_target_phrase_must_appear_word_for_word(content_copy):
    write_synonyms(content_copy, "- readers: kiddie\n  site: enticement csam\n")
    with pytest.raises(ContentInvalid, match=r"synonyms.yaml:1: site term 'enticement csam'"):
        get_site()


def test_synonym_reader_phrase_listed_twice_fails(content_copy):
    write_synonyms(
        content_copy,
        "- readers: [child porn]\n  site: csam\n- readers: [porn of a child]\n  site: csam\n",
    )
    with pytest.raises(ContentInvalid, match="repeats one at line 1"):
        get_site()


def test_synonym_entry_needs_readers_and_site(content_copy):
    write_synonyms(content_copy, "- readers: [cp]\n  means: csam\n")
    with pytest.raises(ContentInvalid, match="needs exactly 'readers' and 'site'"):
        get_site()


def test_synonym_reader_phrase_of_only_common_words_fails(content_copy):
    write_synonyms(content_copy, "- readers: [what is the]\n  site: csam\n")
    with pytest.raises(ContentInvalid, match="only common words"):
        get_site()


def test_real_synonym_table_is_valid(settings):
    settings.CONTENT_DIR = settings.BASE_DIR / "content"
    content.reset()
    try:
        assert len(get_site().synonyms) >= 20
    finally:
        content.reset()


# The test harness itself


def test_postgres_tests_fail_instead_of_skipping_on_ci(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true but PostgreSQL is not available"):
        searchdb.missing("postgresql")


def test_postgres_tests_skip_with_a_reason_elsewhere(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="PostgreSQL is not available"):
        searchdb.missing("postgresql")


def test_the_index_keeps_the_page_count_of_each_site_word_and_synonym_phrase(indexed):
    alias = index.database()
    phrase = get_site().synonyms[0].site[0]
    sample = ["enticement", "federal", "lawyer", " ".join(words(phrase))]
    stored = dict(SearchTermCount.objects.using(alias).values_list("term", "documents"))
    terms = [QueryTerm(tuple(t.split())) for t in sample]
    assert [stored[t] for t in sample] == index.backend(alias).counts(terms, alias)[1]
    assert stored["enticement"] == 3


def test_a_search_asks_the_database_to_count_only_what_the_index_has_not(indexed, monkeypatch):
    backend = index.backend(index.database())
    asked, real = [], backend.counts

    def counting(terms, alias):
        asked.append([(t.words, t.prefix) for t in terms])
        return real(terms, alias)

    monkeypatch.setattr(backend, "counts", counting)
    assert find("federal enticement").total == 3
    # "federal" was counted with the index; the last word may still be half-typed
    assert asked == [[(("enticement",), True)]]
