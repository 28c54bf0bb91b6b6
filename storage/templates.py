"""Message templates: one row per (occasion, language); the owner's edits live here."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from storage.timestamps import utc_now_iso


@dataclass(frozen=True)
class Template:
    id: int
    occasion: str
    language: str
    subject: str
    body_text: str
    body_html: str | None
    edited: bool
    updated_at: str


_COLUMNS = "id, occasion, language, subject, body_text, body_html, edited, updated_at"


def _row(row) -> Template:
    return Template(*row[:6], bool(row[6]), row[7])


def count(db: Database) -> int:
    return db.execute("SELECT count(*) FROM templates").fetchone()[0]


def list_all(db: Database) -> list[Template]:
    rows = db.execute(f"SELECT {_COLUMNS} FROM templates ORDER BY occasion, language").fetchall()
    return [_row(r) for r in rows]


def get(db: Database, template_id: int) -> Template | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM templates WHERE id = ?", [template_id]).fetchone()
    return _row(row) if row else None


def find(db: Database, occasion: str, language: str) -> Template | None:
    row = db.execute(
        f"SELECT {_COLUMNS} FROM templates WHERE occasion = ? AND language = ?", [occasion, language]
    ).fetchone()
    return _row(row) if row else None


def languages(db: Database, occasion: str) -> set[str]:
    rows = db.execute("SELECT language FROM templates WHERE occasion = ?", [occasion]).fetchall()
    return {r[0] for r in rows}


def insert_missing(
    db: Database, rows: list[tuple[str, str, str, str, str | None]], *, now: str | None = None
) -> int:
    """Insert (occasion, language, subject, body_text, body_html) rows not present yet."""
    now = now or utc_now_iso()
    inserted = 0
    for occasion, language, subject, body_text, body_html in rows:
        cursor = db.execute(
            "INSERT OR IGNORE INTO templates (occasion, language, subject, body_text, body_html, "
            "edited, updated_at) VALUES (?, ?, ?, ?, ?, 0, ?)",
            [occasion, language, subject, body_text, body_html, now],
        )
        inserted += cursor.rowcount
    return inserted


def save(
    db: Database,
    template_id: int,
    *,
    subject: str,
    body_text: str,
    body_html: str | None,
    edited: bool = True,
    now: str | None = None,
) -> Template:
    """Store new wording for one template; :raises KeyError: when it does not exist."""
    cursor = db.execute(
        "UPDATE templates SET subject = ?, body_text = ?, body_html = ?, edited = ?, updated_at = ? "
        "WHERE id = ?",
        [subject, body_text, body_html, 1 if edited else 0, now or utc_now_iso(), template_id],
    )
    if cursor.rowcount == 0:
        raise KeyError(template_id)
    saved = get(db, template_id)
    assert saved is not None
    return saved
