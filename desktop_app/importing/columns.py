"""A batch of plain text rows read column by column: the fast path of a big import.

Most rows of a real export are plain: one valid address, a valid phone or none, an ISO birthday
or none. Reading a batch a column at a time (``zip``, ``map`` and C string methods) costs a
fraction of reading it row by row; every row that is not plain is handed to
:meth:`RowReader.read`, which stays the one definition of the contract. The two must agree row
for row (``tests/desktop_app/importing/test_import_columns.py`` checks it on random rows).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from itertools import repeat

from desktop_app.contacts import PHONE_SHAPE
from desktop_app.importing.birthdays import InvalidBirthday, birthday_parts
from desktop_app.importing.merging import PHONE_MARKS, candidate_from_row, new_customer
from desktop_app.importing.records import (
    _NO,
    _PLAIN_EMAIL,
    _YES,
    TRUE_WORDS,
    Candidate,
    Rejection,
    RowReader,
    language_of,
)

# Fields the fast path reads; a mapping with any other field (separate birth year, month and
# day columns) is read row by row.
_FAST_FIELDS = frozenset({"name", "first_name", "last_name", "email", "phone", "birthday",
                          "consent", "notes", "tags", "shopify_id", "square_id", "language",
                          "do_not_contact"})
_CONSENT = {**dict.fromkeys(_YES, "yes"), **dict.fromkeys(_NO, "no")}
_MULTI = " ::: "  # Google's multi-value cells: the row-by-row reader keeps the first value
# The column order of ColumnReader._columns (notes come last, verbatim).
_ORDER = ("email", "phone", "first_name", "last_name", "name", "birthday", "consent", "tags",
          "shopify_id", "square_id", "language", "do_not_contact")
_NO_BIRTHDAY = (None, None, None)
_UNSEEN = object()
_BIRTHDAYS_KEPT = 50_000  # birthday cells remembered (they repeat: ~20,000 days in 56 years)


class ColumnReader:
    """Reads batches of rows with *reader*'s mapping; ``None`` from :meth:`reader_for` when the
    mapping has a field the fast path does not read."""

    def __init__(self, reader: RowReader) -> None:
        self.reader = reader
        mapping = reader.mapping
        self.columns = {name: idx for name, idx in mapping.columns.items() if idx}
        self.need = max((max(idx) for idx in self.columns.values()), default=0) + 1
        self._birthdays: dict[str, tuple | None] = {}

    @classmethod
    def reader_for(cls, reader: RowReader) -> ColumnReader | None:
        if not set(reader.mapping.columns) <= _FAST_FIELDS:
            return None
        return cls(reader)

    def _column(self, transposed: list[tuple], size: int, name: str) -> Sequence[str]:
        """The first non-blank cell of field *name* in every row, trimmed ("" when none)."""
        indexes = self.columns.get(name)
        if not indexes:
            return repeat("", size)  # type: ignore[return-value]
        stripped = list(map(str.strip, transposed[indexes[0]]))
        for index in indexes[1:]:
            stripped = [a or b for a, b in zip(stripped, map(str.strip, transposed[index]),
                                               strict=True)]
        return stripped

    def _notes(self, transposed: list[tuple], size: int) -> Sequence[str]:
        """Notes stay verbatim: the first cell that is not blank, as it was."""
        indexes = self.columns.get("notes")
        if not indexes:
            return repeat("", size)  # type: ignore[return-value]
        found = [""] * size
        for index in reversed(indexes):  # earlier columns win
            found = [cell if cell.strip() else old
                     for cell, old in zip(transposed[index], found, strict=True)]
        return found

    def read(self, numbers: Sequence[int], rows: Sequence[list]) -> list[Candidate | Rejection]:
        """One outcome per row, in order: exactly what ``RowReader.read`` gives for each."""
        keys, inserts, texts, specials = self.read_batch(numbers, rows, source="", now="")
        return [specials.get(i) or candidate_from_row(n, keys[i], inserts[i], texts[i])
                for i, n in enumerate(numbers)]

    def read_batch(self, numbers: Sequence[int], rows: Sequence[list], *, source: str,
                   now: str) -> tuple[list, list, list, dict]:
        """Per row: the identity key, the new-customer row (``merging.new_customer``), the
        birthday cell; and the Rejection or warned Candidate of the rows that have one.

        A key and row are None for a rejected row.
        """
        out = _Collected(partial(new_customer, source=source, now=now))
        reader = self.reader
        size = len(rows)
        columns = None
        if size and min(map(len, rows)) >= self.need:
            try:
                columns = self._columns(rows, size)
            except (TypeError, AttributeError):  # a cell that is not text (XLSX): row by row
                columns = None
        if columns is None:
            for number, cells in zip(numbers, rows, strict=True):
                out.add(reader.read(number, cells))
            return out.lists()
        (emails, phones, firsts, lasts, fulls, birthdays, consents, tags, shopify_ids,
         square_ids, languages, do_not_contact, notes) = columns
        # Whole columns at once where a C function can do it (a Python call per cell costs
        # more than the work): address shape, lower case, consent words, other systems' ids.
        shaped = list(map(_PLAIN_EMAIL.fullmatch, emails))
        # An address already in lower case is its own key: the same object, so it is sent to
        # the writer (pickled) once, not twice.
        lowered = [low if low != email else email for low, email in zip(map(str.lower, emails),
                                                                         emails, strict=True)]
        constant = reader.mapping.consent_constant
        agreed = (repeat(constant) if constant else
                  list(map(_CONSENT.get, map(str.lower, consents), repeat("unknown"))))
        mapped = self.columns
        shopify = (list(map(_shopify_id, shopify_ids)) if "shopify_id" in mapped
                   else repeat(None))
        square = [v or None for v in square_ids] if "square_id" in mapped else repeat(None)
        language = (list(map(_language, languages)) if "language" in mapped else repeat(None))
        blocked = ([1 if v.lower() in TRUE_WORDS else 0 for v in do_not_contact]
                   if "do_not_contact" in mapped else repeat(0))
        name_first = reader.mapping.name_first
        phone_shape = PHONE_SHAPE.fullmatch
        birthday_of = self._birthday
        known_birthday = self._birthdays.get
        add = out.add
        keys, inserts, texts = out.keys, out.inserts, out.texts
        for (number, cells, email, ok, low, phone, first, last, full, birthday, consent, tag, sid,
             sqid, lang, dnc, note) in zip(numbers, rows, emails, shaped, lowered, phones,
                                           firsts, lasts, fulls, birthdays, agreed, tags,
                                           shopify, square, language, blocked, notes,
                                           strict=False):
            if ok is None and (email or not phone):  # an unusual address, or no contact
                add(reader.read(number, cells))
                continue
            digits = None
            if phone:
                if _MULTI in phone:
                    add(reader.read(number, cells))
                    continue
                if phone[0] == "'":
                    phone = phone[1:].strip()
                if phone:
                    digits = phone.translate(PHONE_MARKS)
                    if phone_shape(phone) is None or not 7 <= len(digits) <= 15:
                        add(reader.read(number, cells))  # the invalid_phone_dropped warning
                        continue
            born = _NO_BIRTHDAY
            if birthday:
                born = known_birthday(birthday, _UNSEEN)
                if born is _UNSEEN:
                    born = birthday_of(birthday)
                if born is None:  # a slash date (the column decides) or an invalid one
                    add(reader.read(number, cells))
                    continue
            if ok is None:  # no address: the customer is known by the phone
                if not digits:
                    add(reader.read(number, cells))
                    continue
                email = low = None
                keys.append("phone:" + digits)
            else:
                keys.append("email:" + low)
            joined = f"{first} {last}" if first and last else (first or last)
            known = consent != "unknown"
            inserts.append((
                first, last, (full or joined) if name_first else (joined or full),
                email, low, phone or None, digits or None, *born, consent,
                source if known else None, now if known else None, note, tag, sid, sqid, lang,
                dnc, now, now,
            ))
            texts.append(birthday)
        return out.lists()

    def _columns(self, rows: Sequence[list], size: int) -> list[Sequence[str]]:
        transposed = list(zip(*rows, strict=False))
        column = self._column
        return [column(transposed, size, name) for name in _ORDER] + [
            self._notes(transposed, size)]

    def _birthday(self, text: str) -> tuple | None:
        """(month, day, year) of a birthday cell, or None to read the row row by row."""
        known = self._birthdays.get(text, _UNSEEN)
        if known is not _UNSEEN:
            return known
        born = None
        if "/" not in text:  # slash dates: the column decides the day/month order
            try:
                born = birthday_parts(text) or _NO_BIRTHDAY
            except InvalidBirthday:
                born = None  # the invalid_birthday warning
        if len(self._birthdays) > _BIRTHDAYS_KEPT:
            self._birthdays.clear()
        self._birthdays[text] = born
        return born


def _shopify_id(cell: str) -> str | None:
    return (cell.lstrip("'") or None) if cell else None


def _language(cell: str) -> str | None:
    return language_of(cell) if cell else None


class _Collected:
    """The four lists of a batch, filled one outcome at a time."""

    def __init__(self, insert_row) -> None:
        self.insert_row = insert_row
        self.keys: list = []
        self.inserts: list = []
        self.texts: list[str] = []
        self.specials: dict = {}

    def add(self, item: Candidate | Rejection) -> None:
        if item.__class__ is Rejection:
            self.specials[len(self.keys)] = item
            self.keys.append(None)
            self.inserts.append(None)
            self.texts.append("")
            return
        if item.warnings:
            self.specials[len(self.keys)] = item
        self.keys.append(item.key)
        self.inserts.append(self.insert_row(item))
        self.texts.append(item.birthday_text)

    def lists(self) -> tuple[list, list, list, dict]:
        return self.keys, self.inserts, self.texts, self.specials


def collect(items, insert_row) -> tuple[list, list, list, dict]:
    """The four lists of a batch from outcomes read row by row."""
    out = _Collected(insert_row)
    for item in items:
        out.add(item)
    return out.lists()
