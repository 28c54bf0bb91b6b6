"""Microsoft OAuth2 for SMTP (Outlook.com, Microsoft 365) with msal: sign-in and token refresh.

Only the refresh token is kept, and only by the caller's secret store (the OS keyring); access
tokens live in memory for their hour. The msal application object is the boundary: tests pass
their own.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

AUTHORITY = "https://login.microsoftonline.com/common"
# offline_access (for the refresh token) is added by msal itself.
SMTP_SCOPES = ["https://outlook.office.com/SMTP.Send"]
# Refresh a little before expiry so a token does not lapse between EHLO and AUTH.
EXPIRY_MARGIN_S = 120


class OAuthError(Exception):
    """Signing in or refreshing failed; `needs_sign_in` when only a new sign-in will help."""

    def __init__(self, message: str, *, needs_sign_in: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.needs_sign_in = needs_sign_in


class MsalApp(Protocol):
    """The part of `msal.PublicClientApplication` used here."""

    def acquire_token_interactive(self, scopes: list[str], **kwargs: Any) -> dict: ...

    def acquire_token_by_refresh_token(self, refresh_token: str, scopes: list[str]) -> dict: ...


@dataclass(frozen=True)
class TokenGrant:
    access_token: str
    refresh_token: str | None
    expires_at: float  # time.monotonic() seconds
    username: str | None  # the signed-in address, when Microsoft says it

    def __repr__(self) -> str:
        return f"<TokenGrant for {self.username or '?'}>"


def make_msal_app(client_id: str, *, authority: str = AUTHORITY) -> MsalApp:
    """A real public client. Imported lazily: msal pulls in requests and cryptography."""
    if not client_id:
        raise OAuthError(
            "Signing in with Microsoft needs an application (client) ID in Settings → Mail "
            "account. The README explains how to register one."
        )
    import msal

    return msal.PublicClientApplication(client_id, authority=authority)


def _grant(result: dict, *, now: float, action: str) -> TokenGrant:
    if not isinstance(result, dict) or "access_token" not in result:
        error = (result or {}).get("error", "unknown_error") if isinstance(result, dict) else "no_reply"
        description = (result or {}).get("error_description", "") if isinstance(result, dict) else ""
        first_line = description.splitlines()[0] if description else ""
        needs_sign_in = error in ("invalid_grant", "interaction_required", "login_required")
        detail = f" ({error}{': ' + first_line if first_line else ''})"
        if needs_sign_in:
            return_msg = f"Microsoft asks you to sign in again{detail}."
        elif error in ("access_denied", "authorization_pending", "user_canceled"):
            return_msg = f"Signing in with Microsoft was cancelled{detail}."
        else:
            return_msg = f"Microsoft did not {action}{detail}."
        raise OAuthError(return_msg, needs_sign_in=needs_sign_in)
    claims = result.get("id_token_claims") or {}
    return TokenGrant(
        access_token=result["access_token"],
        refresh_token=result.get("refresh_token"),
        expires_at=now + float(result.get("expires_in", 3600)),
        username=claims.get("preferred_username") or claims.get("email"),
    )


def sign_in(app: MsalApp, *, login_hint: str | None = None, timeout: int = 300,
            clock: Callable[[], float] = time.monotonic) -> TokenGrant:
    """Open the system browser at Microsoft's sign-in page (redirect to http://localhost).

    Blocks until the owner finishes or *timeout* seconds pass: run it on the `net` lane.

    :raises OAuthError: cancelled, refused or timed out.
    """
    try:
        result = app.acquire_token_interactive(
            SMTP_SCOPES, login_hint=login_hint, prompt="select_account", timeout=timeout
        )
    except OSError as exc:
        raise OAuthError(f"Could not open the Microsoft sign-in page ({exc}).") from None
    return _grant(result, now=clock(), action="sign you in")


def refresh(app: MsalApp, refresh_token: str, *,
            clock: Callable[[], float] = time.monotonic) -> TokenGrant:
    """A fresh access token (and perhaps a rotated refresh token) from a stored refresh token.

    :raises OAuthError: with `needs_sign_in` when the refresh token is expired or revoked.
    """
    try:
        result = app.acquire_token_by_refresh_token(refresh_token, SMTP_SCOPES)
    except OSError as exc:
        raise OAuthError(f"Could not reach Microsoft to renew the sign-in ({exc}).") from None
    return _grant(result, now=clock(), action="renew the sign-in")


class AccessTokenSource:
    """A callable for `SmtpSession`: returns a valid access token, refreshing when needed.

    *load_refresh_token* / *save_refresh_token* reach the OS keyring; a rotated refresh token is
    saved at once (Microsoft may invalidate the old one). Thread-safe; call off the UI thread.
    """

    def __init__(
        self,
        app: MsalApp,
        *,
        load_refresh_token: Callable[[], str | None],
        save_refresh_token: Callable[[str], None],
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._app = app
        self._load = load_refresh_token
        self._save = save_refresh_token
        self._clock = clock
        self._grant: TokenGrant | None = None
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return "<AccessTokenSource>"

    def __call__(self) -> str:
        with self._lock:
            now = self._clock()
            if self._grant is not None and self._grant.expires_at - EXPIRY_MARGIN_S > now:
                return self._grant.access_token
            stored = self._load()
            if not stored:
                raise OAuthError(
                    "Fondly is not signed in to your Microsoft account yet.", needs_sign_in=True
                )
            grant = refresh(self._app, stored, clock=self._clock)
            if grant.refresh_token and grant.refresh_token != stored:
                self._save(grant.refresh_token)
            self._grant = grant
            return grant.access_token

    def forget(self) -> None:
        """Drop the cached access token (after the server refused it)."""
        with self._lock:
            self._grant = None
