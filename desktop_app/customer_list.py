"""Customer services shared by the GUI and CLI: validate, add, save, delete, list, export."""

from __future__ import annotations

import calendar
import csv
import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from sqlite_utils import Database

from desktop_app.changes import Changes
from desktop_app.contacts import is_valid_email, is_valid_phone
from desktop_app.errors import AppError
from storage import audit, customers
from storage.customers import Customer

EXPORT_COLUMNS = (
    "id", "first_name", "last_name", "display_name", "email", "phone", "birthday", "language",
    "email_consent", "do_not_contact", "tags", "notes", "created_at", "updated_at",
)


def validate(values: dict) -> dict:
    """Check an owner's edit and return it cleaned.

    :raises AppError: with a sentence naming the field to fix.
    """
    data = dict(values)
    for key in ("first_name", "last_name", "display_name", "notes", "tags"):
        if key in data:
            data[key] = (data[key] or "").strip()
    if "email" in data:
        email = (data["email"] or "").strip()
        if email and not is_valid_email(email):
            raise AppError(f"“{email}” is not an e-mail address Fondly can write to.",
                           "Check for typos, spaces or a missing part after the @.")
        data["email"] = email or None
    if "phone" in data:
        phone = (data["phone"] or "").strip()
        if phone and not is_valid_phone(phone):
            raise AppError(f"“{phone}” does not look like a phone number.",
                           "Use digits, spaces and + ( ) - only, 7 to 15 digits.")
        data["phone"] = phone or None
    month, day, year = data.get("birth_month"), data.get("birth_day"), data.get("birth_year")
    if month or day:
        if not (month and day and 1 <= month <= 12):
            raise AppError("The birthday needs both a month and a day.")
        if year:
            try:
                dt.date(year, month, day)
            except ValueError:
                raise AppError(f"{day} {calendar.month_name[month]} {year} does not exist.") from None
        elif day > (29 if month == 2 else calendar.monthrange(2001, month)[1]):
            raise AppError(f"{calendar.month_name[month]} has no day {day}.")
    if data.get("email_consent", "unknown") not in ("yes", "no", "unknown"):
        raise AppError("Consent must be yes, no or unknown.")
    return data


def add_customer(db: Database, values: dict) -> tuple[int, Changes]:
    data = validate(values)
    if not (data.get("email") or data.get("phone") or data.get("first_name") or data.get("last_name")
            or data.get("display_name")):
        raise AppError("A customer needs at least a name, an e-mail or a phone number.")
    with db.atomic():
        _refuse_duplicate_email(db, data.get("email"), None)
        new_id = customers.insert(db, data)
        audit.record(db, "customer.add", entity="customer", entity_id=new_id)
    return new_id, Changes(customers=True)


def save_customer(db: Database, customer_id: int, values: dict) -> tuple[Customer, Changes]:
    """Apply the owner's edit; the fields changed are remembered as edited by hand."""
    data = validate(values)
    with db.atomic():
        _refuse_duplicate_email(db, data.get("email"), customer_id)
        try:
            before = customers.get(db, customer_id)
            updated = customers.update(db, customer_id, data, by_owner=True)
        except KeyError:
            raise AppError("That customer was deleted in the meantime.") from None
        changed = sorted(k for k in data if before and getattr(before, k, None) != getattr(updated, k, None))
        if changed:
            audit.record(db, "customer.edit", entity="customer", entity_id=customer_id,
                         detail={"fields": changed})
    return updated, Changes(customers=bool(changed))


def _refuse_duplicate_email(db: Database, email: str | None, own_id: int | None) -> None:
    if not email:
        return
    other = customers.find_by_email(db, email)
    if other is not None and other.id != own_id:
        raise AppError(f"{other.name or 'Another customer'} already has the e-mail {email}.",
                       "Open that customer instead, or use a different address.")


def delete_customers(db: Database, ids: Iterable[int]) -> Changes:
    ids = list(ids)
    with db.atomic():
        customers.delete(db, ids)
        for customer_id in ids:
            audit.record(db, "customer.delete", entity="customer", entity_id=customer_id)
    return Changes(customers=True, drafts=True, outbox=True)


def customer_json(customer: Customer) -> dict:
    """The stable JSON shape of one customer (documented in the README)."""
    return {
        "id": customer.id,
        "name": customer.name,
        "first_name": customer.first_name,
        "last_name": customer.last_name,
        "email": customer.email,
        "phone": customer.phone,
        "birthday": customer.birthday_text or None,
        "language": customer.language,
        "email_consent": customer.email_consent,
        "do_not_contact": customer.do_not_contact,
        "tags": [t.strip() for t in customer.tags.split(",") if t.strip()],
        "notes": customer.notes,
        "created_at": customer.created_at,
        "updated_at": customer.updated_at,
    }


def list_customers(db: Database, *, search: str = "", order_by: str = "display_name") -> list[Customer]:
    ids = customers.ordered_ids(db, search=search, order_by=order_by)
    result: list[Customer] = []
    for start in range(0, len(ids), 1000):
        chunk = ids[start : start + 1000]
        rows = customers.rows_by_ids(db, chunk)
        result.extend(rows[i] for i in chunk if i in rows)
    return result


def neutralise_cell(value: str) -> str:
    """Keep spreadsheet programs from running a cell as a formula.

    >>> neutralise_cell('=HYPERLINK("http://x")'), neutralise_cell('Ann')
    ('\\'=HYPERLINK("http://x")', 'Ann')
    """
    if value and value[0] in "=+-@\t\r":
        return "'" + value
    return value


def export_csv(db: Database, path: Path) -> int:
    """Write every customer to *path* as UTF-8 with BOM (Excel opens it); returns the row count."""
    rows = 0
    try:
        with open(path, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(EXPORT_COLUMNS)
            for customer in list_customers(db):
                data = customer.to_dict()
                data["birthday"] = customer.birthday_text
                data["do_not_contact"] = "yes" if customer.do_not_contact else "no"
                writer.writerow([neutralise_cell(str(data.get(c) or "")) for c in EXPORT_COLUMNS])
                rows += 1
    except OSError as exc:
        raise AppError(f"Could not write {path}: {exc.strerror}.", "Choose another place to save.") from exc
    return rows
