from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import push_url

from . import handouts, lawpages, statepages, states
from .content import get_site
from .forms import StateTableForm
from .pagecache import cacheable
from .search.results import find as find_pages


@require_safe
@cacheable
def home(request):
    site = get_site()
    return render(
        request,
        "home.html",
        {
            "entry_paths": site.entry_paths,
            "charges": site.section_articles("charges"),
            "sections": [(s, site.section_articles(s.slug)) for s in site.sections.values()],
        },
    )


@require_safe
@cacheable
def section(request, section):
    site = get_site()
    if section not in site.sections:
        raise Http404("No such section")
    return render(
        request,
        "section.html",
        {
            "section": site.sections[section],
            "articles": site.section_articles(section),
        },
    )


@require_safe
@cacheable
def article(request, section, slug):
    site = get_site()
    found = site.article(section, slug)
    if not found:
        raise Http404("No such article")
    return render(
        request,
        "article.html",
        {
            "article": found,
            "section": site.sections[section],
            "related": [site.articles[key] for key in found.related],
            "overdue": found.review_overdue(timezone.localdate()),
            # State law on the same charge: the chosen state's pages, else the comparisons.
            "state_law": [c for c in site.state_charges.values() if c.article == found.key],
        },
    )


@require_safe
@cacheable
def page(request, slug):
    return render(request, "page.html", {"article": get_site().pages[slug]})


@require_safe
@cacheable
def intake(request):
    site = get_site()
    # On screen the site's own links stay relative; only paper needs the full address.
    context = {
        **handouts.sheet_context(request, site, site.pages["intake"]),
        "site_root": "",
        "printed": False,
        "print_root": "",
        "state_law": list(site.state_charges.values()),
    }
    return render(request, "intake.html", context)


@require_safe
@cacheable
def handout(request, section, slug):
    site = get_site()
    found = site.article(section, slug)
    if not found or not found.handout:
        raise Http404("No handout for this page")
    return render(request, "print/handout.html", handouts.handout_context(request, site, found))


@require_safe
@cacheable
def intake_sheet(request):
    site = get_site()
    return render(
        request,
        "print/intake_sheet.html",
        handouts.sheet_context(request, site, site.pages["intake"]),
    )


@require_safe
@cacheable
def glossary(request):
    # Grouped by first letter for the A-Z row: on a phone the list is many screens long.
    groups: dict[str, list] = {}
    for term in get_site().glossary.values():
        groups.setdefault(term.term[:1].upper(), []).append(term)
    return render(
        request,
        "glossary.html",
        {
            "groups": list(groups.items()),
            "alphabet": [(c, c in groups) for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"],
        },
    )


@require_safe
@cacheable
def topics(request):
    """Every article and page A to Z: where an exported copy's search box leads offline."""
    documents = sorted(get_site().all_documents(), key=lambda d: d.title.lower())
    letters = {}
    for document in documents:
        letters.setdefault(document.title[:1].upper(), []).append(document)
    return render(request, "topics.html", {"letters": letters})


@require_safe
@cacheable
def robots(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /search/", f"Sitemap: {sitemap_url}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@require_safe
@vary_on_headers("HX-Request")
@cacheable
def states_index(request):
    site = get_site()
    picked = statepages.chosen(site.states, request.GET.get("state"))
    if picked:
        return redirect(picked.url)
    form = StateTableForm.from_query(request.GET)
    context = {
        "rows": statepages.select(site.states, form.options),
        "form": form,
        "columns": states.COLUMNS,
        "total": len(site.states),
    }
    template = "partials/states_table.html" if request.htmx else "states/index.html"
    return render(request, template, context)


@require_safe
@cacheable
def state(request, code):
    site = get_site()
    found = site.states.get(code)
    if not found:
        raise Http404("No such state")
    law_facts, law_sources = lawpages.state_facts(found)
    return render(
        request,
        "states/state.html",
        {
            "jurisdiction": found,
            "chosen_state": found,
            "facts": [(f, states.COLUMNS[f], found.fact(f)) for f in states.FACT_FIELDS],
            "charges": lawpages.charge_summaries(site, found),
            "law_facts": law_facts,
            "sources": law_sources,
        },
    )


@require_safe
@cacheable
def states_csv(request):
    response = HttpResponse(
        states.to_csv(get_site().states.values()), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="explainer-states.csv"'
    return response


@require_safe
@cacheable
def states_json(request):
    return HttpResponse(
        states.to_json(get_site().states.values()), content_type="application/json; charset=utf-8"
    )


@require_safe
@cacheable
def attorney_box(request):
    """The attorney box alone, for htmx to swap in when a reader picks a state.

    Without JavaScript the same form reloads the page it sits on with ?state=, so this
    view only serves htmx; it tells htmx to put that same address in the location bar.
    """
    target = statepages.local_path(request.GET.get("next"))
    response = render(
        request,
        "partials/attorney_box.html",
        {
            "box_target": target,
            "on_attorney_page": target == reverse("page-find-a-defense-attorney"),
        },
    )
    picked = statepages.chosen(get_site().states, request.GET.get("state"))
    return push_url(response, f"{target}?state={picked.slug}" if picked else target)


@require_safe
@never_cache  # keep a reader's searches out of shared and on-disk caches
@vary_on_headers("HX-Request")
def search(request):
    results = find_pages(request.GET.get("q", ""), get_site())
    template = "partials/search_results.html" if request.htmx else "search.html"
    response = render(request, template, {"results": results})
    response["X-Robots-Tag"] = "noindex, noarchive"
    return response


@require_safe
@vary_on_headers("HX-Request")
@cacheable
def glossary_term(request, slug):
    """One definition, for htmx to show in place; a plain visit goes to the glossary entry."""
    term = get_site().glossary.get(slug)
    if not term:
        raise Http404("No such term")
    if not request.htmx:
        return redirect(term.url)
    return render(request, "partials/term_definition.html", {"term": term})
