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
    quantity,
    tokens,
    twice,
)
from aiecosys._compare import (
    _factor_text,
    _number,
    _ratio_text,
    as_estimate,
    describe,
    describe_estimate,
    kind_text,
)
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


DAY = dt.date(2023, 12, 11)
HALF_RATE = FixedRates("USD", "EUR", "0.5", name="half")


def message(action: Callable[[], object], error: type[Exception]) -> str:
    with pytest.raises(error) as caught:
        action()
    return str(caught.value)


class TestHelpersPassEverythingOn:
    def test_twice(self) -> None:
        """twice() passes the rates, tolerance and labels on to its comparison."""
        result = twice(
            Money(400, "EUR"),
            Money(400, "USD"),
            tolerance=TEN_PERCENT,
            rates=HALF_RATE,
            labels=("A", "B"),
        )
        assert (
            "A (400 EUR) is within the tolerance of twice B (200 EUR), with a "
            "tolerance of ±10% (360 to 440 EUR would count as twice); the ratio is "
            '2, so "about twice" holds.'
        ) == str(result)
        assert ("half", Decimal(2)) == (result.conversions[0].source, result.factor)

    def test_about_half_at_a_date(self) -> None:
        """about_half() converts at the given date and says the relation holds."""
        result = about_half(
            Money(100, "EUR"),
            Money(215, "USD"),
            tolerance=TEN_PERCENT,
            on=DAY,
            labels=("A", "B"),
        )
        assert (DAY, "USD", "EUR") == (
            result.conversions[0].on,
            result.conversions[0].base,
            result.conversions[0].quote,
        )
        assert str(result).startswith(
            "A (100 EUR) is within the tolerance of half of B (199.9 EUR)"
        )
        assert ("about half", Ordering.EQUAL, True) == (
            result.relation,
            result.expects,
            result.holds,
        )

    def test_comparable(self) -> None:
        """comparable() converts with given rates; its factor is 1."""
        result = comparable(
            Money(100, "EUR"),
            Money(200, "USD"),
            tolerance=TEN_PERCENT,
            rates=HALF_RATE,
            labels=("A", "B"),
        )
        assert str(result).startswith(
            "A (100 EUR) is within the tolerance of B (100 EUR), with a tolerance "
            "of ±10% (90 to 110 EUR would count as equal); the ratio is 1"
        )
        assert (Decimal(1), TEN_PERCENT) == (result.factor, result.tolerance)

    def test_more_than(self) -> None:
        """more_than() with a margin writes the accepted range and verdict."""
        margin = Tolerance.absolute(Money(10, "EUR"))
        result = more_than(
            Money(100, "EUR"),
            Money(100, "USD"),
            rates=HALF_RATE,
            labels=("A", "B"),
            tolerance=margin,
        )
        assert (
            "A (100 EUR) is more than B (50 EUR), even with a tolerance of ±10 EUR "
            '(40 to 60 EUR would count as equal); the ratio is 2, so "more than" '
            "holds."
        ) == str(result)
        assert ("more than", Ordering.GREATER, margin) == (
            result.relation,
            result.expects,
            result.tolerance,
        )
        assert (Money(40, "EUR"), Money(60, "EUR")) == (
            result.accepted.low if result.accepted else None,
            result.accepted.high if result.accepted else None,
        )

    def test_about_other_factors(self) -> None:
        """about() names a factor of 3 "three times" and any other factor "N times"."""
        assert str(about(Decimal(30), Decimal(10), 3, tolerance=TEN_PERCENT)) == (
            "30 is within the tolerance of three times of 10, with a tolerance of "
            "±10% (27 to 33 would count as three times); the ratio is 3, so "
            '"about three times" holds.'
        )
        result = about(Decimal(15), Decimal(10), "1.5", tolerance=TEN_PERCENT)
        assert ("about 1.5 times", Decimal("1.5")) == (result.relation, result.factor)

    @pytest.mark.parametrize(("factor", "shown"), [(0, "0"), ("-1", "'-1'")])
    def test_about_needs_a_positive_factor(self, factor: int | str, shown: str) -> None:
        """about() refuses a zero or negative factor and says how to write one."""
        assert (
            f"the factor must be positive, not {shown}: give how many times the "
            "second value the first is, such as '0.5' for half"
        ) == message(
            lambda: about(1, 1, factor, tolerance=TEN_PERCENT), InvalidArithmeticError
        )


