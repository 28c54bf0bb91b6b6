"""Shared fixtures: offscreen Qt, a fresh store on disk, the shared sample files."""

from __future__ import annotations

import os
from pathlib import Path

# Must happen before anything imports Qt: with no display, Qt would abort.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from storage.db import open_db  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "fondly.db"


@pytest.fixture
def db(db_path: Path):
    """A migrated store in a real temporary SQLite file."""
    database = open_db(db_path)
    yield database
    database.close()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


def shared_dir(name: str) -> Path:
    """A folder of ../shared, or a skip saying why (a clone outside this workplace has none)."""
    folder = SHARED / name
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent: the shared sample files live beside the checkout")
    return folder


@pytest.fixture
def samples_dir() -> Path:
    return shared_dir("samples")


@pytest.fixture
def real_world_dir() -> Path:
    return shared_dir("real-world")
