"""Jurisdiction data: one entry per state, DC and territory, every value with its source.

A value nobody has read in a source is shown as "not yet verified"; a value read only in a
secondary copy (status verified-2nd) says so; a blank stays blank.
"""

import csv
import dataclasses
import datetime
import io
import json
from dataclasses import dataclass
from pathlib import Path

from . import contacts, yamlfile
from .contacts import Contacts
from .errors import Collector, Problem
from .legaldata import is_https_url
from .statelaw import StateLaw

KINDS = {"state", "district", "territory"}
STATUSES = {"verified", "verified-2nd", "unverified"}
# Who to call (public defense, referral, registry) lives in content/contacts/, not here.
FACT_FIELDS = ("sorna", "ncii_statute", "teen_sexting_law")
# The state-law category whose statutes fill the ncii_statute column (see with_law).
NCII_CHARGE = "intimate-images"
YES_NO_FIELDS = {"sorna", "teen_sexting_law"}
COLUMNS = {
    "sorna": "Federal registration law (SORNA) substantially implemented",
    "ncii_statute": "Law on sharing intimate images without consent",
    "teen_sexting_law": "Law that treats teen sexting separately",
    "state_defense": "For a state case, if you cannot pay",
    "federal_defenders": "Federal defender for each federal district",
    "lawyer_referral": "Bar lawyer-referral service",
    "registry": "Sex-offender registry",
}


@dataclass(frozen=True)
class Fact:
    value: str | None
    source: str | None
    status: str
    as_of: str | None
    note: str

    @property
    def verified(self) -> bool:
        """Read in a source: the official one, or a secondary copy (see secondary)."""
        return self.value is not None and self.status in {"verified", "verified-2nd"}

    @property
    def secondary(self) -> bool:
        """Read only in a secondary copy, which readers are told."""
        return self.value is not None and self.status == "verified-2nd"

    @property
    def shown(self) -> str:
        """The value as words for a reader."""
        if self.value is None:
            return ""
        if self.value in {"yes", "no"}:
            return self.value.capitalize()
        return self.value


@dataclass(frozen=True)
class Jurisdiction:
    code: str
    name: str
    kind: str
    facts: dict[str, Fact]
    differs: str
    contacts: Contacts | None = None
    law: StateLaw | None = None
    line: int | None = None  # where its entry starts in states.yaml, for error messages

    @property
    def slug(self) -> str:
        return self.code.lower()

    @property
    def url(self) -> str:
        return f"/states/{self.slug}/"

    def fact(self, field: str) -> Fact:
        return self.facts[field]


def load(path: Path, problems: list[Problem]) -> dict[str, Jurisdiction]:
    out = Collector(path, problems)
    try:
        raw = yamlfile.load(path)
    except FileNotFoundError:
        out.add(None, "state data file is missing")
        return {}
    except yamlfile.YamlError as exc:
        out.add(exc.line, str(exc))
        return {}
    if not isinstance(raw, list):
        out.add(1, "the file must be a list of jurisdictions")
        return {}
    found: dict[str, Jurisdiction] = {}
    for item in raw:
        entry = _jurisdiction(item, out)
        if entry is None:
            continue
        if entry.slug in found:
            out.add(item.line, f"jurisdiction {entry.code} appears twice")
        found[entry.slug] = entry
    who = contacts.load_all(path.parent / "contacts", set(found), problems)
    return {slug: dataclasses.replace(j, contacts=who.get(slug)) for slug, j in found.items()}


def _jurisdiction(item, out: Collector) -> Jurisdiction | None:
    if not isinstance(item, dict):
        out.add(None, "each jurisdiction must be a mapping")
        return None
    code = str(item.get("code") or "")
    if len(code) != 2 or not code.isalpha() or not code.isupper():
        out.add(item.line, f"code {code!r} must be a two-letter upper-case USPS code")
        return None
    if not item.get("name"):
        out.add(item.line, f"{code}: missing name")
    if item.get("kind") not in KINDS:
        out.add(item.line, f"{code}: kind must be one of {sorted(KINDS)}")
    unknown = set(item) - {"code", "name", "kind", "differs", *FACT_FIELDS}
    for name in sorted(unknown):
        out.add(item.line, f"{code}: unknown field {name!r}")
    facts = {}
    for field in FACT_FIELDS:
        facts[field] = _fact(code, field, item.get(field), item.line, out)
    return Jurisdiction(
        code,
        str(item.get("name") or code),
        str(item.get("kind")),
        facts,
        str(item.get("differs") or "").strip(),
        line=item.line,
    )


