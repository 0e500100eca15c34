"""The whole guide as one printable book (PDF), for readers without the internet.

Families print it and mail it to someone held in jail; jail and prison law libraries keep it
where there is no internet. WeasyPrint lays out the pages (CSS paged media in css/book.css:
page numbers, running headers, the contents' page numbers), so this module only gathers what
goes in: every article by section, the site's help pages, the glossary and every state's
contacts. Built at deploy into the static files (docs/deploy.md); the site links it only when
the file is there, so a development copy without it shows no broken link.
"""

import re
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone

from .content import get_site

PUBLISHED_NAME = "book/the-explainer.pdf"  # under STATIC_ROOT and STATIC_URL
HELP_PAGES = ("find-a-defense-attorney", "families")
ARTICLE_LINK = re.compile(r'href="/([a-z0-9-]+)/([a-z0-9-]+)/(?:#[^"]*)?"')
# Ids and links within one document (headings, citation marks, its sources): every document
# uses the same ones (source-1...), so in the book each gets the document's own prefix.
OWN_ANCHOR = re.compile(r'(id="|href="#)([^"]+)"')


def published_url() -> str:
    """The address of the book built at deploy, or "" when this copy has none."""
    path = Path(settings.STATIC_ROOT) / PUBLISHED_NAME
    return settings.STATIC_URL + PUBLISHED_NAME if path.is_file() else ""


def in_book_links(html: str, in_book: set[str]) -> str:
    """Links to another article of the book point to its page in the book instead."""

    def swap(match):
        key = f"{match.group(1)}/{match.group(2)}"
        return f'href="#doc-{key.replace("/", "-")}"' if key in in_book else match.group(0)

    return ARTICLE_LINK.sub(swap, html)


def own_anchors(document) -> str:
    prefix = f"in-{document.section}-{document.slug}-"
    return OWN_ANCHOR.sub(lambda m: f'{m.group(1)}{prefix}{m.group(2)}"', document.html)


def book_html() -> str:
    site = get_site()
    chapters = [(s, site.section_articles(s.slug)) for s in site.sections.values()]
    chapters = [(s, articles) for s, articles in chapters if articles]
    help_pages = [site.pages[slug] for slug in HELP_PAGES if slug in site.pages]
    in_book = {a.key for a in help_pages} | {a.key for _, arts in chapters for a in arts}

    def with_bodies(documents):
        return [(d, in_book_links(own_anchors(d), in_book)) for d in documents]

    return render_to_string(
        "print/book.html",
        {
            "built": timezone.localdate(),
            "chapters": [(s, with_bodies(articles)) for s, articles in chapters],
            "help_pages": with_bodies(help_pages),
            "terms": list(site.glossary.values()),
            "states": list(site.states.values()),
            "site_url": getattr(settings, "PUBLIC_URL", ""),
        },
    )


def refuse_fetch(url: str, timeout=10, ssl_context=None):
    """The book loads nothing from anywhere: no third-party request, even at build time."""
    raise ValueError(f"the book does not load {url}")


def write_pdf(out: Path) -> int:
    """Writes the book to out; returns its number of pages."""
    from weasyprint import CSS, HTML

    stylesheet = CSS(filename=finders.find("css/book.css"))
    document = HTML(
        string=book_html(),
        base_url=getattr(settings, "PUBLIC_URL", "") or None,
        url_fetcher=refuse_fetch,
    ).render(stylesheets=[stylesheet])
    out.parent.mkdir(parents=True, exist_ok=True)
    document.write_pdf(out)
    return len(document.pages)


def link(request):
    """Context processor: the footer links the book only when this copy has one."""
    return {"book_url": published_url()}
