"""Reading content/legal-data.yaml: every entry checked with its line, into a LegalData."""

from pathlib import Path

from . import yamlfile
from .errors import Collector, Problem
from .legaldata import (
    AUDIENCES,
    KEY_RE,
    REQUIRED_RESOURCES,
    STATUSES,
    Duration,
    Figure,
    LegalData,
    Offense,
    PenaltyLine,
    Resource,
    Source,
    Tier,
    is_https_url,
)


def load(path: Path, problems: list[Problem]) -> LegalData:
    out = Collector(path, problems)
    data = LegalData()
    try:
        raw = yamlfile.load(path)
    except FileNotFoundError:
        out.add(None, "legal data file is missing")
        return data
    except yamlfile.YamlError as exc:
        out.add(exc.line, str(exc))
        return data
    if not isinstance(raw, dict):
        out.add(1, "the file must be a mapping with sources, offenses, figures, ...")
        return data
    unknown = set(raw) - {"sources", "offenses", "figures", "registration_tiers", "resources"}
    for name in sorted(unknown):
        out.add(None, f"unknown top-level section {name!r}")

    for key, item in _mapping(raw, "sources", out):
        if _fields(item, key, out, required=("label", "url"), optional=("primary", "checked")):
            if not is_https_url(item["url"]):
                out.add(item.line, f"source {key!r}: url must be an https address")
            data.sources[key] = Source(
                key,
                str(item["label"]),
                str(item["url"]),
                bool(item.get("primary", False)),
                item.get("checked"),
            )

    for key, item in _mapping(raw, "offenses", out):
        if not _fields(
            item,
            key,
            out,
            required=("name", "statute", "statute_source", "penalties"),
            optional=("note",),
        ):
            continue
        lines = []
        for entry in item["penalties"] if isinstance(item["penalties"], list) else []:
            line = _penalty_line(entry, key, item.line, out)
            if line:
                lines.append(line)
        if not lines:
            out.add(item.line, f"offense {key!r}: needs at least one penalty line")
            continue
        data.offenses[key] = Offense(
            key,
            str(item["name"]),
            str(item["statute"]),
            str(item["statute_source"]),
            tuple(lines),
            str(item.get("note", "")),
        )

    for key, item in _mapping(raw, "figures", out):
        if _fields(item, key, out, required=("value", "what", "sources", "status")):
            _check_status(item, key, out)
            data.figures[key] = Figure(
                key,
                str(item["value"]),
                str(item["what"]),
                _keys(item["sources"]),
                str(item["status"]),
            )

    for item in raw.get("registration_tiers") or []:
        label = item.get("tier", "?") if isinstance(item, dict) else "?"
        required = ("tier", "duration", "checkin", "sources", "status")
        if not _fields(item, label, out, required=required, optional=("reduced", "reduced_after")):
            continue
        _check_status(item, label, out)
        try:
            duration = Duration.parse(item["duration"])
            reduced = Duration.parse(item["reduced"]) if item.get("reduced") else None
        except ValueError as exc:
            out.add(item.line, f"tier {label!r}: {exc}")
            continue
        data.tiers.append(
            Tier(
                str(item["tier"]),
                duration,
                str(item["checkin"]),
                reduced,
                str(item.get("reduced_after", "")),
                _keys(item["sources"]),
                str(item["status"]),
            )
        )

    for key, item in _mapping(raw, "resources", out):
        if not _fields(
            item,
            key,
            out,
            required=("name", "url", "text", "audience", "status"),
            optional=("phone", "sources"),
        ):
            continue
        _check_status(item, key, out)
        if not is_https_url(item["url"]):
            out.add(item.line, f"resource {key!r}: url must be an https address")
        if item["audience"] not in AUDIENCES:
            out.add(item.line, f"resource {key!r}: audience must be one of {sorted(AUDIENCES)}")
        data.resources[key] = Resource(
            key,
            str(item["name"]),
            str(item["url"]),
            str(item.get("phone") or ""),
            str(item["text"]),
            str(item["audience"]),
            _keys(item.get("sources") or []),
            str(item["status"]),
        )

    _check_source_keys(raw, data, out)
    for key in REQUIRED_RESOURCES:
        if key not in data.resources:
            out.add(
                None,
                f"resources: {key!r} is missing; the printed handouts and the intake page list it",
            )
    return data


def _mapping(raw, section: str, out: Collector):
    value = raw.get(section) or {}
    if not isinstance(value, dict):
        out.add(yamlfile.line_of(raw), f"{section} must be a mapping of key: entry")
        return []
    items = []
    for key, item in value.items():
        if not isinstance(key, str) or not KEY_RE.match(key):
            out.add(yamlfile.line_of(item), f"{section}: key {key!r} must be lower-case-hyphenated")
            continue
        items.append((key, item))
    return items


def _fields(item, key, out: Collector, required=(), optional=()) -> bool:
    if not isinstance(item, dict):
        out.add(None, f"{key!r} must be a mapping")
        return False
    ok = True
    for name in required:
        if item.get(name) in (None, "", []):
            out.add(item.line, f"{key!r}: missing required field {name!r}")
            ok = False
    for name in sorted(set(item) - set(required) - set(optional)):
        out.add(item.line, f"{key!r}: unknown field {name!r}")
    return ok


def _penalty_line(entry, key: str, line: int, out: Collector) -> PenaltyLine | None:
    required = ("when", "min", "max", "sources", "status")
    if not _fields(entry, f"{key} penalty", out, required=required):
        return None
    _check_status(entry, key, out)
    try:
        low, high = Duration.parse(entry["min"]), Duration.parse(entry["max"])
    except ValueError as exc:
        out.add(entry.line, f"offense {key!r}: {exc}")
        return None
    if low.months > high.months:
        out.add(entry.line, f"offense {key!r}: minimum is longer than maximum")
    return PenaltyLine(str(entry["when"]), low, high, _keys(entry["sources"]), str(entry["status"]))


def _check_status(item, key, out: Collector) -> None:
    if item.get("status") not in STATUSES:
        out.add(item.line, f"{key!r}: status must be one of {sorted(STATUSES)}")


def _keys(value) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value or [])


def _check_source_keys(raw, data: LegalData, out: Collector) -> None:
    def check(keys, line, owner):
        for k in keys:
            if k not in data.sources:
                out.add(line, f"{owner}: unknown source key {k!r}")

    for key, offense in data.offenses.items():
        item = raw["offenses"][key]
        check([offense.statute_source], item.line, f"offense {key!r}")
        for entry, pline in zip(item["penalties"], offense.penalties, strict=False):
            check(pline.sources, entry.line, f"offense {key!r}")
    for key, figure in data.figures.items():
        check(figure.sources, raw["figures"][key].line, f"figure {key!r}")
    for tier, item in zip(data.tiers, raw.get("registration_tiers") or [], strict=False):
        check(tier.sources, item.line, f"tier {tier.tier!r}")
    for key, resource in data.resources.items():
        check(resource.sources, raw["resources"][key].line, f"resource {key!r}")
