"""glossary.yaml: plain-language definitions of the legal words the articles use."""

from pathlib import Path

from . import yamlfile
from .documents import GlossaryTerm
from .errors import Collector, Problem
from .sections import SLUG_RE

FIELDS = {"slug", "term", "definition", "see"}


def load(path: Path, problems: list[Problem]) -> dict[str, GlossaryTerm]:
    out = Collector(path, problems)
    try:
        raw = yamlfile.load(path)
    except (FileNotFoundError, yamlfile.YamlError) as exc:
        out.add(getattr(exc, "line", None), f"cannot read glossary: {exc}")
        return {}
    terms: dict[str, GlossaryTerm] = {}
    for item in raw or []:
        if not isinstance(item, dict):
            out.add(None, "each glossary entry must be a mapping")
            continue
        missing = [f for f in ("slug", "term", "definition") if not item.get(f)]
        if missing:
            out.add(item.line, f"glossary entry: missing {', '.join(missing)}")
            continue
        slug = str(item["slug"])
        if not SLUG_RE.match(slug):
            out.add(item.line, f"glossary slug {slug!r} must be lower-case-hyphenated")
        if slug in terms:
            out.add(item.line, f"glossary slug {slug!r} is defined twice")
        unknown = set(item) - FIELDS
        if unknown:
            out.add(item.line, f"glossary entry {slug!r}: unknown field(s) {sorted(unknown)}")
        terms[slug] = GlossaryTerm(
            slug, str(item["term"]), str(item["definition"]), str(item.get("see") or ""), item.line
        )
    return dict(sorted(terms.items(), key=lambda kv: kv[1].term.lower()))
