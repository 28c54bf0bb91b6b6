"""The SMTP client against a real aiosmtpd on 127.0.0.1: TLS, logins, replies and lost connections."""

from __future__ import annotations

import email
import logging
import socket
import traceback
from email import policy

import pytest

from mailers.messages import build_message
from mailers.smtp import (
    SmtpAuthError,
    SmtpConnectError,
    SmtpOutcomeUnknown,
    SmtpQuotaError,
    SmtpRecipientRefused,
    SmtpSession,
    SmtpTemporaryError,
    SmtpTlsError,
    SmtpUtf8Unsupported,
    classify_reply,
    test_login,
)
from tests.smtp_fixtures import DROP, PASSWORD, TOKEN


def _message(n: int = 1, *, to: str | None = None, text: str | None = None):
    return build_message(
        sender_name="Ana's Flowers",
        sender_address="owner@example.com",
        recipient_name=f"Customer {n}",
        recipient_address=to or f"customer{n}@example.net",
        subject=f"Hello {n}",
        text=text or f"Message number {n}.\n",
        occasion="birthday",
    )


def _subjects(server) -> list[str]:
    return [email.message_from_bytes(r.content, policy=policy.default)["Subject"] for r in server.received]


def _all_text(exc: BaseException) -> str:
    return "".join(traceback.format_exception(exc)) + repr(exc) + repr(exc.args)


@pytest.mark.parametrize("mode", ["starttls", "ssl"])
def test_send_over_verified_tls(smtp_server_factory, mode):
    server = smtp_server_factory(mode)
    with SmtpSession(server.config(), PASSWORD) as session:
        reply = session.send(_message(1))
    assert reply == "250 2.0.0 Ok: queued as M1"
    [got] = server.received
    assert got.mail_from == "owner@example.com"
    assert got.rcpt_tos == ("customer1@example.net",)
    assert _subjects(server) == ["Hello 1"]
    assert [(a.mechanism, a.success, a.encrypted) for a in server.auth_attempts] == [
        ("PLAIN", True, True)
    ]


def test_one_connection_serves_a_batch(smtp_server):
    with SmtpSession(smtp_server.config(), PASSWORD) as session:
        for n in range(1, 21):
            session.send(_message(n))
    assert _subjects(smtp_server) == [f"Hello {n}" for n in range(1, 21)]
    assert len(smtp_server.auth_attempts) == 1


def test_login_refused_is_an_auth_error_without_the_password(smtp_server, caplog):
    caplog.set_level(logging.DEBUG)
    wrong = "Wrong-pw-Kj3$ab!-secret"
    with pytest.raises(SmtpAuthError) as info:
        test_login(smtp_server.config(), wrong)
    assert info.value.code == 535
    assert "refused" in str(info.value)
    assert wrong not in _all_text(info.value)
    assert wrong not in caplog.text
    assert [a.success for a in smtp_server.auth_attempts] == [False]


def test_test_login_succeeds_without_sending(smtp_server):
    test_login(smtp_server.config(), PASSWORD)
    assert smtp_server.received == []
    assert [a.success for a in smtp_server.auth_attempts] == [True]


def test_non_ascii_password_is_sent_as_utf8(smtp_server_factory):
    server = smtp_server_factory("ssl", password="pässwörd-ß")
    test_login(server.config(), "pässwörd-ß")
    assert [a.success for a in server.auth_attempts] == [True]


@pytest.mark.parametrize("mode", ["starttls", "ssl"])
def test_wrong_ca_is_refused_before_any_login(smtp_server_factory, smtp_certs, mode):
    server = smtp_server_factory(mode)
    with pytest.raises(SmtpTlsError) as info:
        test_login(server.config(cafile=str(smtp_certs.other_ca_pem)), PASSWORD)
    assert "could not be verified" in str(info.value)
    assert "CA certificate file" in str(info.value)
    assert server.auth_attempts == []
    assert PASSWORD not in _all_text(info.value)


def test_system_store_alone_does_not_trust_a_private_ca(smtp_server):
    with pytest.raises(SmtpTlsError):
        test_login(smtp_server.config(cafile=None), PASSWORD)
    assert smtp_server.auth_attempts == []


@pytest.mark.parametrize("mode", ["starttls", "ssl"])
def test_host_name_is_verified(smtp_server_factory, mode):
    # Signed by the trusted CA, but for another host name.
    server = smtp_server_factory(mode, other_name_cert=True)
    with pytest.raises(SmtpTlsError) as info:
        test_login(server.config(), PASSWORD)
    assert "could not be verified" in str(info.value)
    assert "mismatch" in str(info.value) or "match" in str(info.value)
    assert server.auth_attempts == []


