"""What goes on a printed page: a charge handout or the intake "start here" sheet.

Both print on one Letter page, so they carry only the essentials and name the full page's
address for everything else. A chosen state (?state=wi) swaps the national lawyer links
for that state's own public defender and lawyer-referral service.
"""

from dataclasses import dataclass

from .documents import Article, Site
from .legaldata import SUPPORT_RESOURCES, LegalData
from .statepages import chosen
from .states import Jurisdiction
from .tags import tel


@dataclass(frozen=True)
class Link:
    """One place to call or visit, as printed: a label, a name, an address and a phone."""

    label: str
    name: str
    url: str
    phone: str = ""
    unverified: bool = False

    @property
    def tel(self) -> str:
        return tel(self.phone) if self.phone else ""


def resource_link(data: LegalData, key: str, label: str = "") -> Link:
    resource = data.resources[key]
    return Link(
        label, resource.name, resource.url, resource.phone or "", resource.status == "unverified"
    )


def state_link(state: Jurisdiction, field: str, label: str, fallback: str) -> Link | None:
    """The state's own service when the data has an address for it, else None."""
    fact = state.fact(field)
    if not fact.value:
        return None
    return Link(
        label, fact.name or f"{state.name} {fallback}", fact.value, unverified=not fact.verified
    )


def lawyer_links(data: LegalData, state: Jurisdiction | None) -> list[Link]:
    """Where to find a defense lawyer: federal help, then state help, then referral."""
    links = [
        resource_link(data, "federal-defenders", "Federal case, cannot pay"),
        resource_link(data, "cja-panel", "Federal case, cannot pay"),
    ]
    defender = state and state_link(
        state, "public_defender", "State case, cannot pay", "public defender"
    )
    links.append(
        defender or resource_link(data, "state-public-defenders", "State case, cannot pay")
    )
    referral = state and state_link(
        state, "lawyer_referral", "To find a private lawyer", "lawyer referral service"
    )
    links.append(referral or resource_link(data, "aba-lawyer-referral", "To find a private lawyer"))
    return links


def support_links(data: LegalData) -> list[Link]:
    return [resource_link(data, key) for key in SUPPORT_RESOURCES]


def card_for_print(article: Article) -> str:
    """The penalty card with its citation marks pointing at the full page's source list."""
    return article.card_html.replace('href="#source-', f'href="{article.url}#source-')


def _common(request, site: Site, document: Article) -> dict:
    state = chosen(site.states, request.GET.get("state"))
    return {
        "article": document,
        "chosen_state": state,
        "lawyers": lawyer_links(site.data, state),
        "support": support_links(site.data),
        "full_url": request.build_absolute_uri(document.url),
    }


def handout_context(request, site: Site, article: Article) -> dict:
    return {
        **_common(request, site, article),
        "card_html": card_for_print(article),
        "print_path": article.handout_url,
    }


def sheet_context(request, site: Site, intake: Article) -> dict:
    return {**_common(request, site, intake), "print_path": "/intake/sheet/"}
