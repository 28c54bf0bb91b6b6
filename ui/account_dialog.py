"""The prompt shown when the first draft is approved: which mailbox should the notes leave from?"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop_app.mail_account import AccountSecrets, MailAccount
from ui.mail_account_widget import MailAccountWidget
from ui.tasks import TaskManager


class AccountDialog(QDialog):
    """Wraps `MailAccountWidget`; accepted once the account is saved. Open with `open()`."""

    def __init__(
        self,
        *,
        tasks: TaskManager,
        secrets: AccountSecrets,
        account: MailAccount | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Send from your own mailbox")
        self.account: MailAccount | None = account
        layout = QVBoxLayout(self)
        intro = QLabel(
            "<b>Your notes go out from your own e-mail address</b>, as if you had written each "
            "one. Tell Fondly which mailbox to use; you can change it later in Settings → Mail "
            "account.",
            wordWrap=True,
        )
        layout.addWidget(intro)
        self.widget = MailAccountWidget(tasks=tasks, secrets=secrets, account=account, parent=self)
        self.widget.save_button.setText("Save and continue")
        self.widget.saved.connect(self._on_saved)
        layout.addWidget(self.widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Not now")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(620, 560)

    def _on_saved(self, account: MailAccount) -> None:
        self.account = account
        self.accept()
