"""The claims converter: the knowledge base's, with the values only claims hold.

Claims files, their sources and publications, and opinions are read by one
cattrs converter, built from the knowledge base's
(`aiecosys._files.new_converter`): a text, a number, a date, an amount or an
unknown key is read, or refused, with the same words in any file. To it this
module adds what only claims hold: tolerances, dates relative to a
publication, periods, non-empty lists, numbers within the bounds a claim
may state, and a claim's check, a tagged union on ``kind`` driven by the
registered kinds ([register][aiecosys.claims.register]), so that registering
a kind makes it readable with no other edit.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
import typing
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, Final

from aiecosys._amounts import read_plain_number
from aiecosys._compare import Tolerance
from aiecosys._dates import PartialDate, Period
from aiecosys._ecosystem import normalise_name
from aiecosys._errors import DataError, ParseError, Problem
from aiecosys._files import (
    new_converter,
    refuse_float,
    structure_text,
    table_hook,
    tuple_hook,
)
from aiecosys._i18n import N_, gettext
from aiecosys._money import AMOUNT_LIMIT, MAX_PLACES
from aiecosys._source import Publication, Source
from aiecosys.claims._context import DECIMALS
from aiecosys.claims._registry import KINDS, Kind
from aiecosys.claims._relative import RelativeDate


if TYPE_CHECKING:
    import cattrs


__all__ = [
    "ANY_TIME",
    "is_range",
    "message_of",
    "publication_only",
    "read_number",
    "read_text",
    "source_class",
    "structures",
    "table_of",
]


def message_of(error: BaseException) -> str:
    """The message of an error, each problem's for a DataError."""
    if isinstance(error, DataError):
        return "; ".join(problem.message for problem in error.problems)
    return str(error)


def read_text(raw: object, _: object = None) -> str:
    """Read non-empty text; a value of another type is refused as anywhere else.

    Examples:
        >>> read_text("Mistral AI")
        'Mistral AI'
        >>> read_text(" ")
        Traceback (most recent call last):
        ...
        aiecosys.ParseError: expected non-empty text, not ' '
    """
    text = structure_text(raw)
    if not text.strip():
        raise ParseError(
            gettext("expected non-empty text, not {raw!r}").format(raw=raw)
        )
    return text


_NUMBER_DIGITS: Final = AMOUNT_LIMIT.adjusted()
"""A number in a claims file is below 10^30 in size, as an amount of money is."""
_DAYS_LIMIT: Final = 36_600
"""A margin in days is at most this (a hundred years)."""


def read_number(raw: object, what: str = "the number") -> Decimal:
    """Read an exact number, written as a string or a whole number; never a float.

    Examples:
        >>> read_number("0.5")
        Decimal('0.5')
        >>> read_number(0.5)
        Traceback (most recent call last):
        ...
        aiecosys.ParseError: 0.5 is a float, which cannot hold most decimal values
        exactly: write the number as a string, for example "0.5"
    """
    refuse_float(raw, what)
    if isinstance(raw, bool) or not isinstance(raw, int | str):
        raise ParseError(
            gettext("expected a number written as a string, not {value!r}").format(
                value=raw
            )
        )
    if isinstance(raw, int) and abs(raw) >= AMOUNT_LIMIT:
        raise ParseError(_out_of_range(raw))
    number = Decimal(raw) if isinstance(raw, int) else _plain(raw, what)
    if number and not -MAX_PLACES <= number.adjusted() < _NUMBER_DIGITS:
        raise ParseError(_out_of_range(raw))
    return number


def _plain(raw: str, what: str) -> Decimal:
    """Read *raw* with the one reader of plain numbers ("0_5" is refused, not 5)."""
    try:
        return read_plain_number(raw, what=what)
    except ParseError:
        try:
            number = Decimal(raw)
        except InvalidOperation:
            raise ParseError(
                gettext("cannot read {raw!r} as a number").format(raw=raw)
            ) from None
        if not number.is_finite():
            raise ParseError(
                gettext("{raw!r} is not a finite number").format(raw=raw)
            ) from None
        raise


