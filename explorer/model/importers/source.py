"""The file an importer reads: its bytes within a size limit, what kind of file the bytes say
it is (a PNG named `.csv` is named as a PNG), and its text when it is text."""

from __future__ import annotations

import codecs
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from explorer.model.load.files import NotAFile, open_regular, read_bounded, special_file_message

#: Largest file imported, in bytes: the format v1 file made from it must stay below the
#: loader's own limit (64 MB of YAML).
MAX_IMPORT_BYTES = 64 * 1024 * 1024

# What the first bytes of common binary files say they are.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (.xls or .doc; save it as .xlsx or .csv)"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x7fELF", "a program (ELF)"),
    (b"MZ", "a Windows program"),
    (b"RIFF", "a RIFF media file"),
    (b"ID3", "an MP3 audio file"),
    (b"OggS", "an Ogg media file"),
)
ZIP_MAGIC = b"PK\x03\x04"


class SourceError(Exception):
    """A file that cannot be imported at all; the message says why and what to do."""

    def __init__(self, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


@dataclass(frozen=True, slots=True)
class Source:
    """The bytes of a file to import, and what it is called."""

    name: str  # as shown in messages (the path as given)
    data: bytes
    path: str | None = None
    _text: list = field(default_factory=list, compare=False, repr=False)
    memo: dict = field(default_factory=dict, compare=False, repr=False)  # what detection parsed

    @property
    def suffix(self) -> str:
        return Path(self.name).suffix.lower()

    @property
    def digest(self) -> str:
        if "digest" not in self.memo:
            self.memo["digest"] = hashlib.sha256(self.data).hexdigest()
        return self.memo["digest"]

    @property
    def head(self) -> bytes:
        return self.data[:4096]

    def binary_kind(self) -> str | None:
        """"a PNG image" when the bytes say the file is a known binary kind; "binary data"
        for other bytes that no text has; None for text and for zip files (spreadsheets)."""
        for magic, kind in _MAGIC:
            if self.data.startswith(magic):
                return kind
        if self.data.startswith(ZIP_MAGIC):
            return None
        if self.data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return None
        if b"\x00" in self.head:
            return "binary data"
        return None

    @property
    def is_zip(self) -> bool:
        return self.data.startswith(ZIP_MAGIC)

    def text(self) -> str:
        """The file as text: UTF-8 (a byte order mark allowed), UTF-16 with its mark, else
        Windows-1252, which every byte decodes in; `encoding` says which."""
        if self._text:
            return self._text[0]
        data = self.data
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            decoded, encoding = data.decode("utf-16"), "UTF-16"
        else:
            try:
                decoded, encoding = data.decode("utf-8-sig"), "UTF-8"
            except UnicodeDecodeError:
                decoded, encoding = data.decode("cp1252", errors="replace"), "Windows-1252"
        self._text.extend((decoded, encoding))
        return decoded

    @property
    def encoding(self) -> str:
        self.text()
        return self._text[1]

    def refuse_binary(self, wanted: str) -> None:
        """SourceError naming the kind of file when these bytes are not text."""
        kind = self.binary_kind()
        if kind is None and self.is_zip:
            kind = "a zip archive (a spreadsheet or an office document)"
        if kind is not None:
            raise SourceError(f"this is {kind}, not {wanted}; open the {wanted} itself, or "
                              "export it from the program that made it")


def read_source(path: str | os.PathLike) -> Source:
    """The file at `path` within the size limit; SourceError says why it cannot be read."""
    name = os.fsdecode(path)
    try:
        with open_regular(path) as stream:
            size = os.fstat(stream.fileno()).st_size
            if size > MAX_IMPORT_BYTES:
                raise SourceError(_too_large())
            data = read_bounded(stream, size, MAX_IMPORT_BYTES)
    except NotAFile as error:
        raise SourceError(special_file_message(error, "the file to import")) from None
    except IsADirectoryError:
        raise SourceError("this is a folder, not a file; give the path of the file to import") from None
    except FileNotFoundError:
        raise SourceError("there is no such file; check the path") from None
    except PermissionError:
        raise SourceError("the file cannot be read (permission denied); check its permissions") from None
    except OSError as error:
        raise SourceError(f"the file cannot be read ({error.strerror or error}); check the path") from None
    except (ValueError, TypeError) as error:
        raise SourceError(f"this is not a usable file path ({error})") from None
    if len(data) > MAX_IMPORT_BYTES:
        raise SourceError(_too_large())
    if not data:
        raise SourceError("the file is empty; there is nothing to import")
    return Source(name, data, name)


def _too_large() -> str:
    return (f"the file is larger than {MAX_IMPORT_BYTES // (1024 * 1024)} MB, the most an import "
            "reads (its format v1 file would pass the 64 MB limit of a timeline file); split it")
