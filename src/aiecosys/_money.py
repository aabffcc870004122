"""Money: an exact Decimal amount in one ISO 4217 currency."""

from __future__ import annotations

import decimal
import functools
import math
from datetime import date, datetime
from decimal import ROUND_HALF_EVEN, Decimal
from typing import TYPE_CHECKING, Final, Literal, NoReturn, Self, cast

import attrs

from aiecosys import _currency as _currency_module
from aiecosys._amounts import (
    Lang,
    ScaledNumber,
    apply_scale,
    drop_preposition,
    marks_for,
    normalise_text,
    read_scaled_number,
    strip_accents,
)
from aiecosys._contexts import DIVISION, DIVISION_DIGITS, EXACT
from aiecosys._currency import (
    currency_codes,
    minor_units,
    validate_currency,
    written_for_this_babel,
)
from aiecosys._errors import (
    CurrencyError,
    CurrencyMismatchError,
    InvalidArithmeticError,
    ParseError,
)
from aiecosys._i18n import N_
from aiecosys._i18n import gettext as _
from aiecosys._locks import new_lock


if TYPE_CHECKING:
    from collections.abc import Callable

    from aiecosys.fx import Conversion, RateSource


__all__ = ["Money", "converted", "shorten"]

# Sums, differences and products of Decimals never need more digits than
# EXACT gives, so they are exact; a quotient is rounded to DIVISION's digits.
_EXACT: Final = EXACT
_DIVISION_DIGITS: Final = DIVISION_DIGITS
_DIVISION: Final = DIVISION

Style = Literal["standard", "compact", "long"]

AMOUNT_LIMIT: Final = Decimal("1e30")
"""Amounts must be smaller than this in size: far above any real amount of
money (the largest banknote ever printed was 10^20 pengő), small enough that
every amount can be written out and formatted."""
MAX_PLACES: Final = 60
"""An amount's leading digit may be no finer than 10^-60."""
_ZERO: Final = Decimal(0)
_ONE: Final = Decimal(1)
_HUGE: Final = Decimal(1).scaleb(decimal.MAX_EMAX, _EXACT)
_MAX_EXPONENT: Final = AMOUNT_LIMIT.adjusted()
_SUM: Final = decimal.Context(
    prec=decimal.MAX_PREC,
    Emax=_MAX_EXPONENT - 1,
    Emin=-MAX_PLACES,
    traps=[decimal.Overflow, decimal.Subnormal, decimal.InvalidOperation],
)
"""Exact sums that trap a result out of Money's range: one check, no extra call."""
_MAX_DIGITS: Final = MAX_PLACES + _MAX_EXPONENT
"""The most significant digits an amount can need: from 10^29 down to 10^-60."""


def _to_amount(amount_in: Decimal | int | str) -> Decimal:
    """Convert an amount to Decimal, refusing floats and anything inexact."""
    value: object = amount_in  # checked at run time whatever the annotations say
    kind = type(value)
    amount: Decimal
    if kind is Decimal:
        amount = cast("Decimal", value)
    elif kind is int:
        amount = Decimal(cast("int", value))
    elif kind is str:
        try:
            amount = Decimal(cast("str", value))
        except decimal.InvalidOperation:
            raise _unreadable_amount(value) from None
        if "_" in cast("str", value):  # Decimal("1_0") accepts it
            raise _unreadable_amount(value)
    elif isinstance(value, float):
        raise TypeError(
            _(
                "Money refuses the float {value!r}: binary floats cannot hold most "
                "decimal amounts exactly. Pass a Decimal, an int or a str, or say "
                "how many significant digits to keep with "
                "Money.from_float(value, currency, digits=...)"
            ).format(value=value)
        )
    elif isinstance(value, bool):
        raise TypeError(
            _("Money refuses a bool as an amount; pass a Decimal, int or str")
        )
    elif isinstance(value, Decimal | int):
        amount = Decimal(value)
    else:
        raise TypeError(
            _("Money needs a Decimal, int or str amount, not {type}").format(
                type=type(value).__name__
            )
        )
    return _in_range(amount, value)


def _unreadable_amount(value: object) -> ParseError:
    return ParseError(
        _(
            "cannot read {value!r} as a decimal amount; write digits such as "
            "'385000000' or '1.5', or use Money.parse() for text such as "
            "'385 millions d'euros'"
        ).format(value=value)
    )


def _in_range(amount: Decimal, value: object) -> Decimal:
    """Refuse non-finite and absurd amounts; write every zero as 0."""
    if (
        amount
        and amount.is_finite()
        and -MAX_PLACES <= amount.adjusted() < _MAX_EXPONENT
    ):
        return amount
    if not amount.is_finite():
        _not_finite(value)
    if not amount:
        return _ZERO  # -0 is 0, and 0E-999999 is 0: no amount prints as "-0 EUR"
    raise ParseError(
        _(
            "the amount {value} is out of range: aiecosys keeps amounts below "
            "10^{most} in size and with digits no finer than 10^-{places}; check "
            "the exponent or the scale word"
        ).format(value=shorten(repr(value)), most=_MAX_EXPONENT, places=MAX_PLACES)
    )


