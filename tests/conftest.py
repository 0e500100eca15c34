import shutil
from pathlib import Path

import pytest

from explainer import content

FIXTURE_CONTENT = Path(__file__).parent / "fixtures" / "content"


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
