"""One Markdown article or page: read from its file, checked, then rendered to HTML.

The three steps are separate so a file with any problem is never rendered, and every
problem in it is reported with its line before the site refuses to load.
"""

from dataclasses import dataclass
from pathlib import Path

from . import frontmatter, markup, yamlfile
from .documents import Article, Site
from .errors import Collector, Problem
from .legaldata import Source
from .tags import BLOCK_KINDS, TagRenderer


@dataclass
class SourceFile:
    """A document file split into its front matter (parsed) and its Markdown body."""

    path: Path
    meta: dict
    front_text: str
    body: str
    body_line: int


def load(path: Path, site: Site, problems: list[Problem], expected_section: str):
    """The rendered article, or None when it cannot be read; problems go to the list."""
    out = Collector(path, problems)
    before = len(problems)
    source = read(path, out)
    if source is None:
        return None
    built = frontmatter.to_article(
        source.meta, source.front_text, path, site, out, expected_section
    )
    if built is None:
        return None
    article, front_sources = built
    renderer = TagRenderer(site.data, site.glossary)
    tags = check_body(source, renderer, out)
    if len(problems) > before:
        # Still known to the site, so links to it are not reported as broken too.
        return article
    render(article, source, front_sources, tags, renderer)
    return article


def read(path: Path, out: Collector) -> SourceFile | None:
    try:
        front_text, body, body_line = frontmatter.split(path.read_text(encoding="utf-8"))
        meta = yamlfile.parse(front_text, line_offset=1)
    except yamlfile.YamlError as exc:
        out.add(exc.line, str(exc))
        return None
    except UnicodeDecodeError:
        out.add(None, "file is not UTF-8 text")
        return None
    if not isinstance(meta, dict):
        out.add(1, "front matter must be a YAML mapping")
        return None
    return SourceFile(path, meta, front_text, body, body_line)


def check_body(source: SourceFile, renderer: TagRenderer, out: Collector) -> list[markup.Tag]:
    """Every data tag in the body, each checked against the legal data and glossary."""
    tags, tag_problems = markup.scan_tags(source.body, source.body_line)
    for line, message in tag_problems:
        out.add(line, message)
    for tag in tags:
        for message in renderer.check(tag):
            out.add(tag.line, message)
    return tags


def render(
    article: Article,
    source: SourceFile,
    front_sources: list[Source],
    tags: list[markup.Tag],
    renderer: TagRenderer,
) -> None:
    article.sources = renderer.number_sources(front_sources, tags, article.penalties)
    article.html, article.headings = markup.render(source.body, renderer.render, BLOCK_KINDS)
    if article.penalties:
        article.card_html = renderer.penalty_table(
            [renderer.data.offenses[k] for k in article.penalties]
        )
    article.text = markup.reading_text(article.html)
