"""What the store costs at start: sqlite-utils loads without numpy, which stays importable."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                            check=True)
    return result.stdout.strip()


def test_the_store_loads_sqlite_utils_without_numpy_and_numpy_still_imports_after():
    out = _run(
        "import sys\n"
        "import desktop_app.workspace, sqlite_utils.db\n"
        "print('numpy' in sys.modules, 'pandas' in sys.modules, sqlite_utils.db.np is None)\n"
        "import numpy\n"
        "print(numpy.int64(3) + 1)\n"
    )
    assert out.splitlines() == ["False False True", "4"]

