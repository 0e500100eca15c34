"""Highlighted passages as safe HTML.

The databases mark matches with control characters that never occur in content. The text is
escaped first and only then are the markers turned into <mark>, so no page text can become
markup.
"""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

START, END = "\x02", "\x03"


def marked(text: str) -> SafeString:
    """Escape the text, then turn the highlight markers into <mark> elements (and fold the
    line breaks of the indexed text into spaces)."""
    html = str(escape(" ".join((text or "").split())))
    return mark_safe(html.replace(START, "<mark>").replace(END, "</mark>"))
