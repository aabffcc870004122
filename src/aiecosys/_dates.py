"""Dates as sources give them: a day, a month ("June 2023") or a year ("2009")."""

from __future__ import annotations

import datetime as dt
import re
from typing import Final, Self

import attrs

from aiecosys._amounts import normalise_text, strip_accents
from aiecosys._errors import DataError, ParseError, Problem
from aiecosys._i18n import current
from aiecosys._i18n import gettext as _
from aiecosys._ordering import Ordering, order_bounds


__all__ = [
    "MAX_DATE_LENGTH",
    "DateLike",
    "PartialDate",
    "Period",
    "as_partial_date",
    "readable_period",
]

_ISO: Final = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")

MAX_DATE_LENGTH: Final = 100

_MONTH_DAYS: Final = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
"""The longest text, in characters, read as a date or a period."""

_MONTHS: Final = {
    name: number
    for number, names in enumerate(
        (
            "january jan janvier janv",
            "february feb fevrier fevr fev",
            "march mar mars",
            "april apr avril avr",
            "may mai",
            "june jun juin",
            "july jul juillet juil",
            "august aug aout",
            "september sep sept septembre",
            "october oct octobre",
            "november nov novembre",
            "december dec decembre",
        ),
        start=1,
    )
    for name in names.split()
}
_DAY: Final = r"(?P<day>[0-9]{1,2})(?:er|st|nd|rd|th)?"
_MONTH: Final = r"(?P<month>[a-z]+)\.?"
_YEAR: Final = r",? (?P<year>[0-9]{4})"
_WRITTEN: Final = (
    re.compile(_MONTH + _YEAR),  # June 2023, juin 2023
    re.compile(_DAY + " " + _MONTH + _YEAR),  # 8 December 2023, 1er juin 2023
    re.compile(_MONTH + " " + _DAY + _YEAR),  # December 8, 2023
)
_DATE_FORMS: Final = (
    "write 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (such as '2009', '2023-06' or "
    "'2023-12-11'), or the month in words ('June 2023', 'juin 2023', "
    "'8 December 2023')"
)


def _check_date_length(text: str, what: str) -> None:
    if len(text) > MAX_DATE_LENGTH:
        raise ParseError(
            f"cannot read {text[:40]!r}... as {what}: it is {len(text):,} characters "
            f"long, and aiecosys reads at most {MAX_DATE_LENGTH} characters as "
            f"{what}; {_DATE_FORMS}"
        )


def _written_date(text: str) -> tuple[int, int, int | None] | None:
    """Read a date with its month in English or French words, or None."""
    folded = strip_accents(normalise_text(text))
    for pattern in _WRITTEN:
        match = pattern.fullmatch(folded)
        if match is not None and match.group("month") in _MONTHS:
            day = match.groupdict().get("day")
            return (
                int(match.group("year")),
                _MONTHS[match.group("month")],
                None if day is None else int(day),
            )
    return None


