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
from desktop_app.importing.merging import PHONE_MARKS, WIDTH, candidate_from_row, new_customer
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
# The column order of ColumnReader._columns (notes come last, verbatim).
_ORDER = ("email", "phone", "first_name", "last_name", "name", "birthday", "consent", "tags",
          "shopify_id", "square_id", "language", "do_not_contact")
_NO_BIRTHDAY = (None, None, None)
_NO_VALUES = (None,) * WIDTH  # a rejected row's place in a batch's values
# A birthday cell the row reader must read: it unpacks like a date so that the column-wise
# pass can carry on, and is recognised by identity.
_UNREAD = tuple([None, None, None])
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
            return [""] * size
        stripped = list(map(str.strip, transposed[indexes[0]]))
        for index in indexes[1:]:
            stripped = [a or b for a, b in zip(stripped, map(str.strip, transposed[index]),
                                               strict=True)]
        return stripped

    def _notes(self, transposed: list[tuple], size: int) -> Sequence[str]:
        """Notes stay verbatim: the first cell that is not blank, as it was."""
        indexes = self.columns.get("notes")
        if not indexes:
            return [""] * size
        found = [""] * size
        for index in reversed(indexes):  # earlier columns win
            found = [cell if cell.strip() else old
                     for cell, old in zip(transposed[index], found, strict=True)]
        return found

    def read(self, numbers: Sequence[int], rows: Sequence[list]) -> list[Candidate | Rejection]:
        """One outcome per row, in order: exactly what ``RowReader.read`` gives for each."""
        keys, values, texts, specials = self.read_batch(numbers, rows, source="", now="")
        return [specials.get(i) or candidate_from_row(n, keys[i],
                                                      values[i * WIDTH:(i + 1) * WIDTH], texts[i])
                for i, n in enumerate(numbers)]

    def read_batch(self, numbers: Sequence[int], rows: Sequence[list], *, source: str,
                   now: str) -> tuple[list, list, list, dict]:
        """Per row: the identity key, the new-customer row (``merging.new_customer``, WIDTH
        values each, one flat list for the batch), the birthday cell; and the Rejection or
        warned Candidate of the rows that have one.

        A rejected row's key and values are None.
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
        # Whole columns at once, in C where it can be (map, zip, list displays): a Python
        # statement per cell costs more than the work. Every row is computed as if it were
        # plain; the rows that are not are then read again, one by one, by the row reader.
        shaped = list(map(_PLAIN_EMAIL.fullmatch, emails))
        # An address already in lower case is its own key: the same object, so it is sent to
        # the writer once, not twice.
        lowered = [low if low != email else email for low, email in zip(map(str.lower, emails),
                                                                         emails, strict=True)]
        # Shopify's leading apostrophe (a text guard) is not part of the number.
        phones = [p[1:].strip() if p[:1] == "'" else p for p in phones]
        digits = [p.translate(PHONE_MARKS) if p else "" for p in phones]
        phone_shape = PHONE_SHAPE.fullmatch
        # A mark that is not allowed fails the shape, Google's " ::: " between two values too
        # (the row reader keeps the first; so does the address shape, which has no spaces).
        phone_ok = [not p or (phone_shape(p) is not None and 7 <= len(d) <= 15)
                    for p, d in zip(phones, digits, strict=True)]
        borns = self._birthday_parts(birthdays)
        constant = reader.mapping.consent_constant
        agreed = ([constant] * size if constant else
                  list(map(_CONSENT.get, map(str.lower, consents), repeat("unknown"))))
        mapped = self.columns
        nothing = [None] * size
        shopify = ([(cell.lstrip("'") or None) if cell else None for cell in shopify_ids]
                   if "shopify_id" in mapped else nothing)
        square = [v or None for v in square_ids] if "square_id" in mapped else nothing
        language = list(map(_language, languages)) if "language" in mapped else nothing
        blocked = ([1 if v.lower() in TRUE_WORDS else 0 for v in do_not_contact]
                   if "do_not_contact" in mapped else [0] * size)
        joined = [f"{first} {last}" if first and last else (first or last)
                  for first, last in zip(firsts, lasts, strict=True)]
        if reader.mapping.name_first:
            shown = [full or both for full, both in zip(fulls, joined, strict=True)]
        else:
            shown = [both or full for full, both in zip(fulls, joined, strict=True)]
        # Known by the address; without one, by the phone (a row without either is not plain).
        keys = ["email:" + low if ok is not None else "phone:" + d
                for ok, low, d in zip(shaped, lowered, digits, strict=True)]
        months, days, years = zip(*borns, strict=True)
        known = [consent != "unknown" for consent in agreed]
        stamps = [now] * size
        # The rows' values in NEW_COLUMNS order, interleaved column by column (a slice
        # assignment each, in C; a tuple per row costs more to build, send and flatten).
        values = _interleaved(size, (
            firsts, lasts, shown,
            [email if ok is not None else None for ok, email in zip(shaped, emails, strict=True)],
            [low if ok is not None else None for ok, low in zip(shaped, lowered, strict=True)],
            [phone or None for phone in phones], [d or None for d in digits],
            months, days, years, agreed,
            [source if k else None for k in known], [now if k else None for k in known],
            notes, tags, shopify, square, language, blocked, stamps, stamps))
        texts = birthdays  # the cells, as the messages quote them
        # The rows that are not plain: an unusual or missing address (a phone alone will do),
        # a phone that is not valid, a birthday the column decides (slash) or that is invalid.
        unusual = [index for index, (ok, email, phone, good, born) in enumerate(zip(
            shaped, emails, phones, phone_ok, borns, strict=True))
            if (ok is None and (email or not phone)) or not good or born is _UNREAD]
        specials = out.specials
        insert_row = out.insert_row
        for index in unusual:
            item = reader.read(numbers[index], rows[index])
            where = slice(index * WIDTH, (index + 1) * WIDTH)
            if item.__class__ is Rejection:
                specials[index] = item
                keys[index] = None
                values[where] = _NO_VALUES
                texts[index] = ""
                continue
            if item.warnings:
                specials[index] = item
            keys[index] = item.key
            values[where] = insert_row(item)
            texts[index] = item.birthday_text
        return keys, values, texts, specials

    def _columns(self, rows: Sequence[list], size: int) -> list[Sequence[str]]:
        transposed = list(zip(*rows, strict=False))
        column = self._column
        return [column(transposed, size, name) for name in _ORDER] + [
            self._notes(transposed, size)]

    def _birthday_parts(self, cells: Sequence[str]) -> list[tuple]:
        """(month, day, year) per birthday cell ((None, None, None) for an empty one), or
        ``_UNREAD`` where the row reader must decide (a slash date, an invalid date)."""
        known = self._birthdays
        if len(known) > _BIRTHDAYS_KEPT:
            known.clear()
        for text in set(cells).difference(known):
            # A slash date (the column decides the day/month order) or an invalid one (the
            # invalid_birthday warning) stays _UNREAD. (try, not contextlib.suppress: this runs
            # for every new date, ~24,000 in 100,000 rows, and suppress costs an object each.)
            if not text:
                known[text] = _NO_BIRTHDAY
            elif "/" in text:
                known[text] = _UNREAD
            else:
                try:
                    known[text] = birthday_parts(text) or _NO_BIRTHDAY
                except InvalidBirthday:
                    known[text] = _UNREAD
        return list(map(known.__getitem__, cells))


def _interleaved(size: int, columns: Sequence[Sequence]) -> list:
    """*size* rows' values, one after the other, from one sequence per column of NEW_COLUMNS."""
    if len(columns) != WIDTH:
        raise ValueError(f"{len(columns)} columns, not {WIDTH}")
    values: list = [None] * (size * WIDTH)
    for offset, column in enumerate(columns):
        values[offset::WIDTH] = column
    return values


def _language(cell: str) -> str | None:
    return language_of(cell) if cell else None


class _Collected:
    """The four lists of a batch, filled one outcome at a time (the new-customer values flat,
    WIDTH per row)."""

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
            self.inserts.extend(_NO_VALUES)
            self.texts.append("")
            return
        if item.warnings:
            self.specials[len(self.keys)] = item
        self.keys.append(item.key)
        self.inserts.extend(self.insert_row(item))
        self.texts.append(item.birthday_text)

    def lists(self) -> tuple[list, list, list, dict]:
        return self.keys, self.inserts, self.texts, self.specials


def collect(items, insert_row) -> tuple[list, list, list, dict]:
    """The four lists of a batch from outcomes read row by row."""
    out = _Collected(insert_row)
    for item in items:
        out.add(item)
    return out.lists()
