"""UTC ISO-8601 timestamps, the only time format the store keeps (birthdays are not timestamps)."""

from __future__ import annotations

import datetime as dt


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def to_iso(moment: dt.datetime) -> str:
    """``2026-03-12T08:00:00.000000+00:00`` — sortable as text.

    >>> to_iso(dt.datetime(2026, 3, 12, 8, 0, tzinfo=dt.UTC))
    '2026-03-12T08:00:00.000000+00:00'
    """
    if moment.tzinfo is None:
        raise ValueError("naive datetime: store only aware UTC times")
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


def utc_now_iso() -> str:
    return to_iso(utc_now())


def from_iso(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)
