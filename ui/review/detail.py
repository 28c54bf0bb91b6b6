"""The selected draft in full: who, why, consent, the check's findings, when it goes, its text."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from storage.drafts_queue import QueueItem
from ui.review.delegate import SEVERITY_COLOURS, local_time_text, occasion_label, status_text
from ui.review.shortcuts import tip

CONSENT = {
    "yes": ("Agreed to e-mail", "#2e7d32"),
    "unknown": ("E-mail consent unknown", "#6b6b6b"),
    "no": ("Said no to e-mail", "#c62828"),
}


def findings_html(findings) -> str:
    if not findings:
        return "<span style='color:#2e7d32'>✓ The check found nothing to fix.</span>"
    rows = []
    for f in findings:
        colour = SEVERITY_COLOURS.get(f.get("severity"), SEVERITY_COLOURS["info"]).name()
        word = {"block": "Blocks", "warn": "Warning", "info": "Note"}.get(f.get("severity"), "")
        rows.append(f"<div style='margin:2px 0'><b style='color:{colour}'>{word}:</b> "
                    f"{html.escape(f.get('message', ''))}</div>")
    return "".join(rows)


class DraftDetailPane(QWidget):
    """Read-only until E; while editing, every change emits ``text_edited`` (the page debounces)."""

    text_edited = Signal(str, str)
    save_requested = Signal(int, str, str)
    edit_cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item: QueueItem | None = None
        self.editing = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(8)
        self.name = QLabel()
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.name.setFont(font)
        self.contact = QLabel()
        self.contact.setTextFormat(Qt.TextFormat.RichText)
        self.why = QLabel()
        self.why.setWordWrap(True)
        self.findings = QLabel()
        self.findings.setWordWrap(True)
        self.findings.setTextFormat(Qt.TextFormat.RichText)
        self.when = QLabel()
        self.subject = QLineEdit()
        self.subject.setPlaceholderText("Subject")
        self.body = QPlainTextEdit()
        self.body.setPlaceholderText("Message")
        for label in (self.why, self.findings, self.when, self.contact):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        layout.addWidget(self.name)
        layout.addWidget(self.contact)
        layout.addWidget(self.why)
        layout.addWidget(self.findings)
        layout.addWidget(self.when)
        layout.addWidget(QLabel("<b>Subject</b>"))
        layout.addWidget(self.subject)
        layout.addWidget(self.body, 1)

        self.actions = QHBoxLayout()
        self.approve_button = QPushButton("Approve")
        self.approve_button.setToolTip(tip("Approve: the note goes to the outbox", "A"))
        self.skip_button = QPushButton("Skip…")
        self.skip_button.setToolTip(tip("Skip this note, with an optional reason", "S"))
        self.snooze_button = QPushButton("Snooze…")
        self.snooze_button.setToolTip(tip("Put it aside until a later day", "Z"))
        self.never_button = QPushButton("Never this occasion")
        self.never_button.setToolTip(tip("Never write this kind of note to this customer", "N"))
        self.edit_button = QPushButton("Edit")
        self.edit_button.setToolTip(tip("Edit the subject and the message", "E"))
        self.save_button = QPushButton("Save")
        self.save_button.setToolTip(tip("Keep your wording", "Ctrl+Enter"))
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip(tip("Drop your changes", "Esc"))
        self.rerender_button = QPushButton("Re-render from template")
        self.rerender_button.setToolTip("Throw away the edits and write the note from its template again")
        for button in (self.approve_button, self.skip_button, self.snooze_button, self.never_button,
                       self.edit_button, self.rerender_button, self.save_button, self.cancel_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the queue
            self.actions.addWidget(button)
        self.actions.addStretch(1)
        layout.addLayout(self.actions)
        self.save_button.clicked.connect(self._save)
        self.cancel_button.clicked.connect(self.cancel_edit)
        self.subject.textEdited.connect(self._edited)
        self.body.textChanged.connect(self._body_changed)
        for editor in (self.subject, self.body):
            editor.installEventFilter(self)
        self._loading = False
        self.show_item(None)

    # -- showing ----------------------------------------------------------------------------------

    def show_item(self, item: QueueItem | None, *, zone: dt.tzinfo = dt.UTC, today: dt.date | None = None,
                  planned: str = "") -> None:
        """Show *item*; *planned* is when it would go if approved now (ISO, UTC)."""
        if self.editing and item is not None and self.item is not None and item.id == self.item.id:
            return  # a refresh of the draft being edited must not clobber the owner's typing
        self.editing = False
        self.item = item
        today = today or dt.date.today()
        self._loading = True
        self.subject.setText(item.subject if item else "")
        self.body.setPlainText(item.body_text if item else "")
        self._loading = False
        if item is None:
            self.name.setText("Nothing waiting")
            self.contact.setText("")
            self.why.setText("New drafts appear here each morning.")
            self.findings.setText("")
            self.when.setText("")
        else:
            self.name.setText(f"{item.customer_name} — {occasion_label(item.occasion)}")
            consent, colour = CONSENT.get(item.email_consent, CONSENT["unknown"])
            if item.do_not_contact:
                consent, colour = "Do not contact", "#c62828"
            email = html.escape(item.email or "no e-mail address")
            edited = " · <i>edited by you</i>" if item.edited else ""
            self.contact.setText(f"{email} · <span style='color:{colour}'>{consent}</span>{edited}")
            self.why.setText(f"<b>Why:</b> {html.escape(item.why)}")
            self.show_findings(item.findings, checking=item.checked_at is None)
            status = status_text(item, zone, today)
            if status:
                self.when.setText(status)
            elif planned:
                self.when.setText(f"If approved now, it goes {local_time_text(planned, zone, today)}.")
            else:
                self.when.setText("")
        self._set_mode()

    def show_findings(self, findings, *, checking: bool = False) -> None:
        if checking:
            done = findings_html(findings) if findings else ""
            self.findings.setText(done + "<div style='color:#888'>Checking…</div>")
        else:
            self.findings.setText(findings_html(findings))

    # -- editing ----------------------------------------------------------------------------------

    def start_edit(self) -> bool:
        if self.item is None or self.item.queue_status not in ("pending", "snoozed"):
            return False
        self.editing = True
        self._set_mode()
        self.body.setFocus()
        return True

    def cancel_edit(self) -> None:
        if not self.editing:
            return
        item = self.item
        self.editing = False
        self.show_item(item)
        self.edit_cancelled.emit()

    def finish_edit(self) -> None:
        self.editing = False
        self._set_mode()

    def _save(self) -> None:
        if self.editing and self.item is not None:
            self.save_requested.emit(self.item.id, self.subject.text(), self.body.toPlainText())

    def _edited(self, *_):
        if self.editing and not self._loading:
            self.text_edited.emit(self.subject.text(), self.body.toPlainText())

    def _body_changed(self) -> None:
        self._edited()

    def _set_mode(self) -> None:
        waiting = self.item is not None and self.item.queue_status in ("pending", "snoozed")
        for editor in (self.subject, self.body):
            editor.setReadOnly(not self.editing)
            # Out of edit mode the editors take no focus, so single-letter shortcuts reach the page.
            editor.setFocusPolicy(Qt.FocusPolicy.StrongFocus if self.editing else Qt.FocusPolicy.NoFocus)
        for button in (self.approve_button, self.skip_button, self.snooze_button, self.never_button,
                       self.edit_button):
            button.setVisible(not self.editing)
            button.setEnabled(waiting)
        for button in (self.save_button, self.cancel_button, self.rerender_button):
            button.setVisible(self.editing)
        self.rerender_button.setVisible(self.editing or bool(self.item and self.item.edited and waiting))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.KeyPress and self.editing:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self._save()
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.cancel_edit()
                return True
        return False
