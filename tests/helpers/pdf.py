"""Looking inside PDF files: their pages and their text."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata

import pytest


def page_count(data: bytes) -> int:
    """Pages of a PDF, counted in its bytes."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))


def pdf_text(path, page: int | None = None) -> str:
    """The PDF's text as `pdftotext` extracts it, whitespace made single spaces."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (Debian package poppler-utils) is not installed")
    pages = ["-f", str(page), "-l", str(page)] if page else []
    found = subprocess.run(["pdftotext", *pages, str(path), "-"], capture_output=True,
                           text=True, check=True).stdout
    return " ".join(unicodedata.normalize("NFC", found).split())
