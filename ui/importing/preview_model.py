"""The preview table: one line per data row with its outcome, reason and old → new changes."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop_app.importing.results import RowOutcome

COLUMNS = ("Row", "Outcome", "Name", "E-mail or phone", "What happens")
PRODUCT_COLUMNS = ("Row", "Outcome", "Product", "Stock", "What happens")
OUTCOME_LABELS = {"new": "New", "update": "Update", "unchanged": "Unchanged",
                  "merged": "Merged", "rejected": "Rejected"}
_COLOURS = {"new": "#2e7d32", "update": "#1565c0", "rejected": "#c62828", "merged": "#6a1b9a"}

Index = QModelIndex | QPersistentModelIndex

# The preview's "Show" choices: label → which outcomes pass.
FILTERS = {
    "All rows": lambda o: True,
    "New": lambda o: o.outcome == "new",
    "Updates": lambda o: o.outcome == "update",
    "Merged": lambda o: o.outcome == "merged",
    "Rejected": lambda o: o.outcome == "rejected",
    "Warnings": lambda o: bool(o.warnings),
    "Your edits": lambda o: bool(o.conflicts),
}


def describe(outcome: RowOutcome) -> str:
    """Reason, warnings and changes in plain words."""
    parts = [outcome.message] if outcome.message else []
    for change in outcome.changes:
        old = change.old or "(empty)"
        parts.append(f"{change.field.replace('_', ' ')}: {old} → {change.new}")
    for change in outcome.conflicts:
        parts.append(f"{change.field.replace('_', ' ')}: yours {change.old or '(empty)'} · "
                     f"file {change.new}")
    return "; ".join(parts)


class PreviewTableModel(QAbstractTableModel):
    """Rows of a preview. Rows with conflicts are checkable: checked = accept the file's values."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._all: list[RowOutcome] = []
        self._rows: list[RowOutcome] = []
        self.accepted: set[int] = set()
        self._columns = COLUMNS
        self._filter = "All rows"

    def set_rows(self, rows: list[RowOutcome], *, products: bool = False) -> None:
        self.beginResetModel()
        self._all = list(rows)
        self._rows = [r for r in self._all if FILTERS[self._filter](r)]
        self._columns = PRODUCT_COLUMNS if products else COLUMNS
        self.accepted &= {r.row for r in self._all if r.conflicts}
        self.endResetModel()

    def set_filter(self, name: str) -> None:
        """Show only the rows of one kind (the list is at most a few thousand rows)."""
        self.beginResetModel()
        self._filter = name
        self._rows = [r for r in self._all if FILTERS[name](r)]
        self.endResetModel()

    def outcome(self, row: int) -> RowOutcome:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._columns[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (str(item.row), OUTCOME_LABELS[item.outcome] + (" ⚠" if item.conflicts else ""),
                    item.name, item.contact, describe(item))[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 4:
            return describe(item)
        if role == Qt.ItemDataRole.ForegroundRole and column == 1 and item.outcome in _COLOURS:
            return QBrush(QColor(_COLOURS[item.outcome]))
        if role == Qt.ItemDataRole.CheckStateRole and column == 1 and item.conflicts:
            return Qt.CheckState.Checked if item.row in self.accepted else Qt.CheckState.Unchecked
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == 1 and self._rows[index.row()].conflicts:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or index.column() != 1:
            return False
        item = self._rows[index.row()]
        if not item.conflicts:
            return False
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
        if checked:
            self.accepted.add(item.row)
        else:
            self.accepted.discard(item.row)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True
