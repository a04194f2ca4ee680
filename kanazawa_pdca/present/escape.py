"""Escaping, in one place: one function per kind of output, called by every format.

Text from the data files (titles, names, units, sources, notes, keys, file names) is
untrusted: whatever it holds, it must come out as text of the kind it is put into.

| output kind                              | function                                 |
|------------------------------------------|------------------------------------------|
| a terminal (data text in a table)        | `terminal`                               |
| anything written to stdout or stderr     | `stream` (controls, workflow commands)   |
| a GitHub workflow command                | `command_data`, `command_property`       |
| XML built by ElementTree (JUnit)         | `xml_chars` (ElementTree escapes `&<>"`) |
| XML or HTML written by hand (report, SVG)| `html`                                   |
| a CSS string in a <style> element        | `css_string`                             |
| Markdown, inline or a table cell         | `markdown`                               |
| a spreadsheet cell (CSV, xlsx)           | `spreadsheet`                            |
| a JSON document                          | `json_document`                          |

What is neutralised, and how:
- control characters (C0 but for the newline where a kind keeps it, DEL, C1), the
  Unicode line and paragraph separators, bidirectional controls (Trojan Source) and
  non-characters are shown as visible escapes (`\\x1b`, `\\u202e`), so a terminal never
  receives them and a reader can still find the byte;
- workflow commands: a line of a log that GitHub would read as a command (`::` at the
  start, after blanks, or `##[` anywhere) gets an invisible zero-width space that stops it;
- markup: `&`, `<`, `>` (and quotes in HTML attributes) as entities; Markdown's
  punctuation backslash-escaped, `|` too, and a newline read as a space;
- Markdown's bare links: GitHub links `https://…`, `www.…` and `name@host` without any
  markup (and `@name` mentions someone); a zero-width space before `://`, after `www`
  and after `@` leaves the text as it reads and makes none of them a link;
- formulas: a text cell starting with `=`, `+`, `-` or `@` gets a leading `'`.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any


@cache
def _pattern(source: str, flags: int = 0) -> re.Pattern[str]:
    """`source` compiled on first use: a run needs two or three of this module's patterns
    (JSON: the controls and its own), and compiling them all took 1.5 ms of every start."""
    return re.compile(source, flags)


# C0 controls but the newline, DEL and C1, line/paragraph separators, bidi controls,
# the BOM and interlinear annotation marks, non-characters, lone surrogates
_CONTROLS = (
    "\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e"
    "\u2066-\u2069\ufeff\ufff9-\ufffb\ufffe\uffff\ud800-\udfff"
)
_UNSAFE = f"[{_CONTROLS}]"
_UNSAFE_OR_NEWLINE = f"[{_CONTROLS}\n]"
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}

# GitHub's runner reads `::command ...::` at the start of a line (after blanks) and the
# older `##[command]` anywhere in a line.
_COMMAND_LINE = r"^([ \t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]*)::"
_OLD_COMMAND = "##["
ZWSP = "\u200b"  # not white space to the runner, so a line starting with it is no command


def visible(char: str) -> str:
    """One unsafe character as an escape a reader can see: '\\x1b', '\\u202e', '\\t'."""
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _visible(match: re.Match[str]) -> str:
    return visible(match.group())


def terminal(text: str, *, newlines: bool = False) -> str:
    """Data text for a terminal: every control character visible ('\\x1b[31m' stays text).

    With `newlines`, a newline is kept (multi-line notes); otherwise it is shown as '\\n'.
    """
    pattern = _UNSAFE if newlines else _UNSAFE_OR_NEWLINE
    return _pattern(pattern).sub(_visible, text)


def log(text: str) -> str:
    """Whole text bound for stdout or stderr: no line of it is a GitHub workflow command.

    Called once on every stream write of the CLI (except the `github` format's own
    commands, whose data is escaped by `command_data`).
    """
    if "::" in text:
        text = _pattern(_COMMAND_LINE, re.M).sub(lambda m: f"{m.group(1)}{ZWSP}::", text)
    if _OLD_COMMAND in text:
        text = text.replace(_OLD_COMMAND, f"##{ZWSP}[")
    return text


_STREAM_UNSAFE = f"\x1b\\[[0-9;]*m|[{_CONTROLS}]"


def stream(text: str, *, commands: bool = False) -> str:
    """Everything the CLI writes to stdout or stderr, last: no control character but the
    newline and rich's colour codes (SGR `ESC[…m`; data text reaches a format through
    `terminal`, so an SGR here is the format's own), and no workflow command — unless
    `commands`, for the `github` format, whose commands are its output (their data is
    escaped by `command_data`). A byte order mark that starts the text (CSV for Excel)
    is kept.
    """
    if text.startswith("\ufeff"):
        return "\ufeff" + stream(text[1:], commands=commands)
    if _pattern(_UNSAFE).search(text):
        text = _pattern(_STREAM_UNSAFE).sub(
            lambda m: m.group() if m.group().startswith("\x1b[") else visible(m.group()), text
        )
    return text if commands else log(text)


def command_data(text: str) -> str:
    """The message of a workflow command: controls visible, then `%`, CR and LF escaped.

    (https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts)
    """
    text = _pattern(_UNSAFE).sub(
        lambda m: m.group() if m.group() == "\r" else visible(m.group()), text
    )
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(_OLD_COMMAND, f"##{ZWSP}[")  # no older `##[command]` inside


def command_property(text: str) -> str:
    """A property value of a workflow command (file, title): data escapes, `:` and `,`."""
    return command_data(text).replace(":", "%3A").replace(",", "%2C")


# XML 1.0 allows tab, newline, carriage return and U+0020 and up, bar surrogates and
# U+FFFE/U+FFFF; the other controls are shown too (they mean nothing in a report).
def xml_chars(text: str) -> str:
    """Text for ElementTree (which escapes `&`, `<`, `>` and quotes): no character XML
    forbids, no control character; newlines are kept."""
    return _pattern(_UNSAFE).sub(_visible, text)


def html(text: str) -> str:
    """Text for HTML or XML written by hand, in content or in a quoted attribute."""
    text = _pattern(_UNSAFE).sub(_visible, text)
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
    )


def css_string(text: str) -> str:
    """Text for a CSS string ("…") in a <style> element: unsafe characters shown (as
    `terminal` shows them), then quotes, backslash, `<`, `>`, `&` and newlines as CSS
    escapes (`\\22 `), so data can neither end the string nor the style element."""
    text = _pattern(_UNSAFE_OR_NEWLINE).sub(_visible, text)
    return "".join(f"\\{ord(c):x} " if c in "\"'\\<>&" else c for c in text)


_MARKDOWN_PUNCT = r"([\\`*_\[\]|~$])"
# what GitHub links bare (extended autolinks, e-mail addresses, @mentions): a zero-width
# space where the recogniser looks (backslash escapes do not stop an address; tested
# against cmark-gfm)
_MARKDOWN_BARE_LINK = r"(?=://)|(?<=www)(?=\.)|(?<=@)"
_MARKDOWN_LINE_START = r"^(\s*)([-+=#])"


def markdown(text: str) -> str:
    """Text for GitHub-flavoured Markdown, inline or in a table cell.

    Renders as the text itself: no raw HTML (`<`, `>`, `&` as entities), no link, image,
    emphasis or code span, no bare URL, address or mention turned into a link (a
    zero-width space inside `https://`, `www.`, `a@b`), no extra table column (`|`
    escaped), no new line or row (a newline reads as a space), no control character.
    """
    text = _pattern(_UNSAFE_OR_NEWLINE).sub(
        lambda m: " " if m.group() in "\n\r" else visible(m.group()), text
    )
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _pattern(_MARKDOWN_PUNCT).sub(r"\\\1", text)
    text = _pattern(_MARKDOWN_LINE_START).sub(r"\1\\\2", text)
    return _pattern(_MARKDOWN_BARE_LINK, re.IGNORECASE).sub(ZWSP, text)


FORMULA_START = ("=", "+", "-", "@")


def spreadsheet(value: Any) -> Any:
    """A value for a spreadsheet cell (CSV, xlsx): numbers stay numbers; a text that a
    spreadsheet would read as a formula (`=`, `+`, `-`, `@` first) gets a leading `'`;
    control characters but the newline are shown."""
    if not isinstance(value, str):
        return value
    value = _pattern(_UNSAFE).sub(_visible, value)
    if value.startswith(FORMULA_START):
        return "'" + value
    return value


_JSON_UNSAFE = (
    "[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    "\ufeff\ufff9-\ufffb\ufffe\uffff\ud800-\udfff]"
)


def json_document(text: str) -> str:
    """A JSON document as `json.dumps(ensure_ascii=False)` wrote it, with the characters
    it leaves raw (DEL, C1, separators, bidi controls) as `\\uXXXX` escapes: the same
    data, and nothing a terminal would act on. (json.dumps already escapes C0.) An old
    workflow command `##[` in a string is written `##\\u005b`, the same data again."""
    text = _pattern(_JSON_UNSAFE).sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text.replace(_OLD_COMMAND, "##\\u005b")
