"""The import dialog end to end under qtbot: preview, mapping change, cancel, import, undo."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt

from desktop_app.importing.engine import BATCH_ROWS
from ui.importing.dialog import ImportDialog

WAIT_MS = 20000


def count(db) -> int:
    return db.execute("SELECT count(*) FROM customers").fetchone()[0]


def open_dialog(qtbot, path, tasks, announced=None):
    dialog = ImportDialog(path, tasks=tasks, announce=(announced.append if announced is not None else None))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_preview_import_undo(qtbot, tasks, db, samples_dir):
    announced = []
    dialog = open_dialog(qtbot, samples_dir / "shopify_customers.csv", tasks, announced)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=WAIT_MS)
    assert "New <b>30</b>" in dialog.counts.text() and "Rejected <b>1</b>" in dialog.counts.text()
    assert dialog.model.rowCount() == 31
    rejected = [dialog.model.outcome(r) for r in range(31) if dialog.model.outcome(r).outcome == "rejected"]
    assert [(o.row, o.message) for o in rejected] == [(16, "No e-mail or phone")]
    assert count(db) == 0  # the preview wrote nothing
    dialog.show_filter.setCurrentText("Rejected")
    assert dialog.model.rowCount() == 1 and dialog.model.outcome(0).row == 16
    dialog.show_filter.setCurrentText("All rows")
    assert dialog.model.rowCount() == 31
    assert dialog.mapping_editor.rowCount() == 21

    with qtbot.waitSignal(dialog.finished_import, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert count(db) == 30
    assert announced and announced[-1].customers and announced[-1].imports
    assert dialog.undo_button.isVisible() and dialog.cancel_button.text() == "Close"

    with qtbot.waitSignal(dialog.undone, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert count(db) == 0
    assert "Import undone: 30 removed" in dialog.status.text()


def test_mapping_change_rescues_an_unknown_header(qtbot, tasks, db, tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text("Who,Reach me at,Colour\nAnn Lee,ann@example.com,red\nBo,,blue\n", encoding="utf-8")
    dialog = open_dialog(qtbot, path, tasks)
    qtbot.waitUntil(lambda: "no column Fondly can use" in dialog.status.text(), timeout=WAIT_MS)
    assert not dialog.import_button.isEnabled()
    # The file's columns are still offered, so the owner can say which one holds the e-mail.
    qtbot.waitUntil(lambda: dialog.mapping_editor.rowCount() == 3, timeout=WAIT_MS)
    dialog.mapping_editor.combo(1).setCurrentIndex(dialog.mapping_editor.combo(1).findData("email"))
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=WAIT_MS)
    dialog.mapping_editor.combo(0).setCurrentIndex(dialog.mapping_editor.combo(0).findData("name"))
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled()
                    and dialog.model.rowCount() == 2 and dialog.model.outcome(0).name == "Ann Lee",
                    timeout=WAIT_MS)
    assert "New <b>1</b>" in dialog.counts.text() and "Rejected <b>1</b>" in dialog.counts.text()
    with qtbot.waitSignal(dialog.finished_import, timeout=WAIT_MS):
        dialog.import_button.click()
    assert db.execute("SELECT display_name, email FROM customers").fetchall() == [
        ("Ann Lee", "ann@example.com")]


def test_cancel_leaves_the_store_untouched(qtbot, tasks, db, tmp_path):
    path = tmp_path / "big.csv"
    path.write_text("Name,Email\n" + "".join(f"P {i},p{i}@example.com\n" for i in range(BATCH_ROWS * 3)),
                    encoding="utf-8")
    dialog = open_dialog(qtbot, path, tasks)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=WAIT_MS)
    gate = threading.Event()
    tasks.run("write", lambda ctx: gate.wait(10), needs_db=False)  # hold the lane
    dialog.import_button.click()
    assert dialog.progress.isVisible()
    dialog.cancel_button.click()
    gate.set()
    qtbot.waitUntil(lambda: "cancelled" in dialog.status.text(), timeout=WAIT_MS)
    assert "nothing was changed" in dialog.status.text()
    assert count(db) == 0
    assert dialog.import_button.isEnabled() and not dialog.progress.isVisible()


def test_conflicts_can_be_accepted_per_row(qtbot, tasks, db, tmp_path):
    from storage import customers

    first = tmp_path / "a.csv"
    first.write_text("Name,Email,Phone\nAnn,ann@example.com,503 555 0101\nBo,bo@example.com,503 555 0102\n",
                     encoding="utf-8")
    from desktop_app.importing.engine import run_import

    run_import(db, first)
    for email in ("ann@example.com", "bo@example.com"):
        c = customers.find_by_email(db, email)
        customers.update(db, c.id, {"phone": "503 555 0199"}, by_owner=True)
    second = tmp_path / "b.csv"
    second.write_text("Name,Email,Phone\nAnn,ann@example.com,503 555 0111\nBo,bo@example.com,503 555 0122\n",
                      encoding="utf-8")
    dialog = open_dialog(qtbot, second, tasks)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=WAIT_MS)
    assert "Your edits kept <b>2</b>" in dialog.counts.text()
    index = dialog.model.index(0, 1)
    assert dialog.model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable
    assert dialog.model.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    with qtbot.waitSignal(dialog.finished_import, timeout=WAIT_MS):
        dialog.import_button.click()
    assert customers.find_by_email(db, "ann@example.com").phone == "503 555 0111"
    assert customers.find_by_email(db, "bo@example.com").phone == "503 555 0199"


def test_a_big_file_is_read_by_a_child_process(qtbot, tasks, db, tmp_path, monkeypatch):
    """Big files are read by a child process (forked from this Qt process, on a worker thread)."""
    from desktop_app.importing import feed

    monkeypatch.setattr(feed, "CHILD_MIN_BYTES", 0)
    started = []
    original = feed.ChildFeed.__enter__
    monkeypatch.setattr(feed.ChildFeed, "__enter__",
                        lambda self: started.append(self._process) or original(self))
    rows = BATCH_ROWS * 2 + 17
    path = tmp_path / "big.csv"
    path.write_text("Name,Email\n" + "".join(f"P {i},p{i}@example.com\n" for i in range(rows))
                    + "Again,P5@Example.com\n", encoding="utf-8")
    dialog = open_dialog(qtbot, path, tasks)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=WAIT_MS)
    with qtbot.waitSignal(dialog.finished_import, timeout=WAIT_MS):
        dialog.import_button.click()
    assert count(db) == rows
    assert dialog.result.merged_rows == 1 and dialog.result.created == rows
    assert started and all(p.exitcode == 0 for p in started)
    # Counts past a thousand are grouped, as the customer list shows them.
    assert f"New <b>{rows:,}</b>" in dialog.counts.text() and "," in f"{rows:,}"
    assert f"{rows + 1:,} rows — {rows:,} new customers" in dialog.status.text()
    tasks.run_sync("write", lambda ctx: None)  # the log is folded into the file after it
