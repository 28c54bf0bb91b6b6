"""The review queue grouped as the Today page shows it: by day, then by occasion."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby

from storage.drafts_queue import QueueItem

OCCASION_TITLES = {
    "birthday": "Birthdays",
    "birthday_belated": "Belated birthdays",
    "anniversary": "Anniversaries",
    "restock": "Back in stock",
    "restock_still_interested": "Still interested?",
    "stamp_reward": "Stamp card rewards",
    "points_reward": "Points rewards",
    "winback": "We miss you",
}


@dataclass(frozen=True)
class ReviewGroup:
    """The drafts of one day and one occasion, as the Today page shows them."""

    day: str
    occasion: str
    items: tuple[QueueItem, ...]

    @property
    def title(self) -> str:
        return OCCASION_TITLES.get(self.occasion, self.occasion.replace("_", " ").capitalize())


def group_queue(items: Sequence[QueueItem]) -> list[ReviewGroup]:
    """Consecutive items of one day and occasion (``list_queue`` already orders them so)."""
    return [
        ReviewGroup(day, occasion, tuple(group))
        for (day, occasion), group in groupby(items, key=lambda i: (i.day, i.occasion))
    ]
