"""Rules on whether this customer may get this note at all: consent, contact, cool-down, opt-out."""

from __future__ import annotations

import datetime as dt

from desktop_app.checks import Finding
from desktop_app.checks import lexicon as lx
from desktop_app.checks.codes import finding, is_marketing
from desktop_app.checks.draft_view import DraftView
from desktop_app.checks.text import find_phrases, fold, quote
from desktop_app.contacts import is_valid_email


def consent(view: DraftView) -> list[Finding]:
    facts = view.facts
    customer = facts.customer
    name = customer.first_name.strip() or "This customer"
    answer = (customer.email_consent or "unknown").strip().lower()
    marketing = is_marketing(facts.occasion)
    offers = find_phrases(view.folded, lx.OFFER_WORDS, original=view.text)
    out: list[Finding] = []
    if customer.do_not_contact:
        out.append(
            finding("do_not_contact", f"{name} is marked “do not contact”. Do not send this note.")
        )
    said_no = [
        line.strip()
        for line in (customer.notes or "").splitlines()
        if find_phrases(fold(line), lx.NO_EMAIL_NOTE_WORDS)
    ]
    if answer == "no" and not marketing:
        # They asked to be told when it is back: a service message, allowed unless they are
        # marked "do not contact" — but it must stay a service message (no offer, see below).
        out.append(
            finding(
                "asked_for_it",
                f"{name} said no to marketing e-mails, but asked for this note. Keep it to the "
                "item they asked about.",
            )
        )
    elif answer == "no":
        out.append(
            finding(
                "opted_out",
                f"{name} said no to e-mails. Skip this note, or ask in person first.",
            )
        )
    elif said_no:
        out.append(
            finding(
                "opted_out",
                f"The notes say “{said_no[0].rstrip('.')[:80]}”. Skip this note, and set their e-mail consent "
                "to “no” on the customer card.",
            )
        )
    email = (customer.email or "").strip()
    if not email or not is_valid_email(email):
        shown = f" (“{email}”)" if email else ""
        out.append(
            finding(
                "no_valid_email",
                f"There is no valid e-mail address{shown}. Fix the address on the customer card.",
            )
        )
    if offers and (answer == "unknown" or (answer == "no" and not marketing)):
        out.append(
            finding(
                "offer_without_consent",
                f"The note makes an offer ({quote(offers)}) but {name} has not agreed to marketing "
                "e-mails. Remove the offer, or record their consent first.",
            )
        )
    elif marketing and answer == "unknown" and not facts.shop.unknown_consent_allowed:
        out.append(
            finding(
                "consent_required",
                f"The shop writes only to customers who said yes, and {name} has not. "
                "Skip this note, or record their consent first.",
            )
        )
    elif marketing and answer == "unknown":
        out.append(
            finding(
                "consent_unknown",
                f"We don't know whether {name} agreed to e-mails from the shop.",
            )
        )
    if marketing:
        out += _cooldown(view)
        if not find_phrases(view.body_folded, lx.OPT_OUT_PHRASES):
            out.append(
                finding(
                    "no_opt_out",
                    "There is no way to say “no more e-mails”. Add a line such as "
                    "“Reply ‘stop’ and we won't write again.”",
                )
            )
    return out


def _cooldown(view: DraftView) -> list[Finding]:
    last = view.facts.last_message_at
    days = view.facts.shop.cooldown_days
    if last is None or days <= 0:
        return []
    last_day = last.date() if isinstance(last, dt.datetime) else last
    since = (view.facts.today - last_day).days
    if since >= days:
        return []
    when = "today" if since <= 0 else f"{since} day{'s' if since != 1 else ''} ago"
    return [
        finding(
            "cooldown",
            f"The last message went out {when}; the shop waits {days} days between notes. "
            "Snooze this one?",
        )
    ]