class TestRefusals:
    @pytest.mark.parametrize(
        ("a", "b", "text"),
        [
            (Money(1, "EUR"), DAY, "money (EUR) with a date"),
            (DAY, 5, "a date with a plain number"),
            (5, Money(1, "EUR"), "a plain number with money (EUR)"),
        ],
    )
    def test_different_kinds(self, a: object, b: object, text: str) -> None:
        """Comparing money, dates and plain numbers with each other names both kinds."""
        assert f"cannot compare {text}: they measure different things" == message(
            lambda: compare(a, b),  # type: ignore[arg-type]
            DimensionMismatchError,
        )

    def test_two_currencies_without_a_rate(self) -> None:
        """Two currencies without a date or rates are refused, naming both fixes."""
        assert (
            "comparing EUR with USD needs a conversion: pass on=date(...) to convert "
            "at the rate published for that date, or rates=... for a rate source of "
            "your own"
        ) == message(
            lambda: compare(Money(1, "EUR"), Money(1, "USD")), CurrencyMismatchError
        )

    @pytest.mark.parametrize(
        ("a", "tolerance", "text"),
        [
            (5, Tolerance.absolute(dt.timedelta(days=1)), "±1 day|a plain number"),
            (
                Money(1, "USD"),
                Tolerance.absolute(Money(1, "EUR")),
                "±1 EUR|money (USD)",
            ),
            (parameters("1B"), Tolerance.absolute(5), "±5|a quantity of [parameter]"),
            (DAY, Tolerance.absolute(5), "±5|a date"),
        ],
    )
    def test_tolerance_in_another_unit(
        self, a: object, tolerance: Tolerance, text: str
    ) -> None:
        """A margin in another unit than the values is refused, naming both."""
        shown, kind = text.split("|")
        assert (
            f"the tolerance {shown} is not in the unit of the values compared, "
            f"which are {kind}"
        ) == message(
            lambda: compare(a, a, tolerance=tolerance),  # type: ignore[arg-type]
            DimensionMismatchError,
        )

    def test_relative_tolerance_for_dates(self) -> None:
        """A relative tolerance for dates is refused; a margin in days is named."""
        assert (
            "a relative tolerance means nothing for dates: give a margin in days, "
            "such as Tolerance.absolute(timedelta(days=31))"
        ) == message(lambda: compare(DAY, DAY, tolerance=TEN_PERCENT), TypeError)

    def test_dates_with_a_factor(self) -> None:
        """Dates are compared with a factor of 1 only."""
        days = Tolerance.absolute(dt.timedelta(days=1))
        assert "dates can only be compared as they are (a factor of 1)" == message(
            lambda: about(DAY, DAY, 2, tolerance=days), TypeError
        )

    @pytest.mark.parametrize(
        ("value", "text"),
        [
            (
                dt.datetime(2023, 1, 1, tzinfo=dt.UTC),
                "compare a date, not a datetime: facts are dated to the day at most",
            ),
            (
                0.5,
                (
                    "compare refuses the float 0.5: pass a Decimal or an int (binary "
                    "floats cannot hold most decimal values)"
                ),
            ),
            (True, "compare refuses the bool True: pass a Decimal or an int"),
            (
                "x",
                (
                    "cannot compare str 'x': compare Money, quantities, numbers, "
                    "dates or estimates of them"
                ),
            ),
        ],
    )
    def test_values_that_cannot_be_compared(self, value: object, text: str) -> None:
        """Datetimes, floats, bools and text are refused with what to pass instead."""
        assert message(lambda: as_estimate(value), TypeError).startswith(text)  # type: ignore[arg-type]

    def test_holds_without_a_relation(self) -> None:
        """.holds of a plain compare() says which helper to use or to read .ordering."""
        assert (
            "this comparison asked about no relation; use about_half(), twice(), "
            "comparable() or more_than(), or read .ordering"
        ) == message(lambda: compare(1, 2).holds, ValueError)


