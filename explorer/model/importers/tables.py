"""Tables of rows from CSV, TSV, XLSX and ODS files, each row with the line it starts on, read
within limits: rows, the size of a cell, and (for spreadsheets) what the archive unpacks to.

Spreadsheets are read with well-kept libraries rather than by hand: openpyxl for XLSX (its
read-only mode streams rows, and it parses the sheet's XML through defusedxml when that is
installed, as it is here), python-calamine for ODS (a compiled reader without pandas; its XML
parser expands no entities). Before either opens a file, its zip directory is checked, so that
an archive that would unpack to gigabytes is refused unopened.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import zipfile
from dataclasses import dataclass

from explorer.model.importers.source import Source, SourceError

#: Most rows an import reads: a format v1 file of that many events is near the loader's
#: 64 MB limit.
MAX_ROWS = 250_000
#: Longest cell, in characters (the standard `csv` module's own limit).
MAX_CELL = 131_072
#: Most bytes the parts of a spreadsheet archive may unpack to.
MAX_UNPACKED = 512 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Row:
    """The cells of one row (text, stripped), the line it starts on and its number (1 is
    the first row after the header)."""

    cells: tuple[str, ...]
    line: int
    number: int

    def get(self, index: int | None) -> str:
        if index is None or index >= len(self.cells):
            return ""
        return self.cells[index]


@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[Row, ...]
    kind: str  # "CSV", "TSV", "XLSX", "ODS"
    header_line: int = 1


def _too_many(line: int) -> SourceError:
    return SourceError(f"the table has more than {MAX_ROWS:,} rows, the most an import reads "
                       "(a timeline file of more events would pass the 64 MB limit); split it",
                       line)


def _too_long(line: int, number: int) -> SourceError:
    return SourceError(f"row {number:,} has a cell longer than {MAX_CELL:,} characters, the "
                       "longest an import reads; is this a table of events? Shorten the cell",
                       line)


def read_table(source: Source) -> Table:
    """The source as a table (read once: detection and reading share it); SourceError, at
    its line, for what cannot be read."""
    if "table" not in source.memo:
        source.memo["table"] = _read_table(source)
    return source.memo["table"]


def _read_table(source: Source) -> Table:
    if source.suffix == ".xlsx" or (source.is_zip and source.suffix not in (".ods",)):
        return _xlsx(source)
    if source.suffix == ".ods":
        return _ods(source)
    source.refuse_binary("a CSV table")
    return _delimited(source)


def _delimited(source: Source) -> Table:
    text = source.text()
    sample = text[:8192]
    delimiter = "\t" if source.suffix in (".tsv", ".tab") or (
        sample.count("\t") > sample.count(",") and sample.count("\t") > sample.count(";")) else (
        ";" if sample.count(";") > sample.count(",") else ",")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[Row] = []
    header: tuple[str, ...] | None = None
    header_line = 1
    start = 1
    try:
        for cells in reader:
            if header is None:
                header = tuple(c.strip().lstrip("\ufeff") for c in cells)
                header_line = start
            elif any(c.strip() for c in cells):
                if len(rows) >= MAX_ROWS:
                    raise _too_many(start)
                rows.append(Row(tuple(map(str.strip, cells)), start, len(rows) + 1))
            start = reader.line_num + 1
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            raise _too_long(start, len(rows) + 1) from None
        raise SourceError(f"the CSV cannot be read here ({error}); check the quotes", start) from None
    if header is None:
        raise SourceError("the table is empty; there is nothing to import")
    return Table(header, tuple(rows), "TSV" if delimiter == "\t" else "CSV", header_line)


def _check_archive(source: Source, wanted: str) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(source.data))
        unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise SourceError(f"the file is not a complete {wanted} spreadsheet (a damaged or "
                          "truncated zip archive); save it again from the spreadsheet program") from None
    if unpacked > MAX_UNPACKED:
        raise SourceError(f"the spreadsheet would unpack to {unpacked / 2**20:,.0f} MB, more than "
                          f"the {MAX_UNPACKED // 2**20} MB an import reads; save it as CSV")
    return archive


def cell_text(value: object) -> str:
    """A spreadsheet cell as the text a person sees: whole numbers without `.0`, dates as
    ISO dates, date-times with their time (the date reader drops it and says so)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, _dt.datetime):
        if (value.hour, value.minute, value.second) == (0, 0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, (_dt.date, _dt.time)):
        return value.isoformat()
    return str(value).strip()


def _rows_of(values, kind: str) -> Table:
    """A table from an iterator of rows of cell values (the first is the header); the line
    of a spreadsheet row is its row number in the sheet."""
    header: tuple[str, ...] | None = None
    header_line = 1
    rows: list[Row] = []
    for line, raw in enumerate(values, start=1):
        cells = tuple(cell_text(v) for v in raw)
        for cell in cells:
            if len(cell) > MAX_CELL:
                raise _too_long(line, max(line - 1, 1))
        if header is None:
            if any(cells):
                header = cells
                header_line = line
            continue
        if any(cells):
            if len(rows) >= MAX_ROWS:
                raise _too_many(line)
            rows.append(Row(cells, line, len(rows) + 1))
    if header is None:
        raise SourceError("the spreadsheet's first sheet is empty; there is nothing to import")
    while header and not header[-1]:
        header = header[:-1]
    return Table(header, tuple(rows), kind, header_line)


def _xlsx(source: Source) -> Table:
    import openpyxl  # imported here: only spreadsheets need it

    archive = _check_archive(source, "XLSX")
    if "xl/workbook.xml" not in archive.namelist():
        raise SourceError("this zip archive is not an XLSX spreadsheet (it has no workbook); "
                          "save the table as .xlsx or .csv")
    try:
        book = openpyxl.load_workbook(io.BytesIO(source.data), read_only=True, data_only=True)
        try:
            sheet = book.worksheets[0]
            return _rows_of(sheet.iter_rows(values_only=True), "XLSX")
        finally:
            book.close()
    except SourceError:
        raise
    except Exception as error:  # noqa: BLE001 - a damaged workbook raises many kinds of error
        raise SourceError(f"the XLSX spreadsheet cannot be read ({type(error).__name__}: "
                          f"{str(error)[:200]}); save it again, or as CSV") from None


def _ods(source: Source) -> Table:
    from python_calamine import CalamineWorkbook  # imported here: only spreadsheets need it

    archive = _check_archive(source, "ODS")
    if "content.xml" not in archive.namelist():
        raise SourceError("this zip archive is not an ODS spreadsheet (it has no content.xml); "
                          "save the table as .ods or .csv")
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(source.data))
        sheet = book.get_sheet_by_index(0)
        return _rows_of(sheet.iter_rows(), "ODS")
    except SourceError:
        raise
    except Exception as error:  # noqa: BLE001 - a damaged workbook raises many kinds of error
        raise SourceError(f"the ODS spreadsheet cannot be read ({type(error).__name__}: "
                          f"{str(error)[:200]}); save it again, or as CSV") from None
