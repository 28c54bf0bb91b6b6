"""The shop's settings: one typed, frozen dataclass with defaults, stored in SQLite."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, fields

from sqlite_utils import Database

from storage import keyvalue


@dataclass(frozen=True)
class Settings:
    # The shop
    shop_name: str = ""
    owner_name: str = ""
    language: str = "en"
    country: str = "US"
    currency: str = "USD"
    # IANA zone of the shop's local calendar; "" means the computer's own zone.
    timezone: str = ""

    # Birthdays
    birthday_days_ahead: int = 3
    feb29_in_common_years: str = "feb28"  # or "mar1"
    belated_birthdays: str = "belated"  # or "skip"
    catch_up_days: int = 30

    # Back in stock
    restock_still_interested_days: int = 30
    restock_expire_days: int = 180

    # Loyalty
    stamp_every: int = 10
    points_per_unit: float = 1.0
    points_reward_threshold: int = 100
    anniversary_enabled: bool = True
    winback_after_days: int = 90
    winback_min_visits: int = 3

    # Who may be messaged, and how often
    unknown_consent_allowed: bool = True
    cooldown_days: int = 14

    # Schedule
    drafting_time: str = "08:00"
    send_day_messages_from: str = "09:00"
    quiet_hours_start: str = "21:00"
    quiet_hours_end: str = "08:00"
    # None: the mail provider's default.
    daily_send_cap: int | None = None
    per_minute_send_cap: int | None = None

    @property
    def has_shop(self) -> bool:
        return bool(self.shop_name)

    def replace(self, **changes) -> Settings:
        return dataclasses.replace(self, **changes)


_FIELDS = {f.name: f for f in fields(Settings)}


def load_settings(db: Database) -> Settings:
    """The stored settings over the defaults; unknown keys (from newer versions) are ignored."""
    stored = keyvalue.read_all(db, "settings")
    return Settings(**{k: v for k, v in stored.items() if k in _FIELDS})


def save_settings(db: Database, settings: Settings) -> None:
    with db.atomic():
        keyvalue.write(db, "settings", dataclasses.asdict(settings))
