"""Baseline: the barest PySide6 start — a QMainWindow shown, then quit on the first loop turn.

Prints ``shown in N ms`` and ``peak_rss_kb N`` (the same moment Fondly's --smoke prints ready).
"""

import time

_STARTED = time.perf_counter()

import sys  # noqa: E402

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402

from bench.scripts import peak_rss_kb  # noqa: E402


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.resize(1180, 760)

    def shown() -> None:
        print(f"shown in {(time.perf_counter() - _STARTED) * 1000:.0f} ms", flush=True)
        print(f"peak_rss_kb {peak_rss_kb()}", flush=True)
        app.quit()

    QTimer.singleShot(0, shown)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
