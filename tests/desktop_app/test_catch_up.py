"""Catch-up: missed days are scanned once, late birthdays are belated (or skipped by setting)."""

from __future__ import annotations

import datetime as dt

from desktop_app.drafting import days_to_scan, draft_day, last_scanned_day
from desktop_app.settings import Settings
from tests.desktop_app.shop_builder import add_customer, drafts_of

S = Settings(birthday_days_ahead=3, cooldown_days=14)


def test_a_ten_day_gap_drafts_each_missed_birthday_once_late_ones_belated(db):
    start = dt.date(2026, 6, 1)
    draft_day(db, start, S)
    assert last_scanned_day(db) == start
    # One birthday on each day the closed laptop would have covered, and one beyond.
    people = {add_customer(db, birth_month=6, birth_day=d): d for d in range(5, 16)}
    back = dt.date(2026, 6, 11)
    result = draft_day(db, back, S)
    assert result.scanned_days == [(start + dt.timedelta(days=i)).isoformat() for i in range(1, 11)]
    made = {r[0]: (r[1], r[2]) for r in drafts_of(db)}
    for cid, day in people.items():
        target = dt.date(2026, 6, day)
        if target > back + dt.timedelta(days=3):
            assert cid not in made  # not due yet
        elif target < back:
            assert made[cid] == ("birthday_belated", target.isoformat())
        else:
            assert made[cid] == ("birthday", target.isoformat())
    assert len(made) == len(drafts_of(db)) == 10
    # Running again, or over the same days again, adds nothing.
    assert draft_day(db, back, S).created == 0
    assert draft_day(db, back + dt.timedelta(days=1), S).created == 1  # the June 15th one
    assert len(drafts_of(db)) == 11


def test_belated_can_be_switched_off(db):
    draft_day(db, dt.date(2026, 6, 1), S)
    add_customer(db, birth_month=6, birth_day=6)
    skip = S.replace(belated_birthdays="skip")
    draft_day(db, dt.date(2026, 6, 11), skip)
    assert drafts_of(db) == []


def test_catch_up_reaches_at_most_the_set_number_of_days_back(db):
    draft_day(db, dt.date(2026, 1, 1), S)
    days = days_to_scan(db, dt.date(2026, 3, 1), S)
    assert days[0] == dt.date(2026, 1, 30) and days[-1] == dt.date(2026, 3, 1) and len(days) == 31


def test_first_run_and_earlier_days_scan_only_that_day(db):
    assert days_to_scan(db, dt.date(2026, 5, 5), S) == [dt.date(2026, 5, 5)]
    draft_day(db, dt.date(2026, 5, 5), S)
    assert days_to_scan(db, dt.date(2026, 5, 1), S) == [dt.date(2026, 5, 1)]
    draft_day(db, dt.date(2026, 5, 1), S)
    assert last_scanned_day(db) == dt.date(2026, 5, 5)  # never moves backwards
