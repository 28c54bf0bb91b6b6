"""A deterministic shop of SIZE customers for benchmarks: a Fondly store plus a Shopify-shaped CSV.

    python -m bench.make_shop 100000 bench/out/shop-100000

Customers have names in many scripts, birthdays across the year (some year-less, some Feb 29),
mixed consent, a few do-not-contact, notes and tags; there are products, waitlist entries and
visits. Rows go straight into the store with ``executemany`` in one transaction.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench.names import POOLS, display_name
from storage import bulk
from storage.customers import phone_key
from storage.db import DB_FILENAME, open_db
from storage.timestamps import to_iso

# Bump when the shape changes, so cached shops under bench/out/ are rebuilt.
GENERATOR_VERSION = 3
SEED = 7
CSV_NAME = "shopify_customers.csv"
# The exact header of a Shopify customers export with the birth-date metafield column.
SHOPIFY_HEADER = [
    "Customer ID", "First Name", "Last Name", "Email", "Accepts Email Marketing",
    "Default Address Company", "Default Address Address1", "Default Address Address2",
    "Default Address City", "Default Address Province Code", "Default Address Country Code",
    "Default Address Zip", "Default Address Phone", "Phone", "Accepts SMS Marketing",
    "Total Spent", "Total Orders", "Note", "Tax Exempt", "Tags",
    "Birth date (customer.metafields.facts.birth_date)",
]
CUSTOMER_COLUMNS = (
    "first_name", "last_name", "display_name", "email", "email_key", "phone", "phone_key",
    "birth_month", "birth_day", "birth_year", "language", "email_consent", "consent_source",
    "consent_at", "do_not_contact", "notes", "tags", "shopify_id", "created_at", "updated_at",
)
NOW = dt.datetime(2026, 11, 1, 12, 0, tzinfo=dt.UTC)  # fixed, so the shop is reproducible
MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
DOMAINS = ("example.com", "example.net", "example.org", "mail.example.com", "shop.example.org")
# 555-0100…0199 is fictional in every North American area code: NXX codes without N11.
AREA_CODES = tuple(n for n in range(200, 1000) if n % 100 != 11 and (n // 10) % 10 != 9)
CITIES = (("Portland", "OR", "972"), ("Vancouver", "WA", "986"), ("Seattle", "WA", "981"),
          ("Beaverton", "OR", "970"))
TAGS = ("regular", "sourdough-club", "VIP", "wholesale", "cake-orders", "gluten-free", "newsletter")
NOTES = ("Nut allergy.", "Prefers rye over wheat.", "Orders a cake every June.",
         "Complaint: a late order in spring; apologised.", "Picks up for the office on Fridays.")
PRODUCT_NAMES = ("Country Sourdough", "Seeded Rye", "Baguette", "Croissant", "Pain au Chocolat",
                 "Cardamom Bun", "Cinnamon Roll", "Focaccia", "Gluten-free Loaf", "Stollen",
                 "Lemon Tart", "Celebration Cake")


@dataclass(frozen=True)
class ShopFiles:
    folder: Path
    db_path: Path
    csv_path: Path
    size: int


class _Clock:
    """ISO timestamps for whole seconds before NOW, from a table of day prefixes: ~10× cheaper
    than a datetime per row, which matters for the ~3 million timestamps of a 1M shop."""

    def __init__(self) -> None:
        self._epoch = int(NOW.timestamp())
        self._days: dict[int, str] = {}

    def iso_before(self, seconds: int) -> str:
        moment = self._epoch - seconds
        day, second = divmod(moment, 86400)
        prefix = self._days.get(day)
        if prefix is None:
            prefix = self._days[day] = dt.date.fromordinal(day + 719163).isoformat()  # 1970-01-01
        hour, rest = divmod(second, 3600)
        return f"{prefix}T{hour:02d}:{rest // 60:02d}:{rest % 60:02d}.000000+00:00"


def _birthday(r) -> tuple[int | None, int | None, int | None]:
    roll = r()
    if roll < 0.12:
        return None, None, None
    month = int(r() * 12)
    day = int(r() * MONTH_DAYS[month]) + 1
    yearless = roll < 0.30
    if (month, day) == (1, 29):
        # Feb 29 with a year only in leap years.
        return 2, 29, None if yearless else 1944 + 4 * int(r() * 16)
    return month + 1, day, None if yearless else 1940 + int(r() * 68)


def _fictional_phone(n: int) -> str:
    return f"+1 {AREA_CODES[n % len(AREA_CODES)]}-555-01{n // len(AREA_CODES):02d}"


_CONSENT = ("yes",) * 58 + ("unknown",) * 30 + ("no",) * 12  # 58 / 30 / 12 %
_TAG_COUNTS = (0, 0, 1, 1, 2)


def _people(size: int, seed: int, clock: _Clock):
    """Yields (customer row tuple, shopify csv row) for each customer.

    One ``random()`` call per choice, indexing tuples: this loop runs a million times for P7.
    """
    rng = random.Random(seed)
    r = rng.random
    # A pool per percent of weight, so that picking one is one index.
    by_percent = []
    for pool, weight in POOLS:
        by_percent.extend([pool] * weight)
    spread = len(by_percent)
    used: dict[str, int] = {}
    phone_only = 0
    phone_range = len(AREA_CODES) * 100
    n_tags, n_notes, n_cities, n_domains = len(TAGS), len(NOTES), len(CITIES), len(DOMAINS)
    for i in range(size):
        pool = by_percent[int(r() * spread)]
        first, first_ascii = pool.firsts[int(r() * len(pool.firsts))]
        last, last_ascii = pool.lasts[int(r() * len(pool.lasts))]
        name = display_name(pool, first, last)
        email = email_lower = phone = phone_digits = None
        # Phone-only customers are told apart by their phone, so theirs are unique (the fictional
        # range holds ~70,000 numbers); the others' phones may repeat, as households' do.
        if r() < 0.06 and phone_only < phone_range:
            phone = _fictional_phone(phone_only)
            phone_only += 1
        else:
            local = f"{first_ascii}.{last_ascii}"
            n = used.get(local, 0)
            used[local] = n + 1
            email = f"{local}{n if n else ''}@{DOMAINS[i % n_domains]}"
            email_lower = email.lower()
            if r() < 0.5:
                phone = _fictional_phone(int(r() * phone_range))
        if phone is not None:
            phone_digits = phone_key(phone)
        month, day, year = _birthday(r)
        consent = _CONSENT[int(r() * 100)]
        consent_at = clock.iso_before(86400 * (1 + int(r() * 900))) if consent != "unknown" else None
        notes = NOTES[int(r() * n_notes)] if r() < 0.08 else ""
        tag_count = _TAG_COUNTS[int(r() * 5)]
        tags = ", ".join(sorted({TAGS[int(r() * n_tags)] for _ in range(tag_count)}))
        created = clock.iso_before(86400 * (1 + int(r() * 1500)) + int(r() * 86400))
        shopify_id = str(7_210_448_000_000 + i * 7919)
        dnc = 1 if r() < 0.01 else 0
        row = (first, last, name, email, email_lower, phone, phone_digits, month, day, year,
               pool.language, consent, "shopify" if consent != "unknown" else None, consent_at, dnc,
               notes, tags, shopify_id, created, created)
        city, province, zip_prefix = CITIES[i % n_cities]
        if year:
            birth = f"{year:04d}-{month:02d}-{day:02d}"
        elif month:
            birth = f"--{month:02d}-{day:02d}"
        else:
            birth = ""
        orders = int(r() * 41)
        csv_row = [
            f"'{shopify_id}", first, last, email or "", "yes" if consent == "yes" else "no", "",
            f"{100 + int(r() * 99900)} Market St", "", city, province, "US",
            f"{zip_prefix}{int(r() * 100):02d}", "", f"'{phone}" if phone else "",
            "no", f"{orders * (4 + r() * 26):.2f}", str(orders), notes, "no", tags, birth,
        ]
        yield row, csv_row


def make_shop(size: int, folder: Path, *, seed: int = SEED) -> ShopFiles:
    """Write a shop of *size* customers into *folder* (which must not hold a store yet).

    About 60 s for 1,000,000 customers on 2 cores: rows go in with ``executemany`` in one
    transaction, the customers' indexes and FTS index are built once after (a sort each rather
    than a million random b-tree inserts), and the page cache is large while loading.
    """
    folder.mkdir(parents=True, exist_ok=True)
    db_path = folder / DB_FILENAME
    if db_path.exists():
        raise FileExistsError(db_path)
    csv_path = folder / CSV_NAME
    db = open_db(db_path)
    # A throwaway file until it is complete (cached_shop marks it): no journal or fsync needed.
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    db.execute("PRAGMA cache_size=-400000")  # KiB: the indexes of a 1M shop sort in memory
    rng = random.Random(seed + 1)
    clock = _Clock()
    with db.atomic(), open(csv_path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(SHOPIFY_HEADER)
        rows = []
        with bulk.customers_fts_paused(db), bulk.indexes_paused(db, "customers"):
            for row, csv_row in _people(size, seed, clock):
                rows.append(row)
                writer.writerow(csv_row)
                if len(rows) == 10_000:
                    bulk.insert_rows(db, "customers", CUSTOMER_COLUMNS, rows)
                    rows = []
            bulk.insert_rows(db, "customers", CUSTOMER_COLUMNS, rows)

        stamp = to_iso(NOW)
        products = [(f"SKU-{n:04d}", PRODUCT_NAMES[n % len(PRODUCT_NAMES)],
                     f"Batch {n // len(PRODUCT_NAMES) + 1}", 0 if n % 5 == 0 else rng.randint(1, 60),
                     f"{rng.uniform(3, 60):.2f}", stamp, stamp)
                    for n in range(max(12, min(500, size // 200)))]
        bulk.insert_rows(db, "products", ("sku", "name", "variant", "stock", "price", "created_at",
                                          "updated_at"), products)
        sold_out = [n + 1 for n, p in enumerate(products) if p[3] == 0]
        r = rng.random
        bulk.insert_rows(
            db, "waitlist", ("customer_id", "product_id", "asked_at"),
            ((1 + int(r() * size), sold_out[int(r() * len(sold_out))],
              clock.iso_before(86400 * (1 + int(r() * 120)))) for _ in range(max(5, size // 50))),
        )

        visit_counts = (0, 0, 1, 1, 2, 3, 4, 8)

        def visits():
            for customer_id in range(1, size + 1):
                for _ in range(visit_counts[int(r() * 8)]):
                    amount = round(3.5 + r() * 76.5, 2)
                    yield (customer_id, clock.iso_before(60 * int(r() * 525_600)), amount,
                           int(amount), "pos")

        with bulk.indexes_paused(db, "visits"):
            bulk.insert_rows(db, "visits", ("customer_id", "at", "amount", "points", "source"),
                             visits())
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA analysis_limit=2000")  # statistics from a sample: seconds saved at 1M
    db.execute("ANALYZE")
    db.close()
    return ShopFiles(folder, db_path, csv_path, size)


def cached_shop(size: int, root: Path) -> ShopFiles:
    """The shop of *size* under *root*, made on first use (a marker says it is complete)."""
    folder = root / f"shop-{size}-v{GENERATOR_VERSION}"
    marker = folder / "complete"
    files = ShopFiles(folder, folder / DB_FILENAME, folder / CSV_NAME, size)
    if marker.exists():
        return files
    if folder.exists():
        for path in folder.iterdir():
            path.unlink()
    make_shop(size, folder)
    marker.write_text("ok\n")
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.make_shop", description=__doc__.split("\n")[0])
    parser.add_argument("size", type=int)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        files = make_shop(args.size, args.folder, seed=args.seed)
    except FileExistsError as exc:
        print(f"make_shop: {exc} exists; choose an empty folder.", file=sys.stderr)
        return 1
    print(f"{files.size:,} customers in {files.db_path} and {files.csv_path} "
          f"({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
