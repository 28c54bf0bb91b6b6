"""A real SMTP server for tests: aiosmtpd on 127.0.0.1 with AUTH, STARTTLS or implicit TLS, XOAUTH2.

Use from a conftest or test module::

    from tests.smtp_fixtures import smtp_certs, smtp_server, smtp_server_factory  # noqa: F401

`smtp_server` is a STARTTLS server; `smtp_server_factory(mode="ssl"|"starttls"|"plain", …)` makes
others. Each server records what arrived (`server.received`) and every login attempt
(`server.auth_attempts`), and can be scripted: `server.script_data(None, "450 4.3.0 busy", DROP)`
answers the next DATA commands in turn (None = accept, a reply string = refuse, DROP = keep the
message and cut the connection before replying), and `server.refuse_rcpt[address] = "550 …"`.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import ssl
import threading
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from mailers.smtp import SmtpConfig

USERNAME = "owner@example.com"
# Distinctive, so a grep for it in logs, files and error text cannot match by accident.
PASSWORD = "pw-Zq8#tL4!vN2-not-in-logs"
TOKEN = "tok-Hx7Rk2Wm9Qp4-bearer"
DROP = object()


@dataclass(frozen=True)
class TlsFiles:
    ca_pem: Path  # the CA that signed the server certificate
    other_ca_pem: Path  # an unrelated CA: trusting only it must fail verification
    cert_pem: Path
    key_pem: Path
    other_name_cert_pem: Path  # signed by the right CA, but for mail.other.example only

    def server_context(self, *, other_name: bool = False) -> ssl.SSLContext:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(self.other_name_cert_pem if other_name else self.cert_pem, self.key_pem)
        return context


def _make_ca(name: str):
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True, content_commitment=False, key_encipherment=False,
                data_encipherment=False, key_agreement=False, key_cert_sign=True,
                crl_sign=True, encipher_only=False, decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return key, cert


def make_tls_files(folder: Path) -> TlsFiles:
    """A throwaway CA and a server certificate for 127.0.0.1 and localhost (EC keys: fast)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    ca_key, ca_cert = _make_ca("Fondly Test CA")
    _, other_cert = _make_ca("Some Other CA")
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)

    def server_cert(names: list):
        return (
            x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "test server")]))
            .issuer_name(ca_cert.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.SubjectAlternativeName(names), critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(
                x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False
            )
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
                critical=False,
            )
            .sign(ca_key, hashes.SHA256())
        )

    cert = server_cert(
        [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
    )
    other_name_cert = server_cert([x509.DNSName("mail.other.example")])
    pem = serialization.Encoding.PEM
    files = TlsFiles(
        ca_pem=folder / "ca.pem",
        other_ca_pem=folder / "other-ca.pem",
        cert_pem=folder / "server.pem",
        key_pem=folder / "server.key",
        other_name_cert_pem=folder / "other-name.pem",
    )
    files.other_name_cert_pem.write_bytes(other_name_cert.public_bytes(pem))
    files.ca_pem.write_bytes(ca_cert.public_bytes(pem))
    files.other_ca_pem.write_bytes(other_cert.public_bytes(pem))
    files.cert_pem.write_bytes(cert.public_bytes(pem))
    files.key_pem.write_bytes(
        key.private_bytes(
            pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return files


@dataclass(frozen=True)
class Received:
    mail_from: str
    rcpt_tos: tuple[str, ...]
    content: bytes
    smtputf8: bool


@dataclass(frozen=True)
class AuthAttempt:
    mechanism: str
    login: str
    success: bool
    encrypted: bool


class _Handler:
    def __init__(self, owner: SmtpTestServer) -> None:
        self.owner = owner

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        reply = self.owner.refuse_rcpt.get(address)
        if reply:
            return reply
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        owner = self.owner
        with owner.lock:
            action = owner.data_script.popleft() if owner.data_script else None
        if isinstance(action, str):
            return action
        content = envelope.original_content or envelope.content
        with owner.lock:
            owner.received.append(
                Received(
                    mail_from=envelope.mail_from,
                    rcpt_tos=tuple(envelope.rcpt_tos),
                    content=bytes(content),
                    smtputf8=bool(envelope.smtp_utf8),
                )
            )
            number = len(owner.received)
        if action is DROP:
            # The message is kept (as a real server might have queued it) but the reply is lost.
            server.transport.abort()
            return "250 2.0.0 never seen"
        return f"250 2.0.0 Ok: queued as M{number}"

    async def auth_XOAUTH2(self, server, args):
        if len(args) == 2:
            blob = _b64decode(args[1])
        else:
            blob = await server.challenge_auth("", encode_to_b64=False)
            if not isinstance(blob, bytes):
                return AuthResult(success=False, handled=False)
        parts = blob.decode("utf-8", "replace").split("\x01")
        user = parts[0].removeprefix("user=") if parts else ""
        bearer = next((p.removeprefix("auth=Bearer ") for p in parts if p.startswith("auth=")), "")
        ok = user == self.owner.username and bearer in self.owner.tokens
        self.owner._record("XOAUTH2", user, ok, server)
        if ok:
            return AuthResult(success=True, auth_data=user)
        # Google's and Microsoft's way: a 334 with a JSON error, then 535 after the empty reply.
        await server.challenge_auth(json.dumps({"status": "401", "schemes": "bearer"}))
        return AuthResult(success=False, handled=False, message="535 5.7.3 Authentication unsuccessful")


def _b64decode(text: str) -> bytes:
    import base64

    return base64.b64decode(text.encode(), validate=True)


class _Controller(Controller):
    def _trigger_server(self):
        # Bound to port 0: learn the real port before the base class connects to it.
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


@dataclass
class SmtpTestServer:
    mode: str
    tls: TlsFiles
    username: str = USERNAME
    password: str = PASSWORD
    tokens: set[str] = field(default_factory=lambda: {TOKEN})
    smtputf8: bool = True
    other_name_cert: bool = False
    auth_reply: str | None = None  # e.g. "454 4.7.0 Temporary authentication failure"
    exclude_auth: tuple[str, ...] = ()  # mechanisms not to offer, e.g. ("PLAIN",)
    received: list[Received] = field(default_factory=list)
    auth_attempts: list[AuthAttempt] = field(default_factory=list)
    refuse_rcpt: dict[str, str] = field(default_factory=dict)
    data_script: deque = field(default_factory=deque)
    lock: threading.Lock = field(default_factory=threading.Lock)
    host: str = "127.0.0.1"
    port: int = 0
    _controller: Controller | None = None

    def start(self) -> SmtpTestServer:
        kwargs: dict = dict(
            hostname=self.host,
            port=0,
            authenticator=self._authenticate,
            enable_SMTPUTF8=self.smtputf8,
            decode_data=False,
            server_hostname="mail.test.invalid",
            auth_exclude_mechanism=list(self.exclude_auth),
        )
        if self.mode == "ssl":
            kwargs.update(ssl_context=self._context(), auth_require_tls=False)
        elif self.mode == "starttls":
            kwargs.update(tls_context=self._context(), require_starttls=True)
        elif self.mode == "plain":
            # A careless server that offers AUTH without encryption: the client must refuse.
            kwargs.update(auth_require_tls=False)
        else:
            raise ValueError(self.mode)
        self._controller = _Controller(_Handler(self), **kwargs)
        self._controller.start()
        self.port = self._controller.port
        return self

    def _context(self) -> ssl.SSLContext:
        return self.tls.server_context(other_name=self.other_name_cert)

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def script_data(self, *actions) -> None:
        with self.lock:
            self.data_script.extend(actions)

    def config(self, **changes) -> SmtpConfig:
        """A client config for this server, trusting the test CA."""
        values = dict(
            host=self.host,
            port=self.port,
            security="ssl" if self.mode == "ssl" else "starttls",
            username=self.username,
            cafile=str(self.tls.ca_pem),
            timeout=10.0,
            local_hostname="client.test.invalid",
        )
        values.update(changes)
        return SmtpConfig(**values)

    def _authenticate(self, server, session, envelope, mechanism, auth_data):
        assert isinstance(auth_data, LoginPassword)
        login = auth_data.login.decode("utf-8", "replace")
        ok = login == self.username and auth_data.password == self.password.encode("utf-8")
        self._record(mechanism, login, ok, server)
        if self.auth_reply:
            return AuthResult(success=False, handled=False, message=self.auth_reply)
        return AuthResult(success=ok, handled=False)

    def _record(self, mechanism: str, login: str, ok: bool, server) -> None:
        encrypted = server.transport.get_extra_info("sslcontext") is not None or bool(
            getattr(server, "_tls_protocol", None)
        )
        with self.lock:
            self.auth_attempts.append(AuthAttempt(mechanism, login, ok, encrypted))


@pytest.fixture(scope="session")
def smtp_certs(tmp_path_factory) -> TlsFiles:
    return make_tls_files(tmp_path_factory.mktemp("smtp-tls"))


@pytest.fixture
def smtp_server_factory(smtp_certs):
    servers: list[SmtpTestServer] = []

    def make(mode: str = "starttls", **options) -> SmtpTestServer:
        server = SmtpTestServer(mode=mode, tls=smtp_certs, **options).start()
        servers.append(server)
        return server

    yield make
    for server in servers:
        server.stop()


@pytest.fixture
def smtp_server(smtp_server_factory) -> SmtpTestServer:
    """A STARTTLS server on 127.0.0.1 with AUTH PLAIN/LOGIN and XOAUTH2 (USERNAME/PASSWORD/TOKEN)."""
    return smtp_server_factory("starttls")
