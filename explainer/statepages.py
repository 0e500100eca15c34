"""Choosing, sorting and filtering jurisdictions: plain functions the state views call."""

from .states import Jurisdiction

SORTS = {
    "name": lambda j: j.name,
    "sorna": lambda j: (j.fact("sorna").value or "zz", j.name),
    "teen_sexting_law": lambda j: (j.fact("teen_sexting_law").value or "zz", j.name),
    "kind": lambda j: (j.kind, j.name),
}
ANSWERS = {"yes", "no", "unknown"}


def chosen(states: dict[str, Jurisdiction], raw) -> Jurisdiction | None:
    """The state a reader picked, from a URL parameter; anything unknown counts as none."""
    if not isinstance(raw, str):
        return None
    return states.get(raw.strip().lower()[:2]) if len(raw.strip()) == 2 else None


def local_path(raw) -> str:
    """A path on this site to send the reader back to; anything else becomes the home page."""
    if (
        not isinstance(raw, str)
        or not raw.startswith("/")
        or raw.startswith("//")
        or "\\" in raw
        or any(ord(c) < 33 for c in raw)
    ):
        return "/"
    return raw.split("?", 1)[0][:300]


def table_options(params) -> dict:
    """Sorting and filters read from the query string, with unknown values dropped."""
    sort = params.get("sort", "name")
    options = {
        "sort": sort if sort in SORTS else "name",
        "kind": params.get("kind")
        if params.get("kind") in {"state", "district", "territory"}
        else "",
        "sorna": params.get("sorna") if params.get("sorna") in ANSWERS else "",
        "teen_sexting_law": params.get("teen_sexting_law")
        if params.get("teen_sexting_law") in ANSWERS
        else "",
        "q": (params.get("q") or "").strip()[:60],
    }
    return options


def _answer(j: Jurisdiction, field: str) -> str:
    return j.fact(field).value or "unknown"


def select(states: dict[str, Jurisdiction], options: dict) -> list[Jurisdiction]:
    found = list(states.values())
    if options["kind"]:
        found = [j for j in found if j.kind == options["kind"]]
    for field in ("sorna", "teen_sexting_law"):
        if options[field]:
            found = [j for j in found if _answer(j, field) == options[field]]
    if options["q"]:
        needle = options["q"].lower()
        found = [j for j in found if needle in j.name.lower() or needle == j.slug]
    return sorted(found, key=SORTS[options["sort"]])
