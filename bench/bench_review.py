"""P8: the Today page with 500 drafts — open, move with J/K, approve: each action's time.

Runs alone (``python -m bench.bench_review [--drafts 500] [--repeat 5]``) and, through ``run(env)``,
inside the ``python -m bench`` harness (``bench/measures/p8_review.py``).
Offscreen Qt; the check is the real one when ``desktop_app.checks.check_draft`` exists.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

MOVES = 200
APPROVALS = 100


def _pct(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(pct / 100 * (len(ordered) - 1))))]


def measure(drafts: int = 500, repeat: int = 3) -> dict[str, list[float]]:
    """Milliseconds per action, from the key press until the page shows its result."""
    from PySide6.QtCore import QEventLoop, QStringListModel, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QListView

    from desktop_app.review import ReviewService
    from desktop_app.settings import Settings, save_settings
    from desktop_app.workspace import Workspace
    from tests.drafts_factory import NOW, fill_queue
    from ui.context import UiContext
    from ui.review.page import ReviewPage
    from ui.tasks import TaskManager

    app = QApplication.instance() or QApplication([])
    names = ("first_open_shown", "first_open", "open", "jk", "approve", "approve_cursor", "bare_move")
    times: dict[str, list[float]] = {k: [] for k in names}

    def settle(tasks=None) -> None:
        """Until the lanes are idle and every posted event (paints included) is handled.

        Waiting in a real event loop (not a processEvents spin) leaves the GIL to the lane
        thread, as the app's own event loop does.
        """
        while tasks is not None and tasks.busy:
            loop = QEventLoop()
            QTimer.singleShot(1, loop.quit)
            loop.exec()
        app.processEvents()

    def timed(kind: str, action, tasks=None) -> None:
        started = time.perf_counter()
        action()
        settle(tasks)
        times[kind].append((time.perf_counter() - started) * 1000)

    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as folder:
            workspace = Workspace(Path(folder))
            db = workspace.connect()
            save_settings(db, Settings(shop_name="Rosa's Bakery"))
            fill_queue(db, drafts, flagged_every=9)
            tasks = TaskManager(workspace.connect)
            ctx = UiContext(workspace=workspace, db=db, tasks=tasks)
            service = ReviewService(clock=lambda: NOW)  # the drafts' own week
            pages = []

            shown: list[float] = []

            def open_page(ctx=ctx, service=service, pages=pages, shown=shown):
                page = ReviewPage(ctx, service)
                page.loaded.connect(lambda: shown.append(time.perf_counter()))
                page.resize(1180, 760)
                page.show()
                pages.append(page)

            started = time.perf_counter()
            timed("first_open", open_page, tasks)  # lists, checks every draft, lists again
            times["first_open_shown"].append((shown[0] - started) * 1000)  # the list on screen
            page = pages[-1]
            for _ in range(5):  # coming back to the page: list again, findings already current
                timed("open", page.activated, tasks)
            for n in range(MOVES):
                key = Qt.Key.Key_J if (n // 50) % 2 == 0 else Qt.Key.Key_K
                timed("jk", lambda k=key, p=page: QTest.keyClick(p.list, k))
            for _ in range(APPROVALS):
                # The cursor moves at once; the approval is saved on the write lane and shown.
                started = time.perf_counter()
                QTest.keyClick(page.list, Qt.Key.Key_A)
                app.processEvents()
                if page.prompt.kind == "override":  # the check blocked it: confirm, as an owner would
                    QTest.keyClick(page.prompt.confirm, Qt.Key.Key_Return)
                    app.processEvents()
                times["approve_cursor"].append((time.perf_counter() - started) * 1000)
                settle(tasks)
                times["approve"].append((time.perf_counter() - started) * 1000)
            approved = db.execute("SELECT COUNT(*) FROM outbox").fetchone()[0]
            if approved < APPROVALS * 0.8:
                raise RuntimeError(f"only {approved} of {APPROVALS} approvals reached the outbox")
            page.close()
            tasks.shutdown()
            db.close()

        # Same run, same machine load: a bare QListView of 500 strings moved with the arrow key.
        bare = QListView()
        bare.setModel(QStringListModel([f"Draft {n}" for n in range(drafts)]))
        bare.resize(440, 700)
        bare.show()
        bare.setCurrentIndex(bare.model().index(0, 0))
        settle()
        for n in range(MOVES):
            key = Qt.Key.Key_Down if (n // 50) % 2 == 0 else Qt.Key.Key_Up
            timed("bare_move", lambda k=key, b=bare: QTest.keyClick(b, k))
        bare.close()
    return times


def summary(times: dict[str, list[float]]) -> dict[str, tuple[float, float]]:
    return {k: (statistics.median(v), _pct(v, 95)) for k, v in times.items() if v}


def run(env) -> list:
    """The harness entry point (bench.harness.Result rows)."""
    # A child process: Qt gets its own QApplication and exits without touching the harness.
    import json
    import subprocess

    from bench.harness import Result

    child_env = env.subprocess_env() if hasattr(env, "subprocess_env") else None
    done = subprocess.run(
        [env.python, "-m", "bench.bench_review", "--json", "--repeat", str(max(1, min(env.repeat, 3)))],
        cwd=Path(__file__).resolve().parent.parent, env=child_env, capture_output=True, text=True,
        timeout=600, check=True,
    )
    result = {k: tuple(v) for k, v in json.loads(done.stdout.strip().splitlines()[-1]).items()}
    bare_med, bare_p95 = result["bare_move"]
    labels = {
        "first_open_shown": "open, first time: list shown (check still running)",
        "first_open": "open, first time: all 500 checked and shown again",
        "open": "open again (list reloaded, findings current)",
        "jk": "J/K move, p95",
        "approve_cursor": "approve: cursor on the next draft, p95",
        "approve": "approve: saved and shown, p95",
    }
    rows = []
    for key, label in labels.items():
        med, p95 = result[key]
        value = p95 if "p95" in label else med
        # The first check of all 500 runs on a lane while the owner already works the list:
        # shown for the record, not an action the owner waits for.
        goal = "none: in the background" if key == "first_open" else "≤ 50 ms"
        rows.append(Result("P8", f"Today page, 500 drafts: {label}", value, "ms", goal,
                           baseline=bare_p95 if key == "jk" else None,
                           baseline_name="bare QListView arrow key, p95" if key == "jk" else "",
                           note=f"median {med:.1f} ms, p95 {p95:.1f} ms"))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_review", description=__doc__)
    parser.add_argument("--drafts", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="one JSON line: {measure: [median, p95]}")
    args = parser.parse_args(argv)
    if args.json:
        import json

        print(json.dumps(summary(measure(args.drafts, args.repeat))), flush=True)
        os._exit(0)  # skip Qt's teardown: nothing is left to save
    from desktop_app.review_facts import default_check, no_check

    check = "none (desktop_app.checks.check_draft not on this branch)" if default_check() is no_check else "real"
    print(f"P8 Today page, {args.drafts} drafts, {args.repeat} rounds, check: {check}")
    result = summary(measure(args.drafts, args.repeat))
    for key, (med, p95) in result.items():
        print(f"  {key:<15} median {med:8.1f} ms   p95 {p95:8.1f} ms")
    ratio = result["jk"][0] / result["bare_move"][0]
    print(f"  J/K vs a bare QListView move (median): {ratio:.1f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
