"""The shop's calendar: today in the shop's zone, which birthdays fall on a day, owner-facing dates."""

from __future__ import annotations

import calendar
import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.dates import format_date

from desktop_app.settings import Settings


def shop_zone(settings: Settings) -> dt.tzinfo | None:
    """The shop's IANA zone, or None for the computer's own zone."""
    if not settings.timezone:
        return None
    try:
        return ZoneInfo(settings.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def shop_today(settings: Settings, now: dt.datetime | None = None) -> dt.date:
    """The calendar date in the shop right now (a birthday is a date there, not a UTC instant).

    >>> import datetime as dt
    >>> s = Settings(timezone="Pacific/Auckland")
    >>> shop_today(s, dt.datetime(2026, 3, 11, 12, 30, tzinfo=dt.UTC))
    datetime.date(2026, 3, 12)
    """
    moment = now or dt.datetime.now(dt.UTC)
    zone = shop_zone(settings)
    local = moment.astimezone(zone) if zone is not None else moment.astimezone()
    return local.date()


def local_noon_utc_iso(day: dt.date, settings: Settings) -> str:
    """A visit logged for a date (no time) is stored as that day's local noon, in UTC."""
    zone = shop_zone(settings)
    local = dt.datetime.combine(day, dt.time(12, 0), tzinfo=zone) if zone else dt.datetime.combine(
        day, dt.time(12, 0)
    ).astimezone()
    return local.astimezone(dt.UTC).isoformat(timespec="microseconds")


def birthdays_on(day: dt.date, feb29: str) -> list[tuple[int, int]]:
    """The (month, day) pairs celebrated on *day*.

    Feb 29 falls on Feb 28 or Mar 1 in common years (*feb29* is ``"feb28"`` or ``"mar1"``);
    impossible dates a contact file may hold (Apr 31) fall on the month's last day.

    >>> birthdays_on(dt.date(2027, 2, 28), "feb28")
    [(2, 28), (2, 29), (2, 30), (2, 31)]
    >>> birthdays_on(dt.date(2027, 3, 1), "mar1")
    [(3, 1), (2, 29)]
    >>> birthdays_on(dt.date(2028, 2, 28), "feb28")
    [(2, 28)]
    """
    pairs = [(day.month, day.day)]
    last = calendar.monthrange(day.year, day.month)[1]
    if day.day == last:
        for extra in range(last + 1, 32):
            if day.month == 2 and extra == 29 and feb29 != "feb28":
                continue
            pairs.append((day.month, extra))
    if feb29 == "mar1" and (day.month, day.day) == (3, 1) and not calendar.isleap(day.year):
        pairs.append((2, 29))
    return pairs


def pretty(day: dt.date, *, weekday: bool = True, year: bool = False) -> str:
    """A date as the owner reads it in a 'why' sentence: ``Thu 12 March``.

    >>> pretty(dt.date(2026, 3, 12))
    'Thu 12 March'
    """
    pattern = ("EEE " if weekday else "") + "d MMMM" + (" y" if year else "")
    return format_date(day, pattern, locale="en")


def ordinal(n: int) -> str:
    """
    >>> [ordinal(n) for n in (1, 2, 3, 10, 11, 12, 21, 113)]
    ['1st', '2nd', '3rd', '10th', '11th', '12th', '21st', '113th']
    """
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def parse_day(text: str) -> dt.date:
    return dt.date.fromisoformat(text[:10])
