"""Planned send times: the occasion's morning, as soon as approved, never in quiet hours."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from desktop_app.send_plan import in_quiet_hours, local_today, planned_send_at, shop_zone
from desktop_app.settings import Settings

BERLIN = ZoneInfo("Europe/Berlin")
S = Settings(timezone="Europe/Berlin", send_day_messages_from="09:00",
             quiet_hours_start="21:00", quiet_hours_end="08:00")


def plan(occasion, occasion_date, local_now, settings=S):
    now = local_now.replace(tzinfo=BERLIN).astimezone(dt.UTC)
    return planned_send_at(occasion=occasion, occasion_date=occasion_date, now=now,
                           settings=settings).astimezone(BERLIN).replace(tzinfo=None)


def test_birthday_approved_early_goes_out_on_the_morning_of_the_day():
    assert plan("birthday", dt.date(2026, 3, 12), dt.datetime(2026, 3, 9, 7, 15)) == dt.datetime(2026, 3, 12, 9, 0)


def test_birthday_approved_on_the_day_after_nine_goes_now():
    assert plan("birthday", dt.date(2026, 3, 12), dt.datetime(2026, 3, 12, 11, 40)) == dt.datetime(2026, 3, 12, 11, 40)


def test_belated_birthday_goes_now_and_anniversary_waits_for_its_day():
    assert plan("birthday_belated", dt.date(2026, 3, 1), dt.datetime(2026, 3, 12, 10, 0)) == dt.datetime(2026, 3, 12, 10, 0)
    assert plan("anniversary", dt.date(2026, 3, 14), dt.datetime(2026, 3, 12, 10, 0)) == dt.datetime(2026, 3, 14, 9, 0)


def test_restock_goes_as_soon_as_approved_but_not_in_quiet_hours():
    assert plan("restock", None, dt.datetime(2026, 3, 12, 15, 0)) == dt.datetime(2026, 3, 12, 15, 0)
    assert plan("restock", None, dt.datetime(2026, 3, 12, 22, 30)) == dt.datetime(2026, 3, 13, 8, 0)
    assert plan("winback", None, dt.datetime(2026, 3, 12, 6, 0)) == dt.datetime(2026, 3, 12, 8, 0)


def test_an_early_morning_setting_is_moved_out_of_quiet_hours():
    early = S.replace(send_day_messages_from="06:30")
    assert plan("birthday", dt.date(2026, 3, 12), dt.datetime(2026, 3, 10, 12, 0), early) == dt.datetime(2026, 3, 12, 8, 0)


def test_quiet_hours_within_one_day():
    assert in_quiet_hours(dt.time(13, 0), dt.time(12, 0), dt.time(14, 0))
    assert not in_quiet_hours(dt.time(14, 0), dt.time(12, 0), dt.time(14, 0))


def test_daylight_saving_day_keeps_the_local_morning():
    # Berlin moves its clocks on 29 March 2026: nine o'clock is still nine o'clock local.
    assert plan("birthday", dt.date(2026, 3, 29), dt.datetime(2026, 3, 27, 12, 0)) == dt.datetime(2026, 3, 29, 9, 0)


def test_shop_zone_and_today():
    assert shop_zone(S) == BERLIN
    assert shop_zone(Settings(timezone="Not/AZone")) is not None
    late = dt.datetime(2026, 3, 12, 23, 30, tzinfo=dt.UTC)  # already the 13th in Berlin
    assert local_today(S, late) == dt.date(2026, 3, 13)
