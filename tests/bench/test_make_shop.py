"""The benchmark shop generator: deterministic, realistic in shape, CSV header exactly Shopify's."""

from __future__ import annotations

import csv
import hashlib
from collections import Counter

from bench.make_shop import SHOPIFY_HEADER, cached_shop, make_shop
from storage import customers
from storage.db import open_db


def test_header_is_exactly_the_shopify_sample_header(samples_dir):
    with open(samples_dir / "shopify_customers.csv", encoding="utf-8", newline="") as handle:
        assert next(csv.reader(handle)) == SHOPIFY_HEADER


def test_shop_has_the_promised_shape(tmp_path):
    files = make_shop(3000, tmp_path / "shop")
    db = open_db(files.db_path)
    assert customers.count(db) == 3000
    people = list(customers.rows_by_ids(db, customers.ordered_ids(db)).values())
    assert Counter(c.email_consent for c in people).keys() == {"yes", "no", "unknown"}
    assert any((c.birth_month, c.birth_day) == (2, 29) for c in people)
    assert any(c.birth_month and c.birth_year is None for c in people)
    assert any(c.birth_month is None for c in people)
    assert any(c.do_not_contact for c in people)
    # Under the import contract the key is the e-mail, else the phone: every row is its own
    # customer, so an import of the CSV must find exactly SIZE customers.
    phone_only = [c.phone_key for c in people if not c.email]
    assert phone_only and len(set(phone_only)) == len(phone_only)
    assert all(c.email or c.phone for c in people)
    assert {"en", "de", "fr", "es"} <= {c.language for c in people}
    names = "".join(c.name for c in people)
    for low, high in ((0x0400, 0x04FF), (0x0600, 0x06FF), (0x4E00, 0x9FFF), (0xAC00, 0xD7AF)):
        assert any(low <= ord(ch) <= high for ch in names), hex(low)
    for table in ("products", "waitlist", "visits"):
        assert db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > 0, table
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    # Search works: the FTS index was rebuilt and its triggers are back.
    assert customers.ordered_ids(db, search=people[0].first_name)
    new_id = customers.insert(db, {"first_name": "Zzyzx", "email": "zzyzx@example.com"})
    assert customers.ordered_ids(db, search="zzyz") == [new_id]
    db.close()

    with open(files.csv_path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == SHOPIFY_HEADER
    assert len(rows) == 3001
    by_email = {r[3].lower(): r for r in rows[1:] if r[3]}
    for c in people[:200]:
        if c.email:
            row = by_email[c.email.lower()]
            assert (row[1], row[2]) == (c.first_name, c.last_name)
            assert row[20] == c.birthday_text


def test_same_seed_same_shop(tmp_path):
    a = make_shop(500, tmp_path / "a")
    b = make_shop(500, tmp_path / "b")
    assert hashlib.sha256(a.csv_path.read_bytes()).digest() == \
        hashlib.sha256(b.csv_path.read_bytes()).digest()


def test_cached_shop_is_made_once(tmp_path):
    first = cached_shop(200, tmp_path)
    stamp = first.db_path.stat().st_mtime_ns
    again = cached_shop(200, tmp_path)
    assert again.db_path == first.db_path and again.db_path.stat().st_mtime_ns == stamp
