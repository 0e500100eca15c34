"""Families reach a hub from the home page: how cases start, the first two days, support."""

import pytest

from explainer.content import get_site


def test_home_sends_families_to_the_families_hub(client, fixture_content):
    home = client.get("/").content.decode()
    path = home.split("Someone in my family is", 1)[0].rsplit("<a ", 1)[1]
    assert 'href="/families/"' in path


@pytest.mark.parametrize(
    "target",
    [
        "/process/how-cases-start/",
        "/process/first-48-hours/",
        "/process/for-families/",
        "/help/crisis-support/",
    ],
)
def test_real_families_hub_leads_to(client, target):
    assert f'href="{target}"' in client.get("/families/").content.decode()


def test_real_families_hub_lists_support_lines_for_family_members(client):
    html = client.get("/families/").content.decode()
    assert 'href="tel:988"' in html and "Stop It Now" in html


def test_real_first_48_hours_checklist_covers_jail_calls_and_deleting():
    text = get_site().article("process", "first-48-hours").text
    assert "Jail calls are recorded" in text and "Do not delete anything." in text
