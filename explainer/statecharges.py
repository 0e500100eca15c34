"""content/state-charges.yaml: the kinds of charge the state pages describe, each linked to
the federal article on the same conduct."""

from dataclasses import dataclass
from pathlib import Path

from . import yamlfile
from .errors import Collector, Problem
from .legaldata import KEY_RE

FIELDS = ("title", "short", "article", "intro")


@dataclass(frozen=True)
class Category:
    """A kind of charge that state pages describe, linked to the federal article on it."""

    key: str
    title: str
    short: str
    article: str
    intro: str


def load(path: Path, problems: list[Problem]) -> dict[str, Category]:
    out = Collector(path, problems)
    try:
        raw = yamlfile.load(path)
    except (FileNotFoundError, yamlfile.YamlError) as exc:
        out.add(getattr(exc, "line", None), str(exc))
        return {}
    found = {}
    if raw is not None and not isinstance(raw, dict):
        out.add(1, "categories: must be a mapping")
        return {}
    for key, item in (raw or {}).items():
        if not KEY_RE.match(str(key)) or not isinstance(item, dict):
            out.add(getattr(item, "line", 1), f"category {key!r}: needs a slug key and a mapping")
            continue
        for name in sorted(set(item) - set(FIELDS)):
            out.add(item.line, f"{key}: unknown field {name!r}")
        if any(not isinstance(item.get(n), str) or not item[n].strip() for n in FIELDS):
            out.add(item.line, f"{key}: title, short, article and intro must be non-empty text")
            continue
        found[str(key)] = Category(
            str(key),
            item["title"].strip(),
            item["short"].strip(),
            item["article"].strip(),
            item["intro"].strip(),
        )
    return found
