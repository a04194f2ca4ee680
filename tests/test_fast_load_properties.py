"""Property: on any generated document, fastyaml declines or reads exactly what ruamel's
safe loader reads (and declines whatever ruamel refuses); and the loader's YAML step
(fastyaml, ruamel's safe loader for what it declines) reads what ruamel reads, or fails
where ruamel fails, always."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from ruamel.yaml import YAML

from kanazawa_pdca import fastyaml
from kanazawa_pdca.load import _plain_data

TRICKY = [
    "0", "-0", "7", "-12", "010", "0x1F", "0o7", "1_000", "+5", "1.5", "-0.25", "1.", ".5",
    "1e3", "1.5E-3", ".inf", "-.Inf", ".nan", "true", "False", "TRUE", "yes", "No", "on",
    "null", "Null", "~", "", "2024-03", "2024-03-01", "2024-03-01 10:00:00", "1:30", "<<",
    "=", "12件", "第3次", "G1", "3-2-5", "a b", "#x", "x #y", "- x", "? x", ": x", "@x", "`x",
    "!x", "&x", "*x", "|", ">", "'", '"', "%x", "[x]", "{x: 1}", "x: y", "\t", " x ", "é",
    "\u3000", "\x85", "\ufeff",
]  # fmt: skip

PLAIN_CHARS = [*"abcxyz019.-+_:#&*!|>'\"%@`,[]{}? \t~<=eExX件次", "\u3000"]
plain_text = st.text(alphabet=st.sampled_from(PLAIN_CHARS), max_size=8)
scalars = st.one_of(
    st.sampled_from(TRICKY),
    plain_text,
    st.integers(-(10**20), 10**20).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
)


@st.composite
def scalar_text(draw) -> str:
    value = draw(scalars)
    style = draw(st.sampled_from(["plain", "plain", "single", "double"]))
    if style == "single":
        return "'" + value.replace("'", "''") + "'"
    if style == "double":
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return value


def node(depth: int):
    leaf = scalar_text()
    if depth == 0:
        return leaf.map(lambda s: ("scalar", s))
    child = node(depth - 1)
    return st.one_of(
        leaf.map(lambda s: ("scalar", s)),
        st.lists(child, max_size=3).map(lambda items: ("seq", items)),
        st.lists(st.tuples(scalar_text(), child), max_size=3).map(lambda kv: ("map", kv)),
    )


def render(n, indent: int = 0, flow: bool = False) -> str:
    kind, value = n
    pad = " " * indent
    if kind == "scalar":
        return value
    if flow or not value:
        if kind == "seq":
            return "[" + ", ".join(render(v, flow=True) for v in value) + "]"
        return "{" + ", ".join(f"{k}: {render(v, flow=True)}" for k, v in value) + "}"
    lines = []
    for item in value:
        if kind == "seq":
            child = item
            head = f"{pad}-"
        else:
            key, child = item
            head = f"{pad}{key}:"
        if child[0] == "scalar" or not child[1]:
            lines.append(f"{head} {render(child, flow=True)}")
        else:
            lines.append(head + "\n" + render(child, indent + 2))
    return "\n".join(lines)


@given(node(3), st.booleans())
def test_generated_documents_read_as_ruamel_reads_them_or_are_declined(document, flow):
    text = render(document, flow=flow) + "\n"
    fast = fastyaml.load(text)
    try:
        expected = YAML(typ="safe").load(text)
    except Exception:
        assert fast is fastyaml.DECLINED, text
        return
    if fast is not fastyaml.DECLINED:
        assert typed(fast) == typed(expected), text


@given(node(3), st.booleans())
def test_the_fast_path_with_its_fallback_reads_what_ruamel_reads(document, flow):
    text = render(document, flow=flow) + "\n"
    try:
        expected = YAML(typ="safe").load(text)
    except Exception:
        expected = fastyaml.DECLINED
    try:
        ours = _plain_data(text)
    except Exception:
        # where ruamel fails, or a merge key (`<<`), which pdca refuses and ruamel merges
        assert expected is fastyaml.DECLINED or "<<" in text, text
        return
    assert expected is not fastyaml.DECLINED, text
    assert typed(ours) == typed(expected), text


def typed(value):
    if isinstance(value, dict):
        return ("dict", [(typed(k), typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [typed(v) for v in value])
    if isinstance(value, float) and value != value:
        return ("float", "nan")
    return (type(value).__name__, value)
