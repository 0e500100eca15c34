"""State law pages on a 390 px phone: every cell of the state card and the comparison on screen."""

import pytest

from tests.browser.test_reader_experience import PHONE, RECT, phone
from tests.page_types import first_charge, researched_state

pytestmark = pytest.mark.browser


def cells_on_screen(page, selector: str) -> int:
    cells = page.locator(selector)
    boxes = cells.evaluate_all(f"cells => cells.map({RECT})")
    for box in boxes:
        if box["width"] == 0:  # the visually hidden column headings
            continue
        assert box["left"] >= 0 and box["right"] <= PHONE["width"], box
    return len(boxes)


def test_state_penalty_card_fits_a_phone(pages):
    page = phone(pages)
    page.goto(f"{researched_state().url}{first_charge()}/")
    assert cells_on_screen(page, ".penalty-card table th, .penalty-card table td") > 0


def test_state_comparison_fits_a_phone(pages):
    page = phone(pages)
    page.goto(f"/states/compare/{first_charge()}/?researched=yes")
    assert cells_on_screen(page, "table.compare th, table.compare td") > 5


def test_comparison_filter_works_without_javascript(pages):
    page = phone(pages, javascript=False)
    page.goto(f"/states/compare/{first_charge()}/")
    page.select_option("#id_researched", "no")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**researched=no**")
    assert "Not yet researched" in page.locator("#compare-table").inner_text()


@pytest.mark.parametrize("path", ["/states/", f"/states/compare/{first_charge()}/"])
def test_filtering_a_table_updates_the_address_without_history_entries(pages, path):
    page = phone(pages)
    page.goto(path)
    before = page.evaluate("history.length")
    field = "#f-kind" if path == "/states/" else "#id_researched"
    value = "territory" if path == "/states/" else "no"
    page.select_option(field, value)
    page.wait_for_url(f"**{value}**")
    assert page.evaluate("history.length") == before
