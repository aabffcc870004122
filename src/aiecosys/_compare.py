"""Comparisons that refuse to compare what cannot be compared, and never guess.

[compare][aiecosys.compare] orders two values that may be exact, ranges or
unknown: money (converted at a stated date), quantities of one dimension,
plain numbers, dates and partial dates. The answer is three-valued plus
``EQUAL``: two overlapping ranges are ``INDETERMINATE``. A
[Tolerance][aiecosys.Tolerance] is always explicit, and the comparison says
which value it widened.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import decimal
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, Final

import attrs
from babel.numbers import format_percent

from aiecosys._amounts import Lang, read_plain_number
from aiecosys._contexts import DIVISION as _DIVISION
from aiecosys._contexts import EXACT as _EXACT
from aiecosys._dates import PartialDate, Period
from aiecosys._errors import (
    CurrencyMismatchError,
    DataError,
    DimensionMismatchError,
    InvalidArithmeticError,
    ParseError,
    Problem,
)
from aiecosys._estimate import (
    Estimate,
    Status,
    base_magnitude,
    estimate_kind,
    kind_of,
    kind_text,
    minus,
    plus,
    times,
)
from aiecosys._i18n import N_, current
from aiecosys._i18n import gettext as _
from aiecosys._money import AMOUNT_LIMIT, MAX_PLACES, NO_CURRENCY, Money
from aiecosys._ordering import Ordering
from aiecosys._readable import readable, readable_estimate
from aiecosys._units import Quantity, read_quantity


if TYPE_CHECKING:
    from aiecosys.fx._conversion import Conversion
    from aiecosys.fx._sources import RateSource


__all__ = [
    "Comparable",
    "Comparison",
    "Tolerance",
    "about",
    "about_half",
    "as_estimate",
    "check_margin_kind",
    "comparable",
    "compare",
    "compare_values",
    "convert_estimate",
    "describe",
    "describe_estimate",
    "kind_text",
    "more_than",
    "read_amount",
    "twice",
    "value_kind",
]

Comparable = (
    Money | Quantity | Decimal | int | dt.date | PartialDate | Period | Estimate[Any]
)
"""What [compare][aiecosys.compare] accepts on either side."""

_ZERO: Final = Decimal(0)
_ONE: Final = Decimal(1)
_DAY: Final = dt.timedelta(days=1)
_MAX_DAYS_DIGITS: Final = 6
_HALF: Final = Decimal("0.5")
_TWO: Final = Decimal(2)
_SCALES: Final = (
    (Decimal("1e12"), "trillion"),
    (Decimal("1e9"), "billion"),
    (Decimal("1e6"), "million"),
)
_PLAIN_DIGITS: Final = 60
"""Numbers up to 10^60 are written out in digits, larger ones with an exponent."""
_THREE: Final = Decimal(3)
_FACTOR_WORDS: Final = {_HALF: "half", _TWO: "twice", _THREE: "three times"}
"""The factors a relation is named with (``about half``): its name for programs."""


# -- tolerances -----------------------------------------------------------------


def _check_fraction(
    _instance: Tolerance, _attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is None:
        return
    if (
        not isinstance(value, Decimal)
        or not value.is_finite()
        or not _ZERO <= value < _ONE
    ):
        raise DataError(
            [
                Problem(
                    "a relative tolerance is a Decimal fraction from 0 up to (not "
                    f"including) 1, such as Decimal('0.1') for 10%, not {value!r}",
                    field="fraction",
                )
            ]
        )


def _check_margin(
    instance: Tolerance, _attribute: attrs.Attribute[Any], value: object
) -> None:
    if (value is None) == (instance.fraction is None):
        raise DataError(
            [
                Problem(
                    "a tolerance is either relative (Tolerance.relative) or absolute "
                    "(Tolerance.absolute): give exactly one of fraction and margin",
                    field="margin",
                )
            ]
        )
    if value is None:
        return
    if isinstance(value, bool | float) or not isinstance(
        value, Money | Quantity | Decimal | int | dt.timedelta
    ):
        hint = (
            " (binary floats cannot hold most decimal values: pass a Decimal "
            "such as Decimal('0.5'), built from a string)"
            if isinstance(value, float)
            else ""
        )
        raise TypeError(
            "an absolute tolerance is Money, a Quantity, a Decimal, an int or a "
            f"timedelta, not {type(value).__name__} {value!r}{hint}"
        )
    problem = None
    if isinstance(value, Decimal) and not value.is_finite():
        problem = f"a tolerance must be a finite number, not {value!r}"
    elif isinstance(value, dt.timedelta) and value % _DAY:
        problem = (
            f"a tolerance in time is a whole number of days, not {value}: dates "
            "are compared to the day"
        )
    elif value < value - value:  # type: ignore[operator]
        problem = f"a tolerance cannot be negative, not {value}"
    if problem is not None:
        raise DataError([Problem(problem, field="margin")])


@attrs.frozen
class Tolerance:
    """How far from a reference value a value may be and still count as equal.

    A tolerance is relative (a fraction of the reference value: ``10%``) or
    absolute (a margin in the values' own unit: ``5 points``, ``10 million
    EUR``, ``31 days``). It is always applied to the *second* value of a
    comparison, the reference, which it widens on both sides: with ``±10%``,
    a first value counts as equal to a reference of 100 if it lies from 90 to
    110.

    Examples:
        >>> from decimal import Decimal
        >>> from aiecosys import Money, Tolerance
        >>> ten_percent = Tolerance.relative("0.1")
        >>> print(ten_percent)
        ±10%
        >>> ten_percent.lower(Decimal(100)), ten_percent.upper(Decimal(100))
        (Decimal('90.0'), Decimal('110.0'))
        >>> print(Tolerance.absolute(Money(10_000_000, "EUR")))
        ±10,000,000 EUR
        >>> Tolerance.parse("5%") == Tolerance.relative("0.05")
        True
    """

    fraction: Decimal | None = attrs.field(default=None, validator=_check_fraction)
    """For a relative tolerance: the fraction of the reference value allowed."""
    margin: Money | Quantity | Decimal | int | dt.timedelta | None = attrs.field(
        default=None, validator=_check_margin
    )
    """For an absolute tolerance: the margin allowed, in the values' unit."""

    @classmethod
    def relative(cls, fraction: Decimal | int | str) -> Tolerance:
        """Return a tolerance of a fraction of the reference value (``"0.1"`` is 10%).

        Examples:
            >>> from aiecosys import Tolerance
            >>> Tolerance.relative("0.25").fraction
            Decimal('0.25')
        """
        if isinstance(fraction, bool | float) or not isinstance(
            fraction, Decimal | int | str
        ):
            raise TypeError(
                f"pass the fraction as a str or a Decimal, not the "
                f"{type(fraction).__name__} {fraction!r}"
            )
        try:
            number = Decimal(fraction)
        except InvalidOperation:
            raise ParseError(
                f"cannot read {fraction!r} as a fraction; write digits such as "
                "'0.1' for 10%"
            ) from None
        return cls(fraction=number)

    @classmethod
    def absolute(
        cls, margin: Money | Quantity | Decimal | int | dt.timedelta
    ) -> Tolerance:
        """Return a tolerance of a fixed margin, in the unit of the values compared.

        Examples:
            >>> from aiecosys import Tolerance, parameters
            >>> print(Tolerance.absolute(parameters("1B")))
            ±1,000,000,000 parameter
        """
        return cls(margin=margin)

    @classmethod
    def parse(cls, text: str) -> Tolerance:
        """Read ``"10%"`` (relative) or a margin (``"5"``, ``"10000000 EUR"``).

        A margin with a unit is Money when the unit is a currency code, days
        when it is ``day`` or ``days``, and a quantity otherwise; ``points``
        (of a score) is a plain number. It may start with ``±``, as a
        tolerance prints, and amounts and counts may be written as
        [Money.parse][aiecosys.Money.parse] and
        [parameters][aiecosys.parameters] read them (``"€10M"``, ``"1B
        parameters"``).

        Raises:
            ParseError: The text is none of these.

        Examples:
            >>> from aiecosys import Tolerance
            >>> Tolerance.parse("2.5 %").fraction
            Decimal('0.025')
            >>> Tolerance.parse("5").margin
            Decimal('5')
            >>> Tolerance.parse("31 days").margin
            datetime.timedelta(days=31)
            >>> Tolerance.parse("±5 points").margin
            Decimal('5')
            >>> print(Tolerance.parse("€10M"))
            ±10,000,000 EUR
            >>> Tolerance.parse("a bit")
            Traceback (most recent call last):
            ...
            aiecosys.ParseError: cannot read 'a bit' as a tolerance (...
        """
        stripped = _without_plus_minus(text.strip())
        number, _, unit = stripped.partition(" ")
        unit = unit.strip()
        if unit.lower() in _POINTS:
            stripped, unit = number, ""
        try:
            if stripped.endswith("%"):
                percent = read_plain_number(stripped[:-1], what="a percentage")
                return cls.relative(_EXACT.scaleb(percent, -2))
            if unit in {"day", "days"}:
                return cls.absolute(_whole_days(number))
            amount = _plain_number(number)
            if amount is not None and not unit:
                return cls.absolute(_plain_margin(amount))
            if amount is not None and len(unit) == 3 and unit.isupper():  # noqa: PLR2004 - ISO 4217 codes
                return cls.absolute(Money(amount, unit))
            if amount is not None:
                with contextlib.suppress(ParseError):
                    return cls.absolute(Quantity(amount, unit))
            return cls.absolute(read_amount(stripped))
        except (InvalidOperation, ValueError, OverflowError, ParseError) as error:
            reason = "" if _TOLERANCE_FORMS in str(error) else f" ({error})"
            raise ParseError(
                f"cannot read {text!r} as a tolerance{reason}; {_TOLERANCE_FORMS}"
            ) from None

    def lower(self, reference: Any) -> Any:
        """The lowest value that counts as equal to *reference*.

        Examples:
            >>> from decimal import Decimal
            >>> from aiecosys import Tolerance
            >>> Tolerance.absolute(5).lower(Decimal(70))
            Decimal('65')
        """
        if self.fraction is not None:
            return minus(reference, times(_size(reference), self.fraction))
        return _shift(reference, -1, self.margin)

    def upper(self, reference: Any) -> Any:
        """The highest value that counts as equal to *reference*.

        Examples:
            >>> from decimal import Decimal
            >>> from aiecosys import Tolerance
            >>> Tolerance.relative("0.5").upper(Decimal(10))
            Decimal('15.0')
        """
        if self.fraction is not None:
            return plus(reference, times(_size(reference), self.fraction))
        return _shift(reference, 1, self.margin)

    def __str__(self) -> str:
        if self.fraction is not None:
            return f"±{_digits(self.fraction.scaleb(2, context=_EXACT), 4)}%"
        margin = self.margin
        if isinstance(margin, dt.timedelta):
            return f"±{_days(margin)}"
        return f"±{margin}"


