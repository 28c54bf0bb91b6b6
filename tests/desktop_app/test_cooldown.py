"""Cool-down: one automated message per customer per period; restock > birthday > loyalty > win-back."""

from __future__ import annotations

import datetime as dt

from desktop_app.drafting import draft_day
from desktop_app.products import restock
from desktop_app.settings import Settings
from storage import drafts
from tests.desktop_app.shop_builder import add_customer, add_product, add_visit, ask, drafts_of

S = Settings(birthday_days_ahead=3, cooldown_days=14, stamp_every=3, winback_after_days=60,
             winback_min_visits=2, points_reward_threshold=0, anniversary_enabled=False)
DAY = dt.date(2026, 3, 12)


def test_birthday_beats_a_stamp_reward_on_the_same_day_and_the_reward_is_deferred(db):
    cid = add_customer(db, birth_month=3, birth_day=15)
    for back in (20, 10, 1):
        add_visit(db, cid, DAY - dt.timedelta(days=back))
    run = draft_day(db, DAY, S)
    assert run.by_occasion == {"birthday": 1}
    assert run.skipped == [{
        "customer_id": cid, "occasion": "stamp_reward", "reason": "cooldown_deferred",
        "detail": "cool-down: a birthday note is drafted today"}]
    # Deferred, not lost: once the period is over the reward is drafted.
    assert draft_day(db, DAY + dt.timedelta(days=13), S).by_occasion == {}
    assert draft_day(db, DAY + dt.timedelta(days=14), S).by_occasion == {"stamp_reward": 1}


def test_a_pending_lower_draft_is_pushed_out_by_a_higher_one(db):
    cid = add_customer(db, birth_month=3, birth_day=20)
    for back in (30, 20, 2):
        add_visit(db, cid, DAY - dt.timedelta(days=back))
    first = draft_day(db, DAY, S)
    assert first.by_occasion == {"stamp_reward": 1}
    second = draft_day(db, DAY + dt.timedelta(days=5), S)  # birthday on the 20th comes into view
    assert second.by_occasion == {"birthday": 1}
    stamp = drafts.get(db, first.draft_ids[0])
    assert stamp.status == "snoozed" and "birthday" in stamp.status_reason
    assert stamp.snooze_until == (DAY + dt.timedelta(days=19)).isoformat()


def test_an_approved_message_holds_the_period_and_a_dated_loser_is_dropped_with_its_reason(db):
    cid = add_customer(db, birth_month=3, birth_day=25)
    for back in (30, 20, 2):
        add_visit(db, cid, DAY - dt.timedelta(days=back))
    first = draft_day(db, DAY, S)
    drafts.set_status(db, first.draft_ids[0], "approved")
    run = draft_day(db, DAY + dt.timedelta(days=10), S)  # birthday on the 25th, reward approved
    assert run.created == 0
    assert run.skipped[0]["reason"] == "cooldown_dropped"
    rows = drafts_of(db, cid)
    assert rows[-1] == (cid, "birthday", "2026-03-25", "dropped")
    dropped = drafts.for_customer(db, cid)[-1]
    assert "stamp reward" in dropped.status_reason
    # The dropped row keeps the day from being reconsidered.
    assert draft_day(db, DAY + dt.timedelta(days=10), S).skipped == []


def test_restock_request_wins_over_everything_and_drops_a_pending_birthday(db):
    cid = add_customer(db, birth_month=3, birth_day=15)
    product = add_product(db)
    ask(db, cid, product, DAY - dt.timedelta(days=5))
    birthday = draft_day(db, DAY, S)
    assert birthday.by_occasion == {"birthday": 1}
    notice = restock(db, product, 2, settings=S, today=DAY + dt.timedelta(days=1))
    assert notice.by_occasion == {"restock": 1}
    assert drafts.get(db, birthday.draft_ids[0]).status == "dropped"


def test_winback_loses_to_loyalty_and_no_two_messages_in_one_period(db):
    regular = add_customer(db)
    for back in (200, 150, 61):
        add_visit(db, regular, DAY - dt.timedelta(days=back))
    run = draft_day(db, DAY, S)  # 3rd visit 61 days ago is outside the reward window; lapse inside
    assert run.by_occasion == {"winback": 1}
    # Across the whole period nothing else is drafted for this customer.
    for offset in range(1, 14):
        assert draft_day(db, DAY + dt.timedelta(days=offset), S).created == 0
    assert len(drafts_of(db, regular)) == 1


def test_cooldown_zero_allows_everything(db):
    cid = add_customer(db, birth_month=3, birth_day=15)
    for back in (20, 10, 1):
        add_visit(db, cid, DAY - dt.timedelta(days=back))
    run = draft_day(db, DAY, S.replace(cooldown_days=0))
    assert run.by_occasion == {"birthday": 1, "stamp_reward": 1}
