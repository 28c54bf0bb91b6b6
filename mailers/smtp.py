"""SMTP client over verified TLS: one session per batch, library errors translated into our own."""

from __future__ import annotations

import base64
import contextlib
import re
import smtplib
import socket
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Literal

from mailers.messages import envelope, needs_smtputf8
from mailers.smtp_errors import (  # re-exported: callers import them from here
    SmtpAuthError,
    SmtpConnectError,
    SmtpError,
    SmtpOutcomeUnknown,
    SmtpQuotaError,
    SmtpRecipientRefused,
    SmtpTemporaryError,
    SmtpTlsError,
    SmtpUtf8Unsupported,
    classify_reply,
    is_quota_reply,
)

__all__ = [
    "SmtpAuthError", "SmtpConfig", "SmtpConnectError", "SmtpError", "SmtpOutcomeUnknown",
    "SmtpQuotaError", "SmtpRecipientRefused", "SmtpSession", "SmtpTemporaryError",
    "SmtpTlsError", "SmtpUtf8Unsupported", "classify_reply", "is_quota_reply", "test_login",
]

# Dot-stuffing (RFC 5321 4.5.2): a line that starts with "." gets a second one.
_DOT_LINE = re.compile(rb"(?m)^\.")
@dataclass(frozen=True)
class SmtpConfig:
    """Where and how to log in; the secret is passed separately and never stored here."""

    host: str
    port: int
    security: Literal["ssl", "starttls"]
    username: str
    auth: Literal["password", "xoauth2"] = "password"
    cafile: str | None = None
    timeout: float = 30.0
    local_hostname: str | None = None


def _tls_context(cafile: str | None) -> ssl.SSLContext:
    # create_default_context always verifies the certificate and the host name; an extra CA file
    # is loaded on top of the system store, never instead of verification.
    context = ssl.create_default_context()
    if cafile:
        try:
            context.load_verify_locations(cafile=cafile)
        except (OSError, ssl.SSLError) as exc:
            raise SmtpTlsError(f"The CA file {cafile} could not be read ({exc}).") from None
    return context


def _b64(text: str) -> str:
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


def _decode(resp: bytes | str) -> str:
    return resp.decode("utf-8", "replace") if isinstance(resp, bytes) else str(resp)


