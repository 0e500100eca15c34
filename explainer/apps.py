from django.apps import AppConfig
from django.core import checks


class ExplainerConfig(AppConfig):
    name = "explainer"
    verbose_name = "The explainer"

    def ready(self):
        from . import checks as content_checks
        from . import devreload

        checks.register(content_checks.content_is_valid, "content")
        devreload.watch_content()
