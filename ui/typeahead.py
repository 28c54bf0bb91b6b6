"""A line edit with type-ahead over customers or products, usable from the keyboard alone."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

# (label shown, id) pairs for what was typed.
Suggest = Callable[[str], list[tuple[str, int]]]


class TypeAheadEdit(QLineEdit):
    """Suggests as you type; Down/Enter or a click picks one; ``chosen_id`` is the pick (or None)."""

    chosen = Signal(int)

    def __init__(self, suggest: Suggest, *, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._suggest = suggest
        self._ids: dict[str, int] = {}
        self.chosen_id: int | None = None
        self.setPlaceholderText(placeholder)
        self._model = QStringListModel(self)
        completer = QCompleter(self._model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        # The list is already filtered in SQL (FTS prefix match); show it as it is.
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.activated[str].connect(self._pick)
        self.setCompleter(completer)
        self.textEdited.connect(self._refresh)

    def _refresh(self, text: str) -> None:
        self.chosen_id = None
        pairs = self._suggest(text) if text.strip() else []
        self._ids = {label: ident for label, ident in pairs}
        self._model.setStringList(list(self._ids))
        if pairs:
            self.completer().complete()

    def _pick(self, label: str) -> None:
        if label in self._ids:
            self.chosen_id = self._ids[label]
            self.setText(label)
            self.chosen.emit(self.chosen_id)

    def resolve(self) -> int | None:
        """The chosen id; when nothing was picked but exactly one suggestion matches, that one."""
        if self.chosen_id is not None:
            return self.chosen_id
        if self.text() in self._ids:
            return self._ids[self.text()]
        pairs = self._suggest(self.text()) if self.text().strip() else []
        if len(pairs) == 1:
            self.chosen_id = pairs[0][1]
            return self.chosen_id
        return None

    def reset(self) -> None:
        self.clear()
        self.chosen_id = None
        self._ids = {}
        self._model.setStringList([])


def customer_suggestions(db) -> Suggest:
    from desktop_app.lookup import suggest_customers

    def suggest(text: str) -> list[tuple[str, int]]:
        return [(f"{c.name} <{c.email}>" if c.email else c.name, c.id) for c in suggest_customers(db, text)]

    return suggest


def product_suggestions(db) -> Suggest:
    from desktop_app.lookup import suggest_products

    def suggest(text: str) -> list[tuple[str, int]]:
        return [(f"{p.label} [{p.sku}]" if p.sku else p.label, p.id) for p in suggest_products(db, text)]

    return suggest
