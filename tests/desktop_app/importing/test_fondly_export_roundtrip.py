"""A shop's own export comes back whole: names, contacts, birthdays, consent, do-not-contact."""

from __future__ import annotations

from desktop_app.customer_list import export_csv, list_customers
from desktop_app.importing.engine import run_import
from desktop_app.sample_shop import load_sample_shop
from storage.db import open_db

KEPT = ("name", "email", "phone", "birthday_text", "email_consent", "tags", "language",
        "do_not_contact")


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


def test_do_not_contact_only_tightens_and_language_fills_in(tmp_path, db):
    from storage import customers

    keep = customers.insert(db, {"first_name": "Ana", "email": "ana@example.com",
                                 "do_not_contact": True})
    fill = customers.insert(db, {"first_name": "Ben", "email": "ben@example.com",
                                 "language": "de"})
    path = tmp_path / "sheet.csv"
    path.write_text("Name,Email,Do not contact,Language\n"
                    "Ana,ana@example.com,no,French\n"
                    "Ben,ben@example.com,yes,es\n"
                    "Cleo,cleo@example.com,,fr-CA\n", encoding="utf-8")
    result = run_import(db, path)
    assert (result.created, result.updated) == (1, 2)
    assert customers.get(db, keep).do_not_contact is True  # a file never lifts it
    assert customers.get(db, keep).language == "fr"
    assert customers.get(db, fill).do_not_contact is True
    assert customers.get(db, fill).language == "de"  # filled only when empty
    cleo = customers.find_by_email(db, "cleo@example.com")
    assert (cleo.language, cleo.do_not_contact) == ("fr", False)