class TestTolerance:
    @pytest.mark.parametrize(
        ("text", "fraction", "margin", "shown"),
        [
            ("10%", Decimal("0.1"), None, "±10%"),
            (" 2.5 % ", Decimal("0.025"), None, "±2.5%"),
            ("5", None, Decimal(5), "±5"),
            ("31 days", None, dt.timedelta(days=31), "±31 days"),
            ("1 day", None, dt.timedelta(days=1), "±1 day"),
            ("10000000 EUR", None, Money(10_000_000, "EUR"), "±10,000,000 EUR"),
            (
                "1000000000 parameter",
                None,
                parameters("1B"),
                "±1,000,000,000 parameter",
            ),
        ],
    )
    def test_parse(
        self, text: str, fraction: Decimal | None, margin: object, shown: str
    ) -> None:
        """Tolerance.parse reads percentages, numbers, days, money and quantities."""
        tolerance = Tolerance.parse(text)
        assert (fraction, margin, shown) == (
            tolerance.fraction,
            tolerance.margin,
            str(tolerance),
        )

    @pytest.mark.parametrize("text", ["a bit", "5 eur", "%", "5 EURX", "5 bananas"])
    def test_parse_refuses_unreadable_text(self, text: str) -> None:
        """What no reader reads is refused with the reader's reason and examples."""
        refused = message(lambda: Tolerance.parse(text), ParseError)
        assert refused.startswith(f"cannot read {text!r} as a tolerance (")
        assert refused.endswith(
            "); write '10%' for a relative one, or a margin such as '5', "
            "'±5 points', '10000000 EUR', '€10M', '1000000000 parameter' or "
            "'31 days'"
        )

    @pytest.mark.parametrize(
        ("text", "written"),
        [
            ("±5 points", "5"),
            ("5 pts", "5"),
            ("€10M", "10000000 EUR"),
            ("5 EURO", "5 EUR"),
            ("1B parameters", "1000000000 parameter"),
            ("±1,000,000,000 parameter", "1000000000 parameter"),
            ("±1%", "1%"),
        ],
    )
    def test_parse_reads_what_people_and_str_write(
        self, text: str, written: str
    ) -> None:
        """Human forms and what str() prints give the canonical form's tolerance."""
        assert Tolerance.parse(written) == Tolerance.parse(text)
        tolerance = Tolerance.parse(text)
        assert tolerance == Tolerance.parse(str(tolerance))

    @pytest.mark.parametrize("text", ["±1e9999 points", "1e30", "1e-61"])
    def test_parse_bounds_plain_margins(self, text: str) -> None:
        """A plain margin is in the range of amounts, whatever its prefix."""
        with pytest.raises(ParseError, match="is out of range"):
            Tolerance.parse(text)

    def test_relative_bounds(self) -> None:
        """A relative tolerance is a str or Decimal fraction below 1, shown in %."""
        fraction = (
            "1 problem found:\n  - field 'fraction': a relative tolerance is a "
            "Decimal fraction from 0 up to (not "
        )
        assert message(lambda: Tolerance.relative(1), DataError).startswith(fraction)
        assert message(lambda: Tolerance.relative("-0.1"), ValueError).endswith(
            "such as Decimal('0.1') for 10%, not Decimal('-0.1')"
        )
        assert "±0%" == str(Tolerance.relative(0))
        assert "±99.99%" == str(Tolerance.relative("0.9999"))
        assert "±12.34%" == str(Tolerance.relative("0.12345"))
        assert "pass the fraction as a str or a Decimal, not the float 0.1" == message(
            lambda: Tolerance.relative(0.1),  # type: ignore[arg-type]
            TypeError,
        )
        with pytest.raises(ValueError, match="fraction from 0"):
            Tolerance(fraction=1)  # type: ignore[arg-type]

    def test_exactly_one_kind(self) -> None:
        """A tolerance with both or neither of fraction and margin is refused."""
        text = (
            "1 problem found:\n  - field 'margin': a tolerance is either relative "
            "(Tolerance.relative) or absolute (Tolerance.absolute): give exactly "
            "one of fraction and margin"
        )
        assert text == message(lambda: Tolerance(Decimal("0.1"), 5), ValueError)
        assert text == message(Tolerance, ValueError)

    @pytest.mark.parametrize(
        ("margin", "shown"), [(1.5, "float 1.5"), (True, "bool True"), ("5", "str '5'")]
    )
    def test_absolute_types(self, margin: object, shown: str) -> None:
        """An absolute margin of a float, bool or str is refused."""
        assert message(
            lambda: Tolerance.absolute(margin),  # type: ignore[arg-type]
            TypeError,
        ).startswith(
            "an absolute tolerance is Money, a Quantity, a Decimal, an int or a "
            f"timedelta, not {shown}"
        )

    def test_absolute_sign(self) -> None:
        """A negative margin is refused; a zero margin is shown as ±0."""
        assert (
            "1 problem found:\n  - field 'margin': a tolerance cannot be negative, "
            "not -1"
        ) == message(lambda: Tolerance.absolute(-1), DataError)
        assert "±0" == str(Tolerance.absolute(0))

    def test_lower_and_upper(self) -> None:
        """Relative bounds of a negative value and absolute bounds are exact."""
        assert (Decimal("-110.0"), Decimal("-90.0")) == (
            TEN_PERCENT.lower(Decimal(-100)),
            TEN_PERCENT.upper(Decimal(-100)),
        )
        assert (Decimal(65), Decimal(75)) == (
            Tolerance.absolute(5).lower(Decimal(70)),
            Tolerance.absolute(5).upper(Decimal(70)),
        )


