"""Comparisons, tolerances and their sentences, word for word (mutation testing)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest

from aiecosys import (
    CurrencyMismatchError,
    DimensionMismatchError,
    Estimate,
    Money,
    Ordering,
    ParseError,
    PartialDate,
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
    _kind_text,
    _number,
    _ratio_text,
    as_estimate,
    describe,
    describe_estimate,
)
from aiecosys.fx import FixedRates


DAY = dt.date(2023, 12, 11)
HALF_RATE = FixedRates("USD", "EUR", "0.5", name="half")
TEN_PERCENT = Tolerance.relative("0.1")


def message(action: Callable[[], object], error: type[Exception]) -> str:
    with pytest.raises(error) as caught:
        action()
    return str(caught.value)


class TestHelpersPassEverythingOn:
    def test_twice(self) -> None:
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
        assert str(about(Decimal(30), Decimal(10), 3, tolerance=TEN_PERCENT)) == (
            "30 is within the tolerance of three times of 10, with a tolerance of "
            "±10% (27 to 33 would count as three times); the ratio is 3, so "
            '"about three times" holds.'
        )
        result = about(Decimal(15), Decimal(10), "1.5", tolerance=TEN_PERCENT)
        assert ("about 1.5 times", Decimal("1.5")) == (result.relation, result.factor)

    @pytest.mark.parametrize(("factor", "shown"), [(0, "0"), ("-1", "'-1'")])
    def test_about_needs_a_positive_factor(self, factor: int | str, shown: str) -> None:
        assert f"the factor must be positive, not {shown}" == message(
            lambda: about(1, 1, factor, tolerance=TEN_PERCENT), ValueError
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
        assert f"cannot compare {text}: they measure different things" == message(
            lambda: compare(a, b),  # type: ignore[arg-type]
            DimensionMismatchError,
        )

    def test_two_currencies_without_a_rate(self) -> None:
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
            (5, Tolerance.absolute(dt.timedelta(days=1)), "±1 days|a plain number"),
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
        shown, kind = text.split("|")
        assert (
            f"the tolerance {shown} is not in the unit of the values compared, "
            f"which are {kind}"
        ) == message(
            lambda: compare(a, a, tolerance=tolerance),  # type: ignore[arg-type]
            DimensionMismatchError,
        )

    def test_relative_tolerance_for_dates(self) -> None:
        assert (
            "a relative tolerance means nothing for dates: give a margin in days, "
            "such as Tolerance.absolute(timedelta(days=31))"
        ) == message(lambda: compare(DAY, DAY, tolerance=TEN_PERCENT), TypeError)

    def test_dates_with_a_factor(self) -> None:
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
        assert message(lambda: as_estimate(value), TypeError).startswith(text)  # type: ignore[arg-type]

    def test_holds_without_a_relation(self) -> None:
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
            ("1 day", None, dt.timedelta(days=1), "±1 days"),
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
        tolerance = Tolerance.parse(text)
        assert (fraction, margin, shown) == (
            tolerance.fraction,
            tolerance.margin,
            str(tolerance),
        )

    @pytest.mark.parametrize("text", ["a bit", "5 eur", "%", "5 EURX", "5 bananas"])
    def test_parse_refuses(self, text: str) -> None:
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
        fraction = "a relative tolerance is a Decimal fraction from 0 up to (not "
        assert message(lambda: Tolerance.relative(1), ValueError).startswith(fraction)
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
        text = (
            "a tolerance is either relative (Tolerance.relative) or absolute "
            "(Tolerance.absolute): give exactly one of fraction and margin"
        )
        assert text == message(lambda: Tolerance(Decimal("0.1"), 5), ValueError)
        assert text == message(Tolerance, ValueError)

    @pytest.mark.parametrize(
        ("margin", "shown"), [(1.5, "float 1.5"), (True, "bool True"), ("5", "str '5'")]
    )
    def test_absolute_types(self, margin: object, shown: str) -> None:
        assert (
            "an absolute tolerance is Money, a Quantity, a Decimal, an int or a "
            f"timedelta, not {shown}"
        ) == message(lambda: Tolerance.absolute(margin), TypeError)  # type: ignore[arg-type]

    def test_absolute_sign(self) -> None:
        assert "a tolerance cannot be negative, not -1" == message(
            lambda: Tolerance.absolute(-1), ValueError
        )
        assert "±0" == str(Tolerance.absolute(0))

    def test_lower_and_upper(self) -> None:
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
        result = compare(a, b, tolerance=Tolerance.absolute(1))  # type: ignore[arg-type]
        assert ordering is result.ordering

    def test_equal_inside_the_margin_at_both_ends(self) -> None:
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


class TestWords:
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
        assert text == _number(value)

    def test_describe(self) -> None:
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
            _kind_text(kind)
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
        # Compared in the test, not when the module is collected.
        assert text == str(comparison())

    def test_quantities_come_back_in_the_unit_of_the_values(self) -> None:
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
        whole = compare(parameters("70B"), parameters("34B")).difference
        assert "Quantity('36000000000', 'parameter')" == repr(whole.low)
        part = compare(parameters("1.5"), parameters("1")).difference
        assert "Quantity('0.5', 'parameter')" == repr(part.low)
        giga = compare(quantity(3, "GB"), quantity("1.5", "GB")).difference
        assert "Quantity('1.5', 'gigabyte')" == repr(giga.low)

    def test_difference_with_an_unknown_value(self) -> None:
        result = compare(Estimate.unknown(), parameters("1B"))
        assert (None, None, None) == (
            result.difference.low,
            result.difference.high,
            result.difference.best,
        )
        assert result.difference.status is Estimate.unknown().status


class TestMoreKinds:
    def test_helpers_with_the_other_way_to_convert(self) -> None:
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
        three = Estimate.exact(dt.timedelta(days=3))
        assert (
            "cannot compare a duration with a plain number: they measure different "
            "things"
        ) == message(lambda: compare(three, 5), DimensionMismatchError)
        assert message(
            lambda: compare(three, three, tolerance=TEN_PERCENT), TypeError
        ).startswith("a relative tolerance means nothing for dates")

    def test_kind_from_the_upper_bound(self) -> None:
        assert message(
            lambda: compare(Estimate.at_most(Money(5, "EUR")), Money(1, "USD")),
            CurrencyMismatchError,
        ).startswith("comparing EUR with USD needs a conversion")

    def test_unknown_values(self) -> None:
        both = compare(Estimate.unknown(), Estimate.unknown())
        assert (Ordering.INDETERMINATE, None) == (both.ordering, both.accepted)
        assert compare(Estimate.unknown(), DAY).ratio is None
        assert compare(DAY, Estimate.unknown()).ratio is None

    def test_the_result_keeps_what_was_compared(self) -> None:
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
        span = as_estimate(PartialDate(2023, 6))
        assert (dt.date(2023, 6, 1), dt.date(2023, 6, 30), Status.DISCLOSED) == (
            span.low,
            span.high,
            span.status,
        )

    def test_margin_in_a_unit_of_capitals(self) -> None:
        assert quantity(5, "GB") == Tolerance.parse("5 GB").margin

    def test_digits_of_ratios_and_factors(self) -> None:
        third = Decimal(1) / 3
        assert "0.33" == _ratio_text(Estimate.exact(third))
        assert "0.33 to 0.67" == _ratio_text(Estimate.between(third, 2 * third))
        assert "1.235 times" == _factor_text(Decimal("1.23456"))
