"""sections.yaml: the site's sections, each with a title, an intro and its place in the menu."""

import re
from pathlib import Path

from . import yamlfile
from .documents import Section
from .errors import Collector, Problem

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def load(path: Path, problems: list[Problem]) -> dict[str, Section]:
    out = Collector(path, problems)
    try:
        raw = yamlfile.load(path)
    except (FileNotFoundError, yamlfile.YamlError) as exc:
        out.add(getattr(exc, "line", None), f"cannot read sections: {exc}")
        return {}
    sections = {}
    for slug, item in (raw or {}).items():
        if not SLUG_RE.match(str(slug)) or not isinstance(item, dict):
            out.add(None, f"section {slug!r} must be a slug mapped to title, intro, order")
            continue
        missing = [f for f in ("title", "intro", "order") if item.get(f) in (None, "")]
        if missing:
            out.add(item.line, f"section {slug!r}: missing {', '.join(missing)}")
            continue
        sections[slug] = Section(slug, str(item["title"]), str(item["intro"]), int(item["order"]))
    return dict(sorted(sections.items(), key=lambda kv: kv[1].order))
