"""Estimates: interval arithmetic and three-valued ordering."""

from __future__ import annotations

import datetime as dt
import decimal
import operator
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import aiecosys
from aiecosys import (
    CurrencyMismatchError,
    DataError,
    DimensionMismatchError,
    Estimate,
    InvalidArithmeticError,
    Money,
    Ordering,
    ParseError,
    Problem,
    Source,
    Status,
    parameters,
    tokens,
)
from aiecosys._estimate import check_estimate, check_optional_estimate


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


S1, S2, S3 = (Source(key=f"s{n}", title=f"Source {n}") for n in (1, 2, 3))


def bounds(estimate: Estimate[Any]) -> tuple[object, object, object]:
    return estimate.low, estimate.high, estimate.best


def problem(error: DataError) -> tuple[str, str | None]:
    (only,) = error.problems
    return only.message, only.field


class TestStatus:
    def test_weakest(self) -> None:
        """The weakest of no status is disclosed; otherwise the least certain one."""
        assert Status.DISCLOSED is Status.weakest([])
        assert Status.UNDISCLOSED is Status.weakest(list(Status))
        assert Status.RUMOURED is Status.weakest([Status.RUMOURED, Status.REPORTED])
        assert Status.REPORTED is Status.weakest([Status.DISCLOSED, Status.REPORTED])

    def test_labels_are_translated_values_are_not(self) -> None:
        """A status reads in the reader's language; its value stays for programs."""
        with aiecosys.language("fr"):
            labels = [status.label for status in Status]
        assert labels == [
            "divulgué",
            "rapporté",
            "estimé",
            "selon des rumeurs",
            "non divulgué",
        ]
        assert [status.label for status in Status] == [
            status.value for status in Status
        ]


class TestValidation:
    @pytest.mark.parametrize(
        ("fields", "message"),
        [
            ({"low": 1.5}, "the float 1.5 as its low"),
            ({"high": True}, "the bool True as its high"),
            ({"best": 2.0}, "the float 2.0 as its best"),
        ],
    )
    def test_floats_and_bools_are_refused(
        self, fields: dict[str, object], message: str
    ) -> None:
        """A float or bool bound or best value is refused, naming what to pass."""
        with pytest.raises(TypeError) as caught:
            Estimate(**fields)  # type: ignore[arg-type]
        assert (
            f"an Estimate refuses {message}: pass a Decimal, an int, Money or a "
            "Quantity (binary floats cannot hold most decimal values exactly)"
        ) == str(caught.value)

    @pytest.mark.parametrize("field", ["low", "high", "best"])
    def test_non_finite_decimals_are_refused(self, field: str) -> None:
        """An infinite bound or best value is refused, naming the field."""
        with pytest.raises(ParseError) as caught:
            Estimate(**{field: Decimal("Infinity")})  # type: ignore[arg-type]
        assert (
            f"an Estimate's {field} must be a finite number, not Decimal('Infinity')"
            == str(caught.value)
        )

    def test_low_above_high(self) -> None:
        """A low bound above the high one is refused; equal or open bounds are kept."""
        with pytest.raises(DataError) as caught:
            Estimate.between(3, 1)
        assert ("the low bound 3 is above the high bound 1", "low") == problem(
            caught.value
        )
        assert (2, 2, None) == bounds(Estimate.between(2, 2))
        assert (None, 1, None) == bounds(Estimate(None, 1))
        assert (1, None, None) == bounds(Estimate(1, None))

    @pytest.mark.parametrize(
        ("low", "high", "best", "text"),
        [
            (1, 3, 0, "the best value 0 lies outside 1 to 3"),
            (1, 3, 4, "the best value 4 lies outside 1 to 3"),
            (1, None, 0, "the best value 0 lies outside 1 to None"),
            (None, 3, 4, "the best value 4 lies outside None to 3"),
        ],
    )
    def test_best_outside_the_bounds(
        self, low: int | None, high: int | None, best: int, text: str
    ) -> None:
        """A best value outside the bounds is refused, naming both bounds."""
        with pytest.raises(DataError) as caught:
            Estimate(low, high, best)
        assert (text, "best") == problem(caught.value)

    @pytest.mark.parametrize("best", [1, 2, 3])
    def test_best_on_or_inside_the_bounds(self, best: int) -> None:
        """A best value on or between the bounds is kept."""
        assert best == Estimate.between(1, 3, best).best
        assert best == Estimate(1, None, best).best
        assert best == Estimate(None, 3, best).best

    def test_status_and_note_types(self) -> None:
        """A status given as text or a note that is not text is refused."""
        with pytest.raises(TypeError):
            Estimate(1, 2, status="estimated")  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            Estimate(1, 2, note=5)  # type: ignore[arg-type]

    def test_attrs_validators(self) -> None:
        """The attrs validators accept estimates and name the field of anything else."""

        @attrs.frozen
        class Holder:
            value: object = attrs.field(validator=check_estimate)
            maybe: object = attrs.field(default=None, validator=check_optional_estimate)

        Holder(Estimate.exact(1))
        Holder(Estimate.exact(1), Estimate.unknown())
        with pytest.raises(DataError) as caught:
            Holder(5)
        assert ("must be an Estimate", "value") == problem(caught.value)
        with pytest.raises(DataError) as caught:
            Holder(Estimate.exact(1), 5)
        assert ("must be an Estimate", "maybe") == problem(caught.value)


