"""Small rules behind the data tags, tested without HTTP."""

import re
from pathlib import Path

import pytest

from explainer.legaldata import Duration, PenaltyLine
from explainer.tags import TAG_KINDS, TagRenderer, in_sentence, tel


@pytest.mark.parametrize(
    ("low", "high", "words"),
    [
        ("10y", "life", "10 years to life in prison"),
        ("0", "20y", "up to 20 years in prison"),
        ("5y", "20y", "5 to 20 years in prison"),
        ("1y", "18m", "1 year to 18 months in prison"),
        ("0", "life", "up to life in prison"),
    ],
)
def test_penalty_line_in_words(low, high, words):
    line = PenaltyLine("x", Duration.parse(low), Duration.parse(high), (), "verified")
    assert line.words() == words


def test_duration_rejects_free_text():
    with pytest.raises(ValueError):
        Duration.parse("ten years")


@pytest.mark.parametrize(
    ("phone", "target"),
    [
        ("988", "988"),
        ("1-800-843-5678", "+18008435678"),
        ("1-800-THE-LOST", "+18008435678"),
        ("1-800-CALL-FBI (1-800-225-5324)", "+18002255324"),
    ],
)
def test_tel_links_dial_the_written_number(phone, target):
    assert tel(phone) == target


@pytest.mark.parametrize(
    ("term", "shown"),
    [
        ("Mandatory minimum", "mandatory minimum"),
        ("CSAM", "CSAM"),
        ("International Megan's Law", "International Megan's Law"),
    ],
)
def test_glossary_terms_read_naturally_mid_sentence(term, shown):
    assert in_sentence(term) == shown


def documented_tag_kinds() -> dict[str, str]:
    """Kind -> 'inline' or 'own paragraph', from the data-tag table in docs/content-format.md."""
    text = (Path(__file__).parent.parent / "docs" / "content-format.md").read_text()
    section = text.split("### Data tags", 1)[1].split("\n### ", 1)[0]
    rows = re.findall(r"^\| `\{\{([a-z-]+)[^|]*?\|.*\| ([a-z ]+) \|$", section, re.M)
    return dict(rows)


def test_content_format_doc_lists_every_tag_kind_and_where_it_goes():
    documented = documented_tag_kinds()
    assert set(documented) == set(TAG_KINDS)
    for name, kind in TAG_KINDS.items():
        assert documented[name] == ("own paragraph" if kind.block else "inline"), name


def test_every_tag_kind_names_a_table_the_renderer_can_read(fixture_content):
    from explainer.content import get_site

    site = get_site()
    renderer = TagRenderer(site.data, site.glossary)
    for name, kind in TAG_KINDS.items():
        if kind.table:
            assert isinstance(renderer.table(kind.table), dict), name
            assert kind.noun, name
