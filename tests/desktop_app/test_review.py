"""The review service: approve into the outbox, overrides, skip, snooze, never, edit, undo."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.errors import AppError
from desktop_app.review import ReviewService, group_queue
from desktop_app.settings import Settings, save_settings
from storage import audit, suppressions
from tests.drafts_factory import NOW, add_customer, add_draft, fill_queue, findings_of, simple_check


class Clock:
    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def clock():
    return Clock(NOW)


@pytest.fixture
def service(db, clock):
    save_settings(db, Settings(shop_name="Rosa's Bakery", timezone="UTC"))
    return ReviewService(check=simple_check, clock=clock)


def outbox_rows(db):
    return db.execute("SELECT draft_id, state, to_addr, subject, planned_at FROM outbox ORDER BY id").fetchall()


def test_queue_groups_by_day_and_occasion_and_stores_findings(db, service):
    fill_queue(db, 12, flagged_every=4)
    items = service.queue(db)
    assert len(items) == 12
    groups = group_queue(items)
    keys = [(g.day, g.occasion) for g in groups]
    assert keys == sorted(set(keys), key=keys.index)  # each group appears once
    assert [g.day for g in groups] == sorted(g.day for g in groups)
    assert sum(len(g.items) for g in groups) == 12
    flagged = [i for i in items if i.worst_severity == "warn"]
    assert len(flagged) == 3
    assert findings_of(db, flagged[0].id)[0]["code"] == "exclamations"


def test_findings_are_recomputed_when_the_customer_changes(db, service, clock):
    cid = add_customer(db, "Anna", "Keller")
    did = add_draft(db, cid)
    assert service.queue(db)[0].is_clean
    clock.now = NOW + dt.timedelta(minutes=5)
    db.execute("UPDATE customers SET do_not_contact = 1, updated_at = ? WHERE id = ?",
               [(NOW + dt.timedelta(minutes=1)).isoformat(), cid])
    item = service.queue(db)[0]
    assert item.id == did and item.worst_severity == "block"


def test_approve_creates_one_queued_outbox_row_even_when_approved_twice(db, service):
    cid = add_customer(db, "Anna", "Keller", email="anna@example.org")
    did = add_draft(db, cid, occasion="restock", subject="It is back", body="Hello Anna")
    first = service.approve(db, [did])
    second = service.approve(db, [did])
    assert first.done == (did,) and second.done == ()
    assert second.refused[0].code == "not_waiting"
    rows = outbox_rows(db)
    assert rows == [(did, "queued", "anna@example.org", "It is back", NOW.isoformat(timespec="microseconds"))]
    assert db.execute("SELECT status FROM drafts WHERE id = ?", [did]).fetchone()[0] == "approved"
    assert [e.action for e in audit.entries(db, entity="draft", entity_id=did)] == ["approve"]


def test_birthday_approved_early_is_planned_for_its_morning(db, service):
    cid = add_customer(db, "Anna", "Keller")
    did = add_draft(db, cid, occasion="birthday", occasion_date="2026-03-13", subject="Happy birthday")
    service.approve(db, [did])
    assert outbox_rows(db)[0][4] == "2026-03-13T09:00:00.000000+00:00"


def test_blocked_draft_needs_override_which_is_audited(db, service):
    cid = add_customer(db, "Ben", "Berg")
    did = add_draft(db, cid, subject="Hello {{ first_name }}")
    refused = service.approve(db, [did])
    assert refused.done == () and refused.refused[0].code == "blocked"
    assert "Template text" in refused.refused[0].message
    assert outbox_rows(db) == []
    forced = service.approve(db, [did], override=True)
    assert forced.done == (did,)
    actions = [e.action for e in audit.entries(db, entity="draft", entity_id=did)]
    assert actions == ["approve", "override"]  # newest first
    override = audit.entries(db, entity="draft", entity_id=did)[1]
    assert override.detail["findings"][0]["code"] == "leftover"


def test_approve_all_clean_leaves_flagged_drafts_pending(db, service):
    ids = fill_queue(db, 10, flagged_every=3)  # drafts 3, 6, 9 (1-based) warn
    blocked = add_draft(db, add_customer(db, "Zoe", "Stop", do_not_contact=1))
    outcome = service.approve_all_clean(db)
    assert len(outcome.done) == 7
    pending = {i.id for i in service.queue(db)}
    assert pending == {ids[2], ids[5], ids[8], blocked}
    assert len(outbox_rows(db)) == 7


def test_customer_without_email_cannot_be_approved(db, service):
    did = add_draft(db, add_customer(db, "Nora", "Phone", email=None))
    outcome = service.approve(db, [did], override=True)
    assert outcome.refused[0].code == "no_email" and outbox_rows(db) == []


def test_skip_with_reason_is_audited(db, service):
    did = add_draft(db, add_customer(db, "Anna"))
    service.skip(db, [did], reason="  she moved away ")
    row = db.execute("SELECT status, status_reason FROM drafts WHERE id = ?", [did]).fetchone()
    assert row == ("skipped", "she moved away")
    entry = audit.entries(db, entity="draft", entity_id=did)[0]
    assert (entry.action, entry.detail) == ("skip", {"reason": "she moved away"})
    assert service.queue(db) == []
    assert [i.id for i in service.queue(db, statuses=["skipped"])] == [did]


def test_snoozed_drafts_return_on_their_date(db, service, clock):
    did = add_draft(db, add_customer(db, "Anna"))
    service.snooze(db, [did], until=dt.date(2026, 3, 12))
    assert service.queue(db) == []
    assert [i.id for i in service.queue(db, statuses=["snoozed"])] == [did]
    clock.now = NOW + dt.timedelta(days=1)
    assert service.queue(db) == []
    clock.now = NOW + dt.timedelta(days=2)
    back = service.queue(db)
    assert [i.id for i in back] == [did] and back[0].queue_status == "pending"
    assert service.approve(db, [did]).done == (did,)


def test_snooze_must_be_to_a_later_day(db, service):
    did = add_draft(db, add_customer(db, "Anna"))
    with pytest.raises(AppError):
        service.snooze(db, [did], until=dt.date(2026, 3, 10))


def test_never_this_occasion_suppresses_the_family_and_drops_waiting_drafts(db, service):
    cid = add_customer(db, "Anna")
    other = add_customer(db, "Ben")
    bday = add_draft(db, cid, occasion="birthday", key="b")
    belated = add_draft(db, cid, occasion="birthday_belated", key="bb")
    restock = add_draft(db, cid, occasion="restock", key="r")
    bens = add_draft(db, other, occasion="birthday", key="b2")
    outcome = service.never(db, [bday])
    assert set(outcome.done) == {bday, belated}
    assert suppressions.for_customer(db, cid) == ["birthday", "birthday_belated"]
    assert {i.id for i in service.queue(db)} == {restock, bens}
    # The storage query the drafting rules use: Anna is left out, Ben is not.
    sql = f"SELECT c.id FROM customers c WHERE {suppressions.not_suppressed_sql('c.id')} ORDER BY c.id"
    assert [r[0] for r in db.execute(sql, ["birthday"]).fetchall()] == [other]
    assert [r[0] for r in db.execute(sql, ["restock"]).fetchall()] == [cid, other]
    assert suppressions.suppressed_customer_ids(db, "birthday") == {cid}


def test_edit_keeps_the_owners_words_rechecks_and_is_audited(db, service):
    did = add_draft(db, add_customer(db, "Anna"), subject="Hi", body="Hello Anna")
    service.edit(db, did, subject="Hi Anna!!!", body_text="Hello Anna, your loaf is here")
    row = db.execute("SELECT subject, body_text, body_html, edited FROM drafts WHERE id = ?", [did]).fetchone()
    assert row == ("Hi Anna!!!", "Hello Anna, your loaf is here", None, 1)
    assert findings_of(db, did)[0]["code"] == "exclamations"
    entry = audit.entries(db, entity="draft", entity_id=did)[0]
    assert entry.action == "edit" and entry.detail["before"]["subject"] == "Hi"


def test_rerender_uses_the_renderer_and_clears_edited(db, clock):
    save_settings(db, Settings(timezone="UTC"))
    calls = []

    def render(database, draft_id):  # the shape of desktop_app.drafting.render_draft
        calls.append(draft_id)
        return "From template", "Hello from the template", "<p>Hello</p>"

    service = ReviewService(check=simple_check, render=render, clock=clock)
    did = add_draft(db, add_customer(db, "Anna"))
    service.edit(db, did, subject="Mine", body_text="My words")
    service.rerender(db, did)
    assert calls == [did]
    row = db.execute("SELECT subject, body_text, body_html, edited FROM drafts WHERE id = ?", [did]).fetchone()
    assert row == ("From template", "Hello from the template", "<p>Hello</p>", 0)
    service.undo(db)  # back to the owner's own words
    assert db.execute("SELECT subject, edited FROM drafts WHERE id = ?", [did]).fetchone() == ("Mine", 1)


def test_undo_reverses_each_kind_of_action(db, service):
    cid = add_customer(db, "Anna")
    a = add_draft(db, cid, occasion="restock", key="r")
    b = add_draft(db, cid, occasion="birthday", key="b")
    service.approve(db, [a])
    service.never(db, [b])
    assert service.undo_label == "never"
    service.undo(db)
    assert suppressions.for_customer(db, cid) == []
    assert db.execute("SELECT status FROM drafts WHERE id = ?", [b]).fetchone()[0] == "pending"
    service.undo(db)
    assert outbox_rows(db) == []
    assert db.execute("SELECT status, planned_at FROM drafts WHERE id = ?", [a]).fetchone() == ("pending", None)
    assert {i.id for i in service.queue(db)} == {a, b}
    with pytest.raises(AppError):
        service.undo(db)
    assert [e.action for e in audit.entries(db, entity="draft", entity_id=a)][:2] == ["undo", "approve"]


def test_approval_cannot_be_undone_once_the_message_is_leaving(db, service):
    a = add_draft(db, add_customer(db, "Anna"))
    service.approve(db, [a])
    db.execute("UPDATE outbox SET state = 'sending' WHERE draft_id = ?", [a])
    with pytest.raises(AppError, match="started to leave"):
        service.undo(db)
    assert len(outbox_rows(db)) == 1


def test_sent_and_failed_outbox_states_show_in_the_queue(db, service):
    ids = fill_queue(db, 3)
    service.approve(db, ids)
    db.execute("UPDATE outbox SET state = 'sent', sent_at = ? WHERE draft_id = ?", [NOW.isoformat(), ids[0]])
    db.execute("UPDATE outbox SET state = 'failed' WHERE draft_id = ?", [ids[1]])
    assert [i.id for i in service.queue(db, statuses=["sent"])] == [ids[0]]
    assert [i.id for i in service.queue(db, statuses=["failed"])] == [ids[1]]
    assert [i.id for i in service.queue(db, statuses=["approved"])] == [ids[2]]


def test_cooldown_facts_see_the_last_message(db, service):
    cid = add_customer(db, "Anna")
    a = add_draft(db, cid, key="a")
    b = add_draft(db, cid, key="b", occasion="winback")
    service.approve(db, [a])
    facts = service.facts(db, b)
    assert facts.last_message_at == NOW and facts.customer.first_name == "Anna"
    assert facts.shop.name == "Rosa's Bakery"
