"""How an accepted row changes a customer: fill empty fields, change changed ones, never upgrade
consent, never clear a value, and hold back fields the owner edited by hand (conflicts)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from desktop_app.importing.birthdays import Birthday
from desktop_app.importing.records import Candidate
from storage.customers import email_key, phone_key

CONSENT_RANK = {"unknown": 0, "yes": 1, "no": 2}  # no beats yes beats unknown

# Which customer columns each owner-facing field covers (edited_fields names columns).
FIELD_COLUMNS = {
    "display_name": ("display_name",), "first_name": ("first_name",),
    "last_name": ("last_name",), "email": ("email", "email_key"),
    "phone": ("phone", "phone_key"), "birthday": ("birth_month", "birth_day", "birth_year"),
    "email_consent": ("email_consent", "consent_source", "consent_at"),
    "notes": ("notes",), "tags": ("tags",), "shopify_id": ("shopify_id",),
    "square_id": ("square_id",), "language": ("language",),
    "do_not_contact": ("do_not_contact",),
}


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: str
    new: str


def merged_consent(old: str, new: str) -> str:
    """
    >>> merged_consent("yes", "unknown"), merged_consent("no", "yes"), merged_consent("unknown", "yes")
    ('yes', 'no', 'yes')
    """
    return old if CONSENT_RANK.get(old, 0) >= CONSENT_RANK.get(new, 0) else new


NEW_COLUMNS = ("first_name", "last_name", "display_name", "email", "email_key", "phone",
               "phone_key", "birth_month", "birth_day", "birth_year", "email_consent",
               "consent_source", "consent_at", "notes", "tags", "shopify_id", "square_id",
               "language", "do_not_contact", "created_at", "updated_at")
# New customers' rows travel and are written as one flat list of values, WIDTH per row.
WIDTH = len(NEW_COLUMNS)
# Where the values an outcome shows sit in such a row.
NAME_AT, EMAIL_AT, PHONE_AT = (NEW_COLUMNS.index(c) for c in ("display_name", "email", "phone"))


# A candidate's phone is valid (desktop_app.contacts): digits and these marks only.
PHONE_MARKS = str.maketrans("", "", " ()./-+")


def new_customer(c: Candidate, *, source: str, now: str) -> tuple:
    """The row to insert for a candidate nobody has yet, as values in ``NEW_COLUMNS`` order."""
    b = c.birthday
    known = c.consent != "unknown"
    phone = c.phone
    digits = phone.translate(PHONE_MARKS) if phone else None
    if digits and not digits.isdigit():  # not a checked phone after all: the general rule
        digits = phone_key(phone)
    return (c.first_name, c.last_name, c.display_name, c.email,
            c.email.lower() if c.email else None, phone,
            digits or None, b.month if b else None, b.day if b else None,
            b.year if b else None, c.consent, source if known else None, now if known else None,
            c.notes, c.tags, c.shopify_id, c.square_id, c.language,
            1 if c.do_not_contact else 0, now, now)


def candidate_from_row(number: int, key: str, values: tuple, birthday_text: str) -> Candidate:
    """The candidate (without warnings) that :func:`new_customer` made *values* from."""
    (first, last, display, email, _email_key, phone, _phone_key, month, day, year, consent,
     _source, _consent_at, notes, tags, shopify_id, square_id, language, do_not_contact,
     _created, _updated) = values
    return Candidate(number, key, display, first, last, email, phone,
                     Birthday(month, day, year) if month else None, consent, notes, tags,
                     shopify_id, square_id, (), birthday_text, language, bool(do_not_contact))


def merge(current: dict, candidate: Candidate, *, source: str, now: str
          ) -> tuple[dict, list[FieldChange], list[FieldChange]]:
    """What *candidate* changes in *current* (a customer row as a dict).

    Returns (column values to write, field changes applied, field changes held back because the
    owner edited that field by hand). The caller writes the conflicting ones only when the owner
    accepts them (see :func:`conflict_values`).
    """
    proposed: dict[str, dict] = {}

    def fill(field_name: str, value) -> None:
        if value and not current.get(field_name):
            proposed[field_name] = {field_name: value}

    fill("display_name", candidate.display_name)
    fill("first_name", candidate.first_name)
    fill("last_name", candidate.last_name)
    fill("language", candidate.language)
    if candidate.do_not_contact and not current.get("do_not_contact"):
        # Like consent, "do not contact" only ever tightens: a file never lifts it.
        proposed["do_not_contact"] = {"do_not_contact": 1}
    if candidate.email and not current.get("email"):
        proposed["email"] = {"email": candidate.email, "email_key": email_key(candidate.email)}
    if candidate.phone and phone_key(candidate.phone) != current.get("phone_key"):
        proposed["phone"] = {"phone": candidate.phone, "phone_key": phone_key(candidate.phone)}
    b = candidate.birthday
    if b is not None:
        has = current.get("birth_month") is not None
        # A full date beats a year-less one; otherwise the first value wins (rule 12).
        if not has or (current.get("birth_year") is None and b.year is not None):
            proposed["birthday"] = {"birth_month": b.month, "birth_day": b.day, "birth_year": b.year}
    consent = merged_consent(current.get("email_consent") or "unknown", candidate.consent)
    if consent != current.get("email_consent"):
        proposed["email_consent"] = {"email_consent": consent, "consent_source": source,
                                     "consent_at": now}
    notes = candidate.notes
    old_notes = current.get("notes") or ""
    if notes.strip() and notes.strip() not in old_notes:
        # Notes are never replaced: a second source's note is added below the first.
        proposed["notes"] = {"notes": f"{old_notes}\n\n{notes}" if old_notes else notes}
    tags = _union_tags(current.get("tags") or "", candidate.tags)
    if tags != (current.get("tags") or ""):
        proposed["tags"] = {"tags": tags}
    for id_field in ("shopify_id", "square_id"):
        value = getattr(candidate, id_field)
        if value and value != current.get(id_field):
            proposed[id_field] = {id_field: value}

    edited = set(json.loads(current.get("edited_fields") or "[]"))
    values: dict = {}
    applied: list[FieldChange] = []
    conflicts: list[FieldChange] = []
    for field_name, columns in proposed.items():
        change = FieldChange(field_name, _show(field_name, current), _show(field_name, columns))
        if edited & set(FIELD_COLUMNS[field_name]):
            conflicts.append(change)
        else:
            values.update(columns)
            applied.append(change)
    return values, applied, conflicts


def conflict_values(current: dict, candidate: Candidate, *, source: str, now: str) -> dict:
    """The column values of the held-back conflicts (written when the owner accepts the row)."""
    saved = dict(current)
    saved["edited_fields"] = "[]"
    values, _, _ = merge(saved, candidate, source=source, now=now)
    return values


def _show(field_name: str, row: dict) -> str:
    if field_name == "birthday":
        month, day, year = row.get("birth_month"), row.get("birth_day"), row.get("birth_year")
        if not month:
            return ""
        return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
    value = row.get(field_name)
    return "" if value is None else str(value)


def _union_tags(old: str, new: str) -> str:
    """
    >>> _union_tags("VIP, sourdough-club", "vip, Blog")
    'VIP, sourdough-club, Blog'
    """
    if not new.strip():
        return old
    seen = {t.strip().lower() for t in old.split(",") if t.strip()}
    tags = [t.strip() for t in old.split(",") if t.strip()]
    for tag in new.split(","):
        tag = tag.strip().strip('"').strip()
        if tag and tag.lower() not in seen:
            seen.add(tag.lower())
            tags.append(tag)
    return ", ".join(tags)