def _size(value: Any) -> Any:
    """The absolute value, exactly (abs() of a Decimal rounds in its context)."""
    return value.copy_abs() if isinstance(value, Decimal) else abs(value)


def _shift(reference: Any, sign: int, margin: Any) -> Any:
    """Move a reference value by a margin, up (sign 1) or down (sign -1).

    A date moved past the first or last day Python's dates hold stops there:
    every date lies within the margin on that side.
    """
    if isinstance(reference, dt.date):
        try:
            return reference + sign * margin
        except OverflowError:
            return dt.date.max if sign > 0 else dt.date.min
    return plus(reference, margin) if sign > 0 else minus(reference, margin)


def _days(duration: dt.timedelta) -> str:
    """Write a whole number of days: ``1 day``, ``31 days``."""
    return (
        f"{duration.days} day" if abs(duration.days) == 1 else f"{duration.days} days"
    )


_POINTS: Final = frozenset({"point", "points", "pt", "pts"})


def _without_plus_minus(text: str) -> str:
    """Drop a leading ``±`` or ``+/-``, as a tolerance prints: ``"±5%"``."""
    for sign in ("±", "+/-"):
        if text.startswith(sign):
            return text.removeprefix(sign).strip()
    return text


_TOLERANCE_FORMS: Final = (
    "write '10%' for a relative one, or a margin such as '5', '±5 points', "
    "'10000000 EUR', '€10M', '1000000000 parameter' or '31 days'"
)


