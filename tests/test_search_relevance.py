"""Search finds the right page for what worried readers actually type, on the real content.

Every query in tests/search_queries.yaml names the page that should be in its top 3.
The figure is printed (pytest -s, or in the summary on failure) so a change to ranking,
synonyms or content shows what it did to relevance.
"""

from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.core.management import call_command

from explainer import content
from explainer.search.results import find

QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yaml").read_text())
TOP = 3
REQUIRED_RECALL = 0.90

pytestmark = pytest.mark.django_db(databases="__all__")


@pytest.fixture
def real_site(settings):
    settings.CONTENT_DIR = settings.BASE_DIR / "content"
    content.reset()
    yield content.get_site()
    content.reset()


def test_query_list_covers_all_three_kinds_of_reader():
    assert len(QUERIES) >= 40
    assert {q["who"] for q in QUERIES} == {"accused", "family", "intake"}


def test_every_expected_page_exists(real_site):
    urls = {d.url for d in real_site.all_documents()} | {j.url for j in real_site.states.values()}
    assert [q["url"] for q in QUERIES if q["url"] not in urls] == []


def test_top_3_recall_on_real_content_is_at_least_90_percent(real_site, search_backend):
    call_command("build_search_index")
    misses = []
    for item in QUERIES:
        urls = [hit.url for hit in find(item["query"], real_site).hits[:TOP]]
        if item["url"] not in urls:
            misses.append(f"  {item['query']!r}: wanted {item['url']}, got {urls}")
    recall = 1 - len(misses) / len(QUERIES)
    engine = settings.DATABASES[search_backend]["ENGINE"].rsplit(".", 1)[-1]
    print(f"\nSearch top-{TOP} recall on {engine}: {recall:.1%} of {len(QUERIES)} queries")
    print("\n".join(misses))
    assert recall >= REQUIRED_RECALL, "\n".join(misses)
