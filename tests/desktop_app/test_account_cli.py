"""``fondly account set`` / ``test`` in-process, against the local SMTP server and a memory keyring."""

from __future__ import annotations

import io

import pytest

from desktop_app.cli import main
from desktop_app.credentials import SERVICE, password_key
from desktop_app.mail_account import load_account
from desktop_app.workspace import Workspace
from tests import keyring_fixtures, smtp_fixtures
from tests.smtp_fixtures import PASSWORD, USERNAME

# The shared fixtures, made visible to this module (no conftest needed, so none to clash).
memory_keyring = keyring_fixtures.memory_keyring
credentials = keyring_fixtures.credentials
smtp_certs = smtp_fixtures.smtp_certs
smtp_server_factory = smtp_fixtures.smtp_server_factory
smtp_server = smtp_fixtures.smtp_server


def _set(server, data_dir, *extra):
    return [
        "account", "set", "--data-dir", str(data_dir), "--preset", "custom", "--email", USERNAME,
        "--name", "Ana's Flowers", "--host", server.host, "--port", str(server.port),
        "--security", "ssl" if server.mode == "ssl" else "starttls",
        "--cafile", str(server.tls.ca_pem), *extra,
    ]


def test_set_then_test(smtp_server, data_dir, memory_keyring, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(_set(smtp_server, data_dir, "--password-stdin")) == 0
    out = capsys.readouterr().out
    assert f"Saved the mail account {USERNAME} via 127.0.0.1:{smtp_server.port} (STARTTLS" in out
    assert memory_keyring.items[(SERVICE, password_key(USERNAME))] == PASSWORD
    assert main(["account", "test", "--data-dir", str(data_dir), "--send-to-self"]) == 0
    out = capsys.readouterr().out
    assert "Fondly logged in to 127.0.0.1" in out
    assert "A test message went to" in out
    assert len(smtp_server.received) == 1
    db = Workspace.at(str(data_dir)).connect()
    try:
        assert load_account(db).cafile == str(smtp_server.tls.ca_pem)
    finally:
        db.close()
    assert PASSWORD.encode() not in (data_dir / "fondly.db").read_bytes()


def test_wrong_password_fails_in_plain_words(smtp_server, data_dir, memory_keyring, monkeypatch,
                                             capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("not-the-password\n"))
    assert main(_set(smtp_server, data_dir, "--password-stdin")) == 0
    assert main(["account", "test", "--data-dir", str(data_dir)]) == 1
    err = capsys.readouterr().err
    assert "127.0.0.1 refused the user name or password" in err
    assert "not-the-password" not in err


def test_test_without_an_account(data_dir, memory_keyring, capsys):
    assert main(["account", "test", "--data-dir", str(data_dir)]) == 1
    assert "No mail account is set up yet" in capsys.readouterr().err


def test_password_stdin_for_one_test_only(smtp_server, data_dir, memory_keyring, monkeypatch,
                                          capsys):
    assert main(_set(smtp_server, data_dir)) == 0
    assert "--password-stdin" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["account", "test", "--data-dir", str(data_dir), "--password-stdin"]) == 0
    assert memory_keyring.items == {}


def test_outlook_refuses_a_password(data_dir, memory_keyring, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("pw\n"))
    code = main(["account", "set", "--data-dir", str(data_dir), "--preset", "outlook",
                 "--email", "ana@outlook.com", "--password-stdin"])
    assert code == 1
    assert "does not accept passwords" in capsys.readouterr().err


@pytest.mark.parametrize("preset", ["gmail", "microsoft365"])
def test_presets_fill_in_the_server(data_dir, memory_keyring, capsys, preset):
    assert main(["account", "set", "--data-dir", str(data_dir), "--preset", preset,
                 "--email", "ana@flowers.example"]) == 0
    out = capsys.readouterr().out
    assert ("smtp.gmail.com:465 (SSL/TLS" in out) if preset == "gmail" else (
        "smtp.office365.com:587 (STARTTLS" in out and "account sign-in" in out)


def test_a_new_address_removes_the_old_password(smtp_server, data_dir, memory_keyring, monkeypatch,
                                                capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(_set(smtp_server, data_dir, "--password-stdin")) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("other-pw\n"))
    assert main(["account", "set", "--data-dir", str(data_dir), "--preset", "gmail",
                 "--email", "ana@gmail.com", "--password-stdin"]) == 0
    assert set(memory_keyring.items) == {(SERVICE, password_key("ana@gmail.com"))}
