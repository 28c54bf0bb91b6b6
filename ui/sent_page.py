"""The Sent page: every message with its exact text, time and the server's reply; the owner's decisions."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app.changes import Changes
from desktop_app.outbox_actions import decide, resume_sending
from desktop_app.send_job import APP_MAX_PACE_WAIT_S, OutboxStatus, outbox_status, send_now
from desktop_app.sending import SendReport
from storage import outbox
from storage.outbox import OutboxRow
from storage.timestamps import to_iso
from ui.context import UiContext
from ui.sent_model import FILTERS, STATE_WORDS, SentHistoryModel, local_time, when_text

SendNow = Callable[[Any], SendReport]  # runs on the net lane with the lane's TaskContext
Confirm = Callable[[str, str], bool]

# Which decision applies to which state (the storage layer enforces the same rules).
_DECIDABLE = {
    "retry": {"failed", "needs_attention", "deferred"},
    "mark_sent": {"failed", "needs_attention"},
    "discard": {"failed", "needs_attention", "deferred", "queued"},
}


def banner_text(status: OutboxStatus) -> str:
    """The banner in plain words (HTML)."""
    parts = []
    if not status.has_account:
        parts.append("<b>Messages are waiting for a mail account.</b> Set one up in "
                     "Settings → Mail account; approved messages go out once it works.")
    elif status.pause is not None:
        pause = status.pause
        parts.append(f"<b>{html.escape(pause.headline)}</b> {html.escape(pause.message)}")
        if pause.until is not None:
            parts.append(f"Sending resumes at {local_time(to_iso(pause.until))}.")
        elif pause.hint:
            parts.append(html.escape(pause.hint))
    elif status.next_send_at is not None:
        parts.append(f"{status.waiting} waiting. Next send at "
                     f"<b>{local_time(to_iso(status.next_send_at))}</b>.")
    else:
        parts.append("Nothing is waiting to go.")
    if status.needs_decision:
        noun = "message needs" if status.needs_decision == 1 else "messages need"
        parts.append(f"<b>{status.needs_decision} {noun} your decision</b> (see below).")
    return " ".join(parts)


def detail_html(row: OutboxRow, log: list[outbox.LogEntry]) -> str:
    """The exact message as it was (or will be) sent, and what the server said."""
    e = html.escape
    lines = [
        f"<p><b>{e(row.subject)}</b><br>",
        f"To: {e(row.to_name)} &lt;{e(row.to_addr)}&gt;<br>",
        f"Status: {e(STATE_WORDS.get(row.state, row.state))} — {e(when_text(row))}<br>",
    ]
    if row.message_id:
        lines.append(f"Message-ID: {e(row.message_id)}<br>")
    if row.server_reply or row.last_error:
        lines.append(f"Server: {e(row.server_reply or row.last_error or '')}<br>")
    lines.append("</p>")
    lines.append(f"<pre style='white-space: pre-wrap'>{e(row.body_text)}</pre>")
    if log:
        lines.append("<p style='color:#6b6b6b'>History:<br>")
        for entry in log:
            said = f" — {e(entry.detail)}" if entry.detail else ""
            code = f" {e(entry.code)}" if entry.code else ""
            lines.append(f"{e(local_time(entry.at))}: {e(entry.event)}{code}{said}<br>")
        lines.append("</p>")
    return "".join(lines)


def sending_job(secrets) -> SendNow:
    """The work the Send now button (and the app's scheduler) runs on the ``net`` lane.

    *secrets* is the run's ``AccountSecrets``, or a callable returning it (made on first use).

    Run it with ``tasks.run("net", job, needs_db=True, on_done=lambda r: hub.announce(r.changes()))``.
    """
    def job(task):
        resolved = secrets() if callable(secrets) else secrets
        return send_now(task.db, secrets=resolved, ctx=task, max_pace_wait=APP_MAX_PACE_WAIT_S)

    return job


def _ask(parent: QWidget) -> Confirm:
    def confirm(title: str, text: str) -> bool:
        answer = QMessageBox.question(parent, title, text)
        return answer == QMessageBox.StandardButton.Yes

    return confirm


class SentPage(QWidget):
    """History newest first (fetch-more paging), a status filter, the pause banner, decisions."""

    def __init__(
        self,
        ctx: UiContext,
        *,
        send_now: SendNow | None = None,
        confirm: Confirm | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._send_now = send_now
        self._confirm = confirm or _ask(self)
        self.model = SentHistoryModel(ctx.db, parent=self)
        self._build()
        ctx.hub.changed.connect(self._on_changes)
        self.refresh_banner()
        self._show_selected()

    # -- layout -------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        title = QLabel("<h2>Sent</h2>")
        layout.addWidget(title)

        self.banner = QFrame()
        self.banner.setObjectName("sentBanner")
        self.banner.setStyleSheet(
            "#sentBanner { background: palette(alternate-base); border-radius: 6px; }")
        banner_row = QHBoxLayout(self.banner)
        self.banner_label = QLabel()
        self.banner_label.setWordWrap(True)
        self.banner_label.setTextFormat(Qt.TextFormat.RichText)
        self.resume_button = QPushButton("Resume sending")
        self.resume_button.clicked.connect(self.resume)
        self.send_button = QPushButton("Send now")
        self.send_button.setToolTip("Send the messages that are due now, without waiting")
        self.send_button.clicked.connect(self.send_due_now)
        self.send_button.setVisible(self._send_now is not None)
        banner_row.addWidget(self.banner_label, 1)
        banner_row.addWidget(self.resume_button)
        banner_row.addWidget(self.send_button)
        layout.addWidget(self.banner)

        filter_row = QHBoxLayout()
        filter_row.addWidget(QLabel("Show:"))
        self.filter_combo = QComboBox()
        for label, states in FILTERS.items():
            self.filter_combo.addItem(label, states)
        self.filter_combo.currentIndexChanged.connect(self._on_filter)
        filter_row.addWidget(self.filter_combo)
        filter_row.addStretch(1)
        self.run_label = QLabel()
        filter_row.addWidget(self.run_label)
        layout.addLayout(filter_row)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((200, 140, 190, 200)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(self._show_selected)
        self.model.modelReset.connect(self._show_selected)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        right_layout.addWidget(self.detail, 1)
        actions = QHBoxLayout()
        self.retry_button = QPushButton("Retry")
        self.retry_button.setToolTip("Put the message back in the queue to be sent again")
        self.mark_sent_button = QPushButton("Mark as sent")
        self.mark_sent_button.setToolTip("You saw it arrive (e.g. in your mailbox's Sent folder)")
        self.discard_button = QPushButton("Discard")
        self.discard_button.setToolTip("Never send this message")
        self.retry_button.clicked.connect(lambda: self.decide("retry"))
        self.mark_sent_button.clicked.connect(lambda: self.decide("mark_sent"))
        self.discard_button.clicked.connect(lambda: self.decide("discard"))
        for button in (self.retry_button, self.mark_sent_button, self.discard_button):
            actions.addWidget(button)
        actions.addStretch(1)
        right_layout.addLayout(actions)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([640, 420])
        layout.addWidget(splitter, 1)

    # -- refreshing ---------------------------------------------------------------------------

    def activated(self) -> None:
        """Called by the main window when the page is shown."""
        self.model.reload()
        self.refresh_banner()

    def refresh_banner(self) -> None:
        status = outbox_status(self._ctx.db)
        self.status = status
        self.banner_label.setText(banner_text(status))
        self.resume_button.setVisible(status.pause is not None)
        self.send_button.setEnabled(status.has_account and status.pause is None)

    def _on_changes(self, changes: Changes) -> None:
        if changes.outbox or changes.settings:
            self.model.reload()
            self.refresh_banner()

    def _on_filter(self) -> None:
        self.model.set_states(self.filter_combo.currentData())

    # -- selection and decisions --------------------------------------------------------------

    def selected_rows(self) -> list[OutboxRow]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [r for r in (self.model.row_at(i) for i in rows) if r is not None]

    def _show_selected(self, *_args) -> None:
        rows = self.selected_rows()
        if len(rows) == 1:
            row = outbox.get(self._ctx.db, rows[0].id) or rows[0]
            self.detail.setHtml(detail_html(row, outbox.log_entries(self._ctx.db, row.id)))
        elif rows:
            self.detail.setHtml(f"<p>{len(rows)} messages selected.</p>")
        else:
            self.detail.setHtml("<p style='color:#6b6b6b'>Choose a message to see exactly what "
                                "was sent and what the server said.</p>")
        states = {r.state for r in rows}
        for action, button in (("retry", self.retry_button), ("mark_sent", self.mark_sent_button),
                               ("discard", self.discard_button)):
            button.setEnabled(bool(states) and states <= _DECIDABLE[action])

    def decide(self, action: str) -> None:
        ids = [r.id for r in self.selected_rows() if r.state in _DECIDABLE[action]]
        if not ids:
            return
        many = f"these {len(ids)} messages" if len(ids) > 1 else "this message"
        questions = {
            "mark_sent": ("Mark as sent?", f"Mark {many} as sent? Do this when you can see it in "
                          "your mailbox's Sent folder. Fondly will not send it again."),
            "discard": ("Discard?", f"Discard {many}? It will never be sent."),
        }
        if action in questions and not self._confirm(*questions[action]):
            return
        self._ctx.tasks.run(
            "write", lambda task: decide(task.db, action=action, ids=ids),
            on_done=lambda result: self._ctx.hub.announce(result[1]), parent=self,
        )

    def resume(self) -> None:
        self._ctx.tasks.run("write", lambda task: resume_sending(task.db),
                            on_done=self._after_resume, parent=self)

    def _after_resume(self, changes: Changes) -> None:
        self._ctx.hub.announce(changes)
        self.refresh_banner()
        if self._send_now is not None:
            self.send_due_now()

    def send_due_now(self) -> None:
        if self._send_now is None:
            return
        self.send_button.setEnabled(False)
        self.run_label.setText("Sending…")
        self._ctx.tasks.run("net", self._send_now, on_done=self._after_send,
                            on_error=self._send_failed, needs_db=True, parent=self)

    def _after_send(self, report: SendReport) -> None:
        self.run_label.setText(
            f"Sent {report.sent}" + (f", {report.deferred} will retry" if report.deferred else "")
            + (f", {len(report.failed)} failed" if report.failed else ""))
        self._ctx.hub.announce(report.changes())
        self.refresh_banner()

    def _send_failed(self, exc: BaseException) -> None:
        self.run_label.setText(f"Sending stopped: {exc}")
        self.refresh_banner()
