"""Customers and drafts inserted straight into a store, for review tests, benchmarks and screenshots."""

from __future__ import annotations

import datetime as dt
import json
import random

from desktop_app.checks import DraftFacts, Finding
from storage import customers
from storage.timestamps import to_iso

NOW = dt.datetime(2026, 3, 10, 10, 0, tzinfo=dt.UTC)


def simple_check(facts: DraftFacts) -> list[Finding]:
    """A small stand-in for the real check: enough to make blocked, warned and clean drafts."""
    found = []
    text = f"{facts.subject}\n{facts.body}"
    if "{{" in text or "[NAME]" in text:
        found.append(Finding("leftover", "block", "Template text was left in the message."))
    if facts.customer.do_not_contact:
        found.append(Finding("do_not_contact", "block", "This customer asked not to be contacted."))
    if "!!!" in text:
        found.append(Finding("exclamations", "warn", "So many exclamation marks may sound shouty."))
    if not facts.subject.strip():
        found.append(Finding("empty_subject", "block", "The subject is empty."))
    if facts.customer.email_consent == "unknown":
        found.append(Finding("consent_unknown", "info", "We do not know whether they agreed to e-mail."))
    return found


def add_customer(db, first: str, last: str = "", *, email: str | None = "", **extra) -> int:
    if email == "":
        email = f"{first.lower()}.{(last or 'x').lower()}@example.org"
    values = {"first_name": first, "last_name": last, "display_name": f"{first} {last}".strip(),
              "email": email, "email_key": email.lower() if email else None, "email_consent": "yes"}
    values.update(extra)
    return customers.insert(db, values, now=to_iso(NOW - dt.timedelta(days=30)))


def add_draft(
    db,
    customer_id: int,
    *,
    occasion: str = "restock",
    subject: str = "Good news",
    body: str = "Hello, it is back. Warm wishes, Rosa",
    occasion_date: str | None = "2026-03-10",
    why: str = "Asked to be told when it is back.",
    key: str | None = None,
    status: str = "pending",
    snooze_until: str | None = None,
) -> int:
    stamp = to_iso(NOW - dt.timedelta(hours=2))
    cursor = db.execute(
        "INSERT INTO drafts (customer_id, occasion, occasion_key, occasion_date, why, subject, "
        "body_text, body_html, status, snooze_until, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [customer_id, occasion, key or f"{occasion}-{customer_id}-{random.random()}", occasion_date,
         why, subject, body, f"<p>{body}</p>", status, snooze_until, stamp, stamp],
    )
    return cursor.lastrowid


FIRST = ["Anna", "Ben", "Clara", "David", "Elif", "Farid", "Greta", "Hugo", "Ines", "Jonas",
         "Karin", "Luis", "Maya", "Nils", "Olga", "Pablo", "Quinn", "Rosa", "Sami", "Tara"]
LAST = ["Keller", "Moreau", "Schmidt", "Garcia", "Novak", "Berg", "Rossi", "Weber", "Dubois", "Lind"]
PRODUCTS = ["the rye sourdough", "the plum cake", "the spelt loaf", "the walnut bread",
            "the seeded baguette"]


def fill_queue(db, count: int, *, seed: int = 7, flagged_every: int = 0) -> list[int]:
    """*count* realistic drafts for a bakery (birthdays, restocks, rewards) over three days."""
    rng = random.Random(seed)
    ids = []
    with db.atomic():
        for n in range(count):
            first, last = FIRST[n % len(FIRST)], LAST[(n // len(FIRST)) % len(LAST)]
            cid = add_customer(db, first, f"{last}{n // 200 or ''}", email=f"{first.lower()}.{last.lower()}{n}@example.org",
                               email_consent=rng.choice(["yes", "yes", "yes", "unknown"]))
            day = f"2026-03-{10 + n % 3:02d}"
            kind = n % 4
            if kind == 0:
                draft = dict(occasion="birthday", subject=f"Happy birthday, {first}!",
                             body=f"Dear {first},\n\nEveryone at Rosa's Bakery wishes you a lovely birthday. "
                                  "Your next coffee is on us — just say hello at the counter.\n\nWarmly,\nRosa",
                             why=f"{first}'s birthday is on {int(day[8:])} March (from the loyalty sign-up form).")
            elif kind == 1:
                product = rng.choice(PRODUCTS)
                draft = dict(occasion="restock", subject=f"Good news: {product} is back",
                             body=f"Hi {first},\n\nYou asked us to tell you when {product} was back. "
                                  "We baked a fresh batch this morning and set one aside for you until Saturday.\n\n"
                                  "Rosa\n\nDon't want these notes? Reply 'stop'.",
                             why=f"Asked on 2 March to be told when {product} is back.")
            elif kind == 2:
                draft = dict(occasion="stamp_reward", subject="Your tenth coffee is on us",
                             body=f"Hi {first},\n\nYour stamp card is full — thank you for all those visits. "
                                  "Your next coffee is free.\n\nRosa\n\nDon't want these notes? Reply 'stop'.",
                             why="Tenth stamp on the loyalty card on 8 March.")
            else:
                draft = dict(occasion="winback", subject="We have missed you",
                             body=f"Hi {first},\n\nIt has been a while! The spring menu is out, and we would "
                                  "love to see you again.\n\nRosa\n\nDon't want these notes? Reply 'stop'.",
                             why="Last visit 94 days ago, after 12 visits.")
            if flagged_every and n % flagged_every == flagged_every - 1:
                draft["body"] += "\n\nP.S. Hurry in, they go fast!!!"
            ids.append(add_draft(db, cid, occasion_date=day, key=f"{draft['occasion']}-{n}", **draft))
    return ids


def findings_of(db, draft_id: int) -> list[dict]:
    return json.loads(db.execute("SELECT findings FROM drafts WHERE id = ?", [draft_id]).fetchone()[0])
