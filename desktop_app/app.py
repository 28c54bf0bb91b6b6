"""The composition root: opens the store, builds the services, the task manager and the window."""

from __future__ import annotations

import sys
import time

from desktop_app import qt_check
from desktop_app.workspace import Workspace

_STARTED = time.perf_counter()


def run_gui(*, data_dir: str | None = None, smoke: bool = False) -> int:
    """Open the app on *data_dir*. With *smoke*, print ``ready in N ms`` once the window is up.

    Returns the process exit code.
    """
    missing = qt_check.missing_packages()
    if missing:
        print(qt_check.explain(missing), file=sys.stderr)
        return 2
    problem = qt_check.display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    try:
        from PySide6.QtWidgets import QApplication  # noqa: F401 - fails here when a library is missing
    except ImportError as exc:
        print(f"Fondly cannot load Qt: {exc}. Reinstall with `make run`.", file=sys.stderr)
        return 2
    return _run(Workspace.at(data_dir), smoke=smoke)


SMOKE_TIMEOUT_MS = 60_000


def _run(workspace: Workspace, *, smoke: bool) -> int:
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop_app.errors import AppError
    from ui.context import UiContext
    from ui.errors import install_excepthook, show_app_error
    from ui.pages import build_pages
    from ui.shell import AppShell
    from ui.tasks import TaskManager

    QCoreApplication.setOrganizationName("Fondly")
    QCoreApplication.setApplicationName("Fondly")
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationDisplayName("Fondly")

    try:
        db = workspace.connect()
    except AppError as exc:
        show_app_error(None, exc)
        return 1
    if not smoke:
        install_excepthook(workspace.log_path)

    tasks = TaskManager(workspace.connect, error_handler=show_app_error)
    ctx = UiContext(workspace=workspace, db=db, tasks=tasks)
    shell = AppShell(ctx, build_pages=build_pages, open_on_customers=smoke, background_jobs=not smoke)
    outcome = {"code": 0, "reported": False}

    if smoke:
        def report_ready() -> None:
            if not outcome["reported"]:
                outcome["reported"] = True
                elapsed = (time.perf_counter() - _STARTED) * 1000
                print(f"ready in {elapsed:.0f} ms", flush=True)
                app.quit()

        def timed_out() -> None:
            if not outcome["reported"]:
                print("fondly: the window did not become ready in time.", file=sys.stderr, flush=True)
                outcome["code"] = 1
                app.exit(1)

        shell.ready.connect(report_ready)
        QTimer.singleShot(SMOKE_TIMEOUT_MS, timed_out)
    shell.start()

    code = app.exec()
    shell.dispose()
    tasks.shutdown()
    db.close()
    return code or outcome["code"]


def main() -> int:
    """Entry point of the ``fondly-gui`` script."""
    from desktop_app.cli import main as cli_main

    return cli_main(sys.argv[1:])


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
