"""Rendering and checking message templates: a Jinja2 sandbox, locale-aware filters, field lists."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal
from jinja2 import StrictUndefined, TemplateSyntaxError, meta, nodes, pass_context
from jinja2.sandbox import ImmutableSandboxedEnvironment

OCCASIONS = (
    "birthday",
    "birthday_belated",
    "restock",
    "restock_still_interested",
    "stamp_reward",
    "points_reward",
    "anniversary",
    "winback",
)
LANGUAGES = ("en", "de", "fr", "es")

# Fields every template may use, with what they hold (shown on the Templates page).
COMMON_FIELDS: dict[str, str] = {
    "customer.first_name": "first name ('' when unknown; prefer the first_name filter)",
    "customer.last_name": "last name",
    "customer.name": "the name to show",
    "customer.email": "e-mail address",
    "customer.birthday": "birthday as a date, or none",
    "customer.birth_year": "year of birth, or none",
    "shop.name": "your shop's name",
    "shop.owner": "your name",
    "occasion.date": "the day of the occasion",
}
OCCASION_FIELDS: dict[str, dict[str, str]] = {
    "birthday": {"occasion.age": "the age they turn, or none when the year is unknown"},
    "birthday_belated": {"occasion.age": "the age they turned, or none"},
    "restock": {
        "occasion.product": "the product's name",
        "occasion.variant": "size or variant asked for ('' when none)",
        "occasion.asked_on": "the day they asked",
        "occasion.quantity": "how many came back in, or none",
    },
    "restock_still_interested": {
        "occasion.product": "the product's name",
        "occasion.variant": "size or variant asked for ('' when none)",
        "occasion.asked_on": "the day they asked",
        "occasion.quantity": "how many came back in, or none",
    },
    "stamp_reward": {"occasion.visits": "how many visits so far", "occasion.stamp_every": "every how many visits a reward comes"},
    "points_reward": {"occasion.points": "points collected", "occasion.threshold": "points for a reward"},
    "anniversary": {"occasion.years": "years since the first visit", "occasion.first_visit": "the day of the first visit"},
    "winback": {"occasion.last_visit": "the day of the last visit", "occasion.days_away": "days since then", "occasion.visits": "how many visits in all"},
}
FILTERS_HELP: dict[str, str] = {
    "customer | first_name('there')": "first name, or the word given when unknown",
    "occasion.date | date": "a date in the customer's language (| date('long'), | date('EEEE d MMMM'))",
    "amount | money": "an amount in the shop's currency, in the customer's language",
    "x | default('…', true)": "a fallback when x is empty",
}


def fields_for(occasion: str) -> dict[str, str]:
    return {**COMMON_FIELDS, **OCCASION_FIELDS.get(occasion, {})}


@lru_cache(maxsize=64)
def babel_locale(language: str, country: str = "") -> Locale:
    """The Babel locale for a language (+ the shop's country when that pair exists)."""
    language = (language or "en").replace("-", "_").split("_")[0].lower() or "en"
    for candidate in (f"{language}_{country.upper()}" if country else "", language, "en"):
        if not candidate:
            continue
        try:
            return Locale.parse(candidate)
        except (UnknownLocaleError, ValueError):
            continue
    return Locale.parse("en")


@pass_context
def _first_name(context, customer: Any, fallback: str = "there") -> str:
    if isinstance(customer, dict):
        name = (customer.get("first_name") or "").strip()
        if not name:
            name = (customer.get("name") or "").strip().split(" ")[0] if customer.get("name") else ""
            if "@" in name:
                name = ""
        return name or fallback
    return str(customer or "").strip() or fallback


@pass_context
def _date(context, value: Any, format: str = "d MMMM") -> str:  # noqa: A002 - Jinja filter argument
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = dt.date.fromisoformat(value[:10])
    return format_date(value, format=format, locale=context.get("locale") or "en")


@pass_context
def _money(context, value: Any, currency: str | None = None) -> str:
    if value is None or value == "":
        return ""
    return format_currency(value, currency or context.get("currency") or "USD", locale=context.get("locale") or "en")


@pass_context
def _number(context, value: Any) -> str:
    return format_decimal(value, locale=context.get("locale") or "en")


def _environment(*, autoescape: bool) -> ImmutableSandboxedEnvironment:
    env = ImmutableSandboxedEnvironment(
        undefined=StrictUndefined, autoescape=autoescape, keep_trailing_newline=False
    )
    env.filters.update(first_name=_first_name, date=_date, money=_money, number=_number)
    return env


TEXT_ENV = _environment(autoescape=False)
HTML_ENV = _environment(autoescape=True)


@lru_cache(maxsize=512)
def _compiled(source: str, html: bool):
    return (HTML_ENV if html else TEXT_ENV).from_string(source)


class TemplateRenderError(Exception):
    """A template could not be rendered for one customer (the batch goes on)."""


@dataclass(frozen=True)
class Rendered:
    subject: str
    body_text: str
    body_html: str | None


def render(subject: str, body_text: str, body_html: str | None, context: dict) -> Rendered:
    """Render one message.

    :raises TemplateRenderError: on a syntax error, an unknown field or a sandbox refusal.
    """
    try:
        subject_out = _compiled(subject, False).render(context)
        text_out = _compiled(body_text, False).render(context)
        html_out = _compiled(body_html, True).render(context) if body_html else None
    except Exception as exc:  # a filter fed the wrong type fails this one message, not the batch
        raise TemplateRenderError(str(exc) or type(exc).__name__) from exc
    # A subject is one line: a newline would break the header.
    subject_out = " ".join(subject_out.split())
    return Rendered(subject_out, text_out.strip() + "\n", html_out)


@dataclass(frozen=True)
class TemplateProblem:
    part: str  # "subject", "body_text" or "body_html"
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.part.replace('_', ' ')}, line {self.line}" if self.line else self.part.replace("_", " ")
        return f"{where}: {self.message}"


