"""Markdown to HTML, with the data tags that pull legal figures from the data file.

Tags look like {{penalty:enticement}}. They are found and checked with their line numbers
before rendering (scan_tags), then rendered by a Markdown extension that asks a TagRenderer
for the HTML of each one.
"""

import re
from dataclasses import dataclass
from html.parser import HTMLParser

import markdown
from django.utils.html import format_html
from markdown.extensions import Extension
from markdown.extensions.toc import slugify
from markdown.inlinepatterns import InlineProcessor
from markdown.preprocessors import Preprocessor


def citation_mark(numbers) -> str:
    """One link per claim, however many sources back it.

    Readers on phones could not hit clusters of tiny numbers ("[1, 2, 9, 10]", one link each),
    so a claim gets a single 24 px target that names every number and jumps to the first; the
    source list is in number order, so the rest follow it.
    """
    numbers = sorted(set(numbers))
    if not numbers:
        return ""
    shown = ", ".join(str(n) for n in numbers)
    label = ("source " if len(numbers) == 1 else "sources ") + shown
    return format_html(
        '<sup class="cite">[<a href="#source-{}" aria-label="{}">{}</a>]</sup>',
        numbers[0],
        label,
        shown,
    )


TAG_RE = re.compile(r"\{\{\s*([a-z-]+)(?::([^}|]*?))?(?:\|([^}]*?))?\s*\}\}")


@dataclass(frozen=True)
class Tag:
    kind: str
    arg: str
    shown: str
    line: int
    raw: str
    alone: bool = False  # the whole line, as a block tag must be

    @property
    def keys(self) -> list[str]:
        return [k.strip() for k in self.arg.split(",") if k.strip()]


def scan_tags(body: str, first_line: int) -> tuple[list[Tag], list[tuple[int, str]]]:
    """Find every tag with its file line; return the tags and any (line, problem) found.

    Only the syntax is checked here; what each kind needs is checked by tags.TAG_KINDS.
    """
    tags, problems = [], []
    for offset, text in enumerate(body.splitlines()):
        line = first_line + offset
        if "{{" in text and not TAG_RE.search(text):
            problems.append((line, "malformed data tag (expected {{kind:key}})"))
        for match in TAG_RE.finditer(text):
            kind, arg, shown = match.group(1), (match.group(2) or "").strip(), match.group(3)
            alone = text.strip() == match.group(0)
            tags.append(Tag(kind, arg, (shown or "").strip(), line, match.group(0), alone))
    return tags, problems


class _BlockTags(Preprocessor):
    def __init__(self, md, render, block_kinds):
        super().__init__(md)
        self.render = render
        self.block_kinds = block_kinds

    def run(self, lines):
        out = []
        for text in lines:
            match = TAG_RE.fullmatch(text.strip())
            if match and match.group(1) in self.block_kinds:
                html = self.render(match)
                out.extend(["", self.md.htmlStash.store(html), ""])
            else:
                out.append(text)
        return out


class _InlineTags(InlineProcessor):
    def __init__(self, pattern, md, render):
        super().__init__(pattern, md)
        self.render = render

    def handleMatch(self, m, data):
        return self.md.htmlStash.store(self.render(m)), m.start(0), m.end(0)


class _TagExtension(Extension):
    def __init__(self, render, block_kinds):
        super().__init__()
        self.render = render
        self.block_kinds = block_kinds

    def extendMarkdown(self, md):
        md.preprocessors.register(
            _BlockTags(md, self.render, self.block_kinds), "data_block_tags", 27
        )
        md.inlinePatterns.register(
            _InlineTags(TAG_RE.pattern, md, self.render), "data_inline_tags", 200
        )


def render(body: str, render_tag, block_kinds) -> tuple[str, list[dict]]:
    """Render Markdown; render_tag(kind, keys, shown) returns the HTML for one data tag.

    A tag of one of block_kinds standing alone on its line becomes a block of its own.

    Returns the HTML and the heading tokens (level, id, name) for the table of contents.
    """

    def from_match(match):
        arg = match.group(2) or ""
        keys = [k.strip() for k in arg.split(",") if k.strip()]
        return render_tag(match.group(1), keys, (match.group(3) or "").strip())

    md = markdown.Markdown(
        extensions=[
            "tables",
            "sane_lists",
            "toc",
            _TagExtension(from_match, block_kinds),
        ],
        extension_configs={"toc": {"slugify": slugify, "toc_depth": "2-3"}},
        output_format="html",
    )
    html = md.convert(body)
    return html, _flatten(md.toc_tokens)


def _flatten(tokens: list[dict]) -> list[dict]:
    out = []
    for token in tokens:
        out.append({"level": token["level"], "id": token["id"], "name": token["name"]})
        out.extend(_flatten(token["children"]))
    return out


class _TextOnly(HTMLParser):
    """Collects the reading text of rendered HTML, leaving out tables and citation marks."""

    SKIP = {"table", "sup", "script", "style"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.depth += 1
        elif tag in {"p", "li", "h1", "h2", "h3", "h4", "br", "div", "dd", "dt"}:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.depth:
            self.depth -= 1
        elif tag in {"p", "li", "h1", "h2", "h3", "h4", "dd", "dt"}:
            # A heading or list item without a full stop still ends a sentence for the reader.
            self.parts.append(".\n")

    def handle_data(self, data):
        if not self.depth:
            self.parts.append(data)


def reading_text(html: str) -> str:
    parser = _TextOnly()
    parser.feed(html)
    text = "".join(parser.parts)
    text = re.sub(r"([.!?:;])\s*\.\n", r"\1\n", text)
    return re.sub(r"[ \t]+", " ", text).strip()
