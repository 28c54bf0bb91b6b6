"""Outbox transitions: each guarded by the state it leaves, each committed on its own."""

from __future__ import annotations

from storage import customers, outbox

NOW = "2026-01-02T12:00:00.000000+00:00"
PAST = "2026-01-01T12:00:00.000000+00:00"
LATER = "2026-01-03T12:00:00.000000+00:00"


def _queue(db, n=1, planned=PAST):
    return [outbox.enqueue(db, to_addr=f"a{i}@example.org", subject="s", body_text="b",
                           planned_at=planned) for i in range(n)]


def test_claim_only_once_and_the_message_id_is_kept_across_retries(db):
    (row_id,) = _queue(db)
    assert outbox.claim(db, row_id, message_id="<1@x>", now=NOW)
    assert not outbox.claim(db, row_id, message_id="<2@x>", now=NOW)  # already sending
    assert outbox.mark_deferred(db, row_id, code="450", message="busy", retry_at=LATER, now=NOW)
    assert outbox.claim(db, row_id, message_id="<3@x>", now=LATER)
    row = outbox.get(db, row_id)
    assert row.message_id == "<1@x>" and row.attempts == 2 and row.state == "sending"


def test_each_transition_is_committed_before_it_returns(db, db_path):
    from storage.db import open_db

    (row_id,) = _queue(db)
    other = open_db(db_path)  # what a sender started after a crash would see
    try:
        assert outbox.claim(db, row_id, message_id="<1@x>", now=NOW)
        assert not db.conn.in_transaction
        assert other.execute("SELECT state, message_id FROM outbox").fetchone() == ("sending", "<1@x>")
        assert outbox.mark_sent(db, row_id, reply="250 ok", now=NOW)
        assert not db.conn.in_transaction
        assert other.execute("SELECT state FROM outbox").fetchone() == ("sent",)
    finally:
        other.close()


def test_settling_needs_the_row_to_be_sending(db):
    (row_id,) = _queue(db)
    assert not outbox.mark_sent(db, row_id, reply="250 ok", now=NOW)
    assert not outbox.mark_failed(db, row_id, code="550", message="no", now=NOW)
    assert not outbox.mark_needs_attention(db, row_id, code=None, message="?", now=NOW)
    assert outbox.get(db, row_id).state == "queued"


def test_due_respects_planned_and_retry_times(db):
    early, late = _queue(db, 1) + _queue(db, 1, planned=LATER)
    assert outbox.due_ids(db, now=NOW, limit=10) == [early]
    outbox.claim(db, early, message_id="<1@x>", now=NOW)
    outbox.mark_deferred(db, early, code="421", message="later", retry_at=LATER, now=NOW)
    assert outbox.due_ids(db, now=NOW, limit=10) == []
    assert outbox.next_waiting_at(db) == LATER
    assert outbox.due_ids(db, now=LATER, limit=10) == [early, late]


def test_recover_interrupted_turns_sending_into_needs_attention(db):
    a, b = _queue(db, 2)
    outbox.claim(db, a, message_id="<1@x>", now=NOW)
    assert outbox.recover_interrupted(db, now=LATER) == [a]
    row = outbox.get(db, a)
    assert row.state == "needs_attention" and "may or may not" in row.last_error
    assert outbox.due_ids(db, now=LATER, limit=10) == [b]  # never picked up again by itself


def test_owner_decisions(db):
    customer = customers.insert(db, {"first_name": "Ann", "email": "ann@example.org"})
    draft = db.execute(
        "INSERT INTO drafts (customer_id, occasion, occasion_key, why, status, created_at,"
        " updated_at) VALUES (?, 'restock', 'k', 'w', 'approved', ?, ?)",
        [customer, NOW, NOW]).lastrowid
    row_id = outbox.enqueue(db, to_addr="ann@example.org", subject="s", body_text="b",
                            planned_at=PAST, draft_id=draft, customer_id=customer)
    outbox.claim(db, row_id, message_id="<1@x>", now=NOW)
    outbox.mark_failed(db, row_id, code="550", message="no such user", now=NOW)
    assert db.execute("SELECT status, status_reason FROM drafts").fetchone() == ("failed", "no such user")
    assert outbox.retry(db, row_id, now=LATER)
    assert outbox.get(db, row_id).state == "queued"
    assert db.execute("SELECT status FROM drafts").fetchone()[0] == "approved"
    outbox.claim(db, row_id, message_id="<2@x>", now=LATER)
    outbox.recover_interrupted(db, now=LATER)
    assert outbox.mark_sent_by_owner(db, row_id, now=LATER)
    assert outbox.get(db, row_id).state == "sent"
    assert db.execute("SELECT status FROM drafts").fetchone()[0] == "sent"
    assert not outbox.discard(db, row_id, now=LATER)  # a sent message stays sent
    assert [m.id for m in outbox.for_customer(db, customer)] == [row_id]


def test_discard_drops_the_draft(db):
    (row_id,) = _queue(db)
    assert outbox.discard(db, row_id, now=NOW)
    assert outbox.get(db, row_id).state == "discarded"
    assert not outbox.retry(db, row_id, now=NOW)


def test_history_pages_by_keyset_newest_first(db):
    ids = _queue(db, 7)
    first = outbox.history_page(db, limit=3)
    assert [r.id for r in first] == ids[::-1][:3]
    second = outbox.history_page(db, before_id=first[-1].id, limit=3)
    assert [r.id for r in second] == ids[::-1][3:6]
    outbox.claim(db, ids[0], message_id="<1@x>", now=NOW)
    outbox.mark_sent(db, ids[0], reply="250", now=NOW)
    assert [r.id for r in outbox.history_page(db, states=("sent",))] == [ids[0]]
    assert outbox.count_by_state(db)["queued"] == 6


def test_wire_counts_feed_the_caps(db):
    a, b = _queue(db, 2)
    for row_id in (a, b):
        outbox.claim(db, row_id, message_id=f"<{row_id}@x>", now=NOW)
    outbox.mark_sent(db, a, reply="250", now=NOW)
    outbox.mark_needs_attention(db, b, code=None, message="?", now=LATER)
    assert outbox.wire_count_since(db, PAST) == 2
    assert outbox.wire_count_since(db, NOW) == 1  # the window is (since, now]
    assert outbox.wire_time_at(db, PAST, 0) == NOW
