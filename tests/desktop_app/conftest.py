"""Fixtures shared by the desktop_app tests: a real SMTP server and an in-memory keyring."""

from tests.keyring_fixtures import credentials, memory_keyring  # noqa: F401
from tests.smtp_fixtures import smtp_certs, smtp_server, smtp_server_factory  # noqa: F401
