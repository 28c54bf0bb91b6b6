"""The check rerun while the owner types: debounced, on the read lane, stale answers dropped."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from desktop_app.review import ReviewService
from desktop_app.review_facts import run_check, with_text
from ui.review.detail import DraftDetailPane
from ui.tasks import TaskManager

LIVE_CHECK_DELAY_MS = 300


class LiveCheck(QObject):
    """Listens to the detail pane's edits; shows the findings of the text as it is now."""

    def __init__(self, detail: DraftDetailPane, service: ReviewService, tasks: TaskManager, *,
                 on_error: Callable[[BaseException], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._detail = detail
        self._service = service
        self._tasks = tasks
        self._on_error = on_error
        self._seq = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(LIVE_CHECK_DELAY_MS)
        self._timer.timeout.connect(self._run)
        detail.text_edited.connect(lambda *_: self._timer.start())

    def stop(self) -> None:
        self._timer.stop()
        self._seq += 1  # an answer still on its way is for text that no longer matters

    def _run(self) -> None:
        detail = self._detail
        item = detail.item
        if item is None or not detail.editing:
            return
        self._seq += 1
        seq, subject, body = self._seq, detail.subject.text(), detail.body.toPlainText()
        detail.show_findings(item.findings, checking=True)
        service = self._service

        def work(ctx):
            facts = service.facts(ctx.db, item.id)
            return run_check(service.check, with_text(facts, subject=subject, body=body))

        def done(findings):
            if seq == self._seq and detail.editing:
                detail.show_findings(findings)

        self._tasks.run("read", work, on_done=done, on_error=self._on_error)
