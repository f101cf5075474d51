"""Broken and hostile files end as clear diagnostics, quickly, with bounded memory, never a traceback."""

from __future__ import annotations

import gc
import os
import socket
from pathlib import Path

import pytest

import explorer.model.load.loader as loader
from explorer.model.diagnostics import DatasetError, Severity
from explorer.model.load import files
from explorer.model.load.files import MAX_YAML_BYTES
from explorer.model.load.loader import load_dataset, load_text
from explorer.model.load.yaml_compose import DEFAULT_LOADER, PythonLoader
from tests.helpers.special import fifo, needs_fifo, unix_socket, without_hanging

BOTH_LOADERS = pytest.mark.parametrize("yaml_loader", [DEFAULT_LOADER, PythonLoader], ids=lambda c: c.__name__)


def failure(source, **kwargs) -> list:
    with pytest.raises(DatasetError) as caught:
        if isinstance(source, Path):
            load_dataset(source)
        else:
            load_text(source, **kwargs)
    return list(caught.value.diagnostics)


def the_error(source, **kwargs):
    errors = [d for d in failure(source, **kwargs) if d.is_error]
    assert len(errors) == 1, errors
    return errors[0]


def at(diagnostic) -> tuple[int, int]:
    return diagnostic.line, diagnostic.column


# paths that are not readable files


def test_missing_file(tmp_path):
    error = the_error(tmp_path / "nothing.yaml")
    assert (error.file, at(error)) == (str(tmp_path / "nothing.yaml"), (1, 1))
    assert error.message == "there is no such file; check the path"


def test_directory(tmp_path):
    error = the_error(tmp_path)
    assert error.message == "this is a folder, not a file; give the path of a timeline file (.yaml)"


def test_unreadable_file(tmp_path, monkeypatch):
    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(files, "open_regular", denied)
    error = the_error(tmp_path / "secret.yaml")
    assert error.message == "the file cannot be read (permission denied); check its permissions"


def test_path_with_a_nul_character():
    error = the_error(Path("bad\x00name.yaml"))
    assert error.message.startswith("this is not a usable file path")


# size


def test_a_100_mb_file_is_refused_before_reading_it(tmp_path):
    huge = tmp_path / "huge.yaml"
    with open(huge, "wb") as stream:
        stream.truncate(100 * 1024 * 1024)  # sparse: costs no disk and no reading
    error = the_error(huge)
    assert at(error) == (1, 1)
    assert error.message == (
        "the file is larger than 64 MB, the limit for a timeline file in YAML (so that loading "
        "it cannot exhaust memory); split it or remove what it does not need"
    )
    assert MAX_YAML_BYTES == 64 * 1024 * 1024


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs a device file that never ends")
def test_a_device_is_refused_at_once():
    error = the_error(Path("/dev/zero"))
    assert at(error) == (1, 1)
    assert error.message == "this is a device, not a file, so it is not read; give the path of a timeline file (.yaml)"


@needs_fifo
@pytest.mark.parametrize("name", ["pipe.yaml", "pipe.json"])
def test_a_named_pipe_is_refused_at_once(tmp_path, name):
    pipe = fifo(tmp_path / name)
    error = without_hanging(lambda: the_error(pipe), unblock=pipe)
    assert at(error) == (1, 1)
    assert error.message.startswith("this is a named pipe (FIFO), not a file, so it is not read; give the path of")


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="needs Unix sockets")
def test_a_socket_is_refused_at_once(tmp_path):
    with unix_socket(tmp_path / "s.yaml") as path:
        assert the_error(path).message.startswith("this is a socket, not a file")


def test_a_file_that_grows_while_it_is_read_is_read_whole(tmp_path):
    path = tmp_path / "t.yaml"
    path.write_text("timeline: 1\n")
    with open(path, "rb") as stream:
        with open(path, "ab") as more:
            more.write(b"title: grown\n")
        assert files.read_bounded(stream, 12, 1000) == b"timeline: 1\ntitle: grown\n"
    with open(path, "rb") as stream:
        assert len(files.read_bounded(stream, 12, 20)) == 21, "past the limit: one byte more, noticed"


