"""A batch of plain text rows read column by column: the fast path of a big import.

Most rows of a real export are plain: one valid address, a valid phone or none, an ISO birthday
or none. Reading a batch a column at a time (``zip``, ``map`` and C string methods) costs a
fraction of reading it row by row; every row that is not plain is handed to
:meth:`RowReader.read`, which stays the one definition of the contract. The two must agree row
for row (``tests/desktop_app/test_import_columns.py`` checks it on random rows).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import repeat

from desktop_app.contacts import is_valid_phone
from desktop_app.importing.birthdays import InvalidBirthday, parse_birthday
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


class ColumnReader:
    """Reads batches of rows with *reader*'s mapping; ``None`` from :meth:`reader_for` when the
    mapping has a field the fast path does not read."""

    def __init__(self, reader: RowReader) -> None:
        self.reader = reader
        mapping = reader.mapping
        self.columns = {name: idx for name, idx in mapping.columns.items() if idx}
        self.need = max((max(idx) for idx in self.columns.values()), default=0) + 1

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
        reader = self.reader
        size = len(rows)
        if not size or min(map(len, rows)) < self.need:
            return [reader.read(n, cells) for n, cells in zip(numbers, rows, strict=True)]
        try:
            transposed = list(zip(*rows, strict=False))
            column = self._column
            emails = column(transposed, size, "email")
            phones = column(transposed, size, "phone")
            firsts = column(transposed, size, "first_name")
            lasts = column(transposed, size, "last_name")
            fulls = column(transposed, size, "name")
            birthdays = column(transposed, size, "birthday")
            consents = column(transposed, size, "consent")
            tags = column(transposed, size, "tags")
            shopify_ids = column(transposed, size, "shopify_id")
            square_ids = column(transposed, size, "square_id")
            languages = column(transposed, size, "language")
            do_not_contact = column(transposed, size, "do_not_contact")
            notes = self._notes(transposed, size)
        except (TypeError, AttributeError):  # a cell that is not text (XLSX): row by row
            return [reader.read(n, cells) for n, cells in zip(numbers, rows, strict=True)]
        constant = reader.mapping.consent_constant
        name_first = reader.mapping.name_first
        plain = _PLAIN_EMAIL.fullmatch
        consent_get = _CONSENT.get
        out: list[Candidate | Rejection] = []
        append = out.append
        for (number, cells, email, phone, first, last, full, birthday, consent, note, tag, sid,
             sqid, language, dnc) in zip(numbers, rows, emails, phones, firsts, lasts, fulls,
                                         birthdays, consents, notes, tags, shopify_ids,
                                         square_ids, languages, do_not_contact, strict=False):
            if not email or _MULTI in email or plain(email) is None:
                append(reader.read(number, cells))
                continue
            if phone:
                if _MULTI in phone:
                    append(reader.read(number, cells))
                    continue
                if phone[0] == "'":
                    phone = phone[1:].strip()
                if phone and not is_valid_phone(phone):
                    append(reader.read(number, cells))  # the invalid_phone_dropped warning
                    continue
            born = None
            if birthday:
                if "/" in birthday:  # slash dates: the column decides the order
                    append(reader.read(number, cells))
                    continue
                try:
                    born = parse_birthday(birthday)
                except InvalidBirthday:
                    append(reader.read(number, cells))  # the invalid_birthday warning
                    continue
            joined = f"{first} {last}" if first and last else (first or last)
            append(Candidate(
                number, "email:" + email.lower(),
                (full or joined) if name_first else (joined or full),
                first, last, email, phone or None, born,
                constant or consent_get(consent.lower(), "unknown"),
                note, tag,
                (sid.lstrip("'") or None) if sid else None,
                sqid or None, (), birthday,
                language_of(language) if language else None,
                dnc.lower() in TRUE_WORDS,
            ))
        return out
