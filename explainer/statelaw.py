"""What each state's law says, charge by charge: content/state-law/<code>.yaml.

Every value carries the keys of the sources it was read in; a value nobody has read is left
out of the file and shown to readers as "not yet researched". Prison ranges use the same
duration words as the federal cards, so a state card and a federal card read alike.
"""

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from . import yamlfile
from .errors import Collector, Problem
from .legaldata import KEY_RE, STATUSES, Duration, is_https_url, range_words

FACTS = {
    "age_of_consent": "Age of consent",
    "close_in_age": "Close-in-age (\u201cRomeo and Juliet\u201d) rule",
    "mistake_of_age": "If you thought the other person was old enough",
    "registration_structure": "How registration is set up",
    "registration_duration": "How long people register",
    "residency_restrictions": "Where people on the registry may live or go",
    "leaving_the_registry": "Ways off the registry",
    "juvenile_registration": "Whether young people register",
}
ITEM_KEYS = {"value", "sources", "status"}


@dataclass(frozen=True)
class LawSource:
    key: str
    label: str
    url: str
    primary: bool
    checked: str
    # An unofficial copy of the statute's own words (a code site, a repository, a page quoting
    # the section); without it a non-primary source is a summary (law firm, news, guide).
    copy: bool = False


@dataclass(frozen=True)
class Item:
    """One plain-language answer, with the sources it was read in."""

    value: str
    sources: tuple[str, ...]
    status: str


@dataclass(frozen=True)
class Statute:
    citation: str
    name: str
    source: str


@dataclass(frozen=True)
class StatePenalty:
    when: str
    grade: str
    mandatory_min: Duration
    low: Duration
    high: Duration
    sources: tuple[str, ...]
    status: str

    def range_words(self) -> str:
        return range_words(self.low, self.high)

    def min_words(self) -> str:
        # "None stated": the researcher read no minimum, which is not proof there is none.
        return "none stated" if self.mandatory_min.is_zero else self.mandatory_min.words()


@dataclass(frozen=True)
class Charge:
    key: str
    statutes: tuple[Statute, ...]
    penalties: tuple[StatePenalty, ...]
    counting: Item | None
    registration: Item | None
    summary: Item | None = None  # what the law does in plain words, e.g. where no prison applies

    def source_keys(self) -> tuple[str, ...]:
        keys = [s.source for s in self.statutes]
        for p in self.penalties:
            keys.extend(p.sources)
        for item in (self.summary, self.counting, self.registration):
            if item:
                keys.extend(item.sources)
        return tuple(dict.fromkeys(keys))


@dataclass(frozen=True)
class StateLaw:
    code: str
    sources: dict[str, LawSource] = field(default_factory=dict)
    facts: dict[str, Item] = field(default_factory=dict)
    charges: dict[str, Charge] = field(default_factory=dict)

    def reading(self, value: "Item | StatePenalty") -> str:
        """What a value was read in: verified (official text), copy, summary or unverified.

        A value read only in unofficial sources counts as read in a copy of the law only when
        every one of them is a copy; one summary among them makes it a summary.
        """
        if value.status != "verified-2nd":
            return value.status
        found = [self.sources[k] for k in value.sources if k in self.sources]
        return "copy" if all(s.primary or s.copy for s in found) else "summary"

    def values(self) -> list[Item | StatePenalty]:
        """Every researched value, for coverage counts."""
        found: list = list(self.facts.values())
        for charge in self.charges.values():
            found += list(charge.penalties)
            found += [i for i in (charge.summary, charge.counting, charge.registration) if i]
        return found


def load_all(
    folder: Path, codes: set[str], categories: set[str], problems: list[Problem]
) -> dict[str, StateLaw]:
    """Each jurisdiction's law file, keyed by lower-case code; a missing file means none yet."""
    found: dict[str, StateLaw] = {}
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        out = Collector(path, problems)
        if path.stem not in codes:
            out.add(None, f"{path.stem!r} is not a jurisdiction in states.yaml")
            continue
        law = _load_file(path, categories, out)
        if law is not None:
            found[path.stem] = law
    return found


def _load_file(path: Path, categories: set[str], out: Collector) -> StateLaw | None:
    try:
        raw = yamlfile.load(path)
    except yamlfile.YamlError as exc:
        out.add(exc.line, str(exc))
        return None
    if not isinstance(raw, dict):
        out.add(1, "the file must be a mapping with code, sources, facts and charges")
        return None
    out.unknown_fields(raw, {"code", "sources", "facts", "charges"}, "")
    if str(raw.get("code") or "").lower() != path.stem:
        out.add(raw.line, f"code must be {path.stem.upper()!r}, matching the file name")
    law = StateLaw(path.stem.upper(), _sources(raw.get("sources"), raw.line, out))
    known = set(law.sources)
    for key, item in _mapping(raw.get("facts"), "facts", raw.line, out).items():
        if key not in FACTS:
            out.add(getattr(item, "line", raw.line), f"facts: unknown fact {key!r}")
            continue
        parsed = _item(item, f"facts {key}: ", known, out)
        if parsed:
            law.facts[key] = parsed
    for key, item in _mapping(raw.get("charges"), "charges", raw.line, out).items():
        if key not in categories:
            out.add(getattr(item, "line", raw.line), f"charges: unknown category {key!r}")
            continue
        charge = _charge(key, item, known, out)
        if charge:
            law.charges[key] = charge
    return law


