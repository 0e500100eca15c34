"""`manage.py state_coverage`: how complete each jurisdiction's contacts are."""

from django.core.management.base import BaseCommand

from explainer import coverage
from explainer.content import get_site


class Command(BaseCommand):
    help = "Print contact coverage per jurisdiction, as the table in docs/states.md."

    def handle(self, *args, **options):
        self.stdout.write(coverage.markdown(coverage.rows(get_site().states.values())), ending="")
