"""Shared-folder fixtures and a real task manager over a temporary store."""

from __future__ import annotations

import pytest

from storage.db import open_db
from tests.desktop_app.importing.conftest import real_world_dir, samples_dir  # noqa: F401
from ui.tasks import TaskManager


@pytest.fixture
def tasks(db, db_path, qtbot):
    manager = TaskManager(lambda: open_db(db_path))
    yield manager
    manager.shutdown()
