"""Three-valued ordering of bounds."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from aiecosys import (
    CurrencyMismatchError,
    DimensionMismatchError,
    InvalidArithmeticError,
    Money,
    Ordering,
    order_bounds,
)


class TestOrderBounds:
    def test_disjoint_ranges_are_ordered(self) -> None:
        """A range entirely below another is LESS, and the other way GREATER."""
        assert Ordering.LESS is order_bounds(1, 2, 3, 4)
        assert Ordering.GREATER is order_bounds(3, 4, 1, 2)

    def test_overlapping_ranges_are_indeterminate(self) -> None:
        """Ranges that share a value are never guessed to be ordered."""
        assert Ordering.INDETERMINATE is order_bounds(1, 3, 3, 4)
        assert Ordering.INDETERMINATE is order_bounds(1, 4, 2, 3)

    def test_equal_needs_two_equal_exact_values(self) -> None:
        """EQUAL only for two degenerate, equal ranges; equal ranges are not enough."""
        assert Ordering.EQUAL is order_bounds(Decimal(5), Decimal(5), 5, 5)
        assert Ordering.INDETERMINATE is order_bounds(1, 2, 1, 2)

    def test_missing_bounds_are_unbounded(self) -> None:
        """None stands for no bound, so an open side never proves an order."""
        assert Ordering.LESS is order_bounds(None, 2, 3, None)
        assert Ordering.INDETERMINATE is order_bounds(1, None, 3, 4)
        assert Ordering.INDETERMINATE is order_bounds(None, None, None, None)


class TestOrdering:
    def test_has_no_truth_value(self) -> None:
        """`if ordering:` is a mistake the type refuses."""
        with pytest.raises(TypeError, match="no truth value"):
            bool(Ordering.LESS)

    def test_reversed(self) -> None:
        """Seen from the other side, LESS and GREATER swap; the rest stay."""
        assert [
            Ordering.GREATER,
            Ordering.LESS,
            Ordering.EQUAL,
            Ordering.INDETERMINATE,
        ] == [ordering.reversed() for ordering in Ordering]


class TestRefusals:
    @pytest.mark.parametrize(
        "bound",
        [0.5, Decimal("NaN"), Decimal("sNaN"), Decimal("Infinity")],
        ids=repr,
    )
    def test_bounds_that_are_not_exact_and_finite(self, bound: object) -> None:
        """A float, a NaN or an infinity is refused, never ordered."""
        with pytest.raises(InvalidArithmeticError, match="write None for a missing"):
            order_bounds(bound, bound, 1, 2)

    def test_bounds_of_different_kinds(self) -> None:
        """A number against a date is a dimension error, not a raw TypeError."""
        with pytest.raises(DimensionMismatchError, match="of different kinds"):
            order_bounds(1, 2, dt.date(2023, 1, 1), dt.date(2023, 2, 1))

    def test_money_in_two_currencies(self) -> None:
        """Money in two currencies keeps its own error."""
        with pytest.raises(CurrencyMismatchError):
            order_bounds(Money(1, "EUR"), Money(2, "EUR"), Money(1, "USD"), None)
