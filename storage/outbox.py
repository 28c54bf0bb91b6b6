"""The outbox: approved messages and their sending state, changed only by guarded, atomic UPDATEs.

Every transition names the state it expects to leave (``WHERE state = …``), so two actors can
never both move the same row: whoever loses the race sees ``False`` and backs off. Each
transition commits on its own; the sender never holds a transaction across the network.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from sqlite_utils import Database

from storage.timestamps import utc_now_iso

STATES = ("approved", "queued", "sending", "sent", "failed", "deferred", "needs_attention", "discarded")
# Rows the sender may pick up (when their time has come).
WAITING = ("queued", "deferred")
# Rows whose fate the owner decides (retry, mark as sent, discard).
OWNER_DECIDES = ("failed", "needs_attention")
# send_log events that reached the wire and so count against the provider's caps.
WIRE_EVENTS = ("sent", "needs_attention")


@dataclass(frozen=True)
class OutboxRow:
    id: int
    draft_id: int | None
    customer_id: int | None
    occasion: str
    to_name: str
    to_addr: str
    subject: str
    body_text: str
    body_html: str | None
    message_id: str | None
    state: str
    attempts: int
    planned_at: str
    next_attempt_at: str | None
    last_code: str | None
    last_error: str | None
    server_reply: str | None
    sent_at: str | None
    created_at: str
    updated_at: str

    @property
    def shown_at(self) -> str:
        """The time the Sent page shows: when it went, else when it was last touched."""
        return self.sent_at or self.updated_at


@dataclass(frozen=True)
class LogEntry:
    id: int
    outbox_id: int
    at: str
    event: str
    code: str | None
    detail: str | None


_COLUMNS = ", ".join(f.name for f in fields(OutboxRow))


def _row(values) -> OutboxRow:
    return OutboxRow(*values)


# -- inserting (approving in the review queue; tests and tools use this too) -------------------------


def enqueue(
    db: Database,
    *,
    to_addr: str,
    subject: str,
    body_text: str,
    planned_at: str,
    occasion: str = "manual",
    to_name: str = "",
    body_html: str | None = None,
    draft_id: int | None = None,
    customer_id: int | None = None,
    now: str | None = None,
) -> int:
    """Add one ``queued`` message; the caller's transaction makes it atomic with the approval."""
    stamp = now or utc_now_iso()
    cursor = db.execute(
        "INSERT INTO outbox (draft_id, customer_id, occasion, to_name, to_addr, subject, body_text,"
        " body_html, state, planned_at, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?)",
        [draft_id, customer_id, occasion, to_name, to_addr, subject, body_text, body_html,
         planned_at, stamp, stamp],
    )
    return cursor.lastrowid


# -- reading -----------------------------------------------------------------------------------


def get(db: Database, outbox_id: int) -> OutboxRow | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM outbox WHERE id = ?", [outbox_id]).fetchone()
    return _row(row) if row else None


def rows_by_ids(db: Database, ids: list[int]) -> list[OutboxRow]:
    """The rows for *ids*, in the order given (missing ids are left out)."""
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    found = {r[0]: _row(r) for r in db.execute(
        f"SELECT {_COLUMNS} FROM outbox WHERE id IN ({marks})", list(ids)).fetchall()}
    return [found[i] for i in ids if i in found]


def due_ids(db: Database, *, now: str, limit: int) -> list[int]:
    """Messages whose planned time and retry time have come, oldest plan first."""
    rows = db.execute(
        "SELECT id FROM outbox WHERE state IN ('queued', 'deferred') AND planned_at <= ?"
        " AND (next_attempt_at IS NULL OR next_attempt_at <= ?)"
        " ORDER BY planned_at, id LIMIT ?",
        [now, now, limit],
    ).fetchall()
    return [r[0] for r in rows]


def next_waiting_at(db: Database) -> str | None:
    """The earliest moment a waiting message may go (its plan or its retry time, the later)."""
    row = db.execute(
        "SELECT MIN(MAX(planned_at, COALESCE(next_attempt_at, ''))) FROM outbox"
        " WHERE state IN ('queued', 'deferred')"
    ).fetchone()
    return row[0] if row else None


def count_by_state(db: Database) -> dict[str, int]:
    counts = dict.fromkeys(STATES, 0)
    for state, n in db.execute("SELECT state, COUNT(*) FROM outbox GROUP BY state").fetchall():
        counts[state] = n
    return counts


def ids_in_state(db: Database, state: str) -> list[int]:
    return [r[0] for r in db.execute(
        "SELECT id FROM outbox WHERE state = ? ORDER BY id", [state]).fetchall()]


