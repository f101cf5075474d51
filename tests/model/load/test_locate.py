"""The locator of the fast path's warnings (`locate`): positions as an editor shows them, and
the cases where it declines to place (the node path then reads the file)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from explorer.model.load.files import editor_position
from explorer.model.load.locate import MAX_NAMES, _escaped_key, place, positions
from explorer.model.load.validate_plain import Finding
from tests.helpers.fuzzing import fuzz_settings


@fuzz_settings(200)
@given(st.text(alphabet=st.sampled_from(list("ab \r\n\u2028é😀")), min_size=1, max_size=60), st.data())
def test_positions_are_counted_as_an_editor_counts_them(text, data):
    offsets = [at for at in range(len(text)) if not (text[at] == "\n" and text[at - 1:at] == "\r")]
    chosen = data.draw(st.lists(st.sampled_from(offsets), max_size=8)) if offsets else []
    assert positions(text, chosen) == [editor_position(text, at) for at in chosen]


def test_more_names_than_it_looks_for_are_left_to_the_node_path():
    names = [f"k{n}" for n in range(MAX_NAMES + 1)]
    text = "timeline: 1\n" + "".join(f"{name}: 1\n" for name in names)
    findings = [Finding(name, "", name, ordinal=0, keys=1) for name in names]
    assert place(text, findings[:MAX_NAMES], False) is not None
    assert place(text, findings, False) is None


def test_keys_with_escapes_are_read_back():
    text = '{"caf\\u00e9": {"a \\"b\\"": 1}, "x": "\\\\", "r\\u0065mark": 2}'
    assert not _escaped_key(text, {"café!"}, True)
    assert _escaped_key(text, {"remark"}, True)
    assert _escaped_key('{"a\\x41": 1}', {"other"}, False), "a YAML escape JSON cannot read"
    assert _escaped_key('{"' + "\\\\" * 3000 + '": 1}', {"other"}, True), "a key longer than it looks back"