def _plain_number(number: str) -> Decimal | None:
    """The plain number of a margin, or None when it is written otherwise."""
    try:
        return read_plain_number(number, what="a tolerance")
    except ParseError:
        return None


def _plain_margin(margin: Decimal) -> Decimal:
    """A margin in the values' own unit, in the range of amounts of money."""
    if margin and not -MAX_PLACES <= margin.adjusted() < AMOUNT_LIMIT.adjusted():
        raise ParseError(
            f"the margin {margin} is out of range: write a margin below "
            f"10^{AMOUNT_LIMIT.adjusted()} with digits no finer than 10^-{MAX_PLACES}"
        )
    return margin


def _whole_days(number: str) -> dt.timedelta:
    """A margin in whole days: never rounded."""
    amount = read_plain_number(number, what="a number of days")
    if amount.adjusted() > _MAX_DAYS_DIGITS or amount != _EXACT.to_integral_value(
        amount
    ):
        raise ParseError(f"{number!r} is not a whole number of days")
    return dt.timedelta(days=int(amount))


def read_amount(
    text: str, *, lang: Lang | None = None, locale: str | None = None
) -> Money | Quantity:
    """Read money or a quantity as people write it: ``"€10M"``, ``"1.8T parameters"``.

    Raises:
        ParseError: The text is neither; the message is money's, unless the
            text names no currency, when it is the quantity's.

    Examples:
        >>> read_amount("€385M"), read_amount("34B parameters")
        (Money('385000000', 'EUR'), Quantity('34000000000', 'parameter'))
    """
    try:
        return Money.parse(text, lang=lang, locale=locale)
    except ParseError as error:
        money_error = error
    try:
        return read_quantity(text, lang=lang, locale=locale)
    except ParseError:
        if _(NO_CURRENCY) in str(money_error):
            raise
        raise money_error from None


# -- values as estimates --------------------------------------------------------


def as_estimate(value: Comparable) -> Estimate[Any]:
    """Return *value* as an estimate: exact values stay exact, dates become their span.

    A [PartialDate][aiecosys.PartialDate] ("June 2023") is the range of days it
    may stand for; an open end of a [Period][aiecosys.Period] is a missing bound.

    Raises:
        TypeError: The value is a float, a bool, a datetime or something that
            cannot be compared.

    Examples:
        >>> from aiecosys import PartialDate
        >>> from aiecosys._compare import as_estimate
        >>> print(as_estimate(PartialDate(2023, 6)))
        between 2023-06-01 and 2023-06-30 (disclosed)
        >>> as_estimate(0.5)
        Traceback (most recent call last):
        ...
        TypeError: compare refuses the float 0.5: ...
    """
    if isinstance(value, Estimate):
        return value
    if isinstance(value, PartialDate | Period):
        return Estimate(value.first, value.last, None, Status.DISCLOSED)
    if isinstance(value, dt.datetime):
        raise TypeError(
            "compare a date, not a datetime: facts are dated to the day at most"
        )
    if isinstance(value, bool | float):
        raise TypeError(
            f"compare refuses the {type(value).__name__} {value!r}: pass a "
            "Decimal or an int (binary floats cannot hold most decimal values)"
        )
    if isinstance(value, Money | Quantity | Decimal | int | dt.date):
        return Estimate.exact(value)
    raise TypeError(
        f"cannot compare {type(value).__name__} {value!r}: compare Money, "
        "quantities, numbers, dates or estimates of them"
    )


