"""One address for every kind of page the site serves, for the checks that must cover them all.

The kinds are known without reading the content, so collecting tests stays cheap; the
addresses come from the real content when a test asks for them.
"""

import io

from django.core.management import call_command

from explainer.content import get_site

SEARCH_QUERY = "enticement"
NOT_FOUND = "/no-such-page-anywhere/"


def page_kinds() -> list[str]:
    return [
        "home",
        "section",
        "article",
        "glossary",
        "attorney page",
        "states table",
        "state page",
        "state charge page",
        "state charge handout",
        "state comparison",
        "404",
        "search with results",
        "intake",
        "intake sheet",
        "handout",
    ]


def build_search_index() -> None:
    """Search needs its index in the test database before "search with results" has any."""
    call_command("build_search_index", stdout=io.StringIO())


def charge_article():
    return get_site().section_articles("charges")[0]


def researched_state():
    """A state whose law file fills the charge page, so the checks see a full penalty card."""
    states = get_site().states.values()
    return next((j for j in states if j.law and j.law.charges), next(iter(states)))


def first_charge() -> str:
    return next(iter(get_site().state_charges))


def path_for(kind: str) -> str:
    site = get_site()
    paths = {
        "home": lambda: "/",
        "section": lambda: next(iter(site.sections.values())).url,
        "article": lambda: charge_article().url,
        "glossary": lambda: "/glossary/",
        "attorney page": lambda: "/find-a-defense-attorney/",
        "states table": lambda: "/states/",
        "state page": lambda: next(iter(site.states.values())).url,
        "state charge page": lambda: f"{researched_state().url}{first_charge()}/",
        "state charge handout": lambda: f"{researched_state().url}{first_charge()}/handout/",
        "state comparison": lambda: f"/states/compare/{first_charge()}/",
        "404": lambda: NOT_FOUND,
        "search with results": lambda: f"/search/?q={SEARCH_QUERY}",
        "intake": lambda: "/intake/",
        "intake sheet": lambda: "/intake/sheet/",
        "handout": lambda: f"{charge_article().url}handout/",
    }
    return paths[kind]()
