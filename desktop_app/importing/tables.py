"""Any supported file as a header plus a stream of rows (CSV/TSV/TXT, XLSX, vCard, LDIF)."""

from __future__ import annotations

import csv
import datetime as dt
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.errors import AppError
from desktop_app.importing import ldif, vcard
from desktop_app.importing.decoding import SHIFT_JIS, detect_encoding, open_text, utf16_without_bom

DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab"}
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .xls, and every password-protected .xlsx
ZIP_MAGIC = b"PK\x03\x04"
# Some notes are long; random binary read as text can be longer still. Both must not crash.
csv.field_size_limit(16 * 1024 * 1024)

Cell = str | dt.date | None


@dataclass
class Table:
    """A header and a re-readable stream of rows. Rows include blank ones (the engine counts them)."""

    path: Path
    source: str  # "csv", "xlsx", "vcard" or "ldif"
    header: list[str]
    open_rows: Callable[[], Iterator[list[Cell]]]
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    header_row: int | None = None
    size_hint: int = 0  # rows (XLSX) or bytes (text), for progress
    skipped_groups_box: list[int] = field(default_factory=lambda: [0])
    position: Callable[[], int] = lambda: 0

    @property
    def skipped_groups(self) -> int:
        return self.skipped_groups_box[0]


def open_table(path: Path, *, whole: bool = True) -> Table:
    """Open *path* for import, deciding its kind by its bytes (the extension only breaks ties).

    Without *whole*, a text file whose first megabyte is UTF-8 is read as UTF-8 and reading it
    raises UnicodeDecodeError where it is not (see decoding.detect_encoding).

    :raises AppError: for unreadable, empty, binary, protected or unknown files.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        with open(path, "rb") as raw:
            head = raw.read(65536)
    except IsADirectoryError as exc:
        raise AppError(f"{path.name} is a folder, not a file.", "Choose a file inside it.") from exc
    except OSError as exc:
        raise AppError(
            f"Fondly could not read {path.name}: {exc.strerror or exc}.",
            "Check that the file exists and that you may open it.",
        ) from exc
    if size == 0 or not head.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise AppError(f"{path.name} is empty.", "Export the list again and choose the new file.")
    if head.startswith(OLE_MAGIC):
        raise AppError(
            f"{path.name} is a password-protected or old-format (.xls) Excel workbook.",
            "Open it in Excel, remove the password if it has one, and save it as .xlsx or CSV.",
        )
    if head.startswith(ZIP_MAGIC):
        return _open_xlsx(path)
    if _binary(head):
        raise AppError(
            f"{path.name} is not a customer list Fondly can read.",
            "Fondly reads CSV, TSV, TXT, Excel (.xlsx), vCard (.vcf) and LDIF files.",
        )
    encoding = detect_encoding(path, whole=whole)
    first = _first_line(path, encoding)
    if first.upper().startswith("BEGIN:VCARD") or path.suffix.lower() in (".vcf", ".vcard"):
        return _open_vcard(path, encoding, size)
    if first.lower().startswith(("dn:", "version:")) or path.suffix.lower() == ".ldif":
        return _open_ldif(path, encoding, size)
    return _open_csv(path, encoding, size)


def _binary(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or utf16_without_bom(head[:4096]):
        return False  # UTF-16 text has NUL bytes by design
    # A stray NUL or control character inside a cell is data; many of them mean a binary file.
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > max(16, len(head) // 10)


def _first_line(path: Path, encoding: str) -> str:
    try:
        with open_text(path, encoding) as text:
            for line in text:
                if line.strip():
                    return line.strip()
    except UnicodeDecodeError:
        pass
    return ""


def reopen_text(path: Path, encoding: str) -> Table:
    """A text table opened again with the encoding found the first time (no second sniff)."""
    return _open_csv(path, encoding, path.stat().st_size)


def _open_csv(path: Path, encoding: str, size: int) -> Table:
    header_line = _first_line_raw(path, encoding)
    delimiter = max(DELIMITERS, key=lambda d: (header_line.count(d), d == ","))
    handle: dict = {}

    def open_rows() -> Iterator[list[Cell]]:
        with open_text(path, encoding) as text:
            handle["raw"] = text.buffer
            reader = csv.reader(text, delimiter=delimiter, strict=False)
            try:
                next(reader, None)  # the header
                yield from reader
            except csv.Error as exc:
                raise AppError(
                    f"Line {reader.line_num} of {path.name} could not be read ({exc}).",
                    "Open the file in a spreadsheet, save it as CSV again and retry.",
                ) from exc

    with open_text(path, encoding) as text:
        header = next(csv.reader(text, delimiter=delimiter, strict=False), [])
    return Table(
        path=path, source="csv", header=[h.strip() for h in header], open_rows=open_rows,
        encoding=encoding, delimiter=DELIMITERS[delimiter], size_hint=size,
        position=lambda: handle["raw"].tell() if "raw" in handle and not handle["raw"].closed else 0,
    )


def _first_line_raw(path: Path, encoding: str) -> str:
    with open_text(path, encoding) as text:
        return text.readline()


def _open_vcard(path: Path, encoding: str, size: int) -> Table:
    box = [0]
    wide = encoding.startswith("utf-16")

    def open_rows() -> Iterator[list[Cell]]:
        reader = vcard.VCardReader(fallback=encoding if encoding == SHIFT_JIS else "cp1252")
        try:
            if wide:
                with open_text(path, encoding) as text:
                    yield from reader.rows(line.encode("utf-8") for line in text)
            else:
                with open(path, "rb") as raw:
                    yield from reader.rows(raw)
        finally:
            box[0] = reader.skipped_groups

    return Table(path=path, source="vcard", header=list(vcard.HEADER), open_rows=open_rows,
                 encoding=encoding, size_hint=size, skipped_groups_box=box)


def _open_ldif(path: Path, encoding: str, size: int) -> Table:
    box = [0]

    def open_rows() -> Iterator[list[Cell]]:
        reader = ldif.LdifReader()
        with open_text(path, encoding) as text:
            try:
                yield from reader.rows(text)
            finally:
                box[0] = reader.skipped_groups

    return Table(path=path, source="ldif", header=list(ldif.HEADER), open_rows=open_rows,
                 encoding=encoding, size_hint=size, skipped_groups_box=box)


def _open_xlsx(path: Path) -> Table:
    import openpyxl  # imported here: loading it costs ~0.2 s that CSV imports do not need

    def load():
        try:
            return openpyxl.load_workbook(path, read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
            raise AppError(
                f"{path.name} is not a workbook Fondly can read (it may be damaged).",
                "Open it in Excel or LibreOffice and save it again as .xlsx or CSV.",
            ) from exc
        except Exception as exc:  # openpyxl raises assorted errors on corrupt XML
            raise AppError(
                f"{path.name} is damaged and could not be read ({type(exc).__name__}).",
                "Open it in Excel or LibreOffice and save it again as .xlsx or CSV.",
            ) from exc

    book = load()
    try:
        if not book.worksheets:
            raise AppError(f"{path.name} has no worksheet.", "Save a sheet with your customers.")
        sheet = book.worksheets[0]
        title = sheet.title
        total = sheet.max_row or 0
        header, header_row = [], None
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = [_xlsx_cell(v) for v in values]
            if sum(1 for c in cells if c not in (None, "")) >= 2:
                header = [str(c).strip() if c is not None else "" for c in cells]
                header_row = number
                break
    finally:
        book.close()
    if header_row is None:
        raise AppError(
            f"The first sheet of {path.name} has no header row.",
            "Put column names (Name, E-mail, Phone…) in a row above the customers.",
        )

    def open_rows() -> Iterator[list[Cell]]:
        workbook = load()
        try:
            rows = workbook.worksheets[0].iter_rows(min_row=header_row + 1, values_only=True)
            for values in rows:
                yield [_xlsx_cell(v) for v in values]
        finally:
            workbook.close()

    return Table(path=path, source="xlsx", header=header, open_rows=open_rows, sheet=title,
                 header_row=header_row, size_hint=max(total - header_row, 0))


def _xlsx_cell(value: object) -> Cell:
    """Dates stay dates; integral numbers lose their ``.0`` (rule 15); the rest becomes text."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
