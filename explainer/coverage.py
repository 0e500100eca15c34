"""How complete the state data is: one row per jurisdiction, for editors and the docs.

`manage.py state_coverage` prints these rows; docs/states.md carries the same table, and a
test keeps the two in step, so the published coverage figures are the ones the data has.
"""

from dataclasses import dataclass

from .statelaw import FACTS
from .states import Jurisdiction

# The 20 most populous states and DC: every contact there must be read on the office's own site.
PRIORITY = (
    "CA",
    "TX",
    "FL",
    "NY",
    "PA",
    "IL",
    "OH",
    "GA",
    "NC",
    "MI",
    "NJ",
    "VA",
    "WA",
    "AZ",
    "MA",
    "TN",
    "IN",
    "MD",
    "MO",
    "WI",
    "DC",
)


@dataclass(frozen=True)
class Row:
    code: str
    name: str
    state_route: str
    federal_districts: int
    referral: str
    registry: str
    verified: int
    secondary: int
    unverified: int

    @property
    def contacts(self) -> int:
        return self.verified + self.secondary + self.unverified


def row(j: Jurisdiction) -> Row:
    c = j.contacts
    if c is None:
        return Row(j.code, j.name, "missing", 0, "missing", "missing", 0, 0, 0)
    found = c.all_contacts()
    referral = c.lawyer_referral
    return Row(
        code=j.code,
        name=j.name,
        state_route=c.state_defense.kind if c.state_defense else "missing",
        federal_districts=len({d.district for d in c.federal_defenders}),
        referral="yes" if referral and referral.contact else ("none" if referral else "missing"),
        registry="yes" if c.registry else "missing",
        verified=sum(x.status == "verified" for x in found),
        secondary=sum(x.status == "verified-2nd" for x in found),
        unverified=sum(x.status == "unverified" for x in found),
    )


def rows(jurisdictions) -> list[Row]:
    return [row(j) for j in sorted(jurisdictions, key=lambda j: j.name)]


@dataclass(frozen=True)
class LawRow:
    code: str
    name: str
    charges: int  # categories with at least one statute
    with_range: int  # categories with a prison range
    facts: int
    verified: int
    copy: int
    summary: int
    unverified: int

    @property
    def values(self) -> int:
        return self.verified + self.copy + self.summary + self.unverified

    @property
    def in_text(self) -> str:
        """Share of values read in the law's own words, official or an unofficial copy."""
        return f"{100 * (self.verified + self.copy) // self.values}%" if self.values else "-"


def law_row(j: Jurisdiction) -> LawRow:
    law = j.law
    if law is None:
        return LawRow(j.code, j.name, 0, 0, 0, 0, 0, 0, 0)
    read = [law.reading(v) for v in law.values()]
    return LawRow(
        code=j.code,
        name=j.name,
        charges=len(law.charges),
        with_range=sum(bool(c.penalties) for c in law.charges.values()),
        facts=len(law.facts),
        verified=read.count("verified"),
        copy=read.count("copy"),
        summary=read.count("summary"),
        unverified=read.count("unverified"),
    )


def law_markdown(jurisdictions, categories: int, facts: int) -> str:
    """State law coverage: how many charge categories and state facts each file fills."""
    lines = [
        f"| code | jurisdiction | charges (of {categories}) | with prison range "
        f"| facts (of {facts}) | verified | unofficial copy | summary only | unverified "
        "| in the law's words |",
        "| --- | --- | --: | --: | --: | --: | --: | --: | --: | --: |",
    ]
    found = [law_row(j) for j in sorted(jurisdictions, key=lambda j: j.name)]
    for r in found:
        lines.append(
            f"| {r.code} | {r.name} | {r.charges} | {r.with_range} | {r.facts} | {r.verified} "
            f"| {r.copy} | {r.summary} | {r.unverified} | {r.in_text} |"
        )
    values = sum(r.values for r in found)
    lines.append("")
    lines.append(
        f"{sum(r.charges > 0 for r in found)} jurisdictions researched, {values} values: "
        f"{sum(r.verified for r in found)} read in the official statute text, "
        f"{sum(r.copy for r in found)} only in an unofficial copy of the statute, "
        f"{sum(r.summary for r in found)} only in a summary of it (a law firm, guide or news page)."
    )
    return "\n".join(lines) + "\n"


def markdown(found: list[Row]) -> str:
    """The coverage table as Markdown, exactly as docs/states.md carries it."""
    lines = [
        "| code | jurisdiction | state-case route | federal districts | referral | registry "
        "| verified | secondary | unverified |",
        "| --- | --- | --- | --: | --- | --- | --: | --: | --: |",
    ]
    for r in found:
        lines.append(
            f"| {r.code} | {r.name} | {r.state_route} | {r.federal_districts} | {r.referral} "
            f"| {r.registry} | {r.verified} | {r.secondary} | {r.unverified} |"
        )
    total = sum(r.contacts for r in found)
    verified = sum(r.verified for r in found)
    lines.append("")
    lines.append(
        f"{len(found)} jurisdictions, {total} contacts: {verified} verified on the office's own "
        f"site, {sum(r.secondary for r in found)} read only in a secondary source, "
        f"{sum(r.unverified for r in found)} not confirmed."
    )
    return "\n".join(lines) + "\n"


def report(site) -> str:
    """Both tables, as `manage.py state_coverage` prints them and docs/states.md carries them."""
    found = site.states.values()
    return (
        "### Who to call\n\n"
        + markdown(rows(found))
        + "\n### State law, charge by charge\n\n"
        + law_markdown(found, len(site.state_charges), len(FACTS))
    )
