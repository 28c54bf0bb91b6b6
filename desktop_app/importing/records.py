"""One data row → an accepted candidate customer or a rejection (contract rules 7–14)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import NamedTuple

from desktop_app.contacts import clean_email, clean_phone, is_valid_email, is_valid_phone
from desktop_app.importing.birthdays import (
    MONTH_FIRST,
    Birthday,
    InvalidBirthday,
    is_slash_date,
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

# The common shape of an address, which is_valid_email always accepts (dot-separated atoms,
# hyphens only inside domain labels, an alphabetic TLD other than "invalid"): one regex match
# per row; only the other addresses take the full rule. re.ASCII keeps IGNORECASE from letting
# the Kelvin sign or the long s match [a-z].
_PLAIN_EMAIL = re.compile(
    r"[a-z0-9_+-]+(?:\.[a-z0-9_+-]+)*@[a-z0-9]+(?:-+[a-z0-9]+)*(?:\.[a-z0-9]+(?:-+[a-z0-9]+)*)*"
    r"\.(?!invalid\Z)[a-z]{2,}",
    re.ASCII | re.IGNORECASE,
)

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
    language: str | None = None
    do_not_contact: bool = False


@dataclass(frozen=True)
class Rejection:
    row: int
    reason: str
    name: str
    email: str
    phone: str


TRUE_WORDS = frozenset({"yes", "y", "true", "1", "x", "ja", "oui", "sí", "si", "wahr", "vrai"})


def language_of(cell: str) -> str | None:
    """A language code the templates know a variant for, from a code or an English name.

    >>> language_of("de"), language_of("French"), language_of("es-MX"), language_of("Klingon")
    ('de', 'fr', 'es', None)
    """
    word = cell.strip().lower()
    if not word:
        return None
    names = {"english": "en", "german": "de", "deutsch": "de", "french": "fr",
             "français": "fr", "francais": "fr", "spanish": "es", "español": "es",
             "espanol": "es"}
    if word in names:
        return names[word]
    code = word.replace("_", "-").split("-", 1)[0]
    return code if len(code) == 2 and code.isalpha() else None


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
    """Applies a mapping to rows.

    ``slash_order`` is the day/month order of slash dates; when the first slash date turns up
    and ``decide_slash_order`` is set, it is called once to decide it for the whole column.
    """

    def __init__(self, mapping: Mapping) -> None:
        self.mapping = mapping
        self.slash_order = MONTH_FIRST
        self.decide_slash_order: Callable[[], str] | None = None
        self._columns = {name: mapping.columns.get(name, ()) for name in FIELDS}
        self._mapped = [(name, idx) for name, idx in self._columns.items() if idx]
        # The fast path of cells_by_field: fields read from one column are fetched at once with
        # an itemgetter and trimmed with one map(str.strip); several-column fields (a Shopify
        # phone) keep the general loop.
        single = [(name, idx[0]) for name, idx in self._mapped if len(idx) == 1]
        self._single_names = tuple(name for name, _ in single)
        self._single_get = (itemgetter(*(i for _, i in single)) if len(single) > 1 else None)
        self._single_need = max((i for _, i in single), default=0) + 1
        self._multi = [(name, idx) for name, idx in self._mapped if len(idx) > 1]
        notes = self._columns["notes"]
        self._notes_index = notes[0] if len(notes) == 1 else None

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

    def cells_by_field(self, cells: Sequence[object]) -> dict[str, object]:
        """The first non-empty cell of every mapped field, in one pass (the per-row hot path).

        Values are trimmed text, except ``notes`` (verbatim) and ``birthday`` (an XLSX date
        stays a date).
        """
        getter = self._single_get
        if getter is not None and len(cells) >= self._single_need:
            try:
                trimmed = map(str.strip, getter(cells))
                found = {name: value for name, value in
                         zip(self._single_names, trimmed, strict=True) if value}
            except TypeError:  # a cell that is not text (XLSX): the general path
                pass
            else:
                if "notes" in found and self._notes_index is not None:
                    found["notes"] = cells[self._notes_index]  # notes stay verbatim
                if self._multi:
                    self._fill(found, cells, self._multi)
                return found
        found = {}
        self._fill(found, cells, self._mapped)
        return found

    @staticmethod
    def _fill(found: dict[str, object], cells: Sequence[object],
              mapped: list[tuple[str, tuple[int, ...]]]) -> None:
        size = len(cells)
        for field_name, indexes in mapped:
            for index in indexes:
                if index < size:
                    value = cells[index]
                    if value.__class__ is str:
                        stripped = value.strip()
                        if stripped:
                            found[field_name] = value if field_name == "notes" else stripped
                            break
                    elif value is not None:
                        shown = text(value)
                        if shown.strip():
                            found[field_name] = (value if field_name == "birthday" else
                                                 shown if field_name == "notes" else shown.strip())
                            break

    @staticmethod
    def _text(found: dict[str, object], field_name: str) -> str:
        value = found.get(field_name)
        if value is None:
            return ""
        return value if value.__class__ is str else text(value).strip()

    def name_parts(self, cells: Sequence[object]) -> tuple[str, str, str]:
        return self._names(self.cells_by_field(cells))

    def _names(self, found: dict[str, object]) -> tuple[str, str, str]:
        first = self._text(found, "first_name")
        last = self._text(found, "last_name")
        full = self._text(found, "name")
        joined = f"{first} {last}" if first and last else (first or last)
        display = (full or joined) if self.mapping.name_first else (joined or full)
        return display, first, last

    def birthday_cell(self, cells: Sequence[object]) -> object:
        return self._birthday_cell(self.cells_by_field(cells))

    def _birthday_cell(self, found: dict[str, object]) -> object:
        value = found.get("birthday")
        if value is not None:
            return value
        month, day = self._text(found, "birth_month"), self._text(found, "birth_day")
        if month.isdecimal() and day.isdecimal():
            year = self._text(found, "birth_year")
            stem = f"{int(month):02d}-{int(day):02d}"
            return f"{int(year):04d}-{stem}" if year.isdecimal() and len(year) == 4 else f"--{stem}"
        return None

    def read(self, number: int, cells: Sequence[object]) -> Candidate | Rejection:
        found = self.cells_by_field(cells)
        # Every found value but the birthday is already trimmed text (cells_by_field), so a
        # plain dict lookup stands in for _text on the hot path.
        get = found.get
        first = get("first_name", "")
        last = get("last_name", "")
        full = get("name", "")
        joined = f"{first} {last}" if first and last else (first or last)
        display = (full or joined) if self.mapping.name_first else (joined or full)
        email_cell = get("email", "")
        phone_cell = get("phone", "")
        email = clean_email(email_cell) if email_cell else ""
        phone = clean_phone(phone_cell) if phone_cell else ""
        email_ok = bool(email) and (_PLAIN_EMAIL.fullmatch(email) is not None
                                    or is_valid_email(email))
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

        raw_birthday = get("birthday")
        if raw_birthday is None and ("birth_month" in found or "birth_day" in found):
            raw_birthday = self._birthday_cell(found)
        birthday = None
        birthday_text = ""
        if raw_birthday is not None:
            try:
                if (self.decide_slash_order is not None and raw_birthday.__class__ is str
                        and "/" in raw_birthday and is_slash_date(raw_birthday)):
                    self.slash_order = self.decide_slash_order()
                    self.decide_slash_order = None
                birthday = parse_birthday(raw_birthday, order=self.slash_order)
            except InvalidBirthday:
                warnings.append("invalid_birthday")
            birthday_text = (raw_birthday if raw_birthday.__class__ is str
                             else text(raw_birthday).strip())
        consent = self.mapping.consent_constant or consent_of(get("consent", ""))
        shopify_id = get("shopify_id")
        language = get("language")
        return Candidate(
            number, key, display, first, last,
            email if email_ok else None,
            phone if phone_ok else None,
            birthday, consent, get("notes", ""), get("tags", ""),
            (shopify_id.lstrip("'") or None) if shopify_id else None,
            get("square_id") or None,
            tuple(warnings),
            birthday_text,
            language_of(language) if language else None,
            get("do_not_contact", "").lower() in TRUE_WORDS,
        )
