"""CustomerTableView: the big table's look (fixed rows, set widths) and its sort indicator."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.customers.model import COLUMNS

_DEFAULT_WIDTHS = (180, 220, 110, 110, 100, 130, 120, 90)


def column_of(sort_key: str) -> int:
    return next(i for i, column in enumerate(COLUMNS) if column.sort_key == sort_key)


class CustomerTableView(QTableView):
    """A table that never measures its rows (fixed heights, set widths: smooth at 100,000 rows).

    Clicking a header asks for a sort with ``sort_requested(key, descending)``; the page runs it
    in SQL. Columns SQL cannot sort put the indicator back where the sort is.
    """

    sort_requested = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sort_key = "display_name"
        self.descending = False
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vertical = self.verticalHeader()
        vertical.hide()
        # Uniform, fixed row heights: the view never measures 100,000 rows.
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.sortIndicatorChanged.connect(self._on_indicator)

    def setModel(self, model) -> None:  # noqa: N802 - Qt API
        super().setModel(model)
        header = self.horizontalHeader()
        for column, width in enumerate(_DEFAULT_WIDTHS):
            header.resizeSection(column, width)
        self.show_sort(self.sort_key, self.descending)

    def show_sort(self, key: str, descending: bool) -> None:
        """Point the indicator at *key* without asking for a sort."""
        self.sort_key, self.descending = key, descending
        header = self.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(column_of(key), Qt.SortOrder.DescendingOrder if descending
                                else Qt.SortOrder.AscendingOrder)
        header.blockSignals(False)

    def _on_indicator(self, section: int, order: Qt.SortOrder) -> None:
        key = COLUMNS[section].sort_key if 0 <= section < len(COLUMNS) else None
        if key is None:
            self.show_sort(self.sort_key, self.descending)
            return
        self.sort_key, self.descending = key, order == Qt.SortOrder.DescendingOrder
        self.sort_requested.emit(self.sort_key, self.descending)

    # -- persisted state -----------------------------------------------------------------------

    def save_header(self) -> QByteArray:
        return self.horizontalHeader().saveState()

    def restore_header(self, state: QByteArray) -> None:
        """Widths, order and the sort indicator as they were (the sort itself is the page's)."""
        header = self.horizontalHeader()
        header.blockSignals(True)
        header.restoreState(state)
        header.blockSignals(False)
        section = header.sortIndicatorSection()
        key = COLUMNS[section].sort_key if 0 <= section < len(COLUMNS) else None
        if key is not None:
            self.show_sort(key, header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder)
        else:
            self.show_sort(self.sort_key, self.descending)
