"""The Today page: the review queue on the left, the selected draft on the right, keyboard first."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Sequence

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.changes import Changes
from desktop_app.errors import AppError
from desktop_app.review import Outcome, ReviewService
from desktop_app.send_plan import planned_send_at, shop_zone
from storage.drafts_queue import QueueItem
from storage.timestamps import to_iso
from ui.context import UiContext
from ui.review.delegate import DraftCardDelegate
from ui.review.detail import DraftDetailPane
from ui.review.header import ReviewHeader
from ui.review.live_check import LiveCheck
from ui.review.model import WAITING, DraftIdRole, ReviewQueueModel
from ui.review.prompt import InlinePromptBar
from ui.review.queue_view import QueueListView
from ui.review.shortcuts import ShortcutHelpOverlay
from ui.review.wording import describe, never_question, override_question, who


class ReviewPage(QWidget):
    """Drafts grouped by day and occasion. All writes run on the ``write`` lane.

    *has_account* must be cheap (no keyring): it decides whether the "waiting for an account"
    banner shows. *ask_for_account* (e.g. opening the mail account dialog) is called once, after
    the first approval made while there is no account.
    """

    loaded = Signal()
    action_finished = Signal(object)  # Outcome

    def __init__(self, ctx: UiContext, service: ReviewService, *,
                 has_account: Callable[[], bool] = lambda: False,
                 ask_for_account: Callable[[], None] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.service = service
        self._has_account = has_account
        self._ask_for_account = ask_for_account
        self._settings = ctx.settings()
        self._zone = shop_zone(self._settings)
        self._announcing = False
        self._marking = False  # X or Shift+J/K started a group selection

        self.header = ReviewHeader()
        self.counts, self.banner = self.header.counts, self.header.banner
        self.undo_button, self.clean_button = self.header.undo_button, self.header.clean_button

        self.model = ReviewQueueModel(self)
        self.delegate = DraftCardDelegate(self.model, self)
        self.list = QueueListView(self.model, self.delegate)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._show_current())
        self.detail = DraftDetailPane()
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([440, 620])

        self.message = QLabel()
        # One fixed line: a status line that changes height would resize the list and make it
        # lay out all 500 rows again.
        self.message.setFixedHeight(self.message.fontMetrics().height() + 6)
        self.prompt = InlinePromptBar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 6)
        layout.addWidget(self.header)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.prompt)
        self.help = ShortcutHelpOverlay(self)
        # A new day brings snoozed drafts back and moves "today": list again when the date turns.
        self._day_timer = QTimer(self)
        self._day_timer.setInterval(60_000)
        self._day_timer.timeout.connect(self.check_day)
        self._day_timer.start()

        self.live_check = LiveCheck(self.detail, service, ctx.tasks, on_error=self._failed, parent=self)

        self.undo_button.clicked.connect(self.undo)
        self.clean_button.clicked.connect(self.approve_all_clean)
        self.header.help_button.clicked.connect(self.help.toggle)
        self.detail.approve_button.clicked.connect(self.approve)
        self.detail.skip_button.clicked.connect(self.ask_skip)
        self.detail.snooze_button.clicked.connect(self.ask_snooze)
        self.detail.never_button.clicked.connect(self.ask_never)
        self.detail.edit_button.clicked.connect(self.edit)
        self.detail.rerender_button.clicked.connect(self.rerender)
        self.detail.save_requested.connect(self._save_edit)
        self.detail.edit_cancelled.connect(self._edit_cancelled)
        self.prompt.accepted.connect(self._prompt_accepted)
        self.prompt.cancelled.connect(self.list.setFocus)
        ctx.hub.changed.connect(self._on_changes)
        self._pending_prompt: tuple[str, list[int]] = ("", [])
        self._update_chrome()
        self.reload()

    # -- loading ----------------------------------------------------------------------------------

    def activated(self) -> None:
        self.reload()

    def reload(self) -> None:
        """List the queue at once (read lane), then recheck stale findings (write lane) and,
        when any changed, list again: 500 drafts show before the check has read them all."""
        self._settings = self.ctx.settings()
        self._zone = shop_zone(self._settings)
        tasks = self.ctx.tasks

        def relist(checked: int) -> None:
            if checked:
                tasks.run("read", lambda c: self.service.queue(c.db, refresh=False),
                          on_done=self._loaded, on_error=self._failed)

        def recheck() -> None:
            tasks.run("write", lambda c: self.service.refresh(c.db), on_done=relist,
                      on_error=self._failed)

        def listed(items: Sequence[QueueItem]) -> None:
            self._loaded(items)
            # The check starts once the list is painted: run beside the listing and the first
            # paint, its Python work takes the GIL from both (the list showed in 50–250 ms).
            QTimer.singleShot(0, recheck)

        tasks.run("read", lambda c: self.service.queue(c.db, refresh=False),
                  on_done=listed, on_error=self._failed)

    def check_day(self) -> None:
        if self.service.today(self._settings) != self.model.today and not self.detail.editing:
            self.reload()

    def _loaded(self, items: Sequence[QueueItem]) -> None:
        current = self.current_item()
        today = self.service.today(self._settings)
        self.delegate.zone, self.delegate.today = self._zone, today
        self.model.set_items(items, today=today)
        row = self.model.row_of(current.id) if current else None
        if row is None:
            row = self.model.first_draft_row()
        if row is not None:
            self._go(row)
        else:
            self._show_current()
        self._update_chrome()
        self.list.setFocus()
        self.loaded.emit()

    def _on_changes(self, changes: Changes) -> None:
        if (changes.drafts or changes.customers or changes.settings) and not self._announcing:
            self.reload()

    # -- moving -----------------------------------------------------------------------------------

    def current_item(self) -> QueueItem | None:
        return self.model.item(self.list.currentIndex().row())

    def selected_ids(self) -> list[int]:
        ids = [i.data(DraftIdRole) for i in self.list.selectionModel().selectedIndexes()]
        ids = [i for i in ids if i is not None]
        if len(ids) < 2 and not self._marking:  # a lone selection is just the cursor
            ids = []
        if not ids and self.current_item() is not None:
            ids = [self.current_item().id]
        return sorted(ids, key=lambda i: self.model.row_of(i) or 0)

    def move(self, direction: int, *, extend: bool = False) -> None:
        row = self.model.step(self.list.currentIndex().row(), direction)
        if row is None:
            return
        if extend:  # the draft we leave and the one we reach are both in the selection
            self._marking = True
            self.list.selectionModel().select(self.list.currentIndex(), QItemSelectionModel.SelectionFlag.Select)
        self._go(row, extend=extend)

    def toggle_selected(self) -> None:
        """X marks drafts for a group action; J/K then move without losing the marks."""
        index = self.list.currentIndex()
        if not index.isValid():
            return
        flag = QItemSelectionModel.SelectionFlag
        if not self._marking:
            self._marking = True
            self.list.selectionModel().select(index, flag.ClearAndSelect)
        else:
            self.list.selectionModel().select(index, flag.Toggle)

    def clear_marks(self) -> None:
        self._marking = False
        if self.list.currentIndex().isValid():
            self._go(self.list.currentIndex().row())

    def _go(self, row: int, *, extend: bool = False) -> None:
        flag = QItemSelectionModel.SelectionFlag
        if extend:
            mode = flag.Select
        elif self._marking:
            mode = flag.NoUpdate
        else:
            mode = flag.ClearAndSelect
        self.list.selectionModel().setCurrentIndex(self.model.index(row), mode)
        self.list.scrollTo(self.model.index(row))

    def _advance_past(self, ids: Sequence[int]) -> None:
        """After deciding *ids*, go to the next draft that still waits (or the next row)."""
        self._marking = False
        rows = [self.model.row_of(i) for i in ids if self.model.row_of(i) is not None]
        if not rows:
            return
        last = max(rows)
        nxt = self.model.step(last, 1, waiting_only=True) or self.model.step(last, 1)
        if nxt is not None:
            self._go(nxt)

    def _show_current(self) -> None:
        item = self.current_item()
        planned = ""
        if item is not None and item.queue_status in WAITING:
            day = dt.date.fromisoformat(item.occasion_date[:10]) if item.occasion_date else None
            planned = to_iso(planned_send_at(occasion=item.occasion, occasion_date=day, now=self.service.now(),
                                             settings=self._settings, zone=self._zone))
        self.detail.show_item(item, zone=self._zone, today=self.model.today, planned=planned)

    # -- keys -------------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if not self._handle_key(event):
            super().keyPressEvent(event)

    def _handle_key(self, event: QKeyEvent) -> bool:
        if self.prompt.kind or self.detail.editing:
            return False
        key, shift = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            return False
        actions = {
            Qt.Key.Key_J: lambda: self.move(1, extend=shift),
            Qt.Key.Key_K: lambda: self.move(-1, extend=shift),
            Qt.Key.Key_A: self.approve_all_clean if shift else self.approve,
            Qt.Key.Key_S: self.ask_skip,
            Qt.Key.Key_Z: self.ask_snooze,
            Qt.Key.Key_N: self.ask_never,
            Qt.Key.Key_E: self.edit,
            Qt.Key.Key_U: self.undo,
            Qt.Key.Key_X: self.toggle_selected,
            Qt.Key.Key_Escape: self.clear_marks,
        }
        if event.text() == "?" or key == Qt.Key.Key_Question:
            self.help.toggle()
            return True
        action = actions.get(key)
        if action is None:
            return False
        action()
        return True

    # -- actions ----------------------------------------------------------------------------------

    def approve(self) -> None:
        ids = self._waiting(self.selected_ids())
        if not ids:
            return
        blocked = [i for i in ids if self._item(i).worst_severity == "block"]
        clean = [i for i in ids if i not in blocked]
        if clean:
            self._run(lambda db: self.service.approve(db, clean))
        if blocked:
            self._ask_override(blocked)
        else:
            self._advance_past(ids)

    def approve_all_clean(self) -> None:
        self._run(self.service.approve_all_clean)

    def ask_skip(self) -> None:
        ids = self._waiting(self.selected_ids())
        if ids:
            self._pending_prompt = ("skip", ids)
            self.prompt.ask_text("skip", f"Skip {who(self._items(ids))}? A reason helps you later (optional).",
                                 "Skip", placeholder="Reason, e.g. “she moved away”")

    def ask_snooze(self) -> None:
        ids = self._waiting(self.selected_ids())
        if ids:
            today = self.service.today(self._settings)
            self._pending_prompt = ("snooze", ids)
            self.prompt.ask_date("snooze", f"Snooze {who(self._items(ids))} until:", "Snooze",
                                 default=today + dt.timedelta(days=1), minimum=today + dt.timedelta(days=1))

    def ask_never(self) -> None:
        ids = self._waiting(self.selected_ids())
        if ids:
            self._pending_prompt = ("never", ids)
            self.prompt.ask_confirm("never", never_question(self._items(ids)), "Never again")

    def _ask_override(self, ids: list[int]) -> None:
        self._pending_prompt = ("override", ids)
        self.prompt.ask_confirm("override", override_question(self._items(ids)), "Approve anyway")

    def _prompt_accepted(self, value) -> None:
        kind, ids = self._pending_prompt
        self._pending_prompt = ("", [])
        if kind == "skip":
            self._run(lambda db: self.service.skip(db, ids, reason=str(value)))
        elif kind == "snooze":
            self._run(lambda db: self.service.snooze(db, ids, until=value))
        elif kind == "never":
            self._run(lambda db: self.service.never(db, ids))
        elif kind == "override":
            self._run(lambda db: self.service.approve(db, ids, override=True))
        self._advance_past(ids)
        self.list.setFocus()

    def edit(self) -> None:
        if self.detail.start_edit():
            self.message.setText("Editing: Ctrl+Enter keeps your wording, Esc drops it.")

    def _edit_cancelled(self) -> None:
        self.live_check.stop()
        self.message.setText("Your changes were dropped.")
        self.list.setFocus()

    def _save_edit(self, draft_id: int, subject: str, body: str) -> None:
        self.live_check.stop()
        self.detail.finish_edit()
        self._run(lambda db: self.service.edit(db, draft_id, subject=subject, body_text=body))
        self.list.setFocus()

    def rerender(self) -> None:
        item = self.detail.item
        if item is not None:
            self.detail.finish_edit()
            self._run(lambda db: self.service.rerender(db, item.id))

    def undo(self) -> None:
        self._run(self.service.undo)

    # -- results ----------------------------------------------------------------------------------

    def _run(self, work: Callable) -> None:
        def job(c):
            outcome: Outcome = work(c.db)
            ids = list(outcome.done) + [r.draft_id for r in outcome.refused]
            return outcome, self.service.items(c.db, ids)

        self.ctx.tasks.run("write", job, on_done=self._acted, on_error=self._failed)

    def _acted(self, result) -> None:
        outcome, items = result
        known = {i.id for i in self.model.items()}
        self.model.update_items(items)
        if outcome.action == "approve_all_clean" and not set(outcome.done) <= known:
            self.reload()
        self._show_current()
        self._update_chrome()
        self.message.setText(describe(outcome))
        blocked = [r.draft_id for r in outcome.refused if r.code == "blocked" and self.model.row_of(r.draft_id) is not None]
        if blocked and not self.prompt.kind:
            self._ask_override(blocked)
        if outcome.outbox_ids and self._ask_for_account is not None and not self._has_account():
            ask, self._ask_for_account = self._ask_for_account, None
            QTimer.singleShot(0, ask)  # after this result is shown, not inside the task callback
        self._announcing = True
        try:
            self.ctx.hub.announce(outcome.changes)
        finally:
            self._announcing = False
        self.action_finished.emit(outcome)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, AppError):
            self.message.setText(f"<span style='color:#c62828'>{exc}</span>")
            return
        sys.excepthook(type(exc), exc, exc.__traceback__)

    # -- helpers ----------------------------------------------------------------------------------

    def _update_chrome(self) -> None:
        waiting = [i for i in self.model.items() if i.queue_status == "pending"]
        flagged = sum(1 for i in waiting if not i.is_clean)
        self.counts.setText(f"{len(waiting)} waiting" + (f" · {flagged} need a look" if flagged else ""))
        self.banner.setVisible(not self._has_account())
        self.undo_button.setEnabled(self.service.undo_label is not None)

    def _item(self, draft_id: int) -> QueueItem:
        return self.model.item(self.model.row_of(draft_id))

    def _waiting(self, ids: Sequence[int]) -> list[int]:
        return [i for i in ids if self._item(i).queue_status in WAITING]

    def _items(self, ids: Sequence[int]) -> list[QueueItem]:
        return [self._item(i) for i in ids]
