"""Puts the mail account where the owner meets it: Settings, and a prompt at the first approval."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from ui.context import UiContext


class AccountWiring:
    """Builds the account form and dialog on demand (msal and the keyring load only then)."""

    def __init__(self, ctx: UiContext) -> None:
        self.ctx = ctx

    def settings_section(self) -> QWidget:
        from desktop_app.mail_account import load_account
        from ui.mail_account_widget import MailAccountWidget

        widget = MailAccountWidget(
            tasks=self.ctx.tasks, secrets=self.ctx.secrets(), account=load_account(self.ctx.db)
        )
        widget.saved.connect(self._account_saved)
        return widget

    def prompt(self, parent: Callable[[], QWidget | None]) -> Callable[[], None]:
        """A callback that opens the account dialog (the Today page calls it once)."""

        def ask() -> None:
            from desktop_app.mail_account import load_account
            from ui.account_dialog import AccountDialog

            dialog = AccountDialog(
                tasks=self.ctx.tasks,
                secrets=self.ctx.secrets(),
                account=load_account(self.ctx.db),
                parent=parent(),
            )
            dialog.widget.saved.connect(self._account_saved)
            dialog.open()

        return ask

    def _account_saved(self, _account) -> None:
        # A new password or server is the owner's answer to a paused outbox: lift the pause.
        from desktop_app.outbox_actions import resume_sending

        self.ctx.tasks.run("write", lambda task: resume_sending(task.db),
                           on_done=self.ctx.hub.announce)
