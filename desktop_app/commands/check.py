"""``fondly check-draft FILE.json``: run the empathy and safety check on one draft."""

from __future__ import annotations

import argparse
import json
import sys

from desktop_app.checks import check_draft
from desktop_app.checks.draft_json import facts_from_json
from desktop_app.errors import AppError

_MARKS = {"block": "BLOCK", "warn": "warn ", "info": "info "}


def register(sub, parents) -> None:
    check = sub.add_parser(
        "check-draft",
        parents=parents,
        help="check one draft (JSON) for leftovers, consent and tone",
        description="Check one draft. FILE holds {occasion, subject, body, today, occasion_date?, "
        "last_message_at?, customer: {first_name, last_name, email, language, birthday, "
        "email_consent, do_not_contact, notes}, shop: {name, language, cooldown_days}}. "
        "Use - for standard input.",
    )
    check.add_argument("file", metavar="FILE.json", help="the draft as JSON, or - for stdin")
    check.add_argument("--json", action="store_true", help='print {"findings": [...]}')
    check.set_defaults(handler=run_check)


def _read(path: str) -> object:
    try:
        if path == "-":
            text = sys.stdin.read()
        else:
            with open(path, encoding="utf-8-sig") as handle:
                text = handle.read()
    except OSError as exc:
        raise AppError(f"Cannot read {path}: {exc.strerror}.") from exc
    except UnicodeDecodeError:
        raise AppError(f"{path} is not UTF-8 text.") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise AppError(
            f"{path} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})."
        ) from None


def run_check(args: argparse.Namespace, ctx) -> int:
    findings = check_draft(facts_from_json(_read(args.file)))
    if args.json:
        ctx.print_json({"findings": [f.to_json() for f in findings]})
        return 0
    if not findings:
        ctx.print("No findings: the draft looks good.")
        return 0
    for item in findings:
        ctx.print(f"{_MARKS[item.severity]}  {item.code:<22}  {item.message}")
    blocks = sum(f.severity == "block" for f in findings)
    ctx.print(f"{len(findings)} finding{'s' if len(findings) != 1 else ''}, {blocks} blocking")
    return 0
