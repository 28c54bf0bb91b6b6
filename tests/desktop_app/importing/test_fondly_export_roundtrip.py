"""A shop's own export comes back whole: names, contacts, birthdays (year-less too), consent, tags."""

from __future__ import annotations

from desktop_app.customer_list import export_csv, list_customers
from desktop_app.importing.engine import run_import
from desktop_app.sample_shop import load_sample_shop
from storage.db import open_db

KEPT = ("name", "email", "phone", "birthday_text", "email_consent", "tags")


def _shape(db):
    return sorted(tuple(getattr(c, k) for k in KEPT) for c in list_customers(db))


def test_export_then_import_into_a_new_store_keeps_every_customer(tmp_path, db):
    load_sample_shop(db)
    path = tmp_path / "customers.csv"
    export_csv(db, path)
    fresh = open_db(tmp_path / "new.db")
    try:
        result = run_import(fresh, path)
        assert result.format == "fondly"
        assert (result.accepted, result.created, len(result.rejected)) == (200, 200, 0)
        assert result.warnings == []
        assert _shape(fresh) == _shape(db)
        assert any(c.birthday_text.startswith("--") for c in list_customers(fresh))
    finally:
        fresh.close()
