"""Reading the check-draft JSON into DraftFacts."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.checks.draft_json import facts_from_json
from desktop_app.errors import AppError

MINIMAL = {"occasion": "restock", "subject": "Back", "body": "Hi", "today": "2026-05-12"}


def test_minimal_input_gets_defaults():
    facts = facts_from_json(MINIMAL)
    assert facts.customer.email_consent == "unknown" and facts.customer.email is None
    assert facts.shop.cooldown_days == 14 and facts.occasion_date is None


def test_birthdays_with_and_without_year():
    full = facts_from_json({**MINIMAL, "customer": {"birthday": "1988-03-14"}}).customer
    assert (full.birth_year, full.birth_month, full.birth_day) == (1988, 3, 14)
    leap = facts_from_json({**MINIMAL, "customer": {"birthday": "--02-29"}}).customer
    assert (leap.birth_year, leap.birth_month, leap.birth_day) == (None, 2, 29)
    with pytest.raises(AppError):
        facts_from_json({**MINIMAL, "customer": {"birthday": "2001-02-29"}})


def test_times_without_a_zone_are_utc():
    facts = facts_from_json({**MINIMAL, "last_message_at": "2026-05-01T10:00:00"})
    assert facts.last_message_at == dt.datetime(2026, 5, 1, 10, 0, tzinfo=dt.UTC)
    assert facts_from_json({**MINIMAL, "last_message_at": "2026-05-01"}).last_message_at.day == 1


def test_text_fields_must_be_text():
    with pytest.raises(AppError, match="subject"):
        facts_from_json({**MINIMAL, "subject": 5})
