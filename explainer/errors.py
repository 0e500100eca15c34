"""Content problems carry the file and line they came from, so a writer can find them."""

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int | None
    message: str

    def __str__(self) -> str:
        try:
            shown = self.path.relative_to(settings.BASE_DIR)
        except ValueError:
            shown = self.path
        where = f"{shown}:{self.line}" if self.line else f"{shown}"
        return f"{where}: {self.message}"


class ContentInvalid(Exception):
    """Raised when content cannot be served; holds every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class Collector:
    """Gathers problems for one file so validation can report all of them at once."""

    def __init__(self, path: Path, problems: list[Problem]):
        self.path = path
        self.problems = problems

    def add(self, line: int | None, message: str) -> None:
        self.problems.append(Problem(self.path, line, message))

    def unknown_fields(self, raw, allowed: set[str], where: str = "") -> None:
        """Report each key of a YAML mapping that the format does not have, at its line."""
        for name in sorted(set(raw) - set(allowed)):
            self.add(getattr(raw, "line", None), f"{where}unknown field {name!r}")
