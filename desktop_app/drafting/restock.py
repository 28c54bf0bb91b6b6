"""Back in stock: draft for the oldest N open requests of a product (all when N is unknown)."""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from desktop_app.drafting.candidates import Candidate
from desktop_app.drafting.dates import pretty
from desktop_app.drafting.eligibility import block_reason
from desktop_app.drafting.engine import DraftRun, make_drafts
from desktop_app.settings import Settings
from desktop_app.template_defaults import ensure_templates
from storage import customers, products, waitlist
from storage.timestamps import utc_now_iso


def draft_restock(
    db: Database,
    product_id: int,
    *,
    quantity: int | None,
    today: dt.date,
    settings: Settings,
) -> DraftRun:
    """Draft notices for the oldest *quantity* open requests that may be messaged.

    Requests older than ``restock_still_interested_days`` get the *still interested?* wording;
    older than ``restock_expire_days`` they expire without a message. A request whose customer
    cannot be written to (no e-mail, do-not-contact) stays open and does not use up a unit.
    Runs in the caller's transaction.
    """
    product = products.get(db, product_id)
    if product is None:
        return DraftRun()
    ensure_templates(db)
    open_requests = waitlist.open_for_product(db, product_id)
    people = customers.rows_by_ids(db, [r.customer_id for r in open_requests])
    run = DraftRun()
    expired: list[int] = []
    chosen: list[Candidate] = []
    for request in open_requests:
        if quantity is not None and len(chosen) >= quantity:
            break
        asked = dt.date.fromisoformat(request.asked_at[:10])
        age = (today - asked).days
        if settings.restock_expire_days > 0 and age > settings.restock_expire_days:
            expired.append(request.id)
            continue
        occasion = (
            "restock_still_interested"
            if settings.restock_still_interested_days > 0 and age > settings.restock_still_interested_days
            else "restock"
        )
        customer = people.get(request.customer_id)
        reason = "deleted" if customer is None else block_reason(customer, occasion, settings)
        if reason:
            run.skipped.append({"customer_id": request.customer_id, "occasion": occasion, "reason": reason})
            continue
        chosen.append(_candidate(request, product, occasion, quantity, today, age))
    run.expired_requests = waitlist.mark_expired(db, expired, now=utc_now_iso())
    run.merge(make_drafts(db, chosen, today, settings))
    return run


def _candidate(request, product, occasion: str, quantity: int | None, today: dt.date, age: int) -> Candidate:
    asked = dt.date.fromisoformat(request.asked_at[:10])
    label = f"{product.name} ({request.variant})" if request.variant else product.label
    back = f"{quantity} back in stock today" if quantity else "back in stock today"
    why = f"Asked on {pretty(asked, weekday=False)} for {label}; {back}"
    if occasion == "restock_still_interested":
        why += f" — {age} days later, so asking if still interested"
    return Candidate(
        request.customer_id, occasion, f"product:{product.id}:{request.id}", today, why,
        {"date": today.isoformat(), "product": product.name, "variant": request.variant or product.variant,
         "asked_on": asked.isoformat(), "quantity": quantity, "product_id": product.id,
         "waitlist_id": request.id},
        waitlist_id=request.id,
    )
