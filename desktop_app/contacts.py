"""E-mail and phone validity as the import contract defines it (shared by import, forms and rules)."""

from __future__ import annotations

import re

_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
_EMAIL_RE = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@" + _LABEL + r"(?:\." + _LABEL + r")*\.[A-Za-z]{2,}$"
)
_PHONE_RE = re.compile(r"^\+?[0-9 ()./-]+$")
PHONE_SHAPE = _PHONE_RE  # what a valid phone may hold; digits alone decide the rest
# Unicode whitespace incl. NBSP; str.strip() without arguments covers it.


def first_value(cell: str | None) -> str:
    """Google's multi-value cells join values with ' ::: '; keep the first, trimmed.

    >>> first_value(' a@example.com ::: b@example.com')
    'a@example.com'
    """
    if not cell:
        return ""
    return cell.split(" ::: ", 1)[0].strip()


def clean_email(cell: str | None) -> str:
    return first_value(cell)


def is_valid_email(address: str) -> bool:
    """The contract's rule (matches email-validator's ASCII verdict).

    >>> is_valid_email("o'connor.sean@example.com"), is_valid_email("a..b@example.com")
    (True, False)
    >>> is_valid_email("deleted@site.invalid")
    False
    """
    if not _EMAIL_RE.fullmatch(address) or ".." in address:
        return False
    local, _, domain = address.rpartition("@")
    if local.startswith(".") or local.endswith("."):
        return False
    return domain.rsplit(".", 1)[-1].lower() != "invalid"


def clean_phone(cell: str | None) -> str:
    value = first_value(cell)
    if value.startswith("'"):
        value = value[1:].strip()
    return value


def is_valid_phone(phone: str) -> bool:
    """
    >>> is_valid_phone("+1 (503) 555-0101"), is_valid_phone("01234"), is_valid_phone("3,3639E+11")
    (True, False, False)
    """
    if not _PHONE_RE.fullmatch(phone):
        return False
    digits = sum(map(str.isdigit, phone))
    return 7 <= digits <= 15
