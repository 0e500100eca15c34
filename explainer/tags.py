"""What each data tag means: checking its keys, numbering citations, rendering its HTML."""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import escape, format_html, format_html_join

from .legaldata import LegalData, Offense, Source
from .markup import Tag
from .phones import tel

UNVERIFIED = '<span class="unverified">(not yet verified)</span>'


class TagRenderer:
    """One per document: it numbers the sources that document cites, in order of use."""

    def __init__(self, data: LegalData, glossary: dict):
        self.data = data
        self.glossary = glossary
        self.numbers: dict[str, int] = {}

    def check(self, tag: Tag) -> list[str]:
        kind, keys = tag.kind, tag.keys
        tables = {
            "penalty": self.data.offenses,
            "statute": self.data.offenses,
            "penalty-table": self.data.offenses,
            "fig": self.data.figures,
            "cite": self.data.sources,
            "resource": self.data.resources,
            "resources": self.data.resources,
            "term": self.glossary,
        }
        if kind == "minimums-table" or kind == "registration-table":
            if kind == "registration-table" and not self.data.tiers:
                return ["{{registration-table}} needs registration_tiers in the data"]
            return []
        if kind == "penalty" and len(keys) == 1 and "#" in keys[0]:
            key, _, number = keys[0].partition("#")
            offense = self.data.offenses.get(key)
            if not offense:
                return [f"unknown offense key {key!r} in {tag.raw}"]
            if not number.isdigit() or not 1 <= int(number) <= len(offense.penalties):
                return [f"{tag.raw}: {key!r} has penalty lines 1 to {len(offense.penalties)}"]
            return []
        names = {
            "fig": "figure",
            "cite": "source",
            "term": "glossary term",
            "resource": "resource",
            "resources": "resource",
        }
        return [
            f"unknown {names.get(kind, 'offense')} key {key!r} in {tag.raw}"
            for key in keys
            if key not in tables[kind]
        ]

    def number_sources(self, front: list[Source], tags: list[Tag], penalties: list[str]):
        """Front-matter sources first, then each source the data tags rely on."""
        ordered: dict[str, Source] = {}
        for source in front:
            ordered.setdefault(source.key, source)
        for key in penalties:
            for skey in self.data.sources_of("offense", key):
                ordered.setdefault(skey, self.data.sources[skey])
        for tag in tags:
            for skey in self._tag_sources(tag):
                ordered.setdefault(skey, self.data.sources[skey])
        self.numbers = {key: n for n, key in enumerate(ordered, start=1)}
        return list(ordered.values())

    def _tag_sources(self, tag: Tag) -> tuple[str, ...]:
        keys = [k.partition("#")[0] for k in tag.keys]
        if tag.kind in {"penalty", "statute", "penalty-table"}:
            return tuple(s for k in keys for s in self.data.sources_of("offense", k))
        if tag.kind == "minimums-table":
            return tuple(
                s for o in self.minimum_offenses() for s in self.data.sources_of("offense", o.key)
            )
        if tag.kind == "registration-table":
            return self.data.sources_of("tiers", "")
        if tag.kind == "fig":
            return tuple(s for k in keys for s in self.data.sources_of("figure", k))
        if tag.kind in {"resource", "resources"}:
            return tuple(s for k in keys for s in self.data.sources_of("resource", k))
        if tag.kind == "cite":
            return tuple(keys)
        return ()

    def minimum_offenses(self) -> list[Offense]:
        found = [o for o in self.data.offenses.values() if o.has_minimum]
        return sorted(found, key=lambda o: -max(p.min.months for p in o.penalties))

    def marks(self, source_keys) -> str:
        numbers = sorted({self.numbers[k] for k in source_keys if k in self.numbers})
        if not numbers:
            return ""
        links = format_html_join(
            ", ", '<a href="#source-{0}" aria-label="source {0}">{0}</a>', ((n,) for n in numbers)
        )
        return format_html('<sup class="cite">[{}]</sup>', links)

    def render(self, kind: str, keys: list[str], shown: str) -> str:
        return getattr(self, "_" + kind.replace("-", "_"))(keys, shown)

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


def in_sentence(term: str) -> str:
    """'Mandatory minimum' reads 'mandatory minimum' mid-sentence; 'CSAM' and names stay."""
    if any(c.isupper() for c in term[1:]):
        return term
    return term[:1].lower() + term[1:]