def _not_finite(value: object) -> NoReturn:
    raise ParseError(
        _("an amount of money must be finite, not {value!r}").format(value=value)
    )


def _new(amount: Decimal, currency: str, conversion: Conversion | None = None) -> Money:
    """Build Money from values already checked (results of arithmetic)."""
    money = _object_new(Money)
    _set_amount(money, amount)
    _set_currency(money, currency)
    _set_conversion(money, conversion)
    return money


def converted(amount: Decimal, currency: str, conversion: Conversion) -> Money:
    """Build the Money a conversion gives: an exact amount and its provenance.

    Only the currency code is checked; the amount is a product of Decimals.

    Examples:
        >>> from datetime import date
        >>> from decimal import Decimal
        >>> from aiecosys.fx import rate
        >>> record = rate("EUR", "USD", on=date(2023, 12, 11))
        >>> converted(Decimal("1.0757"), "USD", record)
        Money('1.0757', 'USD')
    """
    tables = _currency_module.tables
    if tables is None or currency not in tables[0]:
        validate_currency(currency)
    return _new(amount, currency, conversion)


_MISMATCHES: Final = {
    "add": N_("cannot add {left} and {right} without a conversion: {advice}"),
    "subtract": N_("cannot subtract {left} and {right} without a conversion: {advice}"),
    "divide": N_("cannot divide {left} and {right} without a conversion: {advice}"),
    "compare": N_("cannot compare {left} and {right} without a conversion: {advice}"),
}
"""What cannot be done with two currencies, by the action refused."""


def _mismatch(action: str, left: Money, right: Money) -> CurrencyMismatchError:
    advice = _(
        "convert one amount at a stated date first, for example {example}"
    ).format(example=f"{right!r}.to({left.currency!r}, on=date(2023, 12, 11))")
    return CurrencyMismatchError(
        _(_MISMATCHES[action]).format(
            left=left.currency, right=right.currency, advice=advice
        )
    )


_NOT_SCALARS: Final = {
    ("multiply", False): N_("cannot multiply Money by {type} {value!r}"),
    ("divide", False): N_("cannot divide Money by {type} {value!r}"),
    ("multiply", True): N_(
        "cannot multiply Money by {type} {value!r}; floats are refused, pass a "
        "Decimal or an int"
    ),
    ("divide", True): N_(
        "cannot divide Money by {type} {value!r}; floats are refused, pass a "
        "Decimal or an int"
    ),
}
"""A factor or divisor of a type Money refuses, by action and whether a float."""
_NOT_FINITE_SCALARS: Final = {
    "multiply": N_(
        "cannot multiply Money by {value!r}: the number must be finite; pass a "
        "Decimal such as Decimal('1.5') or an int"
    ),
    "divide": N_(
        "cannot divide Money by {value!r}: the number must be finite; pass a "
        "Decimal such as Decimal('1.5') or an int"
    ),
}


def _check_scalar(value: object, action: str) -> Decimal:
    """Return a factor or divisor as a finite Decimal, or refuse it."""
    kind = type(value)
    if kind is int:
        return Decimal(cast("int", value))
    if kind is Decimal and cast("Decimal", value).is_finite():
        return cast("Decimal", value)
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        refused = _(_NOT_SCALARS[action, isinstance(value, float)])
        raise TypeError(refused.format(type=type(value).__name__, value=value))
    number = Decimal(value)
    if not number.is_finite():
        raise InvalidArithmeticError(_(_NOT_FINITE_SCALARS[action]).format(value=value))
    return number


def _places(digits: int) -> int:
    """Return decimal places to round to, from -30 to 60, or refuse them."""
    if type(digits) is not int:
        raise TypeError(
            _("digits must be an int, such as 2 for cents, not {type}").format(
                type=type(digits).__name__
            )
        )
    places = digits
    if not -_MAX_EXPONENT <= places <= MAX_PLACES:
        raise InvalidArithmeticError(
            _(
                "cannot round to {places} decimal places: Money keeps amounts "
                "below 10^{most} with digits no finer than 10^-{finest}, so give "
                "digits from -{most} to {finest}"
            ).format(places=places, most=_MAX_EXPONENT, finest=MAX_PLACES)
        )
    return places


NO_CURRENCY: Final = N_("no currency found")
"""What a text read as money lacks; each message saying so holds its translation."""

_ADD: Final = N_("cannot add {first} to {second}: {reason}")
_SUBTRACT: Final = N_("cannot subtract {first} from {second}: {reason}")
_MULTIPLY: Final = N_("cannot multiply {first} by {second}: {reason}")
_DIVIDE: Final = N_("cannot divide {first} by {second}: {reason}")
_ROUND: Final = N_("cannot round {first} to {second} places: {reason}")


