"""axe-core finds no WCAG 2.2 AA problem on any kind of page, in light or dark colours."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.page_types import page_kinds, path_for

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE = Axe()


def describe(violations) -> str:
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} -> "
        + "; ".join(" ".join(node["target"]) for node in v["nodes"][:5])
        for v in violations
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", page_kinds())
def test_page_has_no_wcag_violations(pages, kind, scheme):
    path = path_for(kind)
    page = pages.open(color_scheme=scheme)
    page.goto(path)
    results = AXE.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    violations = results.response["violations"]
    assert not violations, f"{kind} ({path}):\n{describe(violations)}"


def test_axe_run_here_does_report_a_problem(page):
    """The check above can fail: a state list with its label taken away is reported."""
    page.goto("/glossary/")
    page.evaluate("document.querySelector('label[for=attorney-state]').remove()")
    results = AXE.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert "select-name" in [v["id"] for v in results.response["violations"]]
