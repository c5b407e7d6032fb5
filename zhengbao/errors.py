"""Errors a user can act on: `path:line: what is wrong — what to do`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the content, located and with a remedy."""

    path: str
    line: int
    what: str
    todo: str

    def __str__(self) -> str:
        return f"{self.path}:{max(self.line, 1)}: {self.what} — {self.todo}"


class ContentError(Exception):
    """Raised with every problem found, so the user sees them all at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
