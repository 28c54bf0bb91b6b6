"""A Qt-free context that long operations receive: progress is pulled, cancel is a flag."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from desktop_app.errors import Cancelled


@dataclass
class ProgressState:
    done: int = 0
    total: int = 0
    label: str = ""


@dataclass
class TaskContext:
    """Handed to work running in a lane. ``db`` is that lane's own connection (or None)."""

    db: object = None
    _state: ProgressState = field(default_factory=ProgressState)
    _cancel: threading.Event = field(default_factory=threading.Event)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def report(self, done: int, total: int = 0, label: str = "") -> None:
        with self._lock:
            self._state = ProgressState(done, total, label or self._state.label)

    def progress(self) -> ProgressState:
        with self._lock:
            return self._state

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def raise_if_cancelled(self) -> None:
        """:raises Cancelled: when the owner asked to stop."""
        if self._cancel.is_set():
            raise Cancelled()