def _result(
    amount: Decimal, currency: str, action: str, first: object, second: object
) -> Money:
    """Build Money from an exact result, refusing one out of Money's range.

    *action* says what was done (a message marked with ``N_``), with
    ``{first}`` and ``{second}`` for the operands; it is only translated and
    formatted for the error message.
    """
    if -MAX_PLACES <= amount.adjusted() < _MAX_EXPONENT:
        return _new(amount, currency)
    if not amount:
        return _new(_ZERO, currency)
    reason = _(
        "the result, about 10^{power} {currency}, is out of Money's range (below "
        "10^{most} in size, digits no finer than 10^-{finest}); check the operands"
    ).format(
        power=amount.adjusted(),
        currency=currency,
        most=_MAX_EXPONENT,
        finest=MAX_PLACES,
    )
    raise InvalidArithmeticError(
        _(action).format(first=shorten(first), second=shorten(second), reason=reason)
    )


def shorten(value: object) -> str:
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= 40 else text[:37] + "..."  # noqa: PLR2004


@attrs.frozen(repr=False, order=False, init=False)
class Money:
    """An exact amount of money in one currency.

    The amount is a `Decimal`, built from a `Decimal`, an `int` or a `str`; a
    `float` is refused, because a binary float cannot hold most decimal amounts
    (use [from_float][aiecosys.Money.from_float] and say how many digits to
    keep). The currency is an ISO 4217 code from CLDR.

    Arithmetic stays in one currency and is exact: `+`, `-`, `*` and `/` by an
    `int` or a `Decimal`, and `Money / Money` gives a `Decimal` ratio. Mixing
    currencies raises [CurrencyMismatchError][aiecosys.CurrencyMismatchError]:
    convert at a date first with [to][aiecosys.Money.to]. Nothing is rounded
    until you ask ([quantize][aiecosys.Money.quantize], `round()`). A zero
    divisor, a NaN or infinite factor, or a result outside Money's range
    (below 10^30 in size, no finer than 10^-60) raises
    [InvalidArithmeticError][aiecosys.InvalidArithmeticError]; no operation
    ever builds an invalid amount, whatever the caller's `decimal` context.

    Examples:
        >>> from decimal import Decimal
        >>> seed = Money("105000000", "EUR")
        >>> series_a = Money.parse("385 millions d'euros")
        >>> seed + series_a
        Money('490000000', 'EUR')
        >>> series_a / Money("35000000", "EUR")
        Decimal('11')
        >>> print(series_a)
        385,000,000 EUR
        >>> series_a.format("fr", style="long")
        "385 millions d'euros"
    """

    amount: Decimal
    """The exact amount."""
    currency: str
    """The ISO 4217 currency code, such as ``"EUR"``."""
    conversion: Conversion | None = attrs.field(default=None, eq=False)
    """How this amount was converted from another currency, if it was: the rate,
    its date and its source. Not part of equality."""

    def __init__(
        self,
        amount: Decimal | int | str,
        currency: str,
        *,
        conversion: Conversion | None = None,
    ) -> None:
        """Build Money from an exact amount and an ISO 4217 code.

        Raises:
            TypeError: the amount is a float, a bool or not a number.
            ParseError: the amount is text that is not a plain decimal, or
                is not finite.
            CurrencyError: the code is not a known ISO 4217 code.
        """
        tables = _currency_module.tables
        if tables is None or type(currency) is not str or currency not in tables[0]:
            validate_currency(currency)
        _set_amount(self, _to_amount(amount))
        _set_currency(self, currency)
        _set_conversion(self, conversion)

    # -- construction -------------------------------------------------------

    @classmethod
    def from_float(cls, value: float, currency: str, *, digits: int) -> Self:
        """Build Money from a float, keeping *digits* significant digits.

        Use this for numbers that arrive as floats (a spreadsheet, a JSON
        feed): it states how much of the float you trust.

        Examples:
            >>> Money.from_float(0.1 + 0.2, "USD", digits=6)
            Money('0.300000', 'USD')
            >>> Money.from_float(385e6, "EUR", digits=3)
            Money('385000000', 'EUR')
        """
        given: object = value
        if not isinstance(given, float | int) or isinstance(given, bool):
            raise TypeError(
                _("from_float() needs a float, not {type}").format(
                    type=type(given).__name__
                )
            )
        stated: object = digits
        if type(stated) is not int or digits < 1:
            raise InvalidArithmeticError(
                _("digits must be a positive int, not {digits!r}").format(digits=digits)
            )
        if digits > _MAX_DIGITS:
            raise InvalidArithmeticError(
                _(
                    "digits must be at most {most}, not {digits}: Money keeps "
                    "amounts below 10^{power} with digits no finer than "
                    "10^-{finest} (and a float holds about 17 significant digits)"
                ).format(
                    most=_MAX_DIGITS,
                    digits=digits,
                    power=_MAX_EXPONENT,
                    finest=MAX_PLACES,
                )
            )
        if not math.isfinite(value):
            _not_finite(value)
        text = f"{value:.{digits}g}"
        amount = Decimal(text)
        exponent = amount.as_tuple().exponent
        if isinstance(exponent, int) and exponent > 0:
            amount = amount.quantize(_ONE, context=_EXACT)
        elif "." in text or "e" in text:
            # Keep the trailing zeros that carry the stated precision.
            adjusted = amount.adjusted()
            place = _ONE.scaleb(adjusted - digits + 1, context=_EXACT)
            amount = amount.quantize(place, context=_EXACT)
        return cls(amount, currency)

    @classmethod
    def parse(
        cls,
        text: str,
        *,
        lang: Lang | None = None,
        locale: str | None = None,
        assume: str | None = None,
    ) -> Self:
        """Read an amount of money the way news text or a locale writes it.

        Understands currency codes, symbols and names in English and French,
        before or after the number, and scale words: ``k``, ``M``, ``million``,
        ``millions``, ``bn``, ``Md``, ``milliard(s)``, ``billion`` (10^9 in
        English, 10^12 in French), ``trillion``. French scale words are assumed
        when the text says "de"/"d'", "milliard" and the like, or when *lang*
        is ``"fr"``. The grammar, with every refusal, is in the documentation
        ("How numbers are read").

        Args:
            text: the amount as written.
            lang: ``"en"`` or ``"fr"``: read scale words and the decimal mark
                as that language writes them.
            locale: a CLDR locale such as ``"de"``, ``"en_CA"`` or ``"ja"``:
                read the decimal mark, the groups and the currency symbols as
                Babel formats them for that locale, so that
                ``Money.parse(m.format(locale), locale=locale)`` gives ``m``.
            assume: the currency when the text names none, or only a symbol
                shared by several currencies (``¥`` is JPY in Japan and CNY in
                China, ``$`` is USD, CAD, AUD...). It must be a currency the
                text's symbol can mean.

        Raises:
            ParseError: the text holds no amount, or no currency, or a number
                or a symbol with two readings (``"385.000 €"``, ``"¥5"``).

        Examples:
            >>> Money.parse("385 M€")
            Money('385000000', 'EUR')
            >>> Money.parse("$200 million")
            Money('200000000', 'USD')
            >>> Money.parse("3 milliards de dollars")
            Money('3000000000', 'USD')
            >>> Money.parse("USD 1.2bn")
            Money('1200000000', 'USD')
            >>> Money.parse("2 billions d'euros")  # French billion: 10^12
            Money('2000000000000', 'EUR')
            >>> Money.parse("¥1,000", assume="JPY", lang="en")
            Money('1000', 'JPY')
            >>> Money.parse("385.000 €", locale="de")
            Money('385000', 'EUR')
            >>> Money.parse("$5", assume="CAD")
            Money('5', 'CAD')
        """
        if assume is not None:
            try:
                validate_currency(assume)
            except CurrencyError as error:
                raise CurrencyError(
                    _(
                        "cannot read {text!r} as an amount of money with "
                        "assume={assume!r}: {error}"
                    ).format(text=text, assume=assume, error=error)
                ) from None
        number = read_scaled_number(
            text, what=N_("an amount of money"), lang=lang, locale=locale
        )
        symbols = _locale_symbols(locale) if locale is not None else None
        reader = _CurrencyReader(text, assume, symbols)
        before = reader.currency(number.before.lstrip("-+\u2212"))
        value, after = _value_and_currency(number, reader, has_before=bool(before))
        if before and after and before != after:
            raise ParseError(
                _(
                    "cannot read {text!r} as an amount of money: it names two "
                    "currencies, {before} and {after}"
                ).format(text=text, before=before, after=after)
            )
        currency = before or after or assume
        if currency is None:
            raise ParseError(
                _(
                    "cannot read {text!r} as an amount of money: no currency "
                    "found; add a code, a symbol or a name, such as 'EUR', '€' "
                    "or 'euros'"
                ).format(text=text)
            )
        if number.before.startswith(("-", "\u2212")):
            return cls(_EXACT.minus(value), currency)
        return cls(value, currency)

    # -- arithmetic ---------------------------------------------------------

    def __add__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        if other.currency != self.currency:
            raise _mismatch("add", self, other)
        try:
            return _new(_SUM.add(self.amount, other.amount), self.currency)
        except (decimal.Overflow, decimal.Subnormal):
            amount = _EXACT.add(self.amount, other.amount)
            return _result(amount, self.currency, _ADD, other, self)

    def __sub__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        if other.currency != self.currency:
            raise _mismatch("subtract", self, other)
        try:
            return _new(_SUM.subtract(self.amount, other.amount), self.currency)
        except (decimal.Overflow, decimal.Subnormal):
            amount = _EXACT.subtract(self.amount, other.amount)
            return _result(amount, self.currency, _SUBTRACT, other, self)

    def __neg__(self) -> Money:
        return _new(_EXACT.minus(self.amount), self.currency)

    def __pos__(self) -> Money:
        return self

    def __abs__(self) -> Money:
        return _new(_EXACT.abs(self.amount), self.currency)

    def __mul__(self, factor: Decimal | int) -> Money:
        number = _check_scalar(factor, "multiply")
        try:
            amount = _EXACT.multiply(self.amount, number)
        except decimal.Overflow:
            amount = _HUGE  # past any exponent: refused just below
        return _result(amount, self.currency, _MULTIPLY, self, factor)

    __rmul__ = __mul__

    def __truediv__(self, other: Decimal | int | Money) -> Money | Decimal:
        if isinstance(other, Money):
            if other.currency != self.currency:
                raise _mismatch("divide", self, other)
            if not other.amount:
                raise InvalidArithmeticError(
                    _(
                        "cannot divide {money!r} by {other!r}: the ratio to zero "
                        "is undefined; check the divisor first"
                    ).format(money=self, other=other)
                )
            return _DIVISION.divide(self.amount, other.amount)
        divisor = _check_scalar(other, "divide")
        if not divisor:
            raise InvalidArithmeticError(
                _("cannot divide {money!r} by zero; check the divisor first").format(
                    money=self
                )
            )
        try:
            amount = _DIVISION.divide(self.amount, divisor)
        except decimal.Overflow:
            amount = _HUGE  # past any exponent: refused just below
        return _result(amount, self.currency, _DIVIDE, self, other)

    def _compare(self, other: object, action: str) -> tuple[Decimal, Decimal]:
        if not isinstance(other, Money):
            raise TypeError(
                _(
                    "cannot compare Money with {type}; compare two Money values "
                    "in the same currency"
                ).format(type=type(other).__name__)
            )
        if other.currency != self.currency:
            raise _mismatch(action, self, other)
        return self.amount, other.amount

    def __lt__(self, other: Money) -> bool:
        if type(other) is Money and other.currency == self.currency:
            return self.amount < other.amount
        a, b = self._compare(other, "compare")
        return a < b

    def __le__(self, other: Money) -> bool:
        if type(other) is Money and other.currency == self.currency:
            return self.amount <= other.amount
        a, b = self._compare(other, "compare")
        return a <= b

    def __gt__(self, other: Money) -> bool:
        if type(other) is Money and other.currency == self.currency:
            return self.amount > other.amount
        a, b = self._compare(other, "compare")
        return a > b

    def __ge__(self, other: Money) -> bool:
        if type(other) is Money and other.currency == self.currency:
            return self.amount >= other.amount
        a, b = self._compare(other, "compare")
        return a >= b

    def __bool__(self) -> bool:
        return bool(self.amount)

    # -- rounding -----------------------------------------------------------

    def quantize(
        self, rounding: str = ROUND_HALF_EVEN, *, digits: int | None = None
    ) -> Money:
        """Round to the currency's minor units (CLDR), or to *digits* places.

        Args:
            rounding: a `decimal` rounding mode; banker's rounding by default.
            digits: decimal places to keep instead of the currency's own.

        Examples:
            >>> Money("2.675", "EUR").quantize()
            Money('2.68', 'EUR')
            >>> Money("2.665", "EUR").quantize()
            Money('2.66', 'EUR')
            >>> from decimal import ROUND_HALF_UP
            >>> Money("2.665", "EUR").quantize(ROUND_HALF_UP)
            Money('2.67', 'EUR')
            >>> Money("1234.5", "JPY").quantize()
            Money('1234', 'JPY')

        Raises:
            InvalidArithmeticError: *digits* is past the places Money keeps
                (from -30 to 60), or the rounded amount is out of range.
        """
        places = minor_units(self.currency) if digits is None else _places(digits)
        exponent = _ONE.scaleb(-places, context=_EXACT)
        amount = self.amount.quantize(exponent, rounding=rounding, context=_EXACT)
        return _result(amount, self.currency, _ROUND, self, places)

    def __round__(self, ndigits: int | None = None) -> Money:
        """Round half-even to the currency's minor units, or *ndigits* places."""
        return self.quantize(digits=ndigits)

    # -- conversion ---------------------------------------------------------

    def to(
        self,
        currency: str,
        *,
        on: date | datetime,
        source: RateSource | None = None,
    ) -> Money:
        """Convert to another currency at the rate published for a date.

        The result's [conversion][aiecosys.Money.conversion] records the rate,
        the date it was published for, and its source; [aiecosys.fx][] has the
        sources and their policies.

        Examples:
            >>> from datetime import date
            >>> usd = Money.parse("385 M€").to("USD", on=date(2023, 12, 11))
            >>> usd.currency, usd.conversion.observed
            ('USD', datetime.date(2023, 12, 11))
        """
        convert = _fx_convert[0] if _fx_convert else _load_fx_convert()
        return convert(self, currency, on=on, source=source)

    # -- text ---------------------------------------------------------------

    def __repr__(self) -> str:
        return f"Money({str(self.amount)!r}, {self.currency!r})"

    def __str__(self) -> str:
        return f"{self.amount:,f} {self.currency}"

    def format(
        self,
        locale: str = "en",
        *,
        style: Style = "standard",
        fraction_digits: int = 2,
    ) -> str:
        r"""Write the amount for readers of a language, through Babel's CLDR data.

        Args:
            locale: a locale such as ``"en"``, ``"en_GB"``, ``"fr"`` or ``"fr_FR"``.
            style: ``"standard"`` (``€385,000,000.00``), ``"compact"``
                (``€385M``) or ``"long"`` (``385 million euros``).
            fraction_digits: the most decimals a compact or long form shows.

        French output uses the non-breaking spaces of French typography.

        Examples:
            >>> m = Money("385000000", "EUR")
            >>> m.format("en")
            '€385,000,000.00'
            >>> m.format("en", style="compact")
            '€385M'
            >>> m.format("fr", style="compact")
            '385\xa0M\xa0€'
            >>> m.format("en", style="long")
            '385 million euros'
            >>> Money("1200000000", "USD").format("en", style="compact")
            '$1.2B'
            >>> Money("200000000", "USD").format("fr", style="long")
            '200 millions de dollars'
        """
        from babel import numbers

        if style == "standard":
            return numbers.format_currency(self.amount, self.currency, locale=locale)
        if style == "compact":
            return numbers.format_compact_currency(
                self.amount,
                self.currency,
                locale=locale,
                fraction_digits=fraction_digits,
            )
        if style == "long":
            return _long_form(self, locale, fraction_digits)
        raise ValueError(
            _("unknown style {style!r}; use 'standard', 'compact' or 'long'").format(
                style=style
            )
        )


