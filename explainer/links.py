"""Checks that a link written in content leads somewhere real on this site."""

from urllib.parse import urlsplit

from django.urls import Resolver404, resolve


def check_link(target: str, site) -> str | None:
    """Return a problem message for a broken link, or None when it is fine."""
    parts = urlsplit(target)
    if parts.scheme in {"http"}:
        return f"link {target!r}: use https for outside links"
    if parts.scheme in {"https", "mailto", "tel"}:
        return None
    if parts.scheme or parts.netloc:
        return f"link {target!r}: unsupported link type"
    if not parts.path:
        return None  # a same-page #anchor; headings are checked when the page renders
    if not parts.path.startswith("/"):
        return f"link {target!r}: internal links start with /"
    try:
        match = resolve(parts.path)
    except Resolver404:
        return f"broken internal link {target!r}: no such page"
    name, kwargs, fragment = match.url_name, match.kwargs, parts.fragment
    if name == "article":
        article = site.article(kwargs["section"], kwargs["slug"])
        if not article:
            return f"broken internal link {target!r}: no such article"
        if fragment and fragment not in article.heading_ids:
            return f"broken internal link {target!r}: no heading #{fragment} in that article"
    elif name == "section" and kwargs["section"] not in site.sections:
        return f"broken internal link {target!r}: no such section"
    elif name == "glossary" and fragment and fragment not in site.glossary:
        return f"broken internal link {target!r}: no glossary term #{fragment}"
    elif name == "state" and kwargs["code"] not in site.states:
        return f"broken internal link {target!r}: no such state page"
    return None
