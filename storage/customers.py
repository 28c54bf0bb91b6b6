"""Customer rows: ordered id lists for big tables, page reads, search, insert, update, delete."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, fields

from sqlite_utils import Database

from storage.fts_words import words
from storage.timestamps import utc_now_iso

# Columns the customer table can be sorted by, with their SQL expression.
SORT_COLUMNS: dict[str, str] = {
    "display_name": "display_name COLLATE NOCASE",
    "last_name": "last_name COLLATE NOCASE",
    "email": "email_key",
    "birthday": "birth_month, birth_day",
    "created_at": "created_at",
    "email_consent": "email_consent",
}
# first_ids: matches sorted outright up to this many (~20 ms); the index walk's budget is this
# many times the entries it would read were the matches spread evenly.
SORT_AT_MOST = 12_000
WALK_SLACK = 4
# The index whose order is SORT_COLUMNS[key] then id (storage/schema.py m001_core).
SORT_INDEXES: dict[str, str] = {
    "display_name": "customers_display_name",
    "last_name": "customers_last_name",
    "email": "customers_email_key",
    "birthday": "customers_birthday",
    "created_at": "customers_created",
}

EDITABLE_FIELDS = (
    "first_name",
    "last_name",
    "display_name",
    "email",
    "phone",
    "birth_month",
    "birth_day",
    "birth_year",
    "language",
    "email_consent",
    "consent_source",
    "consent_at",
    "do_not_contact",
    "notes",
    "tags",
    "shopify_id",
    "square_id",
)


@dataclass(frozen=True)
class Customer:
    id: int
    first_name: str = ""
    last_name: str = ""
    display_name: str = ""
    email: str | None = None
    email_key: str | None = None
    phone: str | None = None
    phone_key: str | None = None
    birth_month: int | None = None
    birth_day: int | None = None
    birth_year: int | None = None
    language: str | None = None
    email_consent: str = "unknown"
    consent_source: str | None = None
    consent_at: str | None = None
    do_not_contact: bool = False
    notes: str = ""
    tags: str = ""
    shopify_id: str | None = None
    square_id: str | None = None
    edited_fields: tuple[str, ...] = field(default_factory=tuple)
    created_at: str = ""
    updated_at: str = ""

    @property
    def name(self) -> str:
        """The name to show: display name, else first + last, else the e-mail."""
        if self.display_name:
            return self.display_name
        joined = " ".join(p for p in (self.first_name, self.last_name) if p)
        return joined or (self.email or self.phone or "")

    @property
    def birthday_text(self) -> str:
        """``1988-03-14``, or ``--03-14`` when the year is unknown, or ``''``."""
        if not (self.birth_month and self.birth_day):
            return ""
        if self.birth_year:
            return f"{self.birth_year:04d}-{self.birth_month:02d}-{self.birth_day:02d}"
        return f"--{self.birth_month:02d}-{self.birth_day:02d}"

    def to_dict(self) -> dict:
        data = asdict(self)
        data["do_not_contact"] = bool(self.do_not_contact)
        data["edited_fields"] = list(self.edited_fields)
        return data


_COLUMNS = tuple(f.name for f in fields(Customer))
_SELECT = ", ".join(_COLUMNS)


def from_row(row: dict | Sequence) -> Customer:
    if not isinstance(row, dict):
        row = dict(zip(_COLUMNS, row, strict=True))
    data = dict(row)
    data["do_not_contact"] = bool(data.get("do_not_contact"))
    edited = data.get("edited_fields") or "[]"
    data["edited_fields"] = tuple(json.loads(edited)) if isinstance(edited, str) else tuple(edited)
    return Customer(**{k: data[k] for k in _COLUMNS if k in data})


def email_key(email: str | None) -> str | None:
    """The identity key of an e-mail: trimmed and lower-cased (plus and dots kept)."""
    if not email:
        return None
    key = email.strip().lower()
    return key or None


def phone_key(phone: str | None) -> str | None:
    """The digits of a phone number, or None when it has none."""
    if not phone:
        return None
    digits = re.sub(r"\D", "", phone)
    return digits or None


def display_name_for(first_name: str, last_name: str) -> str:
    return " ".join(p.strip() for p in (first_name or "", last_name or "") if p and p.strip())


def fts_query(text: str) -> str | None:
    """Turn what the owner typed into an FTS5 prefix query, or None when there is nothing to find.

    >>> fts_query('  Zoë  o\\'bri ')
    '"Zoë"* "o"* "bri"*'
    """
    # One quoted string per word, cut where the index's tokenizer cuts: a string that it would
    # split is a phrase, and the index (detail=none) refuses phrases.
    tokens = words(text)
    if not tokens:
        return None
    return " ".join('"' + t.replace('"', '""') + '"*' for t in tokens)


def _order_clause(order_by: str, descending: bool) -> str:
    if order_by not in SORT_COLUMNS:
        raise ValueError(f"cannot sort customers by {order_by!r}")
    direction = "DESC" if descending else "ASC"
    order = ", ".join(f"{part.strip()} {direction}" for part in SORT_COLUMNS[order_by].split(","))
    return order + f", id {direction}"


_MATCHING = "id IN (SELECT rowid FROM customers_fts WHERE customers_fts MATCH ?)"


def ordered_ids(
    db: Database,
    *,
    search: str = "",
    order_by: str = "display_name",
    descending: bool = False,
) -> list[int]:
    """Every matching customer id in display order — the big table's backbone.

    Search runs through FTS5 (prefix match on each word); sorting runs in SQL on an index.
    """
    order = _order_clause(order_by, descending)
    query = fts_query(search) if search.strip() else None
    if search.strip() and query is None:
        return []
    if query is None:
        sql = f"SELECT id FROM customers ORDER BY {order}"
        params: list = []
    else:
        sql = f"SELECT id FROM customers WHERE {_MATCHING} ORDER BY {order}"
        params = [query]
    return [row[0] for row in db.execute(sql, params).fetchall()]


def match_count(db: Database, search: str) -> int:
    """How many customers *search* finds (all of them for an empty search); an FTS count is
    cheap even where sorting the matches is not."""
    if not search.strip():
        return count(db)
    query = fts_query(search)
    if query is None:
        return 0
    return db.execute("SELECT count(*) FROM customers_fts WHERE customers_fts MATCH ?",
                      [query]).fetchone()[0]


def first_ids(
    db: Database,
    *,
    search: str = "",
    order_by: str = "display_name",
    descending: bool = False,
    limit: int = 200,
    sort_at_most: int = SORT_AT_MOST,
) -> tuple[list[int], int]:
    """The first *limit* ids of :func:`ordered_ids` and how many there are in all.

    What search-as-you-type shows at once, before the whole id array: sorting all 46,000 matches
    of a one-letter prefix costs ~60 ms per 100,000 customers, finding the first 200 far less.
    Few matches (≤ *sort_at_most*) are sorted outright, in a few ms whatever the list's size.
    Many are found by walking the sort column's index in order and stopping at *limit*: about
    limit × customers ÷ matches entries when the matches are spread through the list. The walk
    is bounded, because matches may cluster (every "sofia" sorts under S): past its budget it
    gives up and the matches are sorted after all.
    """
    order = _order_clause(order_by, descending)
    matches = match_count(db, search)
    if matches == 0:
        return [], 0
    if not search.strip():
        rows = db.execute(f"SELECT id FROM customers ORDER BY {order} LIMIT ?", [limit]).fetchall()
        return [row[0] for row in rows], matches
    query = fts_query(search)
    index = SORT_INDEXES.get(order_by)
    if index is not None and matches > sort_at_most:
        customers_count = count(db)
        budget = min(customers_count, WALK_SLACK * limit * customers_count // matches)
        columns = ", ".join(part.split()[0] for part in SORT_COLUMNS[order_by].split(","))
        try:
            rows = db.execute(
                f"SELECT id FROM (SELECT id, {columns} FROM customers INDEXED BY {index} "
                f"ORDER BY {order} LIMIT ?) WHERE {_MATCHING} ORDER BY {order} LIMIT ?",
                [budget, query, limit]).fetchall()
        except sqlite3.OperationalError:  # the index is gone (an old or hand-edited store)
            rows = []
        if len(rows) == min(limit, matches):
            return [row[0] for row in rows], matches
    rows = db.execute(f"SELECT id FROM customers WHERE {_MATCHING} ORDER BY {order} LIMIT ?",
                      [query, limit]).fetchall()
    return [row[0] for row in rows], matches


def rows_by_ids(db: Database, ids: Sequence[int]) -> dict[int, Customer]:
    """Customers for *ids* (at most a page at a time), keyed by id."""
    if not ids:
        return {}
    result: dict[int, Customer] = {}
    # Stay below SQLite's host-parameter limit whatever the caller passes.
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        marks = ",".join("?" * len(chunk))
        cursor = db.execute(f"SELECT {_SELECT} FROM customers WHERE id IN ({marks})", chunk)
        for row in cursor.fetchall():
            customer = from_row(row)
            result[customer.id] = customer
    return result


def get(db: Database, customer_id: int) -> Customer | None:
    return rows_by_ids(db, [customer_id]).get(customer_id)


def count(db: Database) -> int:
    return db.execute("SELECT count(*) FROM customers").fetchone()[0]


def find_by_email(db: Database, email: str) -> Customer | None:
    key = email_key(email)
    if key is None:
        return None
    row = db.execute(f"SELECT {_SELECT} FROM customers WHERE email_key = ?", [key]).fetchone()
    return from_row(row) if row else None


def _normalise(values: dict) -> dict:
    data = {k: v for k, v in values.items() if k in EDITABLE_FIELDS}
    if "email" in data:
        email = (data["email"] or "").strip() or None
        data["email"] = email
        data["email_key"] = email_key(email)
    if "phone" in data:
        phone = (data["phone"] or "").strip() or None
        data["phone"] = phone
        data["phone_key"] = phone_key(phone)
    if "do_not_contact" in data:
        data["do_not_contact"] = 1 if data["do_not_contact"] else 0
    return data


def insert(db: Database, values: dict, *, now: str | None = None) -> int:
    """Insert one customer and return its id. ``display_name`` defaults to first + last."""
    now = now or utc_now_iso()
    data = _normalise(values)
    if not data.get("display_name"):
        data["display_name"] = display_name_for(data.get("first_name", ""), data.get("last_name", ""))
    data.setdefault("email_consent", "unknown")
    data["created_at"] = values.get("created_at") or now
    data["updated_at"] = now
    cols = ", ".join(data)
    marks = ", ".join("?" * len(data))
    cursor = db.execute(f"INSERT INTO customers ({cols}) VALUES ({marks})", list(data.values()))
    return cursor.lastrowid


def insert_many(db: Database, rows: Iterable[dict], *, now: str | None = None) -> int:
    """Insert many customers in one transaction; returns how many."""
    n = 0
    with db.atomic():
        for values in rows:
            insert(db, values, now=now)
            n += 1
    return n


def update(
    db: Database,
    customer_id: int,
    values: dict,
    *,
    by_owner: bool = False,
    now: str | None = None,
) -> Customer:
    """Change some fields of one customer and return the new row.

    With *by_owner*, the changed fields are remembered as edited by hand, so that later imports
    ask before overwriting them.

    :raises KeyError: when the customer does not exist.
    """
    current = get(db, customer_id)
    if current is None:
        raise KeyError(customer_id)
    data = _normalise(values)
    changed = {k: v for k, v in data.items() if getattr(current, k) != v}
    if not changed:
        return current
    if by_owner:
        edited = set(current.edited_fields)
        edited.update(k for k in changed if k in EDITABLE_FIELDS)
        changed["edited_fields"] = json.dumps(sorted(edited))
    changed["updated_at"] = now or utc_now_iso()
    assignments = ", ".join(f"{k} = ?" for k in changed)
    db.execute(
        f"UPDATE customers SET {assignments} WHERE id = ?", [*changed.values(), customer_id]
    )
    updated = get(db, customer_id)
    assert updated is not None
    return updated


def delete(db: Database, customer_ids: Iterable[int]) -> int:
    """Delete customers (their drafts, visits and waitlist entries go with them)."""
    ids = list(customer_ids)
    deleted = 0
    with db.atomic():
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            # Messages not yet on the wire go with the customer; sent history stays, unlinked
            # (the foreign keys set customer_id and draft_id to NULL).
            db.execute(
                f"DELETE FROM outbox WHERE customer_id IN ({marks}) "
                "AND state IN ('approved', 'queued', 'deferred')",
                chunk,
            )
            deleted += db.execute(f"DELETE FROM customers WHERE id IN ({marks})", chunk).rowcount
    return deleted