# The claims package reads an estimate's kind through the comparison's names.
value_kind = estimate_kind


def convert_estimate(
    estimate: Estimate[Money],
    currency: str,
    on: dt.date,
    rates: RateSource | None,
    conversions: list[Conversion],
) -> Estimate[Money]:
    def convert(money: Money) -> Money:
        converted = money.to(currency, on=on, source=rates)
        record = converted.conversion
        if record is not None and record not in conversions:
            conversions.append(record)
        return converted

    return estimate.map(convert)


def check_margin_kind(tolerance: Tolerance, kind: tuple[str, str] | None) -> None:
    if kind is None:
        return
    if tolerance.fraction is not None:
        if kind[0] in {"date", "duration"}:
            raise DimensionMismatchError(
                "a relative tolerance means nothing for dates: give a margin in "
                "days, such as Tolerance.absolute(timedelta(days=31))"
            )
        return
    margin_kind = kind_of(tolerance.margin)
    expected = ("duration", "") if kind[0] == "date" else kind
    if margin_kind != expected:
        raise DimensionMismatchError(
            f"the tolerance {tolerance} is not in the unit of the values compared, "
            f"which are {kind_text(kind)}"
        )


# -- the comparison -------------------------------------------------------------


@attrs.frozen
class Comparison:
    """The result of [compare][aiecosys.compare]: an ordering and the evidence for it.

    [ordering][aiecosys.Comparison.ordering] compares the first value against
    [factor][aiecosys.Comparison.factor] times the second (1 unless a helper
    such as [about_half][aiecosys.about_half] asked otherwise), widened by the
    [tolerance][aiecosys.Comparison.tolerance] if there is one. It is ``LESS``
    or ``GREATER`` only when every value the evidence allows is below or above
    every value the widened reference allows, ``EQUAL`` only when every
    allowed pair lies within the tolerance, and ``INDETERMINATE`` otherwise.

    Examples:
        >>> from decimal import Decimal
        >>> from aiecosys import Estimate, Ordering, compare, parameters
        >>> gpt4 = Estimate.between(parameters("1T"), parameters("1.8T"))
        >>> result = compare(parameters("34B"), gpt4)
        >>> result.ordering
        <Ordering.LESS: 'less'>
        >>> print(result.ratio.low.quantize(Decimal("0.001")))
        0.019
        >>> print(result)
        34 billion parameters is less than 1 trillion to 1.8 trillion
        parameters; the ratio is 0.019 to 0.034.
    """

    first: Estimate[Any]
    """The first value, as compared."""
    second: Estimate[Any]
    """The second value, as compared (converted into the first's currency if needed)."""
    ordering: Ordering
    """How the first compares with factor × second, within the tolerance."""
    ratio: Estimate[Decimal] | None
    """First / second, containing every quotient the values allow (None for dates)."""
    difference: Estimate[Any]
    """First − second, containing every difference the values allow."""
    conversions: tuple[Conversion, ...]
    """Every currency conversion made, with its rate, date and source."""
    tolerance: Tolerance | None
    """The tolerance applied to the second value, or None for a strict comparison."""
    factor: Decimal
    """The first value is compared against this multiple of the second."""
    accepted: Estimate[Any] | None
    """The values of the first that could count as equal: factor × second, widened
    by the tolerance. None when there is no tolerance."""
    relation: str | None
    """The relation a helper asked about (``"about half"``), or None."""
    expects: Ordering | None
    """The ordering under which that relation holds, or None."""
    explanation: str
    """One sentence saying what was found, in the reader's language."""

    @property
    def holds(self) -> bool | None:
        """Whether the relation asked about holds: True, False, or None when unknown.

        Raises:
            ValueError: No relation was asked about (use a helper such as
                [about_half][aiecosys.about_half] or [more_than][aiecosys.more_than]).

        Examples:
            >>> from aiecosys import Estimate, Tolerance, about_half, parameters
            >>> gpt4 = Estimate.between(parameters("1T"), parameters("1.8T"))
            >>> about_half(
            ...     parameters("34B"), gpt4, tolerance=Tolerance.relative("0.1")
            ... ).holds
            False
        """
        if self.expects is None:
            raise ValueError(
                "this comparison asked about no relation; use about_half(), twice(), "
                "comparable() or more_than(), or read .ordering"
            )
        if self.ordering is Ordering.INDETERMINATE:
            return None
        return self.ordering is self.expects

    def __str__(self) -> str:
        return self.explanation


