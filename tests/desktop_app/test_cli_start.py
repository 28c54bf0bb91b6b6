"""A plain `fondly` (GUI) start parses its few options without importing every command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                            check=True)
    return result.stdout.strip()


def test_a_gui_start_does_not_import_the_command_modules():
    from desktop_app.cli import _gui_start

    assert _gui_start([]) is not None
    assert _gui_start(["--smoke", "--data-dir", "/x"]).data_dir == "/x"
    assert _gui_start(["gui", "--smoke"]).smoke
    for argv in (["import", "a.csv"], ["--version"], ["-h"], ["--data-dir"], ["gui", "extra"]):
        assert _gui_start(argv) is None, argv
    out = _run(
        "import sys\n"
        "import desktop_app.cli as cli\n"
        "import desktop_app.app\n"
        "desktop_app.app.run_gui = lambda **kw: print(sorted(kw.items())) or 0\n"
        "cli.main(['--data-dir', '/nowhere', '--smoke'])\n"
        "print(any(m.startswith('desktop_app.commands.') for m in sys.modules))\n"
    )
    assert out.splitlines() == ["[('data_dir', '/nowhere'), ('smoke', True)]", "False"]
