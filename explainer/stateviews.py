"""State law pages: one charge in one state, its handout, and one charge across all states."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from . import handouts, lawpages
from .content import get_site
from .forms import CompareForm
from .pagecache import cacheable


def _state_and_category(code: str, charge: str):
    site = get_site()
    state, category = site.states.get(code), site.state_charges.get(charge)
    if state is None or category is None:
        raise Http404("No such state or charge")
    return site, state, category


@require_safe
@cacheable
def state_charge(request, code, charge):
    site, state, category = _state_and_category(code, charge)
    return render(request, "states/charge.html", lawpages.charge_context(site, state, category))


@require_safe
@cacheable
def state_charge_handout(request, code, charge):
    site, state, category = _state_and_category(code, charge)
    context = lawpages.charge_context(site, state, category)
    context.update(handouts.state_handout_context(request, site, state, category))
    return render(request, "print/state_handout.html", context)


def _category(charge: str):
    site = get_site()
    category = site.state_charges.get(charge)
    if category is None:
        raise Http404("No such charge")
    return site, category


@require_safe
@vary_on_headers("HX-Request")
@cacheable
def compare(request, charge):
    site, category = _category(charge)
    form = CompareForm(request.GET)
    options = form.options()
    context = {
        "category": category,
        "form": form,
        "rows": lawpages.compare_rows(site, category, options["sort"], options["researched"]),
        "total": len(site.states),
        "federal_article": site.articles.get(category.article),
        "categories": list(site.state_charges.values()),
    }
    template = "partials/compare_table.html" if request.htmx else "states/compare.html"
    return render(request, template, context)


@require_safe
@cacheable
def compare_csv(request, charge):
    site, category = _category(charge)
    response = HttpResponse(
        lawpages.to_csv(lawpages.download_rows(site, category)),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="explainer-{category.key}.csv"'
    return response


@require_safe
@cacheable
def compare_json(request, charge):
    site, category = _category(charge)
    return HttpResponse(
        lawpages.to_json(category, lawpages.download_rows(site, category)),
        content_type="application/json; charset=utf-8",
    )
