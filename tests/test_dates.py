"""Partial dates and periods."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import aiecosys
from aiecosys import (
    DataError,
    Ordering,
    ParseError,
    PartialDate,
    Period,
    as_partial_date,
)
from aiecosys._dates import readable_period


partial_dates = st.dates(min_value=dt.date(1900, 1, 1)).flatmap(
    lambda day: st.sampled_from(
        [PartialDate(day.year), PartialDate(day.year, day.month), PartialDate.of(day)]
    )
)


class TestPartialDate:
    @given(st.dates())
    def test_a_months_last_day_is_the_calendars(self, day: dt.date) -> None:
        """A month's last day, and the days a day may be, are the Gregorian ones."""
        last = calendar.monthrange(day.year, day.month)[1]

        assert PartialDate(day.year, day.month).last == day.replace(day=last)
        assert PartialDate(day.year, day.month, day.day).first == day
        with pytest.raises(DataError, match="day"):
            PartialDate(day.year, day.month, last + 1)

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("2009", PartialDate(2009)),
            ("2023-06", PartialDate(2023, 6)),
            ("2023-12-11", PartialDate(2023, 12, 11)),
        ],
    )
    def test_parse(self, text: str, expected: PartialDate) -> None:
        """Year, month and day precision are read from ISO forms and written back."""
        actual = PartialDate.parse(text)

        assert expected == actual
        assert text == str(actual)

    @pytest.mark.parametrize("text", ["Jnue 2023", "23-06", "2023/06", ""])
    def test_parse_refuses_other_forms(self, text: str) -> None:
        """Anything but ISO forms or a month in words is a ParseError with examples."""
        with pytest.raises(ParseError, match="YYYY-MM"):
            PartialDate.parse(text)

    @pytest.mark.parametrize(
        ("args", "field"),
        [((2023, 13), "month"), ((2023, 2, 30), "day"), ((0,), "year")],
    )
    def test_impossible_dates(self, args: tuple[int, ...], field: str) -> None:
        """A month or day that does not exist is a DataError naming the field."""
        with pytest.raises(DataError) as caught:
            PartialDate(*args)

        assert field == caught.value.problems[0].field

    def test_day_needs_month(self) -> None:
        """A day without a month is refused."""
        with pytest.raises(DataError, match="a day needs a month"):
            PartialDate(2023, None, 1)

    def test_first_and_last(self) -> None:
        """A partial date stands for every day from its first to its last."""
        assert (dt.date(2024, 2, 1), dt.date(2024, 2, 29)) == (
            PartialDate(2024, 2).first,
            PartialDate(2024, 2).last,
        )
        assert (dt.date(2009, 1, 1), dt.date(2009, 12, 31)) == (
            PartialDate(2009).first,
            PartialDate(2009).last,
        )

    def test_precision(self) -> None:
        """The precision says what the source knew."""
        assert ["year", "month", "day"] == [
            PartialDate(2023).precision,
            PartialDate(2023, 6).precision,
            PartialDate(2023, 6, 1).precision,
        ]

    def test_year_and_month_within_it_are_not_ordered(self) -> None:
        """'2023' is neither before nor after 'June 2023': it contains it."""
        year, june = PartialDate(2023), PartialDate(2023, 6)

        assert Ordering.INDETERMINATE is year.ordering(june)
        assert not year.precedes(june)
        assert not year.follows(june)
        assert year.contains(june)
        assert year.overlaps(june)
        assert not june.contains(year)

    def test_relations_with_full_dates_and_periods(self) -> None:
        """Dates, partial dates and periods can be compared with one another."""
        june = PartialDate(2023, 6)

        assert june.contains(dt.date(2023, 6, 13))
        assert june.precedes(dt.date(2023, 7, 1))
        assert june.follows(Period(PartialDate(2009), PartialDate(2019)))
        assert june.overlaps(Period(PartialDate(2016), None))

    def test_has_no_less_than(self) -> None:
        """Partial dates refuse `<`, which would pretend to an order."""
        with pytest.raises(TypeError):
            PartialDate(2023) < PartialDate(2024)

    def test_datetime_refused(self) -> None:
        """A datetime is refused: facts are dated to the day at most."""
        with pytest.raises(TypeError, match="datetime"):
            PartialDate(2023).contains(dt.datetime(2023, 1, 1, 12))  # noqa: DTZ001

    @given(partial_dates, partial_dates)
    def test_ordering_is_antisymmetric(
        self,
        left: PartialDate,
        right: PartialDate,
    ) -> None:
        """Ordering a against b is the reverse of ordering b against a."""
        assert left.ordering(right).reversed() is right.ordering(left)

    @given(partial_dates, partial_dates)
    def test_precedes_means_disjoint(
        self,
        left: PartialDate,
        right: PartialDate,
    ) -> None:
        """A date that precedes another never overlaps it."""
        if left.precedes(right):
            assert not left.overlaps(right)


