"""CustomerTableModel: an array of ids plus a small LRU cache of pages of rows (Anki's browser)."""

from __future__ import annotations

import calendar
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from storage import customers
from storage.customers import Customer

PAGE_SIZE = 200
MAX_PAGES = 12  # ~2,400 rows in memory whatever the list's size

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    title: str
    # The storage sort key (storage.customers.SORT_COLUMNS), or None when the column cannot sort.
    sort_key: str | None
    text: Callable[[Customer], str]


def birthday_label(customer: Customer) -> str:
    """``14 Mar 1988``, ``14 Mar`` without a year, or ``''``.

    >>> birthday_label(Customer(id=1, birth_month=2, birth_day=29))
    '29 Feb'
    """
    if not (customer.birth_month and customer.birth_day):
        return ""
    text = f"{customer.birth_day} {calendar.month_abbr[customer.birth_month]}"
    return f"{text} {customer.birth_year}" if customer.birth_year else text


CONSENT_LABELS = {"yes": "Yes", "no": "No", "unknown": "Unknown"}
_CONSENT_BRUSHES = {"yes": QBrush(QColor("#2e7d32")), "no": QBrush(QColor("#c62828")),
                    "unknown": QBrush(QColor("#8a6d00"))}
_DNC_BRUSH = QBrush(QColor("#c62828"))

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_USER = int(Qt.ItemDataRole.UserRole)
_ROLES = frozenset((_DISPLAY, _TOOLTIP, _FOREGROUND, _USER))

COLUMNS: tuple[Column, ...] = (
    Column("Name", "display_name", lambda c: c.name),
    Column("E-mail", "email", lambda c: c.email or ""),
    Column("E-mail consent", "email_consent", lambda c: CONSENT_LABELS.get(c.email_consent, c.email_consent)),
    Column("Contact", None, lambda c: "Do not contact" if c.do_not_contact else ""),
    Column("Birthday", "birthday", birthday_label),
    Column("Phone", None, lambda c: c.phone or ""),
    Column("Tags", None, lambda c: c.tags),
    Column("Added", "created_at", lambda c: c.created_at[:10]),
)
CONSENT_COLUMN = 2
CONTACT_COLUMN = 3


class CustomerTableModel(QAbstractTableModel):
    """Rows are customer ids in display order; rows themselves are read a page at a time.

    The id array comes from ``storage.customers.ordered_ids`` (run on the ``read`` lane by the
    page) and is swapped in with :meth:`set_ids`. Pages of rows are read on the UI thread with
    its own connection (*db*) when the view asks for them: one page is a single indexed query.
    """

    page_loaded = Signal(int)  # page number, emitted after it was read from the store

    def __init__(self, db: Any, parent=None) -> None:
        super().__init__(parent)
        self._db = db
        self._ids: list[int] = []
        self._rows = 0  # the table's height: len(self._ids), or more while only a head is known
        self._rows_of: dict[int, int] | None = None  # id -> row, built on demand
        self._pages: OrderedDict[int, dict[int, Customer]] = OrderedDict()
        self.pages_read = 0

    # -- the id array --------------------------------------------------------------------------

    def set_ids(self, ids: Sequence[int], *, rows: int | None = None) -> None:
        """Swap in a new id array (after a search, a sort or a change); the cache starts empty.

        With *rows* (> ``len(ids)``), *ids* is only the head of the array: the table has its
        full height at once and shows "…" below the head until :meth:`complete_ids` brings the
        rest (search as you type paints the first page without waiting for the whole sort).
        """
        self.beginResetModel()
        self._ids = list(ids)
        self._rows = max(rows or 0, len(self._ids))
        self._rows_of = None
        self._pages.clear()
        self.endResetModel()

    @property
    def complete(self) -> bool:
        return len(self._ids) == self._rows

    def complete_ids(self, ids: Sequence[int]) -> None:
        """The whole array after the head given to :meth:`set_ids`: rows already shown stay put
        (no reset, the selection and scroll position survive) unless the array changed shape."""
        head = len(self._ids)
        if len(ids) != self._rows or list(ids[:head]) != self._ids:
            self.set_ids(ids)
            return
        self._ids = list(ids)
        self._rows_of = None
        # A page read while only the head was known stops at the head: read it again.
        for number in [n for n in self._pages if (n + 1) * PAGE_SIZE > head]:
            del self._pages[number]
        if head < self._rows:
            self.dataChanged.emit(self.index(head, 0), self.index(self._rows - 1, len(COLUMNS) - 1))

    def ids(self) -> list[int]:
        return list(self._ids)

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, customer_id: int) -> int | None:
        if self._rows_of is None:
            self._rows_of = {cid: row for row, cid in enumerate(self._ids)}
        return self._rows_of.get(customer_id)

    def customer_at(self, row: int) -> Customer | None:
        customer_id = self.id_at(row)
        if customer_id is None:  # below the head of a partial array (or out of range)
            return None
        return self._page(row // PAGE_SIZE).get(customer_id)

    def forget(self, customer_ids: Sequence[int] | None = None) -> None:
        """Drop cached rows (all, or the pages holding *customer_ids*) and repaint them."""
        if not self._ids:
            return
        if customer_ids is None:
            self._pages.clear()
            first, last = 0, self._rows - 1
        else:
            rows = [r for r in (self.row_of(cid) for cid in customer_ids) if r is not None]
            if not rows:
                return
            for row in rows:
                self._pages.pop(row // PAGE_SIZE, None)
            first, last = min(rows), max(rows)
        self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))

    def _page(self, number: int) -> dict[int, Customer]:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        start = number * PAGE_SIZE
        page = customers.rows_by_ids(self._db, self._ids[start : start + PAGE_SIZE])
        self._pages[number] = page
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        self.pages_read += 1
        self.page_loaded.emit(number)
        return page

    # -- Qt model API --------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(COLUMNS)):
            return COLUMNS[section].title
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: _Index, role: int = _DISPLAY):
        # Called for every role of every visible cell on each paint: answer the unused roles
        # first and cheaply (Qt enum attribute lookups are slow in PySide6, hence the constants).
        if role not in _ROLES or not index.isValid():
            return None
        column = index.column()
        if column >= len(COLUMNS):
            return None
        customer = self.customer_at(index.row())
        if customer is None:  # deleted since the id array was read; the next refresh drops it
            return "…" if role == _DISPLAY else None
        if role == _DISPLAY:
            return COLUMNS[column].text(customer)
        if role == _USER:
            return customer.id
        if role == _FOREGROUND:
            if column == CONSENT_COLUMN:
                return _CONSENT_BRUSHES.get(customer.email_consent, _CONSENT_BRUSHES["unknown"])
            if column == CONTACT_COLUMN and customer.do_not_contact:
                return _DNC_BRUSH
            return None
        if column == CONSENT_COLUMN and customer.consent_source:
            return f"Consent from {customer.consent_source}"
        if column == CONTACT_COLUMN and customer.do_not_contact:
            return "Fondly never writes to this customer."
        return None
