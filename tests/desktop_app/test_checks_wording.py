"""Leftovers, the right person and the facts: each code raised when it should, and only then."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.checks import check_draft
from desktop_app.checks.codes import SEVERITY
from tests.desktop_app.check_helpers import BODIES, OPT_OUT, codes, draft


def test_the_baseline_drafts_are_clean_in_every_language():
    for language in ("en", "de", "fr", "es"):
        assert check_draft(draft(language)) == []


def test_findings_come_most_serious_first_with_the_codes_severity():
    found = check_draft(draft(subject="", body="Hi [NAME],\n\nAct now!!!"))
    order = [f.severity for f in found]
    assert order == sorted(order, key=["block", "warn", "info"].index)
    assert all(SEVERITY[f.code] == f.severity for f in found)
    assert all(f.message.strip() for f in found)


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ("Hi {{ first_name }},\n\nHappy birthday!", "template_syntax"),
        ("Hi Anna,\n\n{% if vip %}Cake on us.{% endif %}", "template_syntax"),
        ("Hi Anna,\n\nHappy birthday! }}", "template_syntax"),
        ("Hi [NAME],\n\nHappy birthday!", "placeholder_text"),
        ("Hi Anna,\n\nYour [PRODUCT] is back.", "placeholder_text"),
        ("Hola [nombre]:\n\n¡Feliz cumpleaños!", "placeholder_text"),
        ("Hi *|FNAME|*,\n\nHappy birthday!", "placeholder_text"),
        ("Hi {first_name},\n\nHappy birthday!", "placeholder_text"),
        ("Hi <first name>,\n\nHappy birthday!", "placeholder_text"),
        ("Hi Anna,\n\nYour None is back in stock.", "placeholder_text"),
        ("Hi Anna,\n\nYou have undefined points.", "placeholder_text"),
        ("Hi Anna,\n\nYou have NaN points.", "placeholder_text"),
        ("Hi Anna,\n\nTODO: add a warm line here.", "placeholder_text"),
        ("Hi Anna,\n\nLorem ipsum dolor sit amet.", "placeholder_text"),
        ("Hi ,\n\nHappy birthday!", "empty_greeting_name"),
        ("Dear,\n\nHappy birthday!", "empty_greeting_name"),
        ("Liebe ,\n\nalles Gute!", "empty_greeting_name"),
        ("Querida :\n\n¡Felicidades!", "empty_greeting_name"),
        ("Hi Anna,\n\nUse this code:\n\nMaya", "dangling_code"),
        ("Hi Anna,\n\nYour discount code: .", "dangling_code"),
        ("Hi Anna,\n\nUse the code at checkout.", "dangling_code"),
        ("Hola Anna:\n\nUsa el código en caja.", "dangling_code"),
        ("Bonjour Anna,\n\nVotre code promo :\n", "dangling_code"),
    ],
)
def test_leftovers_are_caught(body, code):
    assert code in codes(draft(body=body + OPT_OUT))
    assert SEVERITY[code] == "block"


@pytest.mark.parametrize(
    "body",
    [
        "Hi Anna,\n\nNone of our cakes last long, so we kept one for you.",
        "Hi Anna,\n\nNone other than our head baker made your cake.",
        "Hello!\n\nHappy birthday from the bakery.",
        "Hi Anna,\n\nUse the code ANNA10 at checkout.",
        "Hi Anna,\n\nYour code: BDAY-2026. Enjoy!",
        "Hi Anna,\n\nYour nan loved the seed cake.",
        "Hi Anna,\n\nWe'd love to see you [if you're passing].",
    ],
)
def test_ordinary_text_is_not_a_leftover(body):
    leftovers = {"template_syntax", "placeholder_text", "empty_greeting_name", "dangling_code"}
    assert not codes(draft(body=body + OPT_OUT)) & leftovers


def test_spanish_todo_and_german_null_are_words_not_leftovers():
    es = "Hola Anna:\n\nLo tenemos todo preparado para tu cumpleaños." + OPT_OUT
    de = "Liebe Anna,\n\nletzte Woche hatten wir null Brezeln, heute zwanzig. Alles Gute!" + OPT_OUT
    assert "placeholder_text" not in codes(draft("es", body=es))
    assert "placeholder_text" not in codes(draft("de", body=de))


def test_empty_subject_and_body_block():
    assert {"empty_subject"} <= codes(draft(subject="  "))
    assert {"empty_body"} <= codes(draft(body=""))
    assert "empty_subject" not in codes(draft())


@pytest.mark.parametrize(
    ("greeting", "first", "last", "wrong"),
    [
        ("Dear Margaret,", "Anna", "Weber", True),
        ("Hi Tom!", "Anna", "Weber", True),
        ("¡Hola, Pedro!", "Anna", "Weber", True),
        ("Dear Ms. Weber,", "Anna", "Weber", False),
        ("Liebe Frau Weber,", "Anna", "Weber", False),
        ("Hallo liebe Anna,", "Anna", "Weber", False),
        ("Hi Anna,", "anna", "weber", False),
        ("Hi Anna,", "Anna-Lena", "Weber", False),
        ("Bonjour Jean-Luc,", "Jean-Luc", "Blanc", False),
        ("Hi Alex,", "Alexandra", "Weber", False),
        ("Querida María José:", "María José", "Sánchez", False),
        ("Hi there,", "Anna", "Weber", False),
    ],
)
def test_the_greeting_must_name_this_customer(greeting, first, last, wrong):
    body = f"{greeting}\n\nHappy birthday from all of us!" + OPT_OUT
    found = codes(draft(body=body, subject="Happy birthday", customer_changes={"first_name": first, "last_name": last}))
    assert ("wrong_name" in found) is wrong


def test_a_nickname_recorded_in_the_notes_is_the_right_person():
    body = "Hi Liz,\n\nHappy birthday!" + OPT_OUT
    changes = {"first_name": "Elizabeth"}
    assert "wrong_name" in codes(draft(body=body, customer_changes=changes, subject="Happy birthday"))
    changes["notes"] = "Goes by Liz."
    assert "wrong_name" not in codes(draft(body=body, customer_changes=changes, subject="Happy birthday"))


def test_the_subject_greeting_is_checked_too():
    assert "wrong_name" in codes(draft(subject="Happy birthday, Tom!"))


@pytest.mark.parametrize(
    "greeting",
    ["Dear customer,", "Dear valued customer,", "Hello friend,", "Liebe Kundin,", "Cher client,",
     "Estimado cliente:", "Hallo zusammen,"],
)
def test_a_generic_greeting_warns_when_the_name_is_known(greeting):
    body = f"{greeting}\n\nHappy birthday from all of us!" + OPT_OUT
    assert "generic_greeting" in codes(draft(body=body))
    nameless = {"first_name": "", "last_name": ""}
    assert "generic_greeting" not in codes(draft(body=body, customer_changes=nameless))


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Happy 40th birthday, Anna!"),
        ("en", "Can you believe you're turning 40?"),
        ("en", "A very happy fortieth birthday!"),
        ("de", "Alles Gute zum 40. Geburtstag!"),
        ("fr", "On fête tes 40 ans aujourd'hui !"),
        ("fr", "Joyeux 40e anniversaire !"),
        ("es", "¡Hoy cumples 40!"),
        ("es", "¡Felicidades por tus 40 años!"),
    ],
)
def test_an_age_without_a_birth_year_blocks(language, text):
    body = text + "\n\n" + BODIES[language]
    assert "age_unknown_year" in codes(draft(language, body=body))
    correct = draft(language, body=body, customer_changes={"birth_year": 1986})
    assert not codes(correct) & {"age_unknown_year", "age_wrong"}
    wrong = draft(language, body=body, customer_changes={"birth_year": 1990})
    assert "age_wrong" in codes(wrong)


def test_anniversaries_and_years_are_not_ages():
    body = "Hi Anna,\n\nThis is our 5th year baking your cake. Happy birthday!" + OPT_OUT
    assert "age_unknown_year" not in codes(draft(body=body))
    anniversary = "Dear Anna,\n\nHappy 10th anniversary with us!" + OPT_OUT
    assert "age_unknown_year" not in codes(draft(occasion="anniversary", body=anniversary))


def test_a_late_birthday_needs_belated_wording():
    late = dict(today=dt.date(2026, 5, 20))
    assert "birthday_late" in codes(draft(**late))
    belated = "Hi Anna,\n\nA belated happy birthday! We hope it was lovely." + OPT_OUT
    assert "birthday_late" not in codes(draft(body=belated, **late))
    assert "birthday_late" not in codes(draft(today=dt.date(2026, 5, 14)))  # two days: fine
    nachträglich = "Liebe Anna,\n\nnachträglich alles Gute zum Geburtstag!" + OPT_OUT
    assert "birthday_late" not in codes(draft("de", body=nachträglich, **late))


def test_a_belated_occasion_without_belated_words_warns():
    facts = draft(occasion="birthday_belated", occasion_date=dt.date(2026, 5, 10))
    assert "birthday_late" in codes(facts)


def test_the_birthday_comes_from_the_customer_when_there_is_no_occasion_date():
    facts = draft(customer_changes={"birth_month": 4, "birth_day": 30})
    assert "birthday_late" in codes(facts)
    assert "birthday_late" not in codes(draft(occasion="restock", today=dt.date(2026, 6, 1)))
