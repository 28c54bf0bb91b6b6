"""From a draft's kept data to its text: pick the template and language, build the context, render."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from sqlite_utils import Database

from desktop_app.errors import AppError
from desktop_app.settings import Settings, load_settings
from desktop_app.template_defaults import ensure_templates
from desktop_app.templating import Rendered, TemplateRenderError, babel_locale, render
from storage import customers, drafts, templates
from storage.customers import Customer
from storage.templates import Template

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def language_of(value: str | None) -> str:
    """``de-DE`` → ``de``; empty → ``''``.

    >>> language_of("de-DE"), language_of(" FR "), language_of(None)
    ('de', 'fr', '')
    """
    return (value or "").strip().replace("_", "-").split("-")[0].lower()


def customer_context(customer: Customer) -> dict:
    birthday = None
    if customer.birth_month and customer.birth_day:
        try:
            birthday = dt.date(customer.birth_year or 2000, customer.birth_month, customer.birth_day)
        except ValueError:
            birthday = None
    return {
        "first_name": customer.first_name or "",
        "last_name": customer.last_name or "",
        "name": customer.name,
        "email": customer.email or "",
        "birthday": birthday,
        "birth_year": customer.birth_year,
        "language": language_of(customer.language) or None,
    }


def occasion_context(data: dict) -> dict:
    """The draft's kept data with ISO dates turned back into dates (for the date filter)."""
    out = {}
    for key, value in data.items():
        if isinstance(value, str) and _ISO_DATE.match(value):
            value = dt.date.fromisoformat(value)
        out[key] = value
    return out


@dataclass
class TemplateBook:
    """The templates of one drafting run, looked up once per (occasion, language)."""

    db: Database
    settings: Settings
    _cache: dict = field(default_factory=dict)

    def choose(self, occasion: str, language: str | None) -> Template | None:
        """The customer's language if there is a template in it, else the shop's, else English."""
        for lang in (language_of(language), language_of(self.settings.language), "en"):
            if not lang:
                continue
            key = (occasion, lang)
            if key not in self._cache:
                self._cache[key] = templates.find(self.db, occasion, lang)
            if self._cache[key] is not None:
                return self._cache[key]
        return None


def render_for(
    book: TemplateBook, customer: Customer, occasion: str, data: dict
) -> tuple[Template | None, Rendered]:
    """Render one message. :raises TemplateRenderError: when the template fails for this customer."""
    template = book.choose(occasion, customer.language)
    if template is None:
        raise TemplateRenderError(f"there is no template for {occasion}")
    settings = book.settings
    context = {
        "customer": customer_context(customer),
        "shop": {"name": settings.shop_name, "owner": settings.owner_name},
        "occasion": occasion_context(data),
        "locale": str(babel_locale(template.language, settings.country)),
        "currency": settings.currency,
    }
    return template, render(template.subject, template.body_text, template.body_html, context)


def render_draft(db: Database, draft_id: int, settings: Settings | None = None) -> tuple[str, str, str | None]:
    """Re-render a draft from its current template and kept data: (subject, body_text, body_html).

    Nothing is stored; the caller decides whether to keep the result.

    :raises AppError: when the draft or its customer is gone, or the template fails.
    """
    draft = drafts.get(db, draft_id)
    if draft is None:
        raise AppError("That draft no longer exists.", "Refresh the list.")
    customer = customers.get(db, draft.customer_id)
    if customer is None:
        raise AppError("The customer of this draft was deleted.", "Skip the draft.")
    settings = settings or load_settings(db)
    if templates.count(db) == 0:
        ensure_templates(db)
    try:
        _, rendered = render_for(TemplateBook(db, settings), customer, draft.occasion, draft.data)
    except TemplateRenderError as exc:
        raise AppError(
            f"The {draft.occasion.replace('_', ' ')} template does not work for this customer: {exc}",
            "Fix the template on the Templates page, then re-render.",
        ) from exc
    return rendered.subject, rendered.body_text, rendered.body_html
