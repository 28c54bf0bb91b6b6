"""The task manager: the only place that hops threads. Named single-thread lanes, results by signal."""

from __future__ import annotations

import contextlib
import itertools
import logging
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop_app.errors import AppError, Cancelled
from desktop_app.progress import TaskContext

log = logging.getLogger(__name__)

LANES = ("write", "read", "net")
PROGRESS_DELAY_MS = 600
PROGRESS_POLL_MS = 100


class _Bridge(QObject):
    """Lives on the UI thread; a signal emitted from a lane is delivered there (queued)."""

    deliver = Signal(object)


class TaskManager(QObject):
    """Runs work in the ``write``, ``read`` and ``net`` lanes, one thread each.

    Work receives a :class:`TaskContext` whose ``db`` is the lane's own connection (opened on
    first use with *open_db*; the ``net`` lane gets none unless it asks). Results and errors come
    back on the UI thread: ``on_done(result)``, or ``on_error(exc)``; without ``on_error`` an
    :class:`AppError` is shown with *error_handler* and anything else goes to ``sys.excepthook``.
    """

    def __init__(
        self,
        open_db: Callable[[], Any] | None,
        *,
        error_handler: Callable[[QWidget | None, AppError], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._open_db = open_db
        self._error_handler = error_handler
        self._local = threading.local()
        self._bridge = _Bridge()
        self._bridge.deliver.connect(self._run_on_ui, Qt.ConnectionType.QueuedConnection)
        self._lanes = {
            name: ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"fondly-{name}")
            for name in LANES
        }
        self._pending = 0
        self._closed = False
        self._tokens = itertools.count()
        self._callbacks: dict[int, tuple] = {}
        self._connections: list[Any] = []
        self._connections_lock = threading.Lock()

    # -- public -------------------------------------------------------------------------------

    def run(
        self,
        lane: str,
        work: Callable[[TaskContext], Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        progress: str | None = None,
        parent: QWidget | None = None,
        needs_db: bool | None = None,
    ) -> TaskContext:
        """Queue *work* on *lane*; returns its context (``cancel()`` to stop it).

        With *progress*, a dialog with that label and a Cancel button appears if the work takes
        longer than ~600 ms.
        """
        if lane not in self._lanes:
            raise ValueError(f"unknown lane {lane!r}")
        ctx = TaskContext()
        use_db = needs_db if needs_db is not None else lane != "net"
        if self._closed:
            # The app is closing: a page reacting to a last result must not start new work.
            log.info("task on the %s lane dropped: the task manager is shut down", lane)
            ctx.cancel()
            return ctx
        dialog = _DelayedProgress(ctx, progress, parent) if progress else None
        self._pending += 1
        # The callbacks (usually bound to widgets) stay on the UI thread: if the lane held the
        # last reference to a closed widget, Qt would destroy it on the wrong thread and crash.
        token = next(self._tokens)
        self._callbacks[token] = (on_done, on_error, dialog, parent)

        def job() -> None:
            try:
                if use_db:
                    ctx.db = self._lane_db()
                outcome: tuple[bool, Any] = (True, work(ctx))
            except BaseException as exc:  # delivered to the UI thread, never lost
                outcome = (False, exc)
            self._bridge.deliver.emit((token, ctx, outcome))

        self._lanes[lane].submit(job)
        return ctx

    def run_sync(self, lane: str, work: Callable[[TaskContext], Any]) -> Any:
        """Run *work* on *lane* and wait for it (tests, shutdown). Not for the UI's hot paths."""
        ctx = TaskContext()

        def job() -> Any:
            ctx.db = self._lane_db()
            return work(ctx)

        future: Future = self._lanes[lane].submit(job)
        return future.result()

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def shutdown(self) -> None:
        """Finish queued work, then close every lane's connection on the lane that opened it."""
        self._closed = True

        def close_own() -> None:
            # sqlite3's same-thread check: a connection may only be closed by its own thread.
            db = getattr(self._local, "db", None)
            if db is not None:
                self._local.db = None
                with self._connections_lock:
                    if db in self._connections:
                        self._connections.remove(db)
                try:
                    db.close()
                except Exception:  # pragma: no cover - closing at exit
                    log.exception("closing a lane connection")

        for executor in self._lanes.values():
            with contextlib.suppress(RuntimeError):  # this lane was shut down already
                executor.submit(close_own).result()
            executor.shutdown(wait=True)

    # -- internals ----------------------------------------------------------------------------

    def _lane_db(self) -> Any:
        db = getattr(self._local, "db", None)
        if db is None and self._open_db is not None:
            db = self._open_db()
            self._local.db = db
            with self._connections_lock:
                self._connections.append(db)
        return db

    def _run_on_ui(self, payload: tuple) -> None:
        token, ctx, outcome = payload
        on_done, on_error, dialog, parent = self._callbacks.pop(token)
        self._finish(ctx, outcome, on_done, on_error, dialog, parent)

    def _finish(self, ctx, outcome, on_done, on_error, dialog, parent) -> None:
        self._pending -= 1
        if dialog is not None:
            dialog.finish()
        ok, value = outcome
        if ok:
            if on_done is not None:
                on_done(value)
            return
        if isinstance(value, Cancelled):
            if on_error is not None:
                on_error(value)
            return
        if on_error is not None:
            on_error(value)
        elif isinstance(value, AppError) and self._error_handler is not None:
            self._error_handler(parent, value)
        else:
            sys.excepthook(type(value), value, value.__traceback__)


class _DelayedProgress(QObject):
    """A progress dialog shown only when the work lasts longer than ~600 ms; Cancel sets the flag."""

    def __init__(self, ctx: TaskContext, label: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._label = label
        self._parent = parent
        self._dialog: QProgressDialog | None = None
        self._done = False
        self._timer = QTimer(self)
        self._timer.setInterval(PROGRESS_POLL_MS)
        self._timer.timeout.connect(self._poll)
        QTimer.singleShot(PROGRESS_DELAY_MS, self._show)

    def _show(self) -> None:
        if self._done:
            return
        dialog = QProgressDialog(self._label, "Cancel", 0, 0, self._parent)
        dialog.setWindowTitle("Fondly")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self._ctx.cancel)
        dialog.show()
        self._dialog = dialog
        self._timer.start()

    def _poll(self) -> None:
        if self._dialog is None:
            return
        state = self._ctx.progress()
        if state.total:
            self._dialog.setMaximum(state.total)
            self._dialog.setValue(min(state.done, state.total))
        if state.label:
            self._dialog.setLabelText(state.label)

    @property
    def shown(self) -> bool:
        return self._dialog is not None

    def finish(self) -> None:
        self._done = True
        self._timer.stop()
        if self._dialog is not None:
            self._dialog.canceled.disconnect(self._ctx.cancel)
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None
        self.deleteLater()
