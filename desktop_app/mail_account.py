"""The owner's mail account: settings (never the secret), secrets via the keyring, tests in plain words.

The account is stored in the `settings` table under the key ``mail_account``. The password or
refresh token lives only in a `CredentialStore`. Functions that touch the keyring or the network
block: the UI runs them on the `net` lane.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from desktop_app.credentials import (
    CredentialStore,
    MemoryStore,
    has_secure_backend,
    open_credential_store,
    password_key,
    refresh_token_key,
)
from desktop_app.errors import AppError
from desktop_app.mail_presets import Preset, guess_preset, preset
from desktop_app.settings import Settings
from mailers import oauth
from mailers.messages import MessageFieldError, build_message, check_header_text, make_addr_spec
from mailers.smtp import (
    SmtpAuthError,
    SmtpConfig,
    SmtpConnectError,
    SmtpError,
    SmtpQuotaError,
    SmtpRecipientRefused,
    SmtpSession,
    SmtpTemporaryError,
    SmtpTlsError,
    test_login,
)
from storage import keyvalue

SETTINGS_KEY = "mail_account"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class MailAccount:
    """How to reach the owner's mailbox. Holds no secret."""

    preset: str
    email: str
    name: str = ""
    host: str = ""
    port: int = 587
    security: str = "starttls"
    username: str = ""
    auth: str = "password"
    cafile: str | None = None
    oauth_client_id: str = ""
    # No secure keyring: keep the password in memory and ask again after each start.
    ask_each_session: bool = False

    @property
    def provider(self) -> Preset:
        return preset(self.preset)

    @property
    def provider_label(self) -> str:
        return self.provider.label if self.preset != "custom" else self.host

    @property
    def login_name(self) -> str:
        return self.username or self.email

    def smtp_config(self) -> SmtpConfig:
        return SmtpConfig(
            host=self.host,
            port=self.port,
            security=self.security,  # type: ignore[arg-type]
            username=self.login_name,
            auth=self.auth,  # type: ignore[arg-type]
            cafile=self.cafile or None,
        )

    def replace(self, **changes) -> MailAccount:
        return dataclasses.replace(self, **changes)


def account_for(
    email: str, *, preset_key: str | None = None, name: str = "", **overrides
) -> MailAccount:
    """A new account from a preset (guessed from *email* when not given), with *overrides*."""
    chosen = preset(preset_key) if preset_key else guess_preset(email)
    values = dict(
        preset=chosen.key, email=email.strip(), name=name.strip(), host=chosen.host,
        port=chosen.port, security=chosen.security, auth=chosen.auth,
    )
    values.update({k: v for k, v in overrides.items() if v is not None})
    return MailAccount(**values)


def validate_account(account: MailAccount) -> MailAccount:
    """The account as stored, or an AppError naming the field to fix."""
    try:
        make_addr_spec("e-mail address", account.email)
        check_header_text("name", account.name)
    except MessageFieldError as exc:
        raise AppError(str(exc), "Type your shop's e-mail address, like ana@example.com.") from None
    if any(ord(ch) < 32 for ch in account.name + account.username + account.host):
        raise AppError("The name, user name or server contains a line break.", "Remove it.")
    if not account.host.strip():
        raise AppError("The outgoing mail server is missing.", account.provider.help)
    if not 0 < int(account.port) < 65536:
        raise AppError(f"The port {account.port} is not valid.", "465 uses SSL/TLS, 587 STARTTLS.")
    if account.security not in ("ssl", "starttls"):
        raise AppError(f"Unknown security “{account.security}”.", "Choose SSL/TLS or STARTTLS.")
    if account.auth not in ("password", "xoauth2"):
        raise AppError(f"Unknown sign-in method “{account.auth}”.")
    if account.provider.oauth_only and account.auth != "xoauth2":
        raise AppError(f"{account.provider.label} accepts only “Sign in with Microsoft”.")
    if account.cafile and not Path(account.cafile).is_file():
        raise AppError(f"The CA file {account.cafile} does not exist.", "Choose the file again.")
    return account.replace(host=account.host.strip(), email=account.email.strip())


def load_account(db: Database) -> MailAccount | None:
    stored = keyvalue.read(db, "settings", SETTINGS_KEY)
    if not stored:
        return None
    known = {f.name for f in dataclasses.fields(MailAccount)}
    return MailAccount(**{k: v for k, v in stored.items() if k in known})


def save_account(db: Database, account: MailAccount) -> None:
    """Store the account settings (validated). The secret is saved separately, in the keyring."""
    account = validate_account(account)
    with db.atomic():
        keyvalue.write(db, "settings", {SETTINGS_KEY: dataclasses.asdict(account)})


def send_limits(account: MailAccount | None, settings: Settings) -> tuple[int, int]:
    """(per rolling 24 h, per minute): the owner's own caps, else the provider's defaults."""
    provider = account.provider if account else preset("custom")
    daily = settings.daily_send_cap or provider.daily_cap
    per_minute = settings.per_minute_send_cap or provider.per_minute
    return daily, per_minute


# -- secrets -------------------------------------------------------------------------------