def _check_month(
    _instance: PartialDate, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    if value is not None and (type(value) is not int or not 1 <= value <= 12):  # noqa: PLR2004
        raise DataError(
            [Problem(_not_between("month", value, 12), field=attribute.name)]
        )


def days_in_month(year: int, month: int) -> int:
    """The days of a month of the Gregorian calendar, as ``calendar.monthrange``.

    Written here: importing the calendar module took 1 ms of the
    ``aiecosys claims`` command, which needs nothing else of it.

    Examples:
        >>> from aiecosys._dates import days_in_month
        >>> days_in_month(2024, 2), days_in_month(1900, 2), days_in_month(2023, 12)
        (29, 28, 31)
    """
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return 29 if month == 2 and leap else _MONTH_DAYS[month - 1]  # noqa: PLR2004


def _check_day(
    instance: PartialDate, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    if value is None:
        return
    if instance.month is None:
        raise DataError([Problem("a day needs a month", field=attribute.name)])
    last = days_in_month(instance.year, instance.month)
    if type(value) is not int or not 1 <= value <= last:
        raise DataError(
            [Problem(_not_between("day", value, last), field=attribute.name)]
        )


def _not_between(what: str, value: object, last: int) -> str:
    if type(value) is int:
        return f"{what} {value} is not between 1 and {last}"
    return f"{what} {value!r} is not an int between 1 and {last}"


def _check_year(
    _instance: PartialDate, attribute: attrs.Attribute[int], value: int
) -> None:
    if type(value) is not int or not 1 <= value <= 9999:  # noqa: PLR2004
        raise DataError(
            [Problem(f"year {value!r} is not between 1 and 9999", field=attribute.name)]
        )


@attrs.frozen
class PartialDate:
    """A date known to the day, the month or only the year.

    Sources often say "in June 2023" or "in 2009". A partial date keeps that
    precision instead of inventing a day: it stands for the whole period from
    [first][aiecosys.PartialDate.first] to [last][aiecosys.PartialDate.last].
    It has no ``<``, because "2023" is neither before nor after "June 2023";
    ask [precedes][aiecosys.PartialDate.precedes],
    [contains][aiecosys.PartialDate.contains] or
    [ordering][aiecosys.PartialDate.ordering] instead.

    Examples:
        >>> from aiecosys import PartialDate
        >>> june = PartialDate.parse("2023-06")
        >>> june.first, june.last
        (datetime.date(2023, 6, 1), datetime.date(2023, 6, 30))
        >>> PartialDate(2023).contains(june)
        True
        >>> str(PartialDate(2023, 12, 11))
        '2023-12-11'
    """

    year: int = attrs.field(validator=_check_year)
    """The year."""
    month: int | None = attrs.field(default=None, validator=_check_month)
    """The month (1 to 12), or None when only the year is known."""
    day: int | None = attrs.field(default=None, validator=_check_day)
    """The day of the month, or None when only the month or the year is known."""

    @classmethod
    def parse(cls, text: str) -> Self:
        """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, or a month in words.

        The month may be written in English or French words, in full or
        abbreviated: ``"June 2023"``, ``"juin 2023"``, ``"8 December 2023"``,
        ``"1er décembre 2023"``, ``"Dec. 8, 2023"``. Dates in digits with
        slashes (``"08/12/2023"``) are refused: the day and the month swap
        places between languages.

        Args:
            text: The date, at most `MAX_DATE_LENGTH` characters.

        Returns:
            The partial date.

        Raises:
            ParseError: The text is none of these forms.
            DataError: The month or day does not exist.

        Examples:
            >>> from aiecosys import PartialDate
            >>> PartialDate.parse("2009")
            PartialDate(year=2009, month=None, day=None)
            >>> PartialDate.parse("June 2023")
            PartialDate(year=2023, month=6, day=None)
            >>> str(PartialDate.parse("8 décembre 2023"))
            '2023-12-08'
            >>> PartialDate.parse("08/12/2023")
            Traceback (most recent call last):
            ...
            aiecosys.ParseError: cannot read '08/12/2023' as a date; ...
        """
        if not isinstance(text, str):
            raise TypeError(f"expected a date as text, not {type(text).__name__}")
        _check_date_length(text, "a date")
        match = _ISO.fullmatch(text.strip())
        if match is None:
            written = _written_date(text)
            if written is None:
                raise ParseError(f"cannot read {text!r} as a date; {_DATE_FORMS}")
            return cls(*written)
        year, month, day = match.groups()
        return cls(
            int(year),
            None if month is None else int(month),
            None if day is None else int(day),
        )

    @classmethod
    def of(cls, day: dt.date) -> Self:
        """Return the partial date of a full date, precise to the day.

        Examples:
            >>> import datetime
            >>> from aiecosys import PartialDate
            >>> PartialDate.of(datetime.date(2023, 11, 17))
            PartialDate(year=2023, month=11, day=17)
        """
        return cls(day.year, day.month, day.day)

    @property
    def precision(self) -> str:
        """``"day"``, ``"month"`` or ``"year"``.

        Examples:
            >>> from aiecosys import PartialDate
            >>> PartialDate(2023, 6).precision
            'month'
        """
        if self.day is not None:
            return "day"
        return "year" if self.month is None else "month"

    @property
    def first(self) -> dt.date:
        """The first day this date may stand for.

        Examples:
            >>> from aiecosys import PartialDate
            >>> PartialDate(2009).first
            datetime.date(2009, 1, 1)
        """
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last(self) -> dt.date:
        """The last day this date may stand for.

        Examples:
            >>> from aiecosys import PartialDate
            >>> PartialDate(2024, 2).last
            datetime.date(2024, 2, 29)
        """
        if self.day is not None:
            return self.first
        month = self.month or 12
        return dt.date(self.year, month, days_in_month(self.year, month))

    def contains(self, other: DateLike) -> bool:
        """Whether every day *other* may stand for lies within this date.

        Examples:
            >>> import datetime
            >>> from aiecosys import PartialDate
            >>> PartialDate(2023, 6).contains(datetime.date(2023, 6, 13))
            True
            >>> PartialDate(2023, 6).contains(PartialDate(2023))
            False
        """
        return _contains(self.first, self.last, other)

    def precedes(self, other: DateLike) -> bool:
        """Whether this date certainly ends before *other* begins.

        Examples:
            >>> from aiecosys import PartialDate
            >>> PartialDate(2009).precedes(PartialDate(2019))
            True
            >>> PartialDate(2023).precedes(PartialDate(2023, 6))
            False
        """
        return self.ordering(other) is Ordering.LESS

    def follows(self, other: DateLike) -> bool:
        """Whether this date certainly begins after *other* ends.

        Examples:
            >>> from aiecosys import PartialDate
            >>> PartialDate(2024, 1).follows(PartialDate(2023, 6))
            True
        """
        return self.ordering(other) is Ordering.GREATER

    def overlaps(self, other: DateLike) -> bool:
        """Whether this date and *other* share at least one day.

        Examples:
            >>> from aiecosys import PartialDate, Period
            >>> PartialDate(2019).overlaps(Period(PartialDate(2016), None))
            True
        """
        return _overlaps(self.first, self.last, other)

    def ordering(self, other: DateLike) -> Ordering:
        """Order this date against another date or period, three-valued.

        Examples:
            >>> from aiecosys import PartialDate
            >>> PartialDate(2023).ordering(PartialDate(2023, 6))
            <Ordering.INDETERMINATE: 'indeterminate'>
            >>> PartialDate(2023, 6).ordering(PartialDate(2023, 5))
            <Ordering.GREATER: 'greater'>
        """
        low, high = _bounds(other)
        return order_bounds(self.first, self.last, low, high)

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text


def _check_period_end(
    instance: Period,
    attribute: attrs.Attribute[PartialDate | None],
    value: PartialDate | None,
) -> None:
    if (
        value is not None
        and instance.start is not None
        and value.precedes(instance.start)
    ):
        raise DataError(
            [
                Problem(
                    f"ends ({value}) before it starts ({instance.start})",
                    field=attribute.name,
                )
            ]
        )


@attrs.frozen
class Period:
    """A stretch of time between two partial dates; either end may be open (None).

    A period from "2009" to "2019" runs from the first day of 2009 to the last
    day of 2019. An open start means "since before anything known", an open
    end "still going on, or not known to have ended".

    Examples:
        >>> from aiecosys import PartialDate, Period
        >>> valley = Period(PartialDate(2009), PartialDate(2019))
        >>> valley.contains(PartialDate(2016))
        True
        >>> valley.overlaps(PartialDate(2020))
        False
    """

    start: PartialDate | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(PartialDate)),
    )
    """When it started, or None if not known."""
    end: PartialDate | None = attrs.field(
        default=None,
        validator=[
            attrs.validators.optional(attrs.validators.instance_of(PartialDate)),
            _check_period_end,
        ],
    )
    """When it ended, or None if it has not ended or the end is not known."""

    @classmethod
    def parse(cls, text: str) -> Self:
        """Read a period as it prints: ``"2023-10 to 2023-12"``, ``"2016 to …"``.

        Each end is a date that [PartialDate.parse][aiecosys.PartialDate.parse]
        reads, or ``…`` (or ``...``) for an open end.

        Raises:
            ParseError: The text has no `` to ``, or an end is not a date.
            DataError: The period ends before it starts.

        Examples:
            >>> from aiecosys import Period
            >>> Period.parse("2023-10 to 2023-12")
            Period(start=PartialDate(year=2023, month=10, day=None),
                   end=PartialDate(year=2023, month=12, day=None))
            >>> str(Period.parse("June 2023 to …"))
            '2023-06 to …'
        """
        if not isinstance(text, str):
            raise TypeError(f"expected a period as text, not {type(text).__name__}")
        _check_date_length(text, "a period")
        start, to, end = normalise_text(text).partition(" to ")
        if not to:
            raise ParseError(
                f"cannot read {text!r} as a period; write its two ends with 'to' "
                "between them, such as '2023-10 to 2023-12', with '…' for an "
                "open end ('2016 to …')"
            )
        return cls(_period_end(start), _period_end(end))

    @property
    def first(self) -> dt.date | None:
        """The earliest day the period may include, or None when open.

        Examples:
            >>> from aiecosys import PartialDate, Period
            >>> Period(PartialDate(2016)).first
            datetime.date(2016, 1, 1)
        """
        return None if self.start is None else self.start.first

    @property
    def last(self) -> dt.date | None:
        """The latest day the period may include, or None when open.

        Examples:
            >>> from aiecosys import PartialDate, Period
            >>> print(Period(PartialDate(2016)).last)
            None
        """
        return None if self.end is None else self.end.last

    def contains(self, other: DateLike) -> bool:
        """Whether every day *other* may stand for lies within the period.

        Examples:
            >>> from aiecosys import PartialDate, Period
            >>> Period(PartialDate(2016)).contains(PartialDate(2023, 6))
            True
        """
        return _contains(self.first, self.last, other)

    def overlaps(self, other: DateLike) -> bool:
        """Whether the period and *other* share at least one day.

        Examples:
            >>> from aiecosys import PartialDate, Period
            >>> Period(None, PartialDate(2019)).overlaps(PartialDate(2019, 12))
            True
        """
        return _overlaps(self.first, self.last, other)

    def ordering(self, other: DateLike) -> Ordering:
        """Order the period against a date or another period, three-valued.

        Examples:
            >>> from aiecosys import PartialDate, Period
            >>> Period(PartialDate(2009), PartialDate(2019)).ordering(PartialDate(2023))
            <Ordering.LESS: 'less'>
        """
        low, high = _bounds(other)
        return order_bounds(self.first, self.last, low, high)

    def __str__(self) -> str:
        start = "…" if self.start is None else str(self.start)
        end = "…" if self.end is None else str(self.end)
        return f"{start} to {end}"


