"""compare(): three-valued orderings, ratios, conversions and explicit tolerances."""

from __future__ import annotations

import datetime as dt
import decimal
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
    ParseError,
    PartialDate,
    Period,
    Status,
    Tolerance,
    about,
    about_half,
    comparable,
    compare,
    more_than,
    parameters,
    tokens,
    twice,
)
from aiecosys._compare import describe
from aiecosys.fx import FixedRates


GPT4 = Estimate.between(parameters("1T"), parameters("1.8T"), status=Status.REPORTED)
YI = Estimate.exact(parameters("34B"))
TEN_PERCENT = Tolerance.relative("0.1")


class TestAcceptance:
    def test_yi_against_gpt4_is_certainly_less_than_half(self) -> None:
        """34B against 1T-1.8T: the ratio is about 0.019 to 0.034, so "half" fails."""
        result = about_half(YI, GPT4, tolerance=TEN_PERCENT)
        ratio = result.ratio

        assert ratio is not None
        assert ratio.low is not None
        assert Ordering.LESS is result.ordering
        assert False is result.holds
        assert Decimal("0.0189") == ratio.low.quantize(Decimal("0.0001"))
        assert Decimal("0.034") == ratio.high
        assert Status.REPORTED is ratio.status

    def test_the_explanation_says_which_way_the_tolerance_went(self) -> None:
        """The sentence names the tolerance and the values it allowed for the first."""
        result = about_half(YI, GPT4, tolerance=TEN_PERCENT, labels=("Yi", "GPT-4"))

        assert (
            "450 billion to 990 billion parameters would count as half"
            in result.explanation
        )
        assert result.explanation.startswith("Yi (34 billion parameters) is less than")
        assert result.accepted is not None
        assert parameters("450B") == result.accepted.low
        assert parameters("990B") == result.accepted.high


class TestOrdering:
    def test_exact_values(self) -> None:
        """Exact values order as their values do; equal ones are EQUAL."""
        assert [Ordering.LESS, Ordering.EQUAL, Ordering.GREATER] == [
            compare(1, 2).ordering,
            compare(Decimal(2), 2).ordering,
            compare(3, 2).ordering,
        ]

    def test_overlapping_ranges_are_indeterminate(self) -> None:
        """Two overlapping ranges are never guessed."""
        result = compare(Estimate.between(1, 3), Estimate.between(2, 4))

        assert Ordering.INDETERMINATE is result.ordering
        assert "may be less than, equal to or more than" in result.explanation

    def test_unknown_is_indeterminate(self) -> None:
        """An undisclosed value orders against nothing, and its ratio is unknown."""
        result = compare(Estimate.unknown(), Money(1, "EUR"))

        assert Ordering.INDETERMINATE is result.ordering
        assert result.ratio is not None
        assert result.ratio.is_unknown

    def test_quantities_in_different_units(self) -> None:
        """34 Gparam and 34e9 param are the same size."""
        assert Ordering.EQUAL is compare(parameters("34B").to("Gparam"), YI).ordering

    def test_difference_is_an_interval(self) -> None:
        """The difference holds every difference the two allow."""
        result = compare(Estimate.between(10, 20), Estimate.between(1, 2))

        assert (8, 19) == (result.difference.low, result.difference.high)


