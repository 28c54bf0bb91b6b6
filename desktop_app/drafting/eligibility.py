"""Who may be messaged, and why not: do-not-contact, e-mail validity, consent, suppressions."""

from __future__ import annotations

from desktop_app.contacts import is_valid_email
from desktop_app.settings import Settings
from storage.customers import Customer

# Messages the customer asked for: consent "no" does not block them (do-not-contact still does).
SERVICE_OCCASIONS = frozenset({"restock", "restock_still_interested"})

REASONS = {
    "do_not_contact": "marked do-not-contact",
    "no_valid_email": "no valid e-mail address",
    "consent_no": "said no to e-mails",
    "consent_unknown": "consent unknown, and the settings say to ask first",
    "suppressed": "you asked never to send this occasion to this customer",
}


def block_reason(
    customer: Customer, occasion: str, settings: Settings, *, suppressed: bool = False
) -> str | None:
    """The reason code that forbids this message, or None when it may be drafted.

    >>> block_reason(Customer(id=1, email="a@example.com", email_consent="no"), "restock", Settings())
    >>> block_reason(Customer(id=1, email="a@example.com", email_consent="no"), "birthday", Settings())
    'consent_no'
    """
    if customer.do_not_contact:
        return "do_not_contact"
    if not customer.email or not is_valid_email(customer.email.strip()):
        return "no_valid_email"
    if suppressed:
        return "suppressed"
    if occasion in SERVICE_OCCASIONS:
        return None
    if customer.email_consent == "no":
        return "consent_no"
    if customer.email_consent == "unknown" and not settings.unknown_consent_allowed:
        return "consent_unknown"
    return None
