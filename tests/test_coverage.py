"""Contact coverage: every jurisdiction says who to call, and the docs publish the real figures."""

from pathlib import Path

from django.core.management import call_command

from explainer import coverage
from explainer.content import get_site

DOC = Path(__file__).resolve().parent.parent / "docs" / "states.md"
START, END = "<!-- coverage:start -->\n", "<!-- coverage:end -->"


def _rows():
    return coverage.rows(get_site().states.values())


def test_every_jurisdiction_has_a_state_case_route():
    missing = [r.code for r in _rows() if r.state_route == "missing"]
    assert missing == []


def test_every_jurisdiction_has_its_federal_defender_offices():
    missing = [r.code for r in _rows() if r.federal_districts == 0]
    assert missing == []


def test_the_most_populous_states_have_every_contact_read_on_the_offices_own_site():
    rows = {r.code: r for r in _rows()}
    weak = {
        code: (rows[code].secondary, rows[code].unverified)
        for code in coverage.PRIORITY
        if rows[code].secondary or rows[code].unverified or rows[code].contacts == 0
    }
    assert weak == {}


def test_command_prints_the_coverage_table(capsys):
    call_command("state_coverage")
    out = capsys.readouterr().out
    assert out == coverage.report(get_site())
    assert "| WI | Wisconsin |" in out and "### State law, charge by charge" in out


def test_docs_carry_the_same_table_as_the_command():
    text = DOC.read_text(encoding="utf-8")
    published = text.split(START, 1)[1].split(END, 1)[0]
    assert published == coverage.report(get_site()), "run: manage.py state_coverage"


def test_every_state_and_dc_has_at_least_six_charges_with_their_statutes():
    # The territories are not in the state-law scope yet; they show "not yet researched".
    thin = {}
    for j in get_site().states.values():
        if j.kind == "territory":
            continue
        cited = [c for c in (j.law.charges.values() if j.law else ()) if c.statutes]
        if len(cited) < 6:
            thin[j.code] = len(cited)
    assert thin == {}
