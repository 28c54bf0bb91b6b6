"""The mail account: presets, storage without the secret, plain-words results against a real server."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from keyring.backends import fail

from desktop_app.credentials import password_key, refresh_token_key
from desktop_app.errors import AppError
from desktop_app.mail_account import (
    AccountSecrets,
    account_for,
    check_connection,
    load_account,
    save_account,
    send_limits,
    send_test_to_self,
)
from desktop_app.mail_presets import PRESETS, guess_preset, preset
from desktop_app.settings import Settings
from tests import keyring_fixtures, smtp_fixtures
from tests.smtp_fixtures import PASSWORD, TOKEN, USERNAME

# The shared fixtures, made visible to this module (no conftest needed, so none to clash).
memory_keyring = keyring_fixtures.memory_keyring
credentials = keyring_fixtures.credentials
smtp_certs = smtp_fixtures.smtp_certs
smtp_server_factory = smtp_fixtures.smtp_server_factory
smtp_server = smtp_fixtures.smtp_server


def _local(server, preset_key="custom", **changes):
    """An account of *preset_key* whose server is the local test server."""
    values = dict(
        preset_key=preset_key, name="Ana's Flowers", host=server.host, port=server.port,
        security="ssl" if server.mode == "ssl" else "starttls", cafile=str(server.tls.ca_pem),
        auth="password",
    )
    values.update(changes)
    return account_for(USERNAME, **values)


@pytest.mark.parametrize(
    "email, key",
    [("ana@gmail.com", "gmail"), ("ana@Outlook.com", "outlook"), ("a@hotmail.co.uk", "outlook"),
     ("a@icloud.com", "icloud"), ("a@yahoo.co.uk", "yahoo"), ("a@fastmail.com", "fastmail"),
     ("a@gmx.de", "gmx"), ("a@web.de", "webde"), ("a@zoho.com", "zoho"),
     ("ana@flowers.example", "custom")],
)
def test_preset_is_guessed_from_the_domain(email, key):
    assert guess_preset(email).key == key
    assert account_for(email).preset == key


def test_presets_carry_the_published_limits_and_help():
    caps = {p.key: (p.daily_cap, p.per_minute) for p in PRESETS}
    assert caps["gmail"][0] == 500 and caps["google_workspace"][0] == 2000
    assert caps["outlook"][0] == 300 and caps["microsoft365"] == (10000, 30)
    assert caps["icloud"][0] == 1000 and caps["yahoo"][0] == 500
    for key in ("gmail", "icloud", "yahoo", "fastmail"):
        assert "app" in preset(key).password_words and "app" in preset(key).help
    assert preset("outlook").oauth_only and preset("microsoft365").oauth_only
    assert {p.key for p in PRESETS} >= {"gmail", "google_workspace", "outlook", "microsoft365",
                                        "icloud", "yahoo", "fastmail", "zoho", "gmx", "webde",
                                        "custom"}


def test_send_limits_prefer_the_owners_caps():
    account = account_for("ana@gmail.com")
    assert send_limits(account, Settings()) == (500, 20)
    assert send_limits(account, Settings(daily_send_cap=100, per_minute_send_cap=5)) == (100, 5)
    assert send_limits(None, Settings()) == (500, 20)


def test_account_round_trips_through_settings(db):
    account = account_for("ana@gmail.com", name="Ana")
    save_account(db, account)
    assert load_account(db) == account
    assert account.host == "smtp.gmail.com" and account.port == 465 and account.security == "ssl"


def test_no_account_yet(db):
    assert load_account(db) is None


@pytest.mark.parametrize(
    "changes, words",
    [({"email": "not-an-address"}, "e-mail"), ({"host": " "}, "server is missing"),
     ({"port": 70000}, "port"), ({"name": "Ana\r\nBcc: x"}, "line break"),
     ({"cafile": "/nonexistent/ca.pem"}, "CA file")],
)
def test_invalid_accounts_are_refused_with_a_reason(db, changes, words):
    with pytest.raises(AppError) as info:
        save_account(db, account_for("ana@flowers.example", host="mail.example").replace(**changes))
    assert words in str(info.value)


def test_outlook_needs_microsoft_sign_in(db):
    with pytest.raises(AppError) as info:
        save_account(db, account_for("a@outlook.com").replace(auth="password"))
    assert "Sign in with Microsoft" in info.value.message


def test_test_connection_in_plain_words(smtp_server, credentials):
    secrets = AccountSecrets(keyring_backend=None)
    account = _local(smtp_server)
    secrets.save_password(account, PASSWORD)
    message = check_connection(account, secrets.secret(account))
    assert message.startswith(f"Fondly logged in to 127.0.0.1 as {USERNAME}")
    assert smtp_server.received == []


def test_gmail_refusal_explains_app_passwords(smtp_server):
    account = _local(smtp_server, preset_key="gmail")
    with pytest.raises(AppError) as info:
        check_connection(account, "my-normal-google-password")
    assert info.value.message.startswith("Gmail refused the password.")
    assert "535" in info.value.message
    assert info.value.hint.startswith("Gmail needs an app password")
    assert "myaccount.google.com/apppasswords" in info.value.hint


def test_custom_refusal_names_the_server(smtp_server):
    with pytest.raises(AppError) as info:
        check_connection(_local(smtp_server), "wrong")
    assert info.value.message.startswith("127.0.0.1 refused the user name or password.")


def test_wrong_ca_in_plain_words(smtp_server, smtp_certs):
    account = _local(smtp_server, cafile=str(smtp_certs.other_ca_pem))
    with pytest.raises(AppError) as info:
        check_connection(account, PASSWORD)
    assert "could not be verified" in info.value.message
    assert "CA file" in info.value.hint


def test_send_a_test_to_myself(smtp_server_factory, credentials):
    server = smtp_server_factory("ssl")
    account = _local(server)
    secrets = AccountSecrets()
    secrets.save_password(account, PASSWORD)
    message = send_test_to_self(account, secrets.secret(account))
    assert message.startswith(f"A test message went to {USERNAME}. The server said: 250")
    [got] = server.received
    assert got.rcpt_tos == (USERNAME,) and got.mail_from == USERNAME
    assert b"Fondly test message" in got.content
    assert b"List-Unsubscribe" not in got.content


def test_missing_password_is_explained(credentials):
    account = account_for("ana@gmail.com")
    with pytest.raises(AppError) as info:
        AccountSecrets().secret(account)
    assert "No password is saved" in info.value.message
    assert "app password" in info.value.hint


def test_no_secure_keyring_then_ask_each_session(smtp_server):
    secrets = AccountSecrets(keyring_backend=fail.Keyring())
    account = _local(smtp_server)
    with pytest.raises(AppError) as info:
        secrets.save_password(account, PASSWORD)
    assert "no secure password store" in info.value.message
    session_account = account.replace(ask_each_session=True)
    secrets.save_password(session_account, PASSWORD)
    assert secrets.has_secret(session_account)
    check_connection(session_account, secrets.secret(session_account))
    # A new run starts with an empty memory: the password is asked for again.
    assert not AccountSecrets(keyring_backend=fail.Keyring()).has_secret(session_account)


class _FakeMsal:
    def __init__(self, token: str) -> None:
        self.token = token

    def acquire_token_interactive(self, scopes, **kwargs):
        return {"access_token": self.token, "refresh_token": "rt-first", "expires_in": 3600,
                "id_token_claims": {"preferred_username": USERNAME}}

    def acquire_token_by_refresh_token(self, refresh_token, scopes):
        assert refresh_token in ("rt-first", "rt-second")
        return {"access_token": self.token, "refresh_token": "rt-second", "expires_in": 3600}


def test_microsoft_sign_in_then_xoauth2_test(smtp_server, credentials, memory_keyring):
    secrets = AccountSecrets(msal_app_factory=lambda client_id: _FakeMsal(TOKEN))
    account = _local(smtp_server, preset_key="microsoft365", auth="xoauth2",
                     oauth_client_id="00000000-test")
    assert secrets.sign_in_microsoft(account) == USERNAME
    assert credentials.get(refresh_token_key(USERNAME)) == "rt-first"
    check_connection(account, secrets.secret(account))
    assert credentials.get(refresh_token_key(USERNAME)) == "rt-second"  # rotated and kept
    assert [a.mechanism for a in smtp_server.auth_attempts] == ["XOAUTH2"]


def test_the_password_never_reaches_the_database_logs_or_errors(
    smtp_server, db, db_path: Path, credentials, caplog
):
    caplog.set_level(logging.DEBUG)
    secrets = AccountSecrets()
    account = _local(smtp_server)
    save_account(db, account)
    secrets.save_password(account, PASSWORD)
    texts = []
    for attempt in (PASSWORD + "x", PASSWORD):
        secrets.save_password(account, attempt)
        try:
            check_connection(account, secrets.secret(account))
            send_test_to_self(account, secrets.secret(account))
        except AppError as exc:
            texts.append(f"{exc!s} {exc!r} {exc.hint}")
    assert texts and "refused" in texts[0]
    assert credentials.get(password_key(USERNAME)) == PASSWORD
    db.execute("PRAGMA wal_checkpoint(FULL)")
    for path in db_path.parent.glob(db_path.name + "*"):
        assert PASSWORD.encode() not in path.read_bytes(), path
    assert PASSWORD not in caplog.text
    assert all(PASSWORD not in text for text in texts)
    assert PASSWORD not in repr(load_account(db))
