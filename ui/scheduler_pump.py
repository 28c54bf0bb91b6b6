"""Pumps the drafting schedule from the Qt event loop and notices clock gaps (resume from sleep)."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

PUMP_INTERVAL_MS = 30_000
# A tick this much later than planned means the computer slept (or the clock jumped).
GAP_SECONDS = 5 * 60


class SchedulerPump(QObject):
    """Calls ``run_pending()`` every ~30 s; on a wall-clock gap, calls *on_resume* (catch-up)."""

    resumed = Signal(float)  # seconds missed

    def __init__(
        self,
        run_pending: Callable[[], None],
        *,
        on_resume: Callable[[], None] | None = None,
        interval_ms: int = PUMP_INTERVAL_MS,
        clock: Callable[[], float] = time.time,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._run_pending = run_pending
        self._on_resume = on_resume
        self._interval = interval_ms / 1000
        self._clock = clock
        self._last = clock()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.tick)

    def start(self) -> None:
        self._last = self._clock()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def tick(self) -> None:
        now = self._clock()
        missed = now - self._last - self._interval
        self._last = now
        if missed > GAP_SECONDS or missed < -GAP_SECONDS:
            self.resumed.emit(missed)
            if self._on_resume is not None:
                self._on_resume()
        self._run_pending()
