"""Load-time checks shared by the check kinds: names, measures, comparisons, dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol

from aiecosys._compare import Tolerance, check_margin_kind, kind_text, value_kind
from aiecosys._currency import validate_currency
from aiecosys._dates import Period, readable_period
from aiecosys._ecosystem import Ecosystem, normalise_name
from aiecosys._errors import AiecosysError, RateUnavailableError, UnknownEntityError
from aiecosys._i18n import gettext as _
from aiecosys._money import Money
from aiecosys.claims._context import Context, Found, Missing, read
from aiecosys.claims._fields import ANY_TIME, message_of
from aiecosys.claims._measure import MODEL_FIELDS, Measure
from aiecosys.claims._relative import (
    DateLike,
    Published,
    RelativeDate,
    month_precise,
)


__all__ = [
    "Compared",
    "either",
    "unknown_names",
    "validate_comparison",
    "validate_measure",
    "validate_when",
]


class Compared(Protocol):
    """A check that compares values: a value, ratio or ordering check."""

    @property
    def tolerance(self) -> Tolerance | None:
        """How far apart the values may be."""

    @property
    def on(self) -> dt.date | None:
        """The date money is converted at."""

    def first_read(self, context: Context) -> Found:
        """Read the first fact compared, as evaluating the check reads it."""


def unknown_names(
    pairs: Iterable[tuple[str, str | None, Callable[[str], Any]]],
) -> Iterator[tuple[str, str]]:
    """For each (field, name, look-up), the field and message if the name is unknown."""
    for field, name, look_up in pairs:
        if name is None:
            continue
        try:
            look_up(name)
        except UnknownEntityError as error:
            yield field, str(error)


def either(eco: Ecosystem) -> Callable[[str], Any]:
    """Return a look-up of an organisation, or else a person, by name."""

    def look_up(name: str) -> Any:
        try:
            return eco.organisation(name)
        except UnknownEntityError:
            try:
                return eco.person(name)
            except UnknownEntityError:
                raise UnknownEntityError(
                    _("no organisation or person is named {name}").format(
                        name=repr(name)
                    )
                ) from None

    return look_up


def validate_measure(
    measure: Measure, path: str, eco: Ecosystem
) -> Iterator[tuple[str, str]]:
    problems = list(unknown_names([(f"{path}.of", measure.of, _look_up(measure, eco))]))
    yield from problems
    if problems:
        return
    try:
        read(measure, Context(eco))
    except Missing as missing:
        if missing.ambiguous:
            yield path, str(missing)
    except (UnknownEntityError, RateUnavailableError, ValueError):
        pass


def _identity(measure: Measure, eco: Ecosystem) -> tuple[object, ...]:
    """What makes two measures read the same fact, aliases resolved."""
    try:
        of = _look_up(measure, eco)(measure.of).name
    except UnknownEntityError:
        of = normalise_name(measure.of)
    office = None if measure.office is None else normalise_name(measure.office)
    return of, measure.field, measure.round, measure.at, office


def _look_up(measure: Measure, eco: Ecosystem) -> Callable[[str], Any]:
    if measure.field in MODEL_FIELDS:
        return eco.model
    if measure.field == "born":
        return eco.person
    return eco.organisation


def _repeated(
    pairs: Iterable[tuple[str, Measure]], eco: Ecosystem
) -> Iterator[tuple[str, str]]:
    """Each measure that reads a fact an earlier one already reads."""
    seen: dict[tuple[object, ...], str] = {}
    for path, measure in pairs:
        key = _identity(measure, eco)
        if key in seen:
            yield (
                path,
                _(
                    "reads the same fact as {other} ({label}): a fact compared with "
                    "itself or counted twice proves nothing; name another fact"
                ).format(other=seen[key], label=measure.label),
            )
        else:
            seen[key] = path


def _first_currency(check: Compared, eco: Ecosystem) -> str | None:
    """The currency the values are compared in, if money, as evaluation reads it."""
    currency = _currency_field(check)
    if currency is not None:
        return currency
    try:
        found = check.first_read(Context(eco))
    except (Missing, UnknownEntityError, RateUnavailableError, ValueError):
        return None
    kind = value_kind(found.estimate)
    return kind[1] if kind is not None and kind[0] == "money" else None


def _currency_field(check: Compared) -> str | None:
    """The currency money is added up in, for a check that names one."""
    currency: str | None = getattr(check, "currency", None)
    return currency


def _validate_money(
    check: Compared, eco: Ecosystem, money: bool
) -> Iterator[tuple[str, str]]:
    """Fields that apply to money only, and a margin in the right currency."""
    if not money:
        if check.on is not None:
            yield (
                "on",
                _(
                    "is the date money is converted at, and the values compared are "
                    "not money: leave it out"
                ),
            )
        if _currency_field(check) is not None:
            yield (
                "currency",
                _(
                    "is the currency money is added up in, and the values compared "
                    "are not money: leave it out"
                ),
            )
        return
    currency = _currency_field(check)
    if currency is not None:
        try:
            validate_currency(currency)
        except AiecosysError as error:
            yield "currency", message_of(error)
            return
    margin = None if check.tolerance is None else check.tolerance.margin
    currency = _first_currency(check, eco)
    if isinstance(margin, Money) and currency not in {None, margin.currency}:
        yield (
            "tolerance",
            _(
                "the margin {margin} is in {margin_currency}, and the values are "
                "compared in {currency}: write the margin in {currency}, or as a "
                "percentage such as '10%'"
            ).format(
                margin=check.tolerance,
                margin_currency=margin.currency,
                currency=currency,
            ),
        )


def _fixes_days(published: Published | None) -> bool:
    """Whether a publication date gives days to convert at: a date, a closed range."""
    if isinstance(published, Period):
        return published.first is not None and published.last is not None
    return published is not None


def _validate_compared(
    kinds: list[tuple[str, tuple[str, str]]],
    tolerance: Tolerance | None,
    on: dt.date | None,
    published: Published | None,
) -> Iterator[tuple[str, str]]:
    (first_path, first), *others = kinds
    for path, kind in others:
        if kind[0] != first[0] or (kind[0] == "quantity" and kind[1] != first[1]):
            yield (
                path,
                _(
                    "compares {first} ({path}) with {other}: they measure different "
                    "things"
                ).format(
                    first=kind_text(first), path=first_path, other=kind_text(kind)
                ),
            )
            return
    if first[0] == "date":
        yield (
            first_path,
            _("is a date: use a date check to say when something happened"),
        )
        return
    if first[0] == "money" and on is None and not _fixes_days(published):
        yield (
            "on",
            _(
                "money may need converting: give the date to convert at (on), or a "
                "publication date to the claim's source"
            )
            if published is None
            else _(
                "money may need converting: give the date to convert at (on), or a "
                "publication date to the claim's source (its publication date is a "
                "range open at one end, {published}, which gives no day to convert "
                "at)"
            ).format(published=readable_period(published)),
        )
    if tolerance is not None:
        kind = (
            ("number", "")
            if first[0] == "money" and isinstance(tolerance.margin, Money)
            else first
        )
        if (
            first[0] == "money"
            and tolerance.margin is not None
            and not isinstance(tolerance.margin, Money)
        ):
            yield (
                "tolerance",
                _(
                    "the margin {margin} is not money, and the values compared are"
                ).format(margin=tolerance),
            )
        elif kind is first:
            try:
                check_margin_kind(tolerance, first)
            except (TypeError, ValueError) as error:
                yield "tolerance", str(error)


def validate_comparison(
    check: Compared,
    eco: Ecosystem,
    published: Published | None,
    measures: list[tuple[str, Measure]],
    stated: tuple[str, tuple[str, str]] | None = None,
) -> Iterator[tuple[str, str]]:
    """The measures, then what they are compared as, then the money fields."""
    problems = [
        p for path, measure in measures for p in validate_measure(measure, path, eco)
    ]
    problems.extend(_repeated(measures, eco))
    yield from problems
    if problems:
        return
    kinds = [(path, measure.kind()) for path, measure in measures]
    problems = list(
        _validate_compared(
            [*kinds, *([stated] if stated else [])],
            check.tolerance,
            check.on,
            published,
        )
    )
    yield from problems
    if not problems:
        yield from _validate_money(check, eco, kinds[0][1][0] == "money")


def validate_when(
    value: DateLike | None, field: str, published: Published | None
) -> Iterator[tuple[str, str]]:
    """What is wrong with a stated date: any time at all, or unresolvable."""
    if isinstance(value, Period) and value.start is None and value.end is None:
        yield field, _(ANY_TIME)
    if not isinstance(value, RelativeDate):
        return
    if published is None:
        yield (
            field,
            _("{text} is relative: give the claim's source a publication date").format(
                text=repr(value.text)
            ),
        )
    elif value.needs_month and not month_precise(published):
        yield (
            field,
            _(
                "{text} needs a publication date precise to the month, not {published}"
            ).format(text=repr(value.text), published=readable_period(published)),
        )
    else:
        try:
            value.resolve(published)
        except (AiecosysError, ValueError) as error:
            yield (
                field,
                _(
                    "{text} cannot be resolved against the publication date "
                    "{published}: {error}"
                ).format(
                    text=repr(value.text),
                    published=readable_period(published),
                    error=message_of(error),
                ),
            )
