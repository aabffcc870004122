"""Estimates: interval arithmetic and three-valued ordering."""

from __future__ import annotations

import datetime as dt
import decimal
import operator
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aiecosys import (
    CurrencyMismatchError,
    DataError,
    DimensionMismatchError,
    Estimate,
    InvalidArithmeticError,
    Money,
    Ordering,
    Source,
    Status,
    parameters,
    tokens,
)


Allowed = tuple[Estimate[Decimal], Decimal]

decimals = st.decimals(min_value=-(10**12), max_value=10**12, places=3, allow_nan=False)
positive = st.decimals(min_value=Decimal("0.001"), max_value=10**12, places=3)
spreads = st.decimals(min_value=0, max_value=10**6, places=3)


@st.composite
def around(draw: st.DrawFn, values: st.SearchStrategy[Decimal] = decimals) -> Allowed:
    """An estimate and one value it allows."""
    point = draw(values)
    low = point - draw(spreads)
    high = point + draw(spreads)
    return Estimate.between(low, high), point


@st.composite
def positive_around(draw: st.DrawFn) -> Allowed:
    """A positive estimate and one value it allows."""
    point = draw(positive)
    low = max(point - draw(spreads), Decimal("0.001"))
    high = point + draw(spreads)
    return Estimate.between(min(low, point), high), point


class TestConstruction:
    def test_exact(self) -> None:
        """An exact estimate is disclosed and its bounds meet."""
        seed = Estimate.exact(Money(105_000_000, "EUR"))

        assert (Status.DISCLOSED, True) == (seed.status, seed.is_exact)
        assert seed.low == seed.high == seed.best

    def test_unknown(self) -> None:
        """An unknown estimate has no bounds and is undisclosed."""
        unknown = Estimate.unknown()

        assert (None, None, Status.UNDISCLOSED) == (
            unknown.low,
            unknown.high,
            unknown.status,
        )
        assert unknown.is_unknown

    def test_low_above_high_refused(self) -> None:
        """A low bound above the high bound is a DataError on the field 'low'."""
        with pytest.raises(DataError) as caught:
            Estimate.between(parameters("1.8T"), parameters("1T"))

        assert "low" == caught.value.problems[0].field

    def test_best_outside_bounds_refused(self) -> None:
        """A best value outside the bounds is refused."""
        with pytest.raises(DataError, match="outside"):
            Estimate.between(1, 3, best=4)

    def test_float_refused(self) -> None:
        """Floats are refused, as by Money."""
        with pytest.raises(TypeError, match="float"):
            Estimate.exact(0.5)

    def test_mixed_currencies_refused(self) -> None:
        """Bounds in two currencies cannot be ordered, so they are refused."""
        with pytest.raises(CurrencyMismatchError):
            Estimate.between(Money(1, "EUR"), Money(2, "USD"))

    def test_str(self) -> None:
        """Estimates read as sentences."""
        assert [
            "between 1 and 3, most likely 2 (estimated)",
            "at most 10 (reported)",
            "unknown (undisclosed)",
        ] == [
            str(Estimate.between(1, 3, best=2)),
            str(Estimate.at_most(10)),
            str(Estimate.unknown()),
        ]


