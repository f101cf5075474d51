"""The YAML accelerator reads a long top-level `events:` list a piece at a time (so that the
window's thread runs between pieces), and reads exactly what it reads whole: a text it cannot
cut safely is read whole."""

from __future__ import annotations

import pytest
from hypothesis import given

from benchmarks.make_dataset import make
from explorer.model.load import yaml_fast
from tests.helpers.fuzzing import fuzz_settings
from tests.helpers.loading import MINIMAL, mutate, mutation_lists

pytestmark = pytest.mark.skipif(not yaml_fast.AVAILABLE, reason="the YAML accelerator is not installed")


def outcome(read, text: str):
    try:
        return "read", read(text)
    except Exception as error:  # noqa: BLE001 - the same failure either way is the same outcome
        return "refused", type(error).__name__


def read_both_ways(monkeypatch, text: str, piece: int = 1) -> tuple:
    whole = outcome(yaml_fast._loads, text)
    monkeypatch.setattr(yaml_fast, "PIECE_EVENTS", piece)
    return whole, outcome(yaml_fast._loads_in_pieces, text)


def counting_reads(monkeypatch) -> list[int]:
    """The lengths of the texts the accelerator is given, from now on."""
    lengths: list[int] = []
    loads = yaml_fast._loads

    def counted(text):
        lengths.append(len(text))
        return loads(text)

    monkeypatch.setattr(yaml_fast, "_loads", counted)
    return lengths


def test_a_generated_file_reads_the_same_in_pieces(monkeypatch):
    text = make(2000)
    whole = yaml_fast._loads(text)
    monkeypatch.setattr(yaml_fast, "PIECE_EVENTS", 300)
    lengths = counting_reads(monkeypatch)
    assert yaml_fast._loads_in_pieces(text) == whole
    assert len(lengths) == 1 + 7  # the file without its events, then 2,000 events in 7 pieces
    assert max(lengths) < len(text) / 5


ITEMS = {
    "indented items, comments and other keys after": (
        "timeline: 1\nevents:  # the list\n  # first\n  - title: a\n    tags:\n    - x\n    - y\n\n"
        "  # between\n  - title: b\n    summary: |\n      - not an item\n      two\n  - title: c\n"
        "title: T\nprotocols: {}\n"),
    "items at the key's column": "timeline: 1\nevents:\n- title: a\n- title: b\n-\n  title: c\n",
    "a quoted scalar over a line that looks like an item": (
        'timeline: 1\nevents:\n- title: "a\n- b"\n- title: c\n- title: d\n'),
    "a flow list over a line that looks like an item": (
        "timeline: 1\nevents:\n- tags: [a,\n- b]\n- title: c\n- title: d\n"),
    "a key given twice inside an item": "timeline: 1\nevents:\n- title: a\n  title: b\n- title: c\n",
    "an item that is text": "timeline: 1\nevents:\n- a\n- [b]\n- {title: c}\n",
    "events given twice": "events:\n- title: a\n- title: b\nevents:\n- title: c\n",
    "events in flow style": "timeline: 1\nevents: [{title: a}, {title: b}]\n",
    "no events key at a line start": "timeline: 1\nthe events:\n- title: a\n- title: b\n",
    "a list that ends at the end of the file, with no line end": "events:\n- title: a\n- title: b",
}


@pytest.mark.parametrize("name", ITEMS)
def test_texts_hard_to_cut_read_as_they_read_whole(monkeypatch, name):
    whole, pieces = read_both_ways(monkeypatch, ITEMS[name])
    assert pieces == whole


def test_a_piece_that_fails_makes_the_text_read_whole(monkeypatch):
    # (the accelerator refuses this text whole too; the node path then reads it)
    text = ITEMS["a quoted scalar over a line that looks like an item"]
    monkeypatch.setattr(yaml_fast, "PIECE_EVENTS", 1)
    lengths = counting_reads(monkeypatch)
    with pytest.raises(Exception, match="line 4"):  # placed in the whole text
        yaml_fast._loads_in_pieces(text)
    assert lengths[-1] == len(text) and len(lengths) > 1


mutations = mutation_lists(extra="|>")  # and block scalar headers


@fuzz_settings(300)
@given(mutations)
def test_mutations_of_a_valid_file_read_the_same_in_pieces(operations):
    text = mutate(MINIMAL, operations)
    whole = outcome(yaml_fast._loads, text)
    saved = yaml_fast.PIECE_EVENTS
    yaml_fast.PIECE_EVENTS = 1  # (not monkeypatch: one fixture for every example)
    try:
        assert outcome(yaml_fast._loads_in_pieces, text) == whole
    finally:
        yaml_fast.PIECE_EVENTS = saved


def test_the_loader_reads_a_file_in_pieces_as_the_node_path_does(monkeypatch):
    from explorer.model.load.loader import load_text
    from tests.helpers.loading import assert_same

    text = make(1500)
    monkeypatch.setattr(yaml_fast, "PIECE_EVENTS", 200)
    lengths = counting_reads(monkeypatch)
    assert_same(load_text(text), load_text(text, accelerate=False))
    assert len(lengths) == 1 + 8
