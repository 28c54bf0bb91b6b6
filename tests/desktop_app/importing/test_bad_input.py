"""Bad input: one clear sentence, nothing written, no traceback."""

from __future__ import annotations

import zipfile

import pytest

from desktop_app.errors import AppError
from desktop_app.importing.engine import run_import


def _nothing_written(db) -> None:
    assert db.execute("SELECT count(*) FROM customers").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM imports").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM products").fetchone()[0] == 0


def _zip(path, files: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)


CASES = {
    "empty.csv": (lambda p: p.write_bytes(b""), "is empty"),
    "blank.csv": (lambda p: p.write_bytes(b" \r\n\r\n\t\n"), "is empty"),
    "bom-only.csv": (lambda p: p.write_bytes(b"\xef\xbb\xbf"), "is empty"),
    "photo.png": (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))),
                  "not a customer list"),
    "protected.xlsx": (lambda p: p.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 600),
                       "password-protected"),
    "corrupt.xlsx": (lambda p: p.write_bytes(b"PK\x03\x04" + b"\x14\x00garbage" * 40), "damaged"),
    "not-a-workbook.xlsx": (lambda p: _zip(p, {"hello.txt": b"hi"}), "Fondly can read"),
    "columns.csv": (lambda p: p.write_text("Colour,Size\nred,10\nblue,12\n"),
                    "no column Fondly can use"),
    "prose.txt": (lambda p: p.write_text("Dear diary, today I baked bread.\nIt was good.\n"),
                  "no column Fondly can use"),
    "header-only.csv": (lambda p: p.write_text("Name\n"), "no column Fondly can use"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_file(name, tmp_path, db):
    make, phrase = CASES[name]
    path = tmp_path / name
    make(path)
    with pytest.raises(AppError) as caught:
        run_import(db, path)
    message = caught.value.message
    assert phrase in message
    assert message.endswith(".") and message.count(". ") == 0, "one sentence"
    _nothing_written(db)


def test_missing_file(tmp_path, db):
    with pytest.raises(AppError, match="could not read"):
        run_import(db, tmp_path / "nope.csv")
    _nothing_written(db)


def test_folder(tmp_path, db):
    with pytest.raises(AppError, match="is a folder"):
        run_import(db, tmp_path)
    _nothing_written(db)


def test_workbook_with_no_header_row(tmp_path, db):
    import openpyxl

    book = openpyxl.Workbook()
    book.active["A1"] = "only one cell"
    path = tmp_path / "lonely.xlsx"
    book.save(path)
    with pytest.raises(AppError, match="no header row"):
        run_import(db, path)
    _nothing_written(db)


def test_header_only_file_with_email_column_imports_nothing(tmp_path, db):
    path = tmp_path / "header.csv"
    path.write_text("Name,Email\n")
    result = run_import(db, path)
    assert (result.data_rows, result.created) == (0, 0)


def test_digits_that_int_cannot_read_are_an_invalid_birthday_not_a_crash(tmp_path, db):
    # "²" is a digit to str.isdigit but not to int(): such a cell once stopped the import.
    path = tmp_path / "odd.csv"
    path.write_text("Name,Email,Birthday,Birth month,Birth day\n"
                    "Ann,ann@example.com,199²-01-01,,\n"
                    "Bo,bo@example.com,,²,3\n", encoding="utf-8")
    result = run_import(db, path)
    assert result.created == 2
    assert [w["code"] for w in result.warnings] == ["invalid_birthday"]
