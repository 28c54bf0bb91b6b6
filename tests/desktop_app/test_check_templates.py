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
