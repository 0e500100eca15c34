"""What each data tag means: one TAG_KINDS entry per kind, and the renderer that uses them.

An entry says whether the tag stands alone as a block, which table of the legal data (or
the glossary) its keys name, how it renders and which sources it cites. Adding a kind is one
entry here plus its row in docs/content-format.md (a test checks the two agree).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import escape, format_html

from .legaldata import LegalData, Offense, Source
from .markup import Tag, citation_mark
from .phones import tel

UNVERIFIED = '<span class="unverified">(not yet verified)</span>'


@dataclass(frozen=True)
class TagKind:
    block: bool  # stands alone on its own line and renders as a block
    table: str | None  # the LegalData table (or "glossary") its keys name; None: no key
    noun: str  # what a key names, for "unknown ... key" messages
    render: Callable[["TagRenderer", list[str], str], str]
    sources: Callable[["TagRenderer", list[str]], Iterable[str]]
    check: Callable[["TagRenderer", Tag], list[str]] | None = None  # beyond "key exists"


class TagRenderer:
    """One per document: it numbers the sources that document cites, in order of use."""

    def __init__(self, data: LegalData, glossary: dict):
        self.data = data
        self.glossary = glossary
        self.numbers: dict[str, int] = {}

    def table(self, name: str) -> dict:
        return self.glossary if name == "glossary" else getattr(self.data, name)

    def check(self, tag: Tag) -> list[str]:
        kind = TAG_KINDS.get(tag.kind)
        if kind is None:
            return [f"unknown data tag kind {tag.kind!r} in {tag.raw}"]
        problems = []
        if kind.block and not tag.alone:
            problems.append(f"{tag.raw} must stand alone on its own line")
        if kind.table and not tag.keys:
            problems.append(f"{tag.raw} needs a key")
        if kind.check:
            return problems + kind.check(self, tag)
        if kind.table:
            table = self.table(kind.table)
            problems += [
                f"unknown {kind.noun} key {key!r} in {tag.raw}"
                for key in tag.keys
                if key not in table
            ]
        return problems

    def number_sources(self, front: list[Source], tags: list[Tag], penalties: list[str]):
        """Front-matter sources first, then each source the data tags rely on."""
        ordered: dict[str, Source] = {}
        for source in front:
            ordered.setdefault(source.key, source)
        for key in penalties:
            for skey in self.data.offenses[key].source_keys:
                ordered.setdefault(skey, self.data.sources[skey])
        for tag in tags:
            keys = [k.partition("#")[0] for k in tag.keys]
            for skey in TAG_KINDS[tag.kind].sources(self, keys):
                ordered.setdefault(skey, self.data.sources[skey])
        self.numbers = {key: n for n, key in enumerate(ordered, start=1)}
        return list(ordered.values())

    def minimum_offenses(self) -> list[Offense]:
        found = [o for o in self.data.offenses.values() if o.has_minimum]
        return sorted(found, key=lambda o: -max(p.min.months for p in o.penalties))

    def marks(self, source_keys) -> str:
        return citation_mark(self.numbers[k] for k in source_keys if k in self.numbers)

    def render(self, kind: str, keys: list[str], shown: str) -> str:
        return TAG_KINDS[kind].render(self, keys, shown)

    def _penalty(self, keys, shown):
        key, _, number = keys[0].partition("#")
        line = self.data.offenses[key].penalties[int(number or 1) - 1]
        flag = UNVERIFIED if line.status == "unverified" else ""
        return f'<span class="figure">{escape(line.words())}</span>{flag}{self.marks(line.sources)}'

    def _statute(self, keys, shown):
        offense = self.data.offenses[keys[0]]
        return (
            f'<span class="statute">{escape(offense.statute)}</span>'
            f"{self.marks([offense.statute_source])}"
        )

    def _fig(self, keys, shown):
        figure = self.data.figures[keys[0]]
        flag = UNVERIFIED if figure.status == "unverified" else ""
        value = f'<span class="figure">{escape(figure.value)}</span>'
        return f"{value}{flag}{self.marks(figure.sources)}"

    def _cite(self, keys, shown):
        return self.marks(keys)

    def _resource(self, keys, shown):
        resource = self.data.resources[keys[0]]
        html = format_html(
            '<a href="{}" class="external">{}</a>', resource.url, shown or resource.name
        )
        if resource.phone:
            html += format_html(' (<a href="tel:{}">{}</a>)', tel(resource.phone), resource.phone)
        return html + (UNVERIFIED if resource.status == "unverified" else "")

    def _term(self, keys, shown):
        term = self.glossary[keys[0]]
        # Without JavaScript the link goes to the glossary; with htmx the definition opens in
        # place, right after the link (static/js/terms.js keeps aria-expanded in step).
        return format_html(
            '<a class="term" href="{}" data-hx-get="{}" data-hx-target="this"'
            ' data-hx-swap="afterend">{}</a>',
            term.url,
            reverse("glossary-term", args=[term.slug]),
            shown or in_sentence(term.term),
        )

    def _penalty_table(self, keys, shown):
        return self.penalty_table([self.data.offenses[k] for k in keys])

    def _minimums_table(self, keys, shown):
        return self.penalty_table(self.minimum_offenses(), only_minimums=True)

    def _registration_table(self, keys, shown):
        rows = [{"tier": t, "marks": self.marks(t.sources)} for t in self.data.tiers]
        return render_to_string("includes/registration_table.html", {"rows": rows})

    def _resources(self, keys, shown):
        items = [
            {"r": self.data.resources[k], "tel": tel(self.data.resources[k].phone)} for k in keys
        ]
        return render_to_string("includes/resource_list.html", {"items": items})

    def penalty_table(self, offenses: list[Offense], only_minimums: bool = False) -> str:
        rows = []
        for offense in offenses:
            lines = [p for p in offense.penalties if p.has_minimum or not only_minimums]
            for index, line in enumerate(lines):
                rows.append(
                    {
                        "offense": offense,
                        "first": index == 0,
                        "span": len(lines),
                        "line": line,
                        "statute_marks": self.marks([offense.statute_source]),
                        "marks": self.marks(line.sources),
                    }
                )
        return render_to_string(
            "includes/penalty_table.html", {"rows": rows, "only_minimums": only_minimums}
        )


def _check_penalty(renderer: TagRenderer, tag: Tag) -> list[str]:
    """{{penalty:KEY#N}} names one penalty line, which must exist."""
    if len(tag.keys) != 1 or "#" not in tag.keys[0]:
        offenses = renderer.data.offenses
        return [f"unknown offense key {k!r} in {tag.raw}" for k in tag.keys if k not in offenses]
    key, _, number = tag.keys[0].partition("#")
    offense = renderer.data.offenses.get(key)
    if not offense:
        return [f"unknown offense key {key!r} in {tag.raw}"]
    if not number.isdigit() or not 1 <= int(number) <= len(offense.penalties):
        return [f"{tag.raw}: {key!r} has penalty lines 1 to {len(offense.penalties)}"]
    return []


def _check_tiers(renderer: TagRenderer, tag: Tag) -> list[str]:
    if not renderer.data.tiers:
        return ["{{registration-table}} needs registration_tiers in the data"]
    return []


def _offense_sources(renderer: TagRenderer, keys: list[str]) -> Iterable[str]:
    return [s for k in keys for s in renderer.data.offenses[k].source_keys]


def _minimum_sources(renderer: TagRenderer, keys: list[str]) -> Iterable[str]:
    return [s for o in renderer.minimum_offenses() for s in o.source_keys]


def _figure_sources(renderer: TagRenderer, keys: list[str]) -> Iterable[str]:
    return [s for k in keys for s in renderer.data.figures[k].sources]


def _resource_sources(renderer: TagRenderer, keys: list[str]) -> Iterable[str]:
    return [s for k in keys for s in renderer.data.resources[k].sources]


def _no_sources(renderer: TagRenderer, keys: list[str]) -> Iterable[str]:
    return ()


R = TagRenderer
TAG_KINDS: dict[str, TagKind] = {
    # Inline: inside a sentence.
    "penalty": TagKind(False, "offenses", "offense", R._penalty, _offense_sources, _check_penalty),
    "statute": TagKind(False, "offenses", "offense", R._statute, _offense_sources),
    "fig": TagKind(False, "figures", "figure", R._fig, _figure_sources),
    "cite": TagKind(False, "sources", "source", R._cite, lambda r, keys: keys),
    "resource": TagKind(False, "resources", "resource", R._resource, _resource_sources),
    "term": TagKind(False, "glossary", "glossary term", R._term, _no_sources),
    # Blocks: alone on their own line.
    "penalty-table": TagKind(True, "offenses", "offense", R._penalty_table, _offense_sources),
    "minimums-table": TagKind(True, None, "", R._minimums_table, _minimum_sources),
    "registration-table": TagKind(
        True, None, "", R._registration_table, lambda r, keys: r.data.tier_sources, _check_tiers
    ),
    "resources": TagKind(True, "resources", "resource", R._resources, _resource_sources),
}
BLOCK_KINDS = frozenset(name for name, kind in TAG_KINDS.items() if kind.block)


def in_sentence(term: str) -> str:
    """'Mandatory minimum' reads 'mandatory minimum' mid-sentence; 'CSAM' and names stay."""
    if any(c.isupper() for c in term[1:]):
        return term
    return term[:1].lower() + term[1:]
