"""The review queue's SQL: drafts with their customer and outbox state, status changes, outbox rows."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from sqlite_utils import Database

# Statuses the queue (and ``fondly queue --status``) shows. A snoozed draft whose date has come is
# "pending" again; a draft whose outbox row was sent or failed shows that outcome.
QUEUE_STATUSES = ("pending", "approved", "skipped", "snoozed", "sent", "failed")

OCCASION_ORDER = (
    "birthday",
    "birthday_belated",
    "anniversary",
    "restock",
    "restock_still_interested",
    "stamp_reward",
    "points_reward",
    "winback",
)

_STATUS_SQL = """
CASE
  WHEN o.state = 'sent' THEN 'sent'
  WHEN o.state = 'failed' THEN 'failed'
  WHEN d.status = 'snoozed' AND d.snooze_until <= :today THEN 'pending'
  WHEN d.status = 'dropped' THEN 'skipped'
  ELSE d.status
END
"""

# The day a draft would go out if approved now: a birthday or anniversary on its (future) day,
# anything else today. The Today page groups by it.
_DAY_SQL = """
CASE WHEN d.occasion IN ('birthday', 'anniversary') AND substr(d.occasion_date, 1, 10) > :today
     THEN substr(d.occasion_date, 1, 10) ELSE :today END
"""

_ORDER_SQL = " ".join(f"WHEN '{name}' THEN {i}" for i, name in enumerate(OCCASION_ORDER))

_SELECT = f"""
SELECT d.id, d.customer_id, d.occasion, d.occasion_key, d.occasion_date, d.why, d.language,
       d.subject, d.body_text, d.body_html, d.edited, d.findings, d.status, d.status_reason,
       d.snooze_until, d.planned_at, d.created_at, d.updated_at, d.decided_at, d.checked_at,
       c.display_name, c.first_name, c.last_name, c.email, c.email_consent, c.do_not_contact,
       o.id, o.state, o.planned_at,
       {_STATUS_SQL} AS queue_status,
       {_DAY_SQL} AS day
FROM drafts d
JOIN customers c ON c.id = d.customer_id
LEFT JOIN outbox o ON o.draft_id = d.id
"""

_ORDER = f"ORDER BY day, CASE d.occasion {_ORDER_SQL} ELSE 99 END, d.occasion, c.display_name COLLATE NOCASE, d.id"


@dataclass(frozen=True)
class QueueItem:
    """One draft as the review queue shows it."""

    id: int
    customer_id: int
    occasion: str
    occasion_key: str
    occasion_date: str | None
    why: str
    language: str | None
    subject: str
    body_text: str
    body_html: str | None
    edited: bool
    findings: tuple[dict, ...]
    status: str
    status_reason: str | None
    snooze_until: str | None
    planned_at: str | None
    created_at: str
    updated_at: str
    decided_at: str | None
    checked_at: str | None
    customer_name: str
    first_name: str
    last_name: str
    email: str | None
    email_consent: str
    do_not_contact: bool
    outbox_id: int | None
    outbox_state: str | None
    outbox_planned_at: str | None
    queue_status: str
    day: str

    @property
    def worst_severity(self) -> str | None:
        """``block``, ``warn``, ``info`` or None."""
        severities = {f.get("severity") for f in self.findings}
        for level in ("block", "warn", "info"):
            if level in severities:
                return level
        return None

    @property
    def is_clean(self) -> bool:
        return self.worst_severity not in ("block", "warn")


def _item(row: Sequence) -> QueueItem:
    values = list(row)
    values[10] = bool(values[10])
    values[11] = tuple(json.loads(values[11] or "[]"))
    values[25] = bool(values[25])
    return QueueItem(*values)


def list_queue(db: Database, *, today: str, statuses: Sequence[str] = ("pending",)) -> list[QueueItem]:
    """Drafts in *statuses* (see QUEUE_STATUSES) in review order: day, occasion, customer."""
    wanted = [s for s in statuses if s in QUEUE_STATUSES]
    if not wanted:
        return []
    params: dict = {"today": today, **{f"s{i}": s for i, s in enumerate(wanted)}}
    marks = ", ".join(f":s{i}" for i in range(len(wanted)))
    where = f"({_STATUS_SQL}) IN ({marks})"
    if set(wanted) <= {"pending", "snoozed"}:
        where = f"d.status IN ('pending', 'snoozed') AND {where}"  # the status index does the work
    rows = db.execute(f"{_SELECT} WHERE {where} {_ORDER}", params).fetchall()
    return [_item(r) for r in rows]


def items_by_ids(db: Database, ids: Sequence[int], *, today: str) -> list[QueueItem]:
    """The drafts *ids* (missing ones left out), in review order."""
    if not ids:
        return []
    params: dict = {"today": today, **{f"i{n}": draft_id for n, draft_id in enumerate(ids)}}
    marks = ", ".join(f":i{n}" for n in range(len(ids)))
    rows = db.execute(f"{_SELECT} WHERE d.id IN ({marks}) {_ORDER}", params).fetchall()
    return [_item(r) for r in rows]


def count_waiting(db: Database, *, today: str) -> int:
    """Drafts waiting for the owner: pending, or snoozed until today or earlier."""
    row = db.execute(
        "SELECT COUNT(*) FROM drafts d LEFT JOIN outbox o ON o.draft_id = d.id "
        "WHERE (d.status = 'pending' OR (d.status = 'snoozed' AND d.snooze_until <= ?)) "
        "AND o.id IS NULL",
        [today],
    ).fetchone()
    return row[0]


def stale_ids(db: Database, *, today: str, ids: Sequence[int] | None = None) -> list[int]:
    """Waiting drafts whose findings predate the draft, its customer, or today."""
    sql = (
        "SELECT d.id FROM drafts d JOIN customers c ON c.id = d.customer_id "
        "WHERE d.status IN ('pending', 'snoozed') AND (d.checked_at IS NULL "
        "OR d.checked_at < d.updated_at OR d.checked_at < c.updated_at "
        "OR substr(d.checked_at, 1, 10) < ?)"
    )
    params: list = [today]
    if ids is not None:
        if not ids:
            return []
        sql += f" AND d.id IN ({', '.join('?' for _ in ids)})"
        params.extend(ids)
    return [r[0] for r in db.execute(sql + " ORDER BY d.id", params).fetchall()]


def store_findings(db: Database, draft_id: int, findings: Sequence[dict], *, checked_at: str) -> None:
    db.execute(
        "UPDATE drafts SET findings = ?, checked_at = ? WHERE id = ?",
        [json.dumps(list(findings), ensure_ascii=False), checked_at, draft_id],
    )


# -- the fields an action may change, kept whole so that undo can put them back -------------------

_SNAPSHOT_FIELDS = (
    "status", "status_reason", "snooze_until", "planned_at", "decided_at",
    "subject", "body_text", "body_html", "edited", "findings", "checked_at", "updated_at",
)


@dataclass(frozen=True)
class DraftSnapshot:
    id: int
    values: tuple


def snapshot(db: Database, ids: Sequence[int]) -> list[DraftSnapshot]:
    if not ids:
        return []
    cols = ", ".join(_SNAPSHOT_FIELDS)
    marks = ", ".join("?" for _ in ids)
    rows = db.execute(f"SELECT id, {cols} FROM drafts WHERE id IN ({marks})", list(ids)).fetchall()
    return [DraftSnapshot(r[0], tuple(r[1:])) for r in rows]


def restore(db: Database, snapshots: Sequence[DraftSnapshot]) -> None:
    assignments = ", ".join(f"{name} = ?" for name in _SNAPSHOT_FIELDS)
    for snap in snapshots:
        db.execute(f"UPDATE drafts SET {assignments} WHERE id = ?", [*snap.values, snap.id])


def set_status(
    db: Database,
    ids: Sequence[int],
    status: str,
    *,
    now: str,
    reason: str | None = None,
    snooze_until: str | None = None,
    planned_at: str | None = None,
) -> None:
    decided = None if status in ("pending", "snoozed") else now
    for draft_id in ids:
        db.execute(
            "UPDATE drafts SET status = ?, status_reason = ?, snooze_until = ?, planned_at = ?, "
            "decided_at = ?, updated_at = ? WHERE id = ?",
            [status, reason, snooze_until, planned_at, decided, now, draft_id],
        )


def update_text(
    db: Database, draft_id: int, *, subject: str, body_text: str, body_html: str | None, edited: bool, now: str
) -> None:
    db.execute(
        "UPDATE drafts SET subject = ?, body_text = ?, body_html = ?, edited = ?, updated_at = ? "
        "WHERE id = ?",
        [subject, body_text, body_html, int(edited), now, draft_id],
    )


def waiting_ids_for(db: Database, customer_id: int, occasions: Sequence[str]) -> list[int]:
    """The customer's drafts still waiting for review among *occasions*."""
    marks = ", ".join("?" for _ in occasions)
    rows = db.execute(
        f"SELECT id FROM drafts WHERE customer_id = ? AND occasion IN ({marks}) "
        "AND status IN ('pending', 'snoozed') ORDER BY id",
        [customer_id, *occasions],
    )
    return [r[0] for r in rows.fetchall()]