def history_page(
    db: Database, *, before_id: int | None = None, states: tuple[str, ...] = (), limit: int = 100
) -> list[OutboxRow]:
    """One page of the history, newest first, after the keyset *before_id* (exclusive).

    Keyset paging on the immutable id: a page never shifts when rows change state meanwhile.
    """
    where, params = [], []
    if before_id is not None:
        where.append("id < ?")
        params.append(before_id)
    if states:
        where.append(f"state IN ({','.join('?' * len(states))})")
        params.extend(states)
    sql = f"SELECT {_COLUMNS} FROM outbox"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY id DESC LIMIT ?"
    return [_row(r) for r in db.execute(sql, [*params, limit]).fetchall()]


def for_customer(db: Database, customer_id: int, *, limit: int = 50) -> list[OutboxRow]:
    """What was (or will be) sent to one customer, newest first."""
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM outbox WHERE customer_id = ? ORDER BY id DESC LIMIT ?",
        [customer_id, limit],
    ).fetchall()
    return [_row(r) for r in rows]


def wire_count_since(db: Database, since: str) -> int:
    """Messages that reached the server after *since* (for the daily and minute caps)."""
    row = db.execute(
        "SELECT COUNT(*) FROM send_log WHERE at > ? AND event IN ('sent', 'needs_attention')",
        [since],
    ).fetchone()
    return row[0]


def wire_time_at(db: Database, since: str, offset: int) -> str:
    """The time of the *offset*-th (0 = oldest) message that reached the server since *since*."""
    return db.execute(
        "SELECT at FROM send_log WHERE at > ? AND event IN ('sent', 'needs_attention')"
        " ORDER BY at LIMIT 1 OFFSET ?",
        [since, offset],
    ).fetchone()[0]


def log_entries(db: Database, outbox_id: int) -> list[LogEntry]:
    return [LogEntry(*r) for r in db.execute(
        "SELECT id, outbox_id, at, event, code, detail FROM send_log WHERE outbox_id = ? ORDER BY id",
        [outbox_id],
    ).fetchall()]


# -- transitions: each one small, atomic, guarded by the state it leaves ----------------------


def _log(db: Database, outbox_id: int, event: str, at: str, code=None, detail=None) -> None:
    db.execute(
        "INSERT INTO send_log (outbox_id, at, event, code, detail) VALUES (?, ?, ?, ?, ?)",
        [outbox_id, at, event, None if code is None else str(code), detail],
    )


def _draft_status(db: Database, outbox_id: int, status: str, reason: str | None, at: str) -> None:
    db.execute(
        "UPDATE drafts SET status = ?, status_reason = ?, updated_at = ?"
        " WHERE id = (SELECT draft_id FROM outbox WHERE id = ?)",
        [status, reason, at, outbox_id],
    )


def _move(db: Database, outbox_id: int, expected: tuple[str, ...], sets: dict, at: str) -> bool:
    assignments = ", ".join(f"{k} = ?" for k in sets)
    marks = ",".join("?" * len(expected))
    cursor = db.execute(
        f"UPDATE outbox SET {assignments}, updated_at = ? WHERE id = ? AND state IN ({marks})",
        [*sets.values(), at, outbox_id, *expected],
    )
    return cursor.rowcount == 1


def claim(
    db: Database,
    outbox_id: int,
    *,
    message_id: str,
    now: str,
    settle_sent: tuple[int, str, str] | None = None,
) -> OutboxRow | None:
    """``queued``/``deferred`` → ``sending``, committed before the wire; the claimed row, or None
    when someone else moved it first.

    *settle_sent* ``(outbox_id, reply, at)`` commits the previous message's ``sent`` in the same
    transaction: one commit per message instead of two. It is still durable before any further
    network traffic, which is all exactly-once needs. The Message-ID is fixed at the first claim
    and kept for every retry, so the owner (and a Sent-folder check) can tell one message from a
    duplicate.
    """
    # Explicitly atomic: sqlite-utils auto-commits a write only when it returns no rows, so an
    # UPDATE … RETURNING on its own would stay uncommitted — and a crash would forget the claim.
    with db.atomic():
        if settle_sent is not None:
            sent_id, reply, at = settle_sent
            _set_sent(db, sent_id, reply=reply, now=at)
        rows = db.execute(
            "UPDATE outbox SET state = 'sending', attempts = attempts + 1,"
            " message_id = COALESCE(message_id, ?), updated_at = ?"
            f" WHERE id = ? AND state IN ('queued', 'deferred') RETURNING {_COLUMNS}",
            [message_id, now, outbox_id],
        ).fetchall()
    return _row(rows[0]) if rows else None


def mark_sent(db: Database, outbox_id: int, *, reply: str, now: str) -> bool:
    """``sending`` → ``sent`` with the server's reply; the draft becomes ``sent`` too."""
    with db.atomic():
        return _set_sent(db, outbox_id, reply=reply, now=now)


