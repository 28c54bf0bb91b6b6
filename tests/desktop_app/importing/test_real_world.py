"""Third-party files in ../shared/real-world: each imports without a traceback — people in, or
a clear reason per record."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.importing.engine import run_import
from desktop_app.importing.records import REASONS
from storage.db import open_db
from tests.desktop_app.importing.conftest import find_shared

_FOLDER = find_shared("real-world")
FILES = sorted(p.name for p in _FOLDER.iterdir() if p.name != "README.md") if _FOLDER else []


def _import(tmp_path: Path, path: Path):
    tmp_path.mkdir(parents=True, exist_ok=True)
    db = open_db(tmp_path / "fondly.db")
    try:
        result = run_import(db, path)
        names = [row[0] for row in db.execute("SELECT display_name FROM customers ORDER BY id")]
        return result, names
    finally:
        db.close()


def test_there_are_real_world_files(real_world_dir):
    assert len(FILES) >= 40


@pytest.mark.parametrize("file_name", FILES)
def test_imports_without_a_traceback(file_name, real_world_dir, tmp_path):
    result, _ = _import(tmp_path, real_world_dir / file_name)
    assert result.data_rows >= 1
    assert result.accepted + len(result.rejected) == result.data_rows
    assert all(r["reason"] in REASONS for r in result.rejected)
    assert result.created == result.unique_customers
    assert all("\ufffd" not in o.name for o in result.rows), "undecodable name"


@pytest.mark.parametrize(
    ("file_name", "encoding", "expected_name"),
    [
        ("thunderbird__shiftjis_addressbook.csv", "shift_jis", "名無しの権兵衛"),
        ("aosp__v21_multiple_entry.vcf", "shift_jis", "安藤ロイド3"),
        ("thunderbird__utf16_addressbook.csv", "utf-16", "John Doe"),
        ("roundcube__utf-16_sample.vcf", "utf-16-be", "Ǽgean ĽdaMonté"),
    ],
)
def test_encodings(file_name, encoding, expected_name, real_world_dir, tmp_path):
    result, _ = _import(tmp_path, real_world_dir / file_name)
    assert result.encoding == encoding
    assert result.rows[0].name == expected_name


def test_fold_inside_a_utf8_character(real_world_dir, tmp_path):
    # kcontacts folds a line between the two bytes of "л": unfolding must happen on bytes.
    result, _ = _import(tmp_path, real_world_dir / "kcontacts__vcard9.vcf")
    assert result.rows[0].name.startswith("βγδεαβγδ1")


def test_vcard21_quoted_printable_and_pref(real_world_dir, tmp_path):
    result, names = _import(tmp_path, real_world_dir / "ezvcard__John_Doe_ANDROID.vcf")
    assert "Ñ Ñ Ñ Ñ Ñ" in names
    assert result.accepted == 5


def test_ldif_people_in_and_lists_skipped(real_world_dir, tmp_path):
    result, names = _import(tmp_path, real_world_dir / "thunderbird__basic_ldif_addressbook.ldif")
    assert names == ["Display Name"]
    assert [w["code"] for w in result.warnings] == ["invalid_email_dropped"]  # host.invalid
    other = tmp_path / "other"
    other.mkdir()
    export, _ = _import(other, real_world_dir / "thunderbird__export.ldif")
    assert export.skipped_groups == 1
    assert [r["reason"] for r in export.rejected] == ["invalid_email", "invalid_email"]


def test_thunderbird_csv_with_semicolons(real_world_dir, tmp_path):
    result, _ = _import(tmp_path, real_world_dir / "thunderbird__csv_semicolon.csv")
    assert result.format == "thunderbird" and result.delimiter == "semicolon"
    assert [o.name for o in result.rows] == ["John Doe", "Jane Doe"]


def test_outlook_csv(real_world_dir, tmp_path):
    result, names = _import(tmp_path, real_world_dir / "horde__bug_6311.csv")
    assert result.format == "outlook" and names == ["John Smith"]


@pytest.mark.parametrize("file_name", [f for f in FILES if f.endswith((".csv", ".txt", ".tsv"))])
def test_a_child_process_reads_them_alike(file_name, real_world_dir, tmp_path, monkeypatch):
    """Big text files are read by a child process, which opens them with the encoding found
    here (UTF-16, Shift_JIS, Windows-1252...): the same customers either way."""
    from desktop_app.importing import feed

    here, here_names = _import(tmp_path / "here", real_world_dir / file_name)
    monkeypatch.setattr(feed, "CHILD_MIN_BYTES", 0)
    child, child_names = _import(tmp_path / "child", real_world_dir / file_name)
    assert child_names == here_names
    assert (child.data_rows, child.created, child.rejected, child.warnings) == (
        here.data_rows, here.created, here.rejected, here.warnings)
