"""Consent states, do-not-contact, e-mail validity and suppressions, per occasion."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.drafting import draft_day
from desktop_app.products import restock
from desktop_app.settings import Settings
from tests.desktop_app.shop_builder import add_customer, add_product, ask, drafts_of

DAY = dt.date(2026, 3, 12)
S = Settings(birthday_days_ahead=3, cooldown_days=14)


@pytest.mark.parametrize(
    ("consent", "unknown_allowed", "birthday_made", "restock_made"),
    [
        ("yes", True, True, True),
        ("yes", False, True, True),
        ("no", True, False, True),  # a restock the customer asked for is a service message
        ("no", False, False, True),
        ("unknown", True, True, True),
        ("unknown", False, False, True),
    ],
)
def test_every_consent_state(db, consent, unknown_allowed, birthday_made, restock_made):
    settings = S.replace(unknown_consent_allowed=unknown_allowed)
    cid = add_customer(db, email_consent=consent, birth_month=3, birth_day=15)
    product = add_product(db)
    ask(db, cid, product, DAY - dt.timedelta(days=3))
    run = draft_day(db, DAY, settings)
    assert ("birthday" in run.by_occasion) == birthday_made
    if not birthday_made:
        expected = "consent_no" if consent == "no" else "consent_unknown"
        assert run.skipped == [{"customer_id": cid, "occasion": "birthday", "reason": expected}]
    stock = restock(db, product, 1, settings=settings, today=DAY)
    assert stock.by_occasion == ({"restock": 1} if restock_made else {})


def test_do_not_contact_blocks_everything_even_a_requested_restock(db):
    cid = add_customer(db, do_not_contact=True, birth_month=3, birth_day=15)
    product = add_product(db)
    ask(db, cid, product, DAY)
    run = draft_day(db, DAY, S)
    assert run.created == 0
    assert run.skipped == [{"customer_id": cid, "occasion": "birthday", "reason": "do_not_contact"}]
    stock = restock(db, product, 5, settings=S, today=DAY)
    assert stock.created == 0 and stock.skipped[0]["reason"] == "do_not_contact"
    assert drafts_of(db) == []


@pytest.mark.parametrize("email", [None, "", "not-an-address", "gone@site.invalid", "a..b@example.com"])
def test_no_valid_email_no_draft(db, email):
    cid = add_customer(db, email=email, birth_month=3, birth_day=15, phone="+1 503 555 0101")
    run = draft_day(db, DAY, S)
    assert run.created == 0
    assert run.skipped == [{"customer_id": cid, "occasion": "birthday", "reason": "no_valid_email"}]


def test_suppressed_occasion_is_not_drafted(db):
    cid = add_customer(db, birth_month=3, birth_day=15)
    db.execute("INSERT INTO suppressions VALUES (?, 'birthday', '2026-01-01T00:00:00+00:00')", [cid])
    run = draft_day(db, DAY, S)
    assert run.created == 0 and run.skipped[0]["reason"] == "suppressed"
