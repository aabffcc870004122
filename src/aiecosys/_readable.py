"""Numbers as people read them: ``€385 million``, ``6.1 × 10²³ FLOP``.

Explanations are read by people, not programs: a number is written with at
most four significant digits, at the scale its size calls for, through
Babel's compact and scientific formats (CLDR's own words for "million" and
"billion"), never as the thirty digits the arithmetic holds. Programs read
the exact values from the [Comparison][aiecosys.Comparison] and the JSON
output instead.

Everything is written in the reader's language (`aiecosys._i18n.current`):
in French, ``385 millions d'euros``, ``entre 1 000 et 1 800 milliards de
paramètres``, ``1 EUR = 1,0777 USD (BCE, 8 déc. 2023)``.
"""

from __future__ import annotations

import datetime as dt
import decimal
import functools
import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

from babel import Locale
from babel.dates import format_date
from babel.numbers import (
    format_compact_decimal,
    format_decimal,
    format_percent,
    format_scientific,
    get_currency_symbol,
    get_decimal_symbol,
)

from aiecosys._contexts import EXACT
from aiecosys._estimate import Estimate, Status
from aiecosys._i18n import current, ngettext
from aiecosys._i18n import gettext as _
from aiecosys._money import Money
from aiecosys._units import Quantity


if TYPE_CHECKING:
    from aiecosys.fx._conversion import Conversion


__all__ = [
    "DIGITS",
    "readable",
    "readable_country",
    "readable_date",
    "readable_estimate",
    "readable_exact",
    "readable_number",
    "readable_percent",
    "readable_rate",
    "readable_scale",
]

DIGITS: Final = 4
"""Significant digits a number is written with, unless more are needed."""
_THOUSAND: Final = Decimal(1000)
_BILLION: Final = Decimal("1e9")
_TWO_BILLION: Final = Decimal("2e9")
_LONG_SCALE: Final = frozenset({"fr"})
"""Languages whose word for 10^12 readers misread: French "billion" is a
thousand times the English one, so from 10^12 on French writes thousands of
milliards ("1 000 milliards"), as its newspapers do."""
_NAMED_CURRENCIES: Final = frozenset({"fr"})
"""Languages that write an amount with its currency's name ("385 millions
d'euros"), as their newspapers do, rather than with its symbol ("€385 million")."""
_ELISION: Final = re.compile(r" de (?=[aeiouyàâéèêîôû])", re.IGNORECASE)
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
    return _written(str(_rounded(Decimal(number), digits)), digits, current())


@functools.lru_cache(maxsize=1024)
def _written(exact: str, digits: int, locale: str) -> str:
    """Write a rounded number, given exactly (``"1.0"`` is not ``"1.00"``).

    Kept: the article's explanations write 127 numbers, 41 of them distinct;
    Babel took 2.4 ms to write them all.
    """
    value = Decimal(exact)
    size = value.copy_abs()
    # Babel rounds in the thread's context: give it a private one.
    with decimal.localcontext(EXACT):
        if _scientific(size):
            text = format_scientific(value, "#.###E0", locale=locale)
            mantissa, _e, exponent = text.partition("E")
            return f"{mantissa} × 10{exponent.translate(_SUPERSCRIPTS)}"
        if _past_long_scale(size, locale):
            billions = _written(str(value.scaleb(-9)), digits, locale)
            return f"{billions} {_billions_word(locale)}"
        if size >= _COMPACT_FROM:
            return format_compact_decimal(
                value, format_type="long", locale=locale, fraction_digits=digits
            )
        return format_decimal(value, format="#,##0.##########", locale=locale)


def _scientific(size: Decimal) -> bool:
    """Whether a number of this size is written with a power of ten."""
    return size >= _SCIENTIFIC_FROM or bool(size and size < _SMALLEST)


def _past_long_scale(size: Decimal, locale: str) -> bool:
    """Whether a number of this size is written in thousands of milliards."""
    return locale in _LONG_SCALE and size >= _THOUSAND * _BILLION


def _billions_word(locale: str) -> str:
    """CLDR's word for 10^9 in the plural: ``milliards``."""
    return format_compact_decimal(
        _TWO_BILLION, format_type="long", locale=locale
    ).partition(" ")[2]


def readable_scale(low: str, high: str) -> str:
    """Write a range, saying its scale word once: ``414.5 to 415.5 million``.

    Examples:
        >>> from aiecosys._readable import readable_scale
        >>> readable_scale("€250 million", "€300 million")
        '€250 to €300 million'
        >>> readable_scale("950", "1 billion")
        '950 to 1 billion'
        >>> import aiecosys
        >>> with aiecosys.language("fr"):
        ...     readable_scale("250 millions", "300 millions")
        'entre 250 et 300 millions'
    """
    low_number, _space, low_word = low.rpartition(" ")
    high_word = high.rpartition(" ")[2]
    if low_number and low_word == high_word and low_word.isalpha():
        low = low_number
    # Translators: a range of values, such as "250 to 300 million".
    return _("{low} to {high}").format(low=low, high=high)


