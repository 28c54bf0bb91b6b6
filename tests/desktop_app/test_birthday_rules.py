"""Birthday rules: days ahead, year-less, Feb 29 both ways, Dec → Jan, one per year, time zones."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.drafting import draft_day
from desktop_app.drafting.dates import shop_today
from desktop_app.settings import Settings
from storage import drafts
from tests.desktop_app.shop_builder import add_customer, drafts_of

S = Settings(shop_name="Rosemary & Rye", owner_name="Ana", cooldown_days=14)


def run(db, day: dt.date, settings: Settings = S, catch_up: bool = False):
    return draft_day(db, day, settings, catch_up=catch_up)


def test_birthday_is_drafted_days_ahead_and_says_why(db):
    maria = add_customer(db, first_name="Maria", birth_month=3, birth_day=15, birth_year=1988)
    add_customer(db, birth_month=3, birth_day=16)  # one day too far
    result = run(db, dt.date(2026, 3, 12))
    assert result.by_occasion == {"birthday": 1}
    draft = drafts.get(db, result.draft_ids[0])
    assert draft.customer_id == maria
    assert draft.occasion_key == "2026-03-15" and draft.occasion_date == "2026-03-15"
    assert draft.why == "Birthday on Sun 15 March — turns 38"
    assert draft.data["age"] == 38
    assert "Maria" in draft.subject and "Maria" in draft.body_text
    assert "unsubscribe" in draft.body_text
    assert draft.status == "pending" and draft.template_id is not None


def test_yearless_birthday_works_and_says_year_unknown(db):
    add_customer(db, first_name="Sam", birth_month=7, birth_day=4)
    result = run(db, dt.date(2026, 7, 1))
    draft = drafts.get(db, result.draft_ids[0])
    assert draft.why == "Birthday on Sat 4 July — year unknown"
    assert draft.data["age"] is None


@pytest.mark.parametrize(
    ("setting", "year", "expected_day"),
    [
        ("feb28", 2027, dt.date(2027, 2, 28)),
        ("mar1", 2027, dt.date(2027, 3, 1)),
        ("feb28", 2028, dt.date(2028, 2, 29)),
        ("mar1", 2028, dt.date(2028, 2, 29)),
    ],
)
def test_feb29_in_common_and_leap_years(db, setting, year, expected_day):
    leapling = add_customer(db, birth_month=2, birth_day=29, birth_year=2000)
    settings = S.replace(feb29_in_common_years=setting, birthday_days_ahead=0)
    made = []
    day = dt.date(year, 2, 26)
    while day <= dt.date(year, 3, 3):
        made += [(day, o) for o in run(db, day, settings).by_occasion]
        day += dt.timedelta(days=1)
    assert made == [(expected_day, "birthday")]
    assert drafts_of(db, leapling) == [(leapling, "birthday", expected_day.isoformat(), "pending")]


def test_december_window_wraps_into_january(db):
    newyear = add_customer(db, birth_month=1, birth_day=2)
    result = run(db, dt.date(2026, 12, 30))
    assert drafts_of(db, newyear) == [(newyear, "birthday", "2027-01-02", "pending")]
    assert result.created == 1
    # The next year's scan of the same dates makes the 2028 one, not a duplicate.
    assert run(db, dt.date(2026, 12, 30)).created == 0
    assert run(db, dt.date(2027, 12, 30)).created == 1


def test_at_most_one_birthday_draft_per_customer_per_year(db):
    cid = add_customer(db, birth_month=5, birth_day=10)
    assert run(db, dt.date(2026, 5, 7)).created == 1
    # Changing the setting so the same birthday is reached from another day makes nothing new.
    assert run(db, dt.date(2026, 5, 9), S.replace(birthday_days_ahead=1)).created == 0
    assert len(drafts_of(db, cid)) == 1


def test_rerunning_a_day_changes_nothing(db):
    for day in (14, 15, 15, 16):
        add_customer(db, birth_month=3, birth_day=day)
    first = run(db, dt.date(2026, 3, 12))
    before = db.execute("SELECT * FROM drafts ORDER BY id").fetchall()
    second = run(db, dt.date(2026, 3, 12))
    assert first.created == 2 and second.created == 0 and second.skipped == []
    assert db.execute("SELECT * FROM drafts ORDER BY id").fetchall() == before


def test_daylight_saving_change_does_not_shift_a_birthday(db):
    berlin = S.replace(timezone="Europe/Berlin", birthday_days_ahead=0)
    add_customer(db, birth_month=3, birth_day=29)  # clocks go forward in Berlin that night
    add_customer(db, birth_month=10, birth_day=25)  # and back
    # 00:30 local on the DST days is still the previous day in UTC.
    spring = shop_today(berlin, dt.datetime(2026, 3, 28, 23, 30, tzinfo=dt.UTC))
    autumn = shop_today(berlin, dt.datetime(2026, 10, 24, 22, 30, tzinfo=dt.UTC))
    assert spring == dt.date(2026, 3, 29) and autumn == dt.date(2026, 10, 25)
    assert run(db, spring, berlin).by_occasion == {"birthday": 1}
    assert run(db, autumn, berlin).by_occasion == {"birthday": 1}
    keys = [r[2] for r in drafts_of(db)]
    assert keys == ["2026-03-29", "2026-10-25"]
    # 23:30 local the evening before is not yet the birthday.
    assert shop_today(berlin, dt.datetime(2026, 3, 28, 22, 30, tzinfo=dt.UTC)) == dt.date(2026, 3, 28)


def test_impossible_date_in_a_contact_file_falls_on_the_months_last_day(db):
    cid = add_customer(db, birth_month=4, birth_day=31)
    run(db, dt.date(2026, 4, 27))
    assert drafts_of(db, cid) == [(cid, "birthday", "2026-04-30", "pending")]