# -- the outbox rows approval creates (the sending side owns everything after 'queued') ------------


def insert_outbox(
    db: Database,
    *,
    draft_id: int,
    customer_id: int,
    occasion: str,
    to_name: str,
    to_addr: str,
    subject: str,
    body_text: str,
    body_html: str | None,
    planned_at: str,
    now: str,
) -> int | None:
    """Queue one message; None when the draft already has an outbox row (approval is idempotent)."""
    cursor = db.execute(
        "INSERT INTO outbox (draft_id, customer_id, occasion, to_name, to_addr, subject, body_text, "
        "body_html, state, planned_at, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?) ON CONFLICT(draft_id) DO NOTHING",
        [draft_id, customer_id, occasion, to_name, to_addr, subject, body_text, body_html,
         planned_at, now, now],
    )
    return cursor.lastrowid if cursor.rowcount else None


def outbox_states(db: Database, outbox_ids: Sequence[int]) -> dict[int, str]:
    if not outbox_ids:
        return {}
    marks = ", ".join("?" for _ in outbox_ids)
    rows = db.execute(f"SELECT id, state FROM outbox WHERE id IN ({marks})", list(outbox_ids))
    return dict(rows.fetchall())


def delete_outbox(db: Database, outbox_ids: Sequence[int]) -> None:
    for outbox_id in outbox_ids:
        db.execute("DELETE FROM outbox WHERE id = ? AND state = 'queued'", [outbox_id])


def last_message_at(db: Database, customer_id: int, *, exclude_draft_id: int | None = None) -> str | None:
    """When the customer last got (or is about to get) a message, for the cool-down check."""
    row = db.execute(
        "SELECT MAX(COALESCE(sent_at, planned_at)) FROM outbox WHERE customer_id = ? "
        "AND state IN ('approved', 'queued', 'sending', 'sent', 'deferred', 'needs_attention') "
        "AND (draft_id IS NULL OR draft_id != ?)",
        [customer_id, exclude_draft_id if exclude_draft_id is not None else -1],
    ).fetchone()
    return row[0] if row else None
