"""`fondly customers list | head`: a reader that leaves early gets no traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_closed_pipe_ends_quietly(data_dir):
    cli = [sys.executable, "-m", "desktop_app.cli", "--data-dir", str(data_dir)]
    subprocess.run([*cli, "demo"], cwd=ROOT, check=True, capture_output=True)
    proc = subprocess.Popen([*cli, "customers", "list", "--json"], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout.read(10).startswith(b"{")
    proc.stdout.close()  # like `head` leaving after its lines
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 141
    assert b"Traceback" not in err and err == b""