class AccountSecrets:
    """Finds the secret for an account: the keyring, or this session's memory.

    One instance lives for the whole app run (the composition root makes it), so "ask each
    session" passwords survive until Fondly quits and no longer.
    """

    def __init__(
        self,
        *,
        keyring_backend=None,
        msal_app_factory: Callable[[str], oauth.MsalApp] = oauth.make_msal_app,
    ) -> None:
        self.memory = MemoryStore()
        self._backend = keyring_backend
        self._msal_app_factory = msal_app_factory

    def has_secure_store(self) -> bool:
        """Whether the OS keyring is usable (a probe: may block, call off the UI thread)."""
        return has_secure_backend(self._backend)

    def store(self, account: MailAccount) -> CredentialStore:
        """:raises AppError: no secure keyring and the account does not ask each session."""
        return open_credential_store(
            ask_each_session=account.ask_each_session, backend=self._backend, memory=self.memory
        )

    def save_password(self, account: MailAccount, password: str) -> None:
        if not password:
            raise AppError("The password is empty.", f"Type your {account.provider.password_words}.")
        self.store(account).set(password_key(account.email), password)

    def has_secret(self, account: MailAccount) -> bool:
        key = refresh_token_key if account.auth == "xoauth2" else password_key
        return bool(self.store(account).get(key(account.email)))

    def forget(self, account: MailAccount) -> None:
        store = self.store(account)
        store.delete(password_key(account.email))
        store.delete(refresh_token_key(account.email))

    def forget_replaced(self, previous: MailAccount | None, current: MailAccount) -> None:
        """Remove the old address's secrets once the account moved to another address."""
        if previous is None or previous.email.lower() == current.email.lower():
            return
        try:
            self.forget(previous)
        except AppError:
            log.info("could not remove the previous account's secret; it stays in the keyring")

    def secret(self, account: MailAccount) -> str | Callable[[], str]:
        """What `SmtpSession` needs: the password, or an access-token source for OAuth2."""
        store = self.store(account)
        if account.auth == "xoauth2":
            app = self._msal_app_factory(account.oauth_client_id)
            key = refresh_token_key(account.email)
            return oauth.AccessTokenSource(
                app,
                load_refresh_token=lambda: store.get(key),
                save_refresh_token=lambda token: store.set(key, token),
            )
        password = store.get(password_key(account.email))
        if not password:
            where = "for this session" if account.ask_each_session else "in your password store"
            raise AppError(
                f"No password is saved {where} for {account.email}.",
                f"Enter your {account.provider.password_words} in Settings → Mail account.",
            )
        return password

    def sign_in_microsoft(self, account: MailAccount) -> str:
        """Open the browser for Microsoft's sign-in; keep the refresh token. Returns who signed in."""
        try:
            app = self._msal_app_factory(account.oauth_client_id)
            grant = oauth.sign_in(app, login_hint=account.email)
        except oauth.OAuthError as exc:
            raise AppError(exc.message, "Try “Sign in with Microsoft” again.") from None
        if not grant.refresh_token:
            raise AppError("Microsoft did not allow Fondly to stay signed in.",
                           "Try again; if it keeps happening, check the app registration.")
        self.store(account).set(refresh_token_key(account.email), grant.refresh_token)
        return grant.username or account.email


# -- plain-words results -------------------------------------------------------------------


def explain(account: MailAccount, error: Exception) -> AppError:
    """An owner-facing AppError for an SMTP or sign-in failure, in the provider's words."""
    label = account.provider_label
    provider = account.provider
    said = ""
    if isinstance(error, SmtpError) and (error.code or error.server_text):
        said = f" (The server said: {error.code or ''} {error.server_text}".rstrip() + ")"
    if isinstance(error, oauth.OAuthError):
        return AppError(error.message, "Click “Sign in with Microsoft” in Settings → Mail account.")
    if isinstance(error, SmtpAuthError):
        if account.auth == "xoauth2":
            return AppError(f"{label} refused the Microsoft sign-in.{said}",
                            "Click “Sign in with Microsoft” again. " + provider.help)
        if provider.password_words != "password":
            return AppError(f"{label} refused the password.{said}", provider.help)
        return AppError(
            f"{label} refused the user name or password.{said}",
            "Check both and try again. " + (provider.help if provider.key != "custom" else ""),
        )
    if isinstance(error, SmtpTlsError):
        return AppError(error.message,
                        "If it is your own mail server, choose its CA file; otherwise check the "
                        "server name, port and security.")
    if isinstance(error, SmtpQuotaError):
        return AppError(f"{label} says the sending limit is reached for now.{said}",
                        "Fondly waits and sends the rest later.")
    if isinstance(error, SmtpTemporaryError):
        return AppError(f"{error.message}{said}", "Try again in a few minutes.")
    if isinstance(error, SmtpRecipientRefused):
        return AppError(f"{label} refused the message.{said}", "Check the e-mail address.")
    if isinstance(error, SmtpConnectError):
        return AppError(error.message, "Check the internet connection, the server, port and security.")
    if isinstance(error, SmtpError):
        return AppError(str(error), "Try again later.")
    raise error


def check_connection(account: MailAccount, secret: str | Callable[[], str]) -> str:
    """Log in only; a sentence for the owner, or AppError in plain words."""
    try:
        if callable(secret):
            with SmtpSession(account.smtp_config(), secret):
                pass
        else:
            test_login(account.smtp_config(), secret)
    except (SmtpError, oauth.OAuthError) as exc:
        raise explain(account, exc) from None
    return f"Fondly logged in to {account.host} as {account.login_name}. Everything is ready."


def send_test_to_self(account: MailAccount, secret: str | Callable[[], str]) -> str:
    """Send a short message from the owner to the owner; a sentence saying it went."""
    message = build_message(
        sender_name=account.name, sender_address=account.email,
        recipient_name=account.name, recipient_address=account.email,
        subject="Fondly test message",
        text=("This is a test from Fondly. If you can read it, your customers' notes will leave "
              "from this mailbox.\n"),
        occasion=None,
    )
    try:
        with SmtpSession(account.smtp_config(), secret) as session:
            reply = session.send(message)
    except (SmtpError, oauth.OAuthError) as exc:
        raise explain(account, exc) from None
    return f"A test message went to {account.email}. The server said: {reply}"