def _count(magnitude: Decimal) -> int:
    """The count that picks a unit's plural: 1 for the singular, 2 for the plural.

    English says "1 parameter" and "1.5 parameters", French "1,5 paramètre":
    CLDR's plural rules of the reader's language decide.
    """
    if magnitude == 1:
        return 1
    if current() == "en":
        return 2
    return (
        1 if Locale.parse(current()).plural_form(magnitude.copy_abs()) == "one" else 2
    )


def _unit(quantity: Quantity) -> str:
    """The name of a quantity's unit, in the plural if its magnitude asks for it."""
    count = _count(quantity.magnitude)
    match quantity.unit:
        case "parameter":
            return ngettext("parameter", "parameters", count)
        case "token":
            return ngettext("token", "tokens", count)
        case "byte":
            return ngettext("byte", "bytes", count)
        case "bit":
            return ngettext("bit", "bits", count)
        case "second":
            return ngettext("second", "seconds", count)
        case "minute":
            return ngettext("minute", "minutes", count)
        case "hour":
            return ngettext("hour", "hours", count)
        case "day":
            return ngettext("day", "days", count)
        case unit if unit.isalpha() and unit.islower() and count != 1:
            return unit + "s"
        case unit:
            return unit


def _with_unit(number: str, quantity: Quantity) -> str:
    """A number and the unit of *quantity*: ``34 milliards de paramètres``."""
    unit = _unit(quantity)
    if number[-1:].isalpha():
        # Translators: a number ending in a scale word, then its unit ("34
        # billion parameters"); French puts "de" between them.
        text = _("{scaled} {unit}").format(scaled=number, unit=unit)
        # French elides that "de" before a vowel, as Money's long form does.
        return _ELISION.sub(" d'", text)
    # Translators: a number, then its unit: "12,350 parameters", "6.1 × 10²³ FLOP".
    return _("{number} {unit}").format(number=number, unit=unit)


def _symbol(currency: str) -> str:
    with decimal.localcontext(EXACT):
        return get_currency_symbol(currency, locale=current())


def _figure(value: Money | Quantity, digits: int) -> tuple[str, str]:
    """A value's number and the words after it: ``("385 millions", " d'euros")``.

    The number is empty when the words hold it too (``€385 million``).
    """
    if isinstance(value, Quantity):
        number = readable_number(value.magnitude, digits)
        text = _with_unit(number, value)
    elif current() in _NAMED_CURRENCIES:
        number, text = _named_money(value, digits)
    else:
        number, text = "", _symbol_money(value, digits)
    if text.startswith(number):
        return number, text[len(number) :]
    return "", text


def _symbol_money(value: Money, digits: int) -> str:
    """``€385 million``, ``CHF 5``: the currency's symbol, then the number."""
    symbol = _symbol(value.currency)
    number = readable_number(value.amount, digits)
    if symbol == value.currency:
        return f"{symbol} {number}"
    if number.startswith("-"):
        return f"-{symbol}{number[1:]}"
    return f"{symbol}{number}"


def _named_money(value: Money, digits: int) -> tuple[str, str]:
    """The number and the long form of an amount: ``385 millions d'euros``.

    The long form is [Money.format][aiecosys.Money.format]'s. Where it would
    write CLDR's French "billion" (10^12, which readers misread) or a number
    too large for words, the number is `readable_number`'s, followed by the
    currency's words as Money writes them after "2 milliards" (`` d'euros``).
    """
    locale = current()
    amount = _rounded(value.amount, digits)
    number = readable_number(amount, digits)
    size = amount.copy_abs()
    if _scientific(size) or _past_long_scale(size, locale):
        sample = Money(_TWO_BILLION, value.currency).format(locale, style="long")
        scaled = format_compact_decimal(_TWO_BILLION, format_type="long", locale=locale)
        return number, number + sample.removeprefix(scaled)
    with decimal.localcontext(EXACT):
        text = Money(amount, value.currency).format(
            locale, style="long", fraction_digits=digits
        )
    return number, text


def readable_exact(number: Decimal | int) -> str:
    """Write a number with every digit it has, in the reader's locale: ``73,46``.

    For numbers read as given (a benchmark score: ``70.0`` keeps its zero),
    where `readable_number` would round them or drop digits.

    Examples:
        >>> import aiecosys
        >>> from decimal import Decimal
        >>> from aiecosys._readable import readable_exact
        >>> readable_exact(Decimal("70.0")), readable_exact(Decimal("-1.5"))
        ('70.0', '-1.5')
        >>> with aiecosys.language("fr"):
        ...     readable_exact(Decimal("73.46"))
        '73,46'
    """
    return str(number).replace(".", get_decimal_symbol(current()))


def readable_country(code: str) -> str:
    """Name a country from its ISO 3166 code, in the reader's language (CLDR's names).

    A code CLDR does not name is written as it is.

    Examples:
        >>> import aiecosys
        >>> from aiecosys._readable import readable_country
        >>> readable_country("TW"), readable_country("fr"), readable_country("XX")
        ('Taiwan', 'France', 'XX')
        >>> with aiecosys.language("fr"):
        ...     readable_country("CN")
        'Chine'
    """
    names = Locale.parse(current()).territories
    return str(names.get(code.upper(), code))