class TestConstructors:
    def test_defaults(self) -> None:
        """Each constructor's default status fits how much it knows."""
        assert (
            Status.DISCLOSED,
            Status.ESTIMATED,
            Status.REPORTED,
            Status.REPORTED,
            Status.UNDISCLOSED,
            Status.ESTIMATED,
        ) == (
            Estimate.exact(1).status,
            Estimate.between(1, 2).status,
            Estimate.at_least(1).status,
            Estimate.at_most(1).status,
            Estimate.unknown().status,
            Estimate().status,
        )

    def test_every_field_is_passed_on(self) -> None:
        """Each constructor keeps the status, sources and note, and its bounds."""
        kw: dict[str, Any] = {
            "status": Status.RUMOURED,
            "sources": (S1,),
            "note": "n",
        }
        made = [
            Estimate.exact(5, **kw),
            Estimate.between(1, 9, 5, **kw),
            Estimate.at_least(1, **kw),
            Estimate.at_most(9, **kw),
            Estimate.unknown(**kw),
        ]
        for estimate in made:
            assert (Status.RUMOURED, (S1,), "n") == (
                estimate.status,
                estimate.sources,
                estimate.note,
            )
        assert [(5, 5, 5), (1, 9, 5), (1, None, None), (None, 9, None)] == [
            bounds(estimate) for estimate in made[:4]
        ]
        assert (None, None, None) == bounds(made[4])

    def test_predicates(self) -> None:
        """is_exact and is_unknown hold for exact and unknown estimates only."""
        assert Estimate.exact(0).is_exact
        assert not Estimate.between(1, 2).is_exact
        assert not Estimate.unknown().is_exact
        assert not Estimate.at_most(1).is_exact
        assert Estimate.unknown().is_unknown
        assert not Estimate.at_least(1).is_unknown
        assert not Estimate.at_most(1).is_unknown

    @pytest.mark.parametrize(
        ("estimate", "inside", "outside"),
        [
            (Estimate.between(1, 3), [1, 2, 3], [0, 4]),
            (Estimate.at_least(1), [1, 10**9], [0]),
            (Estimate.at_most(3), [-(10**9), 3], [4]),
            (Estimate.unknown(), [-5, 0, 5], []),
        ],
    )
    def test_contains(
        self, estimate: Estimate[int], inside: list[int], outside: list[int]
    ) -> None:
        """contains() holds for values on or inside the bounds, open ends unbounded."""
        assert all(estimate.contains(value) for value in inside)
        assert not any(estimate.contains(value) for value in outside)


