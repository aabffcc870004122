"""Three-valued ordering of bounds."""

from __future__ import annotations

from decimal import Decimal

import pytest

from aiecosys import Ordering, order_bounds


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
