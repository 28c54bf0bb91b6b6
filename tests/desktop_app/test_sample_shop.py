"""The sample bakery: what it holds, that today's birthdays are near, and that it refuses a shop."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from desktop_app.errors import AppError
from desktop_app.sample_shop import holds_a_shop, load_sample_shop, read_sample
from desktop_app.settings import load_settings
from storage import customers
from storage.timestamps import to_iso


def _all(db):
    return list(customers.rows_by_ids(db, customers.ordered_ids(db)).values())


def test_loads_the_bakery_into_an_empty_store(db):
    assert not holds_a_shop(db)
    changes = load_sample_shop(db, today=dt.date(2026, 11, 26))
    assert changes.customers and changes.products and changes.settings

    settings = load_settings(db)
    assert (settings.shop_name, settings.owner_name) == ("Rosemary & Rye Bakery", "Maren")
    assert (settings.language, settings.country, settings.currency) == ("en", "US", "USD")

    people = _all(db)
    assert 150 <= len(people) <= 250
    consent = Counter(c.email_consent for c in people)
    assert consent["yes"] and consent["no"] and consent["unknown"]
    assert 1 <= sum(c.do_not_contact for c in people) <= 10
    assert {"en", "de", "fr", "es"} <= {c.language for c in people}
    assert sum(c.notes.startswith("Complaint") for c in people) in (1, 2)
    assert any(c.tags for c in people)
    # Several scripts: Latin with accents, CJK, Cyrillic, Arabic, Greek.
    names = "".join(c.name for c in people)
    for low, high in ((0x0400, 0x04FF), (0x0600, 0x06FF), (0x0370, 0x03FF), (0x4E00, 0x9FFF)):
        assert any(low <= ord(ch) <= high for ch in names), hex(low)
    # Reserved domains and fictional phone numbers only.
    for c in people:
        if c.email:
            assert c.email.rsplit("@", 1)[1] in ("example.com", "example.net", "example.org",
                                                  "mail.example.org")
        if c.phone:
            assert "-555-01" in c.phone

    counts = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("products", "waitlist", "visits")}
    assert 10 <= counts["products"] <= 14
    assert 3 <= counts["waitlist"] <= 12
    assert 200 <= counts["visits"] <= 600
    assert db.execute("SELECT count(*) FROM products WHERE stock = 0").fetchone()[0] >= 2


def test_birthdays_cover_the_year_with_one_feb29_and_some_yearless(db):
    load_sample_shop(db, today=dt.date(2026, 11, 26))
    people = [c for c in _all(db) if c.birth_month]
    assert {c.birth_month for c in people} == set(range(1, 13))
    assert sum((c.birth_month, c.birth_day) == (2, 29) for c in people) == 1
    assert any(c.birth_year is None for c in people)
    assert any(c.birth_year for c in people)
    assert any(c.birth_month is None for c in _all(db))


@pytest.mark.parametrize("today", [dt.date(2026, 11, 26), dt.date(2027, 12, 30),
                                   dt.date(2028, 2, 27)])
def test_several_birthdays_fall_in_the_next_days_of_today(db, today):
    load_sample_shop(db, today=today)
    soon = {(today + dt.timedelta(days=n)).timetuple()[1:3] for n in range(4)}
    near = [c for c in _all(db) if (c.birth_month, c.birth_day) in soon]
    assert len(near) >= 3
    assert any(c.email_consent == "yes" and c.email and not c.do_not_contact for c in near)
    # Even when a relative birthday crosses a leap day, Feb 29 stays unique.
    assert sum((c.birth_month, c.birth_day) == (2, 29) for c in _all(db)) == 1


def test_visits_and_waitlist_lie_in_the_past_year(db):
    now = dt.datetime(2026, 11, 26, 12, 0, tzinfo=dt.UTC)
    load_sample_shop(db, today=now.date(), now=now)
    first, last = db.execute("SELECT min(at), max(at) FROM visits").fetchone()
    assert to_iso(now - dt.timedelta(days=366)) <= first <= last <= to_iso(now)
    assert db.execute("SELECT count(*) FROM visits WHERE points <= 0").fetchone()[0] == 0
    open_entries = db.execute(
        "SELECT count(*) FROM waitlist w JOIN products p ON p.id = w.product_id "
        "WHERE w.fulfilled_at IS NULL AND p.stock = 0").fetchone()[0]
    assert open_entries >= 3


def test_refuses_a_store_that_holds_a_shop_and_changes_nothing(db):
    customers.insert(db, {"first_name": "Ann", "email": "ann@example.com"})
    with pytest.raises(AppError, match="already holds a shop"):
        load_sample_shop(db)
    assert customers.count(db) == 1
    assert load_settings(db).shop_name == ""
    assert db.execute("SELECT count(*) FROM products").fetchone()[0] == 0


def test_refuses_to_load_twice(db):
    load_sample_shop(db)
    before = customers.count(db)
    with pytest.raises(AppError):
        load_sample_shop(db)
    assert customers.count(db) == before


def test_sample_is_searchable(db):
    load_sample_shop(db)
    # FTS is fed by triggers: accents are folded, prefixes match.
    sample_names = {p["last_name"] for p in read_sample()["customers"]}
    assert "Müller" in sample_names or "Álvarez" in sample_names
    target = "Müller" if "Müller" in sample_names else "Álvarez"
    folded = target.replace("ü", "u").replace("Á", "A")[:4]
    found = customers.rows_by_ids(db, customers.ordered_ids(db, search=folded))
    assert any(c.last_name == target for c in found.values())


def test_refuses_a_shop_that_has_settings_but_no_customers_yet(db):
    from desktop_app.settings import Settings, save_settings

    save_settings(db, Settings(shop_name="Maren's Own", owner_name="Maren"))
    with pytest.raises(AppError):
        load_sample_shop(db)
    assert customers.count(db) == 0
    assert load_settings(db).shop_name == "Maren's Own"
