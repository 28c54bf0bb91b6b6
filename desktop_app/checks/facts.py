"""Build the check's facts from stored rows: a customer row and the shop's settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.checks import CustomerFacts, ShopFacts

if TYPE_CHECKING:
    from desktop_app.settings import Settings
    from storage.customers import Customer


def customer_facts(customer: Customer) -> CustomerFacts:
    """What the check needs to know about one stored customer."""
    return CustomerFacts(
        first_name=customer.first_name or "",
        last_name=customer.last_name or "",
        email=customer.email,
        language=customer.language,
        birth_month=customer.birth_month,
        birth_day=customer.birth_day,
        birth_year=customer.birth_year,
        email_consent=customer.email_consent or "unknown",
        do_not_contact=bool(customer.do_not_contact),
        notes=customer.notes or "",
    )


def shop_facts(settings: Settings) -> ShopFacts:
    """What the check needs to know about the shop."""
    return ShopFacts(
        name=settings.shop_name,
        language=settings.language,
        cooldown_days=settings.cooldown_days,
        unknown_consent_allowed=settings.unknown_consent_allowed,
    )