def readable_period(value: dt.date | PartialDate | Period) -> str:
    """A day, a partial date or a period as people read it, in their language.

    English keeps the form dates print in (``2023-10``, ``2024-01-23``), which
    every reader reads alike; other languages write them as their readers do,
    through Babel (``juin 2023``, ``23 janv. 2024``). The words between a
    period's ends are translated.

    Examples:
        >>> import datetime
        >>> import aiecosys
        >>> from aiecosys import PartialDate, Period
        >>> from aiecosys._dates import readable_period
        >>> period = Period(PartialDate(2024, 1, 23), PartialDate(2024, 3, 14))
        >>> readable_period(period), readable_period(PartialDate(2023, 6))
        ('2024-01-23 to 2024-03-14', '2023-06')
        >>> readable_period(datetime.date(2023, 12, 11))
        '2023-12-11'
        >>> with aiecosys.language("fr"):
        ...     readable_period(period), readable_period(Period(PartialDate(2016)))
        ('de 23 janv. 2024 à 14 mars 2024', 'depuis 2016')
        >>> with aiecosys.language("fr"):
        ...     [
        ...         readable_period(PartialDate(2023, 6)),
        ...         readable_period(PartialDate(2009)),
        ...     ]
        ['juin 2023', '2009']
    """
    if isinstance(value, dt.date | PartialDate):
        return _readable_date(value)
    start, end = value.start, value.end
    if start is not None and end is not None:
        # Translators: a period between two dates, such as "2023-10 to 2023-12".
        return _("{start} to {end}").format(
            start=_readable_date(start), end=_readable_date(end)
        )
    if start is not None:
        # Translators: a period with no known end, such as "2016 to …".
        return _("{start} to …").format(start=_readable_date(start))
    if end is not None:
        # Translators: a period with no known start, such as "… to 2019".
        return _("… to {end}").format(end=_readable_date(end))
    # Translators: a period with neither a known start nor a known end.
    return _("… to …")