def test_auth_is_never_sent_over_plaintext(smtp_server_factory):
    server = smtp_server_factory("plain")  # offers AUTH PLAIN LOGIN but no STARTTLS
    with pytest.raises(SmtpTlsError) as info:
        test_login(server.config(security="starttls"), PASSWORD)
    assert "does not offer STARTTLS" in str(info.value)
    assert server.auth_attempts == []


def test_ssl_against_a_starttls_port_says_so(smtp_server):
    with pytest.raises(SmtpTlsError) as info:
        test_login(smtp_server.config(security="ssl"), PASSWORD)
    assert "587 usually needs STARTTLS" in str(info.value)


def test_unreachable_server_is_a_connect_error():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    from mailers.smtp import SmtpConfig

    config = SmtpConfig(host="127.0.0.1", port=port, security="ssl", username="x", timeout=5)
    with pytest.raises(SmtpConnectError) as info:
        test_login(config, PASSWORD)
    assert "127.0.0.1" in str(info.value)


def test_auth_login_when_plain_is_not_offered(smtp_server_factory):
    server = smtp_server_factory("ssl", exclude_auth=("PLAIN",))
    test_login(server.config(), PASSWORD)
    assert [(a.mechanism, a.success) for a in server.auth_attempts] == [("LOGIN", True)]


def test_no_usable_login_method(smtp_server_factory):
    server = smtp_server_factory("ssl", exclude_auth=("PLAIN", "LOGIN"))
    with pytest.raises(SmtpAuthError) as info:
        test_login(server.config(), PASSWORD)
    assert "offers no login method" in str(info.value)
    assert "XOAUTH2" in str(info.value)


def test_temporary_login_failure_is_temporary(smtp_server_factory):
    server = smtp_server_factory("starttls", auth_reply="454 4.7.0 Too many login attempts")
    with pytest.raises(SmtpTemporaryError) as info:
        test_login(server.config(), PASSWORD)
    assert info.value.code == 454


@pytest.mark.parametrize("security", ["starttls", "ssl"])
def test_a_silent_server_times_out_with_advice(security):
    # Accepts the connection (backlog) but never speaks: like STARTTLS against port 465.
    from mailers.smtp import SmtpConfig

    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        config = SmtpConfig(host="127.0.0.1", port=silent.getsockname()[1], security=security,
                            username="x", timeout=0.5)
        with pytest.raises(SmtpConnectError) as info:
            test_login(config, PASSWORD)
    assert "did not answer in time" in str(info.value)
    assert "465 uses SSL/TLS" in str(info.value)


def test_xoauth2_exchange(smtp_server):
    calls = []

    def token() -> str:
        calls.append(1)
        return TOKEN

    with SmtpSession(smtp_server.config(auth="xoauth2"), token) as session:
        session.send(_message(1))
    assert calls == [1]
    assert [(a.mechanism, a.login, a.success) for a in smtp_server.auth_attempts] == [
        ("XOAUTH2", "owner@example.com", True)
    ]
    assert len(smtp_server.received) == 1


def test_xoauth2_refused_token(smtp_server):
    expired = "expired-token-Qw9"
    with pytest.raises(SmtpAuthError) as info:
        test_login(smtp_server.config(auth="xoauth2"), expired)
    assert info.value.code == 535
    assert expired not in _all_text(info.value)
    assert [a.success for a in smtp_server.auth_attempts] == [False]


def test_recipient_refused_and_the_batch_goes_on(smtp_server):
    smtp_server.refuse_rcpt["customer2@example.net"] = "550 5.1.1 No such user"
    with SmtpSession(smtp_server.config(), PASSWORD) as session:
        session.send(_message(1))
        with pytest.raises(SmtpRecipientRefused) as info:
            session.send(_message(2))
        session.send(_message(3))
    assert info.value.code == 550
    assert info.value.server_text == "5.1.1 No such user"
    assert "customer2@example.net" in str(info.value)
    assert _subjects(smtp_server) == ["Hello 1", "Hello 3"]


