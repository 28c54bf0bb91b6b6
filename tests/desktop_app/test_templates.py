"""Default templates render for every sample customer in every language; editing, checks, reset."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from desktop_app.drafting import render_draft
from desktop_app.drafting.rendering import TemplateBook, render_for
from desktop_app.errors import AppError
from desktop_app.settings import Settings
from desktop_app.template_defaults import all_defaults, ensure_templates, reset_to_default
from desktop_app.templating import LANGUAGES, OCCASIONS, check, render, sample_occasion
from storage import templates
from storage.customers import Customer
from tests.desktop_app.shop_builder import add_customer

ROOT = Path(__file__).resolve().parents[2]

OPT_OUT = {"en": "unsubscribe", "de": "abmelden", "fr": "désabonner", "es": "baja"}


def sample_customers(samples_dir) -> list[Customer]:
    """Every customer of every sample file, as the shapes the store can hold."""
    expected = json.loads((samples_dir / "expected.json").read_text(encoding="utf-8"))
    found = []
    for info in expected["files"].values():
        for n, person in enumerate(info.get("customers", [])):
            birthday = person.get("birthday") or ""
            year = month = day = None
            if birthday.startswith("--"):
                month, day = int(birthday[2:4]), int(birthday[5:7])
            elif birthday:
                year, month, day = (int(x) for x in birthday.split("-"))
            name = person.get("name") or ""
            first = name.split(" ")[0] if n % 3 else ""  # some with, some without a first name
            found.append(Customer(id=len(found) + 1, first_name=first, display_name=name,
                                  email=person.get("email"), birth_month=month, birth_day=day,
                                  birth_year=year, language=[None, "de-DE", "fr", "es", "pt"][n % 5]))
    return found


def test_there_is_a_default_for_every_occasion_and_language():
    pairs = {(d.occasion, d.language) for d in all_defaults()}
    assert pairs == {(o, lang) for o in OCCASIONS for lang in LANGUAGES}
    for d in all_defaults():
        assert OPT_OUT[d.language] in d.body_text, (d.occasion, d.language)
        assert check(d.occasion, d.subject, d.body_text, d.body_html) == [], (d.occasion, d.language)


@pytest.fixture
def samples() -> Path:
    # A nested checkout sits one level deeper: look beside both.
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared" / "samples" / "expected.json").is_file():
            return base / "shared" / "samples"
    pytest.skip("the shared sample files are absent")


def test_every_default_renders_for_every_sample_customer_in_every_language(db, samples):
    samples_dir = samples
    ensure_templates(db)
    people = sample_customers(samples_dir)
    assert len(people) > 100
    rendered = 0
    for language in LANGUAGES:
        settings = Settings(shop_name="Rosemary & Rye", language=language, country="US")
        book = TemplateBook(db, settings)
        for occasion in OCCASIONS:
            data = {k: (v.isoformat() if isinstance(v, dt.date) else v)
                    for k, v in sample_occasion(occasion, dt.date(2026, 3, 12)).items()}
            for person in people:
                template, out = render_for(book, person, occasion, data)
                assert out.subject and "\n" not in out.subject
                assert "{{" not in out.body_text and "None" not in out.body_text
                assert " ," not in out.subject and " ," not in out.body_text, out.body_text
                rendered += 1
    assert rendered == len(LANGUAGES) * len(OCCASIONS) * len(people)


def test_language_follows_the_customer_then_the_shop(db):
    ensure_templates(db)
    book = TemplateBook(db, Settings(language="fr"))
    data = {"date": "2026-03-15", "age": None}
    de = Customer(id=1, first_name="Jürgen", email="j@example.com", language="de-AT")
    pt = Customer(id=2, first_name="João", email="j2@example.com", language="pt")
    assert render_for(book, de, "birthday", data)[0].language == "de"
    template, out = render_for(book, pt, "birthday", data)
    assert template.language == "fr" and "dimanche 15 mars" in out.body_text


def test_dates_and_money_follow_the_locale():
    ctx = {"customer": {}, "shop": {}, "occasion": {"date": dt.date(2026, 3, 5)}, "currency": "EUR"}
    out = render("x", "{{ occasion.date | date('long') }} {{ 12.5 | money }}", None, {**ctx, "locale": "de_DE"})
    assert out.body_text.strip() == "5. März 2026 12,50\xa0€"


def test_html_part_autoescapes_and_text_does_not():
    ctx = {"customer": {"first_name": "<b>Al</b>"}, "shop": {}, "occasion": {}}
    out = render("Hi", "{{ customer.first_name }}", "<p>{{ customer.first_name }}</p>", ctx)
    assert out.body_text.strip() == "<b>Al</b>" and out.body_html == "<p>&lt;b&gt;Al&lt;/b&gt;</p>"


def test_the_sandbox_refuses_unsafe_access():
    with pytest.raises(Exception, match="unsafe|not safely|access"):
        render("{{ customer.__class__.__mro__ }}", "x", None, {"customer": {}, "shop": {}, "occasion": {}})


def test_syntax_errors_have_their_line_and_unknown_fields_are_caught():
    problems = check("restock", "Back: {{ occasion.product }}", "Hi\n\n{% if customer.first_name %}\nx", None)
    # The unclosed block is reported where it opens.
    assert [(p.part, p.line) for p in problems] == [("body_text", 3)]
    assert "endif" in problems[0].message
    problems = check("restock", "{{ occasion.age }}", "Hi {{ custome.first_name }}\n{{ shop.phone }}", None)
    assert [str(p) for p in problems] == [
        "subject, line 1: unknown field occasion.age",
        "body text, line 1: unknown field custome",
        "body text, line 2: unknown field shop.phone",
    ]


def test_reset_to_default_restores_the_shipped_wording(db):
    ensure_templates(db)
    original = templates.find(db, "birthday", "en")
    templates.save(db, original.id, subject="Yo", body_text="Hey", body_html=None)
    assert ensure_templates(db) == 0  # edits are never overwritten
    assert templates.get(db, original.id).edited
    restored = reset_to_default(db, original.id)
    assert (restored.subject, restored.body_text, restored.edited) == (original.subject, original.body_text, False)


def test_render_draft_rerenders_from_the_current_template(db):
    from desktop_app.drafting import draft_day

    add_customer(db, first_name="Maria", birth_month=3, birth_day=15)
    run = draft_day(db, dt.date(2026, 3, 12), Settings())
    template = templates.find(db, "birthday", "en")
    templates.save(db, template.id, subject="For {{ customer | first_name }}",
                   body_text="Dear {{ customer.first_name }}, {{ occasion.date | date }}", body_html=None)
    subject, text, html = render_draft(db, run.draft_ids[0])
    assert (subject, text, html) == ("For Maria", "Dear Maria, 15 March\n", None)
    with pytest.raises(AppError):
        render_draft(db, 999)