# aiecosys.fx is imported on the first conversion, not with aiecosys; the
# function is kept here after that so each conversion skips the import system.
_fx_convert: list[Callable[..., Money]] = []


def _load_fx_convert() -> Callable[..., Money]:
    from aiecosys.fx._conversion import convert

    _fx_convert.append(convert)
    return convert


# Setting slots through their descriptors is the fastest way round the frozen
# __setattr__; construction is on every hot path.
_object_new: Final = object.__new__
_set_amount: Final = Money.__dict__["amount"].__set__
_set_currency: Final = Money.__dict__["currency"].__set__
_set_conversion: Final = Money.__dict__["conversion"].__set__


# -- reading and writing currency names -------------------------------------

# Names that news text uses where CLDR's are longer ("dollars des États-Unis").
_SHORT_NAMES: Final = {
    ("fr", "USD"): ("dollar", "dollars"),
    ("fr", "CNY"): ("yuan", "yuans"),
    ("en", "CNY"): ("yuan", "yuan"),
}
_SHARED: Final[dict[str, tuple[str, ...]]] = {
    "¥": ("JPY", "CNY"),
    "kr": ("SEK", "NOK", "DKK", "ISK"),
    "kr.": ("DKK", "ISK"),
}
"""Symbols that name several currencies in English and French text alike."""
SCALE_LIKE_SYMBOLS: Final[dict[str, tuple[str, ...]]] = {
    "$BN": ("BND",),
    "B/.": ("PAB",),
    "K": ("MMK", "PGK", "ZMW"),
    "M": ("LSL",),
    "T$": ("TOP",),
}
"""Currency symbols of some CLDR locale that a scale letter and a symbol also
spell ("T$" is the paʻanga, and T then $ is trillions of dollars)."""
_EXTRA_NAMES: Final = {
    "€": "EUR",
    "$": "USD",
    "us$": "USD",
    "$us": "USD",
    "$ us": "USD",
    "£": "GBP",
    "cn¥": "CNY",
    "rmb": "CNY",
    "元": "CNY",
    "yuan": "CNY",
    "yuans": "CNY",
    "renminbi": "CNY",
    "dollar": "USD",
    "dollars": "USD",
    "dollars americains": "USD",
    "dollars us": "USD",
    "us dollars": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "yen": "JPY",
    "yens": "JPY",
    "jp¥": "JPY",
}
_names_lock: Final = new_lock()
_names: dict[str, str] = {}


