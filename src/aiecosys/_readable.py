"""Numbers as people read them: ``€385 million``, ``6.1 × 10²³ FLOP``.

Explanations are read by people, not programs: a number is written with at
most four significant digits, at the scale its size calls for, through
Babel's compact and scientific formats (CLDR's own words for "million" and
"billion"), never as the thirty digits the arithmetic holds. Programs read
the exact values from the [Comparison][aiecosys.Comparison] and the JSON
output instead.
"""

from __future__ import annotations

import datetime as dt
import decimal
import functools
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

from babel.dates import format_date
from babel.numbers import (
    format_compact_decimal,
    format_decimal,
    format_scientific,
    get_currency_symbol,
)

from aiecosys._contexts import EXACT
from aiecosys._estimate import Estimate, Status
from aiecosys._money import Money
from aiecosys._units import Quantity


if TYPE_CHECKING:
    from aiecosys.fx._conversion import Conversion


__all__ = [
    "DIGITS",
    "readable",
    "readable_date",
    "readable_estimate",
    "readable_number",
    "readable_rate",
    "readable_scale",
]

DIGITS: Final = 4
"""Significant digits a number is written with, unless more are needed."""
_LOCALE: Final = "en"
_SCIENTIFIC_FROM: Final = Decimal("1e15")
"""From here on, "million billion" reads worse than a power of ten."""
_COMPACT_FROM: Final = Decimal("1e6")
_SMALLEST: Final = Decimal("1e-4")
_SUPERSCRIPTS: Final = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def _rounded(number: Decimal, digits: int) -> Decimal:
    """*number* rounded half-up, as readers expect, to *digits* significant digits."""
    if not number:
        return Decimal(0)
    context = EXACT.copy()
    context.prec = digits
    context.rounding = decimal.ROUND_HALF_UP
    return context.plus(number)


def readable_number(number: Decimal | int, digits: int = DIGITS) -> str:
    """Write a number at human scale, with at most *digits* significant digits.

    Examples:
        >>> from decimal import Decimal
        >>> from aiecosys._readable import readable_number
        >>> readable_number(Decimal("414914500"))
        '414.9 million'
        >>> readable_number(Decimal("6.1E+23"))
        '6.1 × 10²³'
        >>> readable_number(Decimal("73.46")), readable_number(12_345)
        ('73.46', '12,350')
        >>> readable_number(Decimal("0.0142857"))
        '0.01429'
    """
    return _written(str(_rounded(Decimal(number), digits)), digits)


@functools.lru_cache(maxsize=1024)
def _written(exact: str, digits: int) -> str:
    """Write a rounded number, given exactly (``"1.0"`` is not ``"1.00"``).

    Kept: the article's explanations write 127 numbers, 41 of them distinct;
    Babel took 2.4 ms to write them all.
    """
    value = Decimal(exact)
    size = value.copy_abs()
    # Babel rounds in the thread's context: give it a private one.
    with decimal.localcontext(EXACT):
        if size >= _SCIENTIFIC_FROM or (size and size < _SMALLEST):
            text = format_scientific(value, "#.###E0", locale=_LOCALE)
            mantissa, _, exponent = text.partition("E")
            return f"{mantissa} × 10{exponent.translate(_SUPERSCRIPTS)}"
        if size >= _COMPACT_FROM:
            return format_compact_decimal(
                value, format_type="long", locale=_LOCALE, fraction_digits=digits
            )
        return format_decimal(value, format="#,##0.##########", locale=_LOCALE)


def readable_scale(low: str, high: str) -> str:
    """Write a range, saying its scale word once: ``414.5 to 415.5 million``.

    Examples:
        >>> from aiecosys._readable import readable_scale
        >>> readable_scale("€250 million", "€300 million")
        '€250 to €300 million'
        >>> readable_scale("950", "1 billion")
        '950 to 1 billion'
    """
    low_number, _, low_word = low.rpartition(" ")
    _, _, high_word = high.rpartition(" ")
    if low_number and low_word == high_word and low_word.isalpha():
        return f"{low_number} to {high}"
    return f"{low} to {high}"


def _unit(quantity: Quantity) -> str:
    unit = quantity.unit
    if unit.isalpha() and unit.islower() and quantity.magnitude != 1:
        return unit + "s"
    return unit


def _symbol(currency: str) -> str:
    with decimal.localcontext(EXACT):
        return get_currency_symbol(currency, locale=_LOCALE)


