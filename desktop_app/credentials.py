"""Secrets (mail password, OAuth2 refresh token) only in the OS keyring, behind a tiny port.

Where no secure keyring exists the owner is told plainly and may choose "ask for the password
each session", which keeps it in this process's memory only. There is no file fallback.
Every call here may block (an OS unlock prompt): call it off the UI thread (the `net` lane).
"""

from __future__ import annotations

import logging
from typing import Protocol

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from desktop_app.errors import AppError

SERVICE = "Fondly"
log = logging.getLogger(__name__)

NO_SECURE_BACKEND = (
    "This computer has no secure password store (such as GNOME Keyring, KWallet, the macOS "
    "Keychain or the Windows Credential Manager) that Fondly can use."
)
NO_SECURE_BACKEND_HINT = (
    "Fondly never writes your mail password to a file. Install or unlock your system's password "
    "store, or choose “Ask for the password each session” to keep it in memory until you quit."
)


class CredentialStore(Protocol):
    """Where secrets live: `get` returns None when there is none."""

    kind: str  # "keyring" or "memory"

    def get(self, name: str) -> str | None: ...

    def set(self, name: str, secret: str) -> None: ...

    def delete(self, name: str) -> None: ...


def password_key(email: str) -> str:
    """The keyring user name for an account's SMTP password."""
    return f"smtp-password:{email.strip().lower()}"


def refresh_token_key(email: str) -> str:
    """The keyring user name for an account's OAuth2 refresh token."""
    return f"oauth-refresh-token:{email.strip().lower()}"


def _leaf_backends(backend: KeyringBackend) -> list[KeyringBackend]:
    inner = getattr(backend, "backends", None)
    if inner is None:
        return [backend]
    return [leaf for b in inner for leaf in _leaf_backends(b)]


def insecure_reason(backend: KeyringBackend) -> str | None:
    """Why *backend* must not hold a password, or None when it is a real OS store.

    Refused: keyring's `fail` and `null` backends, a chainer with nothing usable inside, and
    anything from keyrings.alt or that names itself plaintext/file-based.
    """
    leaves = _leaf_backends(backend)
    if not leaves:
        return "no password store is available"
    for leaf in leaves:
        cls = type(leaf)
        module = cls.__module__
        if module.startswith("keyring.backends.fail") or module.startswith("keyring.backends.null"):
            return "no password store is available"
        if module.startswith("keyrings.alt") or any(
            word in cls.__name__.lower() for word in ("plaintext", "file", "uncrypted")
        ):
            return f"{cls.__name__} keeps passwords in a file"
    return None


class KeyringStore:
    """Secrets in the OS keyring under service "Fondly"."""

    kind = "keyring"

    def __init__(self, backend: KeyringBackend) -> None:
        self._backend = backend

    @property
    def backend_name(self) -> str:
        return getattr(self._backend, "name", type(self._backend).__name__)

    def get(self, name: str) -> str | None:
        try:
            return self._backend.get_password(SERVICE, name)
        except keyring.errors.KeyringError as exc:
            raise _keyring_error("read from", exc) from None

    def set(self, name: str, secret: str) -> None:
        try:
            self._backend.set_password(SERVICE, name, secret)
        except keyring.errors.KeyringError as exc:
            raise _keyring_error("save to", exc) from None

    def delete(self, name: str) -> None:
        try:
            self._backend.delete_password(SERVICE, name)
        except keyring.errors.PasswordDeleteError:
            pass  # nothing stored: already the wanted state
        except keyring.errors.KeyringError as exc:
            raise _keyring_error("remove from", exc) from None


def _keyring_error(verb: str, exc: Exception) -> AppError:
    # The library's text names the backend and the failure, never the secret itself.
    if isinstance(exc, keyring.errors.KeyringLocked):
        return AppError(
            f"Fondly could not {verb} your system's password store: it is locked.",
            "Unlock it (you may be asked for your computer password) and try again.",
        )
    return AppError(
        f"Fondly could not {verb} your system's password store ({type(exc).__name__}).",
        "Check that the password store is running and unlocked, then try again.",
    )


class MemoryStore:
    """"Ask each session": secrets kept in this process only, gone when Fondly quits."""

    kind = "memory"

    def __init__(self) -> None:
        self._secrets: dict[str, str] = {}

    def __repr__(self) -> str:
        return f"<MemoryStore holding {len(self._secrets)} secret(s)>"

    def get(self, name: str) -> str | None:
        return self._secrets.get(name)

    def set(self, name: str, secret: str) -> None:
        self._secrets[name] = secret

    def delete(self, name: str) -> None:
        self._secrets.pop(name, None)


def open_credential_store(
    *, ask_each_session: bool, backend: KeyringBackend | None = None, memory: MemoryStore | None = None
) -> KeyringStore | MemoryStore:
    """The store to use: the OS keyring, or memory when the owner chose "ask each session".

    *backend* defaults to `keyring.get_keyring()` (which may block while it probes D-Bus).

    :raises AppError: no secure keyring and the owner has not chosen "ask each session".
    """
    if ask_each_session:
        return memory if memory is not None else MemoryStore()
    backend = backend if backend is not None else keyring.get_keyring()
    reason = insecure_reason(backend)
    if reason is not None:
        log.info("refusing keyring backend %s: %s", type(backend).__name__, reason)
        raise AppError(NO_SECURE_BACKEND, NO_SECURE_BACKEND_HINT)
    return KeyringStore(backend)


def has_secure_backend(backend: KeyringBackend | None = None) -> bool:
    """Whether the OS keyring can be used (probes it: call off the UI thread)."""
    return insecure_reason(backend if backend is not None else keyring.get_keyring()) is None
