"""The occasion rules as set-based queries: who has a birthday, reward, anniversary or lapse today."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlite_utils import Database

from desktop_app.drafting.dates import birthdays_on, ordinal, pretty
from desktop_app.settings import Settings

# Lower number wins a cool-down collision.
PRIORITY = {
    "restock": 0,
    "restock_still_interested": 0,
    "birthday": 1,
    "birthday_belated": 1,
    "stamp_reward": 2,
    "points_reward": 2,
    "anniversary": 2,
    "winback": 3,
}
# A reward or a lapse is still true next week: those wait out a cool-down; a date does not.
DEFERRABLE = frozenset({"stamp_reward", "points_reward", "winback"})


@dataclass(frozen=True)
class Candidate:
    customer_id: int
    occasion: str
    key: str
    occasion_date: dt.date
    why: str
    data: dict = field(default_factory=dict)
    waitlist_id: int | None = None

    @property
    def priority(self) -> int:
        return PRIORITY[self.occasion]

    @property
    def deferrable(self) -> bool:
        return self.occasion in DEFERRABLE


def birthday_candidates(
    db: Database, scanned: dt.date, today: dt.date, settings: Settings
) -> list[Candidate]:
    """Birthdays falling *birthday_days_ahead* after *scanned*; past ones are belated.

    Customers who already have a birthday draft for that year are left out (one per year).
    """
    target = scanned + dt.timedelta(days=settings.birthday_days_ahead)
    belated = target < today
    if belated and settings.belated_birthdays == "skip":
        return []
    occasion = "birthday_belated" if belated else "birthday"
    pairs = birthdays_on(target, settings.feb29_in_common_years)
    # One index range per (month, day): customers_birthday(birth_month, birth_day).
    where = " OR ".join("(c.birth_month = ? AND c.birth_day = ?)" for _ in pairs)
    params: list = [v for pair in pairs for v in pair]
    rows = db.execute(
        f"SELECT c.id, c.birth_month, c.birth_day, c.birth_year FROM customers c "
        f"WHERE ({where}) AND NOT EXISTS (SELECT 1 FROM drafts d WHERE d.customer_id = c.id "
        "AND d.occasion IN ('birthday', 'birthday_belated') "
        "AND substr(d.occasion_date, 1, 4) = ?)",
        [*params, f"{target.year:04d}"],
    ).fetchall()
    found = []
    for customer_id, month, day, year in rows:
        age = target.year - year if year and year < target.year else None
        detail = f"turns {age}" if age else "year unknown"
        moved = (month, day) != (target.month, target.day)
        born = f" (born {pretty(dt.date(2000, month, min(day, 29)), weekday=False)})" if moved else ""
        if belated:
            late = (today - target).days
            why = (f"Birthday was on {pretty(target)}{born}, {late} day{'s' if late != 1 else ''} "
                   f"ago — {detail.replace('turns', 'turned')}; a belated note")
        else:
            why = f"Birthday on {pretty(target)}{born} — {detail}"
        found.append(Candidate(
            customer_id, occasion, target.isoformat(), target, why,
            {"date": target.isoformat(), "age": age, "birth_month": month, "birth_day": day,
             "birth_year": year, "scanned_day": scanned.isoformat()},
        ))
    return found


def anniversary_candidates(db: Database, day: dt.date, settings: Settings) -> list[Candidate]:
    """Customers whose first visit was on this month/day in an earlier year."""
    if not settings.anniversary_enabled:
        return []
    pairs = birthdays_on(day, settings.feb29_in_common_years)
    month_days = [f"{m:02d}-{d:02d}" for m, d in pairs]
    marks = ",".join("?" * len(month_days))
    # visits_month_day is an expression index on substr(at, 6, 5): only that day's visits are read.
    rows = db.execute(
        f"SELECT v.customer_id, min(v.at) FROM visits v WHERE substr(v.at, 6, 5) IN ({marks}) "
        "AND v.at < ? AND NOT EXISTS (SELECT 1 FROM visits e WHERE e.customer_id = v.customer_id "
        "AND e.at < v.at) GROUP BY v.customer_id",
        [*month_days, f"{day.year:04d}-01-01"],
    ).fetchall()
    found = []
    for customer_id, first_at in rows:
        first = dt.date.fromisoformat(first_at[:10])
        years = day.year - first.year
        why = f"First visit {years} year{'s' if years != 1 else ''} ago, on {pretty(first, weekday=False, year=True)}"
        found.append(Candidate(
            customer_id, "anniversary", day.isoformat(), day, why,
            {"date": day.isoformat(), "years": years, "first_visit": first.isoformat()},
        ))
    return found


# Visits are numbered and summed per customer with correlated lookups on visits_customer_points
# (customer_id, at, points): only the visits inside the window are read, plus each one's history.
_RUNNING = (
    "(SELECT {agg} FROM visits c WHERE c.customer_id = v.customer_id "
    "AND (c.at < v.at OR (c.at = v.at AND c.id <= v.id)))"
)


def loyalty_window(first_scanned: dt.date, settings: Settings) -> dt.date:
    """From which day rewards and lapses are considered.

    The days being scanned, plus one cool-down period (and the day a visit may take to be
    logged) before them: a reward deferred by the cool-down is still found when the period ends.
    Older history (an import of last year's orders) makes no rewards.
    """
    return first_scanned - dt.timedelta(days=max(settings.cooldown_days, 7) + 2)


def stamp_candidates(db: Database, today: dt.date, settings: Settings, since: dt.date) -> list[Candidate]:
    """Every Nth visit since *since* earns a reward (the latest per customer)."""
    every = settings.stamp_every
    if not every or every < 1:
        return []
    until = (today + dt.timedelta(days=1)).isoformat()
    rows = db.execute(
        f"SELECT customer_id, max(n), at FROM (SELECT v.customer_id, v.at, "
        f"{_RUNNING.format(agg='count(*)')} AS n FROM visits v WHERE v.at >= ? AND v.at < ?) "
        "WHERE n % ? = 0 GROUP BY customer_id",
        [since.isoformat(), until, every],
    ).fetchall()
    found = []
    for customer_id, n, at in rows:
        day = dt.date.fromisoformat(at[:10])
        found.append(Candidate(
            customer_id, "stamp_reward", f"stamp:{n}", day,
            f"{ordinal(n)} visit on {pretty(day)}",
            {"date": day.isoformat(), "visits": n, "stamp_every": every},
        ))
    return found


def points_candidates(db: Database, today: dt.date, settings: Settings, since: dt.date) -> list[Candidate]:
    """A visit since *since* that carried the points total over a multiple of the threshold."""
    threshold = settings.points_reward_threshold
    if not threshold or threshold < 1:
        return []
    until = (today + dt.timedelta(days=1)).isoformat()
    rows = db.execute(
        f"SELECT customer_id, max(total), at FROM (SELECT v.customer_id, v.at, v.points, "
        f"{_RUNNING.format(agg='sum(c.points)')} AS total FROM visits v "
        "WHERE v.at >= ? AND v.at < ? AND v.points > 0) "
        "WHERE total / ? > (total - points) / ? GROUP BY customer_id",
        [since.isoformat(), until, threshold, threshold],
    ).fetchall()
    found = []
    for customer_id, total, at in rows:
        day = dt.date.fromisoformat(at[:10])
        level = (total // threshold) * threshold
        found.append(Candidate(
            customer_id, "points_reward", f"points:{level}", day,
            f"Reached {total} points on {pretty(day)} (a reward every {threshold})",
            {"date": day.isoformat(), "points": total, "threshold": threshold},
        ))
    return found


def winback_candidates(db: Database, today: dt.date, settings: Settings, since: dt.date) -> list[Candidate]:
    """Regulars (≥ M visits) whose lapse of N days began between *since* and *today*.

    The key is the last visit's date, so each lapse makes one draft however long it lasts.
    """
    after = settings.winback_after_days
    if not after or after < 1:
        return []
    hi = today - dt.timedelta(days=after) + dt.timedelta(days=1)
    lo = since - dt.timedelta(days=after)
    rows = db.execute(
        "SELECT w.customer_id, w.last_at, (SELECT count(*) FROM visits c "
        "WHERE c.customer_id = w.customer_id) AS n FROM (SELECT v.customer_id, max(v.at) AS last_at "
        "FROM visits v WHERE v.at >= ? AND v.at < ? GROUP BY v.customer_id) w "
        "WHERE NOT EXISTS (SELECT 1 FROM visits l WHERE l.customer_id = w.customer_id AND l.at >= ?) "
        "AND n >= ?",
        [lo.isoformat(), hi.isoformat(), hi.isoformat(), settings.winback_min_visits],
    ).fetchall()
    found = []
    for customer_id, last_at, n in rows:
        last = dt.date.fromisoformat(last_at[:10])
        away = (today - last).days
        found.append(Candidate(
            customer_id, "winback", f"lapse:{last.isoformat()}", last + dt.timedelta(days=after),
            f"No visit since {pretty(last)} ({away} days); {n} visits before",
            {"date": today.isoformat(), "last_visit": last.isoformat(), "days_away": away,
             "visits": n},
        ))
    return found
