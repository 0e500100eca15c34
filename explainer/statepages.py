"""Choosing, sorting and filtering jurisdictions: plain functions the state views call."""

from django.utils.http import url_has_allowed_host_and_scheme

from .states import Jurisdiction

SORTS = {
    "name": lambda j: j.name,
    "sorna": lambda j: (j.fact("sorna").value or "zz", j.name),
    "teen_sexting_law": lambda j: (j.fact("teen_sexting_law").value or "zz", j.name),
    "kind": lambda j: (j.kind, j.name),
}


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
        or not url_has_allowed_host_and_scheme(raw, allowed_hosts=None)
        # It goes back out in a header, where a control character or space cannot go.
        or any(ord(c) < 33 for c in raw)
    ):
        return "/"
    return raw.split("?", 1)[0][:300]


def _answer(j: Jurisdiction, field: str) -> str:
    return j.fact(field).value or "unknown"


def select(states: dict[str, Jurisdiction], options: dict) -> list[Jurisdiction]:
    """The rows a StateTableForm's options ask for, sorted."""
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
