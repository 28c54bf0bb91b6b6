"""TaskManager: lanes are threads with their own connections; results and errors come back on the UI thread."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from desktop_app.errors import AppError, Cancelled
from ui.tasks import TaskManager


@pytest.fixture
def tasks(workspace):
    shown: list = []
    manager = TaskManager(workspace.connect, error_handler=lambda parent, exc: shown.append((parent, exc)))
    manager.shown = shown
    yield manager
    manager.shutdown()


def test_results_come_back_on_the_ui_thread(qtbot, tasks):
    seen = {}

    def work(ctx):
        seen["work"] = threading.get_ident()
        return ctx.db.execute("select 40 + 2").fetchone()[0]

    done = []
    tasks.run("read", work, on_done=lambda value: done.append((value, threading.get_ident())))
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert done == [(42, threading.get_ident())]
    assert seen["work"] != threading.get_ident()
    assert not tasks.busy


def test_lanes_are_separate_threads_with_their_own_connections(qtbot, tasks):
    seen = {}

    def probe(lane):
        def work(ctx):
            seen.setdefault(lane, []).append((threading.current_thread().name, id(ctx.db), ctx.db))
        return work

    for lane in ("write", "read", "net", "write"):
        tasks.run(lane, probe(lane), needs_db=True)
    qtbot.waitUntil(lambda: len(seen.get("write", [])) == 2 and "read" in seen and "net" in seen,
                    timeout=5000)
    threads = {lane: seen[lane][0][0] for lane in seen}
    assert threads["write"].startswith("fondly-write") and threads["read"].startswith("fondly-read")
    assert len(set(threads.values())) == 3
    connections = {lane: seen[lane][0][1] for lane in seen}
    assert len(set(connections.values())) == 3
    assert seen["write"][0][1] == seen["write"][1][1]  # a lane keeps its connection


def test_the_net_lane_gets_no_connection_unless_it_asks(qtbot, tasks):
    got = []
    tasks.run("net", lambda ctx: ctx.db, on_done=got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert got == [None]


def test_app_error_goes_to_the_error_handler(qtbot, tasks):
    parent = QWidget()
    qtbot.addWidget(parent)

    def fail(ctx):
        raise AppError("The file is locked.", "Close it in Excel and try again.")

    tasks.run("write", fail, parent=parent)
    qtbot.waitUntil(lambda: bool(tasks.shown), timeout=5000)
    (where, error), = tasks.shown
    assert where is parent and error.hint == "Close it in Excel and try again."


def test_on_error_gets_the_error_instead(qtbot, tasks):
    errors = []
    tasks.run("write", lambda ctx: 1 / 0, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ZeroDivisionError) and not tasks.shown


def test_a_bug_reaches_the_excepthook(qtbot, tasks):
    with qtbot.captureExceptions() as exceptions:
        tasks.run("read", lambda ctx: [][1])
        qtbot.waitUntil(lambda: bool(exceptions), timeout=5000)
    assert exceptions[0][0] is IndexError


def _dialogs(parent: QWidget) -> list[QProgressDialog]:
    return [d for d in parent.findChildren(QProgressDialog) if d.isVisible()]


def test_progress_dialog_appears_only_for_slow_work_and_cancel_sets_the_flag(qtbot, tasks):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    started = threading.Event()

    def slow(ctx):
        started.set()
        ctx.report(0, 10, "Importing customers…")
        for _ in range(1000):  # ~10 s at most, so that a failing test cannot hang the lane
            ctx.raise_if_cancelled()
            threading.Event().wait(0.01)
        return "not cancelled"

    errors = []
    ctx = tasks.run("write", slow, progress="Working…", parent=parent, on_error=errors.append)
    assert started.wait(5)
    assert _dialogs(parent) == []  # nothing shown before the delay has passed on the event loop
    qtbot.waitUntil(lambda: bool(_dialogs(parent)), timeout=5000)
    dialog = _dialogs(parent)[0]
    qtbot.waitUntil(lambda: dialog.labelText() == "Importing customers…", timeout=2000)
    assert dialog.maximum() == 10
    assert not ctx.cancelled
    cancel = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Cancel")
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert ctx.cancelled
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], Cancelled)
    qtbot.waitUntil(lambda: _dialogs(parent) == [], timeout=2000)


def test_quick_work_never_shows_a_progress_dialog(qtbot, tasks):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    done = []
    tasks.run("write", lambda ctx: "quick", progress="Working…", parent=parent, on_done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    qtbot.wait(800)  # past the ~600 ms delay: the finished task's dialog must never appear
    assert parent.findChildren(QProgressDialog) == []


def test_unknown_lane_is_refused(tasks):
    with pytest.raises(ValueError):
        tasks.run("fast", lambda ctx: None)


def test_shutdown_closes_lane_connections_on_their_own_threads(qtbot, workspace):
    manager = TaskManager(workspace.connect)
    assert manager.run_sync("write", lambda ctx: ctx.db.execute("select 1").fetchone()[0]) == 1
    manager.run_sync("read", lambda ctx: None)
    manager.shutdown()  # sqlite3 would raise if a connection were closed from this thread
    assert manager._connections == []
