"""Messages from the owner to one customer: headers, parts, IDNA, SMTPUTF8 and refused fields."""

from __future__ import annotations

import email
from datetime import UTC, datetime
from email import policy

import pytest

from mailers.messages import (
    MessageFieldError,
    build_message,
    envelope,
    make_message_id,
    needs_smtputf8,
)


def _build(**changes):
    values = dict(
        sender_name="Ana's Flowers",
        sender_address="ana@flowers.example",
        recipient_name="Zoë Martín",
        recipient_address="zoe@example.com",
        subject="Happy birthday, Zoë!",
        text="Dear Zoë,\nhappy birthday from all of us.\n",
        occasion="birthday",
    )
    values.update(changes)
    return build_message(**values)


def _parse(msg):
    return email.message_from_bytes(msg.as_bytes(), policy=policy.default)


def _text(part) -> str:
    # The wire form uses CRLF; compare with plain newlines.
    return part.get_content().replace("\r\n", "\n")


def test_headers_survive_a_round_trip():
    when = datetime(2026, 3, 4, 9, 30, tzinfo=UTC)
    parsed = _parse(_build(date=when))
    assert parsed["From"].addresses[0].display_name == "Ana's Flowers"
    assert parsed["From"].addresses[0].addr_spec == "ana@flowers.example"
    assert parsed["To"].addresses[0].display_name == "Zoë Martín"
    assert parsed["Subject"] == "Happy birthday, Zoë!"
    assert parsed["Date"].datetime == when
    assert parsed["Message-ID"].endswith("@flowers.example>")
    assert parsed.get_content_type() == "text/plain"
    assert _text(parsed) == "Dear Zoë,\nhappy birthday from all of us.\n"


def test_wire_form_is_seven_bit_with_crlf():
    raw = _build().as_bytes()
    assert raw.isascii()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    assert b"=?utf-8?" in raw  # the non-ASCII subject and name are RFC 2047 encoded


def test_html_part_is_an_alternative():
    parsed = _parse(_build(html="<p>Dear Zoë,</p>"))
    assert parsed.get_content_type() == "multipart/alternative"
    kinds = [part.get_content_type() for part in parsed.iter_parts()]
    assert kinds == ["text/plain", "text/html"]
    assert parsed.get_body(("html",)).get_content().strip() == "<p>Dear Zoë,</p>"


@pytest.mark.parametrize("occasion", ["birthday", "anniversary", "winback", "reward"])
def test_marketing_occasions_carry_list_unsubscribe(occasion):
    msg = _build(occasion=occasion)
    assert msg["List-Unsubscribe"] == "<mailto:ana@flowers.example?subject=unsubscribe>"


@pytest.mark.parametrize("occasion", ["restock", "restock_still_interested", None])
def test_requested_and_test_messages_have_no_list_unsubscribe(occasion):
    assert _build(occasion=occasion)["List-Unsubscribe"] is None


def test_domains_are_idna_encoded():
    msg = _build(sender_address="ana@blümen.example", recipient_address="bo@Bücher.DE")
    assert msg["From"].addresses[0].addr_spec == "ana@xn--blmen-lva.example"
    assert msg["To"].addresses[0].addr_spec == "bo@xn--bcher-kva.de"
    assert msg["Message-ID"].endswith("@xn--blmen-lva.example>")
    assert "xn--blmen-lva.example?subject" in msg["List-Unsubscribe"]
    assert not needs_smtputf8(msg)
    assert envelope(msg) == ("ana@xn--blmen-lva.example", ["bo@xn--bcher-kva.de"])


def test_non_ascii_local_part_needs_smtputf8():
    msg = _build(recipient_address="zoë@example.com")
    assert needs_smtputf8(msg)
    assert not needs_smtputf8(_build())
    # With utf8 on, the address goes out as UTF-8 rather than being mangled.
    assert "zoë@example.com".encode() in msg.as_bytes(policy=msg.policy.clone(utf8=True))


@pytest.mark.parametrize(
    "field, value",
    [
        ("subject", "Hello\r\nBcc: everyone@example.com"),
        ("subject", "Hello\nthere"),
        ("subject", "tab\there"),
        ("subject", "nul\x00"),
        ("subject", "line\u2028separator"),
        ("recipient_name", "Zoë\r\nBcc: x@example.com"),
        ("sender_name", "Ana\x1b[31m"),
        ("recipient_address", "zoe@example.com\r\nBcc: x@example.com"),
        ("sender_address", "ana@flowers.example\n"),
    ],
)
def test_line_breaks_and_control_characters_are_refused(field, value):
    with pytest.raises(MessageFieldError) as info:
        _build(**{field: value})
    assert "line break or control character" in str(info.value)


@pytest.mark.parametrize(
    "address",
    ["zoe", "@example.com", "zoe@", "zo e@example.com", "a..b@example.com", "zoe@localhost",
     "zoe@exa_mple.com", "<zoe@example.com>", "a@b@example.com", "zoe@-bad.example"],
)
def test_malformed_addresses_are_refused(address):
    with pytest.raises(MessageFieldError):
        _build(recipient_address=address)


def test_message_id_can_be_given_and_stays():
    fixed = make_message_id("ana@flowers.example")
    assert fixed.startswith("<") and fixed.endswith("@flowers.example>")
    assert make_message_id("ana@flowers.example") != fixed
    assert _build(message_id=fixed)["Message-ID"] == fixed
    with pytest.raises(MessageFieldError):
        _build(message_id="<x@y>\r\nBcc: z@example.com")


def test_naive_dates_are_refused():
    with pytest.raises(ValueError):
        _build(date=datetime(2026, 1, 1, 9, 0))


def test_mailto_local_part_is_percent_encoded():
    msg = _build(sender_address="ana&bo@flowers.example")
    assert msg["List-Unsubscribe"] == "<mailto:ana%26bo@flowers.example?subject=unsubscribe>"


def test_body_line_endings_are_normalised():
    parsed = _parse(_build(text="one\r\ntwo\rthree"))
    assert _text(parsed) == "one\ntwo\nthree\n"


@pytest.mark.parametrize("name", ['Zoë "Z" O\'Brien, Jr.', "ana@shop <x@evil.example>", "李小龙"])
def test_awkward_display_names_stay_one_address(name):
    parsed = _parse(_build(recipient_name=name))
    [only] = parsed["To"].addresses
    assert only.display_name == name
    assert only.addr_spec == "zoe@example.com"
