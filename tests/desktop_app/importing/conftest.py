"""Find ../shared beside the checkout, or beside a folder above it (a nested checkout)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT


def find_shared(name: str) -> Path | None:
    for parent in ROOT.parents:
        folder = parent / "shared" / name
        if folder.is_dir():
            return folder
    return None


def shared_or_skip(name: str) -> Path:
    folder = find_shared(name)
    if folder is None:
        pytest.skip(f"no shared/{name} folder beside or above {ROOT}: the shared files are absent")
    return folder


@pytest.fixture
def samples_dir() -> Path:
    return shared_or_skip("samples")


@pytest.fixture
def real_world_dir() -> Path:
    return shared_or_skip("real-world")
