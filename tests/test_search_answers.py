"""Search that answers a question: readers' questions, the intent table, and saying plainly
when the site has no page on what was asked. Run on SQLite and PostgreSQL like test_search.py.
"""

import io

import pytest
from django.core.management import call_command

from explainer import content
from explainer.content import get_site
from explainer.errors import ContentInvalid
from explainer.search import intents, ranking
from explainer.search.lexicon import lexicon
from explainer.search.query import Concept, QueryTerm, concepts, parse
from explainer.search.results import find
from explainer.search.synonyms import said

pytestmark = pytest.mark.django_db(databases="__all__")

ARREST = "process/after-an-arrest.md"
QUESTION = "Can they charge me over a chatroom with a <fake> kid?"
NO_PAGE = "We do not have a page on that yet."


def build():
    call_command("build_search_index", stdout=io.StringIO())


def add_front_matter(root, name, lines):
    path = root / "articles" / name
    text = path.read_text()
    head, rest = text.split("\n---\n", 1)
    path.write_text(head + "\n" + lines + "\n---\n" + rest)
    content.reset()


def write_intents(root, text):
    (root / "search-intents.yaml").write_text(text)
    content.reset()


def urls(query):
    return [hit.url for hit in find(query, get_site()).hits]


@pytest.fixture
def with_questions(search_backend, content_copy):
    add_front_matter(content_copy, ARREST, f'questions:\n  - "{QUESTION}"')
    build()
    return content_copy


@pytest.fixture
def with_intents(search_backend, content_copy):
    write_intents(
        content_copy,
        "- name: just arrested\n"
        "  readers: [fbi, raided, what do i do]\n"
        "  pages: [/find-a-defense-attorney/, /process/after-an-arrest/]\n",
    )
    build()
    return content_copy


# Readers' questions


def test_a_word_only_in_a_question_finds_the_page(with_questions):
    assert urls("chatroom")[0] == "/process/after-an-arrest/"


def test_a_question_counts_above_the_body(with_questions):
    # "charge" is in the enticement page's body and summary; the question puts the arrest
    # page's whole match in the field that counts like the title.
    found = urls("charge chatroom")
    assert found.index("/process/after-an-arrest/") < found.index("/charges/enticement/")


def test_article_page_lists_its_questions_escaped(client, with_questions):
    html = client.get("/process/after-an-arrest/").content.decode()
    assert "Questions this page answers" in html
    assert "Can they charge me over a chatroom with a &lt;fake&gt; kid?" in html


def test_article_without_questions_shows_no_list(client, fixture_content):
    html = client.get("/charges/enticement/").content.decode()
    assert "Questions this page answers" not in html


def test_questions_that_are_not_a_list_stop_the_site_with_file_and_line(content_copy):
    add_front_matter(content_copy, ARREST, "questions: why me")
    with pytest.raises(ContentInvalid) as failure:
        get_site()
    [problem] = [p for p in failure.value.problems if p.path.name == "after-an-arrest.md"]
    assert problem.line == 9 and "questions: must be a list" in problem.message


def test_a_question_that_is_not_text_stops_the_site(content_copy):
    add_front_matter(content_copy, ARREST, "questions:\n  - [a, b]")
    with pytest.raises(ContentInvalid, match=r"after-an-arrest.md:9: questions: each entry"):
        get_site()


# The intent table


def test_crisis_words_bring_the_intent_pages_to_the_top(with_intents):
    # The arrest page contains none of these words, yet leads: it is the page the intent
    # names and the search does not rank the other above it.
    assert urls("fbi raided")[:2] == ["/find-a-defense-attorney/", "/process/after-an-arrest/"]


def test_intent_pages_that_match_the_words_lead(with_intents):
    # "lawyer" is in the arrest page's body: of the two intent pages, it now ranks first.
    assert urls("fbi raided lawyer")[:2] == [
        "/process/after-an-arrest/",
        "/find-a-defense-attorney/",
    ]


def test_a_search_of_only_common_words_can_still_name_an_intent(with_intents):
    found = find("what do I do", get_site())
    assert found.state == "ok" and found.answered
    assert [h.url for h in found.hits] == ["/find-a-defense-attorney/", "/process/after-an-arrest/"]


def test_intent_does_not_lead_when_it_explains_half_the_search_or_less(with_intents):
    assert urls("fbi enticement")[0] == "/charges/enticement/"


