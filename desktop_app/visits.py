"""Visits and loyalty: logging a visit, the points it earns, a customer's stamps and points."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from sqlite_utils import Database

from desktop_app.drafting.dates import local_noon_utc_iso
from desktop_app.errors import AppError
from desktop_app.settings import Settings, load_settings
from storage import customers, visits
from storage.timestamps import to_iso, utc_now


def points_for(amount: float | None, settings: Settings) -> int:
    """Whole points for an amount (rounded down).

    >>> points_for(12.99, Settings(points_per_unit=1.0)), points_for(None, Settings())
    (12, 0)
    """
    if amount is None or amount <= 0 or settings.points_per_unit <= 0:
        return 0
    return int(math.floor(amount * settings.points_per_unit + 1e-9))


def log_visit(
    db: Database, customer_id: int, *, amount: float | None = None,
    at: dt.date | dt.datetime | None = None, settings: Settings | None = None,
    source: str = "manual", external_id: str | None = None,
) -> int | None:
    """Record a visit (now, or on a date: stored as that day's local noon). None if imported before.

    :raises AppError: when the customer does not exist or the amount is negative.
    """
    settings = settings or load_settings(db)
    if customers.get(db, customer_id) is None:
        raise AppError("That customer no longer exists.")
    if amount is not None and amount < 0:
        raise AppError("The amount cannot be negative.", "Leave it empty for a visit without a sale.")
    if at is None:
        when = to_iso(utc_now())
    elif isinstance(at, dt.datetime):
        when = to_iso(at if at.tzinfo else at.astimezone())
    else:
        when = local_noon_utc_iso(at, settings)
    with db.atomic():
        return visits.add(db, customer_id=customer_id, at=when, amount=amount,
                          points=points_for(amount, settings), source=source, external_id=external_id)


@dataclass(frozen=True)
class Loyalty:
    """What the customer card shows."""

    visits: int
    stamps: int  # toward the next reward
    stamp_every: int
    points: int
    first_visit: str | None
    last_visit: str | None


def loyalty_of(db: Database, customer_id: int, settings: Settings) -> Loyalty:
    s = visits.stats(db, customer_id)
    every = max(settings.stamp_every, 1)
    return Loyalty(s.visits, s.visits % every, every, s.points, s.first_at, s.last_at)
