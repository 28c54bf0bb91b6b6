"""Lists the forms offer: languages, countries (names from Babel's CLDR data), currencies, zones."""

from __future__ import annotations

import functools
import zoneinfo

# Languages Fondly's templates are likely to be written in; the code is what is stored.
LANGUAGES: tuple[tuple[str, str], ...] = (
    ("en", "English"), ("fr", "Français"), ("de", "Deutsch"), ("es", "Español"),
    ("it", "Italiano"), ("nl", "Nederlands"), ("pt", "Português"), ("sv", "Svenska"),
    ("da", "Dansk"), ("nb", "Norsk bokmål"), ("fi", "Suomi"), ("pl", "Polski"),
)


@functools.cache
def _countries() -> tuple[tuple[str, str], ...]:
    from babel import Locale  # loaded on first use: it costs ~30 ms

    names = Locale("en").territories
    pairs = [(code, name) for code, name in names.items() if len(code) == 2 and code.isalpha()
             and code not in ("ZZ", "EU", "EZ", "UN", "XA", "XB", "XK", "QO")]
    return tuple(sorted(pairs, key=lambda pair: pair[1]))


class _Countries:
    """Iterates as (ISO 3166 code, English name) pairs, built on first use."""

    def __iter__(self):
        return iter(_countries())

    def __len__(self) -> int:
        return len(_countries())


COUNTRIES = _Countries()


def currency_for(country: str) -> str:
    """The currency in use in *country* today, or USD when unknown.

    >>> currency_for("DE"), currency_for("GB"), currency_for("??")
    ('EUR', 'GBP', 'USD')
    """
    from babel.numbers import get_territory_currencies

    try:
        found = get_territory_currencies(country)
    except Exception:  # babel raises assorted errors for unknown territories
        return "USD"
    return found[0] if found else "USD"


CURRENCIES: tuple[str, ...] = (
    "USD", "EUR", "GBP", "CAD", "AUD", "NZD", "CHF", "SEK", "NOK", "DKK", "PLN", "JPY", "INR",
    "ZAR", "BRL", "MXN",
)


@functools.cache
def time_zones() -> tuple[str, ...]:
    return tuple(sorted(z for z in zoneinfo.available_timezones() if "/" in z and
                        not z.startswith(("Etc/", "SystemV/", "posix/", "right/"))))