class TestArithmetic:
    def test_sum_keeps_the_weakest_status_and_every_source(self) -> None:
        """A sum is as uncertain as its least certain term and cites all sources."""
        a = Estimate.exact(Money(105_000_000, "EUR"), sources=(Source("a", title="A"),))
        b = Estimate.between(
            Money(300_000_000, "EUR"),
            Money(330_000_000, "EUR"),
            status=Status.RUMOURED,
            sources=(Source("b", title="B"),),
        )

        total = a + b

        assert (
            Estimate(
                Money(405_000_000, "EUR"),
                Money(435_000_000, "EUR"),
                None,
                Status.RUMOURED,
                (Source("a", title="A"), Source("b", title="B")),
            )
            == total
        )

    def test_sum_with_unknown_is_unbounded(self) -> None:
        """Adding an unknown value loses the bounds it affects, never counts zero."""
        total = Estimate.exact(Money(1, "EUR")) + Estimate.unknown()

        assert total.is_unknown

    def test_sum_builtin(self) -> None:
        """sum() works, starting from 0."""
        assert Estimate.exact(6) == sum(
            [Estimate.exact(1), Estimate.exact(2), Estimate.exact(3)]
        )

    def test_subtraction(self) -> None:
        """The difference of ranges runs from low minus high to high minus low."""
        assert (Decimal(-1), Decimal(5)) == (
            (
                Estimate.between(Decimal(3), Decimal(6))
                - Estimate.between(Decimal(1), Decimal(4))
            ).low,
            (
                Estimate.between(Decimal(3), Decimal(6))
                - Estimate.between(Decimal(1), Decimal(4))
            ).high,
        )

    def test_negative_scaling_swaps_bounds(self) -> None:
        """Scaling by a negative factor swaps the bounds."""
        assert Estimate.between(-6, -2) == Estimate.between(1, 3) * -2

    def test_division_by_scalar(self) -> None:
        """Dividing by a number scales the bounds, exactly."""
        assert (
            Estimate.between(Decimal("0.5"), Decimal("1.5"))
            == Estimate.between(Decimal(1), Decimal(3)) / 2
        )

    def test_scaling_by_float_refused(self) -> None:
        """Only ints and Decimals scale an estimate."""
        with pytest.raises(TypeError):
            Estimate.exact(1) * 0.5  # type: ignore[operator]

    def test_yi_against_gpt4(self) -> None:
        """Yi-34B over GPT-4's estimated 1 to 1.8 trillion is certainly below half."""
        yi = Estimate.exact(parameters("34B"))
        gpt4 = Estimate.between(
            parameters("1T"), parameters("1.8T"), status=Status.ESTIMATED
        )

        ratio = yi / gpt4

        assert ratio.low is not None
        assert (Decimal("0.0189"), Decimal("0.034")) == (
            ratio.low.quantize(Decimal("0.0001")),
            ratio.high,
        )
        assert Ordering.LESS is ratio.ordering(Decimal("0.5"))

    def test_ratio_with_divisor_containing_zero_is_unknown(self) -> None:
        """If the divisor may be zero, nothing bounds the ratio."""
        assert (
            Estimate.exact(Decimal(1)) / Estimate.between(Decimal(-1), Decimal(1))
        ).is_unknown

    def test_ratio_with_open_bounds(self) -> None:
        """A divisor with no upper bound gives a ratio down to zero."""
        ratio = Estimate.exact(Decimal(10)) / Estimate.at_least(Decimal(5))

        assert (Decimal(0), Decimal(2)) == (ratio.low, ratio.high)

    def test_ratio_of_mixed_dimensions_refused(self) -> None:
        """Parameters over tokens is a dimension mismatch."""
        with pytest.raises(DimensionMismatchError):
            Estimate.exact(parameters("7B")) / Estimate.exact(tokens("2T"))

    @given(around(), around())
    def test_sum_contains_every_point_sum(
        self,
        left: Allowed,
        right: Allowed,
    ) -> None:
        """Every sum of allowed values lies within the estimates' sum."""
        (a, x), (b, y) = left, right

        assert (a + b).contains(x + y)
        assert (a - b).contains(x - y)

    @given(around(), st.integers(min_value=-1000, max_value=1000))
    def test_scaling_contains_every_point_product(
        self, estimate_and_point: Allowed, factor: int
    ) -> None:
        """Every scaled value lies within the scaled estimate."""
        estimate, point = estimate_and_point

        assert (estimate * factor).contains(point * factor)

    @given(around(), positive_around())
    def test_ratio_contains_every_point_ratio(
        self,
        left: Allowed,
        right: Allowed,
    ) -> None:
        """Every quotient of allowed values lies within the ratio of the estimates."""
        (a, x), (b, y) = left, right
        ratio = a / b

        assert ratio.low is None or Fraction(ratio.low) <= Fraction(x) / Fraction(y)
        assert ratio.high is None or Fraction(x) / Fraction(y) <= Fraction(ratio.high)

    @given(around(positive), around(positive))
    def test_money_sum_contains_every_point_sum(
        self,
        left: Allowed,
        right: Allowed,
    ) -> None:
        """Interval sums hold for Money too."""
        (a, x), (b, y) = left, right

        def euros(estimate: Estimate[Decimal]) -> Estimate[Money]:
            return estimate.map(lambda amount: Money(amount, "EUR"))

        assert (euros(a) + euros(b)).contains(Money(x + y, "EUR"))


