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
