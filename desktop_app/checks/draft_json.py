"""The JSON shape of a draft for ``fondly check-draft``: read and validate it into DraftFacts."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from desktop_app.checks import CustomerFacts, DraftFacts, ShopFacts
from desktop_app.checks.codes import OCCASIONS
from desktop_app.errors import AppError

_HINT = "See “fondly check-draft --help” or the README for the input shape."
_BIRTHDAY = re.compile(r"^(?:(\d{4})|-)-(\d{2})-(\d{2})$")


def facts_from_json(data: Any) -> DraftFacts:
    """DraftFacts from the parsed JSON object.

    :raises AppError: naming the first field that is missing or malformed.

    >>> facts_from_json({"occasion": "restock", "subject": "Back", "body": "Hi",
    ...                  "today": "2026-05-01", "customer": {"birthday": "--03-14"}}).customer.birth_month
    3
    """
    if not isinstance(data, dict):
        raise _bad("the file must hold one JSON object")
    occasion = _text(data, "occasion", required=True)
    if occasion not in OCCASIONS:
        raise _bad(f"“occasion” must be one of {', '.join(sorted(OCCASIONS))}, not “{occasion}”")
    customer = data.get("customer") or {}
    shop = data.get("shop") or {}
    if not isinstance(customer, dict) or not isinstance(shop, dict):
        raise _bad("“customer” and “shop” must be JSON objects")
    return DraftFacts(
        occasion=occasion,
        subject=_text(data, "subject", required=True),
        body=_text(data, "body", required=True),
        today=_date(data, "today", required=True),
        occasion_date=_date(data, "occasion_date"),
        last_message_at=_moment(data, "last_message_at"),
        customer=_customer(customer),
        shop=_shop(shop),
    )


def _bad(what: str) -> AppError:
    return AppError(f"Bad draft file: {what}.", _HINT)


def _text(obj: dict, key: str, *, required: bool = False, where: str = "") -> str:
    if key not in obj or obj[key] is None:
        if required:
            raise _bad(f"“{where}{key}” is missing")
        return ""
    value = obj[key]
    if not isinstance(value, str):
        raise _bad(f"“{where}{key}” must be text")
    return value


def _date(obj: dict, key: str, *, required: bool = False) -> dt.date | None:
    text = _text(obj, key, required=required)
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise _bad(f"“{key}” must be a date like 2026-05-01, not “{text}”") from None


def _moment(obj: dict, key: str) -> dt.datetime | None:
    text = _text(obj, key)
    if not text:
        return None
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise _bad(f"“{key}” must be an ISO date or time, not “{text}”") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _customer(obj: dict) -> CustomerFacts:
    where = "customer."
    birthday = _text(obj, "birthday", where=where).strip()
    year = month = day = None
    if birthday:
        match = _BIRTHDAY.match(birthday)
        if not match:
            raise _bad(f"“customer.birthday” must be YYYY-MM-DD or --MM-DD, not “{birthday}”")
        year = int(match.group(1)) if match.group(1) else None
        month, day = int(match.group(2)), int(match.group(3))
        try:
            dt.date(year or 2000, month, day)  # 2000 is a leap year: --02-29 is fine
        except ValueError:
            raise _bad(f"“customer.birthday” is not a real date: “{birthday}”") from None
    consent = (_text(obj, "email_consent", where=where) or "unknown").strip().lower()
    if consent not in ("yes", "no", "unknown"):
        raise _bad(f"“customer.email_consent” must be yes, no or unknown, not “{consent}”")
    dnc = obj.get("do_not_contact", False)
    if not isinstance(dnc, bool):
        raise _bad("“customer.do_not_contact” must be true or false")
    return CustomerFacts(
        first_name=_text(obj, "first_name", where=where),
        last_name=_text(obj, "last_name", where=where),
        email=_text(obj, "email", where=where) or None,
        language=_text(obj, "language", where=where) or None,
        birth_month=month,
        birth_day=day,
        birth_year=year,
        email_consent=consent,
        do_not_contact=dnc,
        notes=_text(obj, "notes", where=where),
    )


def _shop(obj: dict) -> ShopFacts:
    days = obj.get("cooldown_days", ShopFacts.cooldown_days)
    if isinstance(days, bool) or not isinstance(days, int) or days < 0:
        raise _bad("“shop.cooldown_days” must be a whole number of days (0 or more)")
    allowed = obj.get("unknown_consent_allowed", True)
    if not isinstance(allowed, bool):
        raise _bad("“shop.unknown_consent_allowed” must be true or false")
    return ShopFacts(
        name=_text(obj, "name", where="shop."),
        language=_text(obj, "language", where="shop.") or ShopFacts.language,
        cooldown_days=days,
        unknown_consent_allowed=allowed,
    )
