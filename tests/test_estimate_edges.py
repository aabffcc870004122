"""Estimates: arithmetic with other types, division by zero, open bounds."""

from __future__ import annotations

import operator
from decimal import Decimal
from typing import Any

import attrs
import pytest

from aiecosys import DataError, Estimate, InvalidArithmeticError, Money, Problem
from aiecosys._estimate import check_estimate, check_optional_estimate


TEN = Estimate.exact(10)


@pytest.mark.parametrize("op", [operator.add, operator.sub])
def test_adding_or_subtracting_a_plain_number_is_refused(op: Any) -> None:
    """An estimate combines with estimates only, never with a bare number."""
    with pytest.raises(TypeError):
        op(TEN, 1)


def test_sum_starts_from_zero() -> None:
    """sum() of estimates works; adding another number to an estimate does not."""
    assert Estimate.exact(30) == sum([TEN, Estimate.exact(20)])
    with pytest.raises(TypeError):
        _ = 1 + TEN


def test_dividing_by_zero() -> None:
    """Dividing an estimate by zero raises InvalidArithmeticError."""
    with pytest.raises(
        InvalidArithmeticError, match="cannot divide an Estimate by zero"
    ):
        _ = TEN / 0


def test_an_open_range_over_an_open_range() -> None:
    """A ratio of two unbounded-above estimates is bounded below only."""
    ratio = Estimate(Decimal(10), None, None) / Estimate(Decimal(2), None, None)

    assert (Decimal(0), None) == (ratio.low, ratio.high)


@attrs.frozen
class _Holder:
    value: Any = attrs.field(validator=check_estimate)
    maybe: Any = attrs.field(default=None, validator=check_optional_estimate)


def test_the_estimate_validators() -> None:
    """The validators accept estimates (or None) and name the field otherwise."""
    assert TEN == _Holder(TEN, Estimate.exact(Money(1, "EUR"))).value
    assert _Holder(TEN).maybe is None
    with pytest.raises(DataError) as caught:
        _Holder(10)
    assert [Problem("must be an Estimate", field="value")] == list(
        caught.value.problems
    )
    with pytest.raises(DataError, match="must be an Estimate"):
        _Holder(TEN, 10)
