"""Hostile and wrong files: each gives a clear error at its place, quickly and within bounded
memory, and nothing is written. The row limit is tested through a small limit, and once for
real with a million rows."""

from __future__ import annotations

import io
import tracemalloc
import zipfile

import pytest

from explorer.model.importers import tables
from explorer.model.importers.registry import convert
from explorer.model.importers.source import Source

MB = 1024 * 1024


def failed(name: str, data: bytes, format_name: str | None = None):
    """The single error of importing `data` as a file called `name`."""
    conversion = convert(Source(name, data), format_name=format_name)
    assert conversion.text is None and conversion.dataset is None
    errors = [d for d in conversion.report.diagnostics() if d.is_error]
    assert len(errors) == 1
    return errors[0]


def peak_of(action) -> int:
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


ENTITY_BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE timeline [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
]>
<timeline>
  <version>2.5.0</version>
  <timetype>gregoriantime</timetype>
  <events>
    <event><start>2021-10-13 00:00:00</start><end>2021-10-13 00:00:00</end><text>&f;</text></event>
  </events>
</timeline>
"""


def test_an_xml_entity_bomb_is_refused_at_its_line_without_expanding():
    found = []
    peak = peak_of(lambda: found.append(failed("bomb.timeline", ENTITY_BOMB)))
    (error,) = found
    assert "declares entities" in error.message and error.line == 3
    assert peak < 20 * MB  # expanded, &f; alone would be 80 * 30**5 bytes: nearly 2 GB


def test_an_external_entity_is_refused_too(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("do not read me")
    data = (f'<?xml version="1.0"?><!DOCTYPE t [<!ENTITY x SYSTEM "file://{secret}">]>'
            "<timeline><events><event><text>&x;</text></event></events></timeline>").encode()
    assert "declares entities" in failed("x.timeline", data).message


def rows_csv(count: int) -> bytes:
    return b"date,title\n" + b"2001-01-01,An event\n" * count


def test_a_table_longer_than_the_row_limit_is_refused_at_the_first_row_too_many(monkeypatch):
    monkeypatch.setattr(tables, "MAX_ROWS", 100)
    found = []
    peak = peak_of(lambda: found.append(failed("long.csv", rows_csv(100_000))))
    (error,) = found
    assert "more than 100 rows" in error.message and error.line == 102
    assert peak < 30 * MB


def test_a_million_row_csv_is_refused_at_the_real_limit():
    error = failed("million.csv", rows_csv(1_000_000))
    assert f"more than {tables.MAX_ROWS:,} rows" in error.message
    assert error.line == tables.MAX_ROWS + 2  # the header, then the rows that fit


def test_a_ten_megabyte_cell_is_refused_at_its_row():
    data = b"date,title,text\n2001-01-01,Fine,Short\n2002-02-02,Huge,\"" + b"x" * (10 * MB) + b"\"\n"
    found = []
    peak = peak_of(lambda: found.append(failed("cell.csv", data)))
    (error,) = found
    assert "row 2 has a cell longer than 131,072 characters" in error.message and error.line == 3
    assert peak < 120 * MB  # the 10 MB file decoded once, never copied cell by cell


def xlsx_bytes(rows) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_truncated_xlsx_names_itself_damaged():
    whole = xlsx_bytes([("Date", "Title"), ("2009-03-24", "An event")])
    error = failed("cut.xlsx", whole[: len(whole) // 2])
    assert "not a complete XLSX spreadsheet" in error.message and error.line == 1


def test_a_spreadsheet_that_would_unpack_to_too_much_is_refused_unopened(monkeypatch):
    monkeypatch.setattr(tables, "MAX_UNPACKED", 1000)
    whole = xlsx_bytes([("Date", "Title")] + [("2009-03-24", "An event " * 20)] * 50)
    assert "would unpack to" in failed("big.xlsx", whole).message


def test_json_that_is_not_timelinejs():
    error = failed("other.json", b'{"name": "a package", "version": "1.0", "dependencies": {}}')
    assert "in no format an import reads" in error.message
    forced = failed("other.json", b'{\n  "name": "a package",\n  "events": 3\n}', "timelinejs")
    assert "no \"events\" list" in forced.message and forced.line == 1
    listed = failed("other.json", b"[1, 2, 3]", "timelinejs")
    assert "holds a list" in listed.message


def test_broken_json_is_refused_at_its_line_and_column():
    error = failed("broken.json", b'{\n  "events": [\n    {"text": }\n  ]\n}', "timelinejs")
    assert "JSON syntax error" in error.message and (error.line, error.column) == (3, 14)


@pytest.mark.parametrize("data, kind", [
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "a PNG image"),
    (b"%PDF-1.7\n" + b"\x00" * 64, "a PDF document"),
    (b"\x00\x01\x02binary" * 20, "binary data"),
])
def test_a_binary_file_named_csv_is_named_for_what_it_is(data, kind):
    assert f"this is {kind}, not a CSV table" in failed("events.csv", data).message


def test_an_xlsx_table_is_read_with_its_dates():
    import datetime

    data = xlsx_bytes([("Date", "Title", "Notes"),
                       (datetime.datetime(2009, 3, 24), "A date cell", "kept"),
                       (1915, "A year as a number", "")])
    conversion = convert(Source("events.xlsx", data))
    assert conversion.report.ok, conversion.report.diagnostics()
    events = {e.title: e.start.text for e in conversion.dataset.events}
    assert events == {"A date cell": "2009-03-24", "A year as a number": "1915"}


def ods_bytes(rows) -> bytes:
    """A minimal ODS document: the mimetype, a manifest and the table."""
    cells = "".join(
        "<table:table-row>" + "".join(
            f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'
            for value in row) + "</table:table-row>" for row in rows)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="Events">{cells}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>")
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", manifest)
        archive.writestr("content.xml", content)
    return out.getvalue()


def test_an_ods_table_is_read():
    conversion = convert(Source("events.ods", ods_bytes([("When", "Title"), ("c. 383", "Withdrawal"),
                                                         ("14 Oct 1066", "Hastings")])))
    assert conversion.report.ok, conversion.report.diagnostics()
    assert [(e.title, e.start.text) for e in conversion.dataset.events] == [
        ("Withdrawal", "0383~"), ("Hastings", "1066-10-14")]


def test_a_timelinejs_spreadsheet_saved_as_xlsx_is_read_as_one():
    data = xlsx_bytes([("Year", "Month", "Day", "Headline", "Text", "Type", "Group"),
                       (None, None, None, "A title", "What it is about", "title", None),
                       (1815, 12, 10, "Ada Lovelace", "<p>Born</p>", None, "People")])
    conversion = convert(Source("sheet.xlsx", data))
    assert conversion.report.ok and conversion.format == "TimelineJS spreadsheet"
    dataset = conversion.dataset
    assert dataset.title == "A title"
    (event,) = dataset.events
    assert (event.title, event.start.text, event.summary, event.tags) == ("Ada Lovelace", "1815-12-10", "Born", ("People",))
