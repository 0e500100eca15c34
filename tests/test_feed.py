"""/feed/: every page's change log as one Atom feed; /sitemap.xml dates each page."""

import datetime
import re
from xml.etree import ElementTree

import pytest

from explainer.content import load_site
from explainer.feeds import site_changes

ATOM = "{http://www.w3.org/2005/Atom}"
pytestmark = pytest.mark.usefixtures("fixture_content")


def feed(client):
    response = client.get("/feed/")
    assert response.status_code == 200
    return response, ElementTree.fromstring(response.content)


def add_change(root, relative, date, words):
    path = root / relative
    text = path.read_text()
    entry = f"changes:\n  - date: {date}\n    change: {words}\n"
    path.write_text(text.replace("changes:\n", entry, 1))


def test_feed_is_atom(client):
    response, tree = feed(client)
    assert response["Content-Type"].startswith("application/atom+xml")
    assert tree.tag == f"{ATOM}feed"


def test_feed_names_its_author_as_atom_requires(client):
    _, tree = feed(client)
    assert tree.findtext(f"{ATOM}author/{ATOM}name") == "The explainer"


def test_feed_has_an_entry_for_each_change(client):
    _, tree = feed(client)
    entry = tree.find(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == "Online enticement"
    assert entry.findtext(f"{ATOM}summary") == "First published."
    assert entry.findtext(f"{ATOM}updated") == "2026-11-23T00:00:00+00:00"


def test_feed_entry_links_to_that_change_on_its_page(client):
    _, tree = feed(client)
    link = tree.find(f"{ATOM}entry/{ATOM}link").get("href")
    assert link == "http://testserver/charges/enticement/#change-1"
    assert '<li id="change-1">' in client.get("/charges/enticement/").content.decode()


def test_feed_lists_newest_changes_first_with_unique_ids(content_copy):
    add_change(content_copy, "articles/charges/enticement.md", "2027-01-05", "Corrected a date.")
    # Page change logs only; state law entries are covered in test_statelaw.
    changes = [c for c in site_changes(load_site(content_copy)) if c.document.url != "/states/wi/"]
    assert [c.change.change for c in changes] == ["Corrected a date.", "First published."]
    assert [c.number for c in changes] == [2, 1]


def test_change_numbers_stay_put_when_a_newer_change_is_added(content_copy):
    first = site_changes(load_site(content_copy))[0]
    add_change(content_copy, "articles/charges/enticement.md", "2027-01-05", "Corrected a date.")
    later = [c for c in site_changes(load_site(content_copy)) if c.change == first.change]
    assert later[0].number == first.number


def test_every_page_links_to_the_feed_from_its_head(client):
    head = client.get("/charges/enticement/").content.decode().split("</head>", 1)[0]
    assert (
        '<link rel="alternate" type="application/atom+xml" title="Changes to this site" '
        'href="/feed/">' in head
    )


def test_sitemap_dates_each_page_by_its_last_review(client):
    xml = client.get("/sitemap.xml").content.decode()
    pairs = re.findall(r"<loc>http://testserver([^<]+)</loc><lastmod>([^<]+)</lastmod>", xml)
    entries = dict(pairs)
    assert entries["/process/after-an-arrest/"] == "2020-01-01"
    assert entries["/charges/enticement/"] == "2026-11-23"


def test_feed_entry_time_is_midnight_utc_of_the_change_date(content_copy):
    change = site_changes(load_site(content_copy))[0]
    assert change.published == datetime.datetime(2026, 11, 23, tzinfo=datetime.UTC)
