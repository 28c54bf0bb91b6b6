"""The PyInstaller bundle builds from build.spec, and the frozen app starts, loads and lists data."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# One build per run: under `--dist loadgroup` (make test) all three tests go to one worker.
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("bundle")]


@pytest.fixture(scope="module")
def frozen_app(tmp_path_factory) -> Path:
    pytest.importorskip("PyInstaller", reason="install the test extra: pip install -e '.[test]'")
    work = tmp_path_factory.mktemp("bundle")
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(work / "dist"), "--workpath", str(work / "build"),
         str(ROOT / "build.spec")],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    exe = work / "dist" / "fondly" / ("fondly.exe" if os.name == "nt" else "fondly")
    assert exe.is_file()
    return exe


def _run(exe: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    # The frozen app must not lean on this checkout: run it from elsewhere, with no PYTHONPATH.
    env.pop("PYTHONPATH", None)
    return subprocess.run([str(exe), *args], cwd=exe.parent, env=env, capture_output=True,
                          text=True, timeout=120)


def test_frozen_smoke_start_on_an_empty_folder(frozen_app, tmp_path):
    result = _run(frozen_app, "--smoke", "--data-dir", str(tmp_path / "empty"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ready in ")


def test_frozen_demo_reads_the_sample_from_the_bundle_and_opens_it(frozen_app, tmp_path):
    folder = str(tmp_path / "bakery")
    loaded = _run(frozen_app, "--data-dir", folder, "demo")
    assert loaded.returncode == 0, loaded.stderr
    listed = _run(frozen_app, "--data-dir", folder, "customers", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert json.loads(listed.stdout)["count"] == 200
    smoke = _run(frozen_app, "--smoke", "--data-dir", folder)
    assert smoke.returncode == 0, smoke.stderr
    assert smoke.stdout.startswith("ready in ")


def test_frozen_bundle_leaves_out_unused_qt_modules(frozen_app):
    names = {p.name for p in frozen_app.parent.rglob("*")}
    for unwanted in ("QtWebEngineCore", "QtQuick", "QtQml", "Qt3DCore", "QtMultimedia"):
        assert not any(n.startswith(unwanted) or f"Qt6{unwanted[2:]}." in n for n in names), unwanted
