"""Microsoft OAuth2 with msal replaced at its boundary: sign-in, refresh, rotation, XOAUTH2 end to end."""

from __future__ import annotations

import pytest

from mailers.oauth import (
    SMTP_SCOPES,
    AccessTokenSource,
    OAuthError,
    make_msal_app,
    refresh,
    sign_in,
)
from mailers.smtp import SmtpAuthError, SmtpSession
from tests.smtp_fixtures import TOKEN


class FakeMsalApp:
    """Answers like msal.PublicClientApplication, from a script."""

    def __init__(self, *, refresh_results=(), interactive_result=None) -> None:
        self.refresh_results = list(refresh_results)
        self.interactive_result = interactive_result
        self.refresh_calls: list[tuple[str, list[str]]] = []
        self.interactive_calls: list[dict] = []

    def acquire_token_by_refresh_token(self, refresh_token, scopes):
        self.refresh_calls.append((refresh_token, list(scopes)))
        return self.refresh_results.pop(0)

    def acquire_token_interactive(self, scopes, **kwargs):
        self.interactive_calls.append({"scopes": list(scopes), **kwargs})
        return self.interactive_result


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _ok(access: str, refresh_token: str | None = "rt-2", expires_in: int = 3600) -> dict:
    result = {"access_token": access, "expires_in": expires_in, "token_type": "Bearer",
              "id_token_claims": {"preferred_username": "owner@example.com"}}
    if refresh_token:
        result["refresh_token"] = refresh_token
    return result


def test_sign_in_asks_for_smtp_send_and_returns_the_refresh_token():
    app = FakeMsalApp(interactive_result=_ok("at-1", "rt-1"))
    grant = sign_in(app, login_hint="owner@example.com")
    assert app.interactive_calls[0]["scopes"] == SMTP_SCOPES
    assert app.interactive_calls[0]["login_hint"] == "owner@example.com"
    assert (grant.access_token, grant.refresh_token, grant.username) == (
        "at-1", "rt-1", "owner@example.com")
    assert "at-1" not in repr(grant) and "rt-1" not in repr(grant)


def test_cancelled_sign_in_is_a_plain_error():
    app = FakeMsalApp(interactive_result={"error": "access_denied",
                                          "error_description": "The user cancelled.\nTrace: x"})
    with pytest.raises(OAuthError) as info:
        sign_in(app)
    assert "cancelled" in info.value.message
    assert "Trace" not in info.value.message


def test_refresh_rotates_and_saves_the_refresh_token_then_caches_the_access_token():
    clock = Clock()
    app = FakeMsalApp(refresh_results=[_ok("at-1", "rt-2"), _ok("at-2", None)])
    saved: list[str] = []
    source = AccessTokenSource(app, load_refresh_token=lambda: saved[-1] if saved else "rt-1",
                               save_refresh_token=saved.append, clock=clock)
    assert source() == "at-1"
    assert source() == "at-1"  # cached: no second call to Microsoft
    assert [c[0] for c in app.refresh_calls] == ["rt-1"]
    assert saved == ["rt-2"]
    clock.now += 3600 - 60  # inside the safety margin before expiry
    assert source() == "at-2"
    assert [c[0] for c in app.refresh_calls] == ["rt-1", "rt-2"]
    assert saved == ["rt-2"]  # no new refresh token given: the stored one stays
    assert all(scopes == SMTP_SCOPES for _, scopes in app.refresh_calls)


def test_expired_refresh_token_needs_a_new_sign_in():
    app = FakeMsalApp(refresh_results=[{"error": "invalid_grant",
                                        "error_description": "AADSTS70000: expired"}])
    with pytest.raises(OAuthError) as info:
        refresh(app, "rt-old")
    assert info.value.needs_sign_in
    assert "sign in again" in info.value.message


def test_no_stored_refresh_token_needs_sign_in():
    source = AccessTokenSource(FakeMsalApp(), load_refresh_token=lambda: None,
                               save_refresh_token=lambda t: None)
    with pytest.raises(OAuthError) as info:
        source()
    assert info.value.needs_sign_in


def test_missing_client_id_is_explained():
    with pytest.raises(OAuthError) as info:
        make_msal_app("")
    assert "client) ID" in info.value.message


def test_refreshed_token_logs_in_with_xoauth2(smtp_server):
    app = FakeMsalApp(refresh_results=[_ok(TOKEN, "rt-2")])
    source = AccessTokenSource(app, load_refresh_token=lambda: "rt-1",
                               save_refresh_token=lambda t: None)
    with SmtpSession(smtp_server.config(auth="xoauth2"), source):
        pass
    assert [(a.mechanism, a.success) for a in smtp_server.auth_attempts] == [("XOAUTH2", True)]


def test_a_refused_token_is_refreshed_once_and_retried(smtp_server):
    app = FakeMsalApp(refresh_results=[_ok("revoked-token", "rt-2"), _ok(TOKEN, "rt-3")])
    saved: list[str] = []
    source = AccessTokenSource(app, load_refresh_token=lambda: saved[-1] if saved else "rt-1",
                               save_refresh_token=saved.append)
    with SmtpSession(smtp_server.config(auth="xoauth2"), source):
        pass
    assert [(a.mechanism, a.success) for a in smtp_server.auth_attempts] == [
        ("XOAUTH2", False), ("XOAUTH2", True)]
    assert saved == ["rt-2", "rt-3"]


def test_a_revoked_access_token_is_refused_by_the_server(smtp_server):
    app = FakeMsalApp(refresh_results=[_ok("not-a-valid-token", "rt-2"),
                                       _ok("still-not-valid", "rt-3")])
    source = AccessTokenSource(app, load_refresh_token=lambda: "rt-1",
                               save_refresh_token=lambda t: None)
    with pytest.raises(SmtpAuthError), SmtpSession(smtp_server.config(auth="xoauth2"), source):
        pass
