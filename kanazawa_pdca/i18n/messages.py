"""What pdca itself says (errors, warnings, hints, summaries), made at the edge in the
language asked for.

A message is a catalogue key (a stable code, or `code.variant` where one code has
several wordings) and its values; `text(key, lang, **values)` fills the key's template in
the language (`catalogue.CATALOGUE`, merged with the CLI's help texts of `help.HELP`).
A value that is itself words (what a file is, which folder is protected, a field of a
conflict, "did you mean …?") is a `Phrase`: a catalogue key with its own values,
rendered in the same language. Nothing is ever parsed back out of a message.

The language is `--lang` when given on the command line, else $PDCA_LANG, else Japanese;
the CLI sets it once per run (`set_lang`). Codes never change and are printed with the
message (`… [threshold-range]`), so scripts and tests key on the code, never on wording.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from enum import StrEnum
from typing import Any


class Lang(StrEnum):
    """The languages pdca speaks: the one definition (options, labels, messages)."""

    ja = "ja"
    en = "en"


_lang: Lang | None = None

STATUS_NAMES = "achieved, on-track, behind, off-track, regressing, no-data, not-assessable"
STATUS_WORDS_JA = "達成, 順調, やや遅れ, 遅れ, 後退, 実績なし, 評価対象外"


class Phrase:
    """Words inside a message: a catalogue key and its values, rendered in the message's
    language (`Phrase("file-kind.fifo")`, `Phrase("did-you-mean", hint="share-pct")`)."""

    __slots__ = ("key", "values")

    def __init__(self, key: str, **values: Any) -> None:
        self.key = key
        self.values = values

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Phrase) and (self.key, self.values) == (other.key, other.values)

    def __hash__(self) -> int:
        return hash(self.key)

    def __repr__(self) -> str:
        return f"Phrase({self.key!r}, **{self.values!r})"

    def __str__(self) -> str:
        return text(self.key, Lang.en, **self.values)


class InLang:
    """Data a message quotes that is written differently in each language: a KPI's unit
    (`万人` / ` ×10k people`, `件` / ` cards`). Rendered as the message's language's text."""

    __slots__ = ("en", "ja")

    def __init__(self, ja: str, en: str) -> None:
        self.ja = ja
        self.en = en

    def __eq__(self, other: object) -> bool:
        return isinstance(other, InLang) and (self.ja, self.en) == (other.ja, other.en)

    def __hash__(self) -> int:
        return hash((self.ja, self.en))

    def __repr__(self) -> str:
        return f"InLang({self.ja!r}, {self.en!r})"

    def __str__(self) -> str:
        return self.en


def set_lang(lang: str | None) -> None:
    """The language of this run's messages (None: back to $PDCA_LANG / Japanese)."""
    global _lang
    _lang = Lang(lang) if lang in ("ja", "en") else None


def current_lang() -> Lang:
    if _lang is not None:
        return _lang
    env = os.environ.get("PDCA_LANG", "").strip().lower()
    return Lang.en if env == "en" else Lang.ja


def lang_of_args(args: Sequence[str]) -> Lang | None:
    """--lang en / --lang=en on a command line, if given."""
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            value = args[i + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        else:
            continue
        if value in ("ja", "en"):
            return Lang(value)
    return None


def plural(n: int) -> str:
    return "s" * (n != 1)


def table() -> dict[str, dict[str, str]]:
    """The one table: key -> {"ja": template, "en": template} (messages, then help)."""
    global _TABLE
    if _TABLE is None:
        from .catalogue import CATALOGUE
        from .help import HELP

        _TABLE = {**CATALOGUE, **HELP}
    return _TABLE


_TABLE: dict[str, dict[str, str]] | None = None


def _rendered(value: Any, lang: Lang) -> Any:
    if isinstance(value, Phrase):
        return text(value.key, lang, **value.values)
    if isinstance(value, InLang):
        return value.en if lang == Lang.en else value.ja
    if isinstance(value, list | tuple):
        return text("list-separator", lang).join(str(_rendered(v, lang)) for v in value)
    return value


def text(key: str, lang: Lang | str | None = None, /, **values: Any) -> str:
    """The message `key` (a code, or code.variant) in `lang` (default: this run's language),
    its template filled with `values` (Phrases rendered in the same language)."""
    lang = Lang(lang) if lang else current_lang()
    template = table()[key][lang]
    if key == "unknown-status":
        values = {"names": STATUS_NAMES, "words": STATUS_WORDS_JA, **values}
    return template.format(**{k: _rendered(v, lang) for k, v in values.items()})


def message_key(code: str, variant: str | None) -> str:
    return f"{code}.{variant}" if variant else code


def said(error: Any, lang: Lang | str | None = None) -> str:
    """The message of anything that carries `code`, `values` and `variant` (a diagnostic,
    a refused target, a bad figure, …) in the language."""
    values: Mapping[str, Any] = error.values
    return text(message_key(error.code, error.variant), lang, **values)


def diagnostic_text(d: Any, lang: Lang | str | None = None) -> str:
    """`FILE:LINE:COL: message [code]` in the language (the location and code unchanged)."""
    lang = Lang(lang) if lang else current_lang()
    prefix = text("warning-prefix", lang) if d.severity == "warning" else ""
    return f"{d.location}: {prefix}{said(d, lang)} [{d.code}]"
