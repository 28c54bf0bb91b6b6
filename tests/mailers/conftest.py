"""SMTP fixtures for the wire tests."""

from tests.smtp_fixtures import smtp_certs, smtp_server, smtp_server_factory  # noqa: F401