def _currency_names() -> dict[str, str]:
    """Map currency names, symbols and codes (accent- and case-folded) to codes.

    The table is written once by ``scripts/currency_names.py`` from the Babel
    release the project is built with (the test suite checks it); under
    another Babel release it is built from Babel's data at first use.
    """
    with _names_lock:
        if not _names:
            from aiecosys import _currency_names as written

            if written_for_this_babel():
                names, dollars = dict(written.NAMES), set(written.DOLLARS)
            else:
                names, dollars = build_currency_names()
            _names.update(names)
            _dollars.update(dollars)
        return _names


def build_currency_names() -> tuple[dict[str, str], set[str]]:
    """Build the table of currency names and the currencies ``$`` can mean, from Babel.

    Returns:
        The names, symbols and extra forms (accent- and case-folded) to their
        codes, and the codes whose English or French symbol has a ``$``.
    """
    from babel import numbers

    table: dict[str, str] = {}
    for code in sorted(currency_codes()):
        for locale in ("en", "fr"):
            for count in (1, 2):
                name = numbers.get_currency_name(code, count, locale)
                table.setdefault(strip_accents(name), code)
    dollars = {"USD"}
    for locale in ("en", "fr"):
        for code in sorted(currency_codes()):
            symbol = numbers.get_currency_symbol(code, locale)
            if "$" in symbol:
                dollars.add(code)
            if symbol != code and symbol not in _SHARED:
                table.setdefault(strip_accents(symbol), code)
    table.update(_EXTRA_NAMES)
    return table, dollars