def _fact(code: str, field: str, raw, line: int, out: Collector) -> Fact:
    where = f"{code} {field}"
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        out.add(line, f"{where}: must be a mapping with value, source, status")
        return Fact(None, None, "unverified", None, "")
    line = getattr(raw, "line", line)
    unknown = set(raw) - {"value", "source", "status", "as_of", "note"}
    for name in sorted(unknown):
        out.add(line, f"{where}: unknown field {name!r}")
    value = raw.get("value")
    if isinstance(value, bool):
        value = "yes" if value else "no"
    value = None if value in (None, "") else str(value).strip()
    status = raw.get("status") or ("unverified" if value is None else None)
    if status not in STATUSES:
        out.add(line, f"{where}: status must be one of {sorted(STATUSES)}")
        status = "unverified"
    source = raw.get("source") or None
    if value is not None and status in {"verified", "verified-2nd"} and not source:
        out.add(line, f"{where}: a verified value needs the source it was read in")
    if source is not None and not is_https_url(source):
        out.add(line, f"{where}: source {source!r} must be a well-formed https address")
    if value is not None and field in YES_NO_FIELDS and value not in {"yes", "no"}:
        out.add(line, f"{where}: value must be yes, no or empty")
    as_of = raw.get("as_of")
    if isinstance(as_of, datetime.date):
        as_of = as_of.isoformat()
    return Fact(
        value,
        source,
        status,
        None if as_of in (None, "") else str(as_of),
        str(raw.get("note") or "").strip(),
    )


def with_law(j: Jurisdiction, law: StateLaw | None, out: Collector) -> Jurisdiction:
    """The jurisdiction with its charge-by-charge law attached.

    Where that law names the intimate-image statutes, the comparison column is read from it, so
    the state page, its intimate-image charge page and the table cannot disagree.
    """
    charge = law.charges.get(NCII_CHARGE) if law else None
    if law is None or charge is None or not charge.statutes:
        return dataclasses.replace(j, law=law)
    if j.facts["ncii_statute"].value is not None:
        out.add(
            j.line,
            f"{j.code} ncii_statute: read from content/state-law/{j.slug}.yaml "
            f"({NCII_CHARGE}); remove it here",
        )
    sources = [law.sources[s.source] for s in charge.statutes if s.source in law.sources]
    fact = Fact(
        value="; ".join(s.citation for s in charge.statutes),
        source=sources[0].url if sources else None,
        status="verified" if sources and all(s.primary for s in sources) else "verified-2nd",
        as_of=min((s.checked for s in sources), default=None),
        note=f"From the statutes on /states/{j.slug}/{NCII_CHARGE}/.",
    )
    return dataclasses.replace(j, law=law, facts={**j.facts, "ncii_statute": fact})


def rows(jurisdictions) -> list[dict]:
    """Flat rows for the CSV and JSON downloads: each value beside its source and status."""
    out = []
    for j in jurisdictions:
        row = {"code": j.code, "name": j.name, "kind": j.kind}
        for field in FACT_FIELDS:
            fact = j.facts[field]
            row[field] = fact.value or ""
            row[f"{field}_source"] = fact.source or ""
            row[f"{field}_status"] = fact.status
            row[f"{field}_as_of"] = fact.as_of or ""
            row[f"{field}_note"] = fact.note
        row.update(contact_columns(j.contacts))
        out.append(row)
    return out


def csv_text(data: list[dict]) -> str:
    """Rows as CSV text, columns in the rows' own order (also used by the state comparisons)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(
        buffer, fieldnames=list(data[0]) if data else ["code"], lineterminator="\n"
    )
    writer.writeheader()
    writer.writerows(data)
    return buffer.getvalue()


def to_csv(jurisdictions) -> str:
    return csv_text(rows(jurisdictions))


def to_json(jurisdictions) -> str:
    return json.dumps(
        {"columns": COLUMNS, "jurisdictions": rows(jurisdictions)}, indent=1, ensure_ascii=False
    )


def contact_columns(found: Contacts | None) -> dict[str, str]:
    """One row's worth of columns for the CSV and JSON downloads, each with its source."""
    row: dict[str, str] = {}
    defense = found.state_defense if found else None
    row["state_defense_kind"] = defense.kind if defense else ""
    row["state_defense_how"] = defense.how if defense else ""
    row.update(_columns("state_defense_office", defense and defense.office))
    row.update(_columns("state_defense_county_list", defense and defense.county_offices))
    row["federal_defenders"] = " | ".join(
        f"{d.district}: " + "; ".join(v for v in _columns("", d.contact).values() if v)
        for d in (found.federal_defenders if found else [])
    )
    referral = found.lawyer_referral if found else None
    row.update(_columns("lawyer_referral", referral and referral.contact))
    row.update(_columns("registry", found.registry.contact if found and found.registry else None))
    row["registry_agency"] = found.registry.agency if found and found.registry else ""
    return row


def _columns(prefix: str, contact: contacts.Contact | None) -> dict[str, str]:
    names = ("name", "phone", "url", "source", "status", "checked")
    return {
        f"{prefix}_{n}" if prefix else n: (getattr(contact, n) or "") if contact else ""
        for n in names
    }
