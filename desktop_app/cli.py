"""The ``fondly`` command line: the GUI by default, and subcommands over the same services."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TextIO

from desktop_app import __version__
from desktop_app.commands import command_modules
from desktop_app.errors import AppError, Cancelled
from desktop_app.workspace import Workspace


@dataclass
class CliContext:
    """What a command handler gets: the workspace and where to write."""

    workspace: Workspace
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    _db: Any = None

    @property
    def db(self):
        if self._db is None:
            self._db = self.workspace.connect()
        return self._db

    def print(self, text: str = "") -> None:
        print(text, file=self.out)

    def print_json(self, data: Any) -> None:
        json.dump(data, self.out, ensure_ascii=False, indent=2, sort_keys=False, default=str)
        self.out.write("\n")


Handler = Callable[[argparse.Namespace, CliContext], int | None]


def _common_parent() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    # SUPPRESS lets --data-dir stand before or after the subcommand without one clobbering the other.
    parent.add_argument(
        "--data-dir",
        default=argparse.SUPPRESS,
        metavar="DIR",
        help="the shop's data folder (default: $FONDLY_DATA_DIR, else the OS's user data folder)",
    )
    return parent


def build_parser() -> argparse.ArgumentParser:
    parent = _common_parent()
    parser = argparse.ArgumentParser(
        prog="fondly",
        description="Personal notes for your shop's customers, approved by you.",
        parents=[parent],
    )
    parser.add_argument("--version", action="version", version=f"fondly {__version__}")
    parser.add_argument(
        "--smoke", action="store_true", help="open the window, print 'ready in N ms', and exit"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    gui = sub.add_parser("gui", parents=[parent], help="open the app (the default)")
    gui.add_argument("--smoke", action="store_true", help=argparse.SUPPRESS)
    for module in command_modules():
        module.register(sub, [parent])
    return parser


def _gui_start(argv: Sequence[str]) -> argparse.Namespace | None:
    """The options of a plain GUI start (no subcommand), or None for anything else.

    Building the whole parser imports every command module and, through them, their services
    (Jinja2, keyring, the importers): a third of the app's cold start, for nothing when the
    window is all that is asked for.
    """
    parser = argparse.ArgumentParser(add_help=False, parents=[_common_parent()], exit_on_error=False)
    parser.add_argument("--smoke", action="store_true")
    try:
        args, rest = parser.parse_known_args(argv)
    except (argparse.ArgumentError, SystemExit):  # e.g. --data-dir without a value: the full
        return None  # parser below says so properly
    return args if rest in ([], ["gui"]) else None


def main(argv: Sequence[str] | None = None) -> int:
    if getattr(sys, "frozen", False):
        # A bundled app started as a big import's reading process (Windows, macOS) does that
        # and exits here instead of opening a window.
        import multiprocessing

        multiprocessing.freeze_support()
    argv = list(sys.argv[1:] if argv is None else argv)
    quick = _gui_start(argv)
    if quick is not None:
        from desktop_app.app import run_gui  # Qt loads only for the GUI

        return run_gui(data_dir=getattr(quick, "data_dir", None), smoke=quick.smoke)
    parser = build_parser()
    args = parser.parse_args(argv)
    data_dir = getattr(args, "data_dir", None)
    if args.command in (None, "gui"):
        from desktop_app.app import run_gui  # Qt loads only for the GUI

        return run_gui(data_dir=data_dir, smoke=bool(getattr(args, "smoke", False)))
    ctx = CliContext(Workspace.at(data_dir))
    handler: Handler = args.handler
    try:
        return int(handler(args, ctx) or 0)
    except AppError as exc:
        print(f"fondly: {exc}", file=ctx.err)
        return 1
    except Cancelled:
        print("fondly: cancelled.", file=ctx.err)
        return 130
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `fondly customers list | head`: the reader left; say nothing more.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    finally:
        if ctx._db is not None:
            ctx._db.close()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
