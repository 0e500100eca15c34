"""In local development, editing a file in content/ restarts runserver like a code change
(and brings the search index up to date)."""

import logging

from django.conf import settings
from django.utils import autoreload

logger = logging.getLogger(__name__)


def _watch(sender, **kwargs):
    sender.watch_dir(settings.CONTENT_DIR, "**/*.md")
    sender.watch_dir(settings.CONTENT_DIR, "**/*.yaml")
    _refresh_search_index()


def _refresh_search_index():
    """Each restart after a content edit also rebuilds the search index, so a writer never
    meets "search is being rebuilt" locally. Problems are reported, never fatal here:
    `manage.py check` already shows content errors, and `migrate` a missing table."""
    from django.db import DatabaseError

    from .content import get_site
    from .errors import ContentInvalid
    from .search import index as searchindex

    try:
        searchindex.rebuild_if_stale(get_site())
    except (ContentInvalid, DatabaseError, searchindex.SearchUnsupported) as exc:
        logger.warning("Search index not rebuilt: %s", type(exc).__name__)


def watch_content():
    if settings.DEBUG:
        autoreload.autoreload_started.connect(_watch, dispatch_uid="explainer-content")
