"""The audit log: who-did-what records for approvals, skips, edits, overrides and imports."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlite_utils import Database

from storage.timestamps import utc_now_iso


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    action: str
    entity: str
    entity_id: int | None
    detail: dict


def record(
    db: Database,
    action: str,
    *,
    entity: str,
    entity_id: int | None = None,
    detail: dict | None = None,
    at: str | None = None,
) -> int:
    """Append one entry; the caller's transaction makes it atomic with the change it describes."""
    cursor = db.execute(
        "INSERT INTO audit_log (at, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?)",
        [at or utc_now_iso(), action, entity, entity_id, json.dumps(detail or {}, ensure_ascii=False)],
    )
    return cursor.lastrowid


def entries(
    db: Database, *, entity: str | None = None, entity_id: int | None = None, limit: int = 200
) -> list[AuditEntry]:
    """Newest first."""
    where, params = [], []
    if entity is not None:
        where.append("entity = ?")
        params.append(entity)
    if entity_id is not None:
        where.append("entity_id = ?")
        params.append(entity_id)
    sql = "SELECT id, at, action, entity, entity_id, detail FROM audit_log"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY id DESC LIMIT ?"
    rows = db.execute(sql, [*params, limit]).fetchall()
    return [AuditEntry(r[0], r[1], r[2], r[3], r[4], json.loads(r[5])) for r in rows]
