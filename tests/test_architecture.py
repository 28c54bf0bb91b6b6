"""The dependency direction holds: nothing below ui/ imports Qt."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QT_FREE_PACKAGES = ("storage", "mailers", "desktop_app")


def qt_free_modules() -> list[str]:
    names = []
    for package in QT_FREE_PACKAGES:
        names.append(package)
        for info in pkgutil.walk_packages([str(ROOT / package)], prefix=f"{package}."):
            if info.name != "desktop_app.app":
                names.append(info.name)
    return names


def test_there_are_modules_to_check():
    modules = qt_free_modules()
    assert "storage.db" in modules and "desktop_app.cli" in modules
    assert "desktop_app.app" not in modules


def test_every_non_ui_module_imports_with_pyside6_blocked():
    modules = qt_free_modules()
    # A fresh interpreter, so that no earlier test has Qt loaded already.
    code = (
        "import sys, importlib\n"
        "sys.modules['PySide6'] = None\n"
        "sys.modules['shiboken6'] = None\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "assert not any(m.startswith('PySide6.') for m in sys.modules), 'Qt leaked in'\n"
        "print('ok', len(" + repr(modules) + "))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok")


def test_blocking_really_blocks():
    code = "import sys\nsys.modules['PySide6'] = None\nimport ui.tasks\n"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode != 0 and "PySide6" in result.stderr
