"""The queue's SQL: effective statuses, waiting counts, staleness of findings, idempotent outbox rows."""

from __future__ import annotations

from storage import drafts_queue, suppressions
from tests.drafts_factory import add_customer, add_draft


def test_count_waiting_includes_due_snoozes_only(db):
    cid = add_customer(db, "Anna")
    add_draft(db, cid, key="a")
    add_draft(db, cid, key="b", status="snoozed", snooze_until="2026-03-10")
    add_draft(db, cid, key="c", status="snoozed", snooze_until="2026-03-11")
    add_draft(db, cid, key="d", status="skipped")
    assert drafts_queue.count_waiting(db, today="2026-03-10") == 2
    assert drafts_queue.count_waiting(db, today="2026-03-11") == 3
    statuses = [i.queue_status for i in drafts_queue.list_queue(db, today="2026-03-10", statuses=drafts_queue.QUEUE_STATUSES)]
    assert sorted(statuses) == ["pending", "pending", "skipped", "snoozed"]


def test_stale_ids_until_checked_today(db):
    did = add_draft(db, add_customer(db, "Anna"))
    assert drafts_queue.stale_ids(db, today="2026-03-10") == [did]
    drafts_queue.store_findings(db, did, [], checked_at="2026-03-10T09:00:00.000000+00:00")
    assert drafts_queue.stale_ids(db, today="2026-03-10") == []
    assert drafts_queue.stale_ids(db, today="2026-03-11") == [did]
    assert drafts_queue.stale_ids(db, today="2026-03-10", ids=[]) == []


def test_insert_outbox_is_idempotent_per_draft(db):
    cid = add_customer(db, "Anna")
    did = add_draft(db, cid)
    values = dict(draft_id=did, customer_id=cid, occasion="restock", to_name="Anna", to_addr="a@example.org",
                  subject="s", body_text="b", body_html=None, planned_at="2026-03-10T09:00:00+00:00", now="2026-03-10")
    first = drafts_queue.insert_outbox(db, **values)
    assert first is not None
    assert drafts_queue.insert_outbox(db, **values) is None
    assert db.execute("SELECT COUNT(*) FROM outbox").fetchone()[0] == 1


def test_suppressions_add_is_idempotent_and_removable(db):
    cid = add_customer(db, "Anna")
    assert suppressions.add(db, cid, ["birthday", "birthday_belated"]) == ["birthday", "birthday_belated"]
    assert suppressions.add(db, cid, ["birthday"]) == []
    assert suppressions.is_suppressed(db, cid, "birthday")
    suppressions.remove(db, cid, ["birthday"])
    assert not suppressions.is_suppressed(db, cid, "birthday")
