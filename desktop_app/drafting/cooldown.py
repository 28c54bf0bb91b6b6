"""The cool-down: at most one automated message per customer per period, the higher priority wins."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from desktop_app.drafting.candidates import DEFERRABLE, PRIORITY, Candidate
from desktop_app.drafting.eligibility import SERVICE_OCCASIONS
from storage.drafts import RecentMessage


@dataclass(frozen=True)
class Loss:
    """A candidate that lost a collision: ``deferred`` (comes back later) or ``dropped``."""

    candidate: Candidate
    outcome: str
    reason: str


@dataclass(frozen=True)
class Displaced:
    """An earlier pending draft that a higher-priority occasion pushes out."""

    draft_id: int
    occasion: str
    status: str  # "snoozed" (deferred) or "dropped"
    reason: str
    snooze_until: str | None


@dataclass
class Resolution:
    accepted: list[Candidate] = field(default_factory=list)
    losses: list[Loss] = field(default_factory=list)
    displaced: list[Displaced] = field(default_factory=list)


def _label(occasion: str) -> str:
    return occasion.replace("_", " ")


def resolve(
    candidates: list[Candidate],
    recent: dict[int, list[RecentMessage]],
    today: dt.date,
    cooldown_days: int,
) -> Resolution:
    """Decide, per customer, which candidates become drafts.

    Priority: restock request > birthday > loyalty > win-back. A restock notice the customer asked
    for always goes (it is a service message); it pushes out lower pending drafts in the period.
    Against a draft already approved or sent, or a pending one of equal or higher priority, the
    newcomer loses. A loser that stays true (a reward, a lapse) is deferred; a dated one is dropped.
    """
    result = Resolution()
    if cooldown_days <= 0:
        result.accepted = list(candidates)
        return result
    until = (today + dt.timedelta(days=cooldown_days)).isoformat()
    by_customer: dict[int, list[Candidate]] = {}
    for candidate in candidates:
        by_customer.setdefault(candidate.customer_id, []).append(candidate)
    for customer_id, group in by_customer.items():
        group.sort(key=lambda c: (c.priority, c.occasion_date))
        existing = list(recent.get(customer_id, []))
        holder: Candidate | None = None
        for candidate in group:
            if candidate.occasion in SERVICE_OCCASIONS:
                result.accepted.append(candidate)
                holder = holder or candidate
                existing = _displace(existing, candidate, result, until)
                continue
            if holder is not None:
                result.losses.append(_loss(candidate, f"a {_label(holder.occasion)} note is drafted today"))
                continue
            blockers = [
                m for m in existing
                if m.status != "pending" or PRIORITY.get(m.occasion, 9) <= candidate.priority
            ]
            if blockers:
                first = blockers[0]
                result.losses.append(_loss(
                    candidate, f"a {_label(first.occasion)} note ({first.status}) on {first.day}"))
                continue
            result.accepted.append(candidate)
            holder = candidate
            existing = _displace(existing, candidate, result, until)
    return result


def _loss(candidate: Candidate, why: str) -> Loss:
    outcome = "deferred" if candidate.deferrable else "dropped"
    return Loss(candidate, outcome, f"cool-down: {why}")


def _displace(
    existing: list[RecentMessage], winner: Candidate, result: Resolution, until: str
) -> list[RecentMessage]:
    kept = []
    for message in existing:
        lower = PRIORITY.get(message.occasion, 9) > winner.priority
        if message.status == "pending" and lower and message.draft_id is not None:
            deferred = message.occasion in DEFERRABLE
            result.displaced.append(Displaced(
                message.draft_id,
                message.occasion,
                "snoozed" if deferred else "dropped",
                f"cool-down: a {_label(winner.occasion)} note came first "
                f"({'held back' if deferred else 'dropped'})",
                until if deferred else None,
            ))
        else:
            kept.append(message)
    return kept
