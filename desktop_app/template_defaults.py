"""The shipped default templates: read from resources/templates, copied into the store, restored."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from sqlite_utils import Database

from desktop_app.errors import AppError
from desktop_app.templating import LANGUAGES, OCCASIONS
from storage import templates
from storage.templates import Template


@dataclass(frozen=True)
class DefaultTemplate:
    occasion: str
    language: str
    subject: str
    body_text: str
    body_html: str | None = None


def parse_default(occasion: str, language: str, text: str, html: str | None = None) -> DefaultTemplate:
    """A default file is ``Subject: …``, a blank line, then the text body.

    >>> parse_default("birthday", "en", "Subject: Hi {{ x }}\\n\\nBody\\n").subject
    'Hi {{ x }}'
    """
    head, _, body = text.partition("\n\n")
    if not head.startswith("Subject:"):
        raise ValueError(f"{language}/{occasion}.txt must start with 'Subject:'")
    return DefaultTemplate(occasion, language, head[len("Subject:"):].strip(), body.strip() + "\n", html)


def read_default(occasion: str, language: str) -> DefaultTemplate | None:
    folder = resources.files("resources").joinpath("templates", language)
    text_file = folder.joinpath(f"{occasion}.txt")
    if not text_file.is_file():
        return None
    html_file = folder.joinpath(f"{occasion}.html")
    html = html_file.read_text(encoding="utf-8") if html_file.is_file() else None
    return parse_default(occasion, language, text_file.read_text(encoding="utf-8"), html)


def all_defaults() -> list[DefaultTemplate]:
    found = []
    for language in LANGUAGES:
        for occasion in OCCASIONS:
            default = read_default(occasion, language)
            if default is not None:
                found.append(default)
    return found


def ensure_templates(db: Database) -> int:
    """Copy the shipped templates into the store where a (occasion, language) pair is missing.

    On first run that is all of them; the owner's edits are never overwritten.
    """
    rows = [(d.occasion, d.language, d.subject, d.body_text, d.body_html) for d in all_defaults()]
    with db.atomic():
        return templates.insert_missing(db, rows)


def reset_to_default(db: Database, template_id: int) -> Template:
    """Put the shipped wording back into one template.

    :raises AppError: when the template or its default does not exist.
    """
    current = templates.get(db, template_id)
    if current is None:
        raise AppError("That template no longer exists.", "Reopen the Templates page.")
    default = read_default(current.occasion, current.language)
    if default is None:
        raise AppError(
            f"There is no shipped wording for {current.occasion} in {current.language}.",
            "Edit this template by hand instead.",
        )
    with db.atomic():
        return templates.save(
            db, template_id, subject=default.subject, body_text=default.body_text,
            body_html=default.body_html, edited=False,
        )
