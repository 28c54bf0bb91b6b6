"""File → Import customers… / Undo last import / Import history…, and files dropped on the window."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from storage import imports as import_store
from ui.importing.weak import weak

if TYPE_CHECKING:  # the dialogs (and the importers behind them) load when first opened
    from ui.importing.dialog import ImportDialog
    from ui.importing.history import ImportHistoryDialog

FILE_FILTER = ("Customer lists (*.csv *.tsv *.txt *.xlsx *.vcf *.vcard *.ldif);;"
               "All files (*)")


class ImportActions(QObject):
    """What :func:`install_import_actions` adds; kept on the window so tests can drive it."""

    def __init__(self, window: QMainWindow, ctx) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.dialogs: list[ImportDialog] = []
        self.import_action = QAction("&Import customers…", window)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(self.choose_file)
        self.undo_action = QAction("&Undo last import", window)
        self.undo_action.triggered.connect(self.confirm_undo_last)
        self.history_action = QAction("Import &history…", window)
        self.history_action.triggered.connect(self.show_history)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, "Import customers", "", FILE_FILTER)
        if path:
            self.open_dialog(Path(path))

    def open_dialog(self, path: Path) -> ImportDialog:
        from ui.importing.dialog import ImportDialog

        dialog = ImportDialog(path, tasks=self.ctx.tasks, announce=self.ctx.hub.announce,
                              parent=self.window)
        self.dialogs = [d for d in self.dialogs if d.isVisible()] + [dialog]
        dialog.show()
        return dialog

    def confirm_undo_last(self) -> None:
        batch = import_store.last_undoable(self.ctx.db)
        if batch is None:
            QMessageBox.information(self.window, "Fondly", "There is no import to undo.")
            return
        answer = QMessageBox.question(
            self.window, "Undo last import",
            f"Undo the import of {batch.file_name}? Customers it added are removed and customers "
            "it changed are put back as they were.")
        if answer == QMessageBox.StandardButton.Yes:
            self.undo_last()

    def undo_last(self) -> None:
        """Undo the newest import in place, on the write lane; errors go to the AppError dialog."""
        from desktop_app.importing.history import undo_last_import

        self.ctx.tasks.run("write", lambda task: undo_last_import(task.db),
                           on_done=weak(self._undone), parent=self.window)

    def _undone(self, outcome) -> None:
        batch, counts, changes = outcome
        self.ctx.hub.announce(changes)
        self.window.statusBar().showMessage(
            f"Import of {batch.file_name} undone: {counts['deleted']} removed, "
            f"{counts['restored']} put back.", 8000)

    def show_history(self) -> ImportHistoryDialog:
        from ui.importing.history import ImportHistoryDialog

        dialog = ImportHistoryDialog(db=self.ctx.db, tasks=self.ctx.tasks,
                                     announce=self.ctx.hub.announce, parent=self.window)
        dialog.show()
        return dialog

    # Drops: the window accepts files; the first local file opens the import dialog.
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if _local_files(event):
                event.acceptProposedAction()
                return True
        elif event.type() == QEvent.Type.Drop:
            files = _local_files(event)
            if files:
                event.acceptProposedAction()
                self.open_dialog(files[0])
                return True
        return super().eventFilter(watched, event)


def _local_files(event) -> list[Path]:
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def install_import_actions(window, ctx) -> ImportActions:
    """Add the import entries to *window*'s File menu and accept dropped files.

    *ctx* is the UiContext (``tasks``, ``db``, ``hub``). Returns the actions object (also kept
    as ``window.import_actions``).
    """
    actions = ImportActions(window, ctx)
    for action in (actions.import_action, actions.undo_action, actions.history_action):
        window.add_file_action(action)
    window.file_menu.insertSeparator(window.file_menu.actions()[-1])
    window.setAcceptDrops(True)
    window.installEventFilter(actions)
    window.import_actions = actions
    return actions
