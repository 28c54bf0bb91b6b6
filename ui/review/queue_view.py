"""The queue's list view: painted cards, several selectable, letter keys left to the page."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QListView

PAGE_KEYS = {Qt.Key.Key_J, Qt.Key.Key_K, Qt.Key.Key_A, Qt.Key.Key_S, Qt.Key.Key_Z, Qt.Key.Key_N,
             Qt.Key.Key_E, Qt.Key.Key_U, Qt.Key.Key_X, Qt.Key.Key_Question, Qt.Key.Key_Slash,
             Qt.Key.Key_Escape}


class QueueListView(QListView):
    """A list view would type-ahead search with letters; here they are the page's shortcuts."""

    def __init__(self, model: QAbstractItemModel, delegate: QAbstractItemDelegate) -> None:
        super().__init__()
        self.setModel(model)
        self.setItemDelegate(delegate)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setUniformItemSizes(False)  # group headers are shorter than cards
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setMinimumWidth(360)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() in PAGE_KEYS and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            event.ignore()
            return
        super().keyPressEvent(event)
