"""The sample bakery, Rosemary & Rye in Portland, loaded into an empty store from resources/."""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources

from sqlite_utils import Database

from desktop_app.changes import Changes
from desktop_app.errors import AppError
from desktop_app.settings import Settings, load_settings, save_settings
from storage import audit, bulk, customers
from storage.timestamps import to_iso, utc_now

# Read through importlib.resources so that it works from a wheel and from a frozen bundle.
SAMPLE_PACKAGE = "resources"
SAMPLE_PATH = ("sample_shop", "bakery.json")


def read_sample() -> dict:
    """The sample as stored: dates are relative ("days ago", "in N days")."""
    source = resources.files(SAMPLE_PACKAGE).joinpath(*SAMPLE_PATH)
    return json.loads(source.read_text(encoding="utf-8"))


def birthday_fields(birthday: dict | None, today: dt.date) -> dict:
    """Month, day and year of a sample birthday, resolving "in N days" against *today*.

    A relative birthday that would land on Feb 29 moves to Mar 1: the sample has exactly one
    Feb 29 birthday, planted on purpose.

    >>> birthday_fields({"in_days": 2, "year": None}, dt.date(2026, 12, 30))
    {'birth_month': 1, 'birth_day': 1, 'birth_year': None}
    >>> birthday_fields({"in_days": 1, "year": 1990}, dt.date(2028, 2, 28))
    {'birth_month': 3, 'birth_day': 1, 'birth_year': 1990}
    """
    if not birthday:
        return {"birth_month": None, "birth_day": None, "birth_year": None}
    if "in_days" in birthday:
        day = today + dt.timedelta(days=birthday["in_days"])
        month, mday = (3, 1) if (day.month, day.day) == (2, 29) else (day.month, day.day)
        return {"birth_month": month, "birth_day": mday, "birth_year": birthday.get("year")}
    return {"birth_month": birthday["month"], "birth_day": birthday["day"],
            "birth_year": birthday.get("year")}


def holds_a_shop(db: Database) -> bool:
    """True when the store already has a shop (its settings saved, or any customer)."""
    return load_settings(db).has_shop or customers.count(db) > 0


def load_sample_shop(
    db: Database, *, today: dt.date | None = None, now: dt.datetime | None = None
) -> Changes:
    """Fill an empty store with the sample bakery, all in one transaction.

    *today* is the shop's local date (birthdays "in N days" count from it); *now* the UTC time
    that "days ago" counts back from.

    :raises AppError: when the store already holds a shop (nothing is changed then).
    """
    sample = read_sample()
    today = today or dt.date.today()
    now = now or utc_now()

    def ago(days: int, minutes: int = 0) -> str:
        return to_iso(now - dt.timedelta(days=days, minutes=minutes))

    with db.atomic():
        # Checked inside the transaction, so two loads cannot both see an empty store.
        if holds_a_shop(db):
            raise AppError(
                "This data folder already holds a shop; the sample bakery was not loaded.",
                "Use an empty folder (--data-dir DIR) to explore the sample.",
            )
        save_settings(db, Settings().replace(**sample["settings"]))
        customer_ids = []
        for person in sample["customers"]:
            values = {
                key: person[key]
                for key in ("first_name", "last_name", "display_name", "email", "phone",
                            "language", "email_consent", "consent_source", "do_not_contact",
                            "notes", "tags")
            }
            values.update(birthday_fields(person["birthday"], today))
            if person.get("consent_days_ago") is not None:
                values["consent_at"] = ago(person["consent_days_ago"])
            joined = ago(person["joined_days_ago"])
            customer_ids.append(
                customers.insert(db, {**values, "created_at": joined}, now=joined)
            )
        product_ids = {
            product["sku"]: bulk.insert_row(
                db, "products", {**product, "created_at": ago(400), "updated_at": ago(3)}
            )
            for product in sample["products"]
        }
        bulk.insert_rows(
            db, "waitlist", ("customer_id", "product_id", "note", "asked_at", "fulfilled_at"),
            [
                (customer_ids[w["customer"]], product_ids[w["sku"]], w["note"],
                 ago(w["asked_days_ago"]),
                 ago(w["fulfilled_days_ago"]) if w.get("fulfilled_days_ago") is not None else None)
                for w in sample["waitlist"]
            ],
        )
        # Visits spread over the opening hours rather than all at the same minute.
        bulk.insert_rows(
            db, "visits", ("customer_id", "at", "amount", "points", "source"),
            [
                (customer_ids[v["customer"]], ago(v["days_ago"], minutes=(i * 37) % 540),
                 v["amount"], v["points"], "sample")
                for i, v in enumerate(sample["visits"])
            ],
        )
        audit.record(db, "sample.load", entity="shop",
                     detail={"customers": len(customer_ids), "products": len(product_ids)})
    return Changes(customers=True, products=True, settings=True)
