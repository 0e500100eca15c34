"""The legal data: every statute, penalty, figure and outbound resource, with its sources.

Articles never retype a figure; they name a key here, and this module turns it into words.
legalfile.py reads and checks content/legal-data.yaml into these classes.
"""

import datetime
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

STATUSES = {"verified", "verified-2nd", "unverified"}
AUDIENCES = {"accused", "family", "victim", "everyone", "intake"}
KEY_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DURATION_RE = re.compile(r"^(?:(\d+)([ymd])|0|life)$")
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
    unit: str  # "y", "m", "d" (state misdemeanors are often set in days) or "life"

    @classmethod
    def parse(cls, raw) -> "Duration":
        text = str(raw).strip()
        match = DURATION_RE.match(text)
        if not match:
            raise ValueError(f"duration {raw!r} is not like 10y, 18m, 90d, 0 or life")
        if text == "life":
            return cls(0, "life")
        if text == "0":
            return cls(0, "y")
        return cls(int(match.group(1)), match.group(2))

    @property
    def months(self) -> float:
        if self.unit == "life":
            return float("inf")
        return self.amount * {"y": 12, "m": 1, "d": 12 / 365}[self.unit]

    @property
    def is_zero(self) -> bool:
        return self.unit != "life" and self.amount == 0

    def words(self) -> str:
        if self.unit == "life":
            return "life"
        noun = {"y": "year", "m": "month", "d": "day"}[self.unit]
        return f"{self.amount} {noun}{'' if self.amount == 1 else 's'}"


def range_words(low: Duration, high: Duration) -> str:
    """A prison range in plain words, e.g. '5 to 20 years in prison'; federal and state cards
    both say it this way."""
    if high.is_zero:
        return "no prison term (a fine or other penalty only)"
    if low.is_zero:
        return f"up to {high.words()} in prison"
    if high.unit == "life":
        return f"{low.words()} to life in prison"
    if low.unit == high.unit:
        return f"{low.amount} to {high.words()} in prison"
    return f"{low.words()} to {high.words()} in prison"


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
        return range_words(self.min, self.max)

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
