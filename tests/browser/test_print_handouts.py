"""Each charge handout and the intake sheet print on exactly one Letter page in Chromium."""

import io

import pytest
from pypdf import PdfReader

from explainer import handouts
from explainer.content import get_site
from explainer.lawpages import READING_WORDS

pytestmark = pytest.mark.browser


def longest_state():
    """The state whose lawyer links take the most room: the hardest case for one page."""
    site = get_site()

    def room(state):
        return sum(
            len(link.label) + len(link.name) + len(link.note) + len(link.phone)
            for link in handouts.lawyer_links(site.data, state)
        )

    return max(site.states.values(), key=room).slug


def printed_pages(page, path):
    response = page.goto(path)
    assert response.status == 200
    pdf = page.pdf(format="Letter", prefer_css_page_size=True, print_background=True)
    return len(PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.parametrize("state", ["", longest_state()], ids=["no state", "longest state"])
@pytest.mark.parametrize("article", get_site().section_articles("charges"), ids=lambda a: a.slug)
def test_charge_handout_prints_on_one_letter_page(page, article, state):
    query = f"?state={state}" if state else ""
    assert printed_pages(page, f"{article.handout_url}{query}") == 1


@pytest.mark.parametrize("state", ["", longest_state()], ids=["no state", "longest state"])
def test_intake_sheet_prints_on_one_letter_page(page, state):
    query = f"?state={state}" if state else ""
    assert printed_pages(page, f"/intake/sheet/{query}") == 1


def fullest_state_for(category: str) -> str:
    """The state whose law and lawyer list for this charge take the most room on paper."""
    site = get_site()

    def room(state):
        charge = state.law.charges.get(category) if state.law else None
        law = 0
        if charge:
            law = sum(len(s.citation) + len(s.name) for s in charge.statutes)
            law += sum(
                len(p.when) + len(p.grade) + len(READING_WORDS[state.law.reading(p)])
                for p in charge.penalties
            )
            law += len(charge.registration.value) if charge.registration else 0
        links = sum(
            len(link.name) + len(link.note) for link in handouts.lawyer_links(site.data, state)
        )
        return law + links

    return max(site.states.values(), key=room).slug


@pytest.mark.parametrize("category", list(get_site().state_charges))
def test_state_charge_handout_prints_on_one_letter_page(page, category):
    state = fullest_state_for(category)
    assert printed_pages(page, f"/states/{state}/{category}/handout/") == 1
