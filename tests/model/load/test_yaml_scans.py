"""The YAML accelerator's checks of the whole file (what it cannot vouch for, and the texts of
its integers) look at it a piece at a time, so that no one call holds the interpreter for
long beside the window, and find exactly what they find looking at it whole."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from explorer.model.load import yaml_fast
from explorer.model.load.validate_plain import NotVouched
from tests.helpers.fuzzing import fuzz_settings

pytestmark = pytest.mark.skipif(not yaml_fast.AVAILABLE, reason="the YAML accelerator is not installed")

WHOLE = 1 << 40  # a piece larger than any text: the checks as they were, one call each

# The bytes the checks look for, so that generated texts hold many of them, at every place
# a piece may cut them.
TRICKY = [b"\n", b" ", b"-", b":", b"?", b"|", b">", b"[", b"]", b"{", b"}", b",", b"#", b"!", b"&",
          b"*", b"%", b"...", b"---", b"\\ud83d", b"\\U0000d800", b"\xc2\x85", b"\xe2\x80\xa8",
          b"\xef\xbb\xbf", b"\xef\xbf\xbe", b"\t", b"\r", b"\r\n", b"0", b"7", b"043", b"+5", b"-0",
          b"1_000", b"_", b"a", b"x y", b"\xc3\xa9", b"\n" + b" " * yaml_fast.MAX_LEADING]
texts = st.lists(st.sampled_from(TRICKY), max_size=60).map(b"".join)
pieces = st.sampled_from([1, 2, 3, 4, 5, 8, 13, 64])


def outcome(check, raw: bytes):
    try:
        return "vouched", check(raw)
    except NotVouched as refusal:
        return "refused", str(refusal)


def scanned(raw: bytes) -> tuple[dict[int, str], set[int]] | str:
    texts = yaml_fast.IntegerTexts(raw)
    try:
        written = texts._scan()
    except NotVouched as refusal:
        return str(refusal)
    return written, texts._ambiguous


@fuzz_settings(300)
@given(raw=texts, piece=pieces)
@example(raw=b"a\n" + b" " * yaml_fast.MAX_LEADING + b"x", piece=3)
@example(raw=b"k: \xe2\x80\xa8", piece=2)
@example(raw=b"- 043\n- 43\n- +7", piece=1)
def test_the_checks_in_pieces_find_what_they_find_whole(monkeypatch, raw, piece):
    def every_check():
        return (outcome(yaml_fast.check_safe, raw), outcome(yaml_fast._check_reading, raw), scanned(raw))

    monkeypatch.setattr(yaml_fast, "SCAN_PIECE", WHOLE)
    whole = every_check()
    monkeypatch.setattr(yaml_fast, "SCAN_PIECE", piece)
    assert every_check() == whole


end_lines = st.lists(st.sampled_from(["\n", "  - a", "- b", "  ", "    ", "x: 1", " #c", "  -\n", "\t"]),
                     max_size=40).map("".join)


@fuzz_settings(300)
@given(text=end_lines, piece=pieces, indent=st.sampled_from(["", "  "]))
def test_the_end_of_a_list_found_in_pieces_is_the_one_found_whole(monkeypatch, text, piece, indent):
    end_of_list = re.compile(rf"\n(?!{indent}-[ \n])(?![ ]*[#\n])[ ]{{0,{len(indent)}}}\S")
    found = end_of_list.search(text)
    monkeypatch.setattr(yaml_fast, "SCAN_PIECE", piece)
    in_pieces = yaml_fast._first(end_of_list, text, 0, len(indent) + 3)
    assert (None if in_pieces is None else in_pieces.span()) == (None if found is None else found.span())


class Recorded:
    """A compiled pattern whose searches say how much of the text each looked at."""

    def __init__(self, pattern: re.Pattern, spans: list[int]) -> None:
        self._pattern, self._spans = pattern, spans

    def search(self, text, pos=0, endpos=None):
        endpos = len(text) if endpos is None else min(endpos, len(text))
        self._spans.append(endpos - pos)
        return self._pattern.search(text, pos, endpos)


def test_no_search_of_a_large_file_looks_at_more_than_a_piece(monkeypatch):
    raw = ("- title: caf\u00e9 \\ report\n  date: 2009\n" * 150_000).encode()  # 5.8 MB
    spans: list[int] = []
    patterns = ("_DEEP", "_MARKERS", "_SURROGATE_ESCAPE")
    for name in patterns:
        monkeypatch.setattr(yaml_fast, name, Recorded(getattr(yaml_fast, name), spans))
    monkeypatch.setattr(yaml_fast, "_SPECIAL_CHARACTERS",
                        tuple(Recorded(pattern, spans) for pattern in yaml_fast._SPECIAL_CHARACTERS))
    yaml_fast.check_safe(raw)
    yaml_fast._check_reading(raw)
    assert len(spans) >= 6 * (len(raw) // yaml_fast.SCAN_PIECE)  # each pattern, every piece
    assert max(spans) <= yaml_fast.SCAN_PIECE + yaml_fast.MAX_LEADING


utf8_texts = st.lists(st.sampled_from([b"a", b"\n", b"\r\n", b"\xc3\xa9", b"\xe2\x82\xac", b"\xf0\x9f\x98\x80",
                                       b"\xef\xbb\xbf", b"\xff", b"\xc3", b"\xed\xa0\x80"]),
                      max_size=40).map(b"".join)


@fuzz_settings(300)
@given(data=utf8_texts, bom=st.booleans(), piece=pieces)
@example(data=b"ab\xe2\x82\xac", bom=False, piece=3)  # a character cut by the piece
@example(data=b"x\n\xc3", bom=True, piece=2)  # cut short at the end
def test_a_file_decoded_in_pieces_reads_and_fails_as_it_does_whole(monkeypatch, data, bom, piece):
    from explorer.model.load import files
    from explorer.model.load.problems import Problems

    data = (b"\xef\xbb\xbf" if bom else b"") + data

    def decoded():
        problems = Problems("f.yaml")
        return files.decode(data, problems), [str(d) for d in problems.diagnostics()]

    monkeypatch.setattr(files, "DECODE_PIECE", WHOLE)
    whole = decoded()
    monkeypatch.setattr(files, "DECODE_PIECE", piece)
    assert decoded() == whole