_dollars: set[str] = set()
"""The currencies a bare ``$`` can mean: those whose English or French symbol
has a ``$`` (USD, CAD, AUD, MXN...). Without a hint, ``$`` is USD."""


@functools.lru_cache(maxsize=64)
def _locale_symbols(locale: str) -> dict[str, tuple[str, ...]]:
    """Map the currency symbols Babel writes for a locale to their codes."""
    from babel import Locale

    marks_for(locale)  # refuses an unknown locale with a ParseError
    table: dict[str, list[str]] = {}
    for code, symbol in sorted(Locale.parse(locale).currency_symbols.items()):
        table.setdefault(normalise_text(symbol), []).append(code)
    return {symbol: tuple(codes) for symbol, codes in table.items()}


@attrs.frozen
class _CurrencyReader:
    """Reads the currency fragments of one text, with its locale and assumption."""

    text: str
    assume: str | None
    symbols: dict[str, tuple[str, ...]] | None

    def meanings(self, fragment: str) -> tuple[tuple[str, ...], str | None]:
        """The currencies a fragment can mean, and the one it means by default.

        Raises:
            ParseError: the fragment is no currency aiecosys knows.
        """
        if fragment in currency_codes():
            return (fragment,), fragment
        if self.symbols is not None and fragment in self.symbols:
            codes = self.symbols[fragment]
            return codes, codes[0] if len(codes) == 1 else None
        if fragment in _SHARED:
            return _SHARED[fragment], None
        key = strip_accents(fragment)  # already folded by the reader
        code = _currency_names().get(key)
        if code is None:
            try:
                validate_currency(fragment)
            except CurrencyError as error:
                raise ParseError(
                    _(
                        "cannot read {text!r} as an amount of money: {fragment!r} "
                        "is not a currency aiecosys knows ({error})"
                    ).format(text=self.text, fragment=fragment, error=error)
                ) from None
        if fragment == "$":
            return tuple(sorted(_dollars)), "USD"
        return (cast("str", code),), code

    def currency(self, fragment: str) -> str | None:
        """Return the currency a fragment of text names, or None if it is empty.

        Raises:
            ParseError: the fragment names no currency, or several that
                *assume* does not choose between.
        """
        fragment = fragment.strip()
        if not fragment:
            return None
        codes, default = self.meanings(fragment)
        if self.assume is not None:
            if self.assume in codes:
                return self.assume
            if len(codes) == 1:
                raise ParseError(
                    _(
                        "cannot read {text!r} as an amount of money in {assume}: "
                        "{fragment!r} names {code}; drop assume= or correct the text"
                    ).format(
                        text=self.text,
                        assume=self.assume,
                        fragment=fragment,
                        code=codes[0],
                    )
                )
            raise ParseError(
                _(
                    "cannot read {text!r} as an amount of money in {assume}: "
                    "{fragment!r} means {codes}; give one of these as assume=, or "
                    "write the ISO code"
                ).format(
                    text=self.text,
                    assume=self.assume,
                    fragment=fragment,
                    codes=_listed(codes),
                )
            )
        if default is not None:
            return default
        raise _shared_symbol(self.text, fragment, codes)

    def can_mean(self, fragment: str) -> bool:
        """Whether a fragment is a currency the text's assumption allows."""
        try:
            codes, default = self.meanings(fragment)
        except ParseError:
            return False
        return self.assume in codes if self.assume is not None else default is not None