class TestOrdering:
    @given(decimals, decimals)
    def test_exact_estimates_order_like_their_values(
        self, x: Decimal, y: Decimal
    ) -> None:
        """Exact estimates order exactly as their values do."""
        expected = (
            Ordering.LESS if x < y else Ordering.GREATER if x > y else Ordering.EQUAL
        )

        assert expected is Estimate.exact(x).ordering(Estimate.exact(y))

    @given(around(), around())
    def test_definite_orderings_hold_for_every_point(
        self,
        left: Allowed,
        right: Allowed,
    ) -> None:
        """When LESS or GREATER is returned, every pair of allowed values agrees."""
        (a, x), (b, y) = left, right
        ordering = a.ordering(b)

        if ordering is Ordering.LESS:
            assert x < y
        if ordering is Ordering.GREATER:
            assert x > y

    def test_overlapping_is_indeterminate(self) -> None:
        """Overlapping ranges are indeterminate."""
        assert Ordering.INDETERMINATE is Estimate.between(1, 3).ordering(
            Estimate.between(2, 4)
        )

    def test_no_less_than(self) -> None:
        """Estimates refuse `<`: orderings of ranges are three-valued."""
        with pytest.raises(TypeError):
            Estimate.exact(1) < Estimate.exact(2)

    def test_money_in_two_currencies_cannot_be_ordered(self) -> None:
        """Ordering Money in two currencies needs a conversion first."""
        with pytest.raises(CurrencyMismatchError):
            Estimate.exact(Money(1, "EUR")).ordering(Estimate.exact(Money(1, "USD")))


def test_status_weakest() -> None:
    """The weakest status is the least certain one; none gives DISCLOSED."""
    assert [Status.UNDISCLOSED, Status.DISCLOSED] == [
        Status.weakest(Status),
        Status.weakest([]),
    ]


EUR_AT_LEAST = Estimate.at_least(Money(1, "EUR"))
USD_AT_MOST = Estimate.at_most(Money(1, "USD"))


