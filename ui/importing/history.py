"""Import history: every batch with what it did, and Undo for the ones still in place."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.importing.formats import FORMAT_LABELS
from desktop_app.importing.history import list_imports, undo_import
from storage.imports import ImportBatch
from ui.importing.weak import weak
from ui.sent_model import local_time

COLUMNS = ("When", "File", "Kind", "New", "Updated", "Rejected", "State")


class ImportHistoryWidget(QWidget):
    """Reads the (short) batch list on the UI-thread connection; undo runs on the write lane."""

    undone = Signal(int)

    def __init__(self, *, db, tasks, announce=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.tasks = tasks
        self.announce = announce or (lambda changes: None)
        self.batches: list[ImportBatch] = []
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 150), (2, 170), (3, 60), (4, 70), (5, 70), (6, 80)):
            self.table.setColumnWidth(column, width)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.undo_button = QPushButton("Undo this import")
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.undo_button)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.batches = list_imports(self.db)
        self.table.setRowCount(len(self.batches))
        for row, batch in enumerate(self.batches):
            stats = batch.stats
            when = local_time(batch.finished_at or batch.started_at)  # as the Sent page shows it
            kind = FORMAT_LABELS.get(batch.format or "", batch.format or batch.kind)
            state = "Undone" if batch.undone_at else "In place"
            values = (when, batch.file_name, kind, stats.get("created", 0),
                      stats.get("updated", 0), stats.get("rejected", 0), state)
            for column, value in enumerate(values):
                item = QTableWidgetItem(f"{value:,}" if isinstance(value, int) else str(value))
                if isinstance(value, int):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        if not self.batches:
            self.status.setText("No imports yet.")
        self._selection_changed()

    def select_batch(self, batch_id: int) -> None:
        for row, batch in enumerate(self.batches):
            if batch.id == batch_id:
                self.table.selectRow(row)

    def selected(self) -> ImportBatch | None:
        rows = self.table.selectionModel().selectedRows()
        return self.batches[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        batch = self.selected()
        self.undo_button.setEnabled(batch is not None and batch.undone_at is None)

    def undo_selected(self) -> None:
        batch = self.selected()
        if batch is None:
            return
        self.undo_button.setEnabled(False)
        batch_id = batch.id
        self.tasks.run("write", lambda ctx: undo_import(ctx.db, batch_id),
                       on_done=weak(self._undo_done, batch), on_error=weak(self._undo_failed))

    def _undo_done(self, outcome, batch: ImportBatch) -> None:
        counts, changes = outcome
        self.status.setText(f"Import of {batch.file_name} undone: {counts['deleted']} removed, "
                            f"{counts['restored']} put back as they were.")
        self.refresh()
        self.announce(changes)
        self.undone.emit(batch.id)

    def _undo_failed(self, error: BaseException) -> None:
        self.status.setText(getattr(error, "message", str(error)))
        self._selection_changed()


class ImportHistoryDialog(QDialog):
    def __init__(self, *, db, tasks, announce=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import history")
        self.resize(820, 420)
        layout = QVBoxLayout(self)
        self.history = ImportHistoryWidget(db=db, tasks=tasks, announce=announce)
        layout.addWidget(self.history)
