"""``fondly account set``, ``fondly account test`` and ``fondly account sign-in``."""

from __future__ import annotations

import argparse
import sys

from desktop_app.errors import AppError
from desktop_app.mail_account import (
    AccountSecrets,
    MailAccount,
    account_for,
    check_connection,
    load_account,
    save_account,
    send_test_to_self,
)
from desktop_app.mail_presets import PRESETS, preset

_SECURITY_WORDS = {"ssl": "SSL/TLS", "starttls": "STARTTLS"}


def register(sub, parents) -> None:
    account = sub.add_parser("account", parents=parents, help="set up and test the mail account")
    asub = account.add_subparsers(dest="account_command", metavar="ACTION", required=True)

    set_ = asub.add_parser("set", parents=parents, help="save the mail account")
    set_.add_argument("--preset", required=True, choices=[p.key for p in PRESETS],
                      help="the mail provider (custom: give --host, --port and --security)")
    set_.add_argument("--email", required=True, help="the shop's address messages come from")
    set_.add_argument("--name", default="", help="the name customers see as the sender")
    set_.add_argument("--host", help="outgoing (SMTP) server")
    set_.add_argument("--port", type=int, help="465 (SSL/TLS) or 587 (STARTTLS)")
    set_.add_argument("--security", choices=["ssl", "starttls"])
    set_.add_argument("--username", help="login name when it is not the e-mail address")
    set_.add_argument("--password-stdin", action="store_true",
                      help="read the password (or app password) from standard input and keep it "
                           "in the system password store")
    set_.add_argument("--cafile", metavar="PEM", help="an extra CA certificate to trust")
    set_.add_argument("--client-id", help="Microsoft application (client) ID for OAuth2")
    set_.set_defaults(handler=run_set)

    test = asub.add_parser("test", parents=parents, help="log in to the mail server")
    test.add_argument("--password-stdin", action="store_true",
                      help="use the password from standard input for this test only")
    test.add_argument("--send-to-self", action="store_true",
                      help="also send a short test message to the shop's own address")
    test.set_defaults(handler=run_test)

    sign_in = asub.add_parser("sign-in", parents=parents,
                              help="sign in with Microsoft in the browser (Outlook.com, 365)")
    sign_in.set_defaults(handler=run_sign_in)


def _read_password() -> str:
    # One line; only the line ending is stripped (spaces may belong to the password).
    return sys.stdin.readline().rstrip("\r\n")


def describe(account: MailAccount) -> str:
    return (f"{account.email} via {account.host}:{account.port} "
            f"({_SECURITY_WORDS.get(account.security, account.security)}, {preset(account.preset).label})")


def run_set(args: argparse.Namespace, ctx) -> int:
    previous = load_account(ctx.db)
    chosen = preset(args.preset)
    keep = {}
    if previous and previous.email.lower() == args.email.strip().lower():
        keep = {"oauth_client_id": previous.oauth_client_id}
    account = account_for(
        args.email, preset_key=args.preset, name=args.name, host=args.host, port=args.port,
        security=args.security, username=args.username, cafile=args.cafile,
        oauth_client_id=args.client_id if args.client_id is not None else keep.get("oauth_client_id"),
    )
    if args.preset == "custom" and not args.host:
        raise AppError("A custom account needs --host (and usually --port and --security).")
    secrets = AccountSecrets()
    password = _read_password() if args.password_stdin else None
    if password is not None and chosen.oauth_only:
        raise AppError(f"{chosen.label} does not accept passwords.",
                       "Leave out --password-stdin and run `fondly account sign-in`.")
    save_account(ctx.db, account)
    ctx.print(f"Saved the mail account {describe(account)}.")
    if password is not None:
        secrets.save_password(account, password)
        ctx.print("The password is kept in the system password store.")
    elif account.auth == "xoauth2":
        ctx.print("Next: run `fondly account sign-in` to sign in with Microsoft.")
    else:
        ctx.print(f"Next: give the {chosen.password_words} with --password-stdin.")
    secrets.forget_replaced(previous, account)
    return 0


def _account(ctx) -> MailAccount:
    account = load_account(ctx.db)
    if account is None:
        raise AppError("No mail account is set up yet.",
                       "Run `fondly account set --preset … --email …` first.")
    return account


def run_test(args: argparse.Namespace, ctx) -> int:
    account = _account(ctx)
    secret = _read_password() if args.password_stdin else AccountSecrets().secret(account)
    ctx.print(check_connection(account, secret))
    if args.send_to_self:
        ctx.print(send_test_to_self(account, secret))
    return 0


def run_sign_in(args: argparse.Namespace, ctx) -> int:
    account = _account(ctx)
    if account.auth != "xoauth2":
        raise AppError(f"{account.email} signs in with a password, not with Microsoft.")
    ctx.print("Opening Microsoft's sign-in page in your browser…")
    who = AccountSecrets().sign_in_microsoft(account)
    ctx.print(f"Signed in as {who}. The sign-in is kept in the system password store.")
    return 0
