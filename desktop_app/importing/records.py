"""One data row → an accepted candidate customer or a rejection (contract rules 7–14)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from desktop_app.contacts import clean_email, clean_phone, is_valid_email, is_valid_phone
from desktop_app.importing.birthdays import (
    MONTH_FIRST,
    Birthday,
    InvalidBirthday,
    parse_birthday,
)
from desktop_app.importing.formats import FIELDS, Mapping

REASONS = {
    "invalid_email": "The e-mail address is not valid",
    "invalid_phone": "The phone number is not valid",
    "no_contact": "No e-mail or phone",
}
WARNINGS = {
    "invalid_email_dropped": "E-mail not valid — kept the customer by phone, dropped the address",
    "invalid_phone_dropped": "Phone not valid — kept the customer, dropped the number",
    "invalid_birthday": "Birthday does not exist — kept the customer, dropped the date",
}

_YES = {"yes", "y", "true", "ja", "j", "x", "1", "oui", "si", "sí", "subscribed", "opted in",
        "wahr", "vrai"}
_NO = {"no", "n", "false", "nein", "0", "non", "unsubscribed", "never subscribed",
       "not subscribed", "opted out", "falsch", "faux"}


def consent_of(cell: str) -> str:
    """``yes`` / ``no`` / ``unknown`` from any exporter's wording (rule 11).

    >>> consent_of(" Subscribed"), consent_of("Never subscribed"), consent_of("")
    ('yes', 'no', 'unknown')
    """
    value = cell.strip().lower()
    if value in _YES:
        return "yes"
    if value in _NO:
        return "no"
    return "unknown"


class Candidate(NamedTuple):
    """An accepted row, ready to create or merge into a customer (a NamedTuple: one is built
    per row, and tuples build several times faster than frozen dataclasses)."""

    row: int
    key: str
    display_name: str
    first_name: str
    last_name: str
    email: str | None
    phone: str | None
    birthday: Birthday | None
    consent: str
    notes: str
    tags: str
    shopify_id: str | None
    square_id: str | None
    warnings: tuple[str, ...]
    birthday_text: str = ""  # the cell, for the invalid_birthday message


@dataclass(frozen=True)
class Rejection:
    row: int
    reason: str
    name: str
    email: str
    phone: str


def text(cell: object) -> str:
    if cell is None:
        return ""
    if isinstance(cell, dt.date):
        return cell.isoformat()
    return str(cell)


def is_blank(cells: Sequence[object]) -> bool:
    try:
        return not "".join(cells).strip()  # the fast path: every cell is text (CSV)
    except TypeError:
        return all(not text(c).strip() for c in cells)


class RowReader:
    """Applies a mapping to rows. ``slash_orders`` holds the day/month order of slash dates."""

    def __init__(self, mapping: Mapping) -> None:
        self.mapping = mapping
        self.slash_order = MONTH_FIRST
        self._columns = {name: mapping.columns.get(name, ()) for name in FIELDS}

    def cell(self, cells: Sequence[object], field_name: str) -> object:
        for index in self._columns[field_name]:
            if index < len(cells):
                value = cells[index]
                if value.__class__ is str:  # hot path: called ~10 times per row
                    if value and not value.isspace():
                        return value
                elif text(value).strip():
                    return value
        return None

    def value(self, cells: Sequence[object], field_name: str) -> str:
        value = self.cell(cells, field_name)
        if value is None:
            return ""
        return value.strip() if value.__class__ is str else text(value).strip()

    def name_parts(self, cells: Sequence[object]) -> tuple[str, str, str]:
        first = self.value(cells, "first_name")
        last = self.value(cells, "last_name")
        full = self.value(cells, "name")
        joined = " ".join(p for p in (first, last) if p)
        display = (full or joined) if self.mapping.name_first else (joined or full)
        return display, first, last

    def birthday_cell(self, cells: Sequence[object]) -> object:
        value = self.cell(cells, "birthday")
        if value is not None:
            return value
        month, day = self.value(cells, "birth_month"), self.value(cells, "birth_day")
        if month.isdigit() and day.isdigit():
            year = self.value(cells, "birth_year")
            stem = f"{int(month):02d}-{int(day):02d}"
            return f"{int(year):04d}-{stem}" if year.isdigit() and len(year) == 4 else f"--{stem}"
        return None

    def read(self, number: int, cells: Sequence[object]) -> Candidate | Rejection:
        display, first, last = self.name_parts(cells)
        email_cell = self.value(cells, "email")
        phone_cell = self.value(cells, "phone")
        email = clean_email(email_cell)
        phone = clean_phone(phone_cell)
        email_ok = bool(email) and is_valid_email(email)
        phone_ok = bool(phone) and is_valid_phone(phone)
        warnings: list[str] = []
        if email_ok:
            key = "email:" + email.lower()
            if phone and not phone_ok:
                warnings.append("invalid_phone_dropped")
        elif email and phone_ok:
            key = "phone:" + "".join(ch for ch in phone if ch.isdigit())
            warnings.append("invalid_email_dropped")
        elif email:
            return Rejection(number, "invalid_email", display, email_cell, phone_cell)
        elif phone_ok:
            key = "phone:" + "".join(ch for ch in phone if ch.isdigit())
        elif phone:
            return Rejection(number, "invalid_phone", display, email_cell, phone_cell)
        else:
            return Rejection(number, "no_contact", display, email_cell, phone_cell)

        raw_birthday = self.birthday_cell(cells)
        try:
            birthday = parse_birthday(raw_birthday, order=self.slash_order)
        except InvalidBirthday:
            birthday = None
            warnings.append("invalid_birthday")
        consent = self.mapping.consent_constant or consent_of(self.value(cells, "consent"))
        return Candidate(
            row=number,
            key=key,
            display_name=display,
            first_name=first,
            last_name=last,
            email=email if email_ok else None,
            phone=phone if phone_ok else None,
            birthday=birthday,
            consent=consent,
            notes=text(self.cell(cells, "notes")),
            tags=self.value(cells, "tags"),
            shopify_id=self.value(cells, "shopify_id").lstrip("'") or None,
            square_id=self.value(cells, "square_id") or None,
            warnings=tuple(warnings),
            birthday_text=text(raw_birthday).strip(),
        )
