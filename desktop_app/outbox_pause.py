"""The whole outbox paused (login refused, certificate refused, provider quota), kept in app_state."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from storage import keyvalue
from storage.timestamps import from_iso, to_iso

_KEY = "outbox_pause"

_HEADLINES = {
    "auth": "Sending is paused: your mail provider refused the login.",
    "tls": "Sending is paused: the secure connection to your mail server was refused.",
    "quota": "Sending is paused: your mail provider's sending limit is reached.",
}
_HINTS = {
    "auth": "Check the password in Settings → Mail account (some providers need an app password), "
            "then press Resume sending.",
    "tls": "Check the server name and certificate settings in Settings → Mail account, then press "
           "Resume sending.",
    "quota": "Fondly resumes by itself when the limit frees up.",
}


@dataclass(frozen=True)
class Pause:
    reason: str  # "auth" | "tls" | "quota"
    message: str  # the server's words, in plain language where the client translated them
    code: str | None
    since: dt.datetime
    until: dt.datetime | None  # None: until the owner resumes

    @property
    def headline(self) -> str:
        return _HEADLINES.get(self.reason, "Sending is paused.")

    @property
    def hint(self) -> str:
        return _HINTS.get(self.reason, "")

    def to_json(self) -> dict[str, Any]:
        return {"reason": self.reason, "message": self.message, "code": self.code,
                "since": to_iso(self.since), "until": to_iso(self.until) if self.until else None}


def read_pause(db: Database) -> Pause | None:
    data = keyvalue.read(db, "app_state", _KEY)
    if not data:
        return None
    return Pause(
        reason=data["reason"], message=data.get("message", ""), code=data.get("code"),
        since=from_iso(data["since"]), until=from_iso(data["until"]) if data.get("until") else None,
    )


def set_pause(db: Database, pause: Pause) -> None:
    with db.atomic():
        keyvalue.write(db, "app_state", {_KEY: pause.to_json()})


def clear_pause(db: Database) -> bool:
    """Resume sending; True when the outbox was paused."""
    with db.atomic():
        cursor = db.execute("DELETE FROM app_state WHERE key = ?", [_KEY])
    return cursor.rowcount > 0
