"""`manage.py export_site DIR`: the whole site as static files (docs/deploy.md)."""

import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from explainer.export import Export, ExportError, broken_links, prepare


class Command(BaseCommand):
    help = "Write every page, download and static file of the site into DIR as plain files."
    # The content check runs in handle(), whichever way the command is called.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("dir", type=Path)
        parser.add_argument(
            "--replace", action="store_true", help="write over an earlier export in DIR"
        )
        parser.add_argument(
            "--base-url",
            default=getattr(settings, "PUBLIC_URL", "") or "https://localhost",
            help="the address the copy will be served at (sitemap, feed)",
        )
        parser.add_argument(
            "--search-url",
            default=os.environ.get("EXPLAINER_EXPORT_SEARCH_URL", ""),
            help="where the search form sends readers (default: the A-Z page of the copy)",
        )
        parser.add_argument(
            "--offline",
            action="store_true",
            help="relative links, for opening the files without a web server",
        )

    def handle(self, *args, dir, replace, base_url, search_url, offline, **options):
        # A content error stops the export with the same file-and-line list as `check`.
        self.check(tags=["content"])
        try:
            prepare(dir, replace)
            export = Export(dir, base_url.rstrip("/"), search_url or "/topics/", offline)
            export.run()
        except ExportError as exc:
            raise CommandError(str(exc)) from exc
        broken = broken_links(dir)
        if broken:
            raise CommandError("Links that lead outside the export:\n" + "\n".join(broken))
        self.stdout.write(f"Exported {len(export.written)} files and the static files to {dir}.")