def test_intent_share_counts_meaningful_words():
    table = [
        intents.Intent("crisis", (frozenset({"fbi"}), frozenset({"raided"})), ("/a/",), 1),
        intents.Intent("talk", (intents.phrase_words("what do i do"),), ("/b/",), 2),
    ]
    assert intents.match(["fbi", "raided", "my", "house"], table).share == pytest.approx(2 / 3)
    assert intents.match(["fbi", "raided", "my", "house"], table).pages == ("/a/",)
    assert intents.match(["fbi", "took", "laptop", "months"], table).pages == ()
    assert intents.match(["what", "do", "i", "do"], table).pages == ("/b/",)
    assert intents.match(["what", "do", "i", "do", "about", "registry"], table).pages == ()


def test_intent_to_a_page_that_does_not_exist_fails_with_file_and_line(content_copy):
    write_intents(content_copy, "- name: x\n  readers: [fbi]\n  pages: [/charges/nope/]\n")
    with pytest.raises(ContentInvalid) as failure:
        get_site()
    [problem] = failure.value.problems
    assert problem.path.name == "search-intents.yaml" and problem.line == 1
    assert "'/charges/nope/' is not the address of any page" in problem.message


def test_intent_reader_phrase_listed_twice_fails(content_copy):
    write_intents(
        content_copy,
        "- name: x\n  readers: [fbi]\n  pages: [/intake/]\n"
        "- name: y\n  readers: [the fbi]\n  pages: [/intake/]\n",
    )
    with pytest.raises(
        ContentInvalid, match="search-intents.yaml:4: reader phrase 'the fbi' repeats"
    ):
        get_site()


def test_intent_entry_needs_name_readers_and_pages(content_copy):
    write_intents(content_copy, "- name: x\n  readers: [fbi]\n")
    with pytest.raises(ContentInvalid, match="needs exactly 'name', 'readers' and 'pages'"):
        get_site()


# Saying so when nothing answers


@pytest.fixture
def indexed(search_backend, fixture_content):
    build()
    return search_backend


def test_words_found_only_in_a_body_do_not_count_as_an_answer(client, indexed):
    found = find("damages figure", get_site())
    assert found.hits and not found.answered and found.cover == 0
    html = client.get("/search/?q=damages+figure").content.decode()
    assert NO_PAGE in html and 'href="/find-a-defense-attorney/"' in html
    assert 'href="/topics/"' in html
    assert 'href="/charges/enticement/"' in html  # the pages are still listed below


def test_a_page_about_the_search_is_an_answer(client, indexed):
    found = find("online enticement", get_site())
    assert found.answered and found.cover == 1
    assert NO_PAGE not in client.get("/search/?q=online+enticement").content.decode()


def test_no_match_at_all_says_so_and_offers_the_lawyer_and_topics(client, indexed):
    html = client.get("/search/?q=zebrafinch", headers={"HX-Request": "true"}).content.decode()
    assert NO_PAGE in html and 'href="/topics/"' in html
    assert 'href="/find-a-defense-attorney/"' in html


# The pieces


def test_cover_weighs_rare_words_and_ignores_word_endings():
    found = [
        Concept("raided", (QueryTerm(("raided",)),)),
        Concept("house", (QueryTerm(("house",)),)),
    ]
    weight = ranking.weights(found, {QueryTerm(("raided",)): 1, QueryTerm(("house",)): 50}, 100)
    assert weight[0] > weight[1]
    assert ranking.cover(found, weight, "The FBI raids a house") == 1
    assert ranking.cover(found, weight, "Police raid") == pytest.approx(weight[0] / sum(weight))


def test_a_word_no_page_uses_weighs_as_its_spelling_fix():
    typo, fixed = QueryTerm(("pornagraphy",)), QueryTerm(("pornography",))
    found = [Concept("pornagraphy", (typo, fixed))]
    assert ranking.weights(found, {typo: 0, fixed: 20}, 100) == [ranking.idf(20, 100)]


def test_a_misspelled_word_is_searched_as_the_site_word_too(fixture_content):
    site = get_site()
    query = parse("enticment", site.synonyms, lexicon(site.vocabulary, tuple(site.synonyms)))
    assert query.corrections == (("enticment", "enticement"),)
    assert QueryTerm(("enticement",)) in concepts(query, site.synonyms)[0].terms


def test_phone_contractions_are_common_words():
    assert parse("i dont know what im facing").words == ("know", "facing")


def test_a_reader_phrase_counts_only_when_its_words_come_together():
    phrase = frozenset({"asked", "pics"})
    assert said(phrase, ["girl", "pics", "asked"])
    assert not said(phrase, ["girl", "asked", "money", "send", "pics"])