class TestPeriod:
    def test_open_ends(self) -> None:
        """An open end reaches as far as any date."""
        since_2016 = Period(PartialDate(2016))

        assert since_2016.contains(PartialDate(2024, 1))
        assert not since_2016.contains(PartialDate(2015, 12))
        assert "2016 to …" == str(since_2016)

    @pytest.mark.parametrize(
        ("period", "english", "french"),
        [
            (
                Period(PartialDate(2024, 1, 23), PartialDate(2024, 3, 14)),
                "2024-01-23 to 2024-03-14",
                "de 23 janv. 2024 à 14 mars 2024",
            ),
            (Period(PartialDate(2016)), "2016 to …", "depuis 2016"),
            (Period(None, PartialDate(2019)), "… to 2019", "jusqu'à 2019"),
            (Period(), "… to …", "à une date inconnue"),
            (PartialDate(2023, 6), "2023-06", "juin 2023"),
        ],
    )
    def test_a_period_reads_in_the_readers_language(
        self, period: PartialDate | Period, english: str, french: str
    ) -> None:
        """English keeps the printed form; French writes dates and words its way."""
        assert readable_period(period) == english == str(period)
        with aiecosys.language("fr"):
            assert readable_period(period) == french

    def test_end_before_start_refused(self) -> None:
        """A period cannot end before it starts."""
        with pytest.raises(DataError, match="before it starts"):
            Period(PartialDate(2019), PartialDate(2009))


def test_as_partial_date() -> None:
    """Text, dates and partial dates all become partial dates."""
    assert [PartialDate(2023, 6), PartialDate(2023, 6, 13), PartialDate(2009)] == [
        as_partial_date("2023-06"),
        as_partial_date(dt.date(2023, 6, 13)),
        as_partial_date(PartialDate(2009)),
    ]
    with pytest.raises(TypeError):
        as_partial_date(2009)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("month", "day"),
    [(True, None), (6.0, None), ("6", None), (6, 1.5), (6, True)],
    ids=repr,
)
def test_months_and_days_are_ints(month: object, day: object) -> None:
    """A bool, a float or text as a month or day is a DataError, never a date."""
    with pytest.raises(DataError, match="is not an int between 1 and"):
        PartialDate(2023, month, day)  # type: ignore[arg-type]


class TestWrittenDates:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("June 2023", PartialDate(2023, 6)),
            ("juin 2023", PartialDate(2023, 6)),
            ("Sept. 2023", PartialDate(2023, 9)),
            ("août 2023", PartialDate(2023, 8)),
            ("8 December 2023", PartialDate(2023, 12, 8)),
            ("8 décembre 2023", PartialDate(2023, 12, 8)),
            ("1er juin 2023", PartialDate(2023, 6, 1)),
            ("December 8, 2023", PartialDate(2023, 12, 8)),
            ("3rd Feb 2024", PartialDate(2024, 2, 3)),
        ],
    )
    def test_month_in_words(self, text: str, expected: PartialDate) -> None:
        """A month written in English or French words reads as its ISO form does."""
        assert expected == PartialDate.parse(text)

    @pytest.mark.parametrize(
        "text", ["08/12/2023", "Jnue 2023", "June", "32 May 2023", "2023 June"]
    )
    def test_other_forms_are_refused(self, text: str) -> None:
        """Slashed digits, misspelt months and missing years are refused."""
        with pytest.raises((ParseError, DataError)):
            PartialDate.parse(text)

    def test_a_day_that_does_not_exist_is_refused(self) -> None:
        """'31 février 2023' names a day February never has."""
        with pytest.raises(DataError, match="between 1 and 28"):
            PartialDate.parse("31 février 2023")

    def test_long_text_is_refused_naming_the_bound(self) -> None:
        """A date longer than MAX_DATE_LENGTH is refused before any pattern runs."""
        from aiecosys._dates import MAX_DATE_LENGTH

        with pytest.raises(ParseError, match=f"at most {MAX_DATE_LENGTH} characters"):
            PartialDate.parse("June " * 100 + "2023")


