"""Drafting a day: catch-up over missed days, the rules, who may be messaged, cool-down, insert."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlite_utils import Database

from desktop_app.changes import Changes
from desktop_app.drafting import candidates as rules
from desktop_app.drafting.candidates import Candidate
from desktop_app.drafting.cooldown import resolve
from desktop_app.drafting.eligibility import block_reason
from desktop_app.drafting.rendering import TemplateBook, render_for
from desktop_app.progress import TaskContext
from desktop_app.settings import Settings, load_settings
from desktop_app.template_defaults import ensure_templates
from desktop_app.templating import TemplateRenderError
from storage import customers, drafts, keyvalue, waitlist
from storage.drafts import NewDraft
from storage.timestamps import utc_now_iso

LAST_SCANNED_KEY = "drafting.last_scanned_day"


@dataclass
class DraftRun:
    """What one drafting run did (``fondly draft --json`` prints :meth:`to_json`)."""

    created: int = 0
    by_occasion: dict[str, int] = field(default_factory=dict)
    skipped: list[dict] = field(default_factory=list)
    scanned_days: list[str] = field(default_factory=list)
    draft_ids: list[int] = field(default_factory=list)
    displaced: int = 0
    expired_requests: int = 0

    @property
    def changes(self) -> Changes:
        return Changes(drafts=bool(self.created or self.displaced), products=bool(self.expired_requests))

    def merge(self, other: DraftRun) -> DraftRun:
        self.created += other.created
        for occasion, n in other.by_occasion.items():
            self.by_occasion[occasion] = self.by_occasion.get(occasion, 0) + n
        self.skipped.extend(other.skipped)
        self.draft_ids.extend(other.draft_ids)
        self.displaced += other.displaced
        self.expired_requests += other.expired_requests
        return self

    def to_json(self) -> dict:
        return {
            "created": self.created,
            "by_occasion": dict(sorted(self.by_occasion.items())),
            "skipped": self.skipped,
            "scanned_days": self.scanned_days,
        }


def last_scanned_day(db: Database) -> dt.date | None:
    value = keyvalue.read(db, "app_state", LAST_SCANNED_KEY)
    return dt.date.fromisoformat(value) if value else None


def days_to_scan(db: Database, today: dt.date, settings: Settings) -> list[dt.date]:
    """Every day since the last one scanned (at most *catch_up_days* back), ending with *today*.

    A day scanned before is scanned again only when it is *today* (idempotent either way).
    """
    last = last_scanned_day(db)
    if last is None or last >= today:
        return [today]
    start = max(last + dt.timedelta(days=1), today - dt.timedelta(days=settings.catch_up_days))
    return [start + dt.timedelta(days=i) for i in range((today - start).days + 1)]


def draft_day(
    db: Database,
    day: dt.date,
    settings: Settings | None = None,
    *,
    catch_up: bool = True,
    ctx: TaskContext | None = None,
) -> DraftRun:
    """Run the rules as of *day* (the shop's today): missed days first, then *day* itself.

    Safe to repeat: the drafts table's unique key and the per-year birthday check make a second
    run over the same days a no-op.
    """
    settings = settings or load_settings(db)
    ensure_templates(db)
    days = days_to_scan(db, day, settings) if catch_up else [day]
    found: list[Candidate] = []
    for index, scanned in enumerate(days):
        if ctx is not None:
            ctx.raise_if_cancelled()
            ctx.report(index, len(days) + 1, "Looking for birthdays and anniversaries")
        found += rules.birthday_candidates(db, scanned, day, settings)
        found += rules.anniversary_candidates(db, scanned, settings)
    found += rules.stamp_candidates(db, day, settings)
    found += rules.points_candidates(db, day, settings)
    found += rules.winback_candidates(db, day, settings)
    run = DraftRun(scanned_days=[d.isoformat() for d in days])
    with db.atomic():
        run.expired_requests = expire_old_requests(db, day, settings)
        run.merge(make_drafts(db, found, day, settings))
        last = last_scanned_day(db)
        if last is None or day > last:
            keyvalue.write(db, "app_state", {LAST_SCANNED_KEY: day.isoformat()})
    return run


def expire_old_requests(db: Database, today: dt.date, settings: Settings) -> int:
    """Waitlist requests older than *restock_expire_days* close without a message."""
    if settings.restock_expire_days <= 0:
        return 0
    cutoff = (today - dt.timedelta(days=settings.restock_expire_days)).isoformat()
    return waitlist.mark_expired(db, waitlist.open_asked_before(db, cutoff))


def make_drafts(db: Database, found: list[Candidate], today: dt.date, settings: Settings) -> DraftRun:
    """Filter, resolve the cool-down, render and insert; the caller holds the transaction."""
    run = DraftRun()
    if not found:
        return run
    ids = sorted({c.customer_id for c in found})
    occasions = sorted({c.occasion for c in found})
    done = drafts.existing_keys(db, occasions, ids)
    fresh = [c for c in found if (c.customer_id, c.occasion, c.key) not in done]
    # The same occasion found twice in one run (overlapping scans): keep the first.
    seen: set[tuple] = set()
    unique = []
    for c in fresh:
        if (c.customer_id, c.occasion, c.key) not in seen:
            seen.add((c.customer_id, c.occasion, c.key))
            unique.append(c)
    people = customers.rows_by_ids(db, sorted({c.customer_id for c in unique}))
    suppressed = _suppressions(db, list(people))
    allowed = []
    for c in unique:
        customer = people.get(c.customer_id)
        reason = "deleted" if customer is None else block_reason(
            customer, c.occasion, settings, suppressed=(c.customer_id, c.occasion) in suppressed)
        if reason:
            run.skipped.append({"customer_id": c.customer_id, "occasion": c.occasion, "reason": reason})
        else:
            allowed.append(c)
    since = today - dt.timedelta(days=max(settings.cooldown_days - 1, 0))
    recent = drafts.recent_messages(
        db, [c.customer_id for c in allowed], since_day=since.isoformat(), since_utc=since.isoformat()
    )
    resolution = resolve(allowed, recent, today, settings.cooldown_days)
    now = utc_now_iso()
    for moved in resolution.displaced:
        drafts.set_status(db, moved.draft_id, moved.status, reason=moved.reason,
                          snooze_until=moved.snooze_until, now=now)
        run.displaced += 1
    book = TemplateBook(db, settings)
    for c in resolution.accepted:
        draft_id = drafts.insert(db, _rendered(book, people[c.customer_id], c, today), now=now)
        if c.waitlist_id is not None:
            waitlist.mark_fulfilled(db, c.waitlist_id, now=now)
        if draft_id is not None:
            run.created += 1
            run.by_occasion[c.occasion] = run.by_occasion.get(c.occasion, 0) + 1
            run.draft_ids.append(draft_id)
    for loss in resolution.losses:
        c = loss.candidate
        code = f"cooldown_{loss.outcome}"
        run.skipped.append({"customer_id": c.customer_id, "occasion": c.occasion, "reason": code,
                            "detail": loss.reason})
        if loss.outcome == "dropped":
            # Kept as a dropped row: the owner can see why, and the day is not reconsidered.
            drafts.insert(db, _new(c, today, status="dropped", reason=loss.reason), now=now)
    return run


def _suppressions(db: Database, customer_ids: list[int]) -> set[tuple[int, str]]:
    found: set[tuple[int, str]] = set()
    for start in range(0, len(customer_ids), 500):
        chunk = customer_ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        rows = db.execute(
            f"SELECT customer_id, occasion FROM suppressions WHERE customer_id IN ({marks})", chunk
        ).fetchall()
        found.update((r[0], r[1]) for r in rows)
    return found


def _new(c: Candidate, today: dt.date, **extra) -> NewDraft:
    status = extra.pop("status", "pending")
    reason = extra.pop("reason", None)
    return NewDraft(
        customer_id=c.customer_id, occasion=c.occasion, occasion_key=c.key,
        occasion_date=c.occasion_date.isoformat(), why=c.why, data=c.data,
        drafted_on=today.isoformat(), status=status, status_reason=reason, **extra,
    )


def _rendered(book: TemplateBook, customer, c: Candidate, today: dt.date) -> NewDraft:
    try:
        template, out = render_for(book, customer, c.occasion, c.data)
    except TemplateRenderError as exc:
        # One customer's failure is that draft's state; the run goes on.
        finding = {"code": "template_error", "severity": "block",
                   "message": f"The template could not be filled in: {exc}"}
        return _new(c, today, findings=(finding,))
    return _new(c, today, language=template.language if template else None,
                template_id=template.id if template else None, subject=out.subject,
                body_text=out.body_text, body_html=out.body_html)

