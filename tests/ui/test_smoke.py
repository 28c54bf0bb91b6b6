"""``fondly --smoke`` in a real process: the window opens, the first rows show, it exits 0."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from desktop_app.settings import Settings, save_settings
from desktop_app.workspace import Workspace
from tests.ui.conftest import fill_customers

ROOT = Path(__file__).resolve().parents[2]


def run_smoke(data_dir: Path, *extra: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("FONDLY_DATA_DIR", None)
    # Keep the run's QSettings out of the real home folder.
    env["XDG_CONFIG_HOME"] = str(data_dir.parent / "config")
    return subprocess.run(
        [sys.executable, "-m", "desktop_app.cli", "--data-dir", str(data_dir), *extra, "--smoke"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )


def test_smoke_on_an_empty_folder_reports_the_welcome_screen(data_dir):
    result = run_smoke(data_dir)
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(r"ready in \d+ ms\n", result.stdout)


def test_smoke_on_a_shop_waits_for_the_first_customers(data_dir):
    workspace = Workspace(data_dir)
    db = workspace.connect()
    fill_customers(db, 500)
    save_settings(db, Settings(shop_name="Smoke Shop"))
    db.close()
    result = run_smoke(data_dir)
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(r"ready in \d+ ms\n", result.stdout)


def test_gui_subcommand_smoke(data_dir):
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app.cli", "gui", "--data-dir", str(data_dir), "--smoke"],
        cwd=ROOT, env=dict(os.environ, QT_QPA_PLATFORM="offscreen",
                           XDG_CONFIG_HOME=str(data_dir.parent / "config")),
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ready in ")
