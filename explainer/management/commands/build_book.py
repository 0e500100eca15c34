"""`manage.py build_book OUT.pdf`: the whole guide as one printable PDF (explainer/book.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand

from explainer.book import write_pdf


class Command(BaseCommand):
    help = "Write every article, the glossary and every state's contacts into one PDF book."
    # The content check runs in handle(), whichever way the command is called.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("out", type=Path, help="the PDF file to write")

    def handle(self, *args, out, **options):
        # A content error stops the book with the same file-and-line list as `check`.
        self.check(tags=["content"])
        pages = write_pdf(out)
        self.stdout.write(f"Wrote {out} ({pages} pages).")
