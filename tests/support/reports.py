"""Reading the report documents back: CSV records and the text of a PDF."""

from __future__ import annotations

import csv
import io

from pypdf import PdfReader


def csv_records(text: str) -> list[dict[str, str]]:
    """The records of a CSV document with a header row."""
    return list(csv.DictReader(io.StringIO(text)))


def pdf_text(document: bytes) -> str:
    """Every page's extracted text, one after the other."""
    reader = PdfReader(io.BytesIO(document))
    return "\n".join(page.extract_text() or "" for page in reader.pages)
