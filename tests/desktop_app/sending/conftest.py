"""Fixtures for the outbox tests: a real SMTP server on 127.0.0.1, an in-memory keyring."""

from __future__ import annotations

import pytest

from tests.desktop_app.sending.outbox_server import start_server
from tests.keyring_fixtures import memory_keyring  # noqa: F401 - a fixture used by the tests here


@pytest.fixture
def outbox_server(tmp_path_factory):
    server = start_server(tmp_path_factory.mktemp("smtp"))
    yield server
    server.stop()
