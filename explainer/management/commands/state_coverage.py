"""`manage.py state_coverage`: how complete each jurisdiction's contacts and law files are."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from explainer import coverage
from explainer.content import get_site

DOC = Path(settings.BASE_DIR) / "docs" / "states.md"
START, END = "<!-- coverage:start -->\n", "<!-- coverage:end -->"


class Command(BaseCommand):
    help = "Print contact and state-law coverage per jurisdiction, as in docs/states.md."

    def add_arguments(self, parser):
        parser.add_argument(
            "--update-docs", action="store_true", help="also write the tables into docs/states.md"
        )

    def handle(self, *args, update_docs, **options):
        report = coverage.report(get_site())
        self.stdout.write(report, ending="")
        if update_docs:
            text = DOC.read_text(encoding="utf-8")
            head, rest = text.split(START, 1)
            DOC.write_text(head + START + report + END + rest.split(END, 1)[1], encoding="utf-8")
