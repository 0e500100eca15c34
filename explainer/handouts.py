"""What goes on a printed page: a charge handout or the intake "start here" sheet.

Both print on one Letter page, so they carry only the essentials and name the full page's
address for everything else. A chosen state (?state=wi) swaps the national lawyer links
for that state's own public defender and lawyer-referral service.
"""

import datetime
import re
from dataclasses import dataclass

from django.conf import settings

from .contacts import Contact
from .documents import Article, Site
from .legaldata import SUPPORT_RESOURCES, LegalData
from .phones import tel
from .statepages import chosen
from .states import Jurisdiction


@dataclass(frozen=True)
class Link:
    """One place to call or visit, as printed: a label, a name, an address and a phone."""

    label: str
    name: str
    url: str | None
    phone: str = ""
    unverified: bool = False
    # What to do when there is no single office to call, e.g. "ask the court at your first date".
    note: str = ""
    checked: datetime.date | None = None
    # Read only in a directory or other secondary page, not on the office's own site.
    secondary: bool = False

    @property
    def tel(self) -> str:
        return tel(self.phone) if self.phone else ""

    @property
    def short_note(self) -> str:
        """What paper prints of the note: its first sentence, and only where the note is the
        instruction itself (the state route, or an entry with no office to name)."""
        if not self.note or (self.name and not self.label.startswith("State case")):
            return ""
        return self.note.split(". ", 1)[0].rstrip(".") + "."


def resource_link(data: LegalData, key: str, label: str = "") -> Link:
    resource = data.resources[key]
    return Link(
        label, resource.name, resource.url, resource.phone or "", resource.status == "unverified"
    )


def contact_link(label: str, contact: Contact, name: str = "", note: str = "") -> Link:
    return Link(
        label,
        contact.name or name,
        contact.url,
        contact.phone or "",
        contact.status == "unverified",
        note,
        contact.checked_on,
        contact.status == "verified-2nd",
    )


def state_case_link(state: Jurisdiction) -> Link | None:
    """How a caller who cannot pay gets a lawyer for a state case, from the contacts file."""
    defense = state.contacts and state.contacts.state_defense
    if defense is None:
        return None
    label = "State case, cannot pay"
    listed = defense.office or defense.county_offices
    if listed is None:
        return Link(label, "", None, note=defense.how)
    return contact_link(label, listed, note=defense.how)


def federal_links(state: Jurisdiction) -> list[Link]:
    """The defender office, or the appointed-lawyer (CJA) route, for each federal district."""
    found = []
    for office in state.contacts.federal_defenders if state.contacts else []:
        # "Eastern District" under a heading that already names Tennessee: paper is short.
        district = office.district.removesuffix(f" of {state.name}")
        label = f"Federal case, cannot pay ({district})"
        if office.contact is None:
            found.append(Link(label, "", None, note=office.how))
        else:
            found.append(
                contact_link(
                    label,
                    office.contact,
                    name=f"Court-appointed lawyer panel, {office.district}",
                    note=office.how,
                )
            )
    return found


def referral_link(state: Jurisdiction) -> Link | None:
    referral = state.contacts and state.contacts.lawyer_referral
    if referral is None or referral.contact is None:
        return None
    return contact_link("To find a private lawyer", referral.contact, note=referral.how)


def oldest_check(links: list[Link]) -> datetime.date | None:
    """On paper one date stands for the list: the oldest, so no number looks fresher than it is."""
    dates = [link.checked for link in links if link.checked]
    return min(dates) if dates else None


def lawyer_links(data: LegalData, state: Jurisdiction | None) -> list[Link]:
    """Where to find a defense lawyer: for a chosen state, its state-case route first (most
    cases are state cases), then the federal defender for each district, then the bar's
    referral service; anything the state's file lacks falls back to the national directory."""
    if state is None:
        return [
            resource_link(data, "federal-defenders", "Federal case, cannot pay"),
            resource_link(data, "cja-panel", "Federal case, cannot pay"),
            resource_link(data, "state-public-defenders", "State case, cannot pay"),
            resource_link(data, "aba-lawyer-referral", "To find a private lawyer"),
        ]
    return [
        state_case_link(state)
        or resource_link(data, "state-public-defenders", "State case, cannot pay"),
        *(
            federal_links(state)
            or [resource_link(data, "federal-defenders", "Federal case, cannot pay")]
        ),
        referral_link(state)
        or resource_link(data, "aba-lawyer-referral", "To find a private lawyer"),
    ]