class TestOrderWithTolerance:
    @pytest.mark.parametrize(
        ("a", "b", "ordering"),
        [
            (Decimal("1.9"), Decimal(3), Ordering.LESS),
            (Decimal("4.1"), Decimal(3), Ordering.GREATER),
            (Decimal(2), Decimal(3), Ordering.EQUAL),
            (Decimal(4), Decimal(3), Ordering.EQUAL),
            (Estimate.between(Decimal(2), Decimal(4)), Decimal(3), Ordering.EQUAL),
            (
                Estimate.between(Decimal(1), Decimal(4)),
                Decimal(3),
                Ordering.INDETERMINATE,
            ),
            (Estimate.at_least(Decimal(2)), Decimal(3), Ordering.INDETERMINATE),
            (Estimate.at_most(Decimal(4)), Decimal(3), Ordering.INDETERMINATE),
            (Estimate.at_least(Decimal(6)), Decimal(3), Ordering.GREATER),
            (Estimate.at_most(Decimal("0.5")), Decimal(3), Ordering.LESS),
            (Decimal(3), Estimate.unknown(), Ordering.INDETERMINATE),
        ],
    )
    def test_margin_of_one(self, a: object, b: object, ordering: Ordering) -> None:
        """A margin of 1 orders values; overlapping ranges are indeterminate."""
        result = compare(a, b, tolerance=Tolerance.absolute(1))  # type: ignore[arg-type]
        assert ordering is result.ordering

    def test_equal_inside_the_margin_at_both_ends(self) -> None:
        """EQUAL needs every value of both sides within the margin, not some."""
        reference = Estimate.between(Decimal(10), Decimal(12))
        tolerance = Tolerance.absolute(2)
        # Every value from 11 to 11 lies within 2 of every value from 10 to 12.
        assert (
            Ordering.EQUAL
            is compare(Decimal(11), reference, tolerance=tolerance).ordering
        )
        assert (
            Ordering.INDETERMINATE
            is compare(Decimal("12.5"), reference, tolerance=tolerance).ordering
        )


