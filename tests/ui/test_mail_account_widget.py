"""The Mail account section driven with qtbot: guesses, tests against a real server, no-keyring path."""

from __future__ import annotations

import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from shiboken6 import isValid

from desktop_app.credentials import SERVICE, password_key
from desktop_app.mail_account import AccountSecrets, load_account
from storage.db import open_db
from tests import keyring_fixtures, smtp_fixtures
from tests.smtp_fixtures import PASSWORD, USERNAME
from ui.account_dialog import AccountDialog
from ui.mail_account_widget import MailAccountWidget
from ui.tasks import TaskManager

# The shared fixtures, made visible to this module (tests/ui has no conftest of its own).
memory_keyring = keyring_fixtures.memory_keyring
smtp_certs = smtp_fixtures.smtp_certs
smtp_server_factory = smtp_fixtures.smtp_server_factory
smtp_server = smtp_fixtures.smtp_server


@pytest.fixture
def tasks(db_path, db):
    manager = TaskManager(lambda: open_db(db_path))
    yield manager
    manager.shutdown()


def _widget(qtbot, tasks, secrets):
    widget = MailAccountWidget(tasks=tasks, secrets=secrets)
    qtbot.addWidget(widget)
    # Let the keyring probe come back before the test ends and the widget is deleted.
    qtbot.waitUntil(lambda: widget.secure_store is not None)
    return widget


def _fill_local(qtbot, widget, server):
    widget.email_edit.clear()
    qtbot.keyClicks(widget.email_edit, USERNAME)
    widget.email_edit.editingFinished.emit()
    widget.preset_combo.setCurrentIndex(widget.preset_combo.findData("custom"))
    widget.preset_combo.activated.emit(widget.preset_combo.currentIndex())
    widget.host_edit.setText(server.host)
    widget.port_spin.setValue(server.port)
    widget.security_combo.setCurrentIndex(widget.security_combo.findData("starttls"))
    widget.cafile_edit.setText(str(server.tls.ca_pem))
    qtbot.keyClicks(widget.name_edit, "Ana's Flowers")


def _wait_idle(qtbot, widget):
    qtbot.waitUntil(lambda: widget.test_button.isEnabled() and widget.status_label.text() != ""
                    and not widget.status_label.text().endswith("…"), timeout=15000)


def test_provider_is_guessed_from_the_address(qtbot, tasks, memory_keyring):
    widget = _widget(qtbot, tasks, AccountSecrets())
    qtbot.keyClicks(widget.email_edit, "ana@icloud.com")
    widget.email_edit.editingFinished.emit()
    assert widget.preset_combo.currentData() == "icloud"
    assert widget.host_edit.text() == "smtp.mail.me.com" and not widget.host_edit.isEnabled()
    assert widget.password_label.text() == "App-specific password:"
    assert "App-Specific Passwords" in widget.help_label.text()
    widget.email_edit.clear()
    qtbot.keyClicks(widget.email_edit, "ana@outlook.com")
    widget.email_edit.editingFinished.emit()
    assert widget.preset_combo.currentData() == "outlook"
    assert widget.sign_in_button.isVisibleTo(widget) and not widget.password_edit.isVisibleTo(widget)


def test_test_connection_save_and_send(qtbot, tasks, db, smtp_server, memory_keyring):
    widget = _widget(qtbot, tasks, AccountSecrets())
    assert widget.secure_store and widget.store_warning.isHidden()
    _fill_local(qtbot, widget, smtp_server)

    qtbot.keyClicks(widget.password_edit, "wrong-password")
    qtbot.mouseClick(widget.test_button, Qt.MouseButton.LeftButton)
    _wait_idle(qtbot, widget)
    assert "127.0.0.1 refused the user name or password" in widget.status_label.text()

    widget.password_edit.clear()
    qtbot.keyClicks(widget.password_edit, PASSWORD)
    qtbot.mouseClick(widget.test_button, Qt.MouseButton.LeftButton)
    _wait_idle(qtbot, widget)
    assert widget.status_label.text().startswith("Fondly logged in to 127.0.0.1")

    with qtbot.waitSignal(widget.saved, timeout=15000):
        qtbot.mouseClick(widget.save_button, Qt.MouseButton.LeftButton)
    assert memory_keyring.items[(SERVICE, password_key(USERNAME))] == PASSWORD
    assert widget.password_edit.text() == ""
    stored = load_account(db)
    assert stored.host == "127.0.0.1" and stored.name == "Ana's Flowers"

    qtbot.mouseClick(widget.send_test_button, Qt.MouseButton.LeftButton)
    _wait_idle(qtbot, widget)
    assert widget.status_label.text().startswith(f"A test message went to {USERNAME}")
    assert len(smtp_server.received) == 1


def test_no_secure_keyring_offers_ask_each_session(qtbot, tasks, smtp_server):
    secrets = AccountSecrets(keyring_backend=fail.Keyring())
    widget = _widget(qtbot, tasks, secrets)
    assert not widget.secure_store
    assert widget.store_warning.isVisibleTo(widget)
    assert "no secure password store" in widget.store_warning.text()
    assert widget.ask_each_session_check.isChecked()
    _fill_local(qtbot, widget, smtp_server)
    qtbot.keyClicks(widget.password_edit, PASSWORD)
    with qtbot.waitSignal(widget.saved, timeout=15000):
        qtbot.mouseClick(widget.save_button, Qt.MouseButton.LeftButton)
    assert "until you quit" in widget.status_label.text()
    qtbot.mouseClick(widget.test_button, Qt.MouseButton.LeftButton)
    _wait_idle(qtbot, widget)
    assert widget.status_label.text().startswith("Fondly logged in")


def test_field_errors_are_shown_inline(qtbot, tasks, memory_keyring):
    widget = _widget(qtbot, tasks, AccountSecrets())
    qtbot.keyClicks(widget.email_edit, "not an address")
    qtbot.mouseClick(widget.test_button, Qt.MouseButton.LeftButton)
    assert "e-mail address" in widget.status_label.text()


def test_account_dialog_accepts_once_saved(qtbot, tasks, smtp_server, memory_keyring):
    dialog = AccountDialog(tasks=tasks, secrets=AccountSecrets())
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.widget.secure_store is not None)
    _fill_local(qtbot, dialog.widget, smtp_server)
    qtbot.keyClicks(dialog.widget.password_edit, PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=15000):
        qtbot.mouseClick(dialog.widget.save_button, Qt.MouseButton.LeftButton)
    assert dialog.account is not None and dialog.account.email == USERNAME


def test_a_closed_widget_ignores_late_results(qtbot, tasks, memory_keyring):
    widget = MailAccountWidget(tasks=tasks, secrets=AccountSecrets())
    probe_done = widget._on_store_probed
    widget.deleteLater()
    qtbot.waitUntil(lambda: not isValid(widget))
    probe_done(True)  # what a late queued callback does: no RuntimeError
