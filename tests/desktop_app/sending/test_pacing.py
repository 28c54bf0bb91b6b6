"""Quiet hours, the daily and per-minute caps, and restart recovery, through send_due."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from desktop_app import pacing
from desktop_app.pacing import SendLimits
from desktop_app.sending import send_due
from desktop_app.settings import Settings
from storage import outbox
from storage.timestamps import to_iso
from tests.desktop_app.sending.outbox_rows import queue_messages
from tests.desktop_app.sending.outbox_server import make_wire

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")

BERLIN = ZoneInfo("Europe/Berlin")
T0 = dt.datetime(2026, 1, 2, 12, tzinfo=dt.UTC)


def test_quiet_hours_spanning_midnight_in_the_shops_zone():
    limits = SendLimits(zone=BERLIN)
    # 20:30 UTC is 21:30 in Berlin (winter): quiet until 08:00 Berlin = 07:00 UTC next day.
    assert pacing.quiet_until(dt.datetime(2026, 1, 2, 20, 30, tzinfo=dt.UTC), limits) == \
        dt.datetime(2026, 1, 3, 7, 0, tzinfo=dt.UTC)
    # 05:00 UTC = 06:00 Berlin: still quiet, until 07:00 UTC the same day.
    assert pacing.quiet_until(dt.datetime(2026, 1, 3, 5, 0, tzinfo=dt.UTC), limits) == \
        dt.datetime(2026, 1, 3, 7, 0, tzinfo=dt.UTC)
    assert pacing.quiet_until(dt.datetime(2026, 1, 3, 7, 0, tzinfo=dt.UTC), limits) is None
    # Summer time moves the end by an hour in UTC.
    assert pacing.quiet_until(dt.datetime(2026, 7, 1, 3, 0, tzinfo=dt.UTC), limits) == \
        dt.datetime(2026, 7, 1, 6, 0, tzinfo=dt.UTC)


def test_quiet_hours_within_one_day_and_none():
    limits = SendLimits(quiet_start=dt.time(12), quiet_end=dt.time(14), zone=dt.UTC)
    assert pacing.quiet_until(T0, limits) == T0 + dt.timedelta(hours=2)
    assert pacing.quiet_until(T0, SendLimits.unpaced()) is None


def test_limits_from_settings_over_presets_over_defaults():
    settings = Settings(timezone="Europe/Berlin", quiet_hours_start="22:00")
    limits = pacing.limits_from(settings, preset_daily=2000, preset_per_minute=None)
    assert limits.daily_cap == 2000 and limits.per_minute_cap == pacing.DEFAULT_PER_MINUTE_CAP
    assert limits.quiet_start == dt.time(22) and limits.zone == BERLIN
    owner = pacing.limits_from(settings.replace(daily_send_cap=50), preset_daily=2000)
    assert owner.daily_cap == 50


def test_nothing_goes_out_in_quiet_hours(db, outbox_server):
    queue_messages(db, 3)
    limits = SendLimits(daily_cap=None, per_minute_cap=None, zone=dt.UTC)
    night = dt.datetime(2026, 1, 2, 23, 0, tzinfo=dt.UTC)
    report = send_due(db, wire=make_wire(outbox_server, limits=limits), clock=lambda: night)
    assert report.sent == 0 and outbox_server.handler.connections == 0
    assert report.next_send_at == dt.datetime(2026, 1, 3, 8, 0, tzinfo=dt.UTC)
    morning = dt.datetime(2026, 1, 3, 8, 0, tzinfo=dt.UTC)
    assert send_due(db, wire=make_wire(outbox_server, limits=limits), clock=lambda: morning).sent == 3


def test_the_daily_cap_is_rolling_and_says_when_the_next_send_is(db, outbox_server):
    queue_messages(db, 5)
    limits = SendLimits(daily_cap=3, per_minute_cap=None, quiet_start=None, quiet_end=None)
    wire = make_wire(outbox_server, limits=limits)
    report = send_due(db, wire=wire, clock=lambda: T0)
    assert report.sent == 3
    assert report.next_send_at == T0 + dt.timedelta(hours=24)
    assert send_due(db, wire=wire, clock=lambda: T0 + dt.timedelta(hours=23)).sent == 0
    assert send_due(db, wire=wire, clock=lambda: T0 + dt.timedelta(hours=24)).sent == 2


def test_the_per_minute_pace_waits_within_the_run(db, outbox_server):
    queue_messages(db, 5)
    limits = SendLimits(daily_cap=None, per_minute_cap=2, quiet_start=None, quiet_end=None)
    clock = [T0]
    slept = []

    def sleep(seconds: float) -> None:  # a fake clock: sleeping moves time on
        slept.append(seconds)
        clock[0] += dt.timedelta(seconds=seconds)

    report = send_due(db, wire=make_wire(outbox_server, limits=limits), clock=lambda: clock[0],
                      sleep=sleep)
    assert report.sent == 5 and slept == [60.0, 60.0]
    sent_at = sorted(r.sent_at for r in outbox.history_page(db))
    assert sent_at[2] == to_iso(T0 + dt.timedelta(minutes=1))
    assert outbox_server.handler.connections == 1  # the one connection waited with us


def test_a_long_pace_wait_ends_the_run_instead(db, outbox_server):
    queue_messages(db, 3)
    limits = SendLimits(daily_cap=None, per_minute_cap=1, quiet_start=None, quiet_end=None)
    report = send_due(db, wire=make_wire(outbox_server, limits=limits), clock=lambda: T0,
                      sleep=lambda s: pytest.fail("must not sleep"), max_pace_wait=10)
    assert report.sent == 1 and report.next_send_at == T0 + dt.timedelta(minutes=1)


def test_restart_turns_sending_into_needs_attention_and_never_resends(db, outbox_server):
    ids = queue_messages(db, 3)
    # A sender died after claiming the first message.
    outbox.claim(db, ids[0], message_id="<dead@example.test>", now=to_iso(T0))
    report = send_due(db, wire=make_wire(outbox_server), clock=lambda: T0)
    assert [p.outbox_id for p in report.needs_attention] == [ids[0]]
    assert report.sent == 2
    assert "<dead@example.test>" not in outbox_server.handler.ids()
    assert outbox.get(db, ids[0]).state == "needs_attention"
    # Even without an account the recovery happens (it is the app's start-up step too).
    (late,) = queue_messages(db, 1, prefix="late")
    assert outbox.claim(db, late, message_id="<x@example.test>", now=to_iso(T0))
    assert [p.outbox_id for p in send_due(db, wire=None).needs_attention] == [late]


def test_a_second_sender_backs_off_while_one_holds_the_lock(db, outbox_server):
    from desktop_app.sender_lock import SenderLock, lock_path_for

    queue_messages(db, 1)
    with SenderLock(lock_path_for(db)) as held:
        assert held
        report = send_due(db, wire=make_wire(outbox_server))
    assert report.busy and report.sent == 0
    assert send_due(db, wire=make_wire(outbox_server)).sent == 1
