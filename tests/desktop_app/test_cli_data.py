"""The CLI over the data: ``demo``, ``customers list --json``, ``export customers``, error exits."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.customer_list import neutralise_cell
from storage import customers
from storage.db import open_db

ROOT = Path(__file__).resolve().parents[2]
JSON_KEYS = ["id", "name", "first_name", "last_name", "email", "phone", "birthday", "language",
             "email_consent", "do_not_contact", "tags", "notes", "created_at", "updated_at"]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_demo_loads_the_bakery_into_an_empty_folder(capsys, data_dir):
    code, out, err = run(capsys, "--data-dir", str(data_dir), "demo")
    assert code == 0, err
    assert "Rosemary & Rye" in out and "200 customers" in out
    db = open_db(data_dir / "fondly.db")
    assert customers.count(db) == 200
    db.close()


def test_demo_refuses_a_folder_that_holds_a_shop_with_one_line(capsys, data_dir):
    assert run(capsys, "demo", "--data-dir", str(data_dir))[0] == 0
    code, out, err = run(capsys, "demo", "--data-dir", str(data_dir))
    assert code != 0
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("fondly: ") and "already holds a shop" in err


def test_customers_list_json_has_the_documented_shape(capsys, data_dir):
    run(capsys, "--data-dir", str(data_dir), "demo")
    code, out, err = run(capsys, "--data-dir", str(data_dir), "customers", "list", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert list(data) == ["count", "customers"]
    assert data["count"] == len(data["customers"]) == 200
    for row in data["customers"]:
        assert list(row) == JSON_KEYS
        assert isinstance(row["tags"], list) and isinstance(row["do_not_contact"], bool)
        assert row["email_consent"] in ("yes", "no", "unknown")
        birthday = row["birthday"]
        assert birthday is None or len(birthday) == 10 and birthday[4] == "-" or \
            birthday.startswith("--") and len(birthday) == 7
    assert any(r["birthday"] and r["birthday"].startswith("--") for r in data["customers"])
    assert sum(r["birthday"] is not None and r["birthday"].endswith("02-29")
               for r in data["customers"]) == 1


def test_customers_list_json_search(capsys, data_dir):
    db = open_db(data_dir / "fondly.db")
    customers.insert(db, {"first_name": "Zoë", "last_name": "O'Brien", "email": "zoe@example.com",
                          "birth_month": 3, "birth_day": 14, "birth_year": 1988, "tags": "VIP, regular"})
    customers.insert(db, {"first_name": "José", "last_name": "Álvarez", "email": "jose@example.com"})
    db.conn.commit()
    db.close()
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "customers", "list", "--search", "zoe",
                       "--json")
    data = json.loads(out)
    assert code == 0 and data["count"] == 1
    row = data["customers"][0]
    assert (row["name"], row["birthday"], row["tags"]) == ("Zoë O'Brien", "1988-03-14",
                                                          ["VIP", "regular"])
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "customers", "list", "--search",
                       "nobody-like-this", "--json")
    assert json.loads(out) == {"count": 0, "customers": []}


def test_export_round_trip_with_bom_and_neutralised_formulas(capsys, data_dir, tmp_path):
    run(capsys, "--data-dir", str(data_dir), "demo")
    db = open_db(data_dir / "fondly.db")
    dangerous = {
        "=HYPERLINK(\"http://example.com\",\"x\")": "first_name",
        "+1+cmd": "last_name",
        "-2+3+cmd|' /C notepad'!'A1'": "notes",
        "@SUM(A1:A2)": "tags",
    }
    new_id = customers.insert(db, {v: k for k, v in dangerous.items()} | {
        "email": "formula@example.com"})
    db.conn.commit()
    db.close()
    target = tmp_path / "out.csv"
    code, out, err = run(capsys, "--data-dir", str(data_dir), "export", "customers", str(target))
    assert code == 0, err
    assert "201" in out
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with open(target, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 201
    by_id = {int(r["id"]): r for r in rows}
    planted = by_id[new_id]
    for text, column in dangerous.items():
        assert planted[column] == "'" + text
    # Everything else survives unchanged, multi-script names included.
    db = open_db(data_dir / "fondly.db")
    for customer in customers.rows_by_ids(db, list(by_id)).values():
        if customer.id == new_id:
            continue
        row = by_id[customer.id]
        assert row["display_name"] == customer.display_name
        assert row["email"] == (customer.email or "")
        # A year-less "--06-21" or a "+1 503…" phone would be a formula to Excel too.
        assert row["birthday"] == neutralise_cell(customer.birthday_text)
        assert row["phone"] == neutralise_cell(customer.phone or "")
        assert row["notes"] == customer.notes
    db.close()
    assert not any(r["first_name"].startswith("=") for r in rows)
    assert any(r["birthday"].startswith("'--") for r in rows)


def test_export_to_an_unwritable_place_fails_with_one_line(capsys, data_dir, tmp_path):
    code, out, err = run(capsys, "--data-dir", str(data_dir), "export", "customers",
                         str(tmp_path / "no" / "such" / "dir" / "x.csv"))
    assert code != 0
    assert err.count("\n") == 1 and err.startswith("fondly: Could not write")


def test_unusable_data_dir_fails_with_one_line(capsys, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    code, _, err = run(capsys, "--data-dir", str(blocker / "inside"), "customers", "list")
    assert code != 0
    assert err.count("\n") == 1 and err.startswith("fondly: ")


@pytest.mark.parametrize("content", [b"this is not sqlite at all" * 100])
def test_a_file_that_is_not_a_database_fails_with_one_line(capsys, data_dir, content):
    (data_dir / "fondly.db").write_bytes(content)
    code, _, err = run(capsys, "--data-dir", str(data_dir), "customers", "list", "--json")
    assert code != 0
    assert err.count("\n") == 1 and err.startswith("fondly: ")


def test_demo_through_a_real_process(data_dir):
    """The module entry point, as a user (or the frozen app) runs it."""
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app.cli", "--data-dir", str(data_dir), "demo"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    again = subprocess.run(
        [sys.executable, "-m", "desktop_app.cli", "--data-dir", str(data_dir), "demo"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )
    assert again.returncode == 1
    assert again.stderr.count("\n") == 1 and "already holds a shop" in again.stderr