class TestSumsAndScaling:
    def test_sum_merges_sources_in_order_and_drops_the_note(self) -> None:
        """A sum adds bounds, merges sources in order, keeps the weakest status."""
        left = Estimate.between(1, 2, sources=(S1, S2), note="left")
        right = Estimate.exact(3, status=Status.RUMOURED, sources=(S2, S3))
        total = left + right
        assert (4, 5, None) == bounds(total)
        assert ((S1, S2, S3), Status.RUMOURED, None) == (
            total.sources,
            total.status,
            total.note,
        )

    def test_sum_with_best_values(self) -> None:
        """A sum adds best values when both have one; an open bound stays open."""
        total = Estimate.between(1, 2, 2) + Estimate.between(3, 4, 3)
        assert (4, 6, 5) == bounds(total)
        assert (4, None, None) == bounds(Estimate.at_least(1) + Estimate.exact(3))

    def test_sum_of_a_list_starts_from_zero(self) -> None:
        """sum() starts from 0; a plain number is not added to an estimate."""
        parts = [Estimate.exact(1), Estimate.exact(2)]
        assert (3, 3, 3) == bounds(sum(parts))  # type: ignore[arg-type]
        one = Estimate.exact(1)
        assert one is one.__radd__(0)
        assert NotImplemented is one.__radd__(1)
        assert NotImplemented is one.__radd__(False)
        assert NotImplemented is one.__add__(1)  # type: ignore[operator]
        assert NotImplemented is one.__sub__(1)  # type: ignore[operator]

    def test_difference_pairs_opposite_bounds(self) -> None:
        """A difference subtracts the high bound from the low and is estimated."""
        result = Estimate.between(5, 10, 8, sources=(S1,)) - Estimate.between(
            1, 2, 1, status=Status.REPORTED, sources=(S2,)
        )
        assert (3, 9, 7) == bounds(result)
        assert ((S1, S2), Status.ESTIMATED) == (result.sources, result.status)
        assert (None, 9, None) == bounds(Estimate.at_most(10) - Estimate.at_least(1))

    def test_scaling(self) -> None:
        """Scaling by a negative factor swaps the bounds and drops the note."""
        base = Estimate.between(
            1, 3, 2, status=Status.REPORTED, sources=(S1,), note="x"
        )
        assert (-6, -2, -4) == bounds(base * -2)
        assert (0, 0, 0) == bounds(base * 0)
        assert (2, 6, 4) == bounds(2 * base)
        scaled = base * 2
        assert (Status.REPORTED, (S1,), None) == (
            scaled.status,
            scaled.sources,
            scaled.note,
        )
        assert (None, -2, None) == bounds(Estimate.at_least(1) * -2)

    def test_scaling_refuses_other_types(self) -> None:
        """Scaling or dividing by a float, bool or str is refused, naming its type."""
        for factor in (1.5, True, "2"):
            with pytest.raises(TypeError) as caught:
                Estimate.exact(1) * factor  # type: ignore[operator]
            assert str(caught.value).startswith(
                "an Estimate can only be scaled by an int or a Decimal, not "
                f"{type(factor).__name__}"
            )
            with pytest.raises(TypeError, match="can only be scaled by"):
                Estimate.exact(1) / factor  # type: ignore[operator]

    def test_division_by_a_number(self) -> None:
        """Division by a number is exact to 50 digits; by zero it is refused."""
        low: object = (Estimate.exact(1) / 3).low
        assert Decimal("0." + "3" * 50) == low
        assert isinstance(low, Decimal)
        assert (Decimal(-2), Decimal(-1), None) == bounds(Estimate.between(2, 4) / -2)
        with pytest.raises(InvalidArithmeticError) as caught:
            Estimate.exact(1) / 0
        assert "cannot divide an Estimate by zero; check the divisor first" == str(
            caught.value
        )

    def test_map_keeps_everything_but_the_values(self) -> None:
        """map() changes the values and keeps the status, sources and note."""
        base = Estimate(1, None, 1, Status.RUMOURED, (S1,), "kept")
        mapped = base.map(lambda n: n * 10)
        assert (10, None, 10) == bounds(mapped)
        assert (Status.RUMOURED, (S1,), "kept") == (
            mapped.status,
            mapped.sources,
            mapped.note,
        )


