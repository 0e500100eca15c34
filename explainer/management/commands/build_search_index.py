from django.core.management.base import BaseCommand, CommandError

from explainer.content import get_site
from explainer.errors import ContentInvalid
from explainer.search import index as searchindex


class Command(BaseCommand):
    help = "Build the search index from content/ (only when the content has changed)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="rebuild even if the index matches the content"
        )

    def handle(self, *args, force=False, **options):
        try:
            site = get_site()
        except ContentInvalid as exc:
            raise CommandError(f"content has problems; fix them first:\n{exc}") from None
        if not force and searchindex.status(site) == "ready":
            self.stdout.write("Search index is up to date.")
            return
        try:
            count = searchindex.build(site)
        except searchindex.SearchUnsupported as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"Search index built: {count} pages.")
