"""Probe for P6: Fondly's window on a shop, Customers page open and scrolled end to end.

    python -m bench.scripts.customers_scroll DATA_DIR

Prints ``peak_rss_kb N`` and ``rows N``, or ``skip: REASON`` when this checkout has no customers
table yet. Built like desktop_app.app, without entering the event loop for good.
"""

import os
import sys
import time

from PySide6.QtCore import QCoreApplication, QModelIndex
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTableView

from bench.scripts import peak_rss_kb
from desktop_app.workspace import Workspace
from ui.context import UiContext
from ui.main_window import MainWindow
from ui.pages import build_pages
from ui.tasks import TaskManager

STEPS = 400
PATIENCE_S = 60


def pump(app: QApplication, seconds: float = 0.0) -> None:
    end = time.perf_counter() + seconds
    while True:
        app.processEvents()
        if time.perf_counter() >= end:
            return
        time.sleep(0.002)


def main(argv: list[str]) -> int:
    QCoreApplication.setOrganizationName("Fondly-bench")
    app = QApplication(sys.argv[:1])
    workspace = Workspace.at(argv[0])
    db = workspace.connect()
    tasks = TaskManager(workspace.connect)
    ctx = UiContext(workspace=workspace, db=db, tasks=tasks)
    window = MainWindow(build_pages(ctx))
    window.show()
    window.show_page("customers")
    pump(app, 0.2)
    page = window.pages["customers"].widget
    # The page's main table; a placeholder page has none.
    view = getattr(page, "table", None)
    if not isinstance(view, QAbstractItemView):
        tables = page.findChildren(QTableView)
        view = tables[0] if tables else None
    if view is None or view.model() is None:
        print("skip: the Customers page has no table in this checkout", flush=True)
        return 0
    model = view.model()
    deadline = time.perf_counter() + PATIENCE_S
    # Until the whole id array is in (the page paints its first rows before it arrives).
    while ((model.rowCount() == 0 or not getattr(model, "complete", True))
           and time.perf_counter() < deadline):
        pump(app, 0.05)
    bar = view.verticalScrollBar()
    for step in range(STEPS + 1):
        bar.setValue(bar.maximum() * step // STEPS)
        pump(app, 0.005)
    while model.canFetchMore(QModelIndex()) and time.perf_counter() < deadline:
        model.fetchMore(QModelIndex())
        bar.setValue(bar.maximum())
        pump(app, 0.005)
    pump(app, 0.3)
    print(f"rows {model.rowCount()}", flush=True)
    print(f"peak_rss_kb {peak_rss_kb()}", flush=True)
    window.close()
    tasks.shutdown()
    db.close()
    return 0


if __name__ == "__main__":
    code = main(sys.argv[1:])
    sys.stdout.flush()
    # PySide6 6.12 can abort while the interpreter tears down Qt objects ("bool_dealloc");
    # the figures are printed already, so leave without the teardown.
    os._exit(code)
