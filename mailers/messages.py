"""RFC 5322 messages from the owner to one customer: safe headers, IDNA domains, SMTPUTF8 detection."""

from __future__ import annotations

import unicodedata
from datetime import datetime
from email import policy
from email.headerregistry import Address, BaseHeader
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from functools import lru_cache
from urllib.parse import quote

import idna

# Transactional occasions: the customer asked to hear about this item. Everything else is a
# campaign the owner started, so it carries a List-Unsubscribe header.
TRANSACTIONAL_OCCASIONS = frozenset({"restock", "restock_still_interested"})

# RFC 5322 atext plus "." for a dot-atom local part; non-ASCII is allowed too (RFC 6531), and then
# the message needs SMTPUTF8.
_ATEXT = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~.")
# Characters that may stay literal in a mailto: URI's address (RFC 6068 leaves out % ? & #).
_MAILTO_SAFE = "!$'*+-.=^_`{|}~"


class MessageFieldError(ValueError):
    """A value that would reach a header is unsafe or malformed; `field` names which one."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"The {field} {problem}.")
        self.field = field
        self.problem = problem


def check_header_text(field: str, value: str) -> str:
    """Refuse CR, LF and other control or line-separator characters in a header value.

    >>> check_header_text("subject", "Happy birthday, Zoë!")
    'Happy birthday, Zoë!'
    >>> check_header_text("subject", "Hi\\r\\nBcc: x@example.com")
    Traceback (most recent call last):
    ...
    mailers.messages.MessageFieldError: The subject contains a line break or control character.
    """
    # Cc covers C0/C1 controls incl. CR, LF, TAB and NUL; Zl/Zp are Unicode line/paragraph
    # separators, which str.splitlines() (and so some header code) treats as line breaks.
    for ch in value:
        if unicodedata.category(ch) in ("Cc", "Zl", "Zp"):
            raise MessageFieldError(field, "contains a line break or control character")
    return value


def encode_domain(field: str, domain: str) -> str:
    """The domain in ASCII (IDNA 2008 with UTS 46 mapping), lower-cased.

    >>> encode_domain("address", "Bücher.Example")
    'xn--bcher-kva.example'
    """
    domain = domain.rstrip(".")
    if not domain:
        raise MessageFieldError(field, "has no domain after the @")
    if domain.isascii():
        labels = domain.lower().split(".")
        if all(labels) and all(
            lab.replace("-", "").isalnum() and not lab.startswith("-") and not lab.endswith("-")
            for lab in labels
        ):
            return ".".join(labels)
        raise MessageFieldError(field, f"has an invalid domain “{domain}”")
    try:
        return idna.encode(domain, uts46=True).decode("ascii")
    except idna.IDNAError:
        raise MessageFieldError(field, f"has a domain that cannot be encoded: “{domain}”") from None


def make_addr_spec(field: str, address: str) -> str:
    """Validate ``local@domain`` and return it with the domain IDNA-encoded.

    The local part is kept as written (it may be non-ASCII, see `needs_smtputf8`).

    >>> make_addr_spec("recipient address", "jörg@bücher.de")
    'jörg@xn--bcher-kva.de'
    >>> make_addr_spec("recipient address", "a@b@example.com")
    Traceback (most recent call last):
    ...
    mailers.messages.MessageFieldError: The recipient address has an invalid part before the @.
    """
    check_header_text(field, address)
    address = address.strip()
    local, at, domain = address.rpartition("@")
    if not at or not local:
        raise MessageFieldError(field, "is not an e-mail address (local@domain)")
    if (
        local.startswith(".")
        or local.endswith(".")
        or ".." in local
        or len(local.encode("utf-8")) > 64
        or any(ch not in _ATEXT and ch.isascii() for ch in local)
        or any(not ch.isascii() and not ch.isprintable() for ch in local)
    ):
        raise MessageFieldError(field, "has an invalid part before the @")
    ascii_domain = encode_domain(field, domain)
    if len(ascii_domain) > 253 or "." not in ascii_domain:
        raise MessageFieldError(field, f"has an invalid domain “{domain}”")
    return f"{local}@{ascii_domain}"


def make_address(field: str, name: str, address: str) -> Address:
    """An `Address` built by keyword (positional arguments mean something else)."""
    spec = make_addr_spec(f"{field} address", address)
    display_name = check_header_text(f"{field} name", name.strip())
    if spec.isascii():
        return Address(display_name=display_name, addr_spec=spec)
    # The addr_spec parser refuses a non-ASCII local part (RFC 6531 allows it); the parts were
    # validated above, so hand them over separately.
    local, _, domain = spec.rpartition("@")
    return Address(display_name=display_name, username=local, domain=domain)


def make_message_id(sender_address: str) -> str:
    """A fresh Message-ID on the owner's (IDNA-encoded) domain, e.g. ``<…@shop.example>``."""
    domain = make_addr_spec("sender address", sender_address).rpartition("@")[2]
    return make_msgid(domain=domain)


