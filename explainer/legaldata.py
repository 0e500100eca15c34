"""The legal data file: every statute, penalty, figure and outbound resource, with sources.

Articles never retype a figure; they name a key here, and this module turns it into words.
"""

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from . import yamlfile
from .errors import Collector, Problem

STATUSES = {"verified", "verified-2nd", "unverified"}
AUDIENCES = {"accused", "family", "victim", "everyone", "intake"}
KEY_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DURATION_RE = re.compile(r"^(?:(\d+)([ym])|0|life)$")
# Resources every printed handout and the intake page name, so the file must have them.
LAWYER_RESOURCES = (
    "federal-defenders",
    "cja-panel",
    "state-public-defenders",
    "aba-lawyer-referral",
)
CRISIS_LINE = "lifeline-988"  # also in the footer of every page
SUPPORT_RESOURCES = (CRISIS_LINE,)
REQUIRED_RESOURCES = LAWYER_RESOURCES + SUPPORT_RESOURCES


@dataclass(frozen=True)
class Source:
    key: str
    label: str
    url: str
    primary: bool
    checked: datetime.date | None


@dataclass(frozen=True)
class Duration:
    amount: int  # 0 means "no minimum"
    unit: str  # "y", "m" or "life"

    @classmethod
    def parse(cls, raw) -> "Duration":
        text = str(raw).strip()
        match = DURATION_RE.match(text)
        if not match:
            raise ValueError(f"duration {raw!r} is not like 10y, 18m, 0 or life")
        if text == "life":
            return cls(0, "life")
        if text == "0":
            return cls(0, "y")
        return cls(int(match.group(1)), match.group(2))

    @property
    def months(self) -> float:
        if self.unit == "life":
            return float("inf")
        return self.amount * (12 if self.unit == "y" else 1)

    @property
    def is_zero(self) -> bool:
        return self.unit != "life" and self.amount == 0

    def words(self) -> str:
        if self.unit == "life":
            return "life"
        noun = "year" if self.unit == "y" else "month"
        return f"{self.amount} {noun}{'' if self.amount == 1 else 's'}"


@dataclass(frozen=True)
class PenaltyLine:
    when: str
    min: Duration
    max: Duration
    sources: tuple[str, ...]
    status: str

    @property
    def has_minimum(self) -> bool:
        return not self.min.is_zero

    def words(self) -> str:
        """The prison range in plain words, e.g. '5 to 20 years in prison'."""
        low, high = self.min, self.max
        if low.is_zero:
            return f"up to {high.words()} in prison"
        if high.unit == "life":
            return f"{low.words()} to life in prison"
        if low.unit == high.unit:
            return f"{low.amount} to {high.words()} in prison"
        return f"{low.words()} to {high.words()} in prison"

    def min_words(self) -> str:
        return "none" if self.min.is_zero else self.min.words()


@dataclass(frozen=True)
class Offense:
    key: str
    name: str
    statute: str
    statute_source: str
    penalties: tuple[PenaltyLine, ...]
    note: str = ""

    @property
    def has_minimum(self) -> bool:
        return any(p.has_minimum for p in self.penalties)

    @property
    def source_keys(self) -> tuple[str, ...]:
        """The statute's source, then each penalty line's, once each."""
        keys = [self.statute_source, *(k for line in self.penalties for k in line.sources)]
        return tuple(dict.fromkeys(keys))


@dataclass(frozen=True)
class Figure:
    key: str
    value: str
    what: str
    sources: tuple[str, ...]
    status: str


@dataclass(frozen=True)
class Tier:
    tier: str
    duration: Duration
    checkin: str
    reduced: Duration | None
    reduced_after: str
    sources: tuple[str, ...]
    status: str


@dataclass(frozen=True)
class Resource:
    key: str
    name: str
    url: str
    phone: str
    text: str
    audience: str
    sources: tuple[str, ...]
    status: str


@dataclass
class LegalData:
    sources: dict[str, Source] = field(default_factory=dict)
    offenses: dict[str, Offense] = field(default_factory=dict)
    figures: dict[str, Figure] = field(default_factory=dict)
    tiers: list[Tier] = field(default_factory=list)
    resources: dict[str, Resource] = field(default_factory=dict)

    @property
    def tier_sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(k for t in self.tiers for k in t.sources))


def is_https_url(value) -> bool:
    if not isinstance(value, str):
        return False
    parts = urlsplit(value)
    return parts.scheme == "https" and bool(parts.netloc) and " " not in value


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