def test_text_over_the_limit_is_refused(monkeypatch):
    monkeypatch.setattr(files, "MAX_YAML_BYTES", 100)
    assert the_error("timeline: 1\ntitle: " + "x" * 100).message.startswith("the file is larger than")
    assert the_error(b"timeline: 1\ntitle: " + b"x" * 100).message.startswith("the file is larger than")


# encodings and bytes


def test_empty_file(tmp_path):
    empty = tmp_path / "empty.yaml"
    empty.write_bytes(b"")
    for source in (empty, "", "  \n\n", "# only a comment\n", "---\n", b"\xef\xbb\xbf"):
        error = the_error(source)
        assert at(error) == (1, 1)
        assert error.message == "the file is empty; a timeline file starts with `timeline: 1`"


def test_non_utf8_byte_is_located():
    error = the_error("timeline: 1\ntitle: Málaga\n".encode("latin-1"))
    assert at(error) == (2, 9)
    assert error.message.startswith("the file is not UTF-8 text: byte 0xE1 here cannot be read; save the file as UTF-8")


@pytest.mark.parametrize("title", [b"cafe\xff", "café 😀".encode() + b"\xff"], ids=["ASCII", "wide characters"])
def test_a_bad_byte_after_a_byte_order_mark_is_located(title):
    # The byte order mark was left out of the bad byte's place: the message named the byte
    # three places before it, or the loader failed on a character cut in two.
    error = the_error(b"\xef\xbb\xbftimeline: 1\ntitle: " + title + b"\n")
    assert at(error) == (2, 8 + len(title.decode("utf-8", "ignore")))
    assert error.message.startswith("the file is not UTF-8 text: byte 0xFF here cannot be read")


@pytest.mark.parametrize("ending", ["\r", "\r\n", "\n"], ids=["CR", "CRLF", "LF"])
def test_a_bad_byte_is_located_whatever_ends_the_lines(ending):
    text = ending.join(["timeline: 1", "title: x", "events:", "  - title: a", "    date: 2009 Málaga", ""])
    error = the_error(text.encode("latin-1"))
    assert at(error) == (5, 17)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le"])
def test_utf16_without_a_byte_order_mark_is_named(encoding):
    error = the_error("timeline: 1\ntitle: Málaga\n".encode(encoding))
    assert at(error) == (1, 1)
    assert error.message == ("this looks like UTF-16 text (a zero byte beside each letter), though it has no "
                             "byte-order mark; save it as UTF-8")


def test_columns_of_a_bad_byte_count_characters_not_bytes():
    error = the_error("timeline: 1\ntitle: Ñandú \xff".encode().replace(b"\xc3\xbf", b"\xff"))
    assert at(error) == (2, 14)


