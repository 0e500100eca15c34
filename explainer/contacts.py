"""Who to call in each jurisdiction: content/contacts/<code>.yaml, one file per state.

Each contact names an organisation, its phone and web address, and the page it was read on,
with a status and the date it was checked, so an intake worker can read out a number and say
when it was last confirmed. `how` lines are written for readers; `research_note` is for editors
and never shown.
"""

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import yamlfile
from .errors import Collector, Problem
from .legaldata import is_https_url
from .phones import tel

STATUSES = ("verified", "verified-2nd", "unverified")
DEFENSE_KINDS = {
    "statewide": "A state public defender office takes trial cases.",
    "county": "Counties or the courts arrange public defense.",
    "mixed": "A state office covers some counties; the rest arrange their own.",
}
PHONE_RE = re.compile(r"^\d{3}-\d{3}-\d{4}$")
CONTACT_KEYS = {"name", "phone", "url", "source", "status", "checked"}


@dataclass(frozen=True)
class Contact:
    """One organisation as read in its source: what to call, where, and how sure we are."""

    name: str
    url: str | None
    phone: str | None
    source: str
    status: str
    checked: str

    @property
    def tel(self) -> str:
        return tel(self.phone) if self.phone else ""

    @property
    def verified(self) -> bool:
        return self.status == "verified"

    @property
    def checked_on(self) -> datetime.date | None:
        return datetime.date.fromisoformat(self.checked) if self.checked else None

    @property
    def status_label(self) -> str:
        return {
            "verified": "checked on the organisation's own site",
            "verified-2nd": "read only in a secondary source",
            "unverified": "not confirmed yet",
        }[self.status]


@dataclass(frozen=True)
class StateDefense:
    kind: str
    how: str
    office: Contact | None = None
    county_offices: Contact | None = None

    @property
    def kind_label(self) -> str:
        return DEFENSE_KINDS[self.kind]


@dataclass(frozen=True)
class FederalDefender:
    district: str
    contact: Contact | None
    cja_panel: bool = False
    how: str = ""


@dataclass(frozen=True)
class Referral:
    contact: Contact | None
    how: str = ""


@dataclass(frozen=True)
class Registry:
    contact: Contact
    agency: str


@dataclass(frozen=True)
class Contacts:
    code: str
    state_defense: StateDefense | None
    federal_defenders: list[FederalDefender] = field(default_factory=list)
    lawyer_referral: Referral | None = None
    registry: Registry | None = None

    def all_contacts(self) -> list[Contact]:
        """Every contact block, for coverage counts."""
        found = []
        if self.state_defense:
            found += [
                c for c in (self.state_defense.office, self.state_defense.county_offices) if c
            ]
        found += [d.contact for d in self.federal_defenders if d.contact]
        if self.lawyer_referral and self.lawyer_referral.contact:
            found.append(self.lawyer_referral.contact)
        if self.registry:
            found.append(self.registry.contact)
        return found


def load_all(folder: Path, codes: set[str], problems: list[Problem]) -> dict[str, Contacts]:
    """Every jurisdiction's contacts, keyed by lower-case code."""
    found: dict[str, Contacts] = {}
    if not folder.is_dir():
        Collector(folder, problems).add(None, "the contacts folder is missing")
        return found
    for path in sorted(folder.glob("*.yaml")):
        slug = path.stem
        out = Collector(path, problems)
        if slug not in codes:
            out.add(None, f"{slug!r} is not a jurisdiction in states.yaml")
            continue
        entry = _load_file(path, slug, out)
        if entry is not None:
            found[slug] = entry
    return found


def _load_file(path: Path, slug: str, out: Collector) -> Contacts | None:
    try:
        raw = yamlfile.load(path)
    except yamlfile.YamlError as exc:
        out.add(exc.line, str(exc))
        return None
    if not isinstance(raw, dict):
        out.add(1, "the file must be a mapping with code, state_defense, federal_defenders")
        return None
    out.unknown_fields(
        raw, {"code", "state_defense", "federal_defenders", "lawyer_referral", "registry"}, ""
    )
    if str(raw.get("code") or "").lower() != slug:
        out.add(raw.line, f"code must be {slug.upper()!r}, matching the file name")
    defenders = raw.get("federal_defenders")
    if not isinstance(defenders, list) or not defenders:
        out.add(raw.line, "federal_defenders: list the defender office for each federal district")
        defenders = []
    return Contacts(
        code=slug.upper(),
        state_defense=_state_defense(raw.get("state_defense"), raw.line, out),
        federal_defenders=[d for d in (_federal(item, out) for item in defenders) if d],
        lawyer_referral=_referral(raw.get("lawyer_referral"), out),
        registry=_registry(raw.get("registry"), out),
    )


