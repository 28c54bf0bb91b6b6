"""The shipped default templates, rendered for each sample customer, pass the check (no nagging).

Runs once the occasions work (desktop_app.templating, resources/templates) is in the tree.
"""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.checks import CustomerFacts, DraftFacts, ShopFacts, check_draft

templating = pytest.importorskip("desktop_app.templating")
defaults = pytest.importorskip("desktop_app.template_defaults")

# When each occasion's note is drafted relative to its date.
DRAFTED = {"birthday": -3, "birthday_belated": 5}


@pytest.mark.parametrize("language", templating.LANGUAGES)
@pytest.mark.parametrize("occasion", templating.OCCASIONS)
def test_default_templates_render_clean(occasion, language):
    template = defaults.read_default(occasion, language)
    assert template is not None
    for context in templating.sample_contexts(occasion):
        context = {**context, "locale": language}
        rendered = templating.render(template.subject, template.body_text, None, context)
        person, day = context["customer"], context["occasion"]["date"]
        facts = DraftFacts(
            occasion=occasion,
            subject=rendered.subject,
            body=rendered.body_text,
            today=day + dt.timedelta(days=DRAFTED.get(occasion, 0)),
            occasion_date=day,
            customer=CustomerFacts(
                first_name=person["first_name"], last_name=person["last_name"],
                email=person["email"], language=language, birth_month=day.month,
                birth_day=day.day, birth_year=person["birth_year"], email_consent="yes",
            ),
            shop=ShopFacts(name=context["shop"]["name"], language=language),
        )
        serious = [f for f in check_draft(facts) if f.severity != "info"]
        assert serious == [], f"{language}/{occasion} for {person['first_name'] or 'no name'}"


# What the sample bakery's customers may rightly raise: who they are, not how the note is worded.
ABOUT_THE_CUSTOMER = {
    "opted_out", "asked_for_it", "do_not_contact", "no_valid_email", "consent_unknown",
    "complaint_in_notes",
    "sensitive_note",
}


def test_default_templates_for_every_sample_bakery_customer_raise_nothing_about_wording():
    import json
    from importlib import resources

    bakery = resources.files("resources").joinpath("sample_shop", "bakery.json")
    if not bakery.is_file():
        pytest.skip("the sample bakery is not in this tree")
    shop = json.loads(bakery.read_text(encoding="utf-8"))
    day = dt.date(2026, 5, 12)
    raised: set[str] = set()
    for person in shop["customers"]:
        language = person["language"] if person["language"] in templating.LANGUAGES else "en"
        born = person["birthday"] or {}
        customer = CustomerFacts(
            first_name=person["first_name"] or "", last_name=person["last_name"] or "",
            email=person["email"], language=person["language"], birth_month=born.get("month"),
            birth_day=born.get("day"), birth_year=born.get("year"),
            email_consent=person["email_consent"], do_not_contact=person["do_not_contact"],
            notes=person["notes"] or "",
        )
        for occasion in templating.OCCASIONS:
            template = defaults.read_default(occasion, language)
            context = {
                "customer": {"first_name": customer.first_name, "last_name": customer.last_name,
                             "name": person["display_name"], "email": person["email"],
                             "birthday": None, "birth_year": customer.birth_year, "language": language},
                "shop": {"name": shop["settings"]["shop_name"], "owner": shop["settings"]["owner_name"]},
                "occasion": templating.sample_occasion(occasion, day),
                "locale": language, "currency": "USD",
            }
            rendered = templating.render(template.subject, template.body_text, None, context)
            facts = DraftFacts(
                occasion=occasion, subject=rendered.subject, body=rendered.body_text,
                today=day + dt.timedelta(days=DRAFTED.get(occasion, 0)), occasion_date=day,
                customer=customer, shop=ShopFacts(name=shop["settings"]["shop_name"]),
            )
            raised |= {f.code for f in check_draft(facts)}
    assert raised <= ABOUT_THE_CUSTOMER, raised - ABOUT_THE_CUSTOMER
