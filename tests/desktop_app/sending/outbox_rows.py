"""Putting approved messages in the outbox for tests, as the review step would."""

from __future__ import annotations

import datetime as dt
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate

from storage import customers, outbox
from storage.timestamps import to_iso, utc_now_iso

SENDER = "shop@example.test"


def queue_messages(db, count: int, *, planned_at: dt.datetime | None = None, prefix: str = "c",
                   with_drafts: bool = True) -> list[int]:
    """*count* queued messages to ``{prefix}{n}@example.org``, each with its customer and draft."""
    planned = to_iso(planned_at or dt.datetime(2026, 1, 1, 12, tzinfo=dt.UTC))
    now = utc_now_iso()
    ids = []
    with db.atomic():
        for n in range(count):
            address = f"{prefix}{n}@example.org"
            customer_id = draft_id = None
            if with_drafts:
                customer_id = customers.insert(db, {"first_name": f"C{n}", "email": address})
                draft_id = db.execute(
                    "INSERT INTO drafts (customer_id, occasion, occasion_key, why, subject,"
                    " body_text, status, created_at, updated_at)"
                    " VALUES (?, 'restock', ?, 'asked', ?, ?, 'approved', ?, ?)",
                    [customer_id, f"k{n}", f"Back in stock {n}", f"Hello {n}", now, now],
                ).lastrowid
            ids.append(outbox.enqueue(
                db, to_addr=address, to_name=f"C{n}", subject=f"Back in stock {n}",
                body_text=f"Hello {n}, it is back.", planned_at=planned, occasion="restock",
                draft_id=draft_id, customer_id=customer_id))
    return ids


def draft_status(db, outbox_id: int) -> str:
    return db.execute(
        "SELECT d.status FROM drafts d JOIN outbox o ON o.draft_id = d.id WHERE o.id = ?",
        [outbox_id]).fetchone()[0]


def simple_message(row) -> EmailMessage:
    """The message for an outbox row (the production wiring uses mailers.messages)."""
    message = EmailMessage()
    message["From"] = Address(display_name="The Shop", addr_spec=SENDER)
    message["To"] = Address(display_name=row.to_name, addr_spec=row.to_addr)
    message["Subject"] = row.subject
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = row.message_id
    message.set_content(row.body_text)
    return message
