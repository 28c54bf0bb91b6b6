"""The Sent page's table: the outbox history, newest first, fetched a page at a time (keyset)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from storage import outbox
from storage.outbox import OutboxRow
from storage.timestamps import from_iso

PAGE_SIZE = 100
COLUMNS = ("When", "Status", "To", "Subject", "Server reply")
STATE_WORDS = {
    "approved": "Approved",
    "queued": "Waiting",
    "sending": "Sending…",
    "sent": "Sent",
    "failed": "Failed",
    "deferred": "Will retry",
    "needs_attention": "Needs your attention",
    "discarded": "Discarded",
}
# The status filter: label → states (empty: all).
FILTERS: dict[str, tuple[str, ...]] = {
    "All messages": (),
    "Waiting to go": ("queued", "deferred", "sending"),
    "Sent": ("sent",),
    "Failed": ("failed",),
    "Needs your attention": ("needs_attention",),
    "Discarded": ("discarded",),
}
_WARN = QColor("#b3261e")
_MUTED = QColor("#6b6b6b")

Index = QModelIndex | QPersistentModelIndex


def local_time(text: str | None) -> str:
    if not text:
        return ""
    moment = from_iso(text).astimezone()
    return f"{moment.day} {moment:%b %Y, %H:%M}"


def when_text(row: OutboxRow) -> str:
    """Sent: when it went. Waiting: when it is planned (or retried)."""
    if row.sent_at:
        return local_time(row.sent_at)
    if row.state in ("queued", "deferred"):
        planned = max(row.planned_at, row.next_attempt_at or "")
        return f"planned {local_time(planned)}"
    return local_time(row.updated_at)


class SentHistoryModel(QAbstractTableModel):
    """Rows of :class:`OutboxRow`, loaded on the UI thread one page at a time.

    A page is a single indexed query (``id < last`` … ``LIMIT 100``), well within what the UI
    thread may read; the view asks for more through ``canFetchMore``/``fetchMore`` as it scrolls.
    """

    def __init__(self, db, *, page_size: int = PAGE_SIZE, parent=None) -> None:
        super().__init__(parent)
        self._db = db
        self._page_size = page_size
        self._rows: list[OutboxRow] = []
        self._states: tuple[str, ...] = ()
        self._more = True
        self._busy = False
        self.reload()

    # -- loading ------------------------------------------------------------------------------

    def set_states(self, states: tuple[str, ...]) -> None:
        self._states = tuple(states)
        self.reload()

    def reload(self) -> None:
        """Start again from the newest row, keeping as many rows as were loaded."""
        keep = max(self._page_size, len(self._rows))
        self._busy = True
        try:
            self.beginResetModel()
            self._rows = outbox.history_page(self._db, states=self._states, limit=keep)
            self._more = len(self._rows) == keep
            self.endResetModel()  # listeners of modelReset must not fetch inside the reset
        finally:
            self._busy = False

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802, B008 - Qt API
        return not parent.isValid() and self._more and not self._busy

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802, B008 - Qt API
        # Views and testers may ask again from a slot on rowsAboutToBeInserted / modelReset,
        # before this page is in: a second fetch then would load the same page twice.
        if parent.isValid() or not self._more or self._busy:
            return
        self._busy = True
        try:
            self._fetch_page()
        finally:
            self._busy = False

    def _fetch_page(self) -> None:
        before = self._rows[-1].id if self._rows else None
        page = outbox.history_page(self._db, before_id=before, states=self._states,
                                   limit=self._page_size)
        self._more = len(page) == self._page_size
        if not page:
            return
        first = len(self._rows)
        # `last` is inclusive: a page of n rows occupies first … first + n - 1.
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    # -- Qt model API -------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(COLUMNS)):
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == 4:
            return row.server_reply or row.last_error or None
        if role == Qt.ItemDataRole.ForegroundRole and column == 1:
            if row.state in ("failed", "needs_attention"):
                return QBrush(_WARN)
            if row.state in ("discarded", "queued", "deferred"):
                return QBrush(_MUTED)
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    @staticmethod
    def _display(row: OutboxRow, column: int) -> str:
        if column == 0:
            return when_text(row)
        if column == 1:
            return STATE_WORDS.get(row.state, row.state)
        if column == 2:
            return f"{row.to_name} <{row.to_addr}>" if row.to_name else row.to_addr
        if column == 3:
            return row.subject
        if column == 4:
            text = row.server_reply or row.last_error or ""
            return text.splitlines()[0] if text else ""
        return ""

    # -- helpers for the page -----------------------------------------------------------------

    def row_at(self, row: int) -> OutboxRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    @property
    def loaded(self) -> int:
        return len(self._rows)