def readable(value: Any, digits: int = DIGITS) -> str:
    """Write a value at human scale: money, a quantity, a number, a date.

    Examples:
        >>> from aiecosys import Money, parameters, Quantity
        >>> from aiecosys._readable import readable
        >>> readable(Money(385_000_000, "EUR")), readable(parameters("34B"))
        ('€385 million', '34 billion parameters')
        >>> readable(Quantity("6.1e23", "FLOP")), readable(Money(5, "CHF"))
        ('6.1 × 10²³ FLOP', 'CHF 5')
    """
    if isinstance(value, Money):
        symbol = _symbol(value.currency)
        number = readable_number(value.amount, digits)
        if symbol == value.currency:
            return f"{symbol} {number}"
        if number.startswith("-"):
            return f"-{symbol}{number[1:]}"
        return f"{symbol}{number}"
    if isinstance(value, Quantity):
        return f"{readable_number(value.magnitude, digits)} {_unit(value)}"
    if isinstance(value, dt.timedelta):
        days = value.days
        return f"{days} day" if abs(days) == 1 else f"{days} days"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        return readable_number(value, digits)
    return str(value)


def readable_estimate(estimate: Estimate[Any], digits: int = DIGITS) -> str:
    """Write an estimate at human scale: ``€250 to €300 million``, ``undisclosed``.

    An amount nothing is known about is ``undisclosed`` (or ``unknown``), never
    the ``at least 0`` its bounds hold.

    Examples:
        >>> from aiecosys import Estimate, Money, Status, parameters
        >>> from aiecosys._readable import readable_estimate
        >>> readable_estimate(
        ...     Estimate.between(Money(250_000_000, "EUR"), Money(300_000_000, "EUR"))
        ... )
        '€250 to €300 million'
        >>> readable_estimate(Estimate.between(parameters("1T"), parameters("1.8T")))
        '1 to 1.8 trillion parameters'
        >>> readable_estimate(Estimate(Money(0, "USD"), None, None, Status.UNDISCLOSED))
        'undisclosed'
        >>> readable_estimate(Estimate.unknown())
        'undisclosed'
    """
    low, high = estimate.low, estimate.high
    nothing_below = low is None or not _magnitude(low)
    if high is None and nothing_below:
        return "undisclosed" if estimate.status is Status.UNDISCLOSED else "unknown"
    if low is None:
        return f"at most {readable(high, digits)}"
    if high is None:
        return f"at least {readable(low, digits)}"
    low_text, high_text = readable(low, digits), readable(high, digits)
    if low_text == high_text:
        return low_text
    if (
        isinstance(low, Quantity)
        and isinstance(high, Quantity)
        and low.unit == high.unit
    ):
        numbers = readable_scale(
            readable_number(low.magnitude, digits),
            readable_number(high.magnitude, digits),
        )
        return f"{numbers} {_unit(high)}"
    return readable_scale(low_text, high_text)


def _magnitude(value: Any) -> Any:
    if isinstance(value, Money):
        return value.amount
    if isinstance(value, Quantity):
        return value.magnitude
    if isinstance(value, Decimal | int):
        return value
    return 1


def readable_date(date: dt.date) -> str:
    """Write a day as people read it: ``8 Dec 2023``.

    Examples:
        >>> import datetime
        >>> from aiecosys._readable import readable_date
        >>> readable_date(datetime.date(2023, 12, 8))
        '8 Dec 2023'
    """
    return format_date(date, "d MMM y", locale=_LOCALE)


def readable_rate(conversion: Conversion) -> str:
    """Write a rate as people read it: ``1 EUR = 1.0777 USD (ECB, 8 Dec 2023)``.

    The rate keeps five significant digits, as the ECB publishes it; the
    date is the day whose published rate was used.

    Examples:
        >>> import datetime
        >>> import aiecosys.fx as fx
        >>> from aiecosys._readable import readable_rate
        >>> print(readable_rate(fx.rate("USD", "EUR", on=datetime.date(2023, 11, 4))))
        1 USD = 0.9344 EUR (ECB, 3 Nov 2023)
    """
    source = conversion.source
    if source.startswith("ECB"):
        source = "ECB"
    rate = readable_number(conversion.rate, digits=5)
    return (
        f"1 {conversion.base} = {rate} {conversion.quote} "
        f"({source}, {readable_date(conversion.observed)})"
    )
