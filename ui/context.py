"""What every page is given by the composition root: the workspace, the UI-thread db, the tasks."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop_app.changes import Changes
from desktop_app.settings import Settings, load_settings
from desktop_app.workspace import Workspace
from ui.tasks import TaskManager


class ChangeHub(QObject):
    """Pages announce what an operation changed; every page refreshes only what concerns it."""

    changed = Signal(object)  # Changes

    def announce(self, changes: Changes) -> None:
        if changes.any():
            self.changed.emit(changes)


@dataclass
class UiContext:
    """Passed explicitly to pages; there is no global application object.

    ``db`` is the UI thread's own connection: for reading at most a page of rows.
    Writes go through ``tasks`` on the ``write`` lane.
    """

    workspace: Workspace
    db: Any
    tasks: TaskManager
    hub: ChangeHub = field(default_factory=ChangeHub)

    def settings(self) -> Settings:
        return load_settings(self.db)
