"""Estimates: values that are disclosed, reported, estimated, rumoured or unknown."""

from __future__ import annotations

import datetime as dt
import decimal
import operator
from collections.abc import Callable, Iterable
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any, Final, Generic, TypeVar, overload

import attrs

from aiecosys._choices import Choice
from aiecosys._contexts import DIVISION as _DIVISION
from aiecosys._contexts import EXACT as _EXACT
from aiecosys._errors import (
    CurrencyMismatchError,
    DataError,
    DimensionMismatchError,
    InvalidArithmeticError,
    ParseError,
    Problem,
)
from aiecosys._i18n import N_
from aiecosys._i18n import gettext as _
from aiecosys._money import Money, shorten
from aiecosys._ordering import Ordering, order_bounds
from aiecosys._source import Source, check_sources
from aiecosys._units import Quantity, unit_info


__all__ = ["Estimate", "Status"]

V = TypeVar("V")
W = TypeVar("W")

_INFINITY: Final = Decimal("Infinity")
_MICROSECOND: Final = dt.timedelta(microseconds=1)


class Status(Choice):
    """How a value came to be known, from the most to the least certain.

    Examples:
        >>> from aiecosys import Status
        >>> Status("rumoured")
        <Status.RUMOURED: 'rumoured'>
        >>> Status.weakest([Status.DISCLOSED, Status.ESTIMATED])
        <Status.ESTIMATED: 'estimated'>
    """

    DISCLOSED = "disclosed"
    """Published by the party concerned (a company's announcement, a model card)."""
    REPORTED = "reported"
    """Reported by the press or a third party, citing people with knowledge."""
    ESTIMATED = "estimated"
    """Worked out by analysts from indirect evidence."""
    RUMOURED = "rumoured"
    """Said without attribution; treat with care."""
    UNDISCLOSED = "undisclosed"
    """Never made public; the bounds, if any, are all that is known."""

    @staticmethod
    def weakest(statuses: Iterable[Status]) -> Status:
        """Return the least certain of several statuses (of a sum's terms, say).

        Examples:
            >>> from aiecosys import Status
            >>> Status.weakest([Status.REPORTED, Status.DISCLOSED])
            <Status.REPORTED: 'reported'>
        """
        return max(statuses, key=_RANK.__getitem__, default=Status.DISCLOSED)

    @property
    def label(self) -> str:
        """The status's name for readers, in the current language.

        Programs read `value`, which never changes.

        Examples:
            >>> import aiecosys
            >>> from aiecosys import Status
            >>> Status.UNDISCLOSED.label
            'undisclosed'
            >>> with aiecosys.language("fr"):
            ...     Status.UNDISCLOSED.label, Status.RUMOURED.label
            ('non divulgué', 'selon des rumeurs')
        """
        return _(_LABELS[self])


_RANK: Final = {status: rank for rank, status in enumerate(Status)}
_LABELS: Final = {
    # Translators: how a value came to be known: published by the party concerned.
    Status.DISCLOSED: N_("disclosed"),
    # Translators: how a value came to be known: reported by the press.
    Status.REPORTED: N_("reported"),
    # Translators: how a value came to be known: worked out by analysts.
    Status.ESTIMATED: N_("estimated"),
    # Translators: how a value came to be known: said without attribution.
    Status.RUMOURED: N_("rumoured"),
    # Translators: how a value came to be known: never made public.
    Status.UNDISCLOSED: N_("undisclosed"),
}


def _check_value(
    _instance: Estimate[Any], attribute: attrs.Attribute[Any], value: object
) -> None:
    if isinstance(value, bool | float):
        raise TypeError(
            f"an Estimate refuses the {type(value).__name__} {value!r} as its "
            f"{attribute.name}: pass a Decimal, an int, Money or a Quantity "
            "(binary floats cannot hold most decimal values exactly)"
        )
    if isinstance(value, Decimal) and not value.is_finite():
        raise ParseError(
            f"an Estimate's {attribute.name} must be a finite number, not {value!r}"
        )


