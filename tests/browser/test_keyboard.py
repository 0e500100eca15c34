"""A reader with only a keyboard reaches everything and always sees where the focus is."""

import pytest

from tests.page_types import page_kinds, path_for

pytestmark = pytest.mark.browser

# Numbers every element a keyboard should reach, in document order, and returns how many.
NUMBER_INTERACTIVE = """() => {
  const selector = 'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]),'
    + ' select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';
  const shown = (el) => el.getClientRects().length > 0
    && getComputedStyle(el).visibility !== 'hidden' && !el.closest('[inert]');
  const found = [...document.querySelectorAll(selector)].filter(shown);
  found.forEach((el, i) => { el.dataset.kbd = String(i); });
  return found.length;
}"""

# What the focused element is and whether its focus ring can be seen.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  return {kbd: el.dataset.kbd ?? null, ring, focusVisible: el.matches(':focus-visible'),
          html: el.outerHTML.slice(0, 120)};
}"""


def test_skip_link_is_first_and_moves_focus_to_the_content(page):
    page.goto(path_for("article"))
    page.keyboard.press("Tab")
    first = page.evaluate("document.activeElement.className")
    assert first == "skip-link"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"


@pytest.mark.parametrize("kind", page_kinds())
def test_tab_reaches_every_control_with_a_visible_focus_ring(page, kind):
    path = path_for(kind)
    page.goto(path)
    total = page.evaluate(NUMBER_INTERACTIVE)
    reached, no_ring = set(), []
    for _ in range(total + 5):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None or focused["kbd"] in reached:
            break
        if not (focused["ring"] and focused["focusVisible"]):
            no_ring.append(focused["html"])
        reached.add(focused["kbd"])
    missed = [i for i in map(str, range(total)) if i not in reached]
    unreached = [
        page.locator(f'[data-kbd="{i}"]').evaluate("e => e.outerHTML.slice(0, 120)")
        for i in missed[:5]
    ]
    assert not unreached, f"{kind}: Tab never reaches {len(missed)} of {total}: {unreached}"
    assert not no_ring, f"{kind}: focus cannot be seen on {no_ring[:5]}"
