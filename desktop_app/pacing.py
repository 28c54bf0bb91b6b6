"""When the outbox may send: quiet hours, the daily and per-minute caps, and retry backoff."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlite_utils import Database

from desktop_app.settings import Settings
from storage import outbox
from storage.timestamps import from_iso, to_iso

# Used when neither the owner nor the mail account's provider preset says otherwise: a modest
# pace most consumer mailboxes accept (Gmail's ~500/day is the tightest common limit).
DEFAULT_DAILY_CAP = 500
DEFAULT_PER_MINUTE_CAP = 20

DAY = dt.timedelta(hours=24)
MINUTE = dt.timedelta(minutes=1)
BACKOFF_FIRST = dt.timedelta(minutes=5)
BACKOFF_MAX = dt.timedelta(hours=6)
# Temporary failures in a row after which a message is given up as failed (~1.5 days of tries).
MAX_ATTEMPTS = 10
# Offline, or the server unreachable: how soon the send job tries again.
OFFLINE_RETRY = dt.timedelta(minutes=5)


@dataclass(frozen=True)
class SendLimits:
    """The pace for one account. ``None`` caps mean "no cap" (the benchmark turns pacing off)."""

    daily_cap: int | None = DEFAULT_DAILY_CAP
    per_minute_cap: int | None = DEFAULT_PER_MINUTE_CAP
    quiet_start: dt.time | None = dt.time(21, 0)
    quiet_end: dt.time | None = dt.time(8, 0)
    # None: the computer's own zone (with its daylight-saving rules).
    zone: dt.tzinfo | None = None

    @classmethod
    def unpaced(cls) -> SendLimits:
        return cls(daily_cap=None, per_minute_cap=None, quiet_start=None, quiet_end=None)


def limits_from(
    settings: Settings,
    *,
    preset_daily: int | None = None,
    preset_per_minute: int | None = None,
) -> SendLimits:
    """The owner's settings over the provider preset's defaults over Fondly's own defaults."""
    daily = settings.daily_send_cap or preset_daily or DEFAULT_DAILY_CAP
    per_minute = settings.per_minute_send_cap or preset_per_minute or DEFAULT_PER_MINUTE_CAP
    return SendLimits(
        daily_cap=daily,
        per_minute_cap=per_minute,
        quiet_start=parse_clock(settings.quiet_hours_start),
        quiet_end=parse_clock(settings.quiet_hours_end),
        zone=zone_named(settings.timezone),
    )


def parse_clock(text: str) -> dt.time | None:
    """``"21:00"`` → 21:00; empty → None (no quiet hours).

    >>> parse_clock("08:30")
    datetime.time(8, 30)
    """
    text = (text or "").strip()
    if not text:
        return None
    hours, _, minutes = text.partition(":")
    return dt.time(int(hours), int(minutes or 0))


def zone_named(name: str) -> dt.tzinfo | None:
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _local(moment: dt.datetime, zone: dt.tzinfo | None) -> dt.datetime:
    return moment.astimezone(zone) if zone is not None else moment.astimezone()


def _aware(naive: dt.datetime, zone: dt.tzinfo | None) -> dt.datetime:
    # A naive datetime's astimezone() reads it as the computer's local time (DST included).
    return naive.replace(tzinfo=zone) if zone is not None else naive.astimezone()


def quiet_until(now: dt.datetime, limits: SendLimits) -> dt.datetime | None:
    """The end of the quiet hours *now* falls in (UTC), or None when sending is allowed.

    >>> limits = SendLimits(zone=dt.UTC)
    >>> quiet_until(dt.datetime(2026, 3, 1, 22, 0, tzinfo=dt.UTC), limits)
    datetime.datetime(2026, 3, 2, 8, 0, tzinfo=datetime.timezone.utc)
    >>> quiet_until(dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC), limits) is None
    True
    """
    start, end = limits.quiet_start, limits.quiet_end
    if start is None or end is None or start == end:
        return None
    local = _local(now, limits.zone)
    clock = local.time().replace(tzinfo=None)
    if start < end:
        inside = start <= clock < end
        end_day = local.date()
    else:  # the quiet hours span midnight (21:00–08:00)
        inside = clock >= start or clock < end
        end_day = local.date() + dt.timedelta(days=1) if clock >= start else local.date()
    if not inside:
        return None
    return _aware(dt.datetime.combine(end_day, end), limits.zone).astimezone(dt.UTC)


def not_quiet(moment: dt.datetime, limits: SendLimits) -> dt.datetime:
    """*moment*, or the end of the quiet hours it falls in."""
    return quiet_until(moment, limits) or moment


def cap_free_at(
    db: Database, now: dt.datetime, limits: SendLimits, *, pending: tuple[str, ...] = ()
) -> dt.datetime | None:
    """When the next message may go under the rolling caps, or None if it may go now.

    Counts what reached the server (``send_log``), so a crash or a restart cannot reset the count,
    plus *pending*: times of messages the server accepted whose ``sent`` is not committed yet.
    """
    waits = []
    for cap, window in ((limits.daily_cap, DAY), (limits.per_minute_cap, MINUTE)):
        if cap is None:
            continue
        since = to_iso(now - window)
        fresh = sorted(t for t in pending if t > since)
        stored = outbox.wire_count_since(db, since)
        count = stored + len(fresh)
        if count >= cap:
            # One slot frees when the message *cap* places before the newest leaves the window.
            offset = count - cap
            at = outbox.wire_time_at(db, since, offset) if offset < stored else fresh[offset - stored]
            waits.append(from_iso(at) + window)
    return max(waits) if waits else None


def quota_pause_until(db: Database, now: dt.datetime) -> dt.datetime:
    """After a provider's quota reply: when the 24-hour window has room again (at least an hour)."""
    since = to_iso(now - DAY)
    floor = now + dt.timedelta(hours=1)
    if not outbox.wire_count_since(db, since):
        return floor
    return max(floor, from_iso(outbox.wire_time_at(db, since, 0)) + DAY)


def backoff(attempts: int) -> dt.timedelta:
    """Wait before try number *attempts* + 1: 5 min, 10, 20, … capped at 6 hours.

    >>> [int(backoff(n).total_seconds() // 60) for n in (1, 2, 3, 8)]
    [5, 10, 20, 360]
    """
    return min(BACKOFF_FIRST * (2 ** max(attempts - 1, 0)), BACKOFF_MAX)