class TestSentences:
    @pytest.mark.parametrize(
        ("value", "text"),
        [
            (Decimal(1234), "1,234"),
            (Decimal(999), "999"),
            (Decimal(1000), "1,000"),
            (Decimal("1e6"), "1 million"),
            (Decimal(999999), "999,999"),
            (Decimal("1e9"), "1 billion"),
            (Decimal("1e12"), "1 trillion"),
            (Decimal("1.23456e12"), "1.235 trillion"),
            (Decimal("0.0001234"), "0.0001234"),
            (Decimal("-2e6"), "-2 million"),
            (Decimal(-1500), "-1,500"),
            (Decimal("123456.7"), "123,456.7"),
            (Decimal("123456789e12"), "123,456,789 trillion"),
        ],
    )
    def test_number(self, value: Decimal, text: str) -> None:
        """Numbers are written with thousands separators, then millions to trillions."""
        assert text == _number(value)

    def test_describe(self) -> None:
        """describe() writes each kind of value with its unit, singular for one."""
        assert [
            "1 parameter",
            "2 billion parameters",
            "3 trillion tokens",
            "385 million EUR",
            "2023-12-11",
            "3 days",
            "5",
            "2.5",
            "x",
            "2 gigabytes",
        ] == [
            describe(value)
            for value in (
                parameters("1"),
                parameters("2B"),
                tokens("3T"),
                Money("385000000", "EUR"),
                DAY,
                dt.timedelta(days=3),
                5,
                Decimal("2.5"),
                "x",
                quantity(2, "GB"),
            )
        ]

    def test_describe_estimate(self) -> None:
        """describe_estimate() writes unknown, open, exact and bounded estimates."""
        assert [
            "unknown",
            "at most 5",
            "at least 5",
            "5",
            "1 to 2",
            "1 to 2 EUR",
            "1 billion to 2 trillion parameters",
            "2023-12-11 to 2024-01-01",
            "1 parameter to 2 billion parameters",
        ] == [
            describe_estimate(estimate)
            for estimate in (
                Estimate.unknown(),
                Estimate.at_most(5),
                Estimate.at_least(5),
                Estimate.exact(5),
                Estimate.between(1, 2),
                Estimate.between(Money(1, "EUR"), Money(2, "EUR")),
                Estimate.between(parameters("1B"), parameters("2T")),
                Estimate.between(DAY, dt.date(2024, 1, 1)),
                Estimate.between(parameters("1"), parameters("2B")),
            )
        ]

    def test_ratio_text(self) -> None:
        """Ratios are written to two significant digits, open or bounded."""
        assert [
            "unknown",
            "at most 0.12",
            "at least 12",
            "0.5",
            "0.019 to 0.034",
        ] == [
            _ratio_text(ratio)
            for ratio in (
                Estimate.unknown(),
                Estimate.at_most(Decimal("0.123")),
                Estimate.at_least(Decimal("12.34")),
                Estimate.exact(Decimal("0.5")),
                Estimate.between(Decimal("0.0189"), Decimal("0.034")),
            )
        ]

    def test_factor_and_kind_words(self) -> None:
        """Factors read half, twice or N times; kinds read money (EUR) or a date."""
        assert ["half", "twice", "three times", "1.5 times", "0.25 times"] == [
            _factor_text(Decimal(text)) for text in ("0.5", "2", "3", "1.5", "0.25")
        ]
        assert [
            "money (EUR)",
            "money",
            "a quantity of [parameter]",
            "a date",
            "a duration",
            "a plain number",
        ] == [
            kind_text(kind)
            for kind in (
                ("money", "EUR"),
                ("money", ""),
                ("quantity", "[parameter]"),
                ("date", ""),
                ("duration", ""),
                ("number", ""),
            )
        ]

    @pytest.mark.parametrize(
        ("comparison", "text"),
        [
            (
                lambda: more_than(Estimate.between(1, 3), Estimate.between(2, 4)),
                (
                    "1 to 3 may be less than, equal to or more than 2 to 4; the "
                    "ratio is 0.25 to 1.5, so the evidence cannot tell whether "
                    '"more than" holds.'
                ),
            ),
            (lambda: compare(Estimate.exact(2), 2), "2 is equal to 2; the ratio is 1."),
            (
                lambda: more_than(Decimal(1), Decimal(2)),
                '1 is less than 2; the ratio is 0.5, so "more than" does not hold.',
            ),
            (
                lambda: compare(
                    DAY,
                    dt.date(2023, 12, 20),
                    tolerance=Tolerance.absolute(dt.timedelta(days=31)),
                ),
                (
                    "2023-12-11 is within the tolerance of 2023-12-20, with a "
                    "tolerance of ±31 days (2023-11-19 to 2024-01-20 would count "
                    "as equal)."
                ),
            ),
            (
                lambda: compare(PartialDate(2023, 6), PartialDate(2023, 7)),
                "2023-06-01 to 2023-06-30 is less than 2023-07-01 to 2023-07-31.",
            ),
        ],
    )
    def test_explanations(self, comparison: Callable[[], object], text: str) -> None:
        """Each verdict's sentence says the ordering, the ratio and whether it holds."""
        # Compared in the test, not when the module is collected.
        assert text == str(comparison())

    def test_quantities_come_back_in_the_unit_of_the_values(self) -> None:
        """Differences and accepted ranges of quantities are in the unit compared."""
        result = comparable(
            parameters("70B"),
            parameters("34B"),
            tolerance=Tolerance.absolute(parameters("1B")),
        )
        assert parameters("36B") == result.difference.low
        assert (parameters("33B"), parameters("35B")) == (
            result.accepted.low if result.accepted else None,
            result.accepted.high if result.accepted else None,
        )
        assert Ordering.GREATER is result.ordering
        assert result.holds is False


