"""A warm, clean baseline draft for the check tests; each test changes one thing."""

from __future__ import annotations

import dataclasses
import datetime as dt

from desktop_app.checks import CustomerFacts, DraftFacts, ShopFacts, check_draft

TODAY = dt.date(2026, 5, 12)
OPT_OUT = "\n\nIf you'd rather not get notes like this, reply and we'll stop."
BODIES = {
    "en": "Hi Anna,\n\nHappy birthday from all of us at the bakery! We hope your day is full of "
    "good things and at least one slice of cake.\n\nWarm wishes,\nMaya" + OPT_OUT,
    "de": "Liebe Anna,\n\nalles Gute zum Geburtstag von uns allen aus der Bäckerei! Wir wünschen "
    "dir einen wunderschönen Tag mit viel Kuchen.\n\nHerzliche Grüße\nMaya\n\n"
    "Du möchtest keine E-Mails mehr? Antworte kurz, dann melden wir dich ab.",
    "fr": "Bonjour Anna,\n\nToute l'équipe de la boulangerie vous souhaite un très joyeux "
    "anniversaire ! Nous espérons que votre journée sera douce.\n\nAmicalement,\nMaya\n\n"
    "Pour ne plus recevoir ces messages, répondez simplement à cet e-mail.",
    "es": "Hola Anna:\n\nTodo el equipo de la panadería te desea un feliz cumpleaños. Esperamos "
    "que tengas un día precioso y lleno de cosas bonitas.\n\nUn abrazo,\nMaya\n\n"
    "Si prefieres no recibir más mensajes, responde a este correo y te daremos de baja.",
}
SUBJECTS = {
    "en": "Happy birthday, Anna!",
    "de": "Alles Gute zum Geburtstag, Anna!",
    "fr": "Joyeux anniversaire, Anna !",
    "es": "¡Feliz cumpleaños, Anna!",
}


def customer(**changes) -> CustomerFacts:
    base = CustomerFacts(
        first_name="Anna",
        last_name="Weber",
        email="anna.weber@example.com",
        language="en",
        birth_month=5,
        birth_day=12,
        birth_year=None,
        email_consent="yes",
    )
    return dataclasses.replace(base, **changes)


def draft(language: str = "en", *, customer_changes: dict | None = None, **changes) -> DraftFacts:
    """The clean birthday note in *language*, with *changes* applied."""
    base = DraftFacts(
        occasion="birthday",
        subject=SUBJECTS[language],
        body=BODIES[language],
        today=TODAY,
        customer=customer(**{"language": language, **(customer_changes or {})}),
        shop=ShopFacts(name="Crumb & Co", language=language, cooldown_days=14),
    )
    return dataclasses.replace(base, **changes)


def with_shop(facts: DraftFacts, **changes) -> DraftFacts:
    return dataclasses.replace(facts, shop=dataclasses.replace(facts.shop, **changes))


def codes(facts: DraftFacts) -> set[str]:
    return {f.code for f in check_draft(facts)}


def serious(facts: DraftFacts) -> set[str]:
    return {f.code for f in check_draft(facts) if f.severity != "info"}