class TestRatio:
    @pytest.mark.parametrize(
        ("numerator", "denominator", "expected"),
        [
            (Estimate.between(2, 4), Estimate.between(1, 2), (1, 4, None)),
            (
                Estimate.between(2, 4, 3),
                Estimate.between(1, 2, 2),
                (1, 4, Decimal("1.5")),
            ),
            (Estimate.between(2, 4), Estimate.at_least(1), (0, 4, None)),
            (Estimate.at_least(2), Estimate.between(1, 2), (1, None, None)),
            (Estimate.between(2, 4), Estimate.between(-2, -1), (-4, -1, None)),
            (Estimate.at_most(4), Estimate.between(-2, -1), (-4, None, None)),
            (Estimate.at_most(4), Estimate.between(1, 2), (None, 4, None)),
            (Estimate.between(-4, -2), Estimate.at_most(-1), (0, 4, None)),
            (Estimate.unknown(), Estimate.exact(2), (None, None, None)),
            (Estimate.exact(6), Estimate.exact(3), (2, 2, 2)),
        ],
    )
    def test_bounds(
        self,
        numerator: Estimate[int],
        denominator: Estimate[int],
        expected: tuple[object, object, object],
    ) -> None:
        """A ratio's bounds come from the right pair of bounds, whatever the signs."""
        assert expected == bounds(numerator / denominator)

    @pytest.mark.parametrize(
        "denominator",
        [
            Estimate.between(-1, 1),
            Estimate.between(0, 1),
            Estimate.between(-1, 0),
            Estimate.at_least(0),
            Estimate.at_most(0),
            Estimate.at_least(-1),
            Estimate.at_most(5),
            Estimate.unknown(),
        ],
    )
    def test_divisor_that_may_be_zero_gives_unknown(
        self, denominator: Estimate[int]
    ) -> None:
        """A divisor that may be zero or is unbounded gives an unknown ratio."""
        result = Estimate.exact(1, sources=(S1,)).ratio(denominator)
        assert result.is_unknown
        assert result.best is None
        assert (S1,) == result.sources
        assert Status.weakest([Status.DISCLOSED, denominator.status]) is result.status

    def test_ratio_keeps_the_weakest_status_and_every_source(self) -> None:
        """A ratio keeps the weakest status and the sources of both sides."""
        result = Estimate.exact(4, sources=(S1,)) / Estimate.exact(
            2, status=Status.RUMOURED, sources=(S2,)
        )
        assert (Status.RUMOURED, (S1, S2)) == (result.status, result.sources)

    def test_ratio_of_two_dimensions(self) -> None:
        """A ratio of quantities of different dimensions is refused, naming them."""
        with pytest.raises(DimensionMismatchError) as caught:
            Estimate.exact(parameters("34B")) / Estimate.exact(tokens("3T"))
        assert (
            "cannot divide an estimate of a quantity of [parameter] and one of a "
            "quantity of [token]: they measure different things"
        ) == str(caught.value)

    def test_ratio_of_one_dimension_is_a_number(self) -> None:
        """A ratio of quantities of one dimension is a plain Decimal."""
        result = Estimate.exact(parameters("34B")) / Estimate.between(
            parameters("1T"), parameters("1.7T")
        )
        assert Decimal("0.02") == result.low
        assert Decimal("0.034") == result.high
        assert isinstance(result.low, Decimal)


