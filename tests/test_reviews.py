"""Review dates: which pages are overdue or due soon, as a report and as test warnings."""

import datetime
import io
import warnings

import pytest
from django.core.management import CommandError, call_command

from explainer.content import get_site
from explainer.reviews import due_for_review, overdue

NOV_2026 = datetime.date(2026, 11, 23)


def keys(due):
    return [(r.document.key, r.overdue) for r in due]


def report(*args):
    out = io.StringIO()
    call_command("review_report", *args, stdout=out)
    return out.getvalue()


def test_page_past_its_review_date_is_overdue(fixture_content):
    due = due_for_review(get_site().all_documents(), NOV_2026)
    assert keys(due) == [("process/after-an-arrest", True)]


def test_page_due_within_the_window_is_listed_but_not_overdue(fixture_content):
    due = due_for_review(get_site().all_documents(), datetime.date(2027, 11, 13), within_days=10)
    assert ("charges/enticement", False) in keys(due)


def test_page_due_after_the_window_is_not_listed(fixture_content):
    due = due_for_review(get_site().all_documents(), datetime.date(2027, 11, 12), within_days=10)
    assert "charges/enticement" not in [key for key, _ in keys(due)]


def test_review_report_lists_overdue_pages(fixture_content):
    out = report("--today", "2026-11-23")
    assert "OVERDUE  2020-12-31  /process/after-an-arrest/  After an arrest" in out
    assert "1 overdue, 0 due within 30 days." in out


def test_review_report_says_when_nothing_is_due(fixture_content):
    assert (
        report("--today", "2020-06-01", "--within", "0")
        == "No page is due for review by 2020-06-01.\n"
    )


def test_review_report_rejects_a_bad_date(fixture_content):
    with pytest.raises(CommandError, match="--today must be a date"):
        report("--today", "next week")


def test_real_content_overdue_pages_are_warned_about():
    """Never fails: an overdue page is a reviewer's job, so it shows in the warnings summary."""
    late = overdue(get_site().all_documents(), datetime.date.today())
    for doc in late:
        warnings.warn(
            f"{doc.key} is past its review date ({doc.next_review}); run `manage.py review_report`",
            stacklevel=1,
        )
    assert all(doc.next_review < datetime.date.today() for doc in late)
