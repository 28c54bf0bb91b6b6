"""An in-memory keyring backend for tests, installed with `keyring.set_keyring` and restored after."""

from __future__ import annotations

import keyring
import keyring.errors
import pytest
from keyring.backend import KeyringBackend


class MemoryKeyring(KeyringBackend):
    """A stand-in for the OS keyring: a dict, priority 1 (counts as a real store)."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}
        self.locked = False

    def get_password(self, service, username):
        if self.locked:
            raise keyring.errors.KeyringLocked("the test keyring is locked")
        return self.items.get((service, username))

    def set_password(self, service, username, password):
        if self.locked:
            raise keyring.errors.KeyringLocked("the test keyring is locked")
        self.items[(service, username)] = password

    def delete_password(self, service, username):
        if (service, username) not in self.items:
            raise keyring.errors.PasswordDeleteError(username)
        del self.items[(service, username)]


@pytest.fixture
def memory_keyring():
    """The process-wide keyring replaced by a `MemoryKeyring` for one test."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def credentials(memory_keyring):
    """A `CredentialStore` over the in-memory keyring."""
    from desktop_app.credentials import KeyringStore

    return KeyringStore(memory_keyring)