def _readable_date(value: dt.date | PartialDate) -> str:
    """A day or a partial date: ISO in English, in the reader's words otherwise."""
    if isinstance(value, dt.datetime):
        raise TypeError(
            "pass a date, not a datetime: facts are dated to the day at most"
        )
    if current() == "en":
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    if isinstance(value, dt.date):
        value = PartialDate.of(value)
    if value.month is None:
        return str(value.year)
    # Imported here: Babel's dates are read only for readers of other languages,
    # and aiecosys._readable imports this module.
    from aiecosys._readable import readable_date

    if value.day is None:
        from babel.dates import format_date

        return format_date(value.first, "MMMM y", locale=current())
    return readable_date(value.first)


def _period_end(text: str) -> PartialDate | None:
    """One end of a period: a date, or None for ``…`` (an open end)."""
    return None if text.strip() in {"…", "..."} else PartialDate.parse(text)


DateLike = dt.date | PartialDate | Period
"""Anything that stands for a day or a stretch of days."""


def as_partial_date(value: dt.date | PartialDate | str) -> PartialDate:
    """Return *value* as a partial date: dates become day-precise, text is parsed.

    Examples:
        >>> import datetime
        >>> from aiecosys import as_partial_date
        >>> as_partial_date("2023-06")
        PartialDate(year=2023, month=6, day=None)
        >>> as_partial_date(datetime.date(2009, 9, 1))
        PartialDate(year=2009, month=9, day=1)
    """
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, dt.datetime):
        raise TypeError(
            "pass a date, not a datetime: facts are dated to the day at most"
        )
    if isinstance(value, dt.date):
        return PartialDate.of(value)
    if isinstance(value, str):
        return PartialDate.parse(value)
    raise TypeError(
        f"expected a date, a PartialDate or text, not {type(value).__name__}"
    )


def _bounds(value: DateLike) -> tuple[dt.date | None, dt.date | None]:
    if isinstance(value, dt.datetime):
        raise TypeError(
            "pass a date, not a datetime: facts are dated to the day at most"
        )
    if isinstance(value, dt.date):
        return value, value
    if isinstance(value, PartialDate | Period):
        return value.first, value.last
    raise TypeError(
        f"expected a date, a PartialDate or a Period, not {type(value).__name__}"
    )


def _contains(first: dt.date | None, last: dt.date | None, other: DateLike) -> bool:
    low, high = _bounds(other)
    starts_inside = first is None or (low is not None and first <= low)
    ends_inside = last is None or (high is not None and high <= last)
    return starts_inside and ends_inside


def _overlaps(first: dt.date | None, last: dt.date | None, other: DateLike) -> bool:
    low, high = _bounds(other)
    return (high is None or first is None or first <= high) and (
        low is None or last is None or low <= last
    )
