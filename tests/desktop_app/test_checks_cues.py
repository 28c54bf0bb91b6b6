"""Cue rules: two ingredients in one sentence flag new wording; either one alone stays quiet."""

from __future__ import annotations

import pytest

from desktop_app.checks.cues import cue_findings
from tests.desktop_app.check_helpers import BODIES, codes, draft, serious


def with_line(language: str, line: str) -> str:
    head, rest = BODIES[language].split("\n\n", 1)
    return f"{head}\n\n{line} {rest}"


def note(language: str, line: str, occasion: str = "birthday"):
    return draft(language, body=with_line(language, line), occasion=occasion)


@pytest.mark.parametrize(
    ("ingredients", "flagged"),
    [
        ("The voucher runs out on Sunday.", False),  # a deadline alone is information
        ("Be quick and say hello to the new baker.", False),  # "quick" alone is not pressure
        ("The voucher runs out on Sunday, so be quick.", True),
        ("The voucher runs out on Sunday. Be quick!", True),  # the push may follow in the next sentence
        ("The voucher runs out on Sunday, but no rush: we can always extend it.", False),
    ],
)
def test_pressure_needs_a_deadline_and_a_push(ingredients, flagged):
    assert ("pressure" in cue_findings("Hello", ingredients, "points_reward")) is flagged


def test_an_opt_out_line_is_never_evidence():
    body = "Hi Anna,\n\nWe saved you a loaf.\n\nDon't want these e-mails? We noticed you may not — reply stop."
    assert cue_findings("Hello", body, "winback") == {}


@pytest.mark.parametrize(
    ("language", "occasion", "line", "code"),
    [
        ("en", "points_reward", "Offer valid for 48 hours only — grab it while you can!", "pressure"),
        ("en", "restock", "Stocks are limited, so order today.", "pressure"),
        ("de", "restock", "Nur noch drei Stück da – wer zuerst kommt, mahlt zuerst!", "pressure"),
        ("fr", "points_reward", "Offre valable 24 heures seulement, profitez-en vite !", "pressure"),
        ("es", "points_reward", "Solo tienes hasta mañana para canjearlo, ¡no te duermas!", "pressure"),
        ("en", "winback", "Did we upset you somehow? We haven't seen you since March.", "guilt"),
        ("de", "winback", "Wir fragen uns, ob wir dich irgendwie verärgert haben.", "guilt"),
        ("fr", "winback", "Est-ce qu'on vous a déçu ? Vous ne venez plus.", "guilt"),
        ("es", "winback", "¿Te hemos fallado en algo? Hace meses que no vienes.", "guilt"),
        ("de", "winback", "Wir vermissen dein Geld – äh, dich!", "guilt"),
        ("en", "winback", "Congratulations on finally remembering where we are.", "negative_tone"),
        ("en", "winback", "We're sure you're very busy with more important things.", "negative_tone"),
        ("en", "winback", "Hope your “busy” schedule allows a visit.", "negative_tone"),
        ("de", "winback", "Wir dachten schon, du wärst nach Mallorca ausgewandert.", "negative_tone"),
        ("fr", "restock", "Vous êtes toujours en retard pour récupérer vos commandes.", "negative_tone"),
        ("es", "birthday", "Tu pedido fue un lío tremendo, pero bueno, feliz cumpleaños.", "negative_tone"),
        ("en", "winback", "Your phone's location shows you were nearby on Saturday.", "creepy_tracking"),
        ("en", "winback", "We couldn't help noticing you bought flowers at the market instead.", "creepy_tracking"),
        ("de", "winback", "Uns ist nicht entgangen, dass du unseren Newsletter nicht öffnest.", "creepy_tracking"),
        ("es", "winback", "Nos hemos dado cuenta de que abres nuestros correos pero nunca compras.", "creepy_tracking"),
        ("fr", "winback", "On a bien vu que vous passiez devant la vitrine chaque matin.", "creepy_tracking"),
        ("en", "winback", "It's been exactly 94 days since your last visit.", "creepy_tracking"),
        ("en", "birthday", "Time to start lying about your age.", "age_joke"),
        ("en", "birthday", "Another year wiser (and greyer)!", "age_joke"),
        ("es", "birthday", "¡Cada año más sabio y con menos pelo!", "age_joke"),
        ("fr", "birthday", "Attention aux bougies, à votre âge le souffle manque !", "age_joke"),
    ],
)
def test_new_wording_is_caught_in_each_language(language, occasion, line, code):
    assert code in codes(note(language, line, occasion))


@pytest.mark.parametrize(
    ("language", "occasion", "line"),
    [
        ("en", "points_reward", "Valid until Sunday, no rush!"),
        ("en", "winback", "We hope you're well — we've missed seeing you since spring."),
        ("en", "winback", "We noticed the sun came out, so we put the tables outside."),
        ("en", "winback", "We know you love browsing the poetry shelf, so we saved you a new collection."),
        ("de", "winback", "Wir wissen, dass du gern online bestellst, deshalb liefern wir jetzt auch samstags."),
        ("en", "winback", "We saw you at the market on Saturday — lovely to catch up!"),
        ("en", "birthday", "Raise your glasses — it's your day!"),
        ("en", "birthday", "Enjoy your well-earned retirement, and come by for a coffee soon."),
        ("es", "winback", "Hace tiempo que no te vemos; esperamos que todo vaya bien."),
        ("de", "restock", "Die Spargelsaison ist kurz, aber bis Ende Juni haben wir jeden Tag frischen."),
        ("en", "restock", "The limited edition tea is back; we kept one tin aside for you until Saturday."),
        ("fr", "restock", "Le stock est limité, mais nous vous en avons mis un de côté."),
        ("de", "winback", "Endlich ist der Frühling da! Wir haben neue Beete vor dem Laden angelegt."),
        ("fr", "restock", "Votre tomme est enfin arrivée, désolés pour l'attente."),
        ("en", "anniversary", "Three years ago you walked past our window and came in — thank you for every visit since."),
        ("es", "birthday", "Es un paquete pesado, así que te lo llevamos a casa."),
        ("en", "birthday", "Your gingerbread dinosaur is ready for the party."),
    ],
)
def test_warm_lines_with_one_ingredient_are_fine(language, occasion, line):
    assert not serious(note(language, line, occasion))


def test_a_name_one_letter_longer_is_another_person_but_a_short_form_is_not():
    def greeted(first_name: str, greeting: str):
        return draft(
            subject="Happy birthday!",
            body=BODIES["en"].replace("Anna", greeting),
            customer_changes={"first_name": first_name},
        )

    assert "wrong_name" in codes(greeted("Sara", "Sarah"))
    assert "wrong_name" not in codes(greeted("Sara", "Sara"))
    assert "wrong_name" not in codes(greeted("Alexandra", "Alex"))
    assert "wrong_name" not in codes(greeted("Tom", "Tommy"))
    assert "wrong_name" not in codes(greeted("Jan", "Janni"))


@pytest.mark.parametrize("subject", ["Dein Gutschein, Anna", "Your discount code", "Votre code promo"])
def test_a_subject_that_names_the_voucher_is_not_a_missing_code(subject):
    assert "dangling_code" not in codes(draft("de", subject=subject))


def test_a_code_that_is_announced_but_empty_is_missing():
    body = BODIES["de"].replace("alles Gute", "dein Gutscheincode lautet: . Alles Gute")
    assert "dangling_code" in codes(draft("de", body=body))


def test_a_comma_after_an_empty_code_is_still_missing():
    body = BODIES["en"].replace("Happy birthday", "Use the code , for 10% off. Happy birthday")
    assert "dangling_code" in codes(draft(body=body))
