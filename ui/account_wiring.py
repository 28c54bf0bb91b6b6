"""Puts the mail account where the owner meets it: Settings, and a prompt at the first approval."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from ui.context import UiContext

if TYPE_CHECKING:
    from desktop_app.mail_account import AccountSecrets


class AccountWiring:
    """Holds the run's one `AccountSecrets` ("ask each session" passwords live as long as it).

    msal and the keyring load only when the owner first opens the account form, not at start-up.
    """

    def __init__(self, ctx: UiContext) -> None:
        self.ctx = ctx
        self._secrets: AccountSecrets | None = None

    @property
    def secrets(self) -> AccountSecrets:
        if self._secrets is None:
            from desktop_app.mail_account import AccountSecrets

            self._secrets = AccountSecrets()
        return self._secrets

    def settings_section(self) -> QWidget:
        from desktop_app.mail_account import load_account
        from ui.mail_account_widget import MailAccountWidget

        return MailAccountWidget(
            tasks=self.ctx.tasks, secrets=self.secrets, account=load_account(self.ctx.db)
        )

    def prompt(self, parent: Callable[[], QWidget | None]) -> Callable[[], None]:
        """A callback that opens the account dialog (the Today page calls it once)."""

        def ask() -> None:
            from desktop_app.mail_account import load_account
            from ui.account_dialog import AccountDialog

            dialog = AccountDialog(
                tasks=self.ctx.tasks,
                secrets=self.secrets,
                account=load_account(self.ctx.db),
                parent=parent(),
            )
            dialog.open()

        return ask
