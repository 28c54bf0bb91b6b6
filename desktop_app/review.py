"""The owner's review queue: approve (into the outbox), skip, snooze, never again, edit, undo."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from desktop_app.changes import Changes
from desktop_app.errors import AppError
from desktop_app.review_facts import Check, default_check, facts_for, refresh_findings, run_check
from desktop_app.review_groups import OCCASION_TITLES, ReviewGroup, group_queue  # noqa: F401 - re-exported
from desktop_app.send_plan import local_today, planned_send_at
from desktop_app.settings import Settings, load_settings
from storage import audit, drafts_queue, suppressions
from storage.drafts_queue import DraftSnapshot, QueueItem
from storage.timestamps import to_iso, utc_now

Render = Callable[[Database, int], Any]

# "Never this occasion" covers the occasion's follow-ups too: no birthday means no belated one.
OCCASION_FAMILIES: dict[str, tuple[str, ...]] = {
    "birthday": ("birthday", "birthday_belated"),
    "birthday_belated": ("birthday", "birthday_belated"),
    "restock": ("restock", "restock_still_interested"),
    "restock_still_interested": ("restock", "restock_still_interested"),
}

def occasion_family(occasion: str) -> tuple[str, ...]:
    return OCCASION_FAMILIES.get(occasion, (occasion,))


@dataclass(frozen=True)
class Refusal:
    """One draft an action left alone, and why in plain words."""

    draft_id: int
    code: str  # blocked | not_waiting | no_email | not_found
    message: str


@dataclass(frozen=True)
class Outcome:
    """What an action did: the drafts it changed, the ones it refused, what views must refresh."""

    action: str
    done: tuple[int, ...] = ()
    refused: tuple[Refusal, ...] = ()
    outbox_ids: tuple[int, ...] = ()
    changes: Changes = field(default_factory=Changes)


@dataclass(frozen=True)
class UndoRecord:
    action: str
    snapshots: tuple[DraftSnapshot, ...]
    outbox_ids: tuple[int, ...] = ()
    suppressed: tuple[tuple[int, str], ...] = ()


class ReviewService:
    """The queue's business rules over any connection (each thread passes its own ``db``).

    *check* is the empathy and safety check; *render* re-renders a draft from its template
    (``desktop_app.drafting.render_draft``); *clock* returns the aware UTC now. The undo history
    lives here, in memory: it is the owner's session, not the shop's record (the audit log is).
    """

    UNDO_DEPTH = 20

    def __init__(
        self,
        *,
        check: Check | None = None,
        render: Render | None = None,
        clock: Callable[[], dt.datetime] = utc_now,
    ) -> None:
        self.check = check or default_check()
        self._render = render
        self._clock = clock
        self._undo: list[UndoRecord] = []
        self._lock = threading.Lock()

    # -- reading ----------------------------------------------------------------------------------

    def now(self) -> dt.datetime:
        return self._clock()

    def today(self, settings: Settings) -> dt.date:
        return local_today(settings, self._clock())

    def queue(self, db: Database, *, statuses: Sequence[str] = ("pending",), refresh: bool = True) -> list[QueueItem]:
        """The queue; with *refresh*, stale findings are recomputed first (that writes).

        Without it, drafts never checked have ``checked_at`` None: show them as "checking".
        """
        if refresh:
            self.refresh(db)
        today = self.today(load_settings(db))
        return drafts_queue.list_queue(db, today=today.isoformat(), statuses=statuses)

    def refresh(self, db: Database) -> int:
        """Recheck waiting drafts whose findings are stale; returns how many were checked."""
        settings = load_settings(db)
        with db.atomic():
            return refresh_findings(db, check=self.check, settings=settings,
                                    today=self.today(settings), now=self._now())

    def items(self, db: Database, ids: Sequence[int]) -> list[QueueItem]:
        today = self.today(load_settings(db))
        return drafts_queue.items_by_ids(db, ids, today=today.isoformat())

    def count_waiting(self, db: Database) -> int:
        return drafts_queue.count_waiting(db, today=self.today(load_settings(db)).isoformat())

    def facts(self, db: Database, draft_id: int):
        """The check's input for *draft_id* (the UI keeps it while the owner edits)."""
        settings = load_settings(db)
        return facts_for(db, draft_id, settings=settings, today=self.today(settings))

    # -- acting -----------------------------------------------------------------------------------

    def approve(self, db: Database, ids: Sequence[int], *, override: bool = False) -> Outcome:
        """Approve drafts into the outbox (state ``queued``, with a planned time).

        A draft with a ``block`` finding is refused unless *override*; an override is audited
        with the findings it overrode. Approving twice creates no second outbox row.
        """
        settings = load_settings(db)
        now = self._clock()
        stamp = to_iso(now)
        today = local_today(settings, now)
        done, refused, outbox_ids = [], [], []
        with db.atomic():
            refresh_findings(db, check=self.check, settings=settings, today=today, now=stamp, ids=list(ids))
            items = {i.id: i for i in drafts_queue.items_by_ids(db, list(ids), today=today.isoformat())}
            snapshots = drafts_queue.snapshot(db, list(items))
            for draft_id in ids:
                item = items.get(draft_id)
                refusal = _approve_refusal(draft_id, item, override=override)
                if refusal is not None:
                    refused.append(refusal)
                    continue
                planned = planned_send_at(
                    occasion=item.occasion,
                    occasion_date=dt.date.fromisoformat(item.occasion_date[:10]) if item.occasion_date else None,
                    now=now,
                    settings=settings,
                )
                outbox_id = drafts_queue.insert_outbox(
                    db, draft_id=item.id, customer_id=item.customer_id, occasion=item.occasion,
                    to_name=item.customer_name, to_addr=item.email or "", subject=item.subject,
                    body_text=item.body_text, body_html=item.body_html, planned_at=to_iso(planned),
                    now=stamp,
                )
                if outbox_id is None:  # a concurrent approval won; nothing more to do
                    refused.append(Refusal(draft_id, "not_waiting", f"Draft {draft_id} is already approved."))
                    continue
                drafts_queue.set_status(db, [item.id], "approved", now=stamp, planned_at=to_iso(planned))
                blocks = [f for f in item.findings if f.get("severity") == "block"]
                if blocks:
                    audit.record(db, "override", entity="draft", entity_id=item.id, at=stamp,
                                 detail={"findings": blocks})
                audit.record(db, "approve", entity="draft", entity_id=item.id, at=stamp,
                             detail={"outbox_id": outbox_id, "planned_at": to_iso(planned)})
                done.append(item.id)
                outbox_ids.append(outbox_id)
        self._push(UndoRecord("approve", _only(snapshots, done), tuple(outbox_ids)), done)
        return Outcome("approve", tuple(done), tuple(refused), tuple(outbox_ids),
                       Changes(drafts=bool(done), outbox=bool(done)))

    def clean_ids(self, db: Database) -> list[int]:
        """Waiting drafts with no warning or blocking finding (after refreshing findings)."""
        return [i.id for i in self.queue(db) if i.is_clean]

    def approve_all_clean(self, db: Database) -> Outcome:
        """Approve every waiting draft whose check found nothing worth a warning."""
        outcome = self.approve(db, self.clean_ids(db))
        return Outcome("approve_all_clean", outcome.done, outcome.refused, outcome.outbox_ids, outcome.changes)

    def skip(self, db: Database, ids: Sequence[int], *, reason: str = "") -> Outcome:
        reason = reason.strip()
        return self._decide(db, ids, "skip", "skipped", reason=reason or None,
                            detail={"reason": reason} if reason else {})

    def snooze(self, db: Database, ids: Sequence[int], *, until: dt.date) -> Outcome:
        """Put drafts aside until *until*, when they wait in the queue again.

        :raises AppError: when *until* is not after today.
        """
        today = self.today(load_settings(db))
        if until <= today:
            raise AppError("A draft can only be snoozed to a later day.", "Pick tomorrow or later.")
        return self._decide(db, ids, "snooze", "snoozed", snooze_until=until.isoformat(),
                            detail={"until": until.isoformat()})

    def never(self, db: Database, ids: Sequence[int]) -> Outcome:
        """Never this occasion for these drafts' customers: suppress it and drop what waits."""
        stamp = self._now()
        today = self.today(load_settings(db)).isoformat()
        done, refused, suppressed = [], [], []
        with db.atomic():
            items = {i.id: i for i in drafts_queue.items_by_ids(db, list(ids), today=today)}
            affected: list[int] = []
            for draft_id in ids:
                item = items.get(draft_id)
                if item is None or item.queue_status not in ("pending", "snoozed"):
                    refused.append(_not_waiting(draft_id, item))
                    continue
                family = occasion_family(item.occasion)
                added = suppressions.add(db, item.customer_id, family, now=stamp)
                suppressed.extend((item.customer_id, occ) for occ in added)
                affected.extend(drafts_queue.waiting_ids_for(db, item.customer_id, family))
                done.append(draft_id)
            affected = sorted(set(affected) | set(done))
            snapshots = drafts_queue.snapshot(db, affected)
            drafts_queue.set_status(db, affected, "dropped", now=stamp, reason="never this occasion")
            for draft_id in affected:
                audit.record(db, "never", entity="draft", entity_id=draft_id, at=stamp,
                             detail={"occasion": items[draft_id].occasion} if draft_id in items else {})
        self._push(UndoRecord("never", tuple(snapshots), (), tuple(suppressed)), done)
        return Outcome("never", tuple(affected), tuple(refused), (), Changes(drafts=bool(done)))

    def edit(self, db: Database, draft_id: int, *, subject: str, body_text: str) -> Outcome:
        """Keep the owner's own wording for one waiting draft (its HTML part is dropped: stale).

        :raises AppError: when the draft no longer waits for review.
        """
        settings = load_settings(db)
        stamp = self._now()
        with db.atomic():
            item = self._waiting_item(db, draft_id, settings)
            snapshots = drafts_queue.snapshot(db, [draft_id])
            drafts_queue.update_text(db, draft_id, subject=subject, body_text=body_text,
                                     body_html=None, edited=True, now=stamp)
            facts = facts_for(db, draft_id, settings=settings, today=self.today(settings))
            drafts_queue.store_findings(db, draft_id, run_check(self.check, facts), checked_at=stamp)
            audit.record(db, "edit", entity="draft", entity_id=draft_id, at=stamp, detail={
                "before": {"subject": item.subject, "body_text": item.body_text},
                "after": {"subject": subject, "body_text": body_text},
            })
        self._push(UndoRecord("edit", tuple(snapshots)), [draft_id])
        return Outcome("edit", (draft_id,), (), (), Changes(drafts=True))

    def rerender(self, db: Database, draft_id: int) -> Outcome:
        """Throw the owner's edits away and render the draft from its template again.

        :raises AppError: when no renderer is available or the draft no longer waits.
        """
        render = self._render or _default_render()
        settings = load_settings(db)
        stamp = self._now()
        with db.atomic():
            self._waiting_item(db, draft_id, settings)
            snapshots = drafts_queue.snapshot(db, [draft_id])
            rendered = render(db, draft_id)
            if isinstance(rendered, tuple):  # drafting.render_draft: (subject, body_text, body_html)
                rendered = _Rendered(*rendered)
            if rendered is not None:  # None: a renderer that stored the text itself
                drafts_queue.update_text(db, draft_id, subject=rendered.subject, body_text=rendered.body_text,
                                         body_html=rendered.body_html, edited=False, now=stamp)
            db.execute("UPDATE drafts SET edited = 0, checked_at = NULL, updated_at = ? WHERE id = ?",
                       [stamp, draft_id])
            refresh_findings(db, check=self.check, settings=settings, today=self.today(settings),
                             now=stamp, ids=[draft_id])
            audit.record(db, "rerender", entity="draft", entity_id=draft_id, at=stamp)
        self._push(UndoRecord("rerender", tuple(snapshots)), [draft_id])
        return Outcome("rerender", (draft_id,), (), (), Changes(drafts=True))

    # -- undo -------------------------------------------------------------------------------------

    @property
    def undo_label(self) -> str | None:
        with self._lock:
            return self._undo[-1].action if self._undo else None

    def undo(self, db: Database) -> Outcome:
        """Reverse the last action (an approval only while its message is still queued).

        :raises AppError: when there is nothing to undo or the message has started to leave.
        """
        with self._lock:
            if not self._undo:
                raise AppError("There is nothing to undo.")
            record = self._undo[-1]
        stamp = self._now()
        with db.atomic():
            states = drafts_queue.outbox_states(db, record.outbox_ids)
            moving = [oid for oid, state in states.items() if state != "queued"]
            if moving:
                raise AppError("That approval cannot be undone: the message has started to leave.",
                               "See the Sent page for where it is.")
            drafts_queue.delete_outbox(db, record.outbox_ids)
            for customer_id, occasion in record.suppressed:
                suppressions.remove(db, customer_id, [occasion])
            drafts_queue.restore(db, record.snapshots)
            for snap in record.snapshots:
                audit.record(db, "undo", entity="draft", entity_id=snap.id, at=stamp,
                             detail={"action": record.action})
        with self._lock:
            if self._undo and self._undo[-1] is record:
                self._undo.pop()
        ids = tuple(s.id for s in record.snapshots)
        return Outcome("undo", ids, (), (), Changes(drafts=True, outbox=bool(record.outbox_ids)))

    # -- internals --------------------------------------------------------------------------------

    def _now(self) -> str:
        return to_iso(self._clock())

    def _push(self, record: UndoRecord, done: Sequence[int]) -> None:
        if not done:
            return
        with self._lock:
            self._undo.append(record)
            del self._undo[: -self.UNDO_DEPTH]

    def _waiting_item(self, db: Database, draft_id: int, settings: Settings) -> QueueItem:
        items = drafts_queue.items_by_ids(db, [draft_id], today=self.today(settings).isoformat())
        if not items or items[0].queue_status not in ("pending", "snoozed"):
            raise AppError(_not_waiting(draft_id, items[0] if items else None).message,
                           "Undo the decision first to change this draft.")
        return items[0]

    def _decide(self, db, ids, action, status, *, reason=None, snooze_until=None, detail=None) -> Outcome:
        stamp = self._now()
        today = self.today(load_settings(db)).isoformat()
        done, refused = [], []
        with db.atomic():
            items = {i.id: i for i in drafts_queue.items_by_ids(db, list(ids), today=today)}
            for draft_id in ids:
                item = items.get(draft_id)
                if item is None or item.queue_status not in ("pending", "snoozed"):
                    refused.append(_not_waiting(draft_id, item))
                else:
                    done.append(draft_id)
            snapshots = drafts_queue.snapshot(db, done)
            drafts_queue.set_status(db, done, status, now=stamp, reason=reason, snooze_until=snooze_until)
            for draft_id in done:
                audit.record(db, action, entity="draft", entity_id=draft_id, at=stamp, detail=detail or {})
        self._push(UndoRecord(action, tuple(snapshots)), done)
        return Outcome(action, tuple(done), tuple(refused), (), Changes(drafts=bool(done)))


