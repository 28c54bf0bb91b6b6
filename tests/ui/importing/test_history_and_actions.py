"""Import history with Undo, and the File-menu / drop wiring on the main window."""

from __future__ import annotations

import re

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from desktop_app.importing.engine import run_import
from storage.imports import get_batch
from ui.context import UiContext
from ui.importing.actions import install_import_actions
from ui.importing.dialog import ImportDialog
from ui.importing.history import ImportHistoryWidget
from ui.main_window import MainWindow, Page
from ui.placeholder import PlaceholderPage

WAIT_MS = 20000


def test_history_lists_and_undoes(qtbot, tasks, db, samples_dir):
    first = run_import(db, samples_dir / "shopify_customers.csv")
    second = run_import(db, samples_dir / "mailchimp_audience.csv")
    announced = []
    widget = ImportHistoryWidget(db=db, tasks=tasks, announce=announced.append)
    qtbot.addWidget(widget)
    assert widget.table.rowCount() == 2
    assert widget.table.item(0, 1).text() == "mailchimp_audience.csv"
    assert widget.table.item(0, 6).text() == "In place"
    # When, in the owner's own time zone and words, as the Sent page shows it ("26 Nov 2026, 09:16").
    assert re.fullmatch(r"\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}", widget.table.item(0, 0).text())
    widget.select_batch(second.batch_id)
    assert widget.undo_button.isEnabled()
    with qtbot.waitSignal(widget.undone, timeout=WAIT_MS):
        widget.undo_button.click()
    assert widget.table.item(0, 6).text() == "Undone"
    assert get_batch(db, second.batch_id).undone_at is not None
    assert db.execute("SELECT count(*) FROM customers").fetchone()[0] == 30
    assert announced[-1].customers
    widget.select_batch(second.batch_id)
    assert not widget.undo_button.isEnabled()  # already undone
    widget.select_batch(first.batch_id)
    assert widget.undo_button.isEnabled()


def make_window(qtbot, db, tasks, tmp_path):
    from desktop_app.workspace import Workspace

    ctx = UiContext(workspace=Workspace.at(str(tmp_path)), db=db, tasks=tasks)
    window = MainWindow([Page("today", "Today", PlaceholderPage("Today", "…"))])
    qtbot.addWidget(window)
    actions = install_import_actions(window, ctx)
    return window, actions, ctx


def test_menu_entries_and_drop_opens_the_dialog(qtbot, db, tasks, tmp_path, samples_dir):
    window, actions, ctx = make_window(qtbot, db, tasks, tmp_path)
    titles = [a.text() for a in window.file_menu.actions()]
    assert titles[:3] == ["&Import customers…", "&Undo last import", "Import &history…"]
    assert titles[-1] == "&Quit"
    assert window.acceptDrops()

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(samples_dir / "contacts.vcf"))])
    window.show()
    # Qt delivers a drop only to the widget that accepted the drag's enter event.
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    assert len(actions.dialogs) == 1
    dialog: ImportDialog = actions.dialogs[0]
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=WAIT_MS)
    assert dialog.preview.format == "vcard"
    changes = []
    ctx.hub.changed.connect(changes.append)
    with qtbot.waitSignal(dialog.finished_import, timeout=WAIT_MS):
        dialog.import_button.click()
    assert changes and changes[-1].customers

    # Undo last import from the menu's handler (the confirmation box is the only part skipped).
    with qtbot.waitSignal(ctx.hub.changed, timeout=WAIT_MS):
        actions.undo_last()
    assert db.execute("SELECT count(*) FROM customers").fetchone()[0] == 0
    assert "undone" in window.statusBar().currentMessage()
    history = actions.show_history()
    qtbot.addWidget(history)
    assert history.history.table.item(0, 6).text() == "Undone"
