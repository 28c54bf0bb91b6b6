"""Settings → Mail account: provider, address, server, password or Microsoft sign-in, and tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop_app.credentials import NO_SECURE_BACKEND, NO_SECURE_BACKEND_HINT
from desktop_app.errors import AppError
from desktop_app.mail_account import (
    AccountSecrets,
    MailAccount,
    account_for,
    check_connection,
    save_account,
    send_test_to_self,
    validate_account,
)
from desktop_app.mail_presets import PRESETS, guess_preset, preset
from ui.tasks import TaskManager

_OK_STYLE = "color: #1b7f3b;"
_ERROR_STYLE = "color: #b3261e;"


class MailAccountWidget(QWidget):
    """Edits the account; keyring and network work runs on the `net` lane, saving on `write`."""

    saved = Signal(object)  # MailAccount
    busy_changed = Signal(bool)

    def __init__(
        self,
        *,
        tasks: TaskManager,
        secrets: AccountSecrets,
        account: MailAccount | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._secrets = secrets
        self._account = account
        self._preset_chosen_by_hand = account is not None
        self._secure_store: bool | None = None
        self._oauth = False
        self._build()
        self._load(account)
        self._probe_store()

    # -- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.email_edit = QLineEdit(placeholderText="ana@example.com")
        self.email_edit.editingFinished.connect(self._guess_provider)
        form.addRow("Your shop's e-mail:", self.email_edit)
        self.name_edit = QLineEdit(placeholderText="The name customers see, e.g. Ana's Flowers")
        form.addRow("Name shown as sender:", self.name_edit)
        self.preset_combo = QComboBox()
        for item in PRESETS:
            self.preset_combo.addItem(item.label, item.key)
        self.preset_combo.activated.connect(self._on_preset_picked)
        form.addRow("Mail provider:", self.preset_combo)

        self.host_edit = QLineEdit(placeholderText="smtp.example.com")
        self.port_spin = QSpinBox(minimum=1, maximum=65535, value=587)
        self.security_combo = QComboBox()
        self.security_combo.addItem("SSL/TLS (usually port 465)", "ssl")
        self.security_combo.addItem("STARTTLS (usually port 587)", "starttls")
        self.security_combo.activated.connect(self._on_security_picked)
        server_row = QHBoxLayout()
        server_row.addWidget(self.host_edit, 1)
        server_row.addWidget(QLabel("Port:"))
        server_row.addWidget(self.port_spin)
        self.server_row = QWidget()
        self.server_row.setLayout(server_row)
        self.server_row.layout().setContentsMargins(0, 0, 0, 0)
        form.addRow("Outgoing server:", self.server_row)
        form.addRow("Security:", self.security_combo)
        self.username_edit = QLineEdit(placeholderText="Leave empty to use the e-mail address")
        form.addRow("User name:", self.username_edit)

        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_label = QLabel("Password:")
        form.addRow(self.password_label, self.password_edit)
        self.client_id_edit = QLineEdit(placeholderText="Application (client) ID from Azure")
        self.client_id_label = QLabel("Microsoft client ID:")
        form.addRow(self.client_id_label, self.client_id_edit)
        self.sign_in_button = QPushButton("Sign in with Microsoft…")
        self.sign_in_button.clicked.connect(self.sign_in_microsoft)
        form.addRow("", self.sign_in_button)

        self.cafile_edit = QLineEdit(placeholderText="Only for a server with its own certificate")
        choose = QPushButton("Choose…")
        choose.clicked.connect(self._choose_cafile)
        ca_row = QHBoxLayout()
        ca_row.setContentsMargins(0, 0, 0, 0)
        ca_row.addWidget(self.cafile_edit, 1)
        ca_row.addWidget(choose)
        ca_widget = QWidget()
        ca_widget.setLayout(ca_row)
        form.addRow("Extra CA file:", ca_widget)

        self.ask_each_session_check = QCheckBox(
            "Ask for the password each session (kept in memory only, never saved)"
        )
        form.addRow("", self.ask_each_session_check)
        outer.addLayout(form)

        self.help_label = QLabel(wordWrap=True)
        self.help_label.setObjectName("providerHelp")
        self.help_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.help_label)
        self.store_warning = QLabel(f"<b>{NO_SECURE_BACKEND}</b> {NO_SECURE_BACKEND_HINT}",
                                    wordWrap=True)
        self.store_warning.setStyleSheet(_ERROR_STYLE)
        self.store_warning.hide()
        outer.addWidget(self.store_warning)

        buttons = QHBoxLayout()
        self.save_button = QPushButton("Save")
        self.save_button.clicked.connect(self.save)
        self.test_button = QPushButton("Test connection")
        self.test_button.clicked.connect(self.test_connection)
        self.send_test_button = QPushButton("Send a test to myself")
        self.send_test_button.clicked.connect(self.send_test)
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.send_test_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        outer.addLayout(buttons)
        self.status_label = QLabel(wordWrap=True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.status_label)
        outer.addStretch(1)

    def _load(self, account: MailAccount | None) -> None:
        if account is None:
            self._apply_preset(preset("gmail"))
            return
        self.email_edit.setText(account.email)
        self.name_edit.setText(account.name)
        self.username_edit.setText(account.username)
        self.cafile_edit.setText(account.cafile or "")
        self.client_id_edit.setText(account.oauth_client_id)
        self.ask_each_session_check.setChecked(account.ask_each_session)
        self._apply_preset(account.provider)
        self.host_edit.setText(account.host)
        self.port_spin.setValue(account.port)
        self.security_combo.setCurrentIndex(self.security_combo.findData(account.security))

    # -- reacting -----------------------------------------------------------------------------

    def _guess_provider(self) -> None:
        if self._preset_chosen_by_hand or "@" not in self.email_edit.text():
            return
        self._apply_preset(guess_preset(self.email_edit.text()))

    def _on_preset_picked(self) -> None:
        self._preset_chosen_by_hand = True
        self._apply_preset(preset(self.preset_combo.currentData()))

    def _on_security_picked(self) -> None:
        # Follow the usual port unless the owner typed an unusual one.
        if self.port_spin.value() in (465, 587):
            self.port_spin.setValue(465 if self.security_combo.currentData() == "ssl" else 587)

    def _apply_preset(self, chosen) -> None:
        self.preset_combo.setCurrentIndex(self.preset_combo.findData(chosen.key))
        custom = chosen.key == "custom"
        if not custom or not self.host_edit.text():
            self.host_edit.setText(chosen.host)
            self.port_spin.setValue(chosen.port)
            self.security_combo.setCurrentIndex(self.security_combo.findData(chosen.security))
        for widget in (self.host_edit, self.port_spin, self.security_combo):
            widget.setEnabled(custom)
        oauth = chosen.oauth_only
        self.password_label.setText(f"{chosen.password_words[:1].upper()}{chosen.password_words[1:]}:")
        self._oauth = oauth
        for widget in (self.password_label, self.password_edit):
            widget.setVisible(not oauth)
        self._update_ask_each_session()
        for widget in (self.sign_in_button, self.client_id_edit, self.client_id_label):
            widget.setVisible(oauth)
        self.help_label.setText(chosen.help)

    def _choose_cafile(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "CA certificate", "", "Certificates (*.pem *.crt);;All files (*)")
        if path:
            self.cafile_edit.setText(path)

    # -- the account in the fields ------------------------------------------------------------

    def current_account(self) -> MailAccount:
        """The account as typed. :raises AppError: a field is wrong (the message says which)."""
        chosen = preset(self.preset_combo.currentData())
        account = account_for(
            self.email_edit.text(), preset_key=chosen.key, name=self.name_edit.text(),
            host=self.host_edit.text().strip(), port=self.port_spin.value(),
            security=self.security_combo.currentData(), username=self.username_edit.text().strip(),
            cafile=self.cafile_edit.text().strip() or None,
            oauth_client_id=self.client_id_edit.text().strip(),
            ask_each_session=self.ask_each_session_check.isChecked(),
        )
        return validate_account(account)

    # -- actions (work off the UI thread) -----------------------------------------------------

    def _run(self, lane: str, work: Callable[[Any], Any], done: Callable[[Any], None],
             busy_text: str) -> None:
        self._set_busy(True)
        self._show(busy_text, None)

        def finished(value: Any) -> None:
            if not isValid(self):  # closed while the work ran
                return
            self._set_busy(False)
            done(value)

        def failed(exc: BaseException) -> None:
            if not isValid(self):
                return
            self._set_busy(False)
            if isinstance(exc, AppError):
                self._show(f"{exc.message} {exc.hint}".strip(), False)
            else:
                raise exc

        self._tasks.run(lane, work, on_done=finished, on_error=failed)

    def _typed_account(self) -> MailAccount | None:
        try:
            return self.current_account()
        except AppError as exc:
            self._show(f"{exc.message} {exc.hint}".strip(), False)
            return None

    def save(self) -> None:
        account = self._typed_account()
        if account is None:
            return
        password = self.password_edit.text()
        previous = self._account

        def store_secret(_=None) -> None:
            if not password or account.auth == "xoauth2":
                self._after_save(account, "Saved.")
                return
            self._run("net", lambda ctx: self._store_password(previous, account, password),
                      lambda _: self._after_save(account, "Saved. The password is kept safely."),
                      "Saving the password…")

        self._run("write", lambda ctx: save_account(ctx.db, account), store_secret, "Saving…")

    def _store_password(self, previous: MailAccount | None, account: MailAccount, password: str) -> None:
        self._secrets.save_password(account, password)
        self._secrets.forget_replaced(previous, account)

    def _after_save(self, account: MailAccount, text: str) -> None:
        self._account = account
        self.password_edit.clear()
        if account.ask_each_session and account.auth == "password":
            text = "Saved. The password is kept until you quit Fondly."
        self._show(text, True)
        self.saved.emit(account)

    def _secret_for(self, account: MailAccount):
        typed = self.password_edit.text()
        if typed and account.auth == "password":
            return lambda ctx: typed
        return lambda ctx: self._secrets.secret(account)

    def test_connection(self) -> None:
        account = self._typed_account()
        if account is None:
            return
        secret = self._secret_for(account)
        self._run("net", lambda ctx: check_connection(account, secret(ctx)),
                  lambda text: self._show(text, True), f"Logging in to {account.host}…")

    def send_test(self) -> None:
        account = self._typed_account()
        if account is None:
            return
        secret = self._secret_for(account)
        self._run("net", lambda ctx: send_test_to_self(account, secret(ctx)),
                  lambda text: self._show(text, True), f"Sending a test to {account.email}…")

    def sign_in_microsoft(self) -> None:
        account = self._typed_account()
        if account is None:
            return
        self._run("net", lambda ctx: self._secrets.sign_in_microsoft(account),
                  lambda who: self._show(f"Signed in as {who}. Now click Save.", True),
                  "Finish signing in in your browser…")

    def _probe_store(self) -> None:
        # The keyring probe may block on D-Bus or an unlock prompt: never on the UI thread.
        self._tasks.run("net", lambda ctx: self._secrets.has_secure_store(),
                        on_done=self._on_store_probed, on_error=lambda exc: self._on_store_probed(False))

    def _on_store_probed(self, secure: bool) -> None:
        if not isValid(self):  # closed before the probe came back
            return
        self._secure_store = bool(secure)
        self.store_warning.setVisible(not secure)
        if not secure:
            self.ask_each_session_check.setChecked(True)
        self._update_ask_each_session()

    def _update_ask_each_session(self) -> None:
        # Offered only where it matters: no secure keyring, or the owner already chose it.
        wanted = self._secure_store is False or self.ask_each_session_check.isChecked()
        self.ask_each_session_check.setVisible(wanted and not self._oauth)

    # -- state --------------------------------------------------------------------------------

    @property
    def secure_store(self) -> bool | None:
        """None until probed."""
        return self._secure_store

    def _set_busy(self, busy: bool) -> None:
        for button in (self.save_button, self.test_button, self.send_test_button, self.sign_in_button):
            button.setEnabled(not busy)
        self.busy_changed.emit(busy)

    def _show(self, text: str, ok: bool | None) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet("" if ok is None else (_OK_STYLE if ok else _ERROR_STYLE))