def compare(
    a: Comparable,
    b: Comparable,
    *,
    on: dt.date | None = None,
    rates: RateSource | None = None,
    tolerance: Tolerance | None = None,
    labels: tuple[str, str] | None = None,
) -> Comparison:
    """Compare two values that may be exact, ranges or unknown, three-valued.

    Money in two currencies is converted into the first value's currency at
    the rate of *on* (from *rates*, or the bundled ECB reference rates), every
    conversion recorded. Quantities must share a dimension; money compares only
    with money, dates only with dates.

    Args:
        a: The first value: Money, a Quantity, an int or Decimal, a date, a
            PartialDate, a Period, or an Estimate of any of them.
        b: The second value, the reference, of the same kind.
        on: The date whose exchange rate converts money in another currency.
        rates: Where rates come from; with no *on*, today's rate of this source.
        tolerance: How far from the second value the first may be and still
            count as equal; it widens the second value on both sides.
        labels: Names for the two values in the explanation.

    Returns:
        The ordering, the ratio and difference as estimates, the conversions
        made, and a one-sentence explanation.

    Raises:
        CurrencyMismatchError: Money in two currencies with neither *on* nor
            *rates*.
        DimensionMismatchError: Values of different kinds or dimensions (money
            and parameters, parameters and tokens, a number and a date).

    Examples:
        >>> import datetime
        >>> from aiecosys import Money, PartialDate, compare, parameters, tokens
        >>> compare(PartialDate(2009), PartialDate(2019)).ordering
        <Ordering.LESS: 'less'>
        >>> compare(PartialDate(2023), PartialDate(2023, 6)).ordering
        <Ordering.INDETERMINATE: 'indeterminate'>
        >>> compare(Money(385_000_000, "EUR"), Money(200_000_000, "USD"))
        Traceback (most recent call last):
        ...
        aiecosys.CurrencyMismatchError: comparing EUR with USD needs a conversion: ...
        >>> compare(parameters("34B"), tokens("3T"))
        Traceback (most recent call last):
        ...
        aiecosys.DimensionMismatchError: cannot compare a quantity of
        [parameter] with a quantity of [token] ...
    """
    return compare_values(
        a,
        b,
        on=on,
        rates=rates,
        tolerance=tolerance,
        labels=labels,
        factor=_ONE,
        relation=None,
        expects=None,
    )


def compare_values(
    a: Comparable,
    b: Comparable,
    *,
    on: dt.date | None,
    rates: RateSource | None,
    tolerance: Tolerance | None,
    labels: tuple[str, str] | None,
    factor: Decimal,
    relation: str | None,
    expects: Ordering | None,
) -> Comparison:
    if tolerance is not None and not isinstance(tolerance, Tolerance):
        raise TypeError(
            f"a tolerance is a Tolerance, not {type(tolerance).__name__} "
            f"{tolerance!r}: write Tolerance.relative('0.1') for ±10% or "
            "Tolerance.absolute(margin) for a margin in the values' unit"
        )
    first, second = as_estimate(a), as_estimate(b)
    kind, other = estimate_kind(first), estimate_kind(second)
    conversions: list[Conversion] = []
    if kind is not None and other is not None and kind != other:
        if kind[0] != other[0] or kind[0] != "money":
            raise DimensionMismatchError(
                f"cannot compare {kind_text(kind)} with {kind_text(other)}: they "
                "measure different things"
            )
        if on is None and rates is None:
            raise CurrencyMismatchError(
                f"comparing {kind[1]} with {other[1]} needs a conversion: pass "
                "on=date(...) to convert at the rate published for that date, or "
                "rates=... for a rate source of your own"
            )
        second = convert_estimate(
            second, kind[1], on or dt.datetime.now(tz=dt.UTC).date(), rates, conversions
        )
    if kind is not None and kind[0] == "date" and factor != _ONE:
        raise TypeError("dates can only be compared as they are (a factor of 1)")
    if tolerance is not None:
        check_margin_kind(tolerance, kind or other)
    # Quantities of one dimension are ordered and divided as plain Decimals in
    # base units: the same answers, without building a Quantity at each step.
    quantity = (kind or other or ("", ""))[0] == "quantity"
    plain_first, plain_second, plain_tolerance = _plain(
        first, second, tolerance, quantity=quantity
    )
    reference = plain_second if factor == _ONE else plain_second * factor
    ordering = _order(plain_first, reference, plain_tolerance)
    accepted = None
    if plain_tolerance is not None:
        accepted = Estimate(
            None if reference.low is None else plain_tolerance.lower(reference.low),
            None if reference.high is None else plain_tolerance.upper(reference.high),
            None,
            reference.status,
        )
        if quantity:
            accepted = _from_base(accepted, second)
    is_date = (kind or other or ("", ""))[0] == "date"
    ratio = None if is_date else plain_first.ratio(plain_second)
    difference = plain_first - plain_second
    if quantity:
        difference = _from_base(difference, first)
    text = _explain(
        first=first,
        second=second,
        ordering=ordering,
        ratio=ratio,
        tolerance=tolerance,
        factor=factor,
        accepted=accepted,
        labels=labels,
        relation=relation,
        expects=expects,
    )
    return Comparison(
        first,
        second,
        ordering,
        ratio,
        difference,
        tuple(conversions),
        tolerance,
        factor,
        accepted,
        relation,
        expects,
        text,
    )


def _plain(
    first: Estimate[Any],
    second: Estimate[Any],
    tolerance: Tolerance | None,
    *,
    quantity: bool,
) -> tuple[Estimate[Any], Estimate[Any], Tolerance | None]:
    """The values and tolerance as plain Decimals in base units, for quantities."""
    if not quantity:
        return first, second, tolerance
    if tolerance is not None and isinstance(tolerance.margin, Quantity):
        tolerance = Tolerance(margin=base_magnitude(tolerance.margin))
    return _base(first), _base(second), tolerance


def _base(estimate: Estimate[Quantity]) -> Estimate[Decimal]:
    return estimate.map(base_magnitude)


