"""`manage.py review_report`: the pages a reviewer should check next."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from explainer.content import get_site
from explainer.reviews import due_for_review


class Command(BaseCommand):
    help = "List pages past their review date, and pages due for review soon."

    def add_arguments(self, parser):
        parser.add_argument(
            "--within",
            type=int,
            default=30,
            metavar="DAYS",
            help="also list pages due within this many days (default 30)",
        )
        parser.add_argument(
            "--today", metavar="YYYY-MM-DD", help="report as if today were this date"
        )

    def handle(self, *args, within, today, **options):
        try:
            day = datetime.date.fromisoformat(today) if today else timezone.localdate()
        except ValueError as exc:
            raise CommandError(f"--today must be a date like 2026-11-23: {exc}") from exc
        due = due_for_review(get_site().all_documents(), day, within)
        if not due:
            self.stdout.write(f"No page is due for review by {day + datetime.timedelta(within)}.")
            return
        for item in due:
            doc = item.document
            self.stdout.write(f"{item.status:<8} {doc.next_review}  {doc.url}  {doc.title}")
        count = sum(item.overdue for item in due)
        self.stdout.write(f"{count} overdue, {len(due) - count} due within {within} days.")
