"""Values of command-line options: parsed exactly, checked, with stable error codes. Pure.

Each parser raises `OptionError(code, **params)`; the CLI prints it as one line in the
user's language from the message catalogue (`i18n`) and exits 2.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from .trajectory import Status

MAX_THRESHOLD = Decimal(2)


class OptionError(ValueError):
    """A bad option value: a stable code and the parameters of its message."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def parse_ratio(text: str, option: str = "--on-track") -> Decimal:
    """A threshold as an exact decimal ratio: '0.9' and '90%' are both 0.9.

    Full-width forms (０.９, ９０％) are accepted. Anything that is not a finite number in
    (0, 2] is refused: `--on-track 90` means 9000%, which is surely a mistaken 90%.
    """
    raw = str(text)
    normal = unicodedata.normalize("NFKC", raw).strip()
    percent = normal.endswith("%")
    try:
        value = Decimal(normal[:-1].strip() if percent else normal)
    except InvalidOperation:
        raise OptionError("threshold-value", option=option, value=raw) from None
    if not value.is_finite():
        raise OptionError("threshold-value", option=option, value=raw)
    if percent:
        value /= 100
    if not 0 < value <= MAX_THRESHOLD:
        raise OptionError("threshold-range", option=option, value=raw)
    return value


def check_thresholds(on_track: Decimal, behind: Decimal) -> None:
    """0 < behind < on_track, exactly."""
    if not behind < on_track:
        raise OptionError("threshold-order", on_track=on_track, behind=behind)


def parse_status(text: str, option: str = "--status") -> Status:
    """A status by its name ('off-track', 'off_track', 'OFF-TRACK') or its Japanese word
    (達成, 順調, やや遅れ, 遅れ, 後退, 実績なし, 評価対象外)."""
    from .i18n import STATUS_WORDS

    normal = unicodedata.normalize("NFKC", str(text)).strip()
    for status, words in STATUS_WORDS.items():
        if normal == words["ja"] or normal.lower() == words["en"]:
            return status
    try:
        return Status.parse(normal)
    except ValueError:
        raise OptionError("unknown-status", option=option, value=str(text)) from None


def parse_goals(values: Iterable[str], count: int, option: str = "--goal") -> set[int]:
    """Basic goal numbers from repeated and comma-separated values: -g 1 -g 3, -g 1,3."""
    goals: set[int] = set()
    for value in values:
        for part in unicodedata.normalize("NFKC", str(value)).split(","):
            part = part.strip()
            if not part.isdigit():
                raise OptionError("goal-value", option=option, value=str(value), count=count)
            number = int(part)
            if not 1 <= number <= count:
                raise OptionError("goal-range", option=option, value=number, count=count)
            goals.add(number)
    return goals
