"""The intake page: a referral script from content, with a state's own lawyer links on request."""

import pytest

from explainer.content import get_site, load_site
from explainer.errors import ContentInvalid


def intake_html(client, query=""):
    response = client.get(f"/intake/{query}")
    assert response.status_code == 200
    return response.content.decode()


def lawyer_links(html):
    return html.split('id="lawyer-links-title"', 1)[1].split("</section>", 1)[0]


def test_intake_page_shows_the_script_written_in_content(client, fixture_content):
    html = intake_html(client)
    assert '<h2 id="say-this-first">Say this first</h2>' in html
    assert "This is general information, not legal advice." in html


def test_intake_script_resource_tags_render_as_links(client, fixture_content):
    assert 'href="https://example.org/help" class="external">Example Helpline</a>' in intake_html(
        client
    )


def test_intake_page_without_a_state_lists_the_national_routes(client, fixture_content):
    links = lawyer_links(intake_html(client))
    for url in (
        "https://example.org/federal-defenders",
        "https://example.org/cja",
        "https://example.org/state-defenders",
        "https://example.org/referral",
    ):
        assert f'href="{url}"' in links


def test_intake_page_with_a_state_lists_that_states_public_defender(client, fixture_content):
    links = lawyer_links(intake_html(client, "?state=wi"))
    assert "Where to get a lawyer in Wisconsin" in links
    assert (
        'href="https://www.wispd.org/" class="external">Wisconsin State Public Defender</a>'
        in links
    )
    assert "https://example.org/state-defenders" not in links


def test_state_without_a_referral_service_falls_back_to_the_national_one(client, fixture_content):
    assert 'href="https://example.org/referral"' in lawyer_links(intake_html(client, "?state=gu"))


def test_state_is_chosen_with_a_plain_get_form(client, fixture_content):
    html = intake_html(client)
    form = html.split('<form class="state-picker"', 1)[1].split("</form>", 1)[0]
    assert 'method="get" action="/intake/"' in form
    assert 'name="state"' in form and "The caller's state or territory" in form


@pytest.mark.parametrize("query", ["?state=zz", "?state=%00", "?state=wisconsin", "?state="])
def test_unknown_state_shows_the_national_routes(client, fixture_content, query):
    assert 'href="https://example.org/state-defenders"' in lawyer_links(intake_html(client, query))


def test_intake_page_links_to_its_printable_sheet_with_the_state(client, fixture_content):
    assert 'href="/intake/sheet/?state=wi"' in intake_html(client, "?state=wi")


def test_intake_sheet_prints_the_same_script_with_state_links(client, fixture_content):
    html = client.get("/intake/sheet/?state=wi").content.decode()
    assert "Say this first" in html and "Wisconsin State Public Defender" in html
    assert 'href="/static/css/print.css"' in html and "css/site.css" not in html


def test_intake_sheet_names_its_full_address_and_review_date(client, fixture_content):
    html = client.get("/intake/sheet/").content.decode()
    assert 'Printed from <span class="url">http://testserver/intake/</span>' in html
    assert 'Last reviewed <time datetime="2026-11-23">' in html


def test_home_sends_intake_staff_to_the_intake_page(client, fixture_content):
    home = client.get("/").content.decode()
    path = home.split("I work in legal-aid intake", 1)[0].rsplit("<a ", 1)[1]
    assert 'href="/intake/"' in path


def test_intake_page_is_required_content(content_copy):
    (content_copy / "pages" / "intake.md").unlink()
    with pytest.raises(ContentInvalid) as caught:
        load_site(content_copy)
    assert "pages/intake.md: required page is missing" in str(caught.value)


def test_real_intake_script_has_its_four_parts():
    headings = [h["name"] for h in get_site().pages["intake"].toc]
    assert headings[:4] == [
        "Say this first",
        "Ask three questions",
        "Where each answer leads",
        "What not to say",
    ]