def _listed(codes: tuple[str, ...]) -> str:
    if len(codes) == 1:
        return codes[0]
    return ", ".join(codes[:-1]) + _(" or ") + codes[-1]


def _value_and_currency(
    number: ScaledNumber, reader: _CurrencyReader, *, has_before: bool
) -> tuple[Decimal, str | None]:
    """Read the currency after the number, where a scale letter may be a symbol.

    "100 T$" is 100 trillion dollars or 100 paʻanga; "1.2 $bn" is 1.2 billion
    dollars or 1.2 Brunei dollars. With a locale whose symbol it is, the
    symbol wins; otherwise a text with two readings is refused.
    """
    after = drop_preposition(number.after)
    if number.unscaled is not None and (number.glued or not number.after):
        joined = number.scale + (number.after if number.glued else "")
        codes = () if has_before else _symbol_meanings(joined, reader)
        if not codes:
            return number.value, reader.currency(after)
        in_locale = reader.symbols is not None and joined in reader.symbols
        scaled_is_money = reader.can_mean(after) if after else reader.assume is not None
        if not (in_locale or scaled_is_money or reader.assume):
            raise ParseError(
                _(
                    "cannot read {text!r} as an amount of money: no currency found "
                    "after the scale word {scale!r}, which is also the symbol of "
                    "{codes} in some locales; add a code such as 'EUR', or give "
                    "locale= or assume="
                ).format(text=reader.text, scale=number.scale, codes=_listed(codes))
            )
        if scaled_is_money and not in_locale:
            currency = reader.currency(after) or reader.assume
            _refuse_two_readings(
                reader,
                f"{number.value:,f} {currency}",
                f"{number.unscaled:,f} {_listed(codes)}",
            )
        if len(codes) > 1:
            raise _shared_symbol(reader.text, joined, codes)
        return number.unscaled, codes[0]
    word = next((w for w in ("bn", "b") if after.casefold().endswith(w)), "")
    shared = after.upper() in SCALE_LIKE_SYMBOLS and len(after) > len(word) > 0
    if shared and not (reader.symbols and after in reader.symbols):
        head = after[: -len(word)]
        if reader.can_mean(head) and reader.can_mean(after):
            _refuse_two_readings(
                reader,
                f"{apply_scale(number.value, word, number.lang):,f} "
                f"{reader.currency(head)}",
                f"{number.value:,f} {reader.currency(after)}",
            )
    return number.value, reader.currency(after)


