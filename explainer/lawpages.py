"""State law pages: one charge in one state, and one charge compared across states.

Plain functions the views call. Every figure comes from content/state-law/<code>.yaml with
its sources numbered for the page, so a state card reads like a federal one.
"""

import json
import re
from dataclasses import dataclass

from .documents import Site
from .markup import citation_mark
from .statecharges import Category
from .statelaw import FACTS, Charge, LawSource, StateLaw
from .states import Jurisdiction, csv_text

# What a reader is told about where a value was read (StateLaw.reading).
READING_WORDS = {
    "verified": "",
    "copy": "read only in an unofficial copy of the law",
    "summary": "read only in a summary of the law, not the law itself",
    "unverified": "not yet verified",
}


@dataclass(frozen=True)
class Cited:
    """Sources numbered in the order a page first cites them."""

    numbers: dict[str, int]
    sources: list[LawSource]

    @classmethod
    def of(cls, law: StateLaw | None, keys) -> "Cited":
        numbers: dict[str, int] = {}
        for key in keys:
            if law and key in law.sources and key not in numbers:
                numbers[key] = len(numbers) + 1
        return cls(numbers, [law.sources[k] for k in numbers] if law else [])

    def marks(self, keys) -> str:
        return citation_mark(self.numbers[k] for k in keys if k in self.numbers)


def charge_context(site: Site, state: Jurisdiction, category: Category) -> dict:
    """Everything one state-and-charge page shows, with its sources numbered."""
    law = state.law
    charge = law.charges.get(category.key) if law else None
    keys = list(charge.source_keys()) if charge else []
    cited = Cited.of(law, keys)
    article = site.articles.get(category.article)
    return {
        "jurisdiction": state,
        "chosen_state": state,
        "category": category,
        "charge": charge,
        "statutes": [(s, cited.marks([s.source])) for s in charge.statutes] if charge else [],
        "penalties": [
            (p, cited.marks(p.sources), READING_WORDS[law.reading(p)]) for p in charge.penalties
        ]
        if law and charge
        else [],
        "summary": _cited_item(law, charge.summary if charge else None, cited),
        "counting": _cited_item(law, charge.counting if charge else None, cited),
        "registration": _cited_item(law, charge.registration if charge else None, cited),
        "sources": cited.sources,
        "federal_article": article,
        "others": [c for c in site.state_charges.values() if c.key != category.key],
    }


def _cited_item(law: StateLaw | None, item, cited: Cited):
    if law is None or item is None:
        return None
    return {
        "value": item.value,
        "marks": cited.marks(item.sources),
        "status": READING_WORDS[law.reading(item)],
    }


def state_facts(state: Jurisdiction) -> tuple[list[dict], list[LawSource]]:
    """The state-wide law facts (age of consent, registration ...) with numbered sources."""
    law = state.law
    items = [(key, law.facts.get(key) if law else None) for key in FACTS]
    cited = Cited.of(law, [k for _, item in items if item for k in item.sources])
    rows = [{"label": FACTS[key], "item": _cited_item(law, item, cited)} for key, item in items]
    return rows, cited.sources


def _first_range(charge: Charge | None) -> dict:
    """The range a one-line summary shows (the first row), and how many rows it leaves out
    (other ages, counts, repeat offenses: those are on the charge's own page)."""
    rows = charge.penalties if charge else ()
    return {"first": rows[0] if rows else None, "more": max(len(rows) - 1, 0)}


def charge_summaries(site: Site, state: Jurisdiction) -> list[dict]:
    """One line per charge category for the state page: its statute and first-offense range."""
    found = []
    for category in site.state_charges.values():
        charge = state.law.charges.get(category.key) if state.law else None
        found.append(
            {
                "category": category,
                "charge": charge,
                **_first_range(charge),
            }
        )
    return found


# The comparison table: one charge across every state, sorted and filtered from the URL.
SORTS = {
    "name": lambda r: r["state"].name,
    "high": lambda r: (
        r["first"] is None,
        -(r["first"].high.months if r["first"] else 0),
        r["state"].name,
    ),
    "minimum": lambda r: (
        r["first"] is None,
        -(r["first"].mandatory_min.months if r["first"] else 0),
        r["state"].name,
    ),
}


# The end of a sentence: a full stop after a lower-case word, a number or a bracket (not
# after "Ala." or "Stat."), or after a value's first word ("No."), then a capital.
_SENTENCE_END = re.compile(r"(?:^\w+|[a-z]{2,}|[\d)])\.(?= [A-Z])")
ANSWER = 60  # characters: "No." alone says too little; its next sentence says why


def answer(text: str) -> str:
    """A value's opening sentences, which answer the question ("No. Stalking is not on the
    list ..."): the comparison table shows them and the state's page has the rest."""
    for found in _SENTENCE_END.finditer(text):
        if found.end() >= ANSWER:
            return text[: found.end()]
    return text


def compare_rows(site: Site, category: Category, sort: str, researched: str) -> list[dict]:
    rows = []
    for state in site.states.values():
        charge: Charge | None = state.law.charges.get(category.key) if state.law else None
        if researched == "yes" and charge is None or researched == "no" and charge is not None:
            continue
        first = _first_range(charge)
        penalty = first["first"]
        rows.append(
            {
                "state": state,
                "charge": charge,
                "registration": answer(charge.registration.value)
                if charge and charge.registration
                else "",
                "reading": state.law.reading(penalty) if state.law and penalty else "",
                **first,
            }
        )
    return sorted(rows, key=SORTS[sort])


def download_rows(site: Site, category: Category) -> list[dict]:
    """Flat rows for the CSV and JSON downloads: each value beside its sources."""
    out = []
    for row in compare_rows(site, category, "name", ""):
        state, charge, first = row["state"], row["charge"], row["first"]
        law = state.law

        def urls(keys, law=law):
            return " ".join(law.sources[k].url for k in keys if k in law.sources) if law else ""

        out.append(
            {
                "code": state.code,
                "name": state.name,
                "charge": category.key,
                "statutes": "; ".join(f"{s.citation} ({s.name})" for s in charge.statutes)
                if charge
                else "",
                "statute_sources": urls([s.source for s in charge.statutes]) if charge else "",
                "first_offense": first.when if first else "",
                "class": first.grade if first else "",
                "mandatory_minimum": first.min_words() if first else "",
                "prison_range": first.range_words() if first else "",
                "penalty_sources": urls(first.sources) if first else "",
                "penalty_status": first.status if first else "not yet researched",
                "penalty_read_in": row["reading"],
                "registration": charge.registration.value if charge and charge.registration else "",
                "registration_sources": urls(charge.registration.sources)
                if charge and charge.registration
                else "",
            }
        )
    return out


def to_csv(rows: list[dict]) -> str:
    return csv_text(rows)


def to_json(category: Category, rows: list[dict]) -> str:
    return json.dumps(
        {"charge": category.key, "title": category.title, "states": rows},
        indent=1,
        ensure_ascii=False,
    )
