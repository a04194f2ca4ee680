"""Problems found in input files, with their location, and the exit-code contract."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum


class Exit(IntEnum):
    """Exit statuses (DESIGN.md): 0 ok, 1 a KPI hit --fail-on, 2 bad input or usage."""

    OK = 0
    FAIL_ON = 1
    BAD_INPUT = 2


@dataclass(frozen=True, order=True)
class Location:
    """A place in a file; line and column are 1-based (1:1 for the file as a whole)."""

    file: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem: where, a stable code (kebab-case), the message, and its severity."""

    location: Location
    code: str
    message: str
    severity: str = field(default="error")  # "error" | "warning"

    def __str__(self) -> str:
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{self.location}: {prefix}{self.message} [{self.code}]"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


class InputError(Exception):
    """Raised with every diagnostic found when input files are invalid."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = sorted(diagnostics)
        super().__init__("\n".join(str(d) for d in self.diagnostics))

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]