class TestDates:
    def test_partial_dates(self) -> None:
        """A year contains its months, so the year and a month are indeterminate."""
        assert (Ordering.LESS, Ordering.INDETERMINATE) == (
            compare(PartialDate(2009), PartialDate(2019)).ordering,
            compare(PartialDate(2023), PartialDate(2023, 6)).ordering,
        )

    def test_periods_and_days(self) -> None:
        """A period with an open end is only bounded on one side."""
        since_2016 = Period(PartialDate(2016))

        assert (
            Ordering.GREATER is compare(dt.date(2016, 1, 1), PartialDate(2015)).ordering
        )
        assert (
            Ordering.INDETERMINATE is compare(since_2016, dt.date(2024, 1, 1)).ordering
        )

    def test_dates_have_a_difference_in_days_but_no_ratio(self) -> None:
        """Dates subtract into durations; a ratio of dates means nothing."""
        result = compare(PartialDate(2023, 12, 11), PartialDate(2023, 6, 13))

        assert result.ratio is None
        assert dt.timedelta(days=181) == result.difference.low

    def test_a_margin_in_days(self) -> None:
        """A tolerance of 31 days makes mid-June about the same as early July."""
        result = compare(
            dt.date(2023, 7, 1),
            dt.date(2023, 6, 13),
            tolerance=Tolerance.absolute(dt.timedelta(days=31)),
        )

        assert Ordering.EQUAL is result.ordering

    def test_a_relative_tolerance_on_dates_is_refused(self) -> None:
        """ "10% of a date" means nothing."""
        with pytest.raises(TypeError, match="relative tolerance means nothing"):
            compare(dt.date(2023, 7, 1), dt.date(2023, 6, 1), tolerance=TEN_PERCENT)

    def test_datetimes_are_refused(self) -> None:
        """Facts are dated to the day at most."""
        with pytest.raises(TypeError, match="not a datetime"):
            compare(dt.datetime(2023, 7, 1, tzinfo=dt.UTC), dt.date(2023, 6, 1))


class TestMoney:
    def test_two_currencies_need_a_date_or_rates(self) -> None:
        """Without on= or rates=, money in two currencies is refused, saying why."""
        with pytest.raises(CurrencyMismatchError, match="pass on=date"):
            compare(Money(385_000_000, "EUR"), Money(2_000_000_000, "USD"))

    def test_a_stated_rate_is_recorded(self) -> None:
        """The conversion made is in the result, with its rate and source."""
        article = FixedRates("USD", "EUR", "0.92", name="the article's rate")
        result = compare(
            Money(385_000_000, "EUR"), Money(200_000_000, "USD"), rates=article
        )

        assert Ordering.GREATER is result.ordering
        assert Money("184000000.00", "EUR") == result.second.low
        assert ["the article's rate"] == [c.source for c in result.conversions]

    def test_a_range_is_converted_at_one_rate(self) -> None:
        """Both bounds of a range use the same rate: one conversion, recorded once."""
        valuation = Estimate.between(Money(1, "USD"), Money(2, "USD"))
        result = compare(Money(1, "EUR"), valuation, on=dt.date(2023, 12, 11))

        assert 1 == len(result.conversions)
        assert dt.date(2023, 12, 11) == result.conversions[0].observed
        assert isinstance(result.second.high, Money)
        assert "EUR" == result.second.high.currency

    def test_same_currency_needs_no_date(self) -> None:
        """Amounts in one currency compare without any conversion."""
        result = compare(Money(385_000_000, "EUR"), Money(105_000_000, "EUR"))

        assert () == result.conversions
        assert result.ratio is not None
        assert result.ratio.low is not None
        assert Decimal("3.667") == result.ratio.low.quantize(Decimal("0.001"))


class TestDimensions:
    @pytest.mark.parametrize(
        ("a", "b"),
        [
            (Money(1, "EUR"), parameters("1B")),
            (parameters("34B"), tokens("3T")),
            (Decimal(34), parameters("34B")),
            (PartialDate(2023), 2023),
        ],
    )
    def test_different_things_do_not_compare(self, a: object, b: object) -> None:
        """Money and parameters, parameters and tokens, numbers and dates: refused."""
        with pytest.raises(DimensionMismatchError, match="measure different things"):
            compare(a, b)  # type: ignore[arg-type]

    def test_floats_are_refused(self) -> None:
        """A binary float is not an exact value."""
        with pytest.raises(TypeError, match="refuses the float"):
            compare(0.5, Decimal("0.5"))  # type: ignore[arg-type]

    def test_a_margin_in_the_wrong_unit(self) -> None:
        """A tolerance in tokens cannot widen a parameter count."""
        with pytest.raises(DimensionMismatchError, match="not in the unit"):
            compare(YI, GPT4, tolerance=Tolerance.absolute(tokens("1B")))


