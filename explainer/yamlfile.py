"""YAML loading that remembers where each mapping started, so errors can name a line."""

from pathlib import Path

import yaml


class LineDict(dict):
    """A mapping from YAML that knows its 1-based line in the file."""

    line: int = 0


# libyaml parses several times faster than pure Python, which counts at start-up.
class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    pass


def _construct_mapping(loader, node):
    # PyYAML keeps the last of two equal keys without a word; in a content file that hides a
    # mistake (a value typed twice, one of them never read), so it stops the build instead.
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            continue
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        seen.add(key)
    mapping = LineDict(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


class YamlError(ValueError):
    def __init__(self, message: str, line: int | None):
        super().__init__(message)
        self.line = line


def parse(text: str, line_offset: int = 0):
    """Parse YAML text; every mapping is a LineDict whose line counts from line_offset."""
    try:
        data = yaml.load(text, Loader=_LineLoader)  # a SafeLoader subclass: plain YAML types only
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 + line_offset if mark else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise YamlError(f"invalid YAML: {problem}", line) from None
    if line_offset:
        _shift(data, line_offset)
    return data


def _shift(value, offset: int) -> None:
    if isinstance(value, LineDict):
        value.line += offset
        for item in value.values():
            _shift(item, offset)
    elif isinstance(value, list):
        for item in value:
            _shift(item, offset)


def load(path: Path):
    return parse(path.read_text(encoding="utf-8"))


def line_of(value) -> int | None:
    return getattr(value, "line", None)
