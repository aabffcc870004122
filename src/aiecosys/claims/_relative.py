"""Dates stated relative to a publication: "last June", "this year"."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Final

import attrs

from aiecosys._dates import PartialDate, Period


__all__ = ["DateLike", "RelativeDate", "date_text", "resolve_date", "span"]


_MONTHS: Final = {
    name.lower(): number for number, name in enumerate(calendar.month_name) if name
}
_LAST_MONTH: Final = re.compile(r"last (\w+)")
_IN_MONTH: Final = re.compile(r"(?:in )?(\w+)")
_YEARS_AGO: Final = re.compile(r"(\d+) years? ago")
_YEAR_PHRASES: Final = ("this year", "last year", "end of last year")


def _relative_problem(text: str) -> str | None:
    phrase = " ".join(text.lower().split())
    if phrase in _YEAR_PHRASES or _YEARS_AGO.fullmatch(phrase):
        return None
    for pattern in (_LAST_MONTH, _IN_MONTH):
        match = pattern.fullmatch(phrase)
        if match is not None and match.group(1) in _MONTHS:
            return None
    return (
        f"cannot read {text!r} as a date relative to the publication: write "
        "'last June', 'in January', 'this year', 'last year', 'end of last year' "
        "or '15 years ago'"
    )


def _check_relative(
    _instance: RelativeDate, _attribute: attrs.Attribute[str], value: object
) -> None:
    problem = _relative_problem(value) if isinstance(value, str) else "not text"
    if problem is not None:
        raise ValueError(problem)


@attrs.frozen
class RelativeDate:
    """A date as an article states it, relative to its publication: "last June".

    It is kept as written and resolved against the publication date of the
    claim's source each time the claim is checked. Understood (in English,
    any case): ``last <month>`` (the latest such month before the publication
    month), ``in <month>`` or ``<month>`` (the latest such month, the
    publication month included), ``this year``, ``last year``, ``end of last
    year`` (its last quarter) and ``<n> years ago`` (that year).

    Examples:
        >>> from aiecosys import PartialDate, RelativeDate
        >>> RelativeDate("last June").resolve(PartialDate(2024, 2))
        PartialDate(year=2023, month=6, day=None)
        >>> RelativeDate("in January").resolve(PartialDate(2024, 2, 5))
        PartialDate(year=2024, month=1, day=None)
        >>> print(RelativeDate("end of last year").resolve(PartialDate(2024, 2)))
        2023-10 to 2023-12
        >>> RelativeDate("15 years ago").resolve(PartialDate(2024, 2))
        PartialDate(year=2009, month=None, day=None)
    """

    text: str = attrs.field(validator=_check_relative)
    """The words, such as ``"last June"``."""

    @property
    def needs_month(self) -> bool:
        """Whether resolving needs a publication date precise to the month.

        Examples:
            >>> from aiecosys import RelativeDate
            >>> RelativeDate("last year").needs_month
            False
        """
        phrase = " ".join(self.text.lower().split())
        return phrase not in _YEAR_PHRASES and _YEARS_AGO.fullmatch(phrase) is None

    def resolve(self, published: PartialDate) -> PartialDate | Period:
        """Return the date or period meant, for a text published on *published*.

        Raises:
            ValueError: The phrase names a month but *published* is only a year.

        Examples:
            >>> from aiecosys import PartialDate, RelativeDate
            >>> RelativeDate("this year").resolve(PartialDate(2024, 2))
            PartialDate(year=2024, month=None, day=None)
        """
        phrase = " ".join(self.text.lower().split())
        year = published.year
        if phrase == "this year":
            return PartialDate(year)
        if phrase == "last year":
            return PartialDate(year - 1)
        if phrase == "end of last year":
            return Period(PartialDate(year - 1, 10), PartialDate(year - 1, 12))
        ago = _YEARS_AGO.fullmatch(phrase)
        if ago is not None:
            return PartialDate(year - int(ago.group(1)))
        if published.month is None:
            raise ValueError(
                f"{self.text!r} needs a publication date precise to the month, "
                f"not {published}"
            )
        last = _LAST_MONTH.fullmatch(phrase)
        match = last or _IN_MONTH.fullmatch(phrase)
        month = _MONTHS[match.group(1)] if match is not None else 0
        strictly_before = last is not None
        if month > published.month or (strictly_before and month == published.month):
            year -= 1
        return PartialDate(year, month)

    def __str__(self) -> str:
        return self.text


DateLike = PartialDate | Period | RelativeDate
"""A date or period a check states: exact, partial, a period, or relative."""


def resolve_date(
    value: DateLike, published: PartialDate | None
) -> PartialDate | Period:
    """Return a stated date with a relative one resolved against *published*.

    Raises:
        ValueError: A relative date with no publication date to resolve it.

    Examples:
        >>> from aiecosys import PartialDate
        >>> from aiecosys.claims._relative import RelativeDate, resolve_date
        >>> resolve_date(RelativeDate("last year"), PartialDate(2024))
        PartialDate(year=2023, month=None, day=None)
    """
    if not isinstance(value, RelativeDate):
        return value
    if published is None:
        raise ValueError(
            f"{value.text!r} is relative, and the claim's source has no "
            "publication date to resolve it against"
        )
    return value.resolve(published)


def span(value: PartialDate | Period) -> tuple[dt.date | None, dt.date | None]:
    return value.first, value.last


def date_text(
    value: PartialDate | Period | RelativeDate, resolved: PartialDate | Period
) -> str:
    if isinstance(value, RelativeDate):
        return f'"{value.text}", that is {resolved}'
    return str(resolved)
