"""Fit and tone: language, length, shouting, floods, pressure, spam, guilt, sarcasm, tracking."""

from __future__ import annotations

import pytest

from tests.desktop_app.check_helpers import BODIES, OPT_OUT, codes, draft, serious, with_shop


def with_line(language: str, line: str) -> str:
    head, rest = BODIES[language].split("\n\n", 1)
    return f"{head}\n\n{line} {rest}"


@pytest.mark.parametrize(("text_language", "customer_language"), [("en", "de"), ("de", "fr"), ("fr", "es"), ("es", "en")])
def test_a_note_in_another_language_than_the_customers_warns(text_language, customer_language):
    facts = draft(text_language, customer_changes={"language": customer_language})
    assert "language_mismatch" in codes(facts)
    assert "language_mismatch" not in codes(draft(text_language))


def test_a_regional_language_code_matches_its_language():
    assert "language_mismatch" not in codes(draft("de", customer_changes={"language": "de-AT"}))


def test_unknown_customer_language_is_compared_with_the_shop_only_as_information():
    facts = with_shop(draft("fr", customer_changes={"language": None}), language="en")
    assert "language_unverified" in codes(facts)
    assert "language_mismatch" not in codes(facts)


def test_short_notes_are_not_judged_for_language():
    facts = draft(subject="Hi", body="Hi Anna, see you!", customer_changes={"language": "de"})
    assert "language_mismatch" not in codes(facts)


def test_far_too_long_warns():
    long_body = BODIES["en"].replace("Warm wishes", "We baked. " * 120 + "Warm wishes")
    assert "too_long" in codes(draft(body=long_body))
    assert "subject_too_long" in codes(draft(subject="Happy birthday " * 8))


@pytest.mark.parametrize(
    ("subject", "line", "code"),
    [
        ("HAPPY BIRTHDAY ANNA", "", "shouting"),
        ("Happy birthday", "PLEASE COME AND CELEBRATE WITH US.", "shouting"),
        ("Happy birthday!!!", "", "exclamation_flood"),
        ("Happy birthday!", "Cake! Candles! Presents! Fun! Friends!", "exclamation_flood"),
        ("Happy birthday 🎉🎂🎁🎈🥳", "", "emoji_flood"),
        ("Happy birthday", "🎉 cake 🍰 gifts 🎁 fun 🎈 dance 💃 night 🌙", "emoji_flood"),
    ],
)
def test_shouting_and_floods(subject, line, code):
    assert code in codes(draft(subject=subject, body=with_line("en", line)))


def test_a_shop_name_in_capitals_and_a_few_emoji_are_fine():
    facts = draft(subject="Happy birthday from KAFFEEKLATSCH 🎂", body=with_line("en", "PS: the OK sign means yes 🎉"))
    facts = with_shop(facts, name="KAFFEEKLATSCH")
    assert not serious(facts)


@pytest.mark.parametrize(
    ("language", "line", "code"),
    [
        ("en", "Act now — this expires in 2 hours.", "pressure"),
        ("en", "Last chance, don't miss out!", "pressure"),
        ("de", "Nur heute: jetzt zugreifen!", "pressure"),
        ("fr", "Dépêchez-vous, dernière chance !", "pressure"),
        ("es", "¡Date prisa, solo hoy!", "pressure"),
        ("en", "Click here to claim your prize, 100% free!", "spam_phrase"),
        ("de", "Hier klicken, Sie haben gewonnen!", "spam_phrase"),
        ("fr", "Cliquez ici, vous avez gagné !", "spam_phrase"),
        ("es", "Haz clic aquí, ¡has ganado!", "spam_phrase"),
        ("en", "Have you forgotten about us? We thought you cared.", "guilt"),
        ("de", "Warum kommst du nicht mehr? Wir sind enttäuscht.", "guilt"),
        ("fr", "Vous nous avez oubliés ? Nous sommes déçus.", "guilt"),
        ("es", "¿Nos has olvidado? Estamos decepcionados.", "guilt"),
        ("en", "Oh great, nice of you to finally show up.", "negative_tone"),
        ("en", "Your last visit was a disaster and we were furious.", "negative_tone"),
        ("de", "Na endlich, danke für nichts.", "negative_tone"),
        ("fr", "Il était temps ! Merci pour rien.", "negative_tone"),
        ("es", "Ya era hora, gracias por nada.", "negative_tone"),
        ("en", "Don't worry about getting old!", "age_joke"),
        ("de", "Keine Sorge wegen der grauen Haare, älter werden ist schön.", "age_joke"),
        ("en", "We saw you looking at the rye loaf online.", "creepy_tracking"),
        ("en", "Our records show you visited the cake page four times.", "creepy_tracking"),
        ("de", "Wir haben gesehen, dass du dir die Torte angesehen hast.", "creepy_tracking"),
        ("fr", "Nous avons vu que vous avez regardé nos gâteaux.", "creepy_tracking"),
        ("es", "Hemos visto que estuviste mirando las tartas.", "creepy_tracking"),
    ],
)
def test_tone_problems_are_caught_in_each_language(language, line, code):
    assert code in codes(draft(language, body=with_line(language, line)))


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("en", "It's been a while since we saw you, and we hope all is well."),
        ("en", "Sorry this is a little late — we hope it was a lovely day."),
        ("en", "We know you love our sourdough, so we saved you a loaf."),
        ("de", "Leider war die Torte letzte Woche ausverkauft, jetzt ist sie wieder da."),
        ("fr", "À très vite, nous l'espérons !"),
        ("es", "Lo tenemos todo listo para cuando quieras pasar."),
    ],
)
def test_warm_lines_that_look_suspicious_are_fine(language, line):
    assert not serious(draft(language, body=with_line(language, line)))


def test_a_recent_complaint_in_the_notes_asks_for_acknowledgement():
    notes = {"notes": "2026-04-10: complained that the cake arrived squashed."}
    assert "complaint_in_notes" in codes(draft(customer_changes=notes))
    sorry = "Hi Anna,\n\nWe're sorry about the squashed cake last month. Happy birthday all the same." + OPT_OUT
    assert "complaint_in_notes" not in codes(draft(body=sorry, customer_changes=notes))


def test_old_or_resolved_complaints_do_not_warn():
    old = {"notes": "2024-01-03: complained about a late order."}
    resolved = {"notes": "Complained about the crust; resolved with a refund and a smile."}
    assert "complaint_in_notes" not in codes(draft(customer_changes=old))
    assert "complaint_in_notes" not in codes(draft(customer_changes=resolved))


def test_complaints_do_not_hold_back_a_restock_they_asked_for():
    notes = {"notes": "Unhappy with the last loaf.", "email_consent": "unknown"}
    body = "Hi Anna,\n\nThe rye you asked about is back.\n\nMaya"
    assert "complaint_in_notes" not in codes(draft(occasion="restock", subject="Rye", body=body, customer_changes=notes))


@pytest.mark.parametrize("note", ["Husband passed away in March.", "Ehemann verstorben.", "Son mari est décédé.", "Su madre falleció."])
def test_a_loss_in_the_notes_warns(note):
    assert "sensitive_note" in codes(draft(customer_changes={"notes": note}))