class TestText:
    @pytest.mark.parametrize(
        ("estimate", "text"),
        [
            (Estimate.exact(5), "5 (disclosed)"),
            (Estimate.exact(0), "0 (disclosed)"),
            (Estimate.between(1, 3), "between 1 and 3 (estimated)"),
            (Estimate.between(1, 3, 2), "between 1 and 3, most likely 2 (estimated)"),
            (Estimate.at_least(100), "at least 100 (reported)"),
            (Estimate.at_most(10), "at most 10 (reported)"),
            (Estimate(None, 10, 10), "at most 10 (estimated)"),
            (Estimate.unknown(), "unknown (undisclosed)"),
        ],
    )
    def test_str(self, estimate: Estimate[int], text: str) -> None:
        """An estimate is written with its bounds, best value and status."""
        assert text == str(estimate)


class TestAgainstAPlainValue:
    def test_ordering(self) -> None:
        """An estimate is ordered against a plain value; indeterminate across it."""
        assert Ordering.GREATER is Estimate.between(5, 6).ordering(3)
        assert Ordering.LESS is Estimate.between(1, 2).ordering(3)
        assert Ordering.EQUAL is Estimate.exact(5).ordering(5)
        assert Ordering.INDETERMINATE is Estimate.between(1, 5).ordering(3)

    def test_division_by_a_fraction_keeps_the_order(self) -> None:
        """Dividing by a positive fraction keeps the bounds in order."""
        assert (Decimal(2), Decimal(6), Decimal(4)) == bounds(
            Estimate.between(1, 3, 2) / Decimal("0.5")
        )