class TestTolerances:
    def test_relative_widens_the_second_value(self) -> None:
        """With ±10%, 91 counts as equal to 100 but 89 is LESS."""
        assert (Ordering.EQUAL, Ordering.LESS) == (
            compare(91, 100, tolerance=TEN_PERCENT).ordering,
            compare(89, 100, tolerance=TEN_PERCENT).ordering,
        )

    def test_equal_within_tolerance_needs_every_pair(self) -> None:
        """A reference range wider than the tolerance is never certainly equal."""
        result = compare(5, Estimate.between(1, 10), tolerance=Tolerance.absolute(2))

        assert Ordering.INDETERMINATE is result.ordering

    def test_comparable_scores(self) -> None:
        """MMLU 76.3 against 86.4 with a 5-point margin is not comparable."""
        assert (False, True) == (
            comparable(
                Decimal("76.3"), Decimal("86.4"), tolerance=Tolerance.absolute(5)
            ).holds,
            comparable(
                Decimal("94.08"), Decimal("95.28"), tolerance=Tolerance.absolute(5)
            ).holds,
        )

    def test_twice_and_about(self) -> None:
        """70 is about twice 34; 105 is about a quarter of 385."""
        assert (True, True) == (
            twice(70, 34, tolerance=TEN_PERCENT).holds,
            about(105, 385, "0.25", tolerance=TEN_PERCENT).holds,
        )

    def test_more_than_an_unknown_is_unknown(self) -> None:
        """More than something only known to be at least zero cannot be told."""
        result = more_than(Money(790, "EUR"), Estimate.at_least(Money(0, "EUR")))

        assert result.holds is None
        assert "cannot tell" in result.explanation

    def test_holds_needs_a_relation(self) -> None:
        """A plain comparison asked about no relation."""
        with pytest.raises(ValueError, match="asked about no relation"):
            _ = compare(1, 2).holds

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("10%", Tolerance.relative("0.1")),
            ("5", Tolerance.absolute(Decimal(5))),
            ("10000000 EUR", Tolerance.absolute(Money(10_000_000, "EUR"))),
            ("1000000000 parameter", Tolerance.absolute(parameters("1B"))),
            ("31 days", Tolerance.absolute(dt.timedelta(days=31))),
        ],
    )
    def test_parse(self, text: str, expected: Tolerance) -> None:
        """Tolerances are read from the short forms claims files use."""
        assert expected == Tolerance.parse(text)

    @pytest.mark.parametrize("text", ["", "ten percent", "150%", "-5"])
    def test_parse_refuses(self, text: str) -> None:
        """Text that is no tolerance, or an impossible one, is refused."""
        with pytest.raises((ParseError, ValueError)):
            Tolerance.parse(text)

    def test_exactly_one_kind(self) -> None:
        """A tolerance is relative or absolute, not both and not neither."""
        with pytest.raises(ValueError, match="exactly one"):
            Tolerance()


_NUMBERS = st.integers(min_value=-1000, max_value=1000)


@st.composite
def _ranges(draw: st.DrawFn) -> tuple[int, int]:
    low = draw(_NUMBERS)
    return low, draw(st.integers(min_value=low, max_value=low + 500))


