"""Keyboard shortcuts that stay where they belong."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget


def shortcut(keys: QKeySequence, widget: QWidget, slot: Callable[[], None],
             context: Qt.ShortcutContext) -> QShortcut:
    """A shortcut active only in *context* of *widget*.

    Set the context after construction: PySide6 6.12 ignores the constructor's context argument,
    which would make e.g. the table's Return key fire in every text field of the window.
    """
    action = QShortcut(keys, widget)
    action.setContext(context)
    action.activated.connect(slot)
    return action
