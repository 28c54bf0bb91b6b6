"""The credential port: OS keyring only, refusing insecure backends, memory for "ask each session"."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import keyring
import pytest
from keyring.backends import chainer, fail, null

from desktop_app.credentials import (
    SERVICE,
    KeyringStore,
    MemoryStore,
    has_secure_backend,
    insecure_reason,
    open_credential_store,
    password_key,
    refresh_token_key,
)
from desktop_app.errors import AppError
from tests import keyring_fixtures
from tests.keyring_fixtures import MemoryKeyring

# The shared fixtures, made visible to this module (no conftest needed, so none to clash).
memory_keyring = keyring_fixtures.memory_keyring
credentials = keyring_fixtures.credentials

ROOT = Path(__file__).resolve().parents[2]


def test_keyring_store_round_trip(credentials, memory_keyring):
    credentials.set(password_key("Ana@Example.com"), "s3cret")
    assert credentials.get(password_key("ana@example.com")) == "s3cret"
    assert memory_keyring.items == {(SERVICE, "smtp-password:ana@example.com"): "s3cret"}
    credentials.delete(password_key("ana@example.com"))
    credentials.delete(password_key("ana@example.com"))  # twice: no error
    assert credentials.get(password_key("ana@example.com")) is None


def test_password_and_refresh_token_do_not_collide():
    assert password_key("a@example.com") != refresh_token_key("a@example.com")


def test_default_backend_is_used(memory_keyring):
    store = open_credential_store(ask_each_session=False)
    assert isinstance(store, KeyringStore)
    store.set("x", "y")
    assert keyring.get_password(SERVICE, "x") == "y"


class PlaintextKeyring(MemoryKeyring):
    """Named like keyrings.alt's file backend."""


@pytest.mark.parametrize(
    "backend",
    [fail.Keyring(), null.Keyring(), PlaintextKeyring()],
    ids=["fail", "null", "plaintext"],
)
def test_insecure_backends_are_refused_in_plain_words(backend):
    assert insecure_reason(backend) is not None
    assert not has_secure_backend(backend)
    with pytest.raises(AppError) as info:
        open_credential_store(ask_each_session=False, backend=backend)
    assert "no secure password store" in info.value.message
    assert "Ask for the password each session" in info.value.hint


def test_a_chainer_is_judged_by_what_it_chains(monkeypatch):
    empty = chainer.ChainerBackend()
    monkeypatch.setattr(type(empty), "backends", [], raising=False)
    assert insecure_reason(empty) is not None


def test_chainer_with_a_file_backend_inside_is_refused():
    class FakeChainer(MemoryKeyring):
        backends = [MemoryKeyring(), PlaintextKeyring()]

    assert "file" in insecure_reason(FakeChainer())
    assert insecure_reason(type("Ok", (MemoryKeyring,), {"backends": [MemoryKeyring()]})()) is None


def test_ask_each_session_keeps_secrets_in_memory_only(memory_keyring):
    store = open_credential_store(ask_each_session=True, backend=fail.Keyring())
    assert isinstance(store, MemoryStore)
    store.set(password_key("a@example.com"), "mem-only-pw")
    assert store.get(password_key("a@example.com")) == "mem-only-pw"
    assert "mem-only-pw" not in repr(store)
    assert memory_keyring.items == {}


def test_locked_keyring_is_a_plain_error(credentials, memory_keyring):
    memory_keyring.locked = True
    with pytest.raises(AppError) as info:
        credentials.set("k", "locked-pw-123")
    assert "locked" in info.value.message
    assert "locked-pw-123" not in str(info.value)


_SECRET_SERVICE_SCRIPT = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {root!r})
    from desktop_app.credentials import open_credential_store, password_key
    store = open_credential_store(ask_each_session=False)
    store.set(password_key("owner@example.com"), {secret!r})
    store.set(password_key("kept@example.com"), {secret!r})
    # A fresh store object, as a later session would build: the value comes from the daemon.
    again = open_credential_store(ask_each_session=False)
    print(again.backend_name)
    print(again.get(password_key("owner@example.com")))
    again.delete(password_key("owner@example.com"))
    print(again.get(password_key("owner@example.com")))
    """
)


def test_password_through_a_real_secret_service(tmp_path):
    """gnome-keyring-daemon on a private D-Bus session, unlocked with a known password."""
    runner = shutil.which("dbus-run-session")
    daemon = shutil.which("gnome-keyring-daemon")
    if not runner or not daemon:
        pytest.skip("needs dbus-run-session and gnome-keyring-daemon (apt-get install gnome-keyring dbus-x11)")
    secret = "ss-pw-Vb7#qK2-real-keyring"
    script = tmp_path / "probe.py"
    script.write_text(_SECRET_SERVICE_SCRIPT.format(root=str(ROOT), secret=secret))
    home = tmp_path / "home"
    home.mkdir()
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_RUNTIME_DIR": str(tmp_path),
        "LANG": "C.UTF-8",
    }
    shell = (
        f'printf "known-unlock-pw" | {daemon} --unlock --components=secrets >/dev/null && '
        f'exec "{sys.executable}" "{script}"'
    )
    done = subprocess.run(
        [runner, "--", "sh", "-c", shell], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["SecretService Keyring", secret, "None"]
    # The daemon wrote its (encrypted) keyring file holding the kept entry, not in the clear.
    stored = list((home / ".local" / "share" / "keyrings").glob("*"))
    assert stored
    for path in stored:
        assert secret.encode() not in path.read_bytes()
