"""home.yaml: the home page's "Where do you want to start?" paths, one per kind of reader.

Reader-facing words live in content/ like every other page's; each link is checked with
the site's other links once everything is loaded.
"""

from dataclasses import dataclass
from pathlib import Path

from . import yamlfile
from .errors import Collector, Problem

FIELDS = ("title", "text", "link")


@dataclass(frozen=True)
class EntryPath:
    title: str
    text: str
    url: str
    line: int


def load(path: Path, problems: list[Problem]) -> list[EntryPath]:
    out = Collector(path, problems)
    try:
        raw = yamlfile.load(path)
    except (FileNotFoundError, yamlfile.YamlError) as exc:
        out.add(getattr(exc, "line", None), f"cannot read the home page's paths: {exc}")
        return []
    if not isinstance(raw, dict) or set(raw) != {"entry_paths"}:
        out.add(yamlfile.line_of(raw), "home.yaml holds one list, 'entry_paths'")
        return []
    paths = []
    for item in raw["entry_paths"] or []:
        if not isinstance(item, dict):
            out.add(None, "entry_paths: each entry is a mapping of title, text and link")
            continue
        for name in sorted(set(item) - set(FIELDS)):
            out.add(item.line, f"entry_paths: unknown field {name!r}")
        missing = [f for f in FIELDS if not isinstance(item.get(f), str) or not item[f].strip()]
        if missing:
            out.add(item.line, f"entry_paths: missing {', '.join(missing)}")
            continue
        paths.append(
            EntryPath(item["title"].strip(), item["text"].strip(), item["link"].strip(), item.line)
        )
    if not paths:
        out.add(yamlfile.line_of(raw), "entry_paths: list at least one path")
    return paths
