"""The review queue as a flat list model: a header row per day and occasion, then its drafts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from desktop_app.review import group_queue
from storage.drafts_queue import QueueItem

ItemRole = Qt.ItemDataRole.UserRole + 1
KindRole = Qt.ItemDataRole.UserRole + 2
DraftIdRole = Qt.ItemDataRole.UserRole + 3

WAITING = ("pending", "snoozed")


@dataclass(frozen=True)
class GroupHeader:
    day: str
    title: str
    count: int


def day_label(day: str, today: dt.date) -> str:
    """``Today``, ``Tomorrow``, ``Yesterday`` or ``Thursday 12 March``."""
    try:
        date = dt.date.fromisoformat(day)
    except ValueError:
        return day
    names = {0: "Today", 1: "Tomorrow", -1: "Yesterday"}
    delta = (date - today).days
    if delta in names:
        return f"{names[delta]} · {date.strftime('%A')} {date.day} {date.strftime('%B')}"
    return f"{date.strftime('%A')} {date.day} {date.strftime('%B')}"


class ReviewQueueModel(QAbstractListModel):
    """Rows are :class:`GroupHeader` or :class:`QueueItem`; drafts keep their row when decided."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[GroupHeader | QueueItem] = []
        self._row_of: dict[int, int] = {}
        self.today = dt.date.today()

    # -- Qt API -----------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == ItemRole:
            return row
        if role == KindRole:
            return "header" if isinstance(row, GroupHeader) else "draft"
        if role == DraftIdRole:
            return row.id if isinstance(row, QueueItem) else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if isinstance(row, GroupHeader):
                return f"{day_label(row.day, self.today)} — {row.title}"
            return f"{row.customer_name}: {row.subject}"
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if isinstance(self._rows[index.row()], GroupHeader):
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -- ours -------------------------------------------------------------------------------------

    def set_items(self, items: Sequence[QueueItem], *, today: dt.date | None = None) -> None:
        self.beginResetModel()
        if today is not None:
            self.today = today
        self._rows = []
        for group in group_queue(items):
            self._rows.append(GroupHeader(group.day, group.title, len(group.items)))
            self._rows.extend(group.items)
        self._row_of = {r.id: n for n, r in enumerate(self._rows) if isinstance(r, QueueItem)}
        self.endResetModel()

    def update_items(self, items: Sequence[QueueItem]) -> None:
        """Swap in fresh rows for drafts already listed (after an action); others are ignored."""
        for item in items:
            row = self._row_of.get(item.id)
            if row is not None:
                self._rows[row] = item
                index = self.index(row)
                # Naming the roles tells the view the row's size is unchanged: no relayout of all rows.
                self.dataChanged.emit(index, index, [ItemRole, Qt.ItemDataRole.DisplayRole])

    def item(self, row: int) -> QueueItem | None:
        if 0 <= row < len(self._rows) and isinstance(self._rows[row], QueueItem):
            return self._rows[row]
        return None

    def is_header(self, row: int) -> bool:
        return 0 <= row < len(self._rows) and isinstance(self._rows[row], GroupHeader)

    def row_of(self, draft_id: int) -> int | None:
        return self._row_of.get(draft_id)

    def items(self) -> list[QueueItem]:
        return [r for r in self._rows if isinstance(r, QueueItem)]

    def waiting_count(self) -> int:
        return sum(1 for r in self.items() if r.queue_status == "pending")

    def step(self, row: int, direction: int, *, waiting_only: bool = False) -> int | None:
        """The next draft row from *row* in *direction* (+1/-1), skipping headers."""
        n = row + direction
        while 0 <= n < len(self._rows):
            item = self.item(n)
            if item is not None and (not waiting_only or item.queue_status in WAITING):
                return n
            n += direction
        return None

    def first_draft_row(self) -> int | None:
        return self.step(-1, 1)