class TestRefusals:
    @pytest.mark.parametrize(
        "operation",
        [
            lambda: EUR_AT_LEAST + USD_AT_MOST,
            lambda: EUR_AT_LEAST - USD_AT_MOST,
            lambda: EUR_AT_LEAST.ordering(USD_AT_MOST),
            lambda: EUR_AT_LEAST.ordering(Money(5, "USD")),
            lambda: EUR_AT_LEAST / USD_AT_MOST,
        ],
        ids=["add", "subtract", "order", "order a value", "ratio"],
    )
    def test_two_currencies_are_refused_even_when_no_bounds_meet(
        self, operation: Callable[[], object]
    ) -> None:
        """Open ranges in EUR and USD raise instead of answering 'unknown'."""
        with pytest.raises(CurrencyMismatchError, match="EUR and one in USD"):
            operation()

    @pytest.mark.parametrize(
        "operation",
        [
            lambda: (
                Estimate.at_least(parameters("1B")) + Estimate.at_most(tokens("1T"))
            ),
            lambda: Estimate.at_least(parameters("1B")).ordering(
                Estimate.at_most(tokens("1T"))
            ),
            lambda: (
                Estimate.at_least(parameters("1B")) / Estimate.at_most(tokens("1T"))
            ),
            lambda: Estimate.exact(5).ordering(dt.date(2023, 1, 1)),  # type: ignore[arg-type]
        ],
        ids=["add", "order", "ratio", "number and date"],
    )
    def test_two_dimensions_are_refused(self, operation: Callable[[], object]) -> None:
        """Parameters with tokens, or a number with a date, is a dimension error."""
        with pytest.raises(DimensionMismatchError, match="measure different things"):
            operation()

    @pytest.mark.parametrize(
        "factor",
        [Decimal("NaN"), Decimal("sNaN"), Decimal("Infinity"), Decimal("-Infinity")],
        ids=str,
    )
    def test_a_factor_that_is_not_finite(self, factor: Decimal) -> None:
        """Scaling or dividing by NaN or an infinity is refused."""
        for operation in (operator.mul, operator.truediv):
            with pytest.raises(InvalidArithmeticError, match="must be a finite number"):
                operation(Estimate.between(1, 2), factor)

    def test_a_float_factor_points_to_decimal(self) -> None:
        """A float factor is refused with the exact way to write it."""
        with pytest.raises(TypeError, match=r"Decimal\('1\.5'\), built from a string"):
            Estimate.between(1, 2) * 1.5  # type: ignore[operator]

    def test_dividing_by_zero(self) -> None:
        """A zero divisor is an aiecosys error, also an ArithmeticError."""
        for zero in (0, Decimal(0), Decimal("-0.0")):
            with pytest.raises(InvalidArithmeticError, match="by zero"):
                Estimate.between(1, 2) / zero
        with pytest.raises(ArithmeticError):
            Estimate.between(1, 2) / 0

    def test_money_bounds_out_of_range(self) -> None:
        """A bound past Money's range is refused, never built."""
        with pytest.raises(InvalidArithmeticError, match="out of Money's range"):
            Estimate.between(Money(1, "EUR"), Money("1e29", "EUR")) * Decimal("1e10")

    def test_dates_do_not_scale_or_divide(self) -> None:
        """A date has no multiple and no ratio."""
        day = Estimate.exact(dt.date(2023, 6, 1))
        with pytest.raises(DimensionMismatchError, match="cannot multiply the date"):
            day * 2
        with pytest.raises(DimensionMismatchError, match="a ratio of dates"):
            day.ratio(day)

    def test_dates_past_the_calendar(self) -> None:
        """A sum past 9999-12-31 is refused with an aiecosys error."""
        late = Estimate.exact(dt.date(9999, 12, 1))
        with pytest.raises(InvalidArithmeticError, match="out of range"):
            late + Estimate.exact(dt.timedelta(days=60))

    def test_durations_scale_and_divide_exactly(self) -> None:
        """Durations scale by a Decimal and give a plain-number ratio."""
        days = Estimate.between(dt.timedelta(days=2), dt.timedelta(days=4))
        assert dt.timedelta(days=3) == (days * Decimal("1.5")).low
        assert dt.timedelta(days=1) == (days / 2).low
        ratio = days / Estimate.exact(dt.timedelta(days=4))
        assert (Decimal("0.5"), Decimal(1)) == (ratio.low, ratio.high)


class TestDecimalContext:
    def test_results_ignore_the_callers_decimal_context(self) -> None:
        """Sums, products, quotients and ratios are the same at prec=3."""

        def results() -> list[object]:
            a = Estimate.between(Decimal("1234.5678"), Decimal("98765.4321"))
            b = Estimate.between(Decimal("3.14159"), Decimal("2718.28"))
            money = Estimate.between(
                Money("105000000.5", "EUR"), Money(385_000_000, "EUR")
            )
            return [
                a + b,
                a - b,
                a * Decimal("1.0757"),
                a / 7,
                a / b,
                money / money,
                money * 3,
                Estimate.exact(parameters("34.56B"))
                / Estimate.exact(parameters("1.8T")),
            ]

        expected = results()
        with decimal.localcontext() as context:
            context.prec = 3
            context.rounding = decimal.ROUND_FLOOR
            assert expected == results()
        assert Decimal("101483.7121") == expected[0].high  # type: ignore[attr-defined]


def test_a_sum_too_long_to_write_out() -> None:
    """1e999999999 + 1 would need a billion digits: refused, not built in memory."""
    with pytest.raises(InvalidArithmeticError, match="1,000,000 aiecosys writes out"):
        Estimate.exact(Decimal("1e999999999")) + Estimate.exact(Decimal(1))
