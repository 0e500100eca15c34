"""/feed/: an Atom feed of every page's change log, newest first.

Each entry is one line of a page's `changes:` front matter, so readers and legal-aid staff
can follow corrections and new pages without visiting the site.
"""

import datetime
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from .content import get_site
from .documents import Article, Change, Site

FEED_LENGTH = 50


@dataclass(frozen=True)
class StateLawPage:
    """A jurisdiction's law pages, as one entry: they change together when re-researched."""

    title: str
    url: str


@dataclass(frozen=True)
class SiteChange:
    document: Article | StateLawPage
    change: Change
    number: int  # position in the page's own log, oldest first, so each entry keeps its id

    @property
    def published(self) -> datetime.datetime:
        return datetime.datetime.combine(self.change.date, datetime.time(), datetime.UTC)


def site_changes(site: Site) -> list[SiteChange]:
    """Every change on every page, newest first; pages with the same date by title."""
    found = [
        SiteChange(doc, change, len(doc.changes) - index)
        for doc in site.all_documents()
        for index, change in enumerate(doc.changes)
    ]
    found += state_law_changes(site)
    return sorted(found, key=lambda c: (-c.change.date.toordinal(), c.document.title))


def state_law_changes(site: Site) -> list[SiteChange]:
    """One entry per researched jurisdiction, dated by the newest source it was checked in."""
    found = []
    for state in site.states.values():
        law = state.law
        if not law or not law.sources:
            continue
        checked = max(datetime.date.fromisoformat(s.checked) for s in law.sources.values())
        text = (
            f"{state.name} law, charge by charge: statutes, prison ranges and registration "
            f"for {len(law.charges)} kinds of charge, each with its sources."
        )
        found.append(
            SiteChange(
                StateLawPage(f"{state.name}: state law by charge", state.url),
                Change(checked, text, ""),
                1,
            )
        )
    return found


class ChangesFeed(Feed):
    feed_type = Atom1Feed
    title = "The explainer: changes to pages"
    subtitle = "New pages and corrections to this site's plain-language legal information."
    link = "/"
    author_name = "The explainer"  # Atom needs an author for the feed or for every entry

    def items(self):
        return site_changes(get_site())[:FEED_LENGTH]

    def item_title(self, item: SiteChange) -> str:
        return item.document.title

    def item_description(self, item: SiteChange) -> str:
        return item.change.change

    def item_link(self, item: SiteChange) -> str:
        # Each change has its own anchor in the page's change log (includes/changes.html),
        # so the link, made absolute by Django, is also the entry's unique id.
        return f"{item.document.url}#change-{item.number}"

    def item_pubdate(self, item: SiteChange) -> datetime.datetime:
        return item.published

    def item_updateddate(self, item: SiteChange) -> datetime.datetime:
        return item.published