class TestQuantitiesInBaseUnits:
    def test_a_margin_in_parameters_widens_the_reference(self) -> None:
        """A margin in parameters makes 34.5B comparable to 34B."""
        result = comparable(
            parameters("34.5B"),
            parameters("34B"),
            tolerance=Tolerance.absolute(parameters("1B")),
        )
        assert Ordering.EQUAL is result.ordering
        assert (
            Ordering.GREATER is compare(parameters("34.5B"), parameters("34B")).ordering
        )

    def test_differences_are_written_exactly(self) -> None:
        """Differences of quantities keep every digit, in the unit of the values."""
        whole = compare(parameters("70B"), parameters("34B")).difference
        assert "Quantity('36000000000', 'parameter')" == repr(whole.low)
        part = compare(parameters("1.5"), parameters("1")).difference
        assert "Quantity('0.5', 'parameter')" == repr(part.low)
        giga = compare(quantity(3, "GB"), quantity("1.5", "GB")).difference
        assert "Quantity('1.5', 'gigabyte')" == repr(giga.low)

    def test_difference_with_an_unknown_value(self) -> None:
        """The difference with an unknown value is unknown, with its status."""
        result = compare(Estimate.unknown(), parameters("1B"))
        assert (None, None, None) == (
            result.difference.low,
            result.difference.high,
            result.difference.best,
        )
        assert result.difference.status is Estimate.unknown().status


class TestMoreKinds:
    def test_helpers_with_the_other_way_to_convert(self) -> None:
        """Each helper converts at a date or with given rates, and keeps labels."""
        at_date = twice(
            Money(430, "EUR"), Money(200, "USD"), tolerance=TEN_PERCENT, on=DAY
        )
        assert DAY == at_date.conversions[0].on
        assert "ECB" in at_date.conversions[0].source
        with_rates = about_half(
            Money(100, "EUR"), Money(400, "USD"), tolerance=TEN_PERCENT, rates=HALF_RATE
        )
        assert ("half", True) == (with_rates.conversions[0].source, with_rates.holds)
        same = comparable(
            Money(100, "EUR"), Money(107, "USD"), tolerance=TEN_PERCENT, on=DAY
        )
        assert DAY == same.conversions[0].on
        more = more_than(Money(100, "EUR"), Money(100, "USD"), on=DAY)
        assert DAY == more.conversions[0].on
        labelled = compare(Decimal(1), Decimal(2), labels=("A", "B"))
        assert str(labelled).startswith("A (1) is less than B (2)")

    def test_durations(self) -> None:
        """A duration is not compared with a number, nor with a relative tolerance."""
        three = Estimate.exact(dt.timedelta(days=3))
        assert (
            "cannot compare a duration with a plain number: they measure different "
            "things"
        ) == message(lambda: compare(three, 5), DimensionMismatchError)
        assert message(
            lambda: compare(three, three, tolerance=TEN_PERCENT), TypeError
        ).startswith("a relative tolerance means nothing for dates")

    def test_kind_from_the_upper_bound(self) -> None:
        """An estimate bounded above only takes its kind from the upper bound."""
        assert message(
            lambda: compare(Estimate.at_most(Money(5, "EUR")), Money(1, "USD")),
            CurrencyMismatchError,
        ).startswith("comparing EUR with USD needs a conversion")

    def test_unknown_values(self) -> None:
        """Unknown values compare as indeterminate, with no accepted range or ratio."""
        both = compare(Estimate.unknown(), Estimate.unknown())
        assert (Ordering.INDETERMINATE, None) == (both.ordering, both.accepted)
        assert compare(Estimate.unknown(), DAY).ratio is None
        assert compare(DAY, Estimate.unknown()).ratio is None

    def test_the_result_keeps_what_was_compared(self) -> None:
        """The result keeps both values as estimates; a widened range is disclosed."""
        result = compare(Decimal(1), Decimal(2))
        assert (Estimate.exact(Decimal(1)), Estimate.exact(Decimal(2)), None) == (
            result.first,
            result.second,
            result.accepted,
        )
        widened = comparable(Decimal(1), Decimal(2), tolerance=Tolerance.absolute(1))
        assert widened.accepted is not None
        assert widened.accepted.status is Status.DISCLOSED

    def test_partial_dates_are_disclosed_spans(self) -> None:
        """A month is the disclosed span from its first to its last day."""
        span = as_estimate(PartialDate(2023, 6))
        assert (dt.date(2023, 6, 1), dt.date(2023, 6, 30), Status.DISCLOSED) == (
            span.low,
            span.high,
            span.status,
        )

    def test_margin_in_a_unit_of_capitals(self) -> None:
        """A margin in a unit written in capitals, such as GB, is read."""
        assert quantity(5, "GB") == Tolerance.parse("5 GB").margin

    def test_digits_of_ratios_and_factors(self) -> None:
        """Ratios and factors of repeating decimals are rounded for display."""
        third = Decimal(1) / 3
        assert "0.33" == _ratio_text(Estimate.exact(third))
        assert "0.33 to 0.67" == _ratio_text(Estimate.between(third, 2 * third))
        assert "1.235 times" == _factor_text(Decimal("1.23456"))