def _from_base(
    estimate: Estimate[Decimal], like: Estimate[Quantity]
) -> Estimate[Quantity]:
    """Turn base magnitudes back into quantities in the unit of *like*'s bounds."""
    bound = next((b for b in (like.low, like.high, like.best) if b is not None), None)
    if bound is None:
        return Estimate(None, None, None, estimate.status)
    per_unit = base_magnitude(Quantity(1, bound.unit))
    return estimate.map(
        lambda value: Quantity(_tidy(_DIVISION.divide(value, per_unit)), bound.unit)
    )


def _tidy(value: Decimal) -> Decimal:
    if value == value.to_integral_value(context=_EXACT):
        return value.quantize(_ONE, context=_EXACT)
    return value


def _order(
    first: Estimate[Any], second: Estimate[Any], tolerance: Tolerance | None
) -> Ordering:
    if tolerance is None:
        return first.ordering(second)
    low, high = first.low, first.high
    other_low, other_high = second.low, second.high
    if high is not None and other_low is not None and high < tolerance.lower(other_low):
        return Ordering.LESS
    if low is not None and other_high is not None and low > tolerance.upper(other_high):
        return Ordering.GREATER
    if (
        low is not None
        and high is not None
        and other_low is not None
        and other_high is not None
        and low >= tolerance.lower(other_high)
        and high <= tolerance.upper(other_low)
    ):
        return Ordering.EQUAL
    return Ordering.INDETERMINATE


# -- helpers for the relations articles state -----------------------------------


def about(
    a: Comparable,
    b: Comparable,
    factor: Decimal | int | str,
    *,
    tolerance: Tolerance,
    on: dt.date | None = None,
    rates: RateSource | None = None,
    labels: tuple[str, str] | None = None,
) -> Comparison:
    """Ask whether *a* is about *factor* times *b*, within an explicit tolerance.

    The relation holds when the ordering is ``EQUAL``: every value the evidence
    allows for *a* lies within the tolerance of factor × every value allowed
    for *b*. A relative tolerance makes this the same as asking whether the
    ratio a / b lies within the tolerance of *factor*.

    Examples:
        >>> from aiecosys import Money, Tolerance, about
        >>> result = about(
        ...     Money(105, "EUR"),
        ...     Money(385, "EUR"),
        ...     "0.25",
        ...     tolerance=Tolerance.relative("0.1"),
        ... )
        >>> result.ordering, result.holds
        (<Ordering.EQUAL: 'equal'>, True)
    """
    number = _factor(factor)
    return compare_values(
        a,
        b,
        on=on,
        rates=rates,
        tolerance=tolerance,
        labels=labels,
        factor=number,
        relation="comparable" if number == _ONE else f"about {_factor_text(number)}",
        expects=Ordering.EQUAL,
    )


def _factor(factor: object) -> Decimal:
    """Return the factor of about() as a positive Decimal, or refuse it."""
    if isinstance(factor, bool | float) or not isinstance(factor, Decimal | int | str):
        raise TypeError(
            f"the factor must be a Decimal, an int or a str such as '0.5', not the "
            f"{type(factor).__name__} {factor!r} (binary floats cannot hold most "
            "decimal values)"
        )
    try:
        number = Decimal(factor)
    except InvalidOperation:
        raise ParseError(
            f"cannot read {factor!r} as a factor; write digits such as '0.5' or '2'"
        ) from None
    if not number.is_finite() or number <= 0:
        raise InvalidArithmeticError(
            f"the factor must be positive, not {factor!r}: give how many times "
            "the second value the first is, such as '0.5' for half"
        )
    return number


def about_half(
    a: Comparable,
    b: Comparable,
    *,
    tolerance: Tolerance,
    on: dt.date | None = None,
    rates: RateSource | None = None,
    labels: tuple[str, str] | None = None,
) -> Comparison:
    """Ask whether *a* is about half of *b* ("moitié moins", "half as many").

    Examples:
        >>> from aiecosys import Estimate, Tolerance, about_half, parameters
        >>> gpt4 = Estimate.between(parameters("1T"), parameters("1.8T"))
        >>> print(
        ...     about_half(
        ...         parameters("34B"),
        ...         gpt4,
        ...         tolerance=Tolerance.relative("0.1"),
        ...         labels=("Yi-34B", "GPT-4"),
        ...     )
        ... )
        Yi-34B (34 billion parameters) is less than half of GPT-4 (1 trillion
        to 1.8 trillion parameters), even with a tolerance of ±10% (450 billion
        to 990 billion parameters would count as half); the ratio is 0.019 to
        0.034, so "about half" does not hold.
    """
    return about(a, b, _HALF, tolerance=tolerance, on=on, rates=rates, labels=labels)


def twice(
    a: Comparable,
    b: Comparable,
    *,
    tolerance: Tolerance,
    on: dt.date | None = None,
    rates: RateSource | None = None,
    labels: tuple[str, str] | None = None,
) -> Comparison:
    """Ask whether *a* is about twice *b* ("deux fois plus", "twice as many").

    Examples:
        >>> from aiecosys import Tolerance, parameters, twice
        >>> twice(
        ...     parameters("70B"),
        ...     parameters("34B"),
        ...     tolerance=Tolerance.relative("0.1"),
        ... ).holds
        True
    """
    return about(a, b, _TWO, tolerance=tolerance, on=on, rates=rates, labels=labels)


