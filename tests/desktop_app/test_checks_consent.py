"""Consent, contact, cool-down and opt-out: who may get this note at all."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.checks import check_draft
from tests.desktop_app.check_helpers import codes, draft, with_shop

UTC = dt.UTC


def test_opted_out_and_do_not_contact_block():
    assert "opted_out" in codes(draft(customer_changes={"email_consent": "no"}))
    assert "do_not_contact" in codes(draft(customer_changes={"do_not_contact": True}))
    found = {f.code: f.severity for f in check_draft(draft(customer_changes={"do_not_contact": True}))}
    assert found["do_not_contact"] == "block"


@pytest.mark.parametrize("email", [None, "", "anna@", "anna weber@example.com", "anna@example", "x@site.invalid"])
def test_no_valid_email_blocks(email):
    assert "no_valid_email" in codes(draft(customer_changes={"email": email}))


def test_a_valid_email_passes():
    assert "no_valid_email" not in codes(draft(customer_changes={"email": "o'connor.sean@example.ie"}))


@pytest.mark.parametrize(
    ("language", "offer"),
    [
        ("en", "Enjoy 20% off your next order."),
        ("en", "Pop in for a free cupcake this week."),
        ("en", "Here is a voucher for you."),
        ("de", "Diese Woche 15 % Rabatt für dich."),
        ("de", "Dein Gutschein liegt an der Kasse."),
        ("fr", "Profitez d'une remise de 10 € cette semaine."),
        ("es", "Tienes un 10 % de descuento esta semana."),
    ],
)
def test_an_offer_needs_marketing_consent(language, offer):
    body = draft(language).body.replace("\n\n", f"\n\n{offer} ", 1)
    unknown = draft(language, body=body, customer_changes={"email_consent": "unknown"})
    assert "offer_without_consent" in codes(unknown)
    assert "offer_without_consent" not in codes(draft(language, body=body))


def test_an_offer_in_a_service_note_still_needs_consent():
    body = "Hi Anna,\n\nThe rye is back — and 20% off this week."
    facts = draft(occasion="restock", subject="The rye is back", body=body, customer_changes={"email_consent": "unknown"})
    assert "offer_without_consent" in codes(facts)


def test_unknown_consent_without_an_offer_is_only_information():
    found = check_draft(draft(customer_changes={"email_consent": "unknown"}))
    assert [(f.code, f.severity) for f in found] == [("consent_unknown", "info")]


def test_a_restock_note_the_customer_asked_for_needs_no_consent_or_opt_out():
    body = "Hi Anna,\n\nThe blue mugs you asked about are back. We kept one for you until Saturday.\n\nMaya"
    facts = draft(occasion="restock", subject="The blue mugs are back", body=body,
                  customer_changes={"email_consent": "unknown"})
    assert check_draft(facts) == []


def test_cooldown_counts_days_since_the_last_message():
    recent = draft(last_message_at=dt.datetime(2026, 5, 8, 9, 0, tzinfo=UTC))
    assert "cooldown" in codes(recent)
    old = draft(last_message_at=dt.datetime(2026, 4, 20, 9, 0, tzinfo=UTC))
    assert "cooldown" not in codes(old)
    assert "cooldown" not in codes(draft(last_message_at=None))


def test_cooldown_does_not_hold_back_a_restock_the_customer_asked_for():
    body = "Hi Anna,\n\nThe blue mugs you asked about are back.\n\nMaya"
    facts = draft(occasion="restock", subject="Mugs", body=body,
                  last_message_at=dt.datetime(2026, 5, 11, tzinfo=UTC))
    assert "cooldown" not in codes(facts)


@pytest.mark.parametrize("language", ["en", "de", "fr", "es"])
def test_a_marketing_note_needs_an_opt_out_line(language):
    clean = draft(language)
    without = clean.body.rsplit("\n\n", 1)[0]
    assert "no_opt_out" in codes(draft(language, body=without))
    assert "no_opt_out" not in codes(clean)


@pytest.mark.parametrize(
    "line",
    ["Reply 'stop' and we won't write again.", "Unsubscribe at any time.",
     "You can update your e-mail preferences here.", "Antworte mit „Stopp“.",
     "Pour vous désinscrire, répondez à cet e-mail.", "Responde «baja» para no recibir más."],
)
def test_opt_out_wordings_are_recognised(line):
    body = "Hi Anna,\n\nHappy birthday from all of us!\n\n" + line
    assert "no_opt_out" not in codes(draft(body=body))


def test_a_shop_that_writes_only_to_yes_blocks_unknown_consent():
    unknown = draft(customer_changes={"email_consent": "unknown"})
    strict = with_shop(unknown, unknown_consent_allowed=False)
    assert "consent_required" in codes(strict) and "consent_unknown" not in codes(strict)
    assert "consent_required" not in codes(with_shop(draft(), unknown_consent_allowed=False))


def test_facts_from_stored_rows():
    from desktop_app.checks.facts import customer_facts, shop_facts
    from desktop_app.settings import Settings
    from storage.customers import Customer

    row = Customer(id=1, first_name="Zoë", email="zoe@example.com", birth_month=3, birth_day=14,
                   email_consent="yes", notes="Likes rye")
    facts = customer_facts(row)
    assert (facts.first_name, facts.birth_month, facts.notes) == ("Zoë", 3, "Likes rye")
    shop = shop_facts(Settings(shop_name="Rosemary & Rye", cooldown_days=7))
    assert (shop.name, shop.cooldown_days, shop.unknown_consent_allowed) == ("Rosemary & Rye", 7, True)


@pytest.mark.parametrize(
    "note",
    ["Asked us not to e-mail her any more.", "Don't email — prefers a call.", "Möchte keine E-Mails.",
     "Ne veut plus recevoir d'e-mails.", "No quiere recibir correos."],
)
def test_notes_that_say_no_e_mail_count_as_opted_out(note):
    assert "opted_out" in codes(draft(customer_changes={"notes": note, "email_consent": "unknown"}))


def test_notes_about_something_else_are_not_an_opt_out():
    for note in ("Pays cash, no email.", "Loves e-mail updates about rye.", "Emailed a complaint in 2023."):
        assert "opted_out" not in codes(draft(customer_changes={"notes": note}))



@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("en", "If you have a free moment, pop in for a chat."),
        ("en", "Our flour is 100% organic and stoneground."),
        ("en", "We'd love to offer you a warm welcome back."),
        ("de", "Schauen Sie sich unser neues Angebot an Broten an."),
        ("de", "Unser Mehl ist zu 100 Prozent Bio."),
        ("es", "Necesitamos tu código postal para la entrega."),
        ("fr", "Notre chocolat à 70 % de cacao est de retour."),
    ],
)
def test_words_that_only_look_like_offers_need_no_consent(language, line):
    body = draft(language).body.replace("\n\n", f"\n\n{line} ", 1)
    facts = draft(language, body=body, customer_changes={"email_consent": "unknown"})
    assert "offer_without_consent" not in codes(facts)


def test_a_requested_back_in_stock_note_to_someone_who_said_no_may_go_without_offers():
    said_no = {"email_consent": "no"}
    plain = draft(occasion="restock", customer_changes=said_no,
                  subject="The rye sourdough is back",
                  body="Hi Anna,\n\nYou asked us to tell you when the rye sourdough was back: "
                       "it is on the counter from today.\n\nWarmly,\nMaren")
    found = {f.code: f.severity for f in check_draft(plain)}
    assert "opted_out" not in found and found.get("asked_for_it") == "info"
    assert not [s for s in found.values() if s in ("warn", "block")], found
    # A marketing occasion to the same customer still blocks.
    assert "opted_out" in codes(draft(occasion="birthday", customer_changes=said_no))
    # And the service note must not turn into an offer.
    offer = draft(occasion="restock", customer_changes=said_no,
                  body="Hi Anna,\n\nThe rye is back — and here is 20% off your next order!")
    assert "offer_without_consent" in codes(offer)
