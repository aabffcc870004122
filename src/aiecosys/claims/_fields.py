"""Reading the fields of a claims file: text, numbers, dates, tolerances, measures.

Each check kind names, for each of its fields, one of these parsers (or its
own); a reader builds the check from them,
recording every problem with the field's path.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, Final

import attrs

from aiecosys._amounts import read_plain_number
from aiecosys._compare import Tolerance
from aiecosys._dates import PartialDate, Period
from aiecosys._ecosystem import normalise_name
from aiecosys._errors import AiecosysError, DataError, ParseError, Problem
from aiecosys._files import refuse_float
from aiecosys._money import AMOUNT_LIMIT, MAX_PLACES
from aiecosys.claims._context import DECIMALS
from aiecosys.claims._measure import Measure
from aiecosys.claims._registry import Parser
from aiecosys.claims._relative import DateLike, RelativeDate


__all__ = [
    "ANY_TIME",
    "MEASURE_PARSERS",
    "InvalidError",
    "Parser",
    "Reader",
    "message_of",
    "parse_date",
    "parse_date_like",
    "parse_decimal",
    "parse_enums",
    "parse_flag",
    "parse_measure",
    "parse_measures",
    "parse_partial_date",
    "parse_text",
    "parse_texts",
    "parse_tolerance",
]


class InvalidError(Exception):
    """A value was invalid; its problems are already recorded."""


@attrs.define
class Reader:
    """Builds checks from a claims file's tables, recording each problem's path."""

    file: str | None
    entry: str | None
    problems: list[Problem]

    def problem(self, field: str | None, message: str) -> None:
        self.problems.append(
            Problem(message, file=self.file, entry=self.entry, field=field)
        )

    def _known_fields(
        self,
        kind: type[Any],
        spec: Mapping[str, Parser],
        raw: dict[str, Any],
        path: str,
        tag: str | None,
    ) -> bool:
        """Record unknown and missing fields; return whether there were none."""
        ok = True
        for key in raw:
            if key not in spec and key != tag:
                self.problem(
                    f"{path}.{key}",
                    f"unknown field {key!r}; {kind.__name__} takes {', '.join(spec)}",
                )
                ok = False
        for field in attrs.fields(kind):
            if field.default is attrs.NOTHING and field.name not in raw:
                self.problem(f"{path}.{field.name}", "is required but missing")
                ok = False
        return ok

    def build(
        self,
        kind: type[Any],
        spec: Mapping[str, Parser],
        raw: Any,
        path: str,
        *,
        tag: str | None = None,
    ) -> Any:
        if not isinstance(raw, dict):
            self.problem(path, f"must be a table, not {raw!r}")
            raise InvalidError
        ok = self._known_fields(kind, spec, raw, path, tag)
        values: dict[str, Any] = {}
        for name, parser in spec.items():
            if name in raw:
                try:
                    values[name] = parser(raw[name], self, f"{path}.{name}")
                except InvalidError:
                    ok = False
                except (AiecosysError, ValueError, TypeError) as error:
                    self.problem(f"{path}.{name}", message_of(error))
                    ok = False
        if not ok:
            raise InvalidError
        try:
            return kind(**values)
        except (AiecosysError, ValueError, TypeError) as error:
            self.problem(path, message_of(error))
            raise InvalidError from None


def message_of(error: BaseException) -> str:
    """The message of an error, each problem's for a DataError."""
    if isinstance(error, DataError):
        return "; ".join(problem.message for problem in error.problems)
    return str(error)


def parse_text(raw: Any, _reader: Reader, _path: str) -> str:
    """Read non-empty text."""
    if not isinstance(raw, str) or not raw.strip():
        raise ParseError(f"expected non-empty text, not {raw!r}")
    return raw


def parse_flag(raw: Any, _reader: Reader, _path: str) -> bool:
    """Read true or false (a TOML or JSON boolean, never a string)."""
    if not isinstance(raw, bool):
        raise ParseError(f"expected true or false, not {raw!r}")
    return raw


def parse_texts(raw: Any, reader: Reader, path: str) -> tuple[str, ...]:
    """Read a non-empty list of names, each listed once (compared without case)."""
    if not isinstance(raw, list):
        raise ParseError(f"expected a list of names, not {raw!r}")
    if not raw:
        raise ParseError(
            "an empty list says nothing: list at least one name, or leave the field out"
        )
    names = tuple(parse_text(item, reader, path) for item in raw)
    seen: dict[str, str] = {}
    for name in names:
        key = normalise_name(name)
        if key in seen:
            raise ParseError(
                f"{name!r} is listed twice (also as {seen[key]!r}): list each once"
            )
        seen[key] = name
    return names


_NUMBER_DIGITS: Final = AMOUNT_LIMIT.adjusted()
"""A number in a claims file is below 10^30 in size, as an amount of money is."""
_DAYS_LIMIT: Final = 36_600
"""A margin in days is at most this (a hundred years)."""


def parse_decimal(
    raw: Any, _reader: Reader, _path: str, what: str = "the number"
) -> Decimal:
    """Read an exact number, written as a string or a whole number; never a float."""
    refuse_float(raw, what)
    if isinstance(raw, bool) or not isinstance(raw, int | str):
        raise ParseError(f'write {what} as a string, such as "0.5", not {raw!r}')
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
            raise ParseError(f"cannot read {raw!r} as a number") from None
        if not number.is_finite():
            raise ParseError(f"{raw!r} is not a finite number") from None
        raise