_TOP_LEVEL = {"customer", "shop", "occasion", "locale", "currency"}


def check(occasion: str, subject: str, body_text: str, body_html: str | None) -> list[TemplateProblem]:
    """Problems that would stop the template from rendering: syntax (with line) and unknown fields.

    >>> [str(p) for p in check("birthday", "Hi {{ customer.nickname }}", "{% if %}", None)]
    ['subject, line 1: unknown field customer.nickname', "body text, line 1: Expected an expression, got 'end of statement block'"]
    """
    known = set(fields_for(occasion))
    problems: list[TemplateProblem] = []
    parts = [("subject", subject, False), ("body_text", body_text, False)]
    if body_html:
        parts.append(("body_html", body_html, True))
    for part, source, html in parts:
        env = HTML_ENV if html else TEXT_ENV
        try:
            ast = env.parse(source)
        except TemplateSyntaxError as exc:
            problems.append(TemplateProblem(part, exc.lineno, exc.message or str(exc)))
            continue
        found = []
        for name in sorted(meta.find_undeclared_variables(ast) - _TOP_LEVEL):
            line = next((n.lineno for n in ast.find_all(nodes.Name) if n.name == name), None)
            found.append(TemplateProblem(part, line, f"unknown field {name}"))
        for node in ast.find_all(nodes.Getattr):
            if isinstance(node.node, nodes.Name) and node.node.name in ("customer", "shop", "occasion"):
                path = f"{node.node.name}.{node.attr}"
                if path not in known:
                    found.append(TemplateProblem(part, node.lineno, f"unknown field {path}"))
        problems.extend(found)
        if found:
            continue
        # What the static look cannot see (a filter misused, a type error): try every sample shape.
        for context in sample_contexts(occasion):
            try:
                _compiled(source, html).render(context)
            except Exception as exc:  # any failure here is the template's, shown to the owner
                problems.append(TemplateProblem(part, _error_line(exc), str(exc)))
                break
    return problems


def _error_line(exc: Exception) -> int | None:
    # Jinja rewrites tracebacks so that template frames carry the template's line numbers.
    tb = exc.__traceback__
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def sample_contexts(occasion: str) -> list[dict]:
    """Contexts covering each customer shape (full, no first name, no birthday) for *occasion*."""
    day = dt.date(2026, 3, 12)
    shapes = [
        {"first_name": "Maria", "last_name": "Lopez", "name": "Maria Lopez", "email": "maria@example.com",
         "birthday": dt.date(1988, 3, 12), "birth_year": 1988, "language": "en"},
        {"first_name": "", "last_name": "", "name": "sam@example.com", "email": "sam@example.com",
         "birthday": None, "birth_year": None, "language": None},
    ]
    occasion_data = sample_occasion(occasion, day)
    return [
        {"customer": shape, "shop": {"name": "Corner Bakery", "owner": "Ana"},
         "occasion": occasion_data, "locale": "en", "currency": "USD"}
        for shape in shapes
    ]


def sample_occasion(occasion: str, day: dt.date) -> dict:
    base: dict[str, Any] = {"date": day}
    extra: dict[str, dict] = {
        "birthday": {"age": None},
        "birthday_belated": {"age": 38},
        "restock": {"product": "Rye sourdough", "variant": "", "asked_on": day - dt.timedelta(days=20), "quantity": 3},
        "restock_still_interested": {"product": "Rye sourdough", "variant": "large", "asked_on": day - dt.timedelta(days=60), "quantity": None},
        "stamp_reward": {"visits": 10, "stamp_every": 10},
        "points_reward": {"points": 120, "threshold": 100},
        "anniversary": {"years": 2, "first_visit": day.replace(year=day.year - 2)},
        "winback": {"last_visit": day - dt.timedelta(days=95), "days_away": 95, "visits": 7},
    }
    base.update(extra.get(occasion, {}))
    return base
