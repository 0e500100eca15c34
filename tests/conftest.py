import shutil
from pathlib import Path

import pytest

from explainer import content, pagecache

FIXTURE_CONTENT = Path(__file__).parent / "fixtures" / "content"


@pytest.fixture(autouse=True)
def empty_page_cache():
    """Each test sees pages rendered for it, never one kept from an earlier test."""
    pagecache.clear()


@pytest.fixture
def fixture_content(settings):
    """Serve the small fixture content tree instead of the real one."""
    settings.CONTENT_DIR = FIXTURE_CONTENT
    content.reset()
    yield FIXTURE_CONTENT
    content.reset()


@pytest.fixture
def content_copy(settings, tmp_path):
    """A writable copy of the fixture content, for tests that break it on purpose."""
    root = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, root)
    settings.CONTENT_DIR = root
    content.reset()
    yield root
    content.reset()


@pytest.fixture(params=["sqlite", "postgresql"])
def search_backend(request, settings):
    """Run a search test once on SQLite (FTS5) and once on PostgreSQL (tsvector)."""
    from .searchdb import use_backend

    return use_backend(request.param, settings)