class TestPeriodParse:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                "2023-10 to 2023-12",
                Period(PartialDate(2023, 10), PartialDate(2023, 12)),
            ),
            ("June 2023 to 2024", Period(PartialDate(2023, 6), PartialDate(2024))),
            ("2016 to …", Period(PartialDate(2016), None)),
            ("... to 2019", Period(None, PartialDate(2019))),
        ],
    )
    def test_reads_periods(self, text: str, expected: Period) -> None:
        """A period reads as it prints, with … or ... for an open end."""
        assert expected == Period.parse(text)

    @given(st.none() | partial_dates, st.none() | partial_dates)
    def test_reads_what_str_prints(
        self, start: PartialDate | None, end: PartialDate | None
    ) -> None:
        """Period.parse(str(period)) is the period."""
        if start is not None and end is not None and end.precedes(start):
            start, end = end, start
        period = Period(start, end)
        assert period == Period.parse(str(period))

    @pytest.mark.parametrize("text", ["2023-10", "2023-10 - 2023-12", "to"])
    def test_refuses_text_without_two_ends(self, text: str) -> None:
        """Without ' to ' between two ends, the text is not a period."""
        with pytest.raises(ParseError):
            Period.parse(text)

    def test_refuses_a_period_ending_before_it_starts(self) -> None:
        """The ends are checked as Period checks them."""
        with pytest.raises(DataError, match="before it starts"):
            Period.parse("2024 to 2023")


class TestReadableDates:
    """Dates written for people: ISO in English, French readers' words in French."""

    @pytest.mark.parametrize(
        ("value", "english", "french"),
        [
            (dt.date(2023, 12, 11), "2023-12-11", "11 déc. 2023"),
            (PartialDate(2023, 12, 11), "2023-12-11", "11 déc. 2023"),
            (PartialDate(2024, 3, 1), "2024-03-01", "1er mars 2024"),
            (PartialDate(2023, 6), "2023-06", "juin 2023"),
            (PartialDate(2024, 2), "2024-02", "février 2024"),
            (PartialDate(2009), "2009", "2009"),
            (
                Period(PartialDate(2023, 6), PartialDate(2024, 3)),
                "2023-06 to 2024-03",
                "de juin 2023 à mars 2024",
            ),
            (Period(PartialDate(2016)), "2016 to …", "depuis 2016"),
            (Period(None, PartialDate(2019, 5)), "… to 2019-05", "jusqu'à mai 2019"),
        ],
    )
    def test_each_precision_in_each_language(
        self, value: dt.date | PartialDate | Period, english: str, french: str
    ) -> None:
        """A day, a month, a year and periods: English as printed, French in words."""
        assert readable_period(value) == english
        with aiecosys.language("fr"):
            assert readable_period(value) == french

    @given(partial_dates)
    def test_english_is_always_the_printed_form(self, date: PartialDate) -> None:
        """In English every partial date reads as it prints, ISO 8601."""
        assert readable_period(date) == str(date)

    @given(partial_dates)
    def test_french_has_no_iso_date(self, date: PartialDate) -> None:
        """In French no date is left in digits and hyphens."""
        with aiecosys.language("fr"):
            written = readable_period(date)
        assert "-" not in written
        assert str(date.year) in written

    def test_a_datetime_is_refused(self) -> None:
        """A moment is not a date: facts are dated to the day at most."""
        with pytest.raises(TypeError, match="not a datetime"):
            readable_period(dt.datetime(2023, 12, 11, 9, 30, tzinfo=dt.UTC))
