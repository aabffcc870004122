"""Estimates: values that are disclosed, reported, estimated, rumoured or unknown."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any, Final, Generic, TypeVar, overload

import attrs

from aiecosys._errors import DataError, DimensionMismatchError, ParseError, Problem
from aiecosys._ordering import Ordering, order_bounds
from aiecosys._source import Source, check_sources


__all__ = ["Estimate", "Status"]

V = TypeVar("V")
W = TypeVar("W")

_INFINITY: Final = Decimal("Infinity")


class Status(enum.Enum):
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


_RANK: Final = {status: rank for rank, status in enumerate(Status)}


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
    if low is not None and value is not None and low > value:
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
    if (low is not None and value < low) or (high is not None and value > high):
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
        raise TypeError(
            f"an Estimate can only be scaled by an int or a Decimal, not "
            f"{type(factor).__name__}"
        )
    return factor


def _as_number(value: Any) -> Any:
    """Make ints divide exactly (int / int would give a float)."""
    return Decimal(value) if type(value) is int else value


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
        if isinstance(other, Estimate):
            return order_bounds(self.low, self.high, other.low, other.high)
        return order_bounds(self.low, self.high, other, other)

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
        return self._combine(
            other,
            _plus(self.low, other.low),
            _plus(self.high, other.high),
            _plus(self.best, other.best),
        )

    def __radd__(self, other: object) -> Estimate[V]:
        """Let ``sum(estimates)`` start from 0."""
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self
        return NotImplemented

    def __sub__(self, other: Estimate[V]) -> Estimate[V]:
        if not isinstance(other, Estimate):
            return NotImplemented
        return self._combine(
            other,
            _minus(self.low, other.high),
            _minus(self.high, other.low),
            _minus(self.best, other.best),
        )

    def __mul__(self, factor: Decimal | int) -> Estimate[V]:
        factor = _check_scalar(factor)
        return self._scaled(lambda value: value * factor, negative=factor < 0)

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
            raise ZeroDivisionError("cannot divide an Estimate by zero")
        return self._scaled(
            lambda value: _as_number(value) / divisor, negative=divisor < 0
        )

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
        status = Status.weakest([self.status, other.status])
        sources = _merge_sources(self.sources, other.sources)
        zero = _zero_of(other)
        if zero is None or (
            (other.low is None or other.low <= zero)
            and (other.high is None or other.high >= zero)
        ):
            return Estimate(None, None, None, status, sources)
        corners = [
            quotient
            for numerator in ((self.low, -1), (self.high, 1))
            for denominator in ((other.low, -1), (other.high, 1))
            if (quotient := _quotient(numerator, denominator, zero)) is not None
        ]
        low, high = min(corners), max(corners)
        best = None
        if self.best is not None and other.best is not None and other.best != zero:
            best = _as_number(self.best) / _as_number(other.best)
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


def _plus(left: Any, right: Any) -> Any:
    return None if left is None or right is None else left + right


def _minus(left: Any, right: Any) -> Any:
    return None if left is None or right is None else left - right


def _zero_of(estimate: Estimate[Any]) -> Any:
    for bound in (estimate.low, estimate.high):
        if bound is not None:
            return bound - bound
    return None


def _quotient(
    numerator: tuple[Any, int], denominator: tuple[Any, int], zero: Any
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
    bottom_sign = 1 if bottom > zero else -1
    if top is None:
        return _INFINITY * top_sign * bottom_sign
    quotient = _as_number(top) / _as_number(bottom)
    if not isinstance(quotient, Decimal):
        raise DimensionMismatchError(
            f"the ratio of {top} to {bottom} is not a plain number: compare "
            "estimates of one dimension (parameters with parameters)"
        )
    return quotient


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