class TestProperties:
    @given(_ranges(), _ranges())
    def test_disjoint_ranges_are_never_indeterminate(
        self, a: tuple[int, int], b: tuple[int, int]
    ) -> None:
        """Ranges that share no value always order LESS or GREATER."""
        ordering = compare(Estimate.between(*a), Estimate.between(*b)).ordering
        disjoint = a[1] < b[0] or b[1] < a[0]

        if disjoint:
            assert ordering in {Ordering.LESS, Ordering.GREATER}

    @given(_ranges(), _ranges())
    def test_overlapping_ranges_never_give_less_or_greater(
        self, a: tuple[int, int], b: tuple[int, int]
    ) -> None:
        """Ranges that share a value are EQUAL (both one value) or INDETERMINATE."""
        ordering = compare(Estimate.between(*a), Estimate.between(*b)).ordering
        overlap = not (a[1] < b[0] or b[1] < a[0])

        if overlap:
            assert ordering in {Ordering.EQUAL, Ordering.INDETERMINATE}

    @given(_ranges(), _ranges(), st.integers(min_value=0, max_value=100))
    def test_tolerance_verdicts_hold_for_every_pair(
        self, a: tuple[int, int], b: tuple[int, int], margin: int
    ) -> None:
        """EQUAL: every pair is within the margin; LESS: every pair is below it."""
        ordering = compare(
            Estimate.between(*a),
            Estimate.between(*b),
            tolerance=Tolerance.absolute(margin),
        ).ordering
        gaps = [x - y for x in a for y in b]

        if ordering is Ordering.EQUAL:
            assert all(abs(gap) <= margin for gap in gaps)
        if ordering is Ordering.LESS:
            assert all(gap < -margin for gap in gaps)
        if ordering is Ordering.GREATER:
            assert all(gap > margin for gap in gaps)

    @given(_ranges(), st.integers(min_value=1, max_value=1000), st.data())
    def test_the_ratio_contains_every_quotient(
        self, a: tuple[int, int], low: int, data: st.DataObject
    ) -> None:
        """Every quotient of allowed values lies within the ratio's bounds."""
        high = data.draw(st.integers(min_value=low, max_value=low + 1000))
        ratio = compare(Estimate.between(*a), Estimate.between(low, high)).ratio
        x = data.draw(st.integers(min_value=a[0], max_value=a[1]))
        y = data.draw(st.integers(min_value=low, max_value=high))

        assert ratio is not None
        assert ratio.low is not None
        assert ratio.high is not None
        assert Fraction(ratio.low) <= Fraction(x, y) <= Fraction(ratio.high)


class TestArithmeticRefusals:
    @pytest.mark.parametrize("factor", [0.5, True, [2]], ids=["float", "bool", "list"])
    def test_a_factor_of_the_wrong_type(self, factor: object) -> None:
        """about() takes a Decimal, an int or a str factor, never a float."""
        with pytest.raises(TypeError, match=r"a str such as '0\.5'"):
            about(1, 2, factor, tolerance=TEN_PERCENT)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("factor", "error"),
        [
            ("NaN", InvalidArithmeticError),
            (Decimal("Infinity"), InvalidArithmeticError),
            ("-2", InvalidArithmeticError),
            ("half", ParseError),
        ],
    )
    def test_a_factor_that_is_not_a_positive_number(
        self, factor: str | Decimal, error: type[Exception]
    ) -> None:
        """NaN, infinite, negative and unreadable factors are refused."""
        with pytest.raises(error):
            about(1, 2, factor, tolerance=TEN_PERCENT)

    @pytest.mark.parametrize("tolerance", [Decimal("0.1"), 0.1, "10%"], ids=repr)
    def test_a_tolerance_that_is_not_a_tolerance(self, tolerance: object) -> None:
        """A bare number as a tolerance says how to write one."""
        with pytest.raises(TypeError, match=r"Tolerance\.relative\('0\.1'\)"):
            compare(1, 2, tolerance=tolerance)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        "make",
        [
            lambda: Tolerance.relative(Decimal("NaN")),
            lambda: Tolerance.relative("Infinity"),
            lambda: Tolerance.absolute(Decimal("NaN")),
            lambda: Tolerance.absolute(Decimal("Infinity")),
            lambda: Tolerance.absolute(dt.timedelta(hours=12)),
            lambda: Tolerance.absolute(-1),
        ],
        ids=["NaN", "infinite", "NaN margin", "infinite margin", "hours", "negative"],
    )
    def test_tolerances_that_are_not_finite_amounts(
        self, make: Callable[[], object]
    ) -> None:
        """A tolerance is a finite, non-negative fraction or margin, in whole days."""
        with pytest.raises(DataError):
            make()

    @pytest.mark.parametrize("text", ["1.5 days", "Infinity days", "1e99 days"])
    def test_days_that_are_not_a_whole_number(self, text: str) -> None:
        """A fraction of a day is refused, not cut off; a huge count is refused."""
        with pytest.raises(ParseError, match="as a tolerance"):
            Tolerance.parse(text)

    def test_a_fraction_that_is_not_a_number(self) -> None:
        """Text that is no number is a ParseError, not a decimal exception."""
        with pytest.raises(ParseError, match="'ten' as a fraction"):
            Tolerance.relative("ten")

    def test_a_float_margin_points_to_decimal(self) -> None:
        """A float margin is refused, naming the Decimal to write."""
        with pytest.raises(TypeError, match=r"Decimal\('0\.5'\), built from a string"):
            Tolerance.absolute(0.5)  # type: ignore[arg-type]

    def test_a_margin_past_the_calendar_reaches_its_end(self) -> None:
        """A huge margin in days widens a date to the first and last dates."""
        wide = Tolerance.absolute(dt.timedelta(days=999_999_999))
        assert (dt.date.min, dt.date.max) == (
            wide.lower(dt.date(2023, 6, 1)),
            wide.upper(dt.date(2023, 6, 1)),
        )
        assert compare(
            dt.date(1, 1, 1), dt.date(9999, 1, 1), tolerance=wide
        ).ordering is (Ordering.EQUAL)

    def test_numbers_too_far_apart_to_subtract_exactly(self) -> None:
        """A difference needing millions of digits is refused, not built."""
        with pytest.raises(InvalidArithmeticError, match="would need 1,999,999 digits"):
            compare(Decimal("1e999999"), Decimal("1e-999999"))

    def test_a_ratio_past_the_exponents_of_decimals(self) -> None:
        """A quotient too large for any Decimal is refused, not a decimal.Overflow."""
        huge, tiny = Decimal("1e999999999999999999"), Decimal("1e-999999999999999999")
        with pytest.raises(InvalidArithmeticError, match="exponents a Decimal holds"):
            Estimate.exact(huge).ratio(Estimate.exact(tiny))

    def test_money_in_two_currencies_without_a_rate(self) -> None:
        """Open ranges in EUR and USD still need a conversion."""
        with pytest.raises(CurrencyMismatchError):
            compare(
                Estimate.at_least(Money(1, "EUR")), Estimate.at_most(Money(1, "USD"))
            )


