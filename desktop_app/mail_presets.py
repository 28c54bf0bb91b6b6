"""Mail providers the owner can pick: server, security, sending limits and what each one needs.

Limits are the providers' published figures where they publish one (Gmail ~500/day, Google
Workspace 2,000, Outlook.com ~300, Microsoft 365 10,000/day and 30/min, iCloud 1,000, Yahoo
~500), otherwise a cautious guess; the owner can change them in Settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Security = Literal["ssl", "starttls"]
Auth = Literal["password", "xoauth2"]


@dataclass(frozen=True)
class Preset:
    key: str
    label: str
    host: str
    port: int
    security: Security
    auth: Auth
    daily_cap: int
    per_minute: int
    domains: tuple[str, ...] = ()
    # What the owner must type in the password field, e.g. "app password".
    password_words: str = "password"
    help: str = ""

    @property
    def oauth_only(self) -> bool:
        return self.auth == "xoauth2"


_APP_PASSWORD_GMAIL = (
    "Gmail needs an app password, not your usual password: turn on 2-Step Verification in your "
    "Google Account, then open myaccount.google.com/apppasswords, create one named “Fondly” "
    "and paste the 16 letters here."
)

PRESETS: tuple[Preset, ...] = (
    Preset(
        "gmail", "Gmail", "smtp.gmail.com", 465, "ssl", "password", 500, 20,
        ("gmail.com", "googlemail.com"), "app password", _APP_PASSWORD_GMAIL,
    ),
    Preset(
        "google_workspace", "Google Workspace", "smtp.gmail.com", 465, "ssl", "password", 2000, 30,
        (), "app password",
        "Google Workspace needs an app password: turn on 2-Step Verification, then create one "
        "at myaccount.google.com/apppasswords (your administrator may have to allow app "
        "passwords first).",
    ),
    Preset(
        "outlook", "Outlook.com / Hotmail", "smtp-mail.outlook.com", 587, "starttls", "xoauth2",
        300, 30,
        ("outlook.com", "hotmail.com", "live.com", "msn.com", "hotmail.co.uk", "hotmail.fr",
         "hotmail.de", "outlook.de", "outlook.fr", "live.co.uk"),
        "Microsoft sign-in",
        "Outlook.com accepts only “Sign in with Microsoft” (OAuth2); passwords are refused.",
    ),
    Preset(
        "microsoft365", "Microsoft 365 (work or school)", "smtp.office365.com", 587, "starttls",
        "xoauth2", 10000, 30, (), "Microsoft sign-in",
        "Microsoft 365 switches password sign-in for mail programs off by default at the end of "
        "2026: use “Sign in with Microsoft”. Your administrator must allow “Authenticated SMTP” "
        "for your mailbox.",
    ),
    Preset(
        "icloud", "iCloud Mail", "smtp.mail.me.com", 587, "starttls", "password", 1000, 20,
        ("icloud.com", "me.com", "mac.com"), "app-specific password",
        "iCloud needs an app-specific password: sign in at account.apple.com, open Sign-In and "
        "Security → App-Specific Passwords, create one named “Fondly” and paste it here.",
    ),
    Preset(
        "yahoo", "Yahoo Mail", "smtp.mail.yahoo.com", 465, "ssl", "password", 500, 20,
        ("yahoo.com", "ymail.com", "rocketmail.com", "yahoo.co.uk", "yahoo.de", "yahoo.fr",
         "yahoo.es", "yahoo.it", "yahoo.ca", "yahoo.com.au"),
        "app password",
        "Yahoo needs an app password: open Account Info → Account Security, choose “Generate "
        "app password”, name it “Fondly” and paste it here.",
    ),
    Preset(
        "fastmail", "Fastmail", "smtp.fastmail.com", 465, "ssl", "password", 1000, 20,
        ("fastmail.com", "fastmail.fm"), "app password",
        "Fastmail needs an app password: open Settings → Privacy & Security → Manage app "
        "passwords and access, create a new app password with SMTP access and paste it here.",
    ),
    Preset(
        "zoho", "Zoho Mail", "smtp.zoho.com", 465, "ssl", "password", 500, 20,
        ("zoho.com", "zohomail.com"), "password",
        "Use your Zoho password, or an app-specific password if two-factor sign-in is on. "
        "Accounts in the EU use smtp.zoho.eu (choose Custom).",
    ),
    Preset(
        "gmx", "GMX", "mail.gmx.net", 587, "starttls", "password", 500, 20,
        ("gmx.net", "gmx.de", "gmx.at", "gmx.ch", "gmx.com"), "password",
        "GMX only lets mail programs send once you allow it: in GMX, open E-Mail → Settings → "
        "POP3 & IMAP and tick “Enable access to this account via POP3 and IMAP”.",
    ),
    Preset(
        "webde", "WEB.DE", "smtp.web.de", 587, "starttls", "password", 500, 20,
        ("web.de",), "password",
        "WEB.DE only lets mail programs send once you allow it: in WEB.DE, open E-Mail → "
        "Settings → POP3/IMAP and tick “Allow access via POP3 and IMAP”.",
    ),
    Preset(
        "custom", "Other (enter the server)", "", 587, "starttls", "password", 500, 20, (),
        "password",
        "Your mail provider's help pages list the outgoing (SMTP) server, its port and the "
        "security: 465 uses SSL/TLS, 587 uses STARTTLS.",
    ),
)

_BY_KEY = {p.key: p for p in PRESETS}


def preset(key: str) -> Preset:
    """The preset called *key*; unknown keys (from a newer version) fall back to custom."""
    return _BY_KEY.get(key, _BY_KEY["custom"])


def guess_preset(email: str) -> Preset:
    """The provider guessed from the address's domain; custom when the domain is unknown.

    >>> guess_preset("ana@GMAIL.com").key, guess_preset("bo@me.com").key, guess_preset("x@shop.example").key
    ('gmail', 'icloud', 'custom')
    """
    domain = email.rpartition("@")[2].strip().lower().rstrip(".")
    for candidate in PRESETS:
        if domain in candidate.domains:
            return candidate
    return _BY_KEY["custom"]