def unsubscribe_header(sender: Address) -> str:
    """``<mailto:owner@shop?subject=unsubscribe>`` with the local part percent-encoded (RFC 6068).

    >>> unsubscribe_header(Address(display_name="Ana", addr_spec="ana+shop@example.com"))
    '<mailto:ana+shop@example.com?subject=unsubscribe>'
    """
    return f"<mailto:{quote(sender.username, safe=_MAILTO_SAFE)}@{sender.domain}?subject=unsubscribe>"


def build_message(
    *,
    sender_name: str,
    sender_address: str,
    recipient_name: str,
    recipient_address: str,
    subject: str,
    text: str,
    html: str | None = None,
    occasion: str | None = None,
    date: datetime | None = None,
    message_id: str | None = None,
) -> EmailMessage:
    """One message from the owner to one customer, ready for `mailers.smtp.SmtpSession.send`.

    *occasion* None means a message outside any campaign (the test to oneself): no
    List-Unsubscribe. *date* defaults to now in local time; *message_id* to a fresh one on the
    owner's domain (pass the stored one to keep it stable across retries).

    :raises MessageFieldError: a header value holds CR, LF or control characters, or an address
        is malformed.
    """
    from_header, unsubscribe = _sender_headers(sender_name, sender_address)
    sender = from_header.addresses[0]
    recipient = make_address("recipient", recipient_name, recipient_address)
    check_header_text("subject", subject)
    if message_id is None:
        message_id = make_msgid(domain=sender.domain)
    else:
        check_header_text("Message-ID", message_id)
        if not (message_id.startswith("<") and message_id.endswith(">") and "@" in message_id):
            raise MessageFieldError("Message-ID", "is not of the form <id@domain>")
    when = date if date is not None else datetime.now().astimezone()
    if when.tzinfo is None:
        raise ValueError("date must be timezone-aware")

    msg = EmailMessage(policy=policy.SMTP)
    msg["From"] = from_header
    msg["To"] = recipient
    msg["Subject"] = subject
    msg["Date"] = _date_header(format_datetime(when))
    msg["Message-ID"] = message_id
    if occasion is not None and occasion not in TRANSACTIONAL_OCCASIONS:
        msg["List-Unsubscribe"] = unsubscribe
    # Quoted-printable for non-ASCII bodies keeps the message 7-bit clean, so it needs neither
    # 8BITMIME nor SMTPUTF8 from the server unless an address itself is non-ASCII.
    msg.set_content(_body(text), cte=_cte(text))
    if html is not None:
        msg.add_alternative(_body(html), subtype="html", cte=_cte(html))
    return msg


# Parsed header objects are immutable and a policy stores one as-is when its name matches, so
# the owner's From / List-Unsubscribe (the same for a whole batch) and a Date shared by the
# messages of one second are parsed once: header parsing dominates the cost of a message.
@lru_cache(maxsize=8)
def _sender_headers(name: str, address: str) -> tuple[BaseHeader, BaseHeader]:
    sender = make_address("sender", name, address)
    factory = policy.SMTP.header_factory
    return factory("From", sender), factory("List-Unsubscribe", unsubscribe_header(sender))


@lru_cache(maxsize=4)
def _date_header(value: str) -> BaseHeader:
    return policy.SMTP.header_factory("Date", value)


def needs_smtputf8(msg: EmailMessage) -> bool:
    """Whether an address (after IDNA) is still non-ASCII, so the server must offer SMTPUTF8.

    >>> m = build_message(sender_name="Ana", sender_address="ana@example.com",
    ...     recipient_name="Jörg", recipient_address="jörg@bücher.de", subject="Hi", text="Hi")
    >>> needs_smtputf8(m)
    True
    """
    for header in ("From", "To", "Cc", "Reply-To", "Sender"):
        for value in msg.get_all(header, []):
            addresses = getattr(value, "addresses", None)
            if addresses is None:
                if not str(value).isascii():
                    return True
                continue
            if any(not a.addr_spec.isascii() for a in addresses):
                return True
    return False


def envelope(msg: EmailMessage) -> tuple[str, list[str]]:
    """MAIL FROM and RCPT TO addresses taken from the From and To headers.

    :raises MessageFieldError: no sender, or not exactly one recipient.
    """
    senders = [a for v in msg.get_all("From", []) for a in v.addresses]
    recipients = [a for v in msg.get_all("To", []) for a in v.addresses]
    if len(senders) != 1:
        raise MessageFieldError("sender", "must be exactly one address")
    if len(recipients) != 1:
        raise MessageFieldError("recipient", "must be exactly one address")
    return senders[0].addr_spec, [recipients[0].addr_spec]


def _body(text: str) -> str:
    # NUL and stray CRs have no place in a mail body; line endings are normalised on output.
    text = text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")
    return text if text.endswith("\n") else text + "\n"


def _cte(text: str) -> str:
    lines = text.splitlines()
    if text.isascii() and all(len(line) <= 998 for line in lines):
        return "7bit"
    return "quoted-printable"
