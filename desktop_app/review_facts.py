"""What the check sees for a queued draft (DraftFacts), and keeping stored findings current."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence

from sqlite_utils import Database

from desktop_app.checks import CustomerFacts, DraftFacts, Finding
from desktop_app.checks.facts import customer_facts, shop_facts
from desktop_app.settings import Settings
from storage import customers, drafts_queue
from storage.timestamps import from_iso

Check = Callable[[DraftFacts], Sequence[Finding]]


def default_check() -> Check:
    """The real check (branch ``checks``) when present; otherwise a check that finds nothing.

    Imported lazily so that this module works before the check lands.
    """
    try:
        from desktop_app.checks import check_draft  # type: ignore[attr-defined]
    except ImportError:
        return no_check
    return check_draft


def no_check(facts: DraftFacts) -> list[Finding]:
    return []


def facts_for(db: Database, draft_id: int, *, settings: Settings, today: dt.date) -> DraftFacts | None:
    """The check's input for one draft, read from the store; None when the draft is gone."""
    row = db.execute(
        "SELECT customer_id, occasion, subject, body_text, occasion_date FROM drafts WHERE id = ?",
        [draft_id],
    ).fetchone()
    if row is None:
        return None
    customer_id, occasion, subject, body, occasion_date = row
    customer = customers.get(db, customer_id)
    last = drafts_queue.last_message_at(db, customer_id, exclude_draft_id=draft_id)
    return DraftFacts(
        occasion=occasion,
        subject=subject,
        body=body,
        today=today,
        customer=customer_facts(customer) if customer is not None else CustomerFacts(),
        shop=shop_facts(settings),
        occasion_date=dt.date.fromisoformat(occasion_date[:10]) if occasion_date else None,
        last_message_at=from_iso(last) if last else None,
    )


def with_text(facts: DraftFacts, *, subject: str, body: str) -> DraftFacts:
    """The same facts with the text being edited (the live check while typing)."""
    return dataclasses.replace(facts, subject=subject, body=body)


def run_check(check: Check, facts: DraftFacts) -> list[dict]:
    return [f.to_json() for f in check(facts)]


def refresh_findings(
    db: Database,
    *,
    check: Check,
    settings: Settings,
    today: dt.date,
    now: str,
    ids: Sequence[int] | None = None,
) -> int:
    """Recompute findings of waiting drafts that are stale; returns how many were checked.

    The caller decides the transaction.
    """
    stale = drafts_queue.stale_ids(db, today=today.isoformat(), ids=ids)
    for draft_id in stale:
        facts = facts_for(db, draft_id, settings=settings, today=today)
        if facts is not None:
            drafts_queue.store_findings(db, draft_id, run_check(check, facts), checked_at=now)
    return len(stale)


def mail_account_configured(db: Database) -> bool:
    """True when a mail account is saved (the ``mail_account`` settings key).

    Cheap and secret-free: it never touches the keyring.
    """
    from storage import keyvalue

    value = keyvalue.read(db, "settings", "mail_account")
    if isinstance(value, dict):
        return bool(value.get("email") or value.get("address"))
    return bool(value)
