"""The system check that makes `manage.py check` fail on any content problem."""

from django.core import checks

from . import content
from .errors import ContentInvalid


def content_is_valid(app_configs=None, **kwargs):
    content.reset()
    try:
        content.get_site()
    except ContentInvalid as exc:
        return [checks.Error(str(problem), id="explainer.E001") for problem in exc.problems]
    return []
