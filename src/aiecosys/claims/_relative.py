"""Dates stated relative to a publication: "last June", "this year"."""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

import attrs

from aiecosys._dates import PartialDate, Period, readable_period
from aiecosys._i18n import N_, current, ngettext
from aiecosys._i18n import gettext as _
from aiecosys._i18n import text as file_text


__all__ = [
    "DateLike",
    "Published",
    "RelativeDate",
    "date_text",
    "month_precise",
    "resolve_date",
    "span",
]


_MONTHS: Final = {
    name: number
    for number, name in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ),
        start=1,
    )
}
"""English month names (not the calendar module's, which follow the process's
locale and cost 1 ms to import)."""
_LAST_MONTH: Final = re.compile(r"last (\w+)")
_IN_MONTH: Final = re.compile(r"(?:in )?(\w+)")
_YEARS_AGO: Final = re.compile(r"(\d+) years? ago")
_YEAR_PHRASES: Final = ("this year", "last year", "end of last year")
_YEAR_WORDS: Final = {
    "this year": N_("this year"),
    "last year": N_("last year"),
    "end of last year": N_("end of last year"),
}
"""The phrases naming a year, as readers of other languages read them."""

Published = PartialDate | Period
"""A publication date: a date to the precision known, or the range it lies in."""


def _relative_problem(text: str) -> str | None:
    phrase = " ".join(text.lower().split())
    if phrase in _YEAR_PHRASES or _YEARS_AGO.fullmatch(phrase):
        return None
    for pattern in (_LAST_MONTH, _IN_MONTH):
        match = pattern.fullmatch(phrase)
        if match is not None and match.group(1) in _MONTHS:
            return None
    return _(
        "cannot read {text} as a date relative to the publication: write "
        "'last June', 'in January', 'this year', 'last year', 'end of last year' "
        "or '15 years ago'"
    ).format(text=repr(text))


def _check_relative(
    _instance: RelativeDate, _attribute: attrs.Attribute[str], value: object
) -> None:
    problem = _relative_problem(value) if isinstance(value, str) else _("not text")
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

    def resolve(self, published: Published) -> PartialDate | Period:
        """Return the date or period meant, for a text published on *published*.

        A publication known only to lie in a range gives a range in turn:
        the phrase resolved against the range's earliest date, to the phrase
        resolved against its latest (the same date if both agree). It never
        picks a point the range does not fix.

        Raises:
            ValueError: The phrase names a month but *published* is only a
                year, or a range without both ends.

        Examples:
            >>> from aiecosys import PartialDate, Period, RelativeDate
            >>> RelativeDate("this year").resolve(PartialDate(2024, 2))
            PartialDate(year=2024, month=None, day=None)
            >>> early_2024 = Period(PartialDate(2024, 1), PartialDate(2024, 3))
            >>> print(RelativeDate("last June").resolve(early_2024))
            2023-06
            >>> print(RelativeDate("in February").resolve(early_2024))
            2023-02 to 2024-02
        """
        if isinstance(published, Period):
            if published.start is None or published.end is None:
                raise ValueError(
                    _(
                        "{text} cannot be resolved against {published}, a range "
                        "without both ends: give the earliest and the latest date"
                    ).format(text=repr(self.text), published=readable_period(published))
                )
            earliest = self._resolve(published.start)
            latest = self._resolve(published.end)
            if earliest == latest:
                return earliest
            return Period(_start(earliest), _end(latest))
        return self._resolve(published)

    def _resolve(self, published: PartialDate) -> PartialDate | Period:
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
                _(
                    "{text} needs a publication date precise to the month, "
                    "not {published}"
                ).format(text=repr(self.text), published=readable_period(published))
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


def _start(value: PartialDate | Period) -> PartialDate | None:
    return value.start if isinstance(value, Period) else value


def _end(value: PartialDate | Period) -> PartialDate | None:
    return value.end if isinstance(value, Period) else value


def month_precise(published: Published) -> bool:
    """Whether a publication date (or both ends of its range) names the month.

    Examples:
        >>> from aiecosys import PartialDate, Period
        >>> from aiecosys.claims._relative import month_precise
        >>> month_precise(Period(PartialDate(2024, 1), PartialDate(2024)))
        False
    """
    if isinstance(published, Period):
        return all(
            end is not None and end.month is not None
            for end in (published.start, published.end)
        )
    return published.month is not None


def resolve_date(value: DateLike, published: Published | None) -> PartialDate | Period:
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
            _(
                "{text} is relative, and the claim's source has no "
                "publication date to resolve it against"
            ).format(text=repr(value.text))
        )
    return value.resolve(published)


def span(value: PartialDate | Period) -> tuple[dt.date | None, dt.date | None]:
    return value.first, value.last


def date_text(
    value: PartialDate | Period | RelativeDate, resolved: PartialDate | Period
) -> str:
    r"""A stated date for readers: relative ones with the date they resolve to.

    Examples:
        >>> from aiecosys import PartialDate, language
        >>> date_text(RelativeDate("last year"), PartialDate(2023))
        '"last year", that is 2023'
        >>> with language("fr"):
        ...     date_text(RelativeDate("last year"), PartialDate(2023))
        '«\xa0l’an dernier\xa0», soit 2023'
    """
    if isinstance(value, RelativeDate):
        # Translators: a date as the article states it, then the date it means.
        return _('"{text}", that is {resolved}').format(
            text=_phrase(value), resolved=readable_period(resolved)
        )
    return readable_period(resolved)


def _phrase(value: RelativeDate) -> str:
    """The words of a relative date for readers: as written, or translated.

    English readers read them as written; a translation the files give wins;
    otherwise the phrase is said again in the reader's language.

    Examples:
        >>> from aiecosys import language
        >>> _phrase(RelativeDate("Last June"))
        'Last June'
        >>> with language("fr"):
        ...     [
        ...         _phrase(RelativeDate(text))
        ...         for text in ("last June", "in January", "15 years ago", "last year")
        ...     ]
        ['juin dernier', 'en janvier', 'il y a 15 ans', 'l’an dernier']
    """
    written = file_text(value.text)
    if written != value.text or current() == "en":
        return written
    phrase = " ".join(value.text.lower().split())
    if phrase in _YEAR_WORDS:
        return _(_YEAR_WORDS[phrase])
    ago = _YEARS_AGO.fullmatch(phrase)
    if ago is not None:
        count = int(ago.group(1))
        return ngettext("{count} year ago", "{count} years ago", count).format(
            count=count
        )
    last = _LAST_MONTH.fullmatch(phrase)
    match = last or _IN_MONTH.fullmatch(phrase)
    if match is None:  # refused when the date was made
        return written
    from babel.dates import get_month_names

    month = get_month_names("wide", locale=current())[_MONTHS[match.group(1)]]
    template = _("last {month}") if last is not None else _("in {month}")
    return template.format(month=month)