def _text(raw, key: str, where: str, out: Collector, required: bool = True) -> str:
    value = raw.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            out.add(raw.line, f"{where}{key!r} must be non-empty text")
        return ""
    if not isinstance(value, str):
        out.add(raw.line, f"{where}{key!r} must be text")
        return ""
    return value.strip()


def _contact(
    raw, where: str, out: Collector, extra: set[str] = frozenset(), name_required: bool = True
) -> Contact | None:
    if not isinstance(raw, dict):
        out.add(None, f"{where}must be a mapping with name, url, source, status, checked")
        return None
    where = f"{where}"
    out.unknown_fields(raw, CONTACT_KEYS | {"research_note"} | set(extra), where)
    name = _text(raw, "name", where, out, required=name_required)
    url = raw.get("url") or None
    # An address is given as it was read: a few offices' own sites still answer only on http.
    if url is not None and not _web_address(str(url)):
        out.add(raw.line, f"{where}url {url!r} must be a well-formed web address")
    phone = raw.get("phone") or None
    if phone is not None and not PHONE_RE.match(str(phone)):
        out.add(raw.line, f"{where}phone {phone!r} must look like 608-266-0087")
    source = raw.get("source") or None
    if not source:
        out.add(raw.line, f"{where}every contact needs the source it was read in")
    elif not _web_address(str(source)):
        out.add(raw.line, f"{where}source {source!r} must be a web address")
    status = raw.get("status")
    if status not in STATUSES:
        out.add(raw.line, f"{where}status must be one of {', '.join(STATUSES)}")
        status = "unverified"
    checked = raw.get("checked")
    if isinstance(checked, datetime.date):
        checked = checked.isoformat()
    if not checked or not re.match(r"^\d{4}-\d{2}-\d{2}$", str(checked)):
        out.add(raw.line, f"{where}checked must be the date it was read, like '2026-12-01'")
        checked = ""
    if url is None and phone is None and name_required:
        out.add(raw.line, f"{where}give at least a web address or a phone number")
    return Contact(
        name,
        str(url) if url else None,
        str(phone) if phone else None,
        str(source or ""),
        str(status),
        str(checked),
    )


def _web_address(value: str) -> bool:
    return is_https_url(value) or is_https_url("https://" + value.removeprefix("http://"))


def _state_defense(raw, line: int, out: Collector) -> StateDefense | None:
    where = "state_defense: "
    if not isinstance(raw, dict):
        out.add(line, f"{where}say how a caller who cannot pay gets a lawyer for a state case")
        return None
    out.unknown_fields(raw, {"kind", "how", "office", "county_offices", "research_note"}, where)
    kind = raw.get("kind")
    if kind not in DEFENSE_KINDS:
        out.add(raw.line, f"{where}kind must be one of {', '.join(DEFENSE_KINDS)}")
        kind = "county"
    office = raw.get("office")
    county = raw.get("county_offices")
    defense = StateDefense(
        kind=kind,
        how=_text(raw, "how", where, out),
        office=_contact(office, f"{where}office: ", out) if office is not None else None,
        county_offices=_contact(county, f"{where}county_offices: ", out)
        if county is not None
        else None,
    )
    if kind == "statewide" and defense.office is None:
        out.add(raw.line, f"{where}a statewide system needs the office to call")
    return defense


def _federal(raw, out: Collector) -> FederalDefender | None:
    where = "federal_defenders: "
    if not isinstance(raw, dict):
        out.add(None, f"{where}each entry must be a mapping")
        return None
    district = _text(raw, "district", where, out)
    cja = raw.get("cja_panel") is True
    contact = _contact(
        raw,
        f"{where}{district}: ",
        out,
        extra={"district", "cja_panel", "how"},
        name_required=not cja,
    )
    how = _text(raw, "how", where, out, required=cja)
    return FederalDefender(district, contact, cja, how)


def _referral(raw, out: Collector) -> Referral | None:
    where = "lawyer_referral: "
    if raw is None:
        return None
    if not isinstance(raw, dict):
        out.add(None, f"{where}must be a mapping")
        return None
    if raw.get("none") is True:
        # No statewide service: the file may still name who can point to a local one.
        named = any(raw.get(k) for k in ("name", "url", "phone"))
        extra = {"how", "none"}
        # A link needs words to show: without a name the page would drop the link entirely.
        linked = bool(raw.get("url"))
        contact = _contact(raw, where, out, extra=extra, name_required=linked) if named else None
        if not named:
            out.unknown_fields(raw, extra | {"source", "status", "checked", "research_note"}, where)
        return Referral(contact, _text(raw, "how", where, out))
    return Referral(
        _contact(raw, where, out, extra={"how"}),
        _text(raw, "how", where, out, required=False),
    )


def _registry(raw, out: Collector) -> Registry | None:
    where = "registry: "
    if raw is None:
        return None
    contact = _contact(raw, where, out, extra={"agency"})
    if contact is None:
        return None
    return Registry(contact, _text(raw, "agency", where, out))
