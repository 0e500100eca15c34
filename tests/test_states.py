"""Jurisdiction pages, the comparison table, the picker and the open-data downloads."""

import csv
import io
import json

import pytest

from explainer import states
from explainer.content import get_site, load_site
from explainer.errors import ContentInvalid

pytestmark = pytest.mark.usefixtures("fixture_content")


def test_state_page_shows_sourced_facts(client):
    html = client.get("/states/wi/").content.decode()
    assert "<h1>Wisconsin</h1>" in html
    assert 'href="https://www.wispd.org/"' in html
    assert "Source: " in html


def test_state_page_marks_unverified_value(client):
    html = client.get("/states/gu/").content.decode()
    facts = html.split('id="facts-title"', 1)[1]
    ncii = facts.split("9 GCA § 28.70", 1)[1][:200]
    assert "(not yet verified)" in ncii


def test_intimate_image_law_is_read_from_the_state_law_file(client):
    facts = client.get("/states/wi/").content.decode().split('id="facts-title"', 1)[1]
    ncii = facts.split("Wis. Stat. § 942.09", 1)[1][:400]
    assert "(read only in a secondary source)" in ncii
    assert 'href="https://example.org/942-09"' in ncii


def test_download_gives_the_intimate_image_statute_with_its_source(client):
    rows = {r["code"]: r for r in csv.DictReader(io.StringIO(client.get("/states.csv").text))}
    wi = rows["WI"]
    assert (wi["ncii_statute"], wi["ncii_statute_status"]) == (
        "Wis. Stat. § 942.09",
        "verified-2nd",
    )
    assert wi["ncii_statute_source"] == "https://example.org/942-09"


def test_intimate_image_law_given_in_both_files_is_refused(content_copy):
    path = content_copy / "states.yaml"
    path.write_text(
        path.read_text().replace(
            "  teen_sexting_law:",
            "  ncii_statute: {value: Wis. Stat. § 942.09}\n  teen_sexting_law:",
            1,
        )
    )
    with pytest.raises(ContentInvalid) as caught:
        load_site(content_copy)
    assert any(
        str(p).endswith(
            "states.yaml:1: WI ncii_statute: read from content/state-law/wi.yaml "
            "(intimate-images); remove it here"
        )
        for p in caught.value.problems
    )


def test_blank_value_says_not_confirmed(client):
    html = client.get("/states/gu/").content.decode()
    assert "We have not confirmed this yet." in html


def test_state_page_has_disclaimer_and_attorney_box(client):
    html = client.get("/states/gu/").content.decode()
    assert "General information, not legal advice." in html and 'class="attorney-box"' in html


def test_unknown_state_is_404(client):
    assert client.get("/states/zz/").status_code == 404


def test_state_picker_redirects_to_the_state_page(client):
    response = client.get("/states/?state=WI")
    assert response.status_code == 302 and response["Location"] == "/states/wi/"


def test_table_filters_without_javascript(client):
    html = client.get("/states/?kind=territory").content.decode()
    assert "Showing 1 of 2 jurisdictions." in html
    assert ">Guam</a>" in html and ">Wisconsin</a>" not in html


def test_table_filter_ignores_unknown_values(client):
    assert "Showing 2 of 2" in client.get("/states/?sorna=maybe&sort=evil").content.decode()


def test_htmx_request_gets_only_the_table(client):
    response = client.get("/states/?teen_sexting_law=yes", headers={"HX-Request": "true"})
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="state-table">')
    assert "<html" not in html


def test_article_attorney_box_offers_chosen_state(client):
    html = client.get("/charges/enticement/?state=wi").content.decode()
    box = html.split('class="attorney-box"', 1)[1].split("</aside>", 1)[0]
    assert "Help in Wisconsin" in box and 'href="https://www.wispd.org/"' in box


def test_unknown_state_parameter_is_ignored(client):
    response = client.get("/charges/enticement/?state=%00%ff")
    assert response.status_code == 200 and "Help in" not in response.content.decode()


def test_attorney_box_partial_pushes_the_state_into_the_url(client):
    response = client.get(
        "/attorney-box/?state=wi&next=/charges/enticement/", headers={"HX-Request": "true"}
    )
    assert response["HX-Push-Url"] == "/charges/enticement/?state=wi"


def test_attorney_box_refuses_to_send_readers_elsewhere(client):
    response = client.get("/attorney-box/?state=wi&next=//evil.example/")
    assert response["HX-Push-Url"] == "/?state=wi"


def test_csv_download_round_trips(client):
    text = client.get("/states.csv").content.decode()
    assert list(csv.DictReader(io.StringIO(text))) == states.rows(get_site().states.values())


def test_json_download_round_trips(client):
    data = json.loads(client.get("/states.json").content)
    assert data["jurisdictions"] == states.rows(get_site().states.values())


def test_malformed_state_row_names_file_and_line(content_copy):
    path = content_copy / "states.yaml"
    path.write_text(
        path.read_text().replace("source: https://example.org/smart-2018", "source: http//smart")
    )
    with pytest.raises(ContentInvalid) as caught:
        load_site(content_copy)
    assert any(
        str(p).endswith(
            "states.yaml:5: WI sorna: source 'http//smart' must be a well-formed https address"
        )
        for p in caught.value.problems
    )


def test_verified_value_needs_a_source(content_copy):
    path = content_copy / "states.yaml"
    path.write_text(path.read_text().replace("    source: https://example.org/smart-2018\n", ""))
    with pytest.raises(ContentInvalid) as caught:
        load_site(content_copy)
    assert any("needs the source it was read in" in str(p) for p in caught.value.problems)


def test_attorney_page_shows_state_resources_for_chosen_state(client):
    html = client.get("/find-a-defense-attorney/?state=wi").content.decode()
    assert "Help in Wisconsin" in html and 'href="https://www.wispd.org/"' in html


def test_attorney_page_state_swap_keeps_its_heading(client):
    html = client.get(
        "/attorney-box/?state=wi&next=/find-a-defense-attorney/", headers={"HX-Request": "true"}
    ).content.decode()
    assert "Help in your state" in html and "Help in Wisconsin" in html


def test_table_filters_show_the_choices_in_use(client):
    html = client.get("/states/?kind=territory&sorna=maybe").content.decode()
    assert '<option value="territory" selected>Territories</option>' in html
    # An unknown value is dropped, so the form shows "Any" as the table does.
    assert '<option value="" selected>Any</option>' in html
    assert '<option value="maybe"' not in html


def test_value_read_only_in_a_secondary_source_says_so(content_copy, client):
    path = content_copy / "states.yaml"
    path.write_text(
        path.read_text().replace(
            'source: "https://example.org/crc", status: verified,',
            'source: "https://example.org/crc", status: verified-2nd,',
        )
    )
    html = client.get("/states/wi/").content.decode()
    facts = html.split('id="facts-title"', 1)[1]
    sexting = facts.split("Law that treats teen sexting separately", 1)[1][:600]
    assert "(read only in a secondary source)" in sexting
    assert "(not yet verified)" not in sexting
    table = client.get("/states/").content.decode()
    assert "(secondary source)" in table