def support_links(data: LegalData) -> list[Link]:
    return [resource_link(data, key) for key in SUPPORT_RESOURCES]


CITATION_MARK = re.compile(r'<sup class="cite">.*?</sup>')


def card_for_print(article: Article) -> str:
    """The penalty card without its citation numbers: a sheet has no source list for them to
    point at, so the sheet names the full page, where every figure's sources are."""
    return CITATION_MARK.sub("", article.card_html)


def site_root(request) -> str:
    """The public address paper sends readers to: EXPLAINER_PUBLIC_URL when set, because the
    host that served the request may be a proxy's or a laptop's; else the request's own host."""
    return settings.PUBLIC_URL or request.build_absolute_uri("/").rstrip("/")


def print_root(root: str) -> str:
    """The public address without its scheme: all a reader needs to type from paper."""
    return root.split("://", 1)[-1]


def _common(request, site: Site, document: Article) -> dict:
    state = chosen(site.states, request.GET.get("state"))
    root = site_root(request)
    lawyers = lawyer_links(site.data, state)
    return {
        "article": document,
        "chosen_state": state,
        "lawyers": lawyers,
        "lawyers_checked": oldest_check(lawyers),
        "support": support_links(site.data),
        "site_root": root,
        # Paper has room for the first sentence of each "how to ask" note only.
        "printed": True,
        # Links to the site's own pages keep their relative href (they work on screen) and
        # carry data-print="<this><path>", which print.css prints after them.
        "print_root": print_root(root),
        "full_url": root + document.url,
    }


# A sheet prints "Questions to ask a lawyer" only when its penalty table is at most this many
# rows and no state's lawyer list is added: past that the sheet would run onto a second page
# (tests/browser/test_print_handouts.py prints every handout to check).
QUESTIONS_MAX_PENALTY_ROWS = 7
# The box to write the court date and the lawyer's number in, likewise.
WRITE_IN_MAX_PENALTY_ROWS = 10


def penalty_rows(site: Site, article: Article) -> int:
    return sum(
        len(site.data.offenses[key].penalties)
        for key in article.penalties
        if key in site.data.offenses
    )


def handout_context(request, site: Site, article: Article) -> dict:
    common = _common(request, site, article)
    return {
        **common,
        "card_html": card_for_print(article),
        "print_path": article.handout_url,
        "room_for_questions": (
            common["chosen_state"] is None
            and penalty_rows(site, article) <= QUESTIONS_MAX_PENALTY_ROWS
        ),
        "room_to_write": penalty_rows(site, article) <= WRITE_IN_MAX_PENALTY_ROWS,
    }


def sheet_context(request, site: Site, intake: Article) -> dict:
    common = _common(request, site, intake)
    return {
        **common,
        "script_html": with_print_addresses(intake.html, common["print_root"]),
        "print_path": "/intake/sheet/",
    }


def with_print_addresses(html: str, root: str) -> str:
    """Each link to the site's own pages gains data-print: the address paper should show."""
    return re.sub(r'href="(/[^"]*)"', lambda m: f'href="{m[1]}" data-print="{root}{m[1]}"', html)


@dataclass(frozen=True)
class StateSheet:
    """What the printed page's frame needs to know about a state-and-charge handout."""

    title: str
    summary: str
    url: str
    last_reviewed: datetime.date
    next_review: datetime.date
    handout: object


def state_handout_context(request, site: Site, state: Jurisdiction, category) -> dict:
    """A one-page sheet for one charge in one state: the state card, next steps, local help."""
    federal = site.articles[category.article]
    law = state.law
    charge = law.charges.get(category.key) if law else None
    dates = [
        datetime.date.fromisoformat(law.sources[k].checked)
        for k in (charge.source_keys() if charge else ())
        if k in law.sources
    ]
    reviewed = max(dates) if dates else federal.last_reviewed
    url = f"/states/{state.slug}/{category.key}/"
    root = site_root(request)
    lawyers = lawyer_links(site.data, state)
    return {
        "article": StateSheet(
            f"{category.title} in {state.name}",
            category.intro,
            url,
            reviewed,
            reviewed + datetime.timedelta(days=365),
            federal.handout,
        ),
        "lawyers": lawyers,
        "lawyers_checked": oldest_check(lawyers),
        "support": support_links(site.data),
        "site_root": root,
        # Paper has room for the first sentence of each "how to ask" note only.
        "printed": True,
        "print_root": print_root(root),
        "full_url": root + url,
        "print_path": None,
    }
