"""The occasion commands: draft, visits log/import, waitlist add, products list/restock."""

from __future__ import annotations

import json

from desktop_app.cli import main
from storage.db import open_db
from tests.desktop_app.shop_builder import add_customer, add_product


def seed(data_dir):
    db = open_db(data_dir / "fondly.db")
    with db.atomic():
        add_customer(db, first_name="Maria", email="maria@example.com", birth_month=3, birth_day=15)
        add_customer(db, first_name="Sam", email="sam@example.com", email_consent="no",
                     birth_month=3, birth_day=15)
        add_product(db, name="Rye sourdough", sku="RYE", stock=0)
    db.close()


def cli(capsys, data_dir, *args) -> str:
    assert main(["--data-dir", str(data_dir), *args]) == 0
    return capsys.readouterr().out


def test_draft_json_shape_and_rerun(data_dir, capsys):
    seed(data_dir)
    out = json.loads(cli(capsys, data_dir, "draft", "--today", "2026-03-12", "--json"))
    assert out["created"] == 1 and out["by_occasion"] == {"birthday": 1}
    assert out["scanned_days"] == ["2026-03-12"]
    assert [(s["occasion"], s["reason"]) for s in out["skipped"]] == [("birthday", "consent_no")]
    again = json.loads(cli(capsys, data_dir, "draft", "--today", "2026-03-14", "--json"))
    assert again["created"] == 0 and again["scanned_days"] == ["2026-03-13", "2026-03-14"]


def test_waitlist_restock_and_products_list(data_dir, capsys):
    seed(data_dir)
    assert "will hear" in cli(capsys, data_dir, "waitlist", "add", "sam@example.com", "RYE")
    listed = json.loads(cli(capsys, data_dir, "products", "list", "--json"))
    assert listed["products"][0]["open_requests"] == 1
    out = json.loads(cli(capsys, data_dir, "products", "restock", "RYE", "4", "--json"))
    assert out["by_occasion"] == {"restock": 1}  # consent "no" does not block what they asked for
    assert "stock     4" in cli(capsys, data_dir, "products", "list")


def test_visits_log_and_unknown_customer(data_dir, capsys):
    seed(data_dir)
    assert "1 visits, 12 points" in cli(capsys, data_dir, "visits", "log", "1", "--amount", "12.99",
                                        "--at", "2026-03-01")
    assert main(["--data-dir", str(data_dir), "visits", "log", "nobody@example.com"]) == 1
    assert "No customer" in capsys.readouterr().err


def test_visits_import_sheet_is_idempotent(data_dir, capsys, tmp_path):
    seed(data_dir)
    sheet = tmp_path / "visits.csv"
    sheet.write_text("E-mail;Date;Amount\nmaria@example.com;08.03.2026;12,50\n"
                     "maria@example.com;08.03.2026;12,50\nnobody@example.com;2026-03-09;3\n"
                     "sam@example.com;;4\n", encoding="utf-8")
    first = json.loads(cli(capsys, data_dir, "visits", "import", str(sheet), "--json"))
    assert (first["format"], first["added"], first["already"]) == ("sheet", 2, 0)
    assert len(first["unmatched"]) == 1 and first["invalid"] == [{"line": 5, "reason": "no date"}]
    second = json.loads(cli(capsys, data_dir, "visits", "import", str(sheet), "--json"))
    assert (second["added"], second["already"]) == (0, 2)