class SmtpSession:
    """One authenticated connection reused for a batch; use as a context manager.

    *secret* is the password or OAuth2 access token, or a callable returning it (called at
    login, so a token can be refreshed just in time). It never appears in repr or errors.
    """

    def __init__(self, config: SmtpConfig, secret: str | Callable[[], str]) -> None:
        self.config = config
        self._secret = secret
        self._smtp: smtplib.SMTP | None = None
        self._redact: set[str] = set()

    def __repr__(self) -> str:
        state = "open" if self._smtp is not None else "closed"
        return f"<SmtpSession {self.config.username}@{self.config.host}:{self.config.port} {state}>"

    def __enter__(self) -> SmtpSession:
        self.open()
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    @property
    def is_open(self) -> bool:
        return self._smtp is not None

    @property
    def supports_smtputf8(self) -> bool:
        return self._smtp is not None and self._smtp.has_extn("smtputf8")

    def open(self) -> None:
        """Connect, secure the channel (verified TLS), EHLO and log in.

        :raises SmtpConnectError, SmtpTlsError, SmtpAuthError: as named.
        """
        if self._smtp is not None:
            return
        try:
            self._open_once()
        except SmtpAuthError:
            # An OAuth2 access token can be revoked or expire early: refresh it once and retry.
            forget = getattr(self._secret, "forget", None)
            if self.config.auth != "xoauth2" or forget is None:
                raise
            forget()
            self._open_once()

    def _open_once(self) -> None:
        cfg = self.config
        # Resolved before connecting: a token refresh failure is not an SMTP failure, and it
        # must surface as itself.
        secret = self._secret() if callable(self._secret) else self._secret
        self._remember_secret(secret)
        context = _tls_context(cfg.cafile)
        smtp: smtplib.SMTP | None = None
        try:
            if cfg.security == "ssl":
                smtp = smtplib.SMTP_SSL(
                    cfg.host, cfg.port, local_hostname=cfg.local_hostname,
                    timeout=cfg.timeout, context=context,
                )
                smtp.ehlo()
            elif cfg.security == "starttls":
                smtp = smtplib.SMTP(
                    cfg.host, cfg.port, local_hostname=cfg.local_hostname, timeout=cfg.timeout
                )
                smtp.ehlo()
                if not smtp.has_extn("starttls"):
                    raise SmtpTlsError(
                        f"{cfg.host} does not offer STARTTLS on port {cfg.port}, so the password "
                        "would travel unencrypted. Fondly will not log in like that; try SSL/TLS "
                        "on port 465."
                    )
                code, resp = smtp.starttls(context=context)
                if code != 220:
                    raise SmtpTlsError(
                        f"{cfg.host} refused to start encryption.",
                        code=code, server_text=_decode(resp),
                    )
                smtp.ehlo()
            else:
                raise ValueError(f"unknown security {cfg.security!r}")
            self._login(smtp, secret)
        except SmtpError:
            _quietly_close(smtp)
            raise
        except Exception as exc:
            _quietly_close(smtp)
            raise self._translate_open_error(exc) from None
        self._smtp = smtp

    def _login(self, smtp: smtplib.SMTP, secret: str) -> None:
        # Tripwire: the channel must be encrypted before any credential is sent.
        if not isinstance(smtp.sock, ssl.SSLSocket):
            raise SmtpTlsError("The connection is not encrypted; Fondly will not log in over it.")
        cfg = self.config
        offered = smtp.esmtp_features.get("auth", "").upper().split()
        # The exchanges are written out rather than left to smtplib.login(), which encodes
        # credentials as ASCII only; RFC 4616/4954 say UTF-8.
        if cfg.auth == "xoauth2":
            if "XOAUTH2" not in offered:
                raise SmtpAuthError(f"{cfg.host} does not offer OAuth2 (XOAUTH2) login.")
            initial = f"user={cfg.username}\x01auth=Bearer {secret}\x01\x01"
            self._redact.add(_b64(initial))
            code, resp = smtp.docmd("AUTH", "XOAUTH2 " + _b64(initial))
            if code == 334:
                # The server sent a JSON error as a challenge; the client must answer empty.
                code, resp = smtp.docmd("")
        elif "PLAIN" in offered:
            plain = f"\0{cfg.username}\0{secret}"
            self._redact.add(_b64(plain))
            code, resp = smtp.docmd("AUTH", "PLAIN " + _b64(plain))
        elif "LOGIN" in offered:
            code, resp = smtp.docmd("AUTH", "LOGIN " + _b64(cfg.username))
            if code == 334:
                code, resp = smtp.docmd(_b64(secret))
        else:
            raise SmtpAuthError(
                f"{cfg.host} offers no login method Fondly can use on port {cfg.port}"
                + (f" (it offers {', '.join(offered)})." if offered else ".")
            )
        if code not in (235, 503):
            raise smtplib.SMTPAuthenticationError(code, resp)

    def _remember_secret(self, secret: str) -> None:
        if secret:
            self._redact.update((secret, _b64(secret)))

    def _scrub(self, text: str) -> str:
        for value in sorted(self._redact, key=len, reverse=True):  # longest first
            if value:
                text = text.replace(value, "•••")
        return text

    def _translate_open_error(self, exc: BaseException) -> SmtpError:
        host, port = self.config.host, self.config.port
        if isinstance(exc, smtplib.SMTPAuthenticationError) and 400 <= exc.smtp_code < 500:
            # 454 4.7.0 "Temporary authentication failure" / "Too many login attempts".
            return SmtpTemporaryError(
                f"{host} could not check the login just now; it will be tried again later.",
                code=exc.smtp_code, server_text=self._scrub(_decode(exc.smtp_error)),
            )
        if isinstance(exc, smtplib.SMTPAuthenticationError):
            return SmtpAuthError(
                f"{host} refused the user name or password.",
                code=exc.smtp_code, server_text=self._scrub(_decode(exc.smtp_error)),
            )
        if isinstance(exc, smtplib.SMTPNotSupportedError | smtplib.SMTPException) and not isinstance(
            exc, smtplib.SMTPServerDisconnected | smtplib.SMTPResponseException
        ):
            return SmtpAuthError(f"{host} offers no login method Fondly can use ({self._scrub(str(exc))}).")
        if isinstance(exc, ssl.SSLCertVerificationError):
            return SmtpTlsError(
                f"The certificate of {host} could not be verified ({exc.verify_message}). If this "
                "is your own server, choose its CA certificate file; otherwise check the server name."
            )
        if isinstance(exc, ssl.SSLError):
            hint = (
                " Port 587 usually needs STARTTLS rather than SSL/TLS."
                if self.config.security == "ssl" else ""
            )
            return SmtpTlsError(f"A secure connection to {host}:{port} failed ({exc.reason}).{hint}")
        if isinstance(exc, smtplib.SMTPResponseException):
            code, text = exc.smtp_code, self._scrub(_decode(exc.smtp_error))
            if code in (535, 534, 530):
                return SmtpAuthError(f"{host} refused the login.", code=code, server_text=text)
            if is_quota_reply(code, text):
                return classify_reply(code, text, what="the connection")
            return SmtpConnectError(
                f"{host} refused the connection.", code=code, server_text=text
            )
        if isinstance(exc, socket.gaierror):
            return SmtpConnectError(
                f"The server name {host} could not be found. Check the name and the internet "
                "connection."
            )
        timed_out = isinstance(exc, TimeoutError) or (
            isinstance(exc, smtplib.SMTPServerDisconnected) and "timed out" in str(exc)
        )
        if timed_out:
            return SmtpConnectError(
                f"{host}:{port} did not answer in time. Check the internet connection, the port "
                "and the security setting (465 uses SSL/TLS, 587 uses STARTTLS)."
            )
        if isinstance(exc, smtplib.SMTPServerDisconnected | OSError):
            return SmtpConnectError(f"Could not connect to {host}:{port} ({self._scrub(str(exc))}).")
        return SmtpConnectError(f"Talking to {host} failed ({type(exc).__name__}).")

    def send(self, message: EmailMessage) -> str:
        """Send one message and return the server's final reply (e.g. ``250 2.0.0 Ok: queued``).

        Opens the session first when it is not open. A connection-level failure closes the
        session, so the next `send` reconnects.

        :raises SmtpRecipientRefused: 5xx for this message (incl. `SmtpUtf8Unsupported`).
        :raises SmtpTemporaryError, SmtpQuotaError: 4xx / quota; the session may be closed.
        :raises SmtpConnectError: lost before the content began: not delivered, safe to retry.
        :raises SmtpOutcomeUnknown: lost after the content began: may have been delivered.
        """
        self.open()
        smtp = self._smtp
        assert smtp is not None
        sender, recipients = envelope(message)
        mail_options: list[str] = []
        if needs_smtputf8(message):
            if not smtp.has_extn("smtputf8"):
                raise SmtpUtf8Unsupported(
                    f"The address {recipients[0]} uses non-Latin letters before the @, and "
                    f"{self.config.host} cannot deliver to such addresses."
                )
            mail_options = ["SMTPUTF8", "BODY=8BITMIME"]
            data = message.as_bytes(policy=message.policy.clone(utf8=True))
        else:
            data = message.as_bytes()
        started = False
        try:
            code, resp = smtp.mail(sender, mail_options)
            if code != 250:
                raise self._refusal(code, resp, what="the sender address")
            code, resp = smtp.rcpt(recipients[0])
            if code not in (250, 251):
                raise self._refusal(code, resp, what=f"the recipient {recipients[0]}")
            smtp.putcmd("data")
            code, resp = smtp.getreply()
            if code != 354:
                raise self._refusal(code, resp, what="the message")
            # From here on the server may hold the content: a lost reply means "maybe delivered".
            started = True
            payload = _DOT_LINE.sub(b"..", data)
            if not payload.endswith(b"\r\n"):
                payload += b"\r\n"
            smtp.send(payload + b"." + b"\r\n")
            code, resp = smtp.getreply()
            if code != 250:
                raise self._refusal(code, resp, what="the message")
            return f"{code} {_decode(resp)}"
        except SmtpError:
            raise
        except smtplib.SMTPResponseException as exc:
            self._drop()
            raise self._refusal(exc.smtp_code, exc.smtp_error, what="the message") from None
        except (smtplib.SMTPServerDisconnected, OSError) as exc:
            self._drop()
            if started:
                raise SmtpOutcomeUnknown(
                    "The connection was lost while the message was being sent; it may or may not "
                    "have arrived."
                ) from None
            raise SmtpConnectError(
                f"The connection to {self.config.host} was lost before the message was sent "
                f"({type(exc).__name__})."
            ) from None

    def _refusal(self, code: int, resp: bytes | str, *, what: str) -> SmtpError:
        text = self._scrub(_decode(resp))
        if code == 421 or code < 0:
            # 421: the server is closing the channel; -1: smtplib saw it close.
            self._drop()
            if code < 0:
                return SmtpConnectError(f"{self.config.host} closed the connection.")
        else:
            self._reset()
        return classify_reply(code, text, what=what)

    def _reset(self) -> None:
        try:
            if self._smtp is not None:
                self._smtp.rset()
        except (smtplib.SMTPException, OSError):
            self._drop()

    def _drop(self) -> None:
        _quietly_close(self._smtp)
        self._smtp = None

    def close(self) -> None:
        """Say QUIT politely; a failure here changes nothing that was sent."""
        smtp, self._smtp = self._smtp, None
        if smtp is None:
            return
        try:
            smtp.quit()
        except (smtplib.SMTPException, OSError):
            _quietly_close(smtp)


def _quietly_close(smtp: smtplib.SMTP | None) -> None:
    if smtp is None:
        return
    with contextlib.suppress(OSError):
        smtp.close()


def test_login(config: SmtpConfig, secret: str) -> None:
    """Connect and log in only, then say goodbye.

    :raises SmtpError: a subclass saying what went wrong, in plain words.
    """
    with SmtpSession(config, secret):
        pass


# pytest would otherwise collect the module-level test_login as a test.
test_login.__test__ = False  # type: ignore[attr-defined]