class TestWords:
    def test_one_day(self) -> None:
        """A one-day tolerance or difference is '1 day', not '1 days'."""
        assert "±1 day" == str(Tolerance.absolute(dt.timedelta(days=1)))
        assert "±2 days" == str(Tolerance.absolute(dt.timedelta(days=2)))
        result = compare(dt.date(2023, 6, 2), dt.date(2023, 6, 1))
        assert dt.timedelta(days=1) == result.difference.low
        assert "1 day" == describe(result.difference.low)

    def test_comparable_names_its_relation(self) -> None:
        """comparable() asks whether values are comparable, not 'about 1 times'."""
        result = comparable(Decimal(100), Decimal(104), tolerance=TEN_PERCENT)
        assert "comparable" == result.relation
        assert str(result).endswith('so "comparable" holds.')
        assert "1 times" not in str(result)


class TestDecimalContext:
    def test_results_ignore_the_callers_decimal_context(self) -> None:
        """Ratios, differences, tolerance bounds and text are the same at prec=3."""

        def results() -> list[object]:
            tolerance = Tolerance.relative("0.12345")
            first = Estimate.between(Decimal("1234.5678"), Decimal("98765.4321"))
            second = Decimal("3.14159")
            money = compare(
                Money("385000000.55", "EUR"),
                Money("105000000.45", "EUR"),
                tolerance=Tolerance.absolute(Money("1000000.01", "EUR")),
            )
            plain = about(first, second, "3.5", tolerance=tolerance)
            quantities = compare(parameters("34.56B"), GPT4, tolerance=tolerance)
            return [
                money.ratio,
                money.difference,
                money.accepted,
                str(money),
                plain.ratio,
                plain.difference,
                plain.accepted,
                str(plain),
                quantities.ratio,
                str(quantities),
                tolerance.lower(Decimal("1234.5678")),
                tolerance.upper(Money("1234.56", "EUR")),
                str(tolerance),
                Tolerance.parse("12.3456789%"),
            ]

        expected = results()
        with decimal.localcontext() as context:
            context.prec = 3
            context.rounding = decimal.ROUND_FLOOR
            assert expected == results()
        assert "±12.34%" == expected[-2]