def readable_percent(fraction: Decimal) -> str:
    """Write a fraction as a percentage, in the reader's locale: ``10%``, ``10 %``.

    Examples:
        >>> import aiecosys
        >>> from decimal import Decimal
        >>> from aiecosys._readable import readable_percent
        >>> readable_percent(Decimal("0.1")), readable_percent(Decimal("0.025"))
        ('10%', '2.5%')
        >>> with aiecosys.language("fr"):
        ...     readable_percent(Decimal("0.1")) == "10\u00a0%"
        True
    """
    with decimal.localcontext(EXACT):
        return format_percent(fraction, locale=current(), decimal_quantization=False)


def readable(value: Any, digits: int = DIGITS) -> str:
    """Write a value at human scale: money, a quantity, a number, a date.

    Examples:
        >>> from aiecosys import Money, parameters, Quantity
        >>> from aiecosys._readable import readable
        >>> readable(Money(385_000_000, "EUR")), readable(parameters("34B"))
        ('€385 million', '34 billion parameters')
        >>> readable(Quantity("6.1e23", "FLOP")), readable(Money(5, "CHF"))
        ('6.1 × 10²³ FLOP', 'CHF 5')

        French names the currency, and says "de" after a scale word:

        >>> import aiecosys
        >>> with aiecosys.language("fr"):
        ...     readable(Money(385_000_000, "EUR")), readable(parameters("34B"))
        ("385 millions d'euros", '34 milliards de paramètres')
    """
    if isinstance(value, Money | Quantity):
        return "".join(_figure(value, digits))
    if isinstance(value, dt.timedelta):
        days = value.days
        return ngettext("{count} day", "{count} days", abs(days)).format(count=days)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        return readable_number(value, digits)
    return str(value)


def readable_estimate(estimate: Estimate[Any], digits: int = DIGITS) -> str:
    r"""Write an estimate at human scale: ``€250 to €300 million``, ``undisclosed``.

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

        French writes ranges "entre X et Y", and milliards from 10^12 on
        (its "billion" is a thousand times the English one):

        >>> import aiecosys
        >>> with aiecosys.language("fr"):
        ...     readable_estimate(
        ...         Estimate.between(parameters("1T"), parameters("1.8T"))
        ...     )
        'entre 1\u202f000 et 1\u202f800 milliards de paramètres'
    """
    low, high = estimate.low, estimate.high
    nothing_below = low is None or not _magnitude(low)
    if high is None and nothing_below:
        if estimate.status is Status.UNDISCLOSED:
            return Status.UNDISCLOSED.label
        # Translators: a value nothing is known about.
        return _("unknown")
    if low is None:
        return _("at most {value}").format(value=readable(high, digits))
    if high is None:
        return _("at least {value}").format(value=readable(low, digits))
    low_text, high_text = readable(low, digits), readable(high, digits)
    if low_text == high_text:
        return low_text
    if _same_unit(low, high):
        low_number, _low_words = _figure(low, digits)
        high_number, high_words = _figure(high, digits)
        if low_number and high_number:
            if isinstance(high, Quantity):
                return _with_unit(readable_scale(low_number, high_number), high)
            return readable_scale(low_number, high_number) + high_words
    return readable_scale(low_text, high_text)


def _same_unit(low: Any, high: Any) -> bool:
    """Whether two bounds are quantities of one unit, or amounts of one currency."""
    if isinstance(low, Quantity) and isinstance(high, Quantity):
        return bool(low.unit == high.unit)
    if isinstance(low, Money) and isinstance(high, Money):
        return low.currency == high.currency
    return False


def _magnitude(value: Any) -> Any:
    if isinstance(value, Money):
        return value.amount
    if isinstance(value, Quantity):
        return value.magnitude
    if isinstance(value, Decimal | int):
        return value
    return 1


def readable_date(date: dt.date) -> str:
    """Write a day as people read it: ``8 Dec 2023``; ``1er mars 2024`` in French.

    Examples:
        >>> import datetime
        >>> import aiecosys
        >>> from aiecosys._readable import readable_date
        >>> readable_date(datetime.date(2023, 12, 8))
        '8 Dec 2023'
        >>> with aiecosys.language("fr"):
        ...     readable_date(datetime.date(2024, 3, 1))
        '1er mars 2024'
    """
    locale = current()
    if locale == "fr" and date.day == 1:
        # French writes the first of a month as an ordinal: 1er mars 2024.
        return format_date(date, "d'er' MMM y", locale=locale)
    return format_date(date, "d MMM y", locale=locale)


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
        # Translators: the European Central Bank, as a rate's source.
        source = _("ECB")
    # Translators: an exchange rate, its source and the day it was published for.
    return _("1 {base} = {rate} {quote} ({source}, {date})").format(
        base=conversion.base,
        rate=readable_number(conversion.rate, digits=5),
        quote=conversion.quote,
        source=source,
        date=readable_date(conversion.observed),
    )
