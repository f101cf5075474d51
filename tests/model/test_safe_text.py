"""Text from a data file made safe for a terminal, a JSON report and an XML file."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ElementTree

from explorer.model.safe_text import for_json, for_terminal, for_xml, json_report, xml_bytes


def test_a_terminal_sees_escapes_never_controls():
    hostile = "\x1b]0;owned\x07\x1b[1A\x1b[2K\x9b2J\u202eevil\u2028"
    shown = for_terminal(hostile)
    assert shown == "\\x1b]0;owned\\x07\\x1b[1A\\x1b[2K\\x9b2J\\u202eevil\\u2028"
    assert shown.isprintable() and shown.isascii()


def test_newlines_stay_only_in_text_of_several_lines():
    assert for_terminal("a\nb\tc") == "a\\x0ab\\x09c"
    assert for_terminal("a\nb\tc\x1b", lines=True) == "a\nb\tc\\x1b"


def test_a_file_name_that_is_not_utf8_shows_its_bytes():
    name = os.fsdecode(b"bad\xff\xfe.yaml")
    assert for_terminal(name) == "bad\\xff\\xfe.yaml"


def test_lone_surrogates_become_escapes_and_json_stays_utf8():
    value = {"\ud800key": ["\udfff", "ok", 3], "file": os.fsdecode(b"n\xff")}
    assert for_json(value) == {"\\ud800key": ["\\udfff", "ok", 3], "file": "n\\xff"}
    text = json_report(value)
    text.encode("utf-8")
    assert json.loads(text) == for_json(value)


def test_a_json_report_holds_no_raw_control():
    text = json_report({"message": "a\x1bb\x9bc\x7f\u2028"})
    assert text.isascii() and "\x1b" not in text
    assert json.loads(text)["message"] == "a\x1bb\x9bc\x7f\u2028"


def test_xml_text_drops_what_xml_cannot_hold():
    assert for_xml("T\x00i\x1bt\x07l\ufffee\uffff\ud800 \t\n\r") == "Title \t\n\r"
    document = ("<t>" + "a\x00\x1b\x0b\x0c\ufffe\uffffé\u4e2d\U0001f600" + "</t>").encode("utf-8")
    cleaned = xml_bytes(document)
    assert ElementTree.fromstring(cleaned).text == "aé\u4e2d\U0001f600"