def _check_high(
    instance: Estimate[Any], _attribute: attrs.Attribute[Any], value: object
) -> None:
    low = instance.low
    # An exact estimate holds one value three times: it is not above itself,
    # and comparing quantities or money converts both (see
    # benchmarks/bench_import.py).
    if low is not None and value is not None and low is not value and low > value:
        raise DataError(
            [
                Problem(
                    f"the low bound {low} is above the high bound {value}", field="low"
                )
            ]
        )


def _check_best(
    instance: Estimate[Any], attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is None:
        return
    low, high = instance.low, instance.high
    if (low is not None and low is not value and value < low) or (
        high is not None and high is not value and value > high
    ):
        raise DataError(
            [
                Problem(
                    f"the best value {value} lies outside {low} to {high}",
                    field=attribute.name,
                )
            ]
        )


def _merge_sources(*groups: tuple[Source, ...]) -> tuple[Source, ...]:
    return tuple(dict.fromkeys(source for group in groups for source in group))


def _check_scalar(factor: object) -> Decimal | int:
    if isinstance(factor, bool) or not isinstance(factor, Decimal | int):
        hint = (
            " (binary floats cannot hold most decimal values: pass a Decimal "
            "such as Decimal('1.5'), built from a string)"
            if isinstance(factor, float)
            else ""
        )
        raise TypeError(
            f"an Estimate can only be scaled by an int or a Decimal, not "
            f"{type(factor).__name__}{hint}"
        )
    if isinstance(factor, Decimal) and not factor.is_finite():
        raise InvalidArithmeticError(
            f"cannot scale an Estimate by {factor!r}: the factor must be a finite "
            "number, such as Decimal('1.5')"
        )
    return factor


# -- what an estimate holds, and arithmetic on its bounds ------------------------

Kind = tuple[str, str]
"""What a value is: ("money", "EUR"), ("quantity", "[parameter]"), ("date", "")..."""


def kind_of(value: object) -> Kind:
    """Say what a bound is: money in a currency, a quantity of a dimension, ..."""
    if isinstance(value, Money):
        return "money", value.currency
    if isinstance(value, Quantity):
        return "quantity", value.dimensions
    if isinstance(value, dt.date):
        return "date", ""
    if isinstance(value, dt.timedelta):
        return "duration", ""
    return "number", ""


def estimate_kind(estimate: Estimate[Any]) -> Kind | None:
    """What an estimate holds, or None when it has no bound and no best value."""
    for bound in (estimate.low, estimate.high, estimate.best):
        if bound is not None:
            return kind_of(bound)
    return None


def kind_text(kind: Kind) -> str:
    """Name a kind for readers: ``money (EUR)``, ``a quantity of [token]``."""
    what, detail = kind
    if what == "money":
        return f"money ({detail})" if detail else "money"
    if what == "quantity":
        return f"a quantity of {detail}"
    return {"date": "a date", "duration": "a duration"}.get(what, "a plain number")


# The kinds that add to or subtract from each other besides a kind and itself.
_SUMS: Final = {("date", "duration"), ("duration", "date")}
_DIFFERENCES: Final = {("date", "duration")}


def _check_kinds(
    action: str, left: Estimate[Any], right: Estimate[Any], mixed: set[tuple[str, str]]
) -> None:
    """Refuse two estimates whose values cannot be combined or ordered."""
    kind, other = estimate_kind(left), estimate_kind(right)
    if kind is None or other is None or kind == other or (kind[0], other[0]) in mixed:
        return
    if kind[0] == other[0] == "money":
        raise CurrencyMismatchError(
            f"cannot {action} an estimate in {kind[1]} and one in {other[1]} "
            f"without a conversion: convert one at a stated date first, for "
            f"example estimate.map(lambda m: m.to({kind[1]!r}, "
            "on=date(2023, 12, 11)))"
        )
    raise DimensionMismatchError(
        f"cannot {action} an estimate of {kind_text(kind)} and one of "
        f"{kind_text(other)}: they measure different things"
    )


def _exactly(
    operation: Callable[[Any, Any], Any], left: Any, right: Any, action: str
) -> Any:
    """Combine two bounds, refusing a result no value can hold.

    *action* says what was done, ``{0}`` and ``{1}`` standing for the operands;
    it is only formatted for the error message.
    """
    try:
        return operation(left, right)
    except (OverflowError, decimal.Overflow, decimal.Underflow) as error:
        reason = (
            "past the exponents a Decimal holds"
            if isinstance(error, decimal.DecimalException)
            else str(error)
        )
        raise InvalidArithmeticError(
            f"cannot {action.format(left, right)}: the result is out of range "
            f"({reason}); check the estimates' bounds"
        ) from None


MAX_EXACT_DIGITS: Final = 1_000_000
"""The most digits an exact sum of plain numbers may need (1e99999 + 1 needs
100,000): beyond it the sum is refused rather than built in memory."""


def _check_digits(left: Decimal | int, right: Decimal | int, action: str) -> None:
    """Refuse a sum of two numbers whose exact result needs too many digits."""
    a, b = Decimal(left), Decimal(right)
    if not a or not b:
        return
    top = max(a.adjusted(), b.adjusted())
    bottom = min(_exponent(a), _exponent(b))
    if top - bottom >= MAX_EXACT_DIGITS:
        shown = action.format(shorten(repr(left)), shorten(repr(right)))
        raise InvalidArithmeticError(
            f"cannot {shown}: the exact result would need {top - bottom + 1:,} "
            f"digits, more than the {MAX_EXACT_DIGITS:,} aiecosys writes out; "
            "check the exponents of the two numbers"
        )


def _exponent(number: Decimal) -> int:
    exponent = number.as_tuple().exponent
    return exponent if isinstance(exponent, int) else 0


def plus(left: Any, right: Any) -> Any:
    """Add two bounds exactly, None (no bound) absorbing the other."""
    if left is None or right is None:
        return None
    if type(left) is int and type(right) is int:
        return left + right
    if isinstance(left, Decimal | int) and isinstance(right, Decimal | int):
        _check_digits(left, right, "add {1} to {0}")
        return _exactly(_EXACT.add, left, right, "add {1} to {0}")
    return _exactly(operator.add, left, right, "add {1} to {0}")


def minus(left: Any, right: Any) -> Any:
    """Subtract two bounds exactly, None (no bound) absorbing the other."""
    if left is None or right is None:
        return None
    if type(left) is int and type(right) is int:
        return left - right
    if isinstance(left, Decimal | int) and isinstance(right, Decimal | int):
        _check_digits(left, right, "subtract {1} from {0}")
        return _exactly(_EXACT.subtract, left, right, "subtract {1} from {0}")
    return _exactly(operator.sub, left, right, "subtract {1} from {0}")


def times(value: Any, factor: Decimal | int) -> Any:
    """Scale one bound by a finite factor, exactly."""
    if type(value) is int and type(factor) is int:
        return value * factor
    return _scale(value, factor, _EXACT.multiply, operator.mul, "multiply")


def _over(value: Any, divisor: Decimal | int) -> Any:
    """Divide one bound by a finite, non-zero divisor."""
    return _scale(value, divisor, _DIVISION.divide, operator.truediv, "divide")


def _scale(
    value: Any,
    number: Decimal | int,
    exact: Callable[[Any, Any], Decimal],
    other: Callable[[Any, Any], Any],
    verb: str,
) -> Any:
    """Multiply or divide a bound by a number, in a private decimal context."""
    if isinstance(value, Decimal | int):
        return _exactly(exact, value, number, verb + " {0!r} by {1!r}")
    if isinstance(value, dt.timedelta):
        action = verb + " {1} by " + str(number)
        count = _exactly(exact, Decimal(value // _MICROSECOND), number, action)
        whole = count.to_integral_value(ROUND_HALF_EVEN, context=_EXACT)
        return _exactly(_microseconds, whole, value, action)
    if isinstance(value, dt.date):
        raise DimensionMismatchError(
            f"cannot {verb} the date {value}: only amounts, quantities, numbers "
            "and durations scale"
        )
    return _exactly(other, value, number, verb + " {0} by {1}")


def _microseconds(count: Decimal, _value: dt.timedelta) -> dt.timedelta:
    return dt.timedelta(microseconds=int(count))


_ONE: Final = Decimal(1)


def base_magnitude(value: Quantity) -> Decimal:
    """A quantity's magnitude in base units (parameters, tokens, FLOP), exactly."""
    return _EXACT.multiply(value.magnitude, unit_info(value.unit).factor)


_DOWN: Final = _DIVISION.copy()
_DOWN.rounding = decimal.ROUND_FLOOR
_UP: Final = _DIVISION.copy()
_UP.rounding = decimal.ROUND_CEILING


def _ratio_of(top: Any, bottom: Any, context: decimal.Context = _DIVISION) -> Decimal:
    """Divide two bounds of one kind (the divisor not zero), giving a plain number."""
    numbers: tuple[Any, Any] | None = None
    if isinstance(top, Money) and isinstance(bottom, Money):
        numbers = top.amount, bottom.amount
    elif isinstance(top, Quantity) and isinstance(bottom, Quantity):
        numbers = base_magnitude(top), base_magnitude(bottom)
    elif isinstance(top, dt.timedelta) and isinstance(bottom, dt.timedelta):
        numbers = top // _MICROSECOND, bottom // _MICROSECOND
    elif isinstance(top, Decimal | int) and isinstance(bottom, Decimal | int):
        numbers = top, bottom
    if numbers is not None:
        quotient: Decimal = _exactly(context.divide, *numbers, "divide {0} by {1}")
        return quotient
    raise DimensionMismatchError(
        f"the ratio of {top} to {bottom} is not a plain number: compare "
        "estimates of one dimension (parameters with parameters)"
    )


@attrs.frozen
class Estimate(Generic[V]):
    """A value known exactly, within bounds, or not at all, with its status and sources.

    It holds [Money][aiecosys.Money], quantities (parameters, tokens, FLOP) or
    plain numbers (int or Decimal). ``low`` and ``high`` are inclusive bounds;
    ``None`` means no bound on that side. Arithmetic is interval arithmetic, so
    a result contains every value the inputs allow: sums add the bounds, scaling
    by a negative factor swaps them, a ratio takes the extreme quotients. The
    status of a result is the least certain of its inputs', and its sources are
    all of theirs.

    An estimate has no ``<``: two overlapping ranges are neither less nor
    greater. [ordering][aiecosys.Estimate.ordering] answers with an
    [Ordering][aiecosys.Ordering], which may be ``INDETERMINATE``.

    Examples:
        >>> from decimal import Decimal
        >>> from aiecosys import Estimate, Status
        >>> gpt4 = Estimate.between(
        ...     Decimal("1e12"), Decimal("1.8e12"), status=Status.REPORTED
        ... )
        >>> yi = Estimate.exact(Decimal("34e9"))
        >>> ratio = yi / gpt4
        >>> print(
        ...     ratio.low.quantize(Decimal("0.0001")),
        ...     ratio.high.quantize(Decimal("0.0001")),
        ... )
        0.0189 0.0340
        >>> ratio.status
        <Status.REPORTED: 'reported'>
        >>> ratio.ordering(Estimate.exact(Decimal("0.5")))
        <Ordering.LESS: 'less'>
    """

    low: V | None = attrs.field(default=None, validator=_check_value)
    """The lowest value the evidence allows, or None if unbounded below."""
    high: V | None = attrs.field(default=None, validator=[_check_value, _check_high])
    """The highest value the evidence allows, or None if unbounded above."""
    best: V | None = attrs.field(default=None, validator=[_check_value, _check_best])
    """The single most likely value, if the sources give one."""
    status: Status = attrs.field(
        default=Status.ESTIMATED, validator=attrs.validators.instance_of(Status)
    )
    """How the value came to be known."""
    sources: tuple[Source, ...] = attrs.field(default=(), validator=check_sources)
    """Sources of this value in particular (the fact that holds it cites its own)."""
    note: str | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(str)),
    )
    """A remark for readers: how the estimate was made, what it excludes."""

    @classmethod
    def exact(
        cls,
        value: V,
        *,
        status: Status = Status.DISCLOSED,
        sources: tuple[Source, ...] = (),
        note: str | None = None,
    ) -> Estimate[V]:
        """Return an estimate of exactly *value* (disclosed unless told otherwise).

        Examples:
            >>> from aiecosys import Estimate
            >>> Estimate.exact(400).is_exact
            True
        """
        return cls(value, value, value, status, sources, note)

    @classmethod
    def between(
        cls,
        low: V,
        high: V,
        best: V | None = None,
        *,
        status: Status = Status.ESTIMATED,
        sources: tuple[Source, ...] = (),
        note: str | None = None,
    ) -> Estimate[V]:
        """Return an estimate lying between *low* and *high*, both included.

        Raises:
            DataError: *low* is above *high*, or *best* lies outside them.

        Examples:
            >>> from aiecosys import Estimate
            >>> Estimate.between(1, 3, best=2).best
            2
            >>> Estimate.between(3, 1)
            Traceback (most recent call last):
            ...
            aiecosys.DataError: 1 problem found:
              - field 'low': the low bound 3 is above the high bound 1
        """
        return cls(low, high, best, status, sources, note)

    @classmethod
    def at_least(
        cls,
        low: V,
        *,
        status: Status = Status.REPORTED,
        sources: tuple[Source, ...] = (),
        note: str | None = None,
    ) -> Estimate[V]:
        """Return an estimate known only to be *low* or more ("over $100M").

        Examples:
            >>> from aiecosys import Estimate
            >>> print(Estimate.at_least(100))
            at least 100 (reported)
        """
        return cls(low, None, None, status, sources, note)

    @classmethod
    def at_most(
        cls,
        high: V,
        *,
        status: Status = Status.REPORTED,
        sources: tuple[Source, ...] = (),
        note: str | None = None,
    ) -> Estimate[V]:
        """Return an estimate known only to be *high* or less ("under 10B").

        Examples:
            >>> from aiecosys import Estimate
            >>> Estimate.at_most(10).high
            10
        """
        return cls(None, high, None, status, sources, note)

    @classmethod
    def unknown(
        cls,
        *,
        status: Status = Status.UNDISCLOSED,
        sources: tuple[Source, ...] = (),
        note: str | None = None,
    ) -> Estimate[Any]:
        """Return an estimate of a value nothing is known about (undisclosed).

        Examples:
            >>> from aiecosys import Estimate
            >>> print(Estimate.unknown())
            unknown (undisclosed)
        """
        return cls(None, None, None, status, sources, note)

    @property
    def is_exact(self) -> bool:
        """Whether the bounds meet at one value.

        Examples:
            >>> from aiecosys import Estimate
            >>> Estimate.between(1, 2).is_exact
            False
        """
        return self.low is not None and self.low == self.high

    @property
    def is_unknown(self) -> bool:
        """Whether nothing bounds the value on either side.

        Examples:
            >>> from aiecosys import Estimate
            >>> Estimate.unknown().is_unknown
            True
        """
        return self.low is None and self.high is None

    def contains(self, value: V) -> bool:
        """Whether *value* is one of the values the estimate allows.

        Examples:
            >>> from aiecosys import Estimate
            >>> Estimate.between(1, 3).contains(2)
            True
            >>> Estimate.at_least(5).contains(4)
            False
        """
        return (self.low is None or self.low <= value) and (  # type: ignore[operator]
            self.high is None or value <= self.high  # type: ignore[operator]
        )

    def ordering(self, other: Estimate[V] | V) -> Ordering:
        """Order this estimate against another one or a plain value, three-valued.

        LESS or GREATER only when the two ranges do not overlap; EQUAL only
        when both are exact and equal; INDETERMINATE otherwise.

        Raises:
            CurrencyMismatchError: Money in two currencies (convert one first).
            DimensionMismatchError: Quantities of two dimensions.

        Examples:
            >>> from aiecosys import Estimate
            >>> Estimate.between(1, 3).ordering(Estimate.between(2, 4))
            <Ordering.INDETERMINATE: 'indeterminate'>
            >>> Estimate.exact(5).ordering(5)
            <Ordering.EQUAL: 'equal'>
        """
        if not isinstance(other, Estimate):
            other = Estimate(other, other, other)
        _check_kinds("order", self, other, set())
        return order_bounds(self.low, self.high, other.low, other.high)

    def map(self, function: Callable[[V], W]) -> Estimate[W]:
        """Apply an increasing function to every bound (a conversion, a change of unit).

        The function must preserve order (a conversion at one positive rate
        does), or the bounds would come out swapped.

        Examples:
            >>> from aiecosys import Estimate
            >>> Estimate.between(1, 3, best=2).map(lambda n: n * 10)
            Estimate(low=10, high=30, best=20,
                     status=<Status.ESTIMATED: 'estimated'>, sources=(), note=None)
        """

        def apply(value: V | None) -> W | None:
            return None if value is None else function(value)

        return Estimate(
            apply(self.low),
            apply(self.high),
            apply(self.best),
            self.status,
            self.sources,
            self.note,
        )

    def _combine(
        self, other: Estimate[Any], low: Any, high: Any, best: Any
    ) -> Estimate[Any]:
        return Estimate(
            low,
            high,
            best,
            Status.weakest([self.status, other.status]),
            _merge_sources(self.sources, other.sources),
        )

    def __add__(self, other: Estimate[V]) -> Estimate[V]:
        if not isinstance(other, Estimate):
            return NotImplemented
        _check_kinds("add", self, other, _SUMS)
        return self._combine(
            other,
            plus(self.low, other.low),
            plus(self.high, other.high),
            plus(self.best, other.best),
        )

    def __radd__(self, other: object) -> Estimate[V]:
        """Let ``sum(estimates)`` start from 0."""
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self
        return NotImplemented

    def __sub__(self, other: Estimate[V]) -> Estimate[V]:
        if not isinstance(other, Estimate):
            return NotImplemented
        _check_kinds("subtract", self, other, _DIFFERENCES)
        return self._combine(
            other,
            minus(self.low, other.high),
            minus(self.high, other.low),
            minus(self.best, other.best),
        )

    def __mul__(self, factor: Decimal | int) -> Estimate[V]:
        factor = _check_scalar(factor)
        return self._scaled(lambda value: times(value, factor), negative=factor < 0)

    __rmul__ = __mul__

    @overload
    def __truediv__(self, other: Estimate[Any]) -> Estimate[Decimal]: ...
    @overload
    def __truediv__(self, other: Decimal | int) -> Estimate[V]: ...
    def __truediv__(self, other: Estimate[Any] | Decimal | int) -> Estimate[Any]:
        if isinstance(other, Estimate):
            return self.ratio(other)
        divisor = _check_scalar(other)
        if divisor == 0:
            raise InvalidArithmeticError(
                "cannot divide an Estimate by zero; check the divisor first"
            )
        return self._scaled(lambda value: _over(value, divisor), negative=divisor < 0)

    def _scaled(self, function: Callable[[Any], Any], *, negative: bool) -> Estimate[V]:
        def apply(value: V | None) -> Any:
            return None if value is None else function(value)

        low, high = apply(self.low), apply(self.high)
        if negative:
            low, high = high, low
        return Estimate(low, high, apply(self.best), self.status, self.sources)

    def ratio(self, other: Estimate[Any]) -> Estimate[Decimal]:
        """Return the ratio of two estimates as an estimate of a plain number.

        The result contains every quotient of a value this estimate allows by
        one the other allows. If the divisor's range contains zero, the ratio
        is unknown.

        Raises:
            CurrencyMismatchError: Money in two currencies (convert one first).
            DimensionMismatchError: Quantities of two dimensions, whose ratio
                is not a plain number.

        Examples:
            >>> from aiecosys import Estimate
            >>> print(Estimate.exact(34).ratio(Estimate.between(17, 68)))
            between 0.5 and 2 (estimated)
        """
        _check_kinds("divide", self, other, set())
        if estimate_kind(self) == ("date", "") or estimate_kind(other) == ("date", ""):
            raise DimensionMismatchError(
                "a ratio of dates means nothing: compare dates with compare(), or "
                "divide the durations between them"
            )
        status = Status.weakest([self.status, other.status])
        sources = _merge_sources(self.sources, other.sources)
        if (other.low is None or _sign(other.low) <= 0) and (
            other.high is None or _sign(other.high) >= 0
        ):
            return Estimate(None, None, None, status, sources)
        low, high = (
            pick(
                quotient
                for numerator in ((self.low, -1), (self.high, 1))
                for denominator in ((other.low, -1), (other.high, 1))
                if (quotient := _quotient(numerator, denominator, context)) is not None
            )
            # Each bound rounds outwards, so the range holds every exact quotient.
            for pick, context in ((min, _DOWN), (max, _UP))
        )
        best = None
        if self.best is not None and other.best is not None and _sign(other.best):
            best = _ratio_of(self.best, other.best)
        return Estimate(
            None if low.is_infinite() else low,
            None if high.is_infinite() else high,
            best,
            status,
            sources,
        )

    def __str__(self) -> str:
        if self.is_exact:
            text = str(self.low)
        elif self.low is not None and self.high is not None:
            text = f"between {self.low} and {self.high}"
            if self.best is not None:
                text += f", most likely {self.best}"
        elif self.low is not None:
            text = f"at least {self.low}"
        elif self.high is not None:
            text = f"at most {self.high}"
        else:
            text = "unknown"
        return f"{text} ({self.status.value})"


def _sign(value: Any) -> int:
    """-1, 0 or 1 as a bound is below, at or above zero."""
    if isinstance(value, Money):
        number: Any = value.amount
    elif isinstance(value, Quantity):
        number = value.magnitude
    elif isinstance(value, dt.timedelta):
        number = value // _MICROSECOND
    else:
        number = value
    return 1 if number > 0 else -1 if number < 0 else 0


def _quotient(
    numerator: tuple[Any, int],
    denominator: tuple[Any, int],
    context: decimal.Context,
) -> Decimal | None:
    """Divide two bounds, a missing bound standing for an infinity of the given sign.

    The divisor's range excludes zero. Returns None for infinity over infinity,
    a corner that the other corners always dominate.
    """
    top, top_sign = numerator
    bottom, bottom_sign = denominator
    if top is None and bottom is None:
        return None
    if bottom is None:
        return Decimal(0)
    bottom_sign = _sign(bottom)
    if top is None:
        return _INFINITY if top_sign == bottom_sign else -_INFINITY
    return _ratio_of(top, bottom, context)


def check_estimate(
    _instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    """Check that a field holds an Estimate (an attrs validator)."""
    if not isinstance(value, Estimate):
        raise DataError([Problem("must be an Estimate", field=attribute.name)])


def check_optional_estimate(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    """Check that a field holds an Estimate or None (an attrs validator)."""
    if value is not None:
        check_estimate(instance, attribute, value)
