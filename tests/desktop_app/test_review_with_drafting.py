"""The review queue over drafts made by the real drafting rules: approve, never again, re-render."""

from __future__ import annotations

import datetime as dt

from desktop_app.drafting import draft_day
from desktop_app.review import ReviewService
from desktop_app.settings import Settings, save_settings
from tests.desktop_app.shop_builder import add_customer, drafts_of

DAY = dt.date(2026, 3, 12)
NOON = dt.datetime(2026, 3, 12, 12, 0, tzinfo=dt.UTC)
S = Settings(shop_name="Rosa's Bakery", timezone="UTC", birthday_days_ahead=3, cooldown_days=14)


def test_drafted_birthday_is_checked_approved_and_planned_for_its_morning(db):
    save_settings(db, S)
    cid = add_customer(db, first_name="Anna", birth_month=3, birth_day=15)
    assert draft_day(db, DAY).created == 1
    service = ReviewService(clock=lambda: NOON)  # the real check and renderer
    [item] = service.queue(db)
    assert item.customer_id == cid and item.occasion == "birthday" and item.checked_at
    assert item.is_clean, item.findings
    outcome = service.approve(db, [item.id])
    assert outcome.done == (item.id,)
    row = db.execute("SELECT to_addr, subject, planned_at, state FROM outbox").fetchone()
    email = db.execute("SELECT email FROM customers WHERE id = ?", [cid]).fetchone()[0]
    assert row[0] == email
    assert row[1] == item.subject and row[3] == "queued"
    assert row[2] == "2026-03-15T09:00:00.000000+00:00"


def test_never_this_occasion_stops_the_birthday_rule_next_year(db):
    save_settings(db, S)
    kept = add_customer(db, first_name="Ben", birth_month=3, birth_day=15)
    stopped = add_customer(db, first_name="Clara", birth_month=3, birth_day=15)
    draft_day(db, DAY)
    service = ReviewService(clock=lambda: NOON)
    by_customer = {i.customer_id: i.id for i in service.queue(db)}
    service.never(db, [by_customer[stopped]])
    next_year = draft_day(db, DAY.replace(year=2027), catch_up=False)
    occasions = [o for c, o, _, _ in drafts_of(db, stopped) if o.startswith("birthday")]
    assert occasions == ["birthday"]  # only last year's, now dropped
    assert {"customer_id": stopped, "occasion": "birthday", "reason": "suppressed"} in next_year.skipped
    assert len([d for d in drafts_of(db, kept) if d[1] == "birthday"]) == 2


def test_rerender_restores_the_template_text_after_an_edit(db):
    save_settings(db, S)
    add_customer(db, first_name="Dora", birth_month=3, birth_day=15)
    draft_day(db, DAY)
    service = ReviewService(clock=lambda: NOON)
    [item] = service.queue(db)
    service.edit(db, item.id, subject="My own words", body_text="Dear Dora, happy birthday. Rosa")
    service.rerender(db, item.id)
    row = db.execute("SELECT subject, body_text, edited FROM drafts WHERE id = ?", [item.id]).fetchone()
    assert row == (item.subject, item.body_text, 0)
