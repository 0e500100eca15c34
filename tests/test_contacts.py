"""Who to call in each state: the contacts files, their checks, and where phone numbers show."""

import re

import pytest

from explainer.content import load_site
from explainer.errors import ContentInvalid

WI_DEFENDER_TEL = 'href="tel:+16082660087"'


def _broken(content_copy, text: str) -> str:
    (content_copy / "contacts" / "wi.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ContentInvalid) as caught:
        load_site(content_copy)
    return str(caught.value)


def _wi(content_copy) -> str:
    return (content_copy / "contacts" / "wi.yaml").read_text(encoding="utf-8")


def test_contact_without_source_names_file_and_line(content_copy):
    text = _wi(content_copy).replace("    source: https://www.wispd.org/contact\n", "", 1)
    message = _broken(content_copy, text)
    assert re.search(r"contacts/wi\.yaml:\d+: state_defense: office: every contact needs", message)


def test_phone_in_another_shape_is_refused(content_copy):
    message = _broken(content_copy, _wi(content_copy).replace("608-266-0087", "(608) 266 0087"))
    assert "contacts/wi.yaml" in message and "phone '(608) 266 0087' must look like" in message


def test_unknown_status_is_refused(content_copy):
    text = _wi(content_copy).replace("status: verified-2nd", "status: probably", 1)
    assert "status must be one of verified, verified-2nd, unverified" in _broken(content_copy, text)


def test_unknown_field_is_refused(content_copy):
    text = _wi(content_copy).replace("  kind: statewide\n", "  kind: statewide\n  hours: 9-5\n")
    assert "state_defense: unknown field 'hours'" in _broken(content_copy, text)


def test_statewide_system_needs_an_office(content_copy):
    text = _wi(content_copy)
    office_start = text.index("  office:")
    text = text[:office_start] + text[text.index("  research_note:") :]
    assert "a statewide system needs the office to call" in _broken(content_copy, text)


def test_file_for_unknown_jurisdiction_is_refused(content_copy):
    (content_copy / "contacts" / "zz.yaml").write_text(_wi(content_copy), encoding="utf-8")
    with pytest.raises(ContentInvalid, match="'zz' is not a jurisdiction"):
        load_site(content_copy)


def test_federal_districts_are_required(content_copy):
    text = _wi(content_copy)
    text = text[: text.index("federal_defenders:")] + text[text.index("lawyer_referral:") :]
    assert "federal_defenders: list the defender office" in _broken(content_copy, text)


def test_a_linked_pointer_to_local_referral_needs_words_for_its_link(content_copy):
    text = _wi(content_copy).replace(
        "  name: State Bar of Wisconsin Lawyer Referral and Information Service\n",
        "  none: true\n  how: Ask your county bar.\n",
    )
    assert "lawyer_referral: 'name' must be non-empty text" in _broken(content_copy, text)


@pytest.mark.usefixtures("fixture_content")
class TestWhereNumbersShow:
    def test_state_page_dials_each_office(self, client):
        html = client.get("/states/wi/").content.decode()
        assert WI_DEFENDER_TEL in html
        assert 'href="tel:+14142219900"' in html  # the federal defender
        assert 'href="tel:+18003629082"' in html  # the bar's referral service

    def test_state_page_shows_when_each_contact_was_checked(self, client):
        html = client.get("/states/wi/").content.decode()
        office = html.split("Wisconsin State Public Defender", 1)[1][:400]
        assert "Checked Dec 1, 2026" in office

    def test_secondary_source_is_said(self, client):
        html = client.get("/states/wi/").content.decode()
        western = html.split("Western District of Wisconsin", 1)[1][:600]
        assert "in a secondary source" in western

    def test_cja_district_explains_the_route(self, client):
        html = client.get("/states/wi/").content.decode()
        assert "appoints a private lawyer from its panel" in html

    def test_editors_notes_are_never_shown(self, client):
        for url in ("/states/wi/", "/intake/?state=wi", "/find-a-defense-attorney/?state=wi"):
            assert "Editors only" not in client.get(url).content.decode(), url

    def test_attorney_box_with_a_state_dials_its_offices(self, client):
        html = client.get("/find-a-defense-attorney/?state=wi").content.decode()
        box = html.split('class="attorney-box"', 1)[1]
        assert WI_DEFENDER_TEL in box and "Checked Dec 1, 2026" in box

    def test_intake_page_and_sheet_dial_the_callers_state(self, client):
        for url in ("/intake/?state=wi", "/intake/sheet/?state=wi"):
            assert WI_DEFENDER_TEL in client.get(url).content.decode(), url

    def test_handout_with_a_state_dials_its_offices(self, client, fixture_content):
        from explainer.content import get_site

        charge = next(a for a in get_site().all_documents() if a.handout)
        html = client.get(f"{charge.handout_url}?state=wi").content.decode()
        assert WI_DEFENDER_TEL in html

    def test_state_route_comes_first_for_a_chosen_state(self, client):
        html = client.get("/intake/?state=wi").content.decode()
        links = html.split('class="lawyer-links"', 1)[1]
        assert links.index("State case") < links.index("Federal case")

    def test_unknown_state_shows_the_national_links(self, client):
        html = client.get("/intake/?state=zz").content.decode()
        assert WI_DEFENDER_TEL not in html and "Each state's own public defender" in html


def test_a_ten_digit_number_dials_with_the_us_country_code():
    from explainer.phones import tel

    assert tel("608-266-0087") == "+16082660087"
    assert tel("1-800-THE-LOST") == "+18008435678"
    assert tel("988") == "988"


def test_paper_keeps_the_first_sentence_of_a_how_to_note():
    from explainer.handouts import Link

    link = Link("State case", "", None, note="Ask the judge for a lawyer. Each county decides how.")
    assert link.short_note == "Ask the judge for a lawyer."
    named = Link("To find a private lawyer", "City Bar", None, note="No statewide service.")
    assert named.short_note == ""


@pytest.mark.usefixtures("fixture_content")
def test_printed_sheet_shows_the_short_note_and_the_screen_the_whole_one(client):
    whole = "local office takes most trial cases."
    assert whole + " Ask for it" in client.get("/intake/?state=wi").content.decode()
    printed = client.get("/intake/sheet/?state=wi").content.decode()
    assert whole in printed and "Ask for it at your first court date" not in printed


@pytest.mark.usefixtures("fixture_content")
def test_printed_sheet_dates_the_list_by_its_oldest_check(client):
    printed = client.get("/intake/sheet/?state=wi").content.decode()
    assert "Phone numbers and addresses checked Dec 1, 2026 or later." in printed
