"""The stable finding codes, their severity and what each one means.

Codes are part of the CLI's JSON and of the audit log, so they never change meaning; new ones may
be added. ``block`` means the draft cannot be approved without an explicit, audited override;
``warn`` keeps it out of "Approve all clean"; ``info`` is only shown.

=========================  ========  ===========================================================
code                       severity  raised when
=========================  ========  ===========================================================
template_syntax            block     ``{{ }}``, ``{% %}`` or ``{# #}`` survived rendering
placeholder_text           block     ``[NAME]``, ``*|FNAME|*``, ``{name}``, ``None``, ``undefined``,
                                     ``NaN``, ``TODO``, "lorem ipsum" and the like in the text
empty_greeting_name        block     "Hi ," / "Dear," — the greeting's name came out empty
dangling_code              block     "use this code:" with no code after it
empty_subject              block     the subject is empty
empty_body                 block     the body is empty
wrong_name                 block     the greeting names someone other than this customer
generic_greeting           warn      "Dear customer" although the customer's name is known
age_unknown_year           block     the text states an age but the year of birth is unknown
age_wrong                  block     the stated age does not match the year of birth
birthday_late              warn      a birthday note well past the date without belated wording
birthday_not_today         warn      the note says "today" but the birthday is days away
opted_out                  block     the customer said no to e-mails (a marketing note)
asked_for_it               info      a back-in-stock note they asked for, to someone who said no
                                     to marketing e-mails (a service message: it may go)
do_not_contact             block     the customer is marked "do not contact"
no_valid_email             block     no valid e-mail address to send to
offer_without_consent      block     an offer or discount to someone without marketing consent
consent_unknown            info      a marketing note to someone whose consent is unknown
consent_required           block     a marketing note to someone whose consent is unknown, and
                                     the shop writes only to customers who said yes
cooldown                   warn      the last message went out within the shop's cool-down
no_opt_out                 warn      a marketing note without a way to say "no more e-mails"
language_mismatch          warn      the text's language differs from the customer's language
language_unverified        info      the customer's language is unknown; the text differs from
                                     the shop's language
too_long                   warn      far too long for the occasion
subject_too_long           warn      the subject is longer than an inbox shows
shouting                   warn      an all-caps subject, or runs of all-caps words in the body
exclamation_flood          warn      "!!!" or very many exclamation marks
emoji_flood                warn      long runs of emoji or very many of them
pressure                   warn      urgency and pressure ("act now", "expires in 2 hours")
spam_phrase                warn      phrases spam filters and readers distrust ("click here")
guilt                      warn      guilt-tripping ("you forgot about us")
negative_tone              warn      sarcasm, insults or an unkind tone
age_joke                   warn      jokes about getting old
creepy_tracking            warn      wording that says the customer is being watched
complaint_in_notes         warn      a cheerful marketing note although the notes record a recent
                                     complaint, without acknowledging it
sensitive_note             warn      the notes record a loss or illness; read them before sending
=========================  ========  ===========================================================
"""

from __future__ import annotations

from desktop_app.checks import Finding, Severity

SEVERITY: dict[str, Severity] = {
    "template_syntax": "block",
    "placeholder_text": "block",
    "empty_greeting_name": "block",
    "dangling_code": "block",
    "empty_subject": "block",
    "empty_body": "block",
    "wrong_name": "block",
    "generic_greeting": "warn",
    "age_unknown_year": "block",
    "age_wrong": "block",
    "birthday_late": "warn",
    "birthday_not_today": "warn",
    "opted_out": "block",
    "asked_for_it": "info",
    "do_not_contact": "block",
    "no_valid_email": "block",
    "offer_without_consent": "block",
    "consent_unknown": "info",
    "consent_required": "block",
    "cooldown": "warn",
    "no_opt_out": "warn",
    "language_mismatch": "warn",
    "language_unverified": "info",
    "too_long": "warn",
    "subject_too_long": "warn",
    "shouting": "warn",
    "exclamation_flood": "warn",
    "emoji_flood": "warn",
    "pressure": "warn",
    "spam_phrase": "warn",
    "guilt": "warn",
    "negative_tone": "warn",
    "age_joke": "warn",
    "creepy_tracking": "warn",
    "complaint_in_notes": "warn",
    "sensitive_note": "warn",
}

MARKETING_OCCASIONS = frozenset(
    {"birthday", "birthday_belated", "stamp_reward", "points_reward", "anniversary", "winback"}
)
SERVICE_OCCASIONS = frozenset({"restock", "restock_still_interested"})
OCCASIONS = MARKETING_OCCASIONS | SERVICE_OCCASIONS


def finding(code: str, message: str) -> Finding:
    """A finding with the code's fixed severity.

    >>> finding("empty_subject", "The subject is empty.").severity
    'block'
    """
    return Finding(code=code, severity=SEVERITY[code], message=message)


def is_marketing(occasion: str) -> bool:
    """Everything but the back-in-stock notes the customer asked for (unknown ones count too)."""
    return occasion not in SERVICE_OCCASIONS