class TestExactRefusalsOfBounds:
    """The exact messages and limits of arithmetic on an estimate's bounds."""

    HUGE = Decimal("9E+999999999999999999")
    OUT = "the result is out of range (past the exponents a Decimal holds)"
    DIGITS = (
        "the exact result would need 1,000,001 digits, more than the 1,000,000 "
        "aiecosys writes out; check the exponents of the two numbers"
    )

    def test_sums_needing_too_many_digits(self) -> None:
        """A sum needing more than a million digits is refused, naming both numbers."""
        with pytest.raises(InvalidArithmeticError) as caught:
            Estimate.exact(Decimal("1E+1000000")) + Estimate.exact(1)
        assert f"cannot add 1 to Decimal('1E+1000000'): {self.DIGITS}" == str(
            caught.value
        )
        with pytest.raises(InvalidArithmeticError) as caught:
            Estimate.exact(Decimal("1E+1000000")) - Estimate.exact(Decimal(1))
        assert (
            f"cannot subtract Decimal('1') from Decimal('1E+1000000'): {self.DIGITS}"
        ) == str(caught.value)

    def test_sums_within_the_digit_limit(self) -> None:
        """A sum needing a million digits, or adding zero, is computed exactly."""
        total = Estimate.exact(Decimal("1E+999999")) + Estimate.exact(1)
        assert "1" + "0" * 999998 + "1" == str(total.low)
        assert (
            Decimal("1E+2000000")
            == (Estimate.exact(0) + Estimate.exact(Decimal("1E+2000000"))).low
        )

    def test_sums_past_the_decimal_exponents(self) -> None:
        """A sum past any Decimal exponent is refused, naming both bounds."""
        with pytest.raises(InvalidArithmeticError) as caught:
            Estimate.exact(self.HUGE) + Estimate.exact(self.HUGE)
        assert (
            "cannot add 9E+999999999999999999 to 9E+999999999999999999: "
            f"{self.OUT}; check the estimates' bounds"
        ) == str(caught.value)
        with pytest.raises(InvalidArithmeticError) as caught:
            Estimate.exact(Decimal("-9E+999999999999999999")) - Estimate.exact(
                self.HUGE
            )
        assert (
            "cannot subtract 9E+999999999999999999 from -9E+999999999999999999: "
            f"{self.OUT}; check the estimates' bounds"
        ) == str(caught.value)

    def test_scaling_past_the_decimal_exponents(self) -> None:
        """Scaling or dividing past any Decimal exponent names the operands."""
        with pytest.raises(InvalidArithmeticError) as caught:
            Estimate.exact(self.HUGE) * 10
        assert (
            "cannot multiply Decimal('9E+999999999999999999') by 10: "
            f"{self.OUT}; check the estimates' bounds"
        ) == str(caught.value)
        with pytest.raises(InvalidArithmeticError) as caught:
            Estimate.exact(self.HUGE) / Decimal("0.1")
        assert (
            "cannot divide Decimal('9E+999999999999999999') by Decimal('0.1'): "
            f"{self.OUT}; check the estimates' bounds"
        ) == str(caught.value)
        with pytest.raises(InvalidArithmeticError) as caught:
            Estimate.exact(self.HUGE).ratio(Estimate.exact(Decimal("0.1")))
        assert (
            f"cannot divide 9E+999999999999999999 by 0.1: {self.OUT}; check the "
            "estimates' bounds"
        ) == str(caught.value)

    def test_durations_scaled_out_of_range(self) -> None:
        """A duration scaled past the longest timedelta is refused with why."""
        with pytest.raises(InvalidArithmeticError) as caught:
            Estimate.exact(dt.timedelta(days=999999999)) * 2
        assert (
            "cannot multiply 999999999 days, 0:00:00 by 2: the result is out of "
            "range (days=1999999998; must have magnitude <= 999999999); check the "
            "estimates' bounds"
        ) == str(caught.value)
        with pytest.raises(InvalidArithmeticError) as caught:
            Estimate.exact(dt.timedelta(days=999999999)) / Decimal("0.5")
        assert (
            "cannot divide 999999999 days, 0:00:00 by 0.5: the result is out of "
            "range (days=1999999998; must have magnitude <= 999999999); check the "
            "estimates' bounds"
        ) == str(caught.value)

    def test_durations_scale_to_the_exact_microsecond(self) -> None:
        """Scaling a duration counts microseconds exactly, rounding half-even."""
        long = dt.timedelta(microseconds=2**60 + 1)
        assert long == (Estimate.exact(long) * 1).low
        assert long == (Estimate.exact(long) / 1).low
        with decimal.localcontext() as context:
            context.rounding = decimal.ROUND_CEILING
            context.prec = 3
            assert (
                dt.timedelta(0)
                == (Estimate.exact(dt.timedelta(microseconds=1)) / 2).low
            )
            assert (
                dt.timedelta(microseconds=2)
                == (Estimate.exact(dt.timedelta(microseconds=5)) * Decimal("0.5")).low
            )

    def test_dates_do_not_scale(self) -> None:
        """Scaling a date is refused, saying what scales."""
        with pytest.raises(DimensionMismatchError) as caught:
            Estimate.exact(dt.date(2024, 1, 1)) * 2
        assert (
            "cannot multiply the date 2024-01-01: only amounts, quantities, numbers "
            "and durations scale"
        ) == str(caught.value)

    def test_money_divides_exactly(self) -> None:
        """An estimate of money divided by a number divides each bound."""
        assert Money("2.5", "USD") == (Estimate.exact(Money("10", "USD")) / 4).low

    def test_factors_of_another_type(self) -> None:
        """A float or text factor is refused, the float with how to write it."""
        with pytest.raises(TypeError) as caught:
            Estimate.exact(1) * 1.5  # type: ignore[operator]
        assert (
            "an Estimate can only be scaled by an int or a Decimal, not float "
            "(binary floats cannot hold most decimal values: pass a Decimal such as "
            "Decimal('1.5'), built from a string)"
        ) == str(caught.value)
        with pytest.raises(TypeError) as caught:
            Estimate.exact(1) * "2"  # type: ignore[operator]
        assert "an Estimate can only be scaled by an int or a Decimal, not str" == str(
            caught.value
        )
        with pytest.raises(InvalidArithmeticError) as refused:
            Estimate.exact(1) * Decimal("NaN")
        assert (
            "cannot scale an Estimate by Decimal('NaN'): the factor must be a "
            "finite number, such as Decimal('1.5')"
        ) == str(refused.value)

    def test_money_in_two_currencies(self) -> None:
        """Adding, subtracting or ordering two currencies says which action."""
        euros, dollars = (
            Estimate.exact(Money(1, "EUR")),
            Estimate.exact(Money(1, "USD")),
        )
        tail = (
            "an estimate in EUR and one in USD without a conversion: convert one at "
            "a stated date first, for example estimate.map(lambda m: m.to('EUR', "
            "on=date(2023, 12, 11)))"
        )
        with pytest.raises(CurrencyMismatchError) as caught:
            euros + dollars
        assert f"cannot add {tail}" == str(caught.value)
        with pytest.raises(CurrencyMismatchError) as caught:
            euros - dollars
        assert f"cannot subtract {tail}" == str(caught.value)
        with pytest.raises(CurrencyMismatchError) as caught:
            euros.ordering(dollars)
        assert f"cannot order {tail}" == str(caught.value)

    def test_a_ratio_of_dates(self) -> None:
        """A ratio of two dates is refused, saying what to do instead."""
        with pytest.raises(DimensionMismatchError) as caught:
            Estimate.exact(dt.date(2024, 1, 1)).ratio(
                Estimate.exact(dt.date(2024, 1, 2))
            )
        assert (
            "a ratio of dates means nothing: compare dates with compare(), or "
            "divide the durations between them"
        ) == str(caught.value)

    def test_durations_added_out_of_range(self) -> None:
        """A sum or difference of durations past the longest is refused, with why."""
        longest = dt.timedelta(days=999999999)
        with pytest.raises(InvalidArithmeticError) as caught:
            Estimate.exact(longest) + Estimate.exact(longest)
        assert (
            "cannot add 999999999 days, 0:00:00 to 999999999 days, 0:00:00: the "
            "result is out of range (days=1999999998; must have magnitude <= "
            "999999999); check the estimates' bounds"
        ) == str(caught.value)
        with pytest.raises(InvalidArithmeticError) as caught:
            Estimate.exact(-longest) - Estimate.exact(longest)
        assert (
            "cannot subtract 999999999 days, 0:00:00 from -999999999 days, 0:00:00: "
            "the result is out of range (days=-1999999998; must have magnitude <= "
            "999999999); check the estimates' bounds"
        ) == str(caught.value)

    def test_bounds_of_ints_stay_ints_and_mixed_ones_are_exact(self) -> None:
        """Int bounds give int bounds; an int with a Decimal is exact in any context."""
        one: Estimate[Decimal | int] = Estimate.exact(1)
        fine: Estimate[Decimal | int] = Estimate.exact(Decimal("1.2345"))
        with decimal.localcontext() as context:
            context.prec = 3
            assert [3, -1, 21] == [
                (Estimate.exact(1) + Estimate.exact(2)).low,
                (Estimate.exact(1) - Estimate.exact(2)).low,
                (Estimate.exact(7) * 3).low,
            ]
            assert [int, int, int] == [
                type((Estimate.exact(1) + Estimate.exact(2)).low),
                type((Estimate.exact(1) - Estimate.exact(2)).low),
                type((Estimate.exact(7) * 3).low),
            ]
            assert [
                Decimal("2.2345"),
                Decimal("2.2345"),
                Decimal("0.2345"),
                Decimal("0.9999"),
                Decimal("3.7035"),
                Decimal("3.7035"),
            ] == [
                (fine + one).low,
                (one + fine).low,
                (fine - one).low,
                (one - Estimate.exact(Decimal("0.0001"))).low,
                (Estimate.exact(Decimal("1.2345")) * 3).low,
                (Estimate.exact(3) * Decimal("1.2345")).low,
            ]
