"""Where Fondly keeps its data: platformdirs' user data folder, or --data-dir / FONDLY_DATA_DIR."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from storage.db import DB_FILENAME

ENV_VAR = "FONDLY_DATA_DIR"


def data_dir(override: str | os.PathLike | None = None) -> Path:
    """The data folder: the explicit *override*, else ``$FONDLY_DATA_DIR``, else the OS default."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("Fondly", appauthor=False))


def db_path(folder: Path) -> Path:
    return folder / DB_FILENAME


def log_path(folder: Path) -> Path:
    return folder / "fondly.log"