@dataclass(frozen=True)
class _Rendered:
    subject: str
    body_text: str
    body_html: str | None = None


def _only(snapshots: Sequence[DraftSnapshot], ids: Sequence[int]) -> tuple[DraftSnapshot, ...]:
    wanted = set(ids)
    return tuple(s for s in snapshots if s.id in wanted)


def _not_waiting(draft_id: int, item: QueueItem | None) -> Refusal:
    if item is None:
        return Refusal(draft_id, "not_found", f"There is no draft {draft_id}.")
    return Refusal(draft_id, "not_waiting", f"Draft {draft_id} is already {item.queue_status}.")


def _approve_refusal(draft_id: int, item: QueueItem | None, *, override: bool) -> Refusal | None:
    if item is None or item.queue_status not in ("pending", "snoozed"):
        return _not_waiting(draft_id, item)
    if not item.email:
        return Refusal(draft_id, "no_email", f"{item.customer_name} has no e-mail address.")
    blocks = [f for f in item.findings if f.get("severity") == "block"]
    if blocks and not override:
        reasons = " ".join(f.get("message", "") for f in blocks)
        return Refusal(draft_id, "blocked",
                       f"Draft {draft_id} for {item.customer_name} is blocked: {reasons}")
    return None


def _default_render() -> Render:
    try:
        from desktop_app.drafting import render_draft  # type: ignore[import-not-found]
    except ImportError as exc:
        raise AppError("Re-rendering from the template is not available in this version.") from exc
    return render_draft
