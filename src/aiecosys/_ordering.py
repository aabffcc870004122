"""Three-valued ordering of values that may only be known within bounds."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, NoReturn

from aiecosys._choices import Choice
from aiecosys._errors import DimensionMismatchError, InvalidArithmeticError


__all__ = ["Ordering", "order_bounds"]


class Ordering(Choice):
    """How two values that may be ranges compare: less, greater, equal or indeterminate.

    A range is only ``LESS`` than another when every value it allows is below
    every value the other allows; two overlapping ranges are ``INDETERMINATE``,
    never guessed. ``EQUAL`` needs two exact, equal values.

    An ordering has no truth value, so that ``if a.ordering(b):`` cannot be
    written by mistake: test it with ``is``.

    Examples:
        >>> from aiecosys import Ordering
        >>> Ordering.LESS.reversed()
        <Ordering.GREATER: 'greater'>
        >>> bool(Ordering.INDETERMINATE)
        Traceback (most recent call last):
        ...
        TypeError: an Ordering has no truth value; compare it with `is`, ...
    """

    LESS = "less"
    """Every value the first allows is below every value the second allows."""
    GREATER = "greater"
    """Every value the first allows is above every value the second allows."""
    EQUAL = "equal"
    """Both are exact and equal."""
    INDETERMINATE = "indeterminate"
    """The values the two allow overlap, so their order is not known."""

    def __bool__(self) -> NoReturn:
        raise TypeError(
            "an Ordering has no truth value; compare it with `is`, for example "
            "`ordering is Ordering.LESS`"
        )

    def reversed(self) -> Ordering:
        """Return the ordering seen from the other side (LESS becomes GREATER).

        Examples:
            >>> from aiecosys import Ordering
            >>> Ordering.EQUAL.reversed()
            <Ordering.EQUAL: 'equal'>
        """
        if self is Ordering.LESS:
            return Ordering.GREATER
        if self is Ordering.GREATER:
            return Ordering.LESS
        return self


def order_bounds(low: Any, high: Any, other_low: Any, other_high: Any) -> Ordering:
    """Order the closed range [low, high] against [other_low, other_high].

    ``None`` stands for a missing bound (unbounded on that side). The bounds
    may be any values that order among themselves: numbers, dates, `Money` in
    one currency, quantities of one dimension.

    Args:
        low: The first range's lower bound, or None.
        high: The first range's upper bound, or None.
        other_low: The second range's lower bound, or None.
        other_high: The second range's upper bound, or None.

    Returns:
        LESS or GREATER when the ranges are disjoint, EQUAL when both are the
        same single value, INDETERMINATE otherwise.

    Raises:
        InvalidArithmeticError: A bound is a float, a NaN or an infinity.
        DimensionMismatchError: The bounds are of kinds that do not order
            among themselves (a number and a date).
        CurrencyMismatchError: Money in two currencies.

    Examples:
        >>> from aiecosys import order_bounds
        >>> order_bounds(1, 2, 3, 4)
        <Ordering.LESS: 'less'>
        >>> order_bounds(1, 3, 2, 4)
        <Ordering.INDETERMINATE: 'indeterminate'>
        >>> order_bounds(5, 5, 5, 5)
        <Ordering.EQUAL: 'equal'>
        >>> order_bounds(None, 2, 3, None)
        <Ordering.LESS: 'less'>
    """
    for bound in (low, high, other_low, other_high):
        if isinstance(bound, float) or (
            isinstance(bound, Decimal) and not bound.is_finite()
        ):
            raise InvalidArithmeticError(
                f"cannot order the bound {bound!r}: bounds are exact, finite "
                "values (a Decimal such as Decimal('1.5'), an int, a date); "
                "write None for a missing bound"
            )
    try:
        if high is not None and other_low is not None and high < other_low:
            return Ordering.LESS
        if low is not None and other_high is not None and low > other_high:
            return Ordering.GREATER
        if (
            low is not None
            and other_low is not None
            and low == high
            and other_low == other_high
            and low == other_low
        ):
            return Ordering.EQUAL
    except TypeError as error:
        if isinstance(error, DimensionMismatchError):
            raise
        raise DimensionMismatchError(
            f"cannot order [{low}, {high}] against [{other_low}, {other_high}]: "
            f"their values are of different kinds ({error}); order values of one "
            "kind (money in one currency, quantities of one dimension, dates)"
        ) from None
    return Ordering.INDETERMINATE
