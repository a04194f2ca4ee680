"""Problems found in input files, with their location, and the exit-code contract."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import IntEnum
from functools import cached_property, total_ordering
from typing import Any

from .i18n.messages import Lang, diagnostic_text, said


class Exit(IntEnum):
    """Exit statuses (DESIGN.md): 0 ok, 1 a KPI hit --fail-on, 2 bad input or usage."""

    OK = 0
    FAIL_ON = 1
    BAD_INPUT = 2


@total_ordering
@dataclass(frozen=True)
class Location:
    """A place in a file; line and column are 1-based. None for the file as a whole
    (a missing file, a bad name, a full disk): shown as FILE alone, never a made-up 1:1.

    In a spreadsheet, `sheet` names the sheet, `line` is the row and `column` the column
    number: shown as FILE.xlsx:SHEET!C12.
    """

    file: str
    line: int | None = None
    column: int | None = None
    sheet: str | None = None

    def __str__(self) -> str:
        if self.sheet is not None:
            if self.line is None:
                return f"{self.file}:{self.sheet}"
            return f"{self.file}:{self.sheet}!{column_letter(self.column or 1)}{self.line}"
        if self.line is None:
            return self.file
        return f"{self.file}:{self.line}:{self.column or 1}"

    def _key(self) -> tuple:
        return (self.file, self.sheet or "", self.line or 0, self.column or 0)

    def __lt__(self, other: Location) -> bool:
        if not isinstance(other, Location):
            return NotImplemented
        return self._key() < other._key()


def column_letter(number: int) -> str:
    """1 -> A, 26 -> Z, 27 -> AA (spreadsheet column names)."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters or "A"


@total_ordering
@dataclass(frozen=True)
class Diagnostic:
    """One problem: where, a stable code (kebab-case, printed as `[code]`), the values its
    message is made of, its severity, and the variant of the code's wording if it has
    several. The text is made at the edge, in the language asked for
    (`i18n.diagnostic_text`); `str()` is the English line."""

    location: Location
    code: str
    values: Mapping[str, Any] = field(default_factory=dict, hash=False)
    severity: str = field(default="error")  # "error" | "warning"
    variant: str | None = None

    @property
    def message(self) -> str:
        """The message in English (for logs and tests; people get `diagnostic_text`)."""
        return said(self, Lang.en)

    def __str__(self) -> str:
        return diagnostic_text(self, Lang.en)

    @cached_property
    def _sort_key(self) -> tuple:  # made once: sorting 50,000 diagnostics compares often
        return (self.location, self.code, self.message, self.severity)

    def _key(self) -> tuple:
        return self._sort_key

    def __lt__(self, other: Diagnostic) -> bool:
        if not isinstance(other, Diagnostic):
            return NotImplemented
        return self._key() < other._key()

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


def located(
    file: str,
    code: str,
    line: int | None = None,
    column: int | None = None,
    *,
    variant: str | None = None,
    **values: Any,
) -> Diagnostic:
    """A diagnostic at FILE (LINE:COL when given): its code and the values of its message."""
    return Diagnostic(Location(file, line, column), code, values, variant=variant)


class CodedError(Exception):
    """A refusal said from the catalogue: the diagnostic code, the values of its message and
    its variant (`i18n.said` says it in the language)."""

    def __init__(self, code: str, variant: str | None = None, **values: Any):
        super().__init__(code)
        self.code = code
        self.variant = variant
        self.values = values

    def __str__(self) -> str:
        return said(self)


class InputError(Exception):
    """Raised with every diagnostic found when input files are invalid."""

    def __init__(self, diagnostics: list[Diagnostic]):
        # one sort key per diagnostic (the English message made once, not at every
        # comparison: 50,000 unknown ids made it 500,000 times)
        self.diagnostics = sorted(diagnostics, key=Diagnostic._key)
        super().__init__(len(self.diagnostics))

    def __str__(self) -> str:  # made only when asked (a log, a test), never on the way
        return "\n".join(str(d) for d in self.diagnostics)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]
