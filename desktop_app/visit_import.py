"""Importing visits: a Shopify orders export, a Square transactions export, or a plain sheet."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from desktop_app.drafting.dates import local_noon_utc_iso, shop_zone
from desktop_app.errors import AppError
from desktop_app.settings import Settings, load_settings
from desktop_app.visits import points_for
from storage import visits
from storage.customers import email_key, phone_key

_EMAIL = ("email", "e-mail", "email address", "customer email", "e-mail address")
_PHONE = ("phone", "phone number", "mobile", "telephone", "billing phone")
_DATE = ("date", "visit date", "order date", "created at", "at", "datum")
_AMOUNT = ("amount", "total", "spent", "sum", "betrag", "montant", "importe")


@dataclass(frozen=True)
class VisitRow:
    line: int
    external_id: str
    at: str  # UTC ISO
    amount: float | None
    email: str = ""
    phone: str = ""
    shopify_id: str = ""
    square_id: str = ""


@dataclass
class VisitImportResult:
    format: str
    added: int = 0
    already: int = 0
    unmatched: list[dict] = field(default_factory=list)
    invalid: list[dict] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"format": self.format, "added": self.added, "already": self.already,
                "unmatched": self.unmatched, "invalid": self.invalid}


def read_table(path: Path) -> tuple[list[str], list[list[str]]]:
    """The header and rows of a CSV/TSV file (UTF-8 with or without BOM, else cp1252).

    :raises AppError: when the file cannot be read.
    """
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise AppError(f"Cannot read {path}: {exc.strerror}.", "Check the file name.") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = [r for r in csv.reader(io.StringIO(text), dialect) if any(c.strip() for c in r)]
    if not rows:
        raise AppError(f"{path.name} is empty.", "Export the orders again and retry.")
    return [h.strip() for h in rows[0]], rows[1:]


def parse_amount(text: str) -> float | None:
    """
    >>> parse_amount("$1,234.50"), parse_amount("12,50 €"), parse_amount(""), parse_amount("1.234,5")
    (1234.5, 12.5, None, 1234.5)
    """
    cleaned = re.sub(r"[^\d,.\-]", "", text or "")
    if not cleaned or not re.search(r"\d", cleaned):
        return None
    if "," in cleaned and "." in cleaned:
        if cleaned.rfind(",") > cleaned.rfind("."):
            cleaned = cleaned.replace(".", "").replace(",", ".")
        else:
            cleaned = cleaned.replace(",", "")
    elif "," in cleaned:
        head, _, tail = cleaned.rpartition(",")
        cleaned = f"{head.replace(',', '')}.{tail}" if len(tail) <= 2 else cleaned.replace(",", "")
    try:
        return float(cleaned)
    except ValueError:
        return None


def parse_moment(text: str, settings: Settings) -> str | None:
    """A date or date-time cell as UTC ISO; a bare date is that day's local noon.

    >>> parse_moment("2024-03-08 14:22:11 -0500", Settings())
    '2024-03-08T19:22:11.000000+00:00'
    """
    text = (text or "").strip()
    if not text:
        return None
    for pattern in ("%Y-%m-%d %H:%M:%S %z", "%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%d %H:%M:%S%z"):
        try:
            return dt.datetime.strptime(text, pattern).astimezone(dt.UTC).isoformat(timespec="microseconds")
        except ValueError:
            pass
    for pattern in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%m/%d/%Y %H:%M:%S"):
        try:
            naive = dt.datetime.strptime(text, pattern)
        except ValueError:
            continue
        zone = shop_zone(settings)
        local = naive.replace(tzinfo=zone) if zone else naive.astimezone()
        return local.astimezone(dt.UTC).isoformat(timespec="microseconds")
    for pattern in ("%Y-%m-%d", "%d.%m.%Y", "%m/%d/%Y", "%d/%m/%Y"):
        try:
            day = dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
        return local_noon_utc_iso(day, settings)
    return None


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    lowered = [h.lower() for h in header]
    for name in names:
        if name in lowered:
            return lowered.index(name)
    return None


def detect_format(header: list[str]) -> str:
    lowered = {h.lower() for h in header}
    if {"name", "email", "created at"} <= lowered and ("total" in lowered or "paid at" in lowered):
        return "shopify_orders"
    if "transaction id" in lowered and ({"total collected", "gross sales", "net sales"} & lowered):
        return "square_transactions"
    if _column(header, _DATE) is not None and (
        _column(header, _EMAIL) is not None or _column(header, _PHONE) is not None
    ):
        return "sheet"
    raise AppError(
        "This file does not look like a Shopify orders export, a Square transactions export or a "
        "sheet of visits.",
        "A sheet needs an e-mail or phone column and a date column (an amount column is optional).",
    )


def read_visits(path: Path, settings: Settings) -> tuple[str, list[VisitRow], list[dict]]:
    header, rows = read_table(path)
    kind = detect_format(header)
    reader = {"shopify_orders": _shopify, "square_transactions": _square, "sheet": _sheet}[kind]
    found, invalid = reader(header, rows, settings)
    return kind, found, invalid


def _get(row: list[str], index: int | None) -> str:
    return row[index].strip() if index is not None and index < len(row) else ""


def _shopify(header, rows, settings):
    col = {name: _column(header, (name,)) for name in (
        "name", "email", "phone", "billing phone", "created at", "total", "id", "customer id")}
    found, invalid, seen = [], [], set()
    for line, row in enumerate(rows, start=2):
        order = _get(row, col["name"])
        total = _get(row, col["total"])
        # Each line item is a row; only an order's first row carries its totals.
        if not order or order in seen or not total:
            continue
        seen.add(order)
        at = parse_moment(_get(row, col["created at"]), settings)
        if at is None:
            invalid.append({"line": line, "reason": "no date"})
            continue
        found.append(VisitRow(line, _get(row, col["id"]) or order, at, parse_amount(total),
                              email=_get(row, col["email"]),
                              phone=_get(row, col["phone"]) or _get(row, col["billing phone"]),
                              shopify_id=_get(row, col["customer id"])))
    return found, invalid


def _square(header, rows, settings):
    col = {name: _column(header, (name,)) for name in (
        "date", "time", "transaction id", "total collected", "gross sales", "customer id",
        "customer reference id")}
    found, invalid = [], []
    for line, row in enumerate(rows, start=2):
        moment = f"{_get(row, col['date'])} {_get(row, col['time'])}".strip()
        at = parse_moment(moment, settings) or parse_moment(_get(row, col["date"]), settings)
        external = _get(row, col["transaction id"])
        if at is None or not external:
            invalid.append({"line": line, "reason": "no date" if at is None else "no transaction id"})
            continue
        amount = parse_amount(_get(row, col["total collected"]) or _get(row, col["gross sales"]))
        found.append(VisitRow(line, external, at, amount, square_id=_get(row, col["customer id"])))
    return found, invalid


def _sheet(header, rows, settings):
    ie, ip, idate, iamount = (_column(header, n) for n in (_EMAIL, _PHONE, _DATE, _AMOUNT))
    found, invalid = [], []
    occurrences: dict[str, int] = {}
    for line, row in enumerate(rows, start=2):
        at = parse_moment(_get(row, idate), settings)
        email, phone = _get(row, ie), _get(row, ip)
        if at is None:
            invalid.append({"line": line, "reason": "no date"})
            continue
        if not email and not phone:
            invalid.append({"line": line, "reason": "no e-mail or phone"})
            continue
        amount = parse_amount(_get(row, iamount))
        # A sheet has no order id: the row's content (and how often it repeats) is its identity.
        basis = f"{email_key(email) or phone_key(phone)}|{at[:10]}|{amount}"
        occurrences[basis] = occurrences.get(basis, 0) + 1
        digest = hashlib.sha1(f"{basis}|{occurrences[basis]}".encode()).hexdigest()[:20]
        found.append(VisitRow(line, digest, at, amount, email=email, phone=phone))
    return found, invalid


_SOURCE = {"shopify_orders": "shopify", "square_transactions": "square", "sheet": "sheet"}


def import_visits(db: Database, path: Path, *, settings: Settings | None = None) -> VisitImportResult:
    """Add the file's visits to the matching customers; running it twice adds nothing twice.

    Rows link by Shopify/Square customer id, then e-mail, then phone.

    :raises AppError: when the file cannot be read or is not a known kind.
    """
    settings = settings or load_settings(db)
    kind, rows, invalid = read_visits(Path(path), settings)
    result = VisitImportResult(kind, invalid=invalid)
    source = _SOURCE[kind]
    with db.atomic():
        for row in rows:
            customer_id = _match(db, row)
            if customer_id is None:
                result.unmatched.append({"line": row.line, "email": row.email, "phone": row.phone})
                continue
            added = visits.add(db, customer_id=customer_id, at=row.at, amount=row.amount,
                               points=points_for(row.amount, settings), source=source,
                               external_id=row.external_id)
            if added is None:
                result.already += 1
            else:
                result.added += 1
    return result


def _match(db: Database, row: VisitRow) -> int | None:
    checks = [
        ("shopify_id", row.shopify_id),
        ("square_id", row.square_id),
        ("email_key", email_key(row.email)),
    ]
    digits = phone_key(row.phone)
    if digits:
        # Exports add or drop the country code: try the number as given and its last ten digits.
        checks += [("phone_key", digits), ("phone_key", digits[-10:])]
        if len(digits) == 10:
            checks.append(("phone_key", "1" + digits))
    for column, value in checks:
        if value:
            hit = db.execute(f"SELECT id FROM customers WHERE {column} = ? ORDER BY id LIMIT 1",
                             [value]).fetchone()
            if hit:
                return hit[0]
    return None