def test_binary_file():
    error = the_error(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert at(error) == (1, 1)
    assert "byte 0x89" in error.message and "(an image, a spreadsheet)" in error.message


def test_nul_in_utf8_text_reads_as_binary():
    error = the_error(b"timeline: 1\ntitle: a\x00b\n")
    assert at(error) == (2, 9)
    assert error.message.startswith("the file contains a NUL character (U+0000): it looks like a binary file")


def test_control_character_is_located():
    error = the_error("timeline: 1\r\nevents:\r\n  - title: ring\x07\r\n")
    assert at(error) == (3, 16)
    assert error.message.startswith("the control character U+0007 is not allowed in a YAML file; delete it")


def test_unpaired_surrogate_in_text():
    error = the_error("timeline: 1\ntitle: a\ud800\n")
    assert at(error) == (2, 9)
    assert "unpaired surrogate" in error.message


def test_utf16_file():
    error = the_error("timeline: 1\n".encode("utf-16"))
    assert error.message == "the file is UTF-16 or UTF-32 text; save it as UTF-8"


def test_crlf_line_endings_keep_positions():
    error = the_error(b"timeline: 1\r\nevents:\r\n  - {title: x, date: 2010-02-30}\r\n")
    assert at(error) == (3, 30)


# YAML that would explode


def test_billion_laughs_in_an_ignored_key_costs_nothing():
    lines = ["timeline: 1", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    dataset = load_text("\n".join(lines))
    assert len(dataset.warnings) == 9
    assert dataset.warnings[0].message == "unknown top-level key 'a' is ignored"


def test_aliases_that_make_the_validator_walk_too_much_are_stopped():
    tags = "[" + ",".join(f"t{i}" for i in range(1000)) + "]"
    text = (
        "timeline: 1\nx: &t " + tags + "\nevents:\n  - &e {title: x, tags: *t}\n"
        + "  - *e\n" * 2000
    )
    diagnostics = failure(text)
    errors = [d for d in diagnostics if d.is_error]
    assert len(errors) == 1
    assert errors[0].message == (
        "aliases (*name) make this file expand to far more data than it holds; write the "
        "repeated parts out, or use fewer nested aliases"
    )
    assert errors[0].line == 2 and errors[0].path.startswith("events[")


def test_merge_key_bomb_is_stopped():
    lines = ["timeline: 1", "m0: &m0 {title: x, a: 1, b: 2}"]
    for level in range(1, 30):
        lines.append(f"m{level}: &m{level} {{<<: [" + ",".join([f"*m{level - 1}"] * 4) + "]}")
    lines.append("events:\n  - {<<: *m29}")
    errors = [d for d in failure("\n".join(lines)) if d.is_error]
    assert [e.message.split(";")[0] for e in errors] == [
        "aliases (*name) make this file expand to far more data than it holds"
    ]


def test_recursive_aliases_are_errors_not_loops():
    diagnostics = failure("timeline: 1\nx: &a [*a]\nevents: [&e {title: t, tags: &b [*b]}]\n")
    assert [(d.severity, at(d), d.path) for d in diagnostics] == [
        (Severity.WARNING, (2, 1), "x"),
        (Severity.ERROR, (3, 30), "events[0].tags[0]"),
    ]


def test_very_deep_nesting_with_libyaml():
    error = the_error("timeline: 1\nx: " + "[" * 5000 + "]" * 5000)
    assert at(error) == (2, 1003)
    assert error.message == (
        "YAML syntax error: exceeded maximum nesting depth (while increasing flow level, line 2); "
        "lists or mappings are nested too deeply; a timeline file needs only four levels "
        "(section, entry, field, list), so look for unclosed [ or { brackets"
    )


def test_very_deep_nesting_with_the_python_parser(monkeypatch):
    monkeypatch.setattr(loader, "DEFAULT_LOADER", PythonLoader)
    error = the_error("timeline: 1\nx: " + "[" * 5000 + "]" * 5000)
    assert at(error) == (2, 104)
    assert error.message.endswith("lists or mappings are nested too deeply; a timeline file needs "
                                  "only four levels (section, entry, field, list), so look for "
                                  "unclosed [ or { brackets")
    block = "timeline: 1\nx:\n" + "".join(" " * i + "- \n" for i in range(1200))
    assert the_error(block).message.startswith("lists or mappings are nested too deeply")


@BOTH_LOADERS
def test_both_parsers_report_the_same(monkeypatch, yaml_loader, data_dir):
    monkeypatch.setattr(loader, "DEFAULT_LOADER", yaml_loader)
    assert len(load_dataset(data_dir / "loader_minimal.yaml").events) == 7
    broken = "timeline: 1\nevents:\n  - title: a\n    title: b\n  - {title: c, date: 2010-13}\n"
    assert [(at(d), d.message) for d in failure(broken)] == [
        ((4, 5), "the key 'title' appears twice in this mapping (first on line 3); YAML keeps "
                 "only the last one and the first would be lost: merge the two or rename one"),
        ((5, 27), "month 13 does not exist; months run from 01 to 12 (21-24 are the seasons)"),
    ]
    syntax = the_error("timeline: 1\ntitle: 'unclosed\n")
    assert syntax.message.startswith("YAML syntax error: found unexpected end of stream")
    assert syntax.line == 3


# tags


def test_python_tags_are_refused_wherever_they_are():
    diagnostics = failure(
        "timeline: 1\n"
        "events:\n"
        "  - title: !!python/object/apply:os.system ['echo hi']\n"
        "    tags: [!!python/name:os.system x]\n"
        "people: !!python/object:collections.OrderedDict {}\n"
        "ignored: {deep: [!!python/object/new:int []]}\n"
        "!!python/str key: 1\n"
        "sources: {s: !mine {title: x}}\n"
    )
    errors = [d for d in diagnostics if d.is_error]
    assert [(at(d), d.path) for d in errors] == [
        ((3, 12), "events[0].title"),
        ((4, 12), "events[0].tags[0]"),
        ((5, 9), "people"),
        ((6, 18), "ignored"),
        ((7, 1), ""),
        ((8, 14), "sources.s"),
    ]
    assert errors[0].message == (
        "the Python tag !!python/object/apply:os.system is not allowed: a timeline file holds "
        "plain data only; remove the tag"
    )
    assert errors[-1].message == "unknown tag !mine; remove it (a timeline file uses no tags)"


def test_standard_tags_are_plain_data():
    dataset = load_text("timeline: !!int 1\ntitle: !!str 2009\nevents: !!seq [{title: !!str x, date: !!str 2009}]\n")
    assert (dataset.title, dataset.events[0].start.text) == ("2009", "2009")


# the last line of defence


def test_an_unexpected_failure_becomes_a_diagnostic(monkeypatch, data_dir):
    def broken(root, *args, **kwargs):
        raise KeyError("surprise")

    # both paths fail: the fast path falls back to the node path, which fails too
    monkeypatch.setattr(loader, "read_plain", broken)
    monkeypatch.setattr(loader, "read_timeline", broken)
    error = the_error(data_dir / "loader_minimal.yaml")
    assert at(error) == (1, 1)
    assert error.message == (
        "the loader failed unexpectedly (KeyError: 'surprise'); please report this together with the file"
    )


def test_running_out_of_memory_becomes_a_diagnostic(monkeypatch):
    def exhausted(root, *args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(loader, "read_plain", exhausted)
    monkeypatch.setattr(loader, "read_timeline", exhausted)
    assert the_error("timeline: 1\n").message.startswith("the file needs more memory than this computer has")


def test_garbage_collection_is_restored_after_loading():
    assert gc.isenabled()
    load_text("timeline: 1\n")
    failure("timeline: [\n")
    assert gc.isenabled()
    gc.disable()
    try:
        load_text("timeline: 1\n")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_wrong_argument_types_are_diagnostics():
    assert the_error(12345).message == "expected the text of a timeline file, not int"
    with pytest.raises(DatasetError) as caught:
        load_dataset(0)  # never read standard input as a file descriptor
    assert caught.value.diagnostics[0].message == "expected a file path, not int"


# positions as an editor shows them


@pytest.mark.parametrize("odd", ["\u2028", "\x85"])
def test_yaml_only_line_breaks_inside_a_title_do_not_shift_lines(odd):
    text = (f'timeline: 1\ntitle: "a{odd}b"\nevents:\n  - title: x\n    date: 2009\n'
            "  - title: z\n    date: 2009-13\n")
    assert at(the_error(text)) == (7, 16)


def test_a_bad_date_in_a_block_scalar_is_placed_in_its_text():
    assert at(the_error("timeline: 1\nevents:\n  - title: a\n    date: |\n      2009-13\n")) == (5, 12)


def test_a_bad_date_written_with_escapes_in_json_is_placed_as_written():
    text = '{"timeline": 1, "events": [{"title": "a", "date": "\\u0032009-13"}]}'
    assert at(the_error(text, language="json")) == (1, text.index("13") + 1)


def test_json_lines_may_end_in_carriage_returns():
    text = '{"timeline": 1,\r"events": [\r  {"title": "a", "date": "2009-13"}]}'
    assert at(the_error(text, language="json")) == (3, 32)


def test_a_repeated_id_through_an_aliased_section_is_placed_at_the_alias():
    error = failure("timeline: 1\norganizations: &o\n  a: {name: A}\npeople: *o\n")[0]
    assert at(error) == (4, 1)
    assert "the alias here repeats the section" in error.message


# keys past YAML's 1,024-character limit for a key written `key: value`

LONG_ID = "k" * 1100
LONG_KEY_MESSAGE = (
    "this key is 1,100 characters long, longer than the 1,024 YAML allows for a key written "
    "`key: value`; shorten it, or write it as an explicit key: `? ` and the key on one line, "
    "`: ` and its value on the next"
)


@BOTH_LOADERS
@pytest.mark.parametrize("text, place", [
    (f"timeline: 1\norganizations:\n  a: {{name: A}}\n  {LONG_ID}: {{name: B}}\n", (4, 3)),
    (f"timeline: 1\norganizations:\n  {LONG_ID}: {{name: A}}\n", (3, 3)),
    (f'timeline: 1\norganizations:\n  a: {{name: A}}\n  "{LONG_ID[2:]}": {{name: B}}\n', (4, 3)),
    (f"timeline: 1\norganizations: {{a: {{name: A}}, {LONG_ID}: {{name: B}}}}\n", (2, 31)),
    (f"timeline: 1\n{LONG_ID}: 1\n", (2, 1)),
    (f"timeline: 1\nevents:\n  - title: x\n    {LONG_ID}: y\n", (4, 5)),
], ids=["second key", "first key", "quoted key", "flow mapping", "top level", "field of an event"])
def test_a_key_longer_than_yaml_allows_is_named_at_the_key(monkeypatch, yaml_loader, text, place):
    monkeypatch.setattr(loader, "DEFAULT_LOADER", yaml_loader)
    error = the_error(text)
    assert at(error) == place
    assert error.message == LONG_KEY_MESSAGE


def test_a_long_key_written_as_an_explicit_key_is_read():
    dataset = load_text(f"timeline: 1\norganizations:\n  ? {LONG_ID}\n  : {{name: A}}\n")
    assert list(dataset.organizations) == [LONG_ID]


def test_a_key_of_1024_characters_is_read_and_other_syntax_errors_keep_their_hints():
    assert len(load_text(f"timeline: 1\norganizations:\n  a: {{name: A}}\n  {'k' * 1022}: {{name: B}}\n")
               .organizations) == 2
    error = the_error("timeline: 1\norganizations:\n  a: {name: A}\n  b\nc: 1\n")
    assert error.message.endswith("a line is missing its ':' or a quote is not closed")
    error = the_error(f"timeline: 1\nevents:\n  - title: x\n    summary: {LONG_ID}: y\n")
    assert error.message.endswith("either a value contains ': ' (put the whole value in quotes) or this "
                                  "line is indented deeper than the key above it")


# lone surrogates written as escapes

JSON_SURROGATE = '{{"timeline": 1, "events": [{{"id": "a", "title": "x", "date": "2001", {}}}]}}'
LONE = ("is a lone surrogate, half of a UTF-16 pair and not a character: write the full pair "
        "(such as `\\ud83d\\ude00`) or remove it")


@pytest.mark.parametrize("field, escape, path", [
    ('"actors": ["\\ud800"]', "\\ud800", "events[0].actors[0]"),
    ('"\\udc00": 1', "\\udc00", "events[0]"),
    ('"parent": "b\\uDBFF"', "\\uDBFF", "events[0].parent"),
    ('"summary": "\\ud800\\\\udc00"', "\\ud800", "events[0].summary"),
    ('"summary": "\\\\ud800\\udc00"', "\\udc00", "events[0].summary"),
], ids=["actor", "key", "parent", "high before an escaped backslash", "low after an escaped backslash"])
@pytest.mark.parametrize("accelerate", [True, False], ids=["fast", "node"])
def test_a_lone_surrogate_in_json_is_an_error_at_its_escape(field, escape, path, accelerate):
    text = JSON_SURROGATE.format(field)
    error = the_error(text, language="json", accelerate=accelerate)
    assert at(error) == (1, text.index(escape) + 1)
    assert error.message == f"`{escape}` {LONE}"
    assert error.path == path


@pytest.mark.parametrize("accelerate", [True, False], ids=["fast", "node"])
def test_every_lone_surrogate_of_a_json_file_is_listed(accelerate):
    text = '{"timeline": 1, "title": "\\ud800", "events": [{"id": "\\udfff", "title": "x"}]}'
    errors = failure(text, language="json", accelerate=accelerate)
    assert [at(e) for e in errors] == [(1, text.index("\\ud800") + 1), (1, text.index("\\udfff") + 1)]
    assert [e.path for e in errors] == ["title", "events[0].id"]


@pytest.mark.parametrize("accelerate", [True, False], ids=["fast", "node"])
def test_a_lone_surrogate_is_named_by_its_field_on_any_line_of_any_section(accelerate):
    lines = ['{"timeline": 1,', ' "organizations": {"unodc": {"name": "UNODC", "url": "x\\ud800"}},', ' "events": [',
             *[f'  {{"id": "e{n}", "title": "t", "date": "2001"}},' for n in range(12)],
             '  {"id": "last", "title": "t", "date": "2001", "tags": ["a", "b",', '   "\\udc00"]}', ' ]}']
    errors = failure("\n".join(lines), language="json", accelerate=accelerate)
    assert [(at(e), e.path) for e in errors] == [((2, lines[1].index("\\ud800") + 1), "organizations.unodc.url"),
                                                 ((17, 5), "events[12].tags[2]")]


def test_a_surrogate_pair_in_json_is_one_character():
    text = JSON_SURROGATE.format('"summary": "x\\ud83d\\ude00", "tags": ["\\\\ud800"]')
    for accelerate in (True, False):
        event = load_text(text, language="json", accelerate=accelerate).events[0]
        assert (event.summary, event.tags) == ("x\U0001f600", ("\\ud800",))


@pytest.mark.parametrize("accelerate", [True, False], ids=["fast", "node"])
def test_a_lone_surrogate_in_json_text_given_as_a_string_is_an_error(accelerate):
    error = the_error('{"timeline": 1, "title": "a\ud800"}', language="json", accelerate=accelerate)
    assert at(error) == (1, 28)
    assert error.path == "title"
    assert "unpaired surrogate (U+D800)" in error.message


@BOTH_LOADERS
@pytest.mark.parametrize("accelerate", [True, False], ids=["fast", "node"])
@pytest.mark.parametrize("written, message", [
    ('"x\\ud800"', "`\\ud800` is a lone surrogate, half of a UTF-16 pair and not a character: write "
                   "the character itself or its `\\U` escape of eight digits, or remove it"),
    ('"x\\U0000dc00"', "`\\U0000dc00` is a lone surrogate, half of a UTF-16 pair and not a character: "
                       "write the character itself or its `\\U` escape of eight digits, or remove it"),
    ('"x\\ud83d\\ude00"', "`\\ud83d\\ude00` is a UTF-16 surrogate pair, which YAML does not read as one "
                          "character: write the character itself, or `\\U0001F600`"),
    ('"x\\U00110000"', "`\\U00110000` is past U+10FFFF, where Unicode ends: fix the escape or remove it"),
], ids=["lone high", "lone low", "pair", "past unicode"])
def test_a_surrogate_escape_in_yaml_is_an_error_at_its_escape(monkeypatch, yaml_loader, accelerate, written, message):
    monkeypatch.setattr(loader, "DEFAULT_LOADER", yaml_loader)
    text = f"timeline: 1\nevents:\n  - {{id: a, title: {written}, date: 2001}}\n"
    error = the_error(text, accelerate=accelerate)
    assert at(error) == (3, 22)
    assert error.message == message
    assert error.path == "events[0].title"


@BOTH_LOADERS
def test_a_surrogate_escape_in_yaml_is_named_by_its_field_among_other_escapes(monkeypatch, yaml_loader):
    monkeypatch.setattr(loader, "DEFAULT_LOADER", yaml_loader)
    text = ('timeline: 1\ntitle: "caf\\u00e9 \\U0001F600"\nevents:\n  - id: a\n    title: x\n    date: 2001\n'
            '    actors:\n      - "\\u00e9"\n      - plain \\ud800 text\n      - "b\\udc00"\n')
    error = the_error(text)
    assert (at(error), error.path) == ((10, 11), "events[0].actors[2]")


# a bad date is placed at its character as written


@BOTH_LOADERS
@pytest.mark.parametrize("date, place", [
    (">-\n      2001-13-01", (5, 12)),
    ('"\\x32001-13-01"', (4, 20)),
    ('"\\u0032\\u0030\\u0030\\u0031-13"', (4, 37)),
    ('"2001-\\\n      13-01"', (5, 7)),
    ("'2001-''13'''", (4, 17)),
    ('&d "2001-13-01"', (4, 20)),
    ("!!str 2001-13-01", (4, 22)),
    ("&d\n      2001-13-01", (5, 12)),
    ('"2001-01-\n      32"', (4, 20)),
    (">-\n      2001-01-\n      32", (5, 15)),
], ids=["folded", "escape before", "escapes before", "escaped line break", "doubled quotes",
        "anchor", "tag", "anchor on the line before", "quoted over two lines", "folded over two lines"])
def test_a_bad_date_is_placed_at_its_text_as_written(monkeypatch, yaml_loader, date, place):
    monkeypatch.setattr(loader, "DEFAULT_LOADER", yaml_loader)
    error = the_error(f"timeline: 1\nevents:\n  - title: a\n    date: {date}\n")
    assert at(error) == place


@BOTH_LOADERS
@pytest.mark.parametrize("accelerate", [True, False], ids=["fast", "node"])
@pytest.mark.parametrize("date, place, read", [
    ("2009-\n      03-24", (4, 16), "2009- 03-24"),
    ('"2009-03   \n      -24"', (4, 19), "2009-03 -24"),
    (">\n      2009-03\n      -24", (5, 14), "2009-03 -24"),
], ids=["plain", "quoted, spaces before the break", "folded block"])
def test_a_date_over_two_lines_is_told_to_be_written_on_one(monkeypatch, yaml_loader, accelerate, date, place, read):
    monkeypatch.setattr(loader, "DEFAULT_LOADER", yaml_loader)
    error = the_error(f"timeline: 1\nevents:\n  - title: a\n    date: {date}\n", accelerate=accelerate)
    assert (at(error), error.path) == (place, "events[0].date")
    assert error.message == (f"{read!r} is not a date: it is written over two lines, which YAML reads as a "
                             "space; write the date on one line")


@pytest.mark.parametrize("date, hint", [
    ("2009 03", "remove the spaces inside the date"),
    ("|\n      2009-03\n      -24", "remove the line break inside the date: a date is written on one line"),
], ids=["a space on one line", "a literal block keeps its break"])
def test_a_date_with_a_space_or_a_kept_line_break_gets_the_hint_for_it(date, hint):
    error = the_error(f"timeline: 1\nevents:\n  - title: a\n    date: {date}\n")
    assert error.message.endswith(f"is not a date: {hint}")


@pytest.mark.parametrize("accelerate", [True, False], ids=["fast", "node"])
def test_a_json_date_with_an_escaped_line_break_is_told_to_lose_it(accelerate):
    text = '{"timeline": 1, "events": [{"title": "a", "date": "2009-03\\n-24"}]}'
    error = the_error(text, language="json", accelerate=accelerate)
    assert (at(error), error.path) == ((1, text.index("\\n") + 1), "events[0].date")
    assert error.message == "'2009-03\\n-24' is not a date: remove the line break inside the date: a date is written on one line"