def _out_of_range(raw: object) -> str:
    if isinstance(raw, int):
        text = gettext("a whole number of {digits} digits or so").format(
            digits=abs(raw).bit_length() * 3 // 10 + 1
        )
    else:
        text = repr(raw)
        text = text if len(text) <= 40 else text[:37] + "..."  # noqa: PLR2004
    return gettext(
        "{value} is out of range: a number in a claims file is below 10^{power} "
        "in size, with digits no finer than 10^-{finest}; check the exponent"
    ).format(value=text, power=_NUMBER_DIGITS, finest=MAX_PLACES)


_TOLERANCE: Final = N_("the tolerance")


def _tolerance(raw: object, _: object = None) -> Tolerance:
    """Read a tolerance: ``"10%"``, a margin such as ``"5"`` or ``"2 days"``."""
    if isinstance(raw, int) and not isinstance(raw, bool):
        return Tolerance.absolute(read_number(raw, _TOLERANCE))
    refuse_float(raw, _TOLERANCE)
    text = read_text(raw).strip()
    number, _, unit = text.removesuffix("%").strip().partition(" ")
    if unit.strip() in {"day", "days"}:
        return Tolerance.absolute(_days(number))
    try:
        finite = Decimal(number).is_finite()
    except InvalidOperation:
        finite = False
    if finite:  # a number: within the bounds of any other
        read_number(number, _TOLERANCE)
    return Tolerance.parse(text)


def _days(number: str) -> dt.timedelta:
    """A margin in whole days, from 0 to _DAYS_LIMIT: never truncated."""
    days = read_number(number, _TOLERANCE)
    if days != days.to_integral_value(context=DECIMALS):
        raise ParseError(
            gettext(
                "a margin of {number} days is not a whole number of days, and a "
                "margin in days is never rounded: write whole days, such as "
                "'2 days'"
            ).format(number=number)
        )
    if not 0 <= days <= _DAYS_LIMIT:
        raise ParseError(
            gettext(
                "a margin of {number} days is out of range: write from 0 to {most} days"
            ).format(number=number, most=_DAYS_LIMIT)
        )
    return dt.timedelta(days=int(days))


ANY_TIME: Final = N_(
    "a period with neither start nor end is any time at all, so the claim could "
    "not fail: give a start, an end or both, such as { start = '2023' }, or leave "
    "the field out to mean at any time"
)
_ISO_DATE: Final = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def _two_ends(
    raw: dict[str, Any],
    ends: tuple[str, str],
    partial_date: Callable[[Any], Any],
    what: str,
) -> tuple[PartialDate | None, PartialDate | None]:
    """Read a table of two dates, such as ``{ start = ..., end = ... }``.

    *what* is marked with ``N_``, and translated for the message.
    """
    extra = set(raw) - set(ends)
    if extra:
        raise ParseError(
            gettext("{what} takes {first} and {last}, not {extra}").format(
                what=gettext(what),
                first=ends[0],
                last=ends[1],
                extra=", ".join(sorted(map(str, extra))),
            )
        )
    first, last = (raw.get(end) for end in ends)
    return (
        None if first is None else partial_date(first),
        None if last is None else partial_date(last),
    )


