"""`manage.py state_coverage`: how complete each jurisdiction's contacts are."""

from django.core.management.base import BaseCommand

from explainer import coverage
from explainer.content import get_site


class Command(BaseCommand):
    help = "Print contact and state-law coverage per jurisdiction, as in docs/states.md."

    def handle(self, *args, **options):
        self.stdout.write(coverage.report(get_site()), ending="")
