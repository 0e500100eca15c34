from django.contrib.sitemaps.views import sitemap
from django.urls import path

from . import stateviews, views
from .content import PAGES
from .feeds import ChangesFeed
from .pagecache import cacheable
from .sitemaps import DocumentSitemap, ListingSitemap

urlpatterns = [
    path("", views.home, name="home"),
    path("glossary/", views.glossary, name="glossary"),
    path("glossary/<slug:slug>/", views.glossary_term, name="glossary-term"),
    path("search/", views.search, name="search"),
    path("robots.txt", views.robots, name="robots"),
    path("topics/", views.topics, name="topics"),
    path(
        "sitemap.xml",
        cacheable(sitemap),
        {"sitemaps": {"listings": ListingSitemap, "documents": DocumentSitemap}},
        name="sitemap",
    ),
    path("states/", views.states_index, name="states"),
    path("states/compare/<slug:charge>/", stateviews.compare, name="state-compare"),
    path("states/compare/<slug:charge>.csv", stateviews.compare_csv, name="state-compare-csv"),
    path("states/compare/<slug:charge>.json", stateviews.compare_json, name="state-compare-json"),
    path("states/<slug:code>/", views.state, name="state"),
    path("states/<slug:code>/<slug:charge>/", stateviews.state_charge, name="state-charge"),
    path(
        "states/<slug:code>/<slug:charge>/handout/",
        stateviews.state_charge_handout,
        name="state-charge-handout",
    ),
    path("states.csv", views.states_csv, name="states-csv"),
    path("states.json", views.states_json, name="states-json"),
    path("attorney-box/", views.attorney_box, name="attorney-box"),
    path("feed/", cacheable(ChangesFeed()), name="feed"),
    path("intake/", views.intake, name="intake"),
    path("intake/sheet/", views.intake_sheet, name="intake-sheet"),
    *[path(f"{slug}/", views.page, {"slug": slug}, name=f"page-{slug}") for slug in PAGES],
    path("<slug:section>/<slug:slug>/handout/", views.handout, name="handout"),
    path("<slug:section>/", views.section, name="section"),
    path("<slug:section>/<slug:slug>/", views.article, name="article"),
]