def _mapping(raw, where: str, line: int, out: Collector) -> dict:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        out.add(line, f"{where}: must be a mapping")
        return {}
    return raw


def _sources(raw, line: int, out: Collector) -> dict[str, LawSource]:
    found = {}
    for key, item in _mapping(raw, "sources", line, out).items():
        where = f"sources {key}: "
        if not KEY_RE.match(str(key)) or not isinstance(item, dict):
            out.add(
                getattr(item, "line", line),
                f"{where}needs a lower-case-hyphenated key "
                "and a mapping with label, url, primary, checked",
            )
            continue
        out.unknown_fields(item, {"label", "url", "primary", "copy", "checked"}, where)
        url, label = item.get("url"), item.get("label")
        if not is_https_url(url) and not is_https_url(
            "https://" + str(url).removeprefix("http://")
        ):
            out.add(item.line, f"{where}url {url!r} must be a well-formed web address")
        if not isinstance(label, str) or not label.strip():
            out.add(item.line, f"{where}label must name the source and which copy was read")
        if not isinstance(item.get("primary"), bool):
            out.add(item.line, f"{where}primary must be true or false")
        if not isinstance(item.get("copy", False), bool):
            out.add(item.line, f"{where}copy must be true or false")
        elif item.get("copy") and item.get("primary"):
            out.add(item.line, f"{where}is either the official text (primary) or a copy, not both")
        checked = item.get("checked")
        if isinstance(checked, datetime.date):
            checked = checked.isoformat()
        try:
            datetime.date.fromisoformat(str(checked))
        except ValueError:
            out.add(item.line, f"{where}checked must be the date it was read, like '2026-12-01'")
        found[str(key)] = LawSource(
            str(key),
            str(label or "").strip(),
            str(url),
            item.get("primary") is True,
            str(checked),
            copy=item.get("copy") is True,
        )
    return found


def _keys(raw, where: str, line: int, known: set[str], out: Collector) -> tuple[str, ...]:
    keys = tuple(str(k) for k in raw) if isinstance(raw, list) else ()
    if not keys:
        out.add(line, f"{where}list the sources it was read in")
    for key in keys:
        if key not in known:
            out.add(line, f"{where}unknown source {key!r}")
    return keys


def _status(raw, where: str, out: Collector) -> str:
    status = raw.get("status")
    if status not in STATUSES:
        out.add(raw.line, f"{where}status must be one of {', '.join(sorted(STATUSES))}")
        return "unverified"
    return status


def _item(raw, where: str, known: set[str], out: Collector) -> Item | None:
    if not isinstance(raw, dict):
        out.add(None, f"{where}must be a mapping with value, sources, status")
        return None
    out.unknown_fields(raw, ITEM_KEYS, where)
    value = raw.get("value")
    if value is None or not str(value).strip():
        out.add(raw.line, f"{where}value must be non-empty; leave out what was not researched")
        return None
    return Item(
        str(value).strip(),
        _keys(raw.get("sources"), where, raw.line, known, out),
        _status(raw, where, out),
    )


def _duration(raw, name: str, where: str, out: Collector) -> Duration:
    try:
        return Duration.parse(raw.get(name, "0"))
    except ValueError as exc:
        out.add(raw.line, f"{where}{name}: {exc}")
        return Duration(0, "y")


def _charge(key: str, raw, known: set[str], out: Collector) -> Charge | None:
    where = f"charges {key}: "
    if not isinstance(raw, dict):
        out.add(None, f"{where}must be a mapping")
        return None
    out.unknown_fields(raw, {"statutes", "summary", "penalties", "counting", "registration"}, where)
    statutes = []
    for item in raw.get("statutes") or []:
        if not isinstance(item, dict) or not item.get("citation") or not item.get("name"):
            out.add(
                getattr(item, "line", raw.line),
                f"{where}each statute needs citation, name and source",
            )
            continue
        out.unknown_fields(item, {"citation", "name", "source"}, where)
        source = str(item.get("source") or "")
        if source not in known:
            out.add(item.line, f"{where}unknown source {source!r}")
        statutes.append(Statute(str(item["citation"]).strip(), str(item["name"]).strip(), source))
    if not statutes:
        out.add(raw.line, f"{where}name at least one statute")
    penalties = []
    for item in raw.get("penalties") or []:
        if not isinstance(item, dict):
            out.add(raw.line, f"{where}each penalty must be a mapping")
            continue
        out.unknown_fields(
            item, {"when", "class", "mandatory_min", "low", "high", "sources", "status"}, where
        )
        if not item.get("when") or "high" not in item or "mandatory_min" not in item:
            # A minimum left out would read "none" on the page without anyone having checked.
            out.add(item.line, f"{where}each penalty needs when, mandatory_min and high")
            continue
        penalties.append(
            StatePenalty(
                str(item["when"]).strip(),
                str(item.get("class") or "").strip(),
                _duration(item, "mandatory_min", where, out),
                _duration(item, "low", where, out),
                _duration(item, "high", where, out),
                _keys(item.get("sources"), where, item.line, known, out),
                _status(item, where, out),
            )
        )
    items = {
        name: _item(raw[name], f"{where}{name}: ", known, out) if name in raw else None
        for name in ("summary", "counting", "registration")
    }
    return Charge(key, tuple(statutes), tuple(penalties), **items)
