"""A real SMTP server for the outbox tests: aiosmtpd on 127.0.0.1, implicit TLS, AUTH, scripted faults."""

from __future__ import annotations

import asyncio
import datetime as dt
import ipaddress
import socket
import ssl
import threading
import warnings
from dataclasses import dataclass, field
from email import message_from_bytes
from email.utils import make_msgid
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

USERNAME = "shop@example.test"
PASSWORD = "correct horse battery staple"


def make_certificate(folder: Path) -> tuple[Path, Path]:
    """A throwaway self-signed certificate for 127.0.0.1 / localhost; returns (cert, key)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=2))
        .add_extension(x509.SubjectAlternativeName([
            x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "server.pem", folder / "server.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))
    return cert_path, key_path


@dataclass
class Script:
    """Faults the server plays. Addresses are recipients; counts are how many times."""

    refuse: set[str] = field(default_factory=set)  # 550 at RCPT
    busy: dict[str, int] = field(default_factory=dict)  # 450 at RCPT this many times
    drop_in_data: set[str] = field(default_factory=set)  # connection cut after the data arrived
    close_after: int | None = None  # 421 and hang up once this many messages were accepted
    quota_after: int | None = None  # 550 5.4.5 once this many messages were accepted
    data_delay: float = 0.0  # seconds the server takes over each message (widens kill windows)


@dataclass
class Received:
    message_id: str
    to: str
    subject: str
    raw: bytes


class OutboxHandler:
    def __init__(self) -> None:
        self.script = Script()
        self.received: list[Received] = []
        self.dropped: list[str] = []  # Message-IDs whose connection was cut mid-DATA
        self.connections = 0
        self._lock = threading.Lock()

    async def handle_EHLO(self, server, session, envelope, hostname, responses):  # noqa: N802
        with self._lock:
            self.connections += 1
        session.host_name = hostname
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        script = self.script
        with self._lock:
            accepted = len(self.received)
            if script.close_after is not None and accepted >= script.close_after:
                script.close_after = None
                # Hang up once the reply is written, as a server shutting down does.
                asyncio.get_running_loop().call_soon(server.transport.close)
                return "421 4.3.2 Service shutting down, try again later"
            if script.quota_after is not None and accepted >= script.quota_after:
                return "550 5.4.5 Daily sending quota exceeded"
            if address in script.refuse:
                return "550 5.1.1 The e-mail account that you tried to reach does not exist"
            if script.busy.get(address, 0) > 0:
                script.busy[address] -= 1
                return "450 4.2.1 Mailbox busy, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        if self.script.data_delay:
            await asyncio.sleep(self.script.data_delay)
        parsed = message_from_bytes(envelope.content)
        message_id = str(parsed.get("Message-ID", ""))
        to = envelope.rcpt_tos[0]
        with self._lock:
            if to in self.script.drop_in_data:
                self.dropped.append(message_id)
                server.transport.abort()
                return "250 never seen"
            self.received.append(Received(message_id, to, str(parsed.get("Subject", "")),
                                          envelope.content))
            return f"250 2.0.0 OK queued as {len(self.received)}"

    def ids(self) -> list[str]:
        with self._lock:
            return [r.message_id for r in self.received]


def _authenticator(server, session, envelope, mechanism, auth_data):
    ok = (isinstance(auth_data, LoginPassword) and auth_data.login.decode() == USERNAME
          and auth_data.password.decode() == PASSWORD)
    return AuthResult(success=ok, handled=False)


@dataclass
class SmtpServer:
    host: str
    port: int
    cafile: Path
    handler: OutboxHandler
    controller: Controller

    stopped: bool = False

    def stop(self) -> None:
        if not self.stopped:
            self.stopped = True
            self.controller.stop()


def start_server(folder: Path) -> SmtpServer:
    cert, key = make_certificate(folder)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    handler = OutboxHandler()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "AUTH without requiring TLS": see the comment below
        controller = _controller(handler, context)
    controller.start()
    return SmtpServer("127.0.0.1", controller.port, cert, handler, controller)


def _controller(handler: OutboxHandler, context: ssl.SSLContext) -> Controller:
    return Controller(
        handler, hostname="127.0.0.1", port=_free_port(), ssl_context=context,
        # Implicit TLS: every connection is encrypted, but aiosmtpd only recognises STARTTLS as such.
        authenticator=_authenticator, auth_require_tls=False, auth_required=True,
    )


def _free_port() -> int:
    # aiosmtpd's Controller connects to its own port to start, so port 0 cannot be used.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]



def make_wire(server: SmtpServer, *, password: str = PASSWORD, limits=None, timeout: float = 10.0):
    from desktop_app.pacing import SendLimits
    from desktop_app.sending import Wire
    from mailers.smtp import SmtpConfig, SmtpSession
    from tests.desktop_app.sending.outbox_rows import simple_message

    config = SmtpConfig(host=server.host, port=server.port, security="ssl", username=USERNAME,
                        cafile=str(server.cafile), timeout=timeout,
                        local_hostname="localhost")
    return Wire(
        open_session=lambda: SmtpSession(config, password),
        build_message=simple_message,
        new_message_id=lambda: make_msgid(domain="example.test"),
        limits=limits if limits is not None else SendLimits.unpaced(),
    )
