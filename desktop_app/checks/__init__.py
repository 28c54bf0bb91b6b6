"""The empathy and safety check on a draft: findings with a code, a severity and plain words."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["block", "warn", "info"]


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    message: str

    def to_json(self) -> dict:
        return {"code": self.code, "severity": self.severity, "message": self.message}


@dataclass(frozen=True)
class CustomerFacts:
    first_name: str = ""
    last_name: str = ""
    email: str | None = None
    language: str | None = None
    birth_month: int | None = None
    birth_day: int | None = None
    birth_year: int | None = None
    email_consent: str = "unknown"
    do_not_contact: bool = False
    notes: str = ""


@dataclass(frozen=True)
class ShopFacts:
    name: str = ""
    language: str = "en"
    cooldown_days: int = 14
    # Settings.unknown_consent_allowed: False means marketing only to customers who said yes.
    unknown_consent_allowed: bool = True


@dataclass(frozen=True)
class DraftFacts:
    """Everything the check looks at: the text, the occasion, the customer and the shop."""

    occasion: str
    subject: str
    body: str
    today: dt.date
    customer: CustomerFacts = field(default_factory=CustomerFacts)
    shop: ShopFacts = field(default_factory=ShopFacts)
    occasion_date: dt.date | None = None
    last_message_at: dt.datetime | None = None


def check_draft(facts: DraftFacts) -> list[Finding]:
    """Every finding on one draft, blocking ones first. Pure; fast enough to run while typing.

    The first call loads the language model (about a second): call ``warm_up()`` early to hide it.

    >>> import datetime as dt
    >>> draft = DraftFacts(occasion="restock", subject="", body="Hi [NAME],", today=dt.date(2026, 5, 1))
    >>> [f.code for f in check_draft(draft)][:2]
    ['empty_subject', 'placeholder_text']
    """
    from desktop_app.checks.engine import run_checks  # the rules import the types above

    return run_checks(facts)


def warm_up() -> None:
    """Load the models and compile the phrase lists now (e.g. on a background lane at start-up)."""
    from desktop_app.checks.models import warm_up as load

    load()
    sample = "Hi Anna,\n\nHappy birthday from all of us! Reply stop to opt out. 🎂"
    check_draft(DraftFacts("birthday", "Happy birthday", sample, dt.date(2026, 1, 1)))
