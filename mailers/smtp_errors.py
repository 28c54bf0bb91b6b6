"""What can go wrong talking to a mail server, as our own exception types, and reply classification."""

from __future__ import annotations

import re

_ENHANCED = re.compile(r"^\s*([245]\.\d{1,3}\.\d{1,3})\b")
# Provider replies that mean "you sent too much for now" rather than "this message is bad".
# Gmail: 550 5.4.5 Daily user sending limit exceeded; 421 4.7.28 / 4.7.0 rate limited.
# Microsoft: 554 5.2.0 …SubmissionQuotaExceededException; 550 5.7.708; Yahoo: 554 … rate limit.
_QUOTA_STATUS = {"5.4.5", "4.4.5", "4.7.28", "5.7.708"}
_QUOTA_WORDS = re.compile(
    r"quota|rate.?limit|sending limit|limit exceeded|too many (?:messages|emails|mails|recipients)"
    r"|daily (?:user )?sending",
    re.IGNORECASE,
)


class SmtpError(Exception):
    """A failure talking to the mail server, in plain words; `code`/`server_text` when it replied."""

    def __init__(self, message: str, *, code: int | None = None, server_text: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.server_text = server_text

    def __str__(self) -> str:
        if self.code is not None or self.server_text:
            words = f"{self.code or ''} {self.server_text}".strip()
            return f"{self.message} (The server said: {words})"
        return self.message


class SmtpAuthError(SmtpError):
    """The server refused the login (535 and friends)."""


class SmtpTlsError(SmtpError):
    """Certificate or host-name verification failed, or STARTTLS was not offered."""


class SmtpConnectError(SmtpError):
    """Could not connect, or the connection dropped before a message started: safe to retry."""


class SmtpRecipientRefused(SmtpError):
    """A permanent (5xx) refusal of this one message; the batch can go on."""


class SmtpUtf8Unsupported(SmtpRecipientRefused):
    """The address needs SMTPUTF8 and this server does not offer it."""


class SmtpTemporaryError(SmtpError):
    """A temporary (4xx) refusal: try later."""


class SmtpQuotaError(SmtpError):
    """The provider's sending quota or rate limit is reached: wait for the window to free."""


class SmtpOutcomeUnknown(SmtpError):
    """The connection was lost after the message content began: it may have been delivered."""


def is_quota_reply(code: int, text: str) -> bool:
    status = _ENHANCED.match(text)
    if status and status.group(1) in _QUOTA_STATUS:
        return True
    if code == 421 and status and status.group(1) == "4.7.0":
        return True  # Gmail's "421 4.7.0 Try again later, closing connection" (rate)
    return code in (421, 450, 451, 452, 550, 552, 554) and bool(_QUOTA_WORDS.search(text))


def classify_reply(code: int, text: str, *, what: str) -> SmtpError:
    """Our error for a refusal *code*/*text* to *what* ("the sender", "the recipient", …).

    >>> type(classify_reply(550, "5.4.5 Daily user sending limit exceeded", what="the message"))
    <class 'mailers.smtp_errors.SmtpQuotaError'>
    >>> type(classify_reply(450, "4.2.1 Mailbox busy", what="the recipient")).__name__
    'SmtpTemporaryError'
    """
    if is_quota_reply(code, text):
        return SmtpQuotaError(
            "The mail provider's sending limit has been reached; sending waits until it frees up.",
            code=code,
            server_text=text,
        )
    if 400 <= code < 500:
        return SmtpTemporaryError(
            f"The server refused {what} for now; it will be tried again later.",
            code=code,
            server_text=text,
        )
    return SmtpRecipientRefused(f"The server refused {what}.", code=code, server_text=text)