class TestFrenchSentences:
    """Comparisons explained in French, numbers written by aiecosys._readable."""

    def test_about_half_in_french(self) -> None:
        """The issue's sentence: Yi-34B against GPT-4, in French words and numbers."""
        gpt4 = Estimate.between(parameters("1T"), parameters("1.8T"))
        with aiecosys.language("fr"):
            text = str(
                about_half(
                    parameters("34B"),
                    gpt4,
                    tolerance=Tolerance.relative("0.1"),
                    labels=("Yi-34B", "GPT-4"),
                )
            )
        assert text == (
            "Yi-34B (34 milliards de paramètres) est inférieur à la moitié de "
            "GPT-4 (entre 1\u202f000 et 1\u202f800 milliards de paramètres), même "
            "avec une tolérance de ±10\u00a0% (compterait comme la moitié\u00a0: "
            "entre 450 et 990 milliards de paramètres)\u202f; le rapport vaut "
            "entre 0,019 et 0,034, donc «\u00a0environ la moitié\u00a0» ne se "
            "vérifie pas."
        )

    def test_an_unknown_value_in_french(self) -> None:
        """Nothing known: "inconnu", and the relation's name in French quotes."""
        with aiecosys.language("fr"):
            text = str(more_than(Money(790_000_000, "EUR"), Estimate.unknown()))
        assert text == (
            "790 millions d'euros peut être inférieur, égal ou supérieur à non "
            "divulgué\u202f; le rapport est inconnu, donc les éléments ne "
            "permettent pas de dire si «\u00a0plus que\u00a0» se vérifie."
        )

    def test_twice_and_a_margin_in_french(self) -> None:
        """Twice a value, with an absolute margin written as French writes it."""
        with aiecosys.language("fr"):
            text = str(twice(Decimal(70), Decimal(34), tolerance=Tolerance.absolute(5)))
        assert text == (
            "70 est dans la marge de tolérance de deux fois 34, avec une "
            "tolérance de ±5 (compterait comme le double\u00a0: entre 63 et 73)"
            "\u202f; le rapport vaut 2,1, donc «\u00a0environ le double\u00a0» se "
            "vérifie."
        )

    def test_describe_in_french(self) -> None:
        """describe() writes French amounts by name, and days as jours."""
        with aiecosys.language("fr"):
            assert [
                describe(Money("385000000", "EUR")),
                describe(dt.timedelta(days=3)),
                describe_estimate(Estimate.unknown()),
            ] == ["385 millions d'euros", "3 jours", "non divulgué"]

    def test_english_is_unchanged_after_french(self) -> None:
        """A French comparison leaves the next English one as it always was."""
        gpt4 = Estimate.between(parameters("1T"), parameters("1.8T"))
        with aiecosys.language("fr"):
            compare(parameters("34B"), gpt4)
        assert str(compare(parameters("34B"), gpt4)) == (
            "34 billion parameters is less than 1 trillion to 1.8 trillion "
            "parameters; the ratio is 0.019 to 0.034."
        )