def _symbol_meanings(joined: str, reader: _CurrencyReader) -> tuple[str, ...]:
    """The currencies a scale letter and what follows spell as one symbol."""
    codes: tuple[str, ...] = ()
    if reader.symbols is not None and joined in reader.symbols:
        codes = reader.symbols[joined]
    else:
        codes = SCALE_LIKE_SYMBOLS.get(joined, ())
    if reader.assume is not None:
        return (reader.assume,) if reader.assume in codes else ()
    return codes


def _shared_symbol(text: str, fragment: str, codes: tuple[str, ...]) -> ParseError:
    return ParseError(
        _(
            "cannot read {text!r} as an amount of money: {fragment!r} can mean "
            "{codes}; write the ISO code, or give the currency as assume= (such "
            "as assume={first!r})"
        ).format(text=text, fragment=fragment, codes=_listed(codes), first=codes[0])
    )


def _refuse_two_readings(reader: _CurrencyReader, first: str, second: str) -> None:
    raise ParseError(
        _(
            "cannot read {text!r} as an amount of money: it could be {first} or "
            "{second}, as a scale letter and a currency symbol share letters; "
            "write the ISO code with a space before the scale word, such as "
            "'USD 100 trillion' or '100 TOP', or give the currency as assume="
        ).format(text=reader.text, first=first, second=second)
    )


_LONG_FORM_FROM: Final = Decimal(1_000_000)


def _long_form(money: Money, locale: str, fraction_digits: int) -> str:
    from babel import Locale, numbers

    language = Locale.parse(locale).language
    if abs(money.amount) >= _LONG_FORM_FROM:
        number = numbers.format_compact_decimal(
            money.amount,
            format_type="long",
            locale=locale,
            fraction_digits=fraction_digits,
        )
    else:
        number = numbers.format_decimal(money.amount, locale=locale)
    plural = abs(money.amount) >= 2 or (language == "en" and abs(money.amount) != 1)  # noqa: PLR2004
    short = _SHORT_NAMES.get((language, money.currency))
    if short is not None:
        name = short[1] if plural else short[0]
    else:
        name = numbers.get_currency_name(money.currency, 2 if plural else 1, locale)
    if language == "fr":
        # "385 millions d'euros", "3 milliards de dollars", but "1 200 euros".
        if number[-1].isalpha():
            joiner = " d'" if name[0].lower() in "aeiouéèê" else " de "
            return f"{number}{joiner}{name}"
        return f"{number} {name}"
    return f"{number} {name}"
