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


def test_a_stray_byte_in_a_file_marked_utf8_becomes_a_replacement_character(tmp_path, db):
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbfName,Email\nAnn,ann@example.com\nB\xffo,bo@example.com\n")
    result = run_import(db, path)
    assert (result.encoding, result.created, result.rejected) == ("utf-8-sig", 2, [])
    names = [r[0] for r in db.execute("SELECT display_name FROM customers ORDER BY id")]
    assert names == ["Ann", "B\ufffdo"]


@pytest.mark.parametrize("rows", [40_000, 80_000])  # read here, and by a reading process
def test_a_file_that_stops_being_utf8_after_its_first_megabyte_is_read_as_windows_1252(
        tmp_path, db, rows):
    # Whether a file is UTF-8 is decided from its first megabyte; a byte further on that is
    # not makes the import start again with the encoding decided from the whole file.
    lines = [b"Name,Email"] + [b"Customer %d,c%d@example.com" % (i, i) for i in range(rows)]
    lines.append(b"Ren\xe9e,renee@example.com")
    path = tmp_path / "late.csv"
    path.write_bytes(b"\n".join(lines) + b"\n")
    assert path.stat().st_size > 1 << 20
    result = run_import(db, path)
    assert (result.encoding, result.created) == ("cp1252", rows + 1)
    assert db.execute("SELECT display_name FROM customers WHERE email_key = ?",
                      ["renee@example.com"]).fetchone()[0] == "Renée"
    assert db.execute("SELECT count(*) FROM imports").fetchone()[0] == 1  # one batch, not two
