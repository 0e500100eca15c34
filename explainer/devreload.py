"""In local development, editing a file in content/ restarts runserver like a code change."""

from django.conf import settings
from django.utils import autoreload


def _watch(sender, **kwargs):
    sender.watch_dir(settings.CONTENT_DIR, "**/*.md")
    sender.watch_dir(settings.CONTENT_DIR, "**/*.yaml")


def watch_content():
    if settings.DEBUG:
        autoreload.autoreload_started.connect(_watch, dispatch_uid="explainer-content")