def _set_sent(db: Database, outbox_id: int, *, reply: str, now: str) -> bool:
    rows = db.execute(
        "UPDATE outbox SET state = 'sent', sent_at = ?, server_reply = ?, last_code = NULL,"
        " last_error = NULL, next_attempt_at = NULL, updated_at = ?"
        " WHERE id = ? AND state = 'sending' RETURNING draft_id",
        [now, reply, now, outbox_id],
    ).fetchall()
    if not rows:
        return False
    _log(db, outbox_id, "sent", now, detail=reply)
    if rows[0][0] is not None:
        db.execute("UPDATE drafts SET status = 'sent', status_reason = NULL, updated_at = ?"
                   " WHERE id = ?", [now, rows[0][0]])
    return True


def mark_failed(db: Database, outbox_id: int, *, code, message: str, now: str,
                expected: tuple[str, ...] = ("sending",)) -> bool:
    """→ ``failed`` (permanent) with the server's words; the draft becomes ``failed`` too."""
    with db.atomic():
        moved = _move(db, outbox_id, expected, {
            "state": "failed", "last_code": None if code is None else str(code),
            "last_error": message, "server_reply": message, "next_attempt_at": None}, now)
        if moved:
            _log(db, outbox_id, "failed", now, code, message)
            _draft_status(db, outbox_id, "failed", message, now)
    return moved


def mark_deferred(db: Database, outbox_id: int, *, code, message: str, retry_at: str, now: str) -> bool:
    """``sending`` → ``deferred`` (temporary), to be tried again from *retry_at*."""
    with db.atomic():
        moved = _move(db, outbox_id, ("sending",), {
            "state": "deferred", "last_code": None if code is None else str(code),
            "last_error": message, "server_reply": message, "next_attempt_at": retry_at}, now)
        if moved:
            _log(db, outbox_id, "deferred", now, code, message)
    return moved


def unclaim(db: Database, outbox_id: int, *, now: str) -> bool:
    """``sending`` → ``queued`` when nothing reached the wire (the attempt does not count)."""
    with db.atomic():
        moved = db.execute(
            "UPDATE outbox SET state = 'queued', attempts = MAX(attempts - 1, 0), updated_at = ?"
            " WHERE id = ? AND state = 'sending'",
            [now, outbox_id],
        ).rowcount == 1
        if moved:
            _log(db, outbox_id, "unclaimed", now)
    return moved


def mark_needs_attention(db: Database, outbox_id: int, *, code, message: str, now: str) -> bool:
    """``sending`` → ``needs_attention``: it may or may not have arrived; never re-sent by itself."""
    with db.atomic():
        moved = _move(db, outbox_id, ("sending",), {
            "state": "needs_attention", "last_code": None if code is None else str(code),
            "last_error": message, "next_attempt_at": None}, now)
        if moved:
            _log(db, outbox_id, "needs_attention", now, code, message)
    return moved


def recover_interrupted(db: Database, *, now: str) -> list[int]:
    """Rows left in ``sending`` by a sender that died become ``needs_attention``.

    Only call this while holding the sender lock: then no live sender owns those rows.
    """
    message = "Fondly stopped while sending this message; it may or may not have arrived."
    with db.atomic():
        ids = ids_in_state(db, "sending")
        for outbox_id in ids:
            _move(db, outbox_id, ("sending",), {
                "state": "needs_attention", "last_error": message, "next_attempt_at": None}, now)
            _log(db, outbox_id, "needs_attention", now, None, message)
    return ids


# -- the owner's decisions --------------------------------------------------------------------


def retry(db: Database, outbox_id: int, *, now: str) -> bool:
    """Failed / needs-attention / deferred → ``queued`` now (the owner chose to send again)."""
    with db.atomic():
        moved = _move(db, outbox_id, ("failed", "needs_attention", "deferred"), {
            "state": "queued", "next_attempt_at": None, "planned_at": now}, now)
        if moved:
            _log(db, outbox_id, "retry", now, None, "by the owner")
            _draft_status(db, outbox_id, "approved", None, now)
    return moved


def mark_sent_by_owner(db: Database, outbox_id: int, *, now: str) -> bool:
    """Failed / needs-attention → ``sent`` because the owner saw it arrive (e.g. in Sent mail)."""
    with db.atomic():
        moved = _move(db, outbox_id, OWNER_DECIDES, {
            "state": "sent", "sent_at": now, "next_attempt_at": None,
            "server_reply": "Marked as sent by you."}, now)
        if moved:
            _log(db, outbox_id, "marked_sent", now, None, "by the owner")
            _draft_status(db, outbox_id, "sent", "marked as sent by the owner", now)
    return moved


def discard(db: Database, outbox_id: int, *, now: str) -> bool:
    """Failed / needs-attention / deferred / queued → ``discarded``: it will never be sent."""
    with db.atomic():
        moved = _move(db, outbox_id, (*OWNER_DECIDES, "deferred", "queued"), {
            "state": "discarded", "next_attempt_at": None}, now)
        if moved:
            _log(db, outbox_id, "discarded", now, None, "by the owner")
            _draft_status(db, outbox_id, "dropped", "discarded from the outbox", now)
    return moved