def comparable(
    a: Comparable,
    b: Comparable,
    *,
    tolerance: Tolerance,
    on: dt.date | None = None,
    rates: RateSource | None = None,
    labels: tuple[str, str] | None = None,
) -> Comparison:
    """Ask whether *a* and *b* are comparable: *a* within the tolerance of *b*.

    Examples:
        >>> from decimal import Decimal
        >>> from aiecosys import Tolerance, comparable
        >>> mmlu = comparable(
        ...     Decimal("76.3"), Decimal("86.4"), tolerance=Tolerance.absolute(5)
        ... )
        >>> mmlu.ordering, mmlu.holds
        (<Ordering.LESS: 'less'>, False)
    """
    return about(a, b, _ONE, tolerance=tolerance, on=on, rates=rates, labels=labels)


def more_than(
    a: Comparable,
    b: Comparable,
    *,
    tolerance: Tolerance | None = None,
    on: dt.date | None = None,
    rates: RateSource | None = None,
    labels: tuple[str, str] | None = None,
) -> Comparison:
    """Ask whether *a* is more than *b* (beyond the tolerance, if one is given).

    Examples:
        >>> from aiecosys import Estimate, Money, more_than
        >>> zero_one = Estimate.at_least(Money(0, "EUR"))
        >>> print(more_than(Money(790_000_000, "EUR"), zero_one).holds)
        None
    """
    return compare_values(
        a,
        b,
        on=on,
        rates=rates,
        tolerance=tolerance,
        labels=labels,
        factor=_ONE,
        relation="more than",
        expects=Ordering.GREATER,
    )


# -- words --------------------------------------------------------------------


def _digits(number: Decimal, significant: int) -> str:
    # Formatting rounds in the thread's context: use a private one.
    with decimal.localcontext(_EXACT):
        text = format(number.normalize(), f".{significant}g")
        if ("e" in text or "E" in text) and number.adjusted() <= _PLAIN_DIGITS:
            return format(number.quantize(_ONE), ",f")
        return text


def _factor_text(factor: Decimal) -> str:
    return _FACTOR_WORDS.get(factor, f"{_digits(factor, 4)} times")


def _parts(value: Any) -> tuple[str, str]:
    """Split a value into its number and its unit, written for readers."""
    if isinstance(value, Money):
        return _number(value.amount), value.currency
    if isinstance(value, Quantity):
        unit = value.unit
        if unit.isalpha() and unit.islower() and value.magnitude != 1:
            unit += "s"
        return _number(value.magnitude), unit
    if isinstance(value, dt.date):
        return value.isoformat(), ""
    if isinstance(value, dt.timedelta):
        number, unit = _days(value).split(" ")
        return number, unit
    if isinstance(value, Decimal | int):
        return _number(Decimal(value)), ""
    return str(value), ""


def _number(number: Decimal) -> str:
    for size, word in _SCALES:
        if number.copy_abs() >= size:
            # size is a power of ten: shifting the exponent divides exactly.
            return f"{_digits(number.scaleb(-size.adjusted(), _EXACT), 4)} {word}"
    if number.copy_abs() >= 1000:  # noqa: PLR2004
        return format(number.normalize(_EXACT), ",f")
    return _digits(number, 4)


def _in_english() -> bool:
    """Whether the reader reads English, which keeps the wording written here.

    Other languages are written by `aiecosys._readable`, which knows their
    conventions: ``385 millions d'euros``, ``entre 1 000 et 1 800 milliards``.
    """
    return current() == "en"


def describe(value: Any) -> str:
    """Write a value for readers: ``34 billion parameters``, ``385 million EUR``.

    Examples:
        >>> import aiecosys
        >>> from aiecosys import Money, parameters
        >>> from aiecosys._compare import describe
        >>> describe(parameters("34B")), describe(Money("385000000", "EUR"))
        ('34 billion parameters', '385 million EUR')
        >>> with aiecosys.language("fr"):
        ...     describe(parameters("34B"))
        '34 milliards de paramètres'
    """
    if not _in_english():
        return readable(value)
    number, unit = _parts(value)
    return f"{number} {unit}" if unit else number


def describe_estimate(estimate: Estimate[Any]) -> str:
    """Write an estimate for readers: ``1 trillion to 1.8 trillion parameters``.

    Examples:
        >>> from aiecosys import Estimate, parameters
        >>> from aiecosys._compare import describe_estimate
        >>> describe_estimate(Estimate.between(parameters("1T"), parameters("1.8T")))
        '1 trillion to 1.8 trillion parameters'
        >>> describe_estimate(Estimate.unknown())
        'unknown'
    """
    if not _in_english():
        return readable_estimate(estimate)
    low, high = estimate.low, estimate.high
    if low is None and high is None:
        return "unknown"
    if low is None:
        return f"at most {describe(high)}"
    if high is None:
        return f"at least {describe(low)}"
    if estimate.is_exact:
        return describe(low)
    (low_number, low_unit), (high_number, high_unit) = _parts(low), _parts(high)
    if low_unit == high_unit:
        unit = f" {low_unit}" if low_unit else ""
        return f"{low_number} to {high_number}{unit}"
    return f"{describe(low)} to {describe(high)}"


