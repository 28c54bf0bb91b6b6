"""Column → field (or ignore), one line per column of the file; emits the new mapping."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from desktop_app.importing.formats import FIELD_LABELS, FIELDS, Mapping

IGNORE = "Ignore"


class MappingEditor(QTableWidget):
    """Each file column with a combo box of fields. ``mapping_changed`` carries a new Mapping."""

    mapping_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 2, parent)
        self.setHorizontalHeaderLabels(["Column in the file", "Goes to"])
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.setColumnWidth(1, 165)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(28)
        self._mapping = Mapping()

    @property
    def mapping(self) -> Mapping:
        return self._mapping

    def combo(self, column: int) -> QComboBox:
        widget = self.cellWidget(column, 1)
        assert isinstance(widget, QComboBox)
        return widget

    def set_columns(self, header: list[str], mapping: Mapping) -> None:
        self._mapping = mapping
        self.setRowCount(len(header))
        for index, name in enumerate(header):
            item = QTableWidgetItem(name or f"(column {index + 1})")
            self.setItem(index, 0, item)
            combo = QComboBox()
            combo.addItem(IGNORE, None)
            for field_name in FIELDS:
                combo.addItem(FIELD_LABELS[field_name], field_name)
            current = mapping.column_field(index)
            combo.setCurrentIndex(combo.findData(current) if current else 0)
            combo.currentIndexChanged.connect(lambda _=0, i=index: self._changed(i))
            self.setCellWidget(index, 1, combo)

    def _changed(self, column: int) -> None:
        self._mapping = self._mapping.with_column(column, self.combo(column).currentData())
        self.mapping_changed.emit(self._mapping)
