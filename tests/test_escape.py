"""kanazawa_pdca.escape: one escaping function per output kind, table-driven."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from kanazawa_pdca.present import escape

HOSTILE = [
    "plain 普通の文字 47.5%",
    "\x1b[31mred\x1b[0m",
    "bell\x07 nul\x00 del\x7f c1\x9b2J",
    "bidi \u202eevil\u202c \u2066x\u2069",
    "line\u2028sep\u2029para",
    "non\ufffechar\uffff",
    "lone \ud800 surrogate",
    "two\nlines\r\nthree",
    "::error file=x::forged",
    "  ::warning::indented",
    "a ##[error]old style",
    '=HYPERLINK("http://x")',
    "<script>alert(1)</script> & <b>",
    "| a | b |",
    "[link](http://evil) ![img](http://evil/x.png) `code` *em* _em_",
]


def raw_controls(text: str) -> set[str]:
    """The characters of `text` that a terminal must never receive raw (those `terminal`
    shows as escapes), but the newline."""
    return {c for c in text if c != "\n" and escape.terminal(c, newlines=True) != c}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain テキスト", "plain テキスト"),
        ("\x1b[31mred", "\\x1b[31mred"),
        ("a\tb", "a\\tb"),
        ("a\nb", "a\\nb"),
        ("bell\x07", "bell\\x07"),
        ("csi\x9b", "csi\\x9b"),
        ("rtl\u202e", "rtl\\u202e"),
        ("nonchar\ufffe", "nonchar\\ufffe"),
        ("sep\u2028", "sep\\u2028"),
    ],
)
def test_terminal_shows_every_control_character(text, expected):
    assert escape.terminal(text) == expected


def test_terminal_keeps_newlines_when_asked():
    assert escape.terminal("a\nb\x1b", newlines=True) == "a\nb\\x1b"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("::error::x", "\u200b::error::x"),
        ("ok\n::warning file=a::x\n", "ok\n\u200b::warning file=a::x\n"),
        ("  ::notice::x", "  \u200b::notice::x"),
        ("\t::debug::x", "\t\u200b::debug::x"),
        ("a ::not at start", "a ::not at start"),
        ("x ##[error]y", "x ##\u200b[error]y"),
        ("no commands", "no commands"),
    ],
)
def test_log_neutralises_workflow_commands(text, expected):
    assert escape.log(text) == expected


def test_no_log_line_starts_a_command_after_log():
    for text in HOSTILE:
        for line in escape.log(text).splitlines():
            assert not line.lstrip().startswith("::")
            assert "##[" not in line


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("100% done\r\nnext: a,b", "100%25 done%0D%0Anext: a,b"),
        ("esc\x1b", "esc\\x1b"),
    ],
)
def test_command_data(text, expected):
    assert escape.command_data(text) == expected


def test_command_property():
    assert escape.command_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"


@pytest.mark.parametrize("text", HOSTILE)
def test_xml_chars_make_well_formed_xml(text):
    root = ET.Element("t", attr=escape.xml_chars(text))
    root.text = escape.xml_chars(text)
    parsed = ET.fromstring(ET.tostring(root, "unicode"))
    assert not raw_controls(parsed.text or "")
    assert not raw_controls(parsed.get("attr"))


@pytest.mark.parametrize("text", HOSTILE)
def test_html_has_no_markup_and_no_control(text):
    out = escape.html(text)
    assert "<" not in out and ">" not in out and '"' not in out
    assert not raw_controls(out)
    ET.fromstring(f'<p title="{out}">{out}</p>')  # well-formed as XML too


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a | b", "a \\| b"),
        ("<b>bold</b>", "&lt;b&gt;bold&lt;/b&gt;"),
        ("[x](http://e)", "\\[x\\](http\u200b://e)"),
        ("![i](http://e/i.png)", "!\\[i\\](http\u200b://e/i.png)"),
        ("`code` *em* _em_", "\\`code\\` \\*em\\* \\_em\\_"),
        ("two\nlines", "two lines"),
        ("# heading", "\\# heading"),
        ("- item", "\\- item"),
        ("AT&T", "AT&amp;T"),
        ("保育利用率（1歳児）", "保育利用率（1歳児）"),
    ],
)
def test_markdown(text, expected):
    assert escape.markdown(text) == expected


# GitHub links these without any markup (GFM's extended autolinks, e-mail addresses) and
# notifies the person of an @mention; a zero-width space where its recogniser looks keeps
# the text as it reads (cmark-gfm renders none of the results as a link)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "出典 https://www.city.kanazawa.lg.jp/a",
            "出典 https\u200b://www\u200b.city.kanazawa.lg.jp/a",
        ),
        ("www.example.jp を参照", "www\u200b.example.jp を参照"),
        ("WWW.EXAMPLE.JP HTTP://X.JP", "WWW\u200b.EXAMPLE.JP HTTP\u200b://X.JP"),
        ("ftp://files.example.jp", "ftp\u200b://files.example.jp"),
        ("問合せ kikaku@city.example.jp", "問合せ kikaku@\u200bcity.example.jp"),
        ("mailto:a@b.jp", "mailto:a@\u200bb.jp"),
        ("@someone さんへ", "@\u200bsomeone さんへ"),
        ("(https://x.jp/a_b)", "(https\u200b://x.jp/a\\_b)"),
        ("比率 3:2、時刻 10:30", "比率 3:2、時刻 10:30"),  # a colon alone is no link
    ],
)
def test_markdown_breaks_bare_urls(text, expected):
    assert escape.markdown(text) == expected


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_cell_is_one_cell_on_one_line(text):
    out = escape.markdown(text)
    assert "\n" not in out and "\r" not in out
    assert "<" not in out
    assert out.replace("\\|", "").count("|") == 0
    assert not raw_controls(out)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+81", "'+81"),
        ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("47.5%（R5）", "47.5%（R5）"),
        ("tab\tin", "tab\\tin"),
        (-5, -5),
        (47.5, 47.5),
        (None, None),
    ],
)
def test_spreadsheet(value, expected):
    assert escape.spreadsheet(value) == expected


def test_json_document_keeps_the_data():
    data = {"name": "c1\x9b del\x7f rtl\u202e sep\u2028 ok 日本"}
    text = escape.json_document(json.dumps(data, ensure_ascii=False))
    assert json.loads(text) == data
    assert not raw_controls(text)
    assert "日本" in text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("テスト戦略 — 2026", "テスト戦略 — 2026"),
        ('a"; } body { display: none', "a\\22 ; } body { display: none"),
        ("</style><script>", "\\3c /style\\3e \\3c script\\3e "),
        ("rtl\u202e", "rtl\\5c u202e"),
    ],
)
def test_css_string(text, expected):
    assert escape.css_string(text) == expected