def _out_of_range(raw: object) -> str:
    if isinstance(raw, int):
        text = f"a whole number of {abs(raw).bit_length() * 3 // 10 + 1} digits or so"
    else:
        text = repr(raw)
        text = text if len(text) <= 40 else text[:37] + "..."  # noqa: PLR2004
    return (
        f"{text} is out of range: a number in a claims file is below "
        f"10^{_NUMBER_DIGITS} in size, with digits no finer than 10^-{MAX_PLACES}; "
        "check the exponent"
    )


def parse_tolerance(raw: Any, reader: Reader, path: str) -> Tolerance:
    """Read a tolerance: ``"10%"``, a margin such as ``"5"`` or ``"2 days"``."""
    if isinstance(raw, int) and not isinstance(raw, bool):
        return Tolerance.absolute(parse_decimal(raw, reader, path, "the tolerance"))
    refuse_float(raw, "the tolerance")
    text = parse_text(raw, reader, path).strip()
    number, _, unit = text.removesuffix("%").strip().partition(" ")
    if unit.strip() in {"day", "days"}:
        return Tolerance.absolute(_days(number, reader, path))
    with contextlib.suppress(InvalidOperation):
        if Decimal(number).is_finite():  # a number: within the bounds of any other
            parse_decimal(number, reader, path, "the tolerance")
    return Tolerance.parse(text)


def _days(number: str, reader: Reader, path: str) -> dt.timedelta:
    """A margin in whole days, from 0 to _DAYS_LIMIT: never truncated."""
    days = parse_decimal(number, reader, path, "the tolerance")
    if days != days.to_integral_value(context=DECIMALS):
        raise ParseError(
            f"a margin of {number} days is not a whole number of days, and a "
            "margin in days is never rounded: write whole days, such as '2 days'"
        )
    if not 0 <= days <= _DAYS_LIMIT:
        raise ParseError(
            f"a margin of {number} days is out of range: write from 0 to "
            f"{_DAYS_LIMIT} days"
        )
    return dt.timedelta(days=int(days))


def parse_partial_date(raw: Any, reader: Reader, path: str) -> PartialDate:
    """Read a year, a month or a day: ``2023``, ``"2023-11"``, ``"2023-11-17"``."""
    refuse_float(raw, "the date")
    if isinstance(raw, int) and not isinstance(raw, bool):
        return PartialDate(raw)
    if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
        return PartialDate.of(raw)
    return PartialDate.parse(parse_text(raw, reader, path))


def parse_date(raw: Any, reader: Reader, path: str) -> dt.date:
    """Read a day: ``"2023-12-11"``."""
    if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
        return raw
    text = parse_text(raw, reader, path)
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ParseError(
            f"cannot read {text!r} as a date; write it as '2023-12-11'"
        ) from None


ANY_TIME: Final = (
    "a period with neither start nor end is any time at all, so the claim could "
    "not fail: give a start, an end or both, such as { start = '2023' }, or leave "
    "the field out to mean at any time"
)
_ISO_DATE: Final = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def parse_date_like(raw: Any, reader: Reader, path: str) -> DateLike:
    """Read a date, a period ``{ start = ..., end = ... }`` or ``"last June"``."""
    if isinstance(raw, dict):
        extra = set(raw) - {"start", "end"}
        if extra:
            raise ParseError(
                f"a period takes start and end, not {', '.join(sorted(extra))}"
            )
        start, end = raw.get("start"), raw.get("end")
        return Period(
            None if start is None else parse_partial_date(start, reader, path),
            None if end is None else parse_partial_date(end, reader, path),
        )
    if isinstance(raw, str) and _ISO_DATE.fullmatch(raw.strip()) is None:
        # A date or a period as people write it ("June 2023", "2023-10 to
        # 2023-12"), else a date relative to the article ("last June").
        with contextlib.suppress(ParseError):
            return Period.parse(raw) if " to " in raw else PartialDate.parse(raw)
        return RelativeDate(raw)
    return parse_partial_date(raw, reader, path)


def parse_measure(raw: Any, reader: Reader, path: str) -> Measure:
    """Read a [Measure][aiecosys.Measure] table: ``{ of = ..., field = ... }``."""
    return reader.build(Measure, MEASURE_PARSERS, raw, path)  # type: ignore[no-any-return]


def parse_measures(raw: Any, reader: Reader, path: str) -> tuple[Measure, ...]:
    """Read a non-empty list of measures."""
    if not isinstance(raw, list) or not raw:
        raise ParseError("expected a non-empty list of measures")
    results, failed = [], False
    for number, item in enumerate(raw):
        try:
            results.append(parse_measure(item, reader, f"{path}[{number}]"))
        except InvalidError:
            failed = True
    if failed:
        raise InvalidError
    return tuple(results)


MEASURE_PARSERS: Final[dict[str, Parser]] = {
    "of": parse_text,
    "field": parse_text,
    "round": parse_text,
    "at": parse_partial_date,
    "office": parse_text,
}
"""The parsers of a measure's fields."""


def parse_enums(kind: Any) -> Parser:
    """Return a parser of a non-empty list of values of the enum *kind*."""

    def parse(raw: Any, reader: Reader, path: str) -> tuple[Any, ...]:
        values = parse_texts(raw, reader, path)
        try:
            return tuple(kind(value) for value in values)
        except ValueError:
            allowed = ", ".join(repr(member.value) for member in kind)
            raise ParseError(
                f"{list(values)!r}: each must be one of {allowed}"
            ) from None

    return parse