def test_temporary_refusal_then_success(smtp_server):
    smtp_server.script_data("450 4.2.1 Mailbox busy, try later")
    with SmtpSession(smtp_server.config(), PASSWORD) as session:
        with pytest.raises(SmtpTemporaryError) as info:
            session.send(_message(1))
        session.send(_message(1))
    assert info.value.code == 450
    assert _subjects(smtp_server) == ["Hello 1"]


def test_quota_reply_is_a_quota_error(smtp_server):
    smtp_server.script_data("550 5.4.5 Daily user sending limit exceeded")
    with SmtpSession(smtp_server.config(), PASSWORD) as session, pytest.raises(SmtpQuotaError):
        session.send(_message(1))
    assert smtp_server.received == []


def test_421_mid_batch_closes_and_the_next_send_reconnects(smtp_server):
    smtp_server.script_data(None, "421 4.3.2 Service shutting down")
    with SmtpSession(smtp_server.config(), PASSWORD) as session:
        session.send(_message(1))
        with pytest.raises(SmtpTemporaryError):
            session.send(_message(2))
        assert not session.is_open
        session.send(_message(2))
    assert _subjects(smtp_server) == ["Hello 1", "Hello 2"]
    assert len(smtp_server.auth_attempts) == 2


def test_connection_lost_after_data_is_outcome_unknown(smtp_server):
    smtp_server.script_data(DROP)
    with SmtpSession(smtp_server.config(), PASSWORD) as session:
        with pytest.raises(SmtpOutcomeUnknown):
            session.send(_message(1))
        assert not session.is_open
        session.send(_message(2))
    # The server did get the first one: exactly why it must not be re-sent automatically.
    assert _subjects(smtp_server) == ["Hello 1", "Hello 2"]


def test_smtputf8_address_when_the_server_offers_it(smtp_server):
    with SmtpSession(smtp_server.config(), PASSWORD) as session:
        assert session.supports_smtputf8
        session.send(_message(1, to="zoë@example.net"))
    [got] = smtp_server.received
    assert got.smtputf8
    assert got.rcpt_tos == ("zoë@example.net",)


def test_smtputf8_address_without_server_support_is_refused_per_message(smtp_server_factory):
    server = smtp_server_factory("starttls", smtputf8=False)
    with SmtpSession(server.config(), PASSWORD) as session:
        with pytest.raises(SmtpUtf8Unsupported) as info:
            session.send(_message(1, to="zoë@example.net"))
        session.send(_message(2))
    assert isinstance(info.value, SmtpRecipientRefused)
    assert "zoë@example.net" in str(info.value)
    assert _subjects(server) == ["Hello 2"]


def test_lines_starting_with_a_dot_arrive_intact(smtp_server):
    text = "first\n.\n.hidden\n..two\nlast\n"
    with SmtpSession(smtp_server.config(), PASSWORD) as session:
        session.send(_message(1, text=text))
    parsed = email.message_from_bytes(smtp_server.received[0].content, policy=policy.default)
    assert parsed.get_content().replace("\r\n", "\n") == text


def test_session_repr_never_shows_the_secret(smtp_server):
    session = SmtpSession(smtp_server.config(), PASSWORD)
    assert PASSWORD not in repr(session)
    assert PASSWORD not in repr(session.__dict__.get("config"))


@pytest.mark.parametrize(
    "code, text, kind",
    [
        (550, "5.4.5 Daily user sending limit exceeded", SmtpQuotaError),
        (421, "4.7.28 Our system has detected an unusual rate", SmtpQuotaError),
        (554, "5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException", SmtpQuotaError),
        (421, "4.7.0 Try again later, closing connection.", SmtpQuotaError),
        (451, "4.7.1 Greylisted, please try again later", SmtpTemporaryError),
        (421, "4.3.2 Service shutting down", SmtpTemporaryError),
        (450, "4.2.1 Mailbox busy", SmtpTemporaryError),
        (550, "5.1.1 The email account that you tried to reach does not exist", SmtpRecipientRefused),
        (553, "5.1.3 Bad recipient address syntax", SmtpRecipientRefused),
    ],
)
def test_reply_classification(code, text, kind):
    assert type(classify_reply(code, text, what="the message")) is kind


def test_a_server_echoing_the_password_is_scrubbed(smtp_server_factory):
    server = smtp_server_factory("ssl", auth_reply=f"535 5.7.8 Bad credentials {PASSWORD}")
    with pytest.raises(SmtpAuthError) as info:
        test_login(server.config(), PASSWORD)
    assert "Bad credentials •••" in info.value.server_text
    assert PASSWORD not in _all_text(info.value)