def _date_like(converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """Read a date, a period ``{ start = ..., end = ... }`` or ``"last June"``."""
    partial_date = _partial_dates(converter)

    def structure(raw: object, kind: Any) -> Any:
        if raw is None and type(None) in typing.get_args(kind):
            return None
        if isinstance(raw, dict):
            return Period(*_two_ends(raw, ("start", "end"), partial_date, _PERIOD))
        if isinstance(raw, str) and _ISO_DATE.fullmatch(raw.strip()) is None:
            # A date or a period as people write it ("June 2023", "2023-10 to
            # 2023-12"), else a date relative to the article ("last June").
            try:
                return Period.parse(raw) if " to " in raw else PartialDate.parse(raw)
            except ParseError:
                return RelativeDate(raw)
        return partial_date(raw)

    return structure


def _partial_dates(converter: cattrs.Converter) -> Callable[[Any], PartialDate]:
    """The converter's reader of a year, a month or a day, as every file's."""
    hook = converter.get_structure_hook(PartialDate)
    return lambda raw: hook(raw, PartialDate)


def _is_date_like(kind: Any) -> bool:
    args = set(typing.get_args(kind)) - {type(None)}
    return args == {PartialDate, Period, RelativeDate}


_BOUNDS: Final = ("earliest", "latest")
_RANGE: Final = N_("a range of dates")
_PERIOD: Final = N_("a period")


def _range(converter: cattrs.Converter) -> Callable[[Any, Any], Period]:
    """Read the range a publication date lies in.

    A range is ``"2024-01 to 2024-03"`` or ``{ earliest = ..., latest = ... }``.
    """
    partial_date = _partial_dates(converter)

    def structure(raw: object, _: object) -> Period:
        if isinstance(raw, dict):
            if not {"earliest", "latest"} <= set(raw):
                _two_ends(raw, _BOUNDS, partial_date, _RANGE)
                raise ParseError(
                    gettext(
                        "a range of dates needs both earliest and latest: the "
                        "earliest and the latest date it may have been published"
                    )
                )
            return Period(*_two_ends(raw, _BOUNDS, partial_date, _RANGE))
        earliest, _, latest = read_text(raw).partition(" to ")
        return Period(partial_date(earliest.strip()), partial_date(latest.strip()))

    return structure


def _empty(item: Any) -> str:
    """Why an empty list of *item* is refused, naming what to list."""
    if item is str:
        return gettext(
            "an empty list says nothing: list at least one name, or leave the field out"
        )
    return gettext(
        "an empty list says nothing: list at least one {noun}, or leave the field out"
    ).format(noun=getattr(item, "__name__", "value").lower())


def _listed(converter: cattrs.Converter, kind: Any, *, detailed: bool) -> Any:
    """Read a non-empty list; names and enum values are each listed once."""
    item = typing.get_args(kind)[0]
    named = item is str or (isinstance(item, type) and issubclass(item, enum.Enum))
    hook = _names if item is str else tuple_hook(converter, kind, detailed=detailed)

    def structure(raw: object, _: object) -> tuple[Any, ...]:
        if isinstance(raw, list | tuple) and not raw:
            raise ParseError(_empty(item))
        values: tuple[Any, ...] = hook(raw, kind)
        if named:
            _once(values)
        return values

    return structure


def _once(values: tuple[Any, ...]) -> None:
    """Refuse a name or a value listed twice (compared without case)."""
    seen: dict[str, str] = {}
    for value in values:
        text = str(getattr(value, "value", value))
        key = normalise_name(text)
        if key in seen:
            raise ParseError(
                gettext(
                    "{text!r} is listed twice (also as {other!r}): list each once"
                ).format(text=text, other=seen[key])
            )
        seen[key] = text


def _names(raw: object, _: object = None) -> tuple[str, ...]:
    if not isinstance(raw, list | tuple):
        raise ParseError(
            gettext("expected a list of names, not {value!r}").format(value=raw)
        )
    return tuple(read_text(item) for item in raw)


def _structure_check(
    converter: cattrs.Converter, *, detailed: bool
) -> Callable[[Any, Any], Any]:
    """Read a check: a table whose ``kind`` names a registered kind."""
    built: dict[type, tuple[Kind, Callable[[Any, Any], Any]]] = {}

    def structure_of(kind: Kind) -> Callable[[Any, Any], Any]:
        found = built.get(kind.check)
        if found is None or found[0] is not kind:
            fields = {name: _hook_of(hook) for name, hook in kind.fields.items()}
            made = table_hook(converter, kind.check, generated=detailed, fields=fields)
            found = built[kind.check] = (kind, made)
        return found[1]

    def structure(raw: object, _: object) -> Any:
        if not isinstance(raw, dict):
            raise ParseError(
                gettext("must be a table with a kind, not {raw!r}").format(raw=raw)
            )
        named = raw.get("kind")
        kind = KINDS.get(named) if isinstance(named, str) else None
        if kind is None:
            message = (
                gettext("unknown check kind {kind!r}; use one of {kinds}")
                if "kind" in raw
                else gettext("is required but missing: one of {kinds}")
            ).format(kind=named, kinds=", ".join(KINDS))
            raise DataError([Problem(message, field="kind")])
        fields = {key: value for key, value in raw.items() if key != "kind"}
        return structure_of(kind)(fields, kind.check)

    return structure


def _hook_of(read: Callable[[Any], Any]) -> Callable[[Any, Any], Any]:
    return lambda raw, _: read(raw)


@functools.cache
def _claims_converter(*, detailed: bool) -> cattrs.Converter:
    """The knowledge base's converter, with the values only claims hold."""
    import attrs

    from aiecosys.claims._claim import Claim
    from aiecosys.claims.checks import Check

    made = new_converter(detailed=detailed, generated=detailed)
    made.register_structure_hook(str, read_text)
    made.register_structure_hook_func(
        lambda kind: kind is Decimal, lambda raw, _: read_number(raw)
    )
    made.register_structure_hook_func(lambda kind: kind is Tolerance, _tolerance)
    made.register_structure_hook_func(_is_date_like, _date_like(made))
    made.register_structure_hook_func(lambda kind: kind is Period, _range(made))
    made.register_structure_hook_factory(
        _is_homogeneous, lambda kind: _listed(made, kind, detailed=detailed)
    )
    # A claim names its check's type as the union of the shipped kinds; the
    # check is read by its tag, whichever kinds are registered.
    attrs.resolve_types(Claim, localns={"Check": Check})
    check = _structure_check(made, detailed=detailed)
    made.register_structure_hook_factory(
        lambda kind: kind is Claim,
        lambda kind: table_hook(
            made, kind, generated=detailed, fields={"check": check}
        ),
    )
    return made


def _is_homogeneous(kind: Any) -> bool:
    args = typing.get_args(kind)
    return typing.get_origin(kind) is tuple and args[1:] == (Ellipsis,)


@functools.cache
def _tables(*, detailed: bool) -> dict[type, Callable[[Any, Any], Any]]:
    """How a source's own table is read, as a Source or a Publication.

    Elsewhere a source is written as its key, and read as the source it names.
    """
    made = _claims_converter(detailed=detailed)
    return {
        kind: table_hook(made, kind, generated=detailed)
        for kind in (Source, Publication)
    }


Structure = Callable[[Any], Any]
"""Structures one raw entry, raising what cattrs raises."""


def structures(kind: type) -> tuple[Structure, Structure]:
    """Structure *kind* fast, and again locating every problem.

    Examples:
        >>> from aiecosys import Opinion
        >>> fast, _ = structures(Opinion)
        >>> fast({"id": "a", "quote": "q", "restatement": "r", "reason": "why"}).id
        'a'
    """
    fast = _structures(kind, detailed=False)

    def detailed(raw: object) -> Any:
        # Built only when an entry fails: files that read cleanly never need it.
        return _structures(kind, detailed=True)(raw)

    return fast, detailed


@functools.cache
def _structures(kind: type, *, detailed: bool) -> Structure:
    if kind in {Source, Publication}:
        hook = _tables(detailed=detailed)[kind]
    else:
        hook = _claims_converter(detailed=detailed).get_structure_hook(kind)
    return lambda raw: hook(raw, kind)


_PUBLICATION_ONLY: Final = "published_between"


def source_class(raw: Mapping[str, Any]) -> type[Source]:
    """A Source, or a Publication if a field says more than a source does.

    Examples:
        >>> source_class({"title": "A"}).__name__
        'Source'
        >>> source_class({"title": "A", "language": "fr"}).__name__
        'Publication'
    """
    if raw.keys() & publication_only() or is_range(raw.get("published")):
        return Publication
    return Source


def publication_only() -> set[str]:
    """The fields only a publication has, which a knowledge base's source has not.

    Examples:
        >>> sorted(publication_only())[:2]
        ['language', 'licence']
    """
    import attrs

    return {field.name for field in attrs.fields(Publication)} - {
        field.name for field in attrs.fields(Source)
    }


def is_range(value: object) -> bool:
    """Whether a ``published`` value is a range of dates, not a date."""
    return isinstance(value, dict) or (isinstance(value, str) and " to " in value)


def table_of(key: str, raw: Mapping[str, Any]) -> dict[str, Any]:
    """The raw table of a source, with its key, to structure.

    A range of dates written as ``published`` is a publication's
    ``published_between``.
    """
    table = {**raw, "key": key}
    if is_range(table.get("published")):
        table[_PUBLICATION_ONLY] = table.pop("published")
    return table
