"""Japanese fiscal years (年度) and era names.

A fiscal year runs April–March and is written as the Gregorian year it starts in.
Reiwa n = 2018 + n (R1 = 2019), Heisei n = 1988 + n (H25 = 2013).
"""

from __future__ import annotations

import re
import unicodedata

REIWA_OFFSET = 2018
HEISEI_OFFSET = 1988

_ERAS = {"R": REIWA_OFFSET, "令和": REIWA_OFFSET, "H": HEISEI_OFFSET, "平成": HEISEI_OFFSET}

_PATTERN = re.compile(
    r"^(?:(?:FY ?)?(?P<year>\d{4})(?:年度)?|(?P<era>R|H|令和|平成) ?(?P<n>\d{1,2}|元)(?:年度?)?)$",
    re.IGNORECASE,
)

ACCEPTED_FORMS = "2026, FY2026, R8, 令和8, 令和8年度, 2026年度"


class YearError(ValueError):
    """A year argument that is not a fiscal year in an accepted form: a catalogue code
    (`year-format`, `year-era-start`, `year-range`) and its values; `str()` says it in the
    run's language."""

    variant = None

    def __init__(self, code: str, **values: object):
        super().__init__(code)
        self.code = code
        self.values = values

    def __str__(self) -> str:
        from .i18n.messages import said

        return said(self)


def parse_year(text: str) -> int:
    """Parse a fiscal year given as ``2026``, ``FY2026``, ``2026年度``, ``R8``, ``令和8`` or
    ``令和8年度``.

    Full-width digits are accepted (``令和８年度``, ``２０２６年度``), and 年度 after any form
    (``FY2026年度``); ``2026年`` alone is refused (a calendar year, not a fiscal year);
    ``元`` stands for year 1.
    """
    raw = str(text)
    normal = unicodedata.normalize("NFKC", raw).strip()
    match = _PATTERN.match(normal)
    if not match:
        raise YearError("year-format", value=raw, forms=ACCEPTED_FORMS)
    if match["year"]:
        year = int(match["year"])
    else:
        era = match["era"].upper() if match["era"].isascii() else match["era"]
        n = 1 if match["n"] == "元" else int(match["n"])
        if n < 1:
            raise YearError("year-era-start", value=raw)
        year = _ERAS[era] + n
    if not 1989 <= year <= 2100:
        raise YearError("year-range", value=raw)
    return year


def reiwa(year: int) -> str:
    """The short Reiwa label of a fiscal year: 2026 -> 'R8'."""
    if year > REIWA_OFFSET:
        return f"R{year - REIWA_OFFSET}"
    return f"H{year - HEISEI_OFFSET}"


def label(year: int, lang: str = "ja") -> str:
    """A human label: 'FY2026 (R8)' in English, '2026年度 (R8)' in Japanese."""
    from .i18n.labels import t

    return t("year.label", lang).format(year=year, era=reiwa(year))  # type: ignore[arg-type]
