"""State law, charge by charge: the law files, their checks, and the pages built from them."""

import csv
import io
import json
import re

import pytest

from explainer import lawpages
from explainer.content import get_site, load_site
from explainer.errors import ContentInvalid

CHARGE = "/states/wi/enticement/"


def _broken(content_copy, old: str, new: str) -> str:
    path = content_copy / "state-law" / "wi.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentInvalid) as caught:
        load_site(content_copy)
    return str(caught.value)


def test_unknown_source_key_names_file_and_line(content_copy):
    message = _broken(content_copy, "sources: [wis-948-075, wis-939-50]", "sources: [nowhere]")
    assert re.search(
        r"state-law/wi\.yaml:\d+: charges enticement: unknown source 'nowhere'", message
    )


def test_bad_duration_is_refused(content_copy):
    message = _broken(content_copy, "high: 25y", "high: 25 years")
    assert "high: duration '25 years' is not like 10y, 18m, 90d, 0 or life" in message


def test_unknown_category_is_refused(content_copy):
    assert "charges: unknown category 'jaywalking'" in _broken(
        content_copy, "  possession:\n    statutes:", "  jaywalking:\n    statutes:"
    )


def test_unknown_status_is_refused(content_copy):
    assert "status must be one of" in _broken(content_copy, "status: verified-2nd", "status: sure")


def test_a_source_cannot_be_both_official_and_a_copy(content_copy):
    message = _broken(
        content_copy, "primary: false\n    copy: true", "primary: true\n    copy: true"
    )
    assert re.search(
        r"state-law/wi\.yaml:\d+: sources copy-948-12: is either the official", message
    )


def test_empty_value_is_refused_rather_than_shown(content_copy):
    assert "value must be non-empty" in _broken(content_copy, "value: '18'", "value: ''")


def test_category_must_point_at_an_article(content_copy):
    path = content_copy / "state-charges.yaml"
    path.write_text(path.read_text().replace("article: charges/enticement", "article: x/y", 1))
    with pytest.raises(ContentInvalid, match="enticement: no article 'x/y'"):
        load_site(content_copy)


@pytest.mark.usefixtures("fixture_content")
class TestChargePage:
    def test_names_the_statute_with_its_citation_mark(self, client):
        html = client.get(CHARGE).content.decode()
        assert (
            "Wis. Stat. § 948.075</strong>: Use of a computer to facilitate a child sex crime"
            in html
        )
        assert 'href="#source-1"' in html

    def test_penalty_card_reads_like_the_federal_one(self, client):
        html = client.get(CHARGE).content.decode()
        assert 'data-label="Mandatory minimum">5 years<' in html
        assert "up to 25 years in prison" in html and "Class D felony" in html

    def test_unofficial_copy_is_said(self, client):
        html = client.get("/states/wi/possession/").content.decode()
        first = html.split("First offense", 1)[1].split("A later offense", 1)[0]
        assert "read only in an unofficial copy of the law" in first

    def test_a_value_resting_on_a_summary_says_so(self, client):
        html = client.get("/states/wi/possession/").content.decode()
        later = html.split("A later offense", 1)[1]
        assert "read only in a summary of the law, not the law itself" in later

    def test_unresearched_charge_says_so(self, client):
        html = client.get("/states/gu/enticement/").content.decode()
        assert "We have not yet researched Guam's law on this charge." in html

    def test_links_the_federal_article_and_the_local_defense_path(self, client):
        html = client.get(CHARGE).content.decode()
        assert 'href="/charges/enticement/"' in html
        assert 'href="tel:+16082660087"' in html

    def test_has_disclaimer_and_sources(self, client):
        html = client.get(CHARGE).content.decode()
        assert "General information, not legal advice." in html
        assert 'id="source-1"' in html and "docs.legis.wisconsin.gov" in html

    @pytest.mark.parametrize(
        "url", ["/states/zz/enticement/", "/states/wi/jaywalking/", "/states/compare/jaywalking/"]
    )
    def test_unknown_state_or_charge_is_a_404_with_the_state_list(self, client, url):
        response = client.get(url)
        assert response.status_code == 404
        assert 'href="/states/wi/"' in response.content.decode()

    def test_handout_fills_in_the_state(self, client):
        html = client.get(f"{CHARGE}handout/").content.decode()
        assert "Online enticement of a minor in Wisconsin" in html
        assert "up to 25 years in prison" in html and 'href="tel:+16082660087"' in html

    def test_state_handout_has_no_citation_numbers_pointing_nowhere(self, client):
        html = client.get(f"{CHARGE}handout/").content.decode()
        assert "#source-" not in html
        assert "sources for each figure are listed on the full page" in html

    def test_state_page_links_each_charge_page(self, client):
        html = client.get("/states/wi/").content.decode()
        assert 'href="/states/wi/enticement/"' in html and 'href="/states/wi/possession/"' in html
        assert "Class D felony: up to 25 years in prison" in html

    def test_state_page_shows_the_age_of_consent_with_its_source(self, client):
        html = client.get("/states/wi/").content.decode()
        facts = html.split('id="law-title"', 1)[1]
        assert "Age of consent" in facts and "18" in facts and 'href="#source-1"' in facts


