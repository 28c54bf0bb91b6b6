"""The import dialog: preview before anything is written, mapping editor, import off the UI
thread with progress and Cancel, result summary with Undo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.changes import Changes
from desktop_app.errors import AppError, Cancelled
from desktop_app.importing.engine import inspect_file, run_import, settle
from desktop_app.importing.formats import Mapping
from desktop_app.importing.history import undo_import
from desktop_app.importing.results import ImportResult
from desktop_app.progress import TaskContext
from ui.importing.mapping_editor import MappingEditor
from ui.importing.preview_model import FILTERS, PreviewTableModel
from ui.importing.weak import weak

FIRST_PAGE_ROWS = 200  # a quick first look at big files while the full preview runs
POLL_MS = 100


class ImportDialog(QDialog):
    """Preview → (mapping changes, conflict choices) → Import → summary → (Undo).

    *tasks* is the TaskManager (work runs in its ``write`` lane, which owns the write
    connection); *announce* receives what changed so other views refresh.
    """

    preview_ready = Signal(object)  # ImportResult
    finished_import = Signal(object)  # ImportResult
    undone = Signal(int)

    def __init__(self, path: Path | str, *, tasks, announce=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.path = Path(path)
        self.tasks = tasks
        self.announce = announce or (lambda changes: None)
        self.preview: ImportResult | None = None
        self.result: ImportResult | None = None
        self._mapping: Mapping | None = None
        self._generation = 0
        self._running: TaskContext | None = None
        self.setWindowTitle(f"Import {self.path.name}")
        self.resize(1120, 660)
        self._build()
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self.start_preview()

    # -- layout -------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.title = QLabel(f"<b>{self.path.name}</b>")
        self.counts = QLabel("Reading the file…")
        self.counts.setTextFormat(Qt.TextFormat.RichText)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.counts)

        self.mapping_editor = MappingEditor()
        self.mapping_editor.mapping_changed.connect(self._mapping_changed)
        self.model = PreviewTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column, width in enumerate((44, 96, 150, 190)):
            self.table.setColumnWidth(column, width)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

        self.mapping_box = mapping_box = QWidget()
        mapping_layout = QVBoxLayout(mapping_box)
        mapping_layout.setContentsMargins(0, 0, 0, 0)
        mapping_layout.addWidget(QLabel("Columns"))
        mapping_layout.addWidget(self.mapping_editor)
        preview_box = QWidget()
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        self.preview_hint = QLabel("What will happen, row by row (tick ⚠ rows to accept the "
                                   "file's values over your own edits)")
        self.show_filter = QComboBox()
        self.show_filter.addItems(list(FILTERS))
        self.show_filter.currentTextChanged.connect(self.model.set_filter)
        hint_row = QHBoxLayout()
        hint_row.addWidget(self.preview_hint, 1)
        hint_row.addWidget(QLabel("Show"))
        hint_row.addWidget(self.show_filter)
        preview_layout.addLayout(hint_row)
        preview_layout.addWidget(self.table)
        self.splitter = splitter = QSplitter()
        splitter.addWidget(mapping_box)
        splitter.addWidget(preview_box)
        splitter.setSizes([300, 820])
        layout.addWidget(splitter, 1)

        self.progress = QProgressBar()
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)

        buttons = QHBoxLayout()
        self.undo_button = QPushButton("Undo this import")
        self.undo_button.setVisible(False)
        self.undo_button.clicked.connect(self.undo)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.import_button = QPushButton("Import")
        self.import_button.setDefault(True)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.import_button)
        layout.addLayout(buttons)

    # -- preview ------------------------------------------------------------------------------

    def start_preview(self, mapping: Mapping | None = None) -> None:
        """Queue a quick first page, then the full dry run, on the write lane."""
        self._generation += 1
        generation = self._generation
        self.import_button.setEnabled(False)
        self.status.setText("Checking every row…")
        path = self.path
        for limit in (FIRST_PAGE_ROWS, None):
            def work(ctx, limit=limit):
                return run_import(ctx.db, path, mapping=mapping, dry_run=True, ctx=ctx,
                                  limit_rows=limit)

            self.tasks.run("write", work, on_done=weak(self._preview_done, generation, limit),
                           on_error=weak(self._preview_failed, generation))

    def _preview_done(self, result: ImportResult, generation: int, limit: int | None) -> None:
        if generation != self._generation or self.result is not None:
            return  # a newer mapping's preview is on its way, or the import already ran
        partial = limit is not None and result.data_rows >= limit
        if partial and self.preview is not None and self.preview.mapping == result.mapping:
            return  # the full preview already arrived
        self.preview = result
        if self._mapping is None or result.mapping != self._mapping:
            self._mapping = result.mapping
            if result.kind == "customers" and result.mapping is not None:
                self.mapping_editor.blockSignals(True)
                self.mapping_editor.set_columns(result.header, result.mapping)
                self.mapping_editor.blockSignals(False)
        products = result.kind == "products"
        self.mapping_box.setVisible(not products)
        self.preview_hint.setVisible(not products)
        if products:
            self.splitter.setSizes([0, self.splitter.width()])
            self.table.setColumnWidth(2, 300)
        self.title.setText(f"<b>{self.path.name}</b> — {result.format_label}")
        self.model.set_rows(result.rows, products=result.kind == "products")
        self._show_counts(result, partial=partial)
        if partial:
            self.status.setText(f"Showing the first {limit} rows; checking the rest…")
            return
        more = " Only the first rows are listed." if result.rows_truncated else ""
        self.status.setText("Nothing has been written yet. Check the rows, then press Import." + more)
        self.import_button.setEnabled(True)
        self.preview_ready.emit(result)

    def _preview_failed(self, error: BaseException, generation: int) -> None:
        if generation != self._generation:
            return
        self._show_error(error)
        self.import_button.setEnabled(False)
        if self.mapping_editor.rowCount() == 0 and isinstance(error, AppError):
            # No usable column: show the file's columns so the owner can say which is which.
            path = self.path
            self.tasks.run("write", lambda ctx: inspect_file(ctx.db, path),
                           on_done=weak(self._columns_ready), on_error=lambda e: None)

    def _columns_ready(self, info) -> None:
        header, _fmt, mapping = info
        if self.mapping_editor.rowCount() == 0:
            self._mapping = mapping
            self.mapping_editor.blockSignals(True)
            self.mapping_editor.set_columns(header, mapping)
            self.mapping_editor.blockSignals(False)

    def _mapping_changed(self, mapping: Mapping) -> None:
        self._mapping = mapping
        self.start_preview(mapping)

    def _show_counts(self, result: ImportResult, *, partial: bool = False) -> None:
        if result.kind == "products":
            p = result.products
            self.counts.setText(
                f"{p.get('products', 0):,} products, {p.get('variant_rows', 0):,} variants: "
                f"New <b>{result.created:,}</b> · Updated <b>{result.updated:,}</b> · Unchanged "
                f"<b>{result.unchanged:,}</b> · Out of stock "
                f"<b>{p.get('out_of_stock_variants', 0):,}</b>")
            return
        counts = result.counts()
        # Thousands grouped, as the customer list counts them: "New 100,000".
        parts = [f"New <b>{counts['new']:,}</b>", f"Updated <b>{counts['updated']:,}</b>",
                 f"Unchanged <b>{counts['unchanged']:,}</b>", f"Merged <b>{counts['merged']:,}</b>",
                 f"Rejected <b>{counts['rejected']:,}</b>",
                 f"Warnings <b>{counts['warnings']:,}</b>"]
        if result.conflicts:
            parts.append(f"Your edits kept <b>{result.conflicts:,}</b>")
        prefix = "In the first rows: " if partial else f"{result.data_rows:,} rows: "
        self.counts.setText(prefix + " · ".join(parts))

    # -- import -------------------------------------------------------------------------------

    def start_import(self) -> None:
        mapping = self._mapping if self.preview and self.preview.kind == "customers" else None
        accepted = set(self.model.accepted)
        path = self.path

        def work(ctx):
            return run_import(ctx.db, path, mapping=mapping, ctx=ctx, accept_conflicts=accepted)

        self.import_button.setEnabled(False)
        self.mapping_editor.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.status.setText("Importing…")
        self._running = self.tasks.run("write", work, on_done=weak(self._import_done),
                                       on_error=weak(self._import_failed))
        self._timer.start()

    def _poll(self) -> None:
        if self._running is None:
            return
        state = self._running.progress()
        if state.total:
            self.progress.setRange(0, state.total)
            self.progress.setValue(min(state.done, state.total))

    def cancel(self) -> None:
        """During an import: stop it (everything rolls back). Otherwise: close the dialog."""
        if self._running is not None:
            self._running.cancel()
            self.status.setText("Cancelling…")
            return
        self.reject()

    def _import_done(self, result: ImportResult) -> None:
        self._stop_running()
        self.result = result
        self.model.set_rows(result.rows, products=result.kind == "products")
        self._show_counts(result)
        self.status.setText(result.summary())
        self.cancel_button.setText("Close")
        self.import_button.setVisible(False)
        self.undo_button.setVisible(True)
        self.announce(Changes(customers=result.kind == "customers",
                              products=result.kind == "products", imports=True))
        self.finished_import.emit(result)
        # The import left its pages in the write-ahead log (storage.import_speed.checkpoint_later).
        self.tasks.run("write", lambda ctx: settle(ctx.db))

    def _import_failed(self, error: BaseException) -> None:
        self._stop_running()
        if isinstance(error, Cancelled):
            self.status.setText("Import cancelled — nothing was changed.")
        else:
            self._show_error(error)
        self.import_button.setEnabled(True)
        self.mapping_editor.setEnabled(True)

    def _stop_running(self) -> None:
        self._running = None
        self._timer.stop()
        self.progress.setVisible(False)

    # -- undo ---------------------------------------------------------------------------------

    def undo(self) -> None:
        if self.result is None or self.result.batch_id is None:
            return
        batch_id = self.result.batch_id
        self.undo_button.setEnabled(False)
        self.tasks.run("write", lambda ctx: undo_import(ctx.db, batch_id),
                       on_done=weak(self._undo_done, batch_id), on_error=weak(self._undo_failed))

    def _undo_done(self, outcome, batch_id: int) -> None:
        counts, changes = outcome
        self.status.setText(f"Import undone: {counts['deleted']:,} removed, "
                            f"{counts['restored']:,} put back as they were.")
        self.announce(changes)
        self.undone.emit(batch_id)

    def _undo_failed(self, error: BaseException) -> None:
        self._show_error(error)
        self.undo_button.setEnabled(True)

    def _show_error(self, error: BaseException) -> None:
        if isinstance(error, AppError):
            self.status.setText(f"<b>{error.message}</b> {error.hint}")
        else:
            self.status.setText(f"<b>Something went wrong:</b> {error}")
            raise error  # a bug: let the crash handler show and log it
