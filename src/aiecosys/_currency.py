"""ISO 4217 currency codes and their minor units, from Babel's CLDR data.

The tables are loaded on first use, not when aiecosys is imported, so that
``import aiecosys`` stays cheap. Under the Babel release the project is built
with they are read from ``_currency_names.py`` (written by
``scripts/currency_names.py``, checked by the test suite); under another
release they are built from Babel's global data.
"""

from __future__ import annotations

import difflib
from typing import Final

from aiecosys._errors import CurrencyError
from aiecosys._i18n import gettext as _
from aiecosys._locks import new_lock


__all__ = ["currency_codes", "minor_units", "validate_currency"]

_lock: Final = new_lock()
tables: tuple[frozenset[str], dict[str, int]] | None = None
"""The CLDR codes and minor units once loaded; ``None`` before first use."""


def _load() -> tuple[frozenset[str], dict[str, int]]:
    global tables  # noqa: PLW0603 - a load-once cache, guarded by _lock
    with _lock:
        if tables is None:
            from aiecosys import _currency_names as written

            # The written tables spare a first Money Babel's global data: 5 ms
            # of a first conversion in a fresh process (benchmarks/bench_fx.py).
            if written_for_this_babel():
                tables = (written.CODES, dict(written.MINOR_UNITS))
            else:
                tables = build_currency_tables()
        return tables


def written_for_this_babel() -> bool:
    """Whether ``_currency_names.py`` was written under the installed Babel release.

    ``scripts/currency_names.py`` writes Babel's currency tables there, and the
    test suite checks them; under another release they are built from Babel.
    """
    import babel

    from aiecosys import _currency_names as written

    return bool(babel.__version__ == written.BABEL_VERSION)


def build_currency_tables() -> tuple[frozenset[str], dict[str, int]]:
    """Build the currency codes CLDR knows, and their minor units, from Babel.

    Examples:
        >>> codes, digits = build_currency_tables()
        >>> "EUR" in codes, digits["EUR"], digits["JPY"]
        (True, 2, 0)
    """
    from babel.core import get_global

    codes = frozenset(get_global("all_currencies"))
    fractions = get_global("currency_fractions")
    default = int(fractions["DEFAULT"][0])
    return codes, {code: int(fractions.get(code, (default,))[0]) for code in codes}


def currency_codes() -> frozenset[str]:
    """Return every currency code CLDR knows, current and historic.

    Examples:
        >>> "EUR" in currency_codes() and "CNY" in currency_codes()
        True
        >>> "XYZ" in currency_codes()
        False
    """
    loaded = tables or _load()
    return loaded[0]


def validate_currency(code: object) -> str:
    """Return *code* if it is a known ISO 4217 code, or raise with a suggestion.

    Codes are case-sensitive, as ISO 4217 writes them: ``"usd"`` is refused
    with a hint to write ``"USD"``.

    Raises:
        CurrencyError: *code* is not a string, or not a known code.

    Examples:
        >>> validate_currency("EUR")
        'EUR'
        >>> validate_currency("EUROS")
        Traceback (most recent call last):
        ...
        aiecosys.CurrencyError: unknown currency code 'EUROS': did you mean 'EUR'? ...
    """
    loaded = tables or _load()
    if isinstance(code, str) and code in loaded[0]:
        return code
    raise CurrencyError(_unknown_code_message(code, loaded[0]))


def _unknown_code_message(code: object, codes: frozenset[str]) -> str:
    if not isinstance(code, str):
        return _(
            "a currency must be an ISO 4217 code such as 'EUR', not {type} {code!r}"
        ).format(type=type(code).__name__, code=code)
    upper = code.strip().upper()
    close = (
        [upper]
        if upper in codes
        else difflib.get_close_matches(upper, sorted(codes), n=3, cutoff=0.6)
    )
    if not close:
        return _(
            "unknown currency code {code!r}: write a three-letter ISO 4217 code in "
            "capitals, such as 'EUR', 'USD' or 'CNY'"
        ).format(code=code)
    return _(
        "unknown currency code {code!r}: did you mean {codes}? write a "
        "three-letter ISO 4217 code in capitals, such as 'EUR', 'USD' or 'CNY'"
    ).format(code=code, codes=_(" or ").join(repr(c) for c in close))


def minor_units(code: str) -> int:
    """Return the number of decimal places CLDR uses for a currency.

    Examples:
        >>> minor_units("EUR"), minor_units("JPY"), minor_units("KWD")
        (2, 0, 3)
    """
    loaded = tables or _load()
    validate_currency(code)
    return loaded[1][code]
