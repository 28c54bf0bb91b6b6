"""Draft rows: insert idempotently on (customer, occasion, occasion_key), read, re-render, park."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields

from sqlite_utils import Database

from storage.timestamps import utc_now_iso

# Statuses that mean "a message was or will be sent": they count against the cool-down.
LIVE_STATUSES = ("pending", "approved", "sent")


@dataclass(frozen=True)
class Draft:
    id: int
    customer_id: int
    occasion: str
    occasion_key: str
    occasion_date: str | None
    why: str
    data: dict = field(default_factory=dict)
    language: str | None = None
    template_id: int | None = None
    subject: str = ""
    body_text: str = ""
    body_html: str | None = None
    edited: bool = False
    findings: tuple = ()
    status: str = "pending"
    status_reason: str | None = None
    snooze_until: str | None = None
    drafted_on: str | None = None
    created_at: str = ""
    updated_at: str = ""


_COLUMNS = tuple(f.name for f in fields(Draft))
_SELECT = ", ".join(_COLUMNS)


@dataclass(frozen=True)
class NewDraft:
    """What the rules hand to :func:`insert`; the unique key makes a second insert a no-op."""

    customer_id: int
    occasion: str
    occasion_key: str
    occasion_date: str | None
    why: str
    data: dict
    drafted_on: str
    language: str | None = None
    template_id: int | None = None
    subject: str = ""
    body_text: str = ""
    body_html: str | None = None
    findings: tuple = ()
    status: str = "pending"
    status_reason: str | None = None


def _from_row(row: Sequence) -> Draft:
    data = dict(zip(_COLUMNS, row, strict=True))
    data["data"] = json.loads(data["data"] or "{}")
    data["findings"] = tuple(json.loads(data["findings"] or "[]"))
    data["edited"] = bool(data["edited"])
    return Draft(**data)


def insert(db: Database, new: NewDraft, *, now: str | None = None) -> int | None:
    """Insert *new* unless its (customer, occasion, occasion_key) exists; the new id or None."""
    now = now or utc_now_iso()
    cursor = db.execute(
        "INSERT OR IGNORE INTO drafts (customer_id, occasion, occasion_key, occasion_date, why, "
        "data, language, template_id, subject, body_text, body_html, findings, status, "
        "status_reason, drafted_on, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            new.customer_id, new.occasion, new.occasion_key, new.occasion_date, new.why,
            json.dumps(new.data, ensure_ascii=False, default=str), new.language, new.template_id,
            new.subject, new.body_text, new.body_html, json.dumps(list(new.findings)),
            new.status, new.status_reason, new.drafted_on, now, now,
        ],
    )
    return cursor.lastrowid if cursor.rowcount else None


def get(db: Database, draft_id: int) -> Draft | None:
    row = db.execute(f"SELECT {_SELECT} FROM drafts WHERE id = ?", [draft_id]).fetchone()
    return _from_row(row) if row else None


def rows_by_ids(db: Database, ids: Sequence[int]) -> list[Draft]:
    result: list[Draft] = []
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        marks = ",".join("?" * len(chunk))
        rows = db.execute(f"SELECT {_SELECT} FROM drafts WHERE id IN ({marks}) ORDER BY id", chunk)
        result.extend(_from_row(r) for r in rows.fetchall())
    return result


def for_customer(db: Database, customer_id: int) -> list[Draft]:
    rows = db.execute(
        f"SELECT {_SELECT} FROM drafts WHERE customer_id = ? ORDER BY id", [customer_id]
    ).fetchall()
    return [_from_row(r) for r in rows]


def with_status(db: Database, status: str) -> list[Draft]:
    rows = db.execute(f"SELECT {_SELECT} FROM drafts WHERE status = ? ORDER BY id", [status])
    return [_from_row(r) for r in rows.fetchall()]


def count(db: Database, *, status: str | None = None) -> int:
    if status is None:
        return db.execute("SELECT count(*) FROM drafts").fetchone()[0]
    return db.execute("SELECT count(*) FROM drafts WHERE status = ?", [status]).fetchone()[0]


def set_rendered(
    db: Database,
    draft_id: int,
    *,
    subject: str,
    body_text: str,
    body_html: str | None,
    template_id: int | None,
    language: str | None,
    now: str | None = None,
) -> None:
    db.execute(
        "UPDATE drafts SET subject = ?, body_text = ?, body_html = ?, template_id = ?, "
        "language = ?, edited = 0, updated_at = ? WHERE id = ?",
        [subject, body_text, body_html, template_id, language, now or utc_now_iso(), draft_id],
    )


def set_status(
    db: Database,
    draft_id: int,
    status: str,
    *,
    reason: str | None = None,
    snooze_until: str | None = None,
    now: str | None = None,
) -> None:
    db.execute(
        "UPDATE drafts SET status = ?, status_reason = ?, snooze_until = ?, updated_at = ? "
        "WHERE id = ?",
        [status, reason, snooze_until, now or utc_now_iso(), draft_id],
    )


@dataclass(frozen=True)
class RecentMessage:
    """A draft or sent message that holds a customer's cool-down."""

    draft_id: int | None
    customer_id: int
    occasion: str
    status: str
    day: str  # ISO date


def recent_messages(
    db: Database, customer_ids: Iterable[int], *, since_day: str, since_utc: str
) -> dict[int, list[RecentMessage]]:
    """Live drafts drafted on or after *since_day* and messages sent after *since_utc*, by customer."""
    ids = sorted(set(customer_ids))
    found: dict[int, list[RecentMessage]] = {}
    live = ",".join(f"'{s}'" for s in LIVE_STATUSES)
    # The unary + keeps SQLite off the status/state indexes: through them every chunk would read
    # every live draft (quadratic: 1 s of a 1,000,000-customer day); through the customer
    # indexes each reads its own customers' rows.
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        rows = db.execute(
            f"SELECT id, customer_id, occasion, status, drafted_on FROM drafts "
            f"WHERE customer_id IN ({marks}) AND +status IN ({live}) AND drafted_on >= ?",
            [*chunk, since_day],
        ).fetchall()
        rows += db.execute(
            f"SELECT draft_id, customer_id, occasion, 'sent', substr(sent_at, 1, 10) FROM outbox "
            f"WHERE customer_id IN ({marks}) AND sent_at >= ? AND +state = 'sent'",
            [*chunk, since_utc],
        ).fetchall()
        seen: set[tuple] = set()
        for row in rows:
            message = RecentMessage(*row)
            if message.draft_id is not None and (message.draft_id, message.customer_id) in seen:
                continue
            seen.add((message.draft_id, message.customer_id))
            found.setdefault(message.customer_id, []).append(message)
    return found


def existing_keys(
    db: Database, occasions: Sequence[str], customer_ids: Sequence[int]
) -> set[tuple[int, str, str]]:
    """(customer_id, occasion, occasion_key) already drafted, whatever their status."""
    keys: set[tuple[int, str, str]] = set()
    occ_marks = ",".join("?" * len(occasions))
    for start in range(0, len(customer_ids), 500):
        chunk = list(customer_ids[start : start + 500])
        marks = ",".join("?" * len(chunk))
        rows = db.execute(
            f"SELECT customer_id, occasion, occasion_key FROM drafts "
            f"WHERE occasion IN ({occ_marks}) AND customer_id IN ({marks})",
            [*occasions, *chunk],
        ).fetchall()
        keys.update((r[0], r[1], r[2]) for r in rows)
    return keys