def _ratio_text(ratio: Estimate[Decimal]) -> str:
    low, high = ratio.low, ratio.high
    if not _in_english():
        return readable_estimate(ratio, digits=2)
    if low is None and high is None:
        return "unknown"
    if low is None:
        return f"at most {_digits(high, 2)}"  # type: ignore[arg-type]
    if high is None:
        return f"at least {_digits(low, 2)}"
    # An inexact quotient of two exact values is a range one digit wide in its
    # 50th digit, which reads as one value.
    low_text, high_text = _digits(low, 2), _digits(high, 2)
    return low_text if low_text == high_text else f"{low_text} to {high_text}"


def _tolerance_text(tolerance: Tolerance) -> str:
    """A tolerance for readers: ``±10%``, in French ``±10 %``."""
    if _in_english():
        return str(tolerance)
    if tolerance.fraction is not None:
        with decimal.localcontext(_EXACT):
            percent = format_percent(
                tolerance.fraction, locale=current(), decimal_quantization=False
            )
        return f"±{percent}"
    return f"±{readable(tolerance.margin)}"


def _factor_number(factor: Decimal) -> str:
    return _digits(factor, 4) if _in_english() else readable(factor)


def _factor_name(factor: Decimal) -> str:
    """A factor as the word a value would count as: ``half``, ``0.25 times``."""
    if factor == _HALF:
        # Translators: what a value would count as ("... would count as half").
        return _("half")
    if factor == _TWO:
        # Translators: what a value would count as ("... would count as twice").
        return _("twice")
    if factor == _THREE:
        return _("three times")
    return _("{factor} times").format(factor=_factor_number(factor))


def _target(b: str, factor: Decimal) -> str:
    """What the first value is compared with: *b*, ``half of`` *b*..."""
    if factor == _ONE:
        return b
    if factor == _HALF:
        return _("half of {b}").format(b=b)
    if factor == _TWO:
        return _("twice {b}").format(b=b)
    if factor == _THREE:
        return _("three times of {b}").format(b=b)
    return _("{factor} times of {b}").format(factor=_factor_number(factor), b=b)


_RELATIONS: Final = frozenset(
    {
        N_("comparable"),
        N_("more than"),
        N_("less than"),
        N_("as stated"),
        N_("equal to the stated value"),
    }
)
"""The relations helpers and checks ask about, translated for readers."""


def _relation_name(relation: str, factor: Decimal) -> str:
    """A relation for readers: ``about half``, or as the caller wrote it."""
    if factor != _ONE and relation == f"about {_factor_text(factor)}":
        return _("about {factor}").format(factor=_factor_name(factor))
    return _(relation) if relation in _RELATIONS else relation


_VERBS: Final = {
    Ordering.LESS: N_("{a} is less than {b}"),
    Ordering.GREATER: N_("{a} is more than {b}"),
    Ordering.EQUAL: N_("{a} is equal to {b}"),
    Ordering.INDETERMINATE: N_("{a} may be less than, equal to or more than {b}"),
}


def _tolerance_clause(
    tolerance: Tolerance, ordering: Ordering, accepted: Estimate[Any], factor: Decimal
) -> str:
    """``, with a tolerance of ±10% (450 to 990 billion would count as half)``."""
    if ordering in {Ordering.LESS, Ordering.GREATER}:
        text = _(", even with a tolerance of {tolerance}")
    else:
        text = _(", with a tolerance of {tolerance}")
    text = text.format(tolerance=_tolerance_text(tolerance))
    values = describe_estimate(accepted)
    if factor == _ONE:
        return text + _(" ({values} would count as equal)").format(values=values)
    return text + _(" ({values} would count as {factor})").format(
        values=values, factor=_factor_name(factor)
    )


def _relation_clause(name: str, ordering: Ordering, expects: Ordering) -> str:
    """``, so "about half" does not hold``."""
    if ordering is Ordering.INDETERMINATE:
        text = _(', so the evidence cannot tell whether "{relation}" holds')
    elif ordering is expects:
        text = _(', so "{relation}" holds')
    else:
        text = _(', so "{relation}" does not hold')
    return text.format(relation=name)


def _explain(
    *,
    first: Estimate[Any],
    second: Estimate[Any],
    ordering: Ordering,
    ratio: Estimate[Decimal] | None,
    tolerance: Tolerance | None,
    factor: Decimal,
    accepted: Estimate[Any] | None,
    labels: tuple[str, str] | None,
    relation: str | None,
    expects: Ordering | None,
) -> str:
    a, b = describe_estimate(first), describe_estimate(second)
    if labels is not None:
        # Translators: a value's name, then the value: "GPT-4 (1 trillion parameters)".
        a = _("{label} ({value})").format(label=labels[0], value=a)
        b = _("{label} ({value})").format(label=labels[1], value=b)
    sentence = _VERBS[ordering]
    if ordering is Ordering.EQUAL and tolerance is not None:
        sentence = N_("{a} is within the tolerance of {b}")
    text = _(sentence).format(a=a, b=_target(b, factor))
    if tolerance is not None and accepted is not None:
        text += _tolerance_clause(tolerance, ordering, accepted, factor)
    if ratio is not None:
        if ratio.low is None and ratio.high is None:
            text += _("; the ratio is unknown")
        else:
            text += _("; the ratio is {ratio}").format(ratio=_ratio_text(ratio))
    if relation is not None and expects is not None:
        text += _relation_clause(_relation_name(relation, factor), ordering, expects)
    return text + "."
