"""Which pages are due for review: each has a next-review date, by default a year on."""

import datetime
from dataclasses import dataclass

from .documents import Article


@dataclass(frozen=True)
class ReviewDue:
    document: Article
    overdue: bool

    @property
    def status(self) -> str:
        return "OVERDUE" if self.overdue else "due"


def due_for_review(documents, today: datetime.date, within_days: int = 30) -> list[ReviewDue]:
    """Pages past their review date, then those due within `within_days`, soonest first."""
    horizon = today + datetime.timedelta(days=within_days)
    due = [ReviewDue(d, d.review_overdue(today)) for d in documents if d.next_review <= horizon]
    return sorted(due, key=lambda r: (r.document.next_review, r.document.key))


def overdue(documents, today: datetime.date) -> list[Article]:
    return [r.document for r in due_for_review(documents, today, within_days=0) if r.overdue]
