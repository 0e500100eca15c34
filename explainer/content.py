"""The whole site, read from content/ once and checked as a whole.

get_site() loads everything on first use and keeps it; nothing is parsed per request.
Any problem anywhere raises ContentInvalid listing every problem with its file and line,
so a broken article stops `manage.py check`, the tests and a production start-up.
Each file kind has its own module (docfile, sections, glossary, states, legalfile,
synonyms); this one puts them together and runs the checks that span files.
"""

import functools
from pathlib import Path

from django.conf import settings

from . import docfile, glossary, home, legalfile, links, sections, statecharges, statelaw, states
from .documents import Site
from .errors import Collector, ContentInvalid, Problem
from .search import documents as searchdocs
from .search import intents, synonyms

PAGES = ("about", "disclaimer", "privacy", "find-a-defense-attorney", "families")
# Pages whose view adds more than the text (the intake script adds state lawyer links).
PAGES_WITH_OWN_VIEW = ("intake",)


@functools.cache
def get_site() -> Site:
    return load_site(Path(settings.CONTENT_DIR))


def reset() -> None:
    get_site.cache_clear()


def load_site(root: Path) -> Site:
    problems: list[Problem] = []
    site = Site(
        data=legalfile.load(root / "legal-data.yaml", problems),
        sections=sections.load(root / "sections.yaml", problems),
        articles={},
        pages={},
        glossary=glossary.load(root / "glossary.yaml", problems),
        states=states.load(root / "states.yaml", problems),
        state_charges=statecharges.load(root / "state-charges.yaml", problems),
    )
    _attach_state_law(site, root / "state-law", problems)
    for path in sorted((root / "articles").rglob("*.md")):
        article = docfile.load(path, site, problems, expected_section=path.parent.name)
        if article:
            site.articles[article.key] = article
    for path in sorted((root / "pages").glob("*.md")):
        page = docfile.load(path, site, problems, expected_section="pages")
        if page:
            site.pages[page.slug] = page
    _check_pages(site, root / "pages", problems)
    site.entry_paths = home.load(root / "home.yaml", problems)
    links.check_cross_references(site, root / "glossary.yaml", problems)
    for entry in site.entry_paths:
        message = links.check_link(entry.url, site)
        if message:
            problems.append(Problem(root / "home.yaml", entry.line, message))
    for category in site.state_charges.values():
        if category.article not in site.articles:
            problems.append(
                Problem(
                    root / "state-charges.yaml",
                    None,
                    f"{category.key}: no article {category.article!r}",
                )
            )

    indexed = searchdocs.documents(site)
    site.vocabulary = searchdocs.vocabulary(indexed)
    site.synonyms = synonyms.load(
        root / "synonyms.yaml", searchdocs.running_text(indexed), problems
    )
    site.intents = intents.load(root / "search-intents.yaml", {d.url for d in indexed}, problems)
    site.fingerprint = searchdocs.fingerprint(root)
    if problems:
        raise ContentInvalid(problems)
    return site


def _attach_state_law(site: Site, folder: Path, problems: list[Problem]) -> None:
    """Each jurisdiction's charge-by-charge law, once the categories are known."""
    laws = statelaw.load_all(folder, set(site.states), set(site.state_charges), problems)
    out = Collector(folder.parent / "states.yaml", problems)
    site.states = {slug: states.with_law(j, laws.get(slug), out) for slug, j in site.states.items()}


def _check_pages(site: Site, folder: Path, problems: list[Problem]) -> None:
    """Every routed page has a file, and every page file has a route."""
    for slug in PAGES + PAGES_WITH_OWN_VIEW:
        if slug not in site.pages:
            problems.append(Problem(folder / f"{slug}.md", None, "required page is missing"))
    for slug, page in site.pages.items():
        if slug not in PAGES + PAGES_WITH_OWN_VIEW:
            problems.append(Problem(page.path, 1, f"page {slug!r} has no route; add it to PAGES"))
