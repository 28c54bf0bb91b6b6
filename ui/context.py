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


class SecretsHolder:
    """The run's one ``AccountSecrets``, made on first use so msal and the keyring load late.

    "Ask each session" passwords live exactly as long as this object: the whole app run.
    """

    def __init__(self) -> None:
        self._secrets: Any = None

    def __call__(self) -> Any:
        if self._secrets is None:
            from desktop_app.mail_account import AccountSecrets

            self._secrets = AccountSecrets()
        return self._secrets


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
    secrets: SecretsHolder = field(default_factory=SecretsHolder)

    def settings(self) -> Settings:
        return load_settings(self.db)
