"""When an approved message is planned to leave: the occasion's day, the morning hour, quiet hours."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from desktop_app.settings import Settings

# Messages about a day (a birthday) go out on that day's morning, however early they were approved.
DAY_OCCASIONS = frozenset({"birthday", "birthday_belated", "anniversary"})


def shop_zone(settings: Settings) -> dt.tzinfo:
    """The shop's time zone: ``Settings.timezone``, else the computer's own zone."""
    if settings.timezone:
        try:
            return ZoneInfo(settings.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            pass  # an unknown name falls back to the computer's zone rather than failing a send
    return dt.datetime.now().astimezone().tzinfo or dt.UTC


def local_today(settings: Settings, now: dt.datetime | None = None) -> dt.date:
    """The shop's calendar day at *now* (default: the current time)."""
    moment = now or dt.datetime.now(dt.UTC)
    return moment.astimezone(shop_zone(settings)).date()


def parse_hhmm(text: str) -> dt.time:
    """``"09:30"`` → ``time(9, 30)``.

    >>> parse_hhmm("21:05")
    datetime.time(21, 5)
    """
    hours, _, minutes = text.strip().partition(":")
    return dt.time(int(hours), int(minutes or 0))


def in_quiet_hours(moment: dt.time, start: dt.time, end: dt.time) -> bool:
    """True when *moment* falls in the quiet hours [start, end), which may span midnight.

    >>> in_quiet_hours(dt.time(23, 0), dt.time(21, 0), dt.time(8, 0))
    True
    >>> in_quiet_hours(dt.time(8, 0), dt.time(21, 0), dt.time(8, 0))
    False
    >>> in_quiet_hours(dt.time(12, 0), dt.time(12, 0), dt.time(12, 0))  # equal: no quiet hours
    False
    """
    if start == end:
        return False
    if start < end:
        return start <= moment < end
    return moment >= start or moment < end


def planned_send_at(
    *,
    occasion: str,
    occasion_date: dt.date | None,
    now: dt.datetime,
    settings: Settings,
    zone: dt.tzinfo | None = None,
) -> dt.datetime:
    """The UTC time an approved message should leave.

    Day occasions go out on the occasion's day from ``send_day_messages_from`` local time (or
    now when that is past); the others as soon as approved. Never inside quiet hours: a time
    there moves to the end of the quiet hours.

    >>> s = Settings(send_day_messages_from="09:00", quiet_hours_start="21:00", quiet_hours_end="08:00")
    >>> now = dt.datetime(2026, 3, 10, 14, 0, tzinfo=dt.UTC)
    >>> planned_send_at(occasion="birthday", occasion_date=dt.date(2026, 3, 12), now=now, settings=s, zone=dt.UTC)
    datetime.datetime(2026, 3, 12, 9, 0, tzinfo=datetime.timezone.utc)
    >>> planned_send_at(occasion="restock", occasion_date=None, now=now, settings=s, zone=dt.UTC)
    datetime.datetime(2026, 3, 10, 14, 0, tzinfo=datetime.timezone.utc)
    >>> late = dt.datetime(2026, 3, 10, 22, 30, tzinfo=dt.UTC)
    >>> planned_send_at(occasion="restock", occasion_date=None, now=late, settings=s, zone=dt.UTC)
    datetime.datetime(2026, 3, 11, 8, 0, tzinfo=datetime.timezone.utc)
    """
    if now.tzinfo is None:
        raise ValueError("naive datetime: pass an aware time")
    zone = zone or shop_zone(settings)
    local_now = now.astimezone(zone)
    candidate = local_now
    if occasion in DAY_OCCASIONS and occasion_date is not None:
        morning = dt.datetime.combine(occasion_date, parse_hhmm(settings.send_day_messages_from), zone)
        if morning > local_now:
            candidate = morning
    start, end = parse_hhmm(settings.quiet_hours_start), parse_hhmm(settings.quiet_hours_end)
    if in_quiet_hours(candidate.time(), start, end):
        end_at = dt.datetime.combine(candidate.date(), end, zone)
        if end_at <= candidate:
            end_at = dt.datetime.combine(candidate.date() + dt.timedelta(days=1), end, zone)
        candidate = end_at
    return candidate.astimezone(dt.UTC)
