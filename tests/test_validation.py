"""Bad content fails loudly, naming the file and the line."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from explainer.content import load_site
from explainer.errors import ContentInvalid

ARTICLE = "articles/charges/enticement.md"


def problems_for(root):
    with pytest.raises(ContentInvalid) as caught:
        load_site(root)
    return [str(p) for p in caught.value.problems]


def edit(root, relative, old, new):
    path = root / relative
    text = path.read_text()
    assert old in text, f"fixture no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1))


def test_fixture_content_is_valid(fixture_content):
    site = load_site(fixture_content)
    assert "charges/enticement" in site.articles


def test_invalid_front_matter_names_file_and_line(content_copy):
    edit(content_copy, ARTICLE, "summary: What the enticement charge means.", "summary: [unclosed")
    assert any(
        p.startswith(f"{ARTICLE}:") and "invalid YAML" in p
        for p in _relative(problems_for(content_copy), content_copy)
    )


def test_a_key_given_twice_names_file_and_line(content_copy):
    # YAML would silently keep the second value; one of the two was never going to be shown.
    edit(
        content_copy,
        "state-law/wi.yaml",
        "    primary: false\n    copy: true\n",
        "    primary: false\n    copy: true\n    copy: true\n",
    )
    found = _relative(problems_for(content_copy), content_copy)
    assert any(p.startswith("state-law/wi.yaml:") and "duplicate key 'copy'" in p for p in found), (
        found
    )


def test_missing_required_field_is_named(content_copy):
    edit(content_copy, ARTICLE, "last_reviewed: 2026-11-23\n", "")
    found = _relative(problems_for(content_copy), content_copy)
    assert f"{ARTICLE}:1: front matter: missing required field 'last_reviewed'" in found


def test_unknown_data_key_names_line(content_copy):
    edit(content_copy, ARTICLE, "{{penalty:enticement}}", "{{penalty:no-such-offense}}")
    found = _relative(problems_for(content_copy), content_copy)
    assert (
        f"{ARTICLE}:25: unknown offense key 'no-such-offense' in "
        "{{penalty:no-such-offense}}" in found
    )


def test_unknown_citation_key_names_line(content_copy):
    edit(content_copy, ARTICLE, "{{cite:example-guide}}", "{{cite:nobody-said-this}}")
    found = _relative(problems_for(content_copy), content_copy)
    assert any(p.startswith(f"{ARTICLE}:35: unknown source key 'nobody-said-this'") for p in found)


def test_unknown_front_matter_source_is_named(content_copy):
    edit(content_copy, ARTICLE, "  - usc-18-2422\n  - label", "  - usc-18-9999\n  - label")
    found = _relative(problems_for(content_copy), content_copy)
    assert f"{ARTICLE}:8: sources: unknown source key 'usc-18-9999'" in found


def test_broken_internal_link_names_line(content_copy):
    edit(
        content_copy,
        ARTICLE,
        "(/process/after-an-arrest/#the-first-day)",
        "(/process/no-such-article/)",
    )
    found = _relative(problems_for(content_copy), content_copy)
    assert (
        f"{ARTICLE}:29: broken internal link '/process/no-such-article/': no such article" in found
    )


def test_link_to_missing_heading_is_broken(content_copy):
    edit(content_copy, ARTICLE, "#the-first-day", "#no-such-heading")
    found = _relative(problems_for(content_copy), content_copy)
    assert any("no heading #no-such-heading" in p for p in found)


def test_malformed_data_tag_is_reported(content_copy):
    edit(content_copy, ARTICLE, "{{statute:enticement}}", "{{statute:enticement")
    found = _relative(problems_for(content_copy), content_copy)
    assert f"{ARTICLE}:21: malformed data tag (expected {{{{kind:key}}}})" in found


def test_block_tag_inside_a_sentence_is_reported(content_copy):
    edit(content_copy, ARTICLE, "{{cite:example-guide}}", "{{minimums-table}}")
    found = _relative(problems_for(content_copy), content_copy)
    assert any("must stand alone on its own line" in p for p in found)


def test_unknown_related_article_is_reported(content_copy):
    edit(content_copy, ARTICLE, "process/after-an-arrest\n", "process/nowhere\n")
    found = _relative(problems_for(content_copy), content_copy)
    assert f"{ARTICLE}:1: related: no article 'process/nowhere'" in found


def test_data_file_error_names_its_line(content_copy):
    edit(content_copy, "legal-data.yaml", "max: 20y", "max: twenty years")
    found = _relative(problems_for(content_copy), content_copy)
    assert any(p.startswith("legal-data.yaml:") and "twenty years" in p for p in found)


def test_data_source_must_be_https(content_copy):
    edit(content_copy, "legal-data.yaml", "https://example.org/guide", "http://example.org/guide")
    found = _relative(problems_for(content_copy), content_copy)
    assert "legal-data.yaml:8: source 'example-guide': url must be an https address" in found


def test_article_needs_a_primary_source(content_copy):
    path = content_copy / "articles/process/after-an-arrest.md"
    path.write_text(
        path.read_text().replace(
            "  - usc-18-2422\n", "  - label: Blog\n    url: https://example.org/blog\n"
        )
    )
    found = _relative(problems_for(content_copy), content_copy)
    assert any("at least one must be primary" in p for p in found)


def test_check_command_fails_on_broken_content(content_copy):
    edit(content_copy, ARTICLE, "{{penalty:enticement}}", "{{penalty:no-such-offense}}")
    with pytest.raises(SystemCheckError) as caught:
        call_command("check")
    assert "enticement.md:25: unknown offense key" in str(caught.value)


def test_every_problem_is_reported_not_just_the_first(content_copy):
    edit(content_copy, ARTICLE, "{{penalty:enticement}}", "{{penalty:one-bad-key}}")
    edit(content_copy, ARTICLE, "{{fig:civil-damages}}", "{{fig:another-bad-key}}")
    found = " ".join(problems_for(content_copy))
    assert "one-bad-key" in found and "another-bad-key" in found


def _relative(problems, root):
    prefix = str(root) + "/"
    return [p.removeprefix(prefix) for p in problems]


def test_home_path_with_a_broken_link_names_its_line(content_copy):
    edit(content_copy, "home.yaml", "link: /intake/", "link: /no-such-page/")
    problems = _relative(problems_for(content_copy), content_copy)
    # The line of the entry (its title), as for other YAML entries.
    assert any(p.startswith("home.yaml:9: broken internal link '/no-such-page/'") for p in problems)


def test_home_path_with_an_unknown_field_is_reported(content_copy):
    edit(content_copy, "home.yaml", "link: /intake/", "link: /intake/\n    url: /intake/")
    assert any(
        p.startswith("home.yaml:") and "unknown field 'url'" in p
        for p in _relative(problems_for(content_copy), content_copy)
    )