@pytest.mark.usefixtures("fixture_content")
class TestComparison:
    def test_lists_every_jurisdiction(self, client):
        html = client.get("/states/compare/enticement/").content.decode()
        assert "Showing 2 of 2 jurisdictions." in html
        assert "Class D felony" in html and "Not yet researched" in html

    def test_gives_the_registration_answer_and_leaves_the_rest_to_the_state_page(self, client):
        html = client.get("/states/compare/enticement/").content.decode()
        answer = "Yes. Using a computer to facilitate a child sex crime is on the list of sex"
        assert answer in html and "A judge cannot excuse" not in html
        assert "A judge cannot excuse an adult from it." in client.get(
            "/states/wi/enticement/"
        ).content.decode("utf-8")

    def test_names_the_situation_shown_and_points_to_the_others(self, client):
        # A state with several rows (ages, counts, repeat offenses) shows its first; the rest
        # are one tap away, so a short range is never read as the whole story.
        html = client.get("/states/compare/possession/").content.decode()
        assert 'data-label="Situation">First offense' in html
        assert 'href="/states/wi/possession/">1 more situation on the Wisconsin page</a>' in html
        state_page = client.get("/states/wi/").content.decode()
        assert "up to 25 years in prison (first of 2 situations)" in state_page

    def test_filters_without_javascript(self, client):
        html = client.get("/states/compare/enticement/?researched=no").content.decode()
        assert "Showing 1 of 2" in html and ">Guam</a>" in html and ">Wisconsin</a>" not in html

    def test_sorts_by_longest_range(self, client):
        html = client.get("/states/compare/enticement/?sort=high").content.decode()
        assert html.index(">Wisconsin</a>") < html.index(">Guam</a>")

    def test_unknown_options_are_ignored(self, client):
        response = client.get("/states/compare/enticement/?sort=evil&researched=%00")
        assert response.status_code == 200 and "Showing 2 of 2" in response.content.decode()

    def test_htmx_request_gets_only_the_table(self, client):
        html = client.get("/states/compare/enticement/", headers={"HX-Request": "true"}).content
        assert html.decode().lstrip().startswith('<div id="compare-table">')

    def test_csv_carries_sources_and_round_trips(self, client):
        text = client.get("/states/compare/enticement.csv").content.decode()
        rows = list(csv.DictReader(io.StringIO(text)))
        site = get_site()
        assert rows == lawpages.download_rows(site, site.state_charges["enticement"])
        wi = next(r for r in rows if r["code"] == "WI")
        assert wi["penalty_sources"].startswith("https://docs.legis.wisconsin.gov/")
        assert wi["mandatory_minimum"] == "5 years"

    def test_json_round_trips(self, client):
        data = json.loads(client.get("/states/compare/enticement.json").content)
        site = get_site()
        assert data["states"] == lawpages.download_rows(site, site.state_charges["enticement"])


@pytest.mark.usefixtures("fixture_content")
class TestWhereStateLawIsLinked:
    def test_charge_article_links_the_chosen_states_page(self, client):
        html = client.get("/charges/enticement/?state=wi").content.decode()
        assert 'href="/states/wi/enticement/"' in html and "The law in Wisconsin" in html

    def test_charge_article_without_a_state_links_the_comparison(self, client):
        html = client.get("/charges/enticement/").content.decode()
        assert 'href="/states/compare/enticement/"' in html

    def test_intake_page_links_the_callers_state_law(self, client):
        html = client.get("/intake/?state=wi").content.decode()
        assert 'href="/states/wi/possession/"' in html


@pytest.mark.usefixtures("fixture_content")
def test_feed_announces_each_researched_state(client):
    xml = client.get("/feed/").content.decode()
    assert "Wisconsin: state law by charge" in xml and "Guam: state law by charge" not in xml


@pytest.mark.usefixtures("fixture_content")
def test_sitemap_lists_state_charge_pages_and_comparisons(client):
    xml = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://testserver/states/wi/enticement/</loc>" in xml
    assert "<loc>http://testserver/states/compare/possession/</loc>" in xml


def test_penalty_without_a_stated_minimum_is_refused(content_copy):
    message = _broken(content_copy, "        mandatory_min: 5y\n", "")
    assert "each penalty needs when, mandatory_min and high" in message


def test_days_read_as_days():
    from explainer.legaldata import Duration

    assert Duration.parse("93d").words() == "93 days"
    assert Duration.parse("93d").months < Duration.parse("4m").months


def test_a_fine_only_offense_is_not_called_up_to_nothing_in_prison():
    from explainer.legaldata import Duration, range_words

    zero = Duration.parse("0")
    assert range_words(zero, zero) == "no prison term (a fine or other penalty only)"


def test_a_registration_answer_is_its_opening_sentences():
    text = "No. Stalking and harassment are not on the list of sex offenses in § 9.1-902. A judge"
    assert lawpages.answer(text + " may still order it.") == (
        "No. Stalking and harassment are not on the list of sex offenses in § 9.1-902."
    )


def test_a_registration_answer_does_not_stop_at_an_abbreviation():
    text = "Yes. Ala. Code § 13A-6-122 is on the list of sex offenses in § 15-20A-5. More here."
    assert lawpages.answer(text) == (
        "Yes. Ala. Code § 13A-6-122 is on the list of sex offenses in § 15-20A-5."
    )


def test_a_short_registration_value_is_shown_whole():
    assert lawpages.answer("Yes, for life.") == "Yes, for life."
