"""Knowledge-base files: TOML for people, JSON for programs, one format for both.

Why TOML rather than YAML. A knowledge base is written by hand and reviewed in
pull requests, so it must be easy to read and safe to open:

* TOML is read by rtoml, a small compiled reader, and any text it refuses is
  read again by the standard library's `tomllib`, which words the error (see
  `read_toml`); writing needs only the small `tomli-w`.
* TOML has no anchors, aliases, tags or custom types: parsing a file cannot run
  code or expand a few lines into gigabytes (YAML's "billion laughs"), and the
  work done is proportional to the file's size.
* TOML has no implicit typing: ``NO`` stays text, ``1.10`` is not silently a
  float unless written unquoted. Amounts and other exact numbers are written
  as strings (``"105000000 EUR"``, ``"76.3"``), so no digit is lost to binary
  floats; a bare float is refused with a message saying to quote it.

JSON allows an object to give one key twice, and its readers keep the last
value silently; aiecosys refuses such a file, naming the key, the entry and
the field, so that ``"amount": "5 EUR", "amount": "500000000 EUR"`` is never
read as either.

The same document shape is used in JSON (``.json`` files, or
[dumps][aiecosys.dumps] with ``format="json"``), and described by a JSON
Schema (``docs/schema/ecosystem.schema.json``, see
[json_schema][aiecosys.json_schema]) that editors use to check files as they
are typed.

The document: an optional ``format_version = 1``; a ``[sources.KEY]`` table
per source; arrays of tables ``[[organisations]]``, ``[[people]]``,
``[[rounds]]``, ``[[funds]]``, ``[[models]]``, ``[[statements]]``,
``[[laws]]``, ``[[metrics]]``, ``[[locations]]`` and ``[[denials]]`` whose
fields are those of [Organisation][aiecosys.Organisation],
[Person][aiecosys.Person], [FundingRound][aiecosys.FundingRound],
[FundFact][aiecosys.FundFact], [ModelSpec][aiecosys.ModelSpec],
[Statement][aiecosys.Statement], [Law][aiecosys.Law],
[Metric][aiecosys.Metric], [Location][aiecosys.Location] and
[Denial][aiecosys.Denial]. Facts cite sources by key. Dates are written
``"2009"``, ``"2023-06"`` or ``"2023-12-11"``, or with the month in words
(``"June 2023"``, ``"juin 2023"``). An estimate is a plain value (exact and
disclosed), the text ``str()`` prints (``"between 250,000,000 EUR and
300,000,000 EUR (estimated)"``), or a table with ``value`` or
``low``/``high``/``best``, ``status``, ``sources`` and ``note``.

Amounts and counts are written plain by `dumps` (``"105000000 EUR"``,
``"34000000000 parameter"``) and read in every form the number reader
takes (``"€385M"``, ``"34B"``); an optional top-level ``locale = "fr"``
settles decimal marks for the whole file.

An optional ``[translations.<lang>]`` table translates the file's own texts
(role titles, notes) for readers of another language: each key a text of the
file, written exactly, each value its translation (see `translations_of`).
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import enum
import functools
import operator
import re
import typing
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal, NoReturn

from aiecosys import _reading
from aiecosys._amounts import GIVE_LOCALE, Lang, is_scale_word, read_plain_number
from aiecosys._choices import not_one_of
from aiecosys._compare import read_amount
from aiecosys._dates import PartialDate, Period
from aiecosys._ecosystem import COLLECTIONS, Ecosystem, entry_label
from aiecosys._errors import DataError, ParseError, Problem
from aiecosys._estimate import Estimate, Status
from aiecosys._i18n import N_, gettext
from aiecosys._money import Money
from aiecosys._precision import Precision, qualifier_of
from aiecosys._source import Source
from aiecosys._units import Quantity, read_quantity


if TYPE_CHECKING:
    import cattrs


__all__ = [
    "FORMAT_VERSION",
    "MAX_DEPTH",
    "dump",
    "dumps",
    "file_texts",
    "format_of",
    "from_document",
    "full_source",
    "load",
    "loads",
    "parse_document",
    "read_written_amount",
    "refuse_float",
    "structure_text",
    "to_document",
    "translations_of",
    "unknown_format",
]

FORMAT_VERSION: Final = 1
"""The version of the file format that this aiecosys reads and writes."""

Format = Literal["toml", "json"]

_SOURCES: contextvars.ContextVar[Mapping[str, Source]] = contextvars.ContextVar(
    "sources"
)
_UNREAD: contextvars.ContextVar[frozenset[str]] = contextvars.ContextVar(
    "unread", default=frozenset()
)
_LOCALE: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "locale", default=None
)

_FIELD_UNITS: Final = {
    "parameters": "parameter",
    "active_parameters": "parameter",
    "training_tokens": "token",
    "training_compute": "FLOP",
}
"""The unit a count in each of these fields is read in when the text names
none ("34B" in ``parameters`` is 34 billion parameters)."""


# -- scalar hooks ---------------------------------------------------------------


def refuse_float(value: object, what: str) -> None:
    if isinstance(value, float):
        raise ParseError(
            gettext(
                "{value!r} is a float, which cannot hold most decimal values "
                "exactly: write {what} as a string, for example {example}"
            ).format(value=value, what=gettext(what), example=f'"{value}"')
        )


def _text(value: object, _: object = None) -> str:
    if not isinstance(value, str):
        raise ParseError(
            gettext("expected text, not {type} {value!r}").format(
                type=type(value).__name__, value=value
            )
        )
    return value


def structure_text(value: object, _: object = None) -> str:
    """Read text, refusing any other value as every file's text fields do.

    Examples:
        >>> structure_text(5)
        Traceback (most recent call last):
        ...
        aiecosys.ParseError: expected text, not int 5
    """
    return _text(value)


def _names(value: object, _: object = None) -> tuple[str, ...]:
    if not isinstance(value, list | tuple) or not all(
        type(item) is str for item in value
    ):
        raise ParseError(
            gettext("expected a list of names, not {value!r}").format(value=value)
        )
    return tuple(value)


def _not_a_list(raw: object) -> NoReturn:
    raise ParseError(gettext("expected a list, not {raw!r}").format(raw=raw))


def _time_of_day(value: dt.datetime) -> NoReturn:
    raise ParseError(
        gettext("{value} has a time of day; write the date alone").format(value=value)
    )


def _flag(value: object, _: object = None) -> bool:
    """Read true or false: a TOML or JSON boolean, never the text "false".

    Examples:
        >>> _flag(True)
        True
        >>> _flag("false")
        Traceback (most recent call last):
        ...
        aiecosys.ParseError: expected true or false, not 'false'
    """
    if not isinstance(value, bool):
        raise ParseError(
            gettext("expected true or false, not {value!r}").format(value=value)
        )
    return value


def _integer(value: object, _: object = None) -> int:
    refuse_float(value, N_("the number"))
    if isinstance(value, bool) or not isinstance(value, int):
        raise ParseError(
            gettext("expected a whole number, not {value!r}").format(value=value)
        )
    return value


def _decimal(value: object, _: object = None) -> Decimal:
    refuse_float(value, N_("the number"))
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ParseError(
            gettext("expected a number written as a string, not {value!r}").format(
                value=value
            )
        )
    return read_plain_number(str(value), what=N_("a number"))


def _plain(number: Decimal) -> str:
    return format(number, "f")


def _split(value: object, what: str) -> tuple[str, Decimal | None, str]:
    """Split the canonical ``"NUMBER UNIT"`` that `dumps` writes.

    Returns the text, stripped, and its plain number and unit, or None and
    ``""`` when the text is in another form, for the human reader.
    """
    refuse_float(value, what)
    text = _text(value).strip()
    number, _, unit = text.partition(" ")
    unit = unit.strip()
    if not unit or ("." in number and _LOCALE.get() is not None):
        # The file's locale says what a dot in an amount is ("1.500" in fr).
        return text, None, ""
    try:
        return text, read_plain_number(number, what=what), unit
    except ParseError:
        return text, None, ""


@contextlib.contextmanager
def reading_locale(locale: object) -> Iterator[None]:
    """Read numbers in *locale* (a file's ``locale`` key) while structuring.

    ``"en"`` and ``"fr"`` choose the decimal mark and the scale words of the
    language; any other CLDR locale (``"de_CH"``) its decimal mark and groups.

    Raises:
        ParseError: *locale* is not text.
    """
    if locale is not None and not isinstance(locale, str):
        raise ParseError(
            gettext("locale must be text such as 'fr' or 'en', not {locale!r}").format(
                locale=locale
            )
        )
    token = _LOCALE.set(locale)
    try:
        yield
    finally:
        _LOCALE.reset(token)


def _reader_hint() -> dict[str, Any]:
    """The ``lang=`` or ``locale=`` the file's ``locale`` key asks for."""
    hint = _LOCALE.get()
    if hint is None:
        return {}
    if hint in {"en", "fr"}:
        return {"lang": typing.cast("Lang", hint)}
    return {"locale": hint}


@contextlib.contextmanager
def _file_hint() -> Iterator[None]:
    """Say how a file settles a number with two readings: its ``locale`` key."""
    try:
        yield
    except ParseError as error:
        if gettext(GIVE_LOCALE) not in str(error):
            raise
        raise ParseError(
            gettext(
                "{error}; in a file, give its locale at the top, such as "
                "{english} or {french}"
            ).format(error=error, english='locale = "en"', french='locale = "fr"')
        ) from None


# Knowledge bases repeat amounts, sizes and dates ("2023-11", "105000000 EUR")
# across thousands of entries; each text is read once and its immutable value
# shared (benchmarks/bench_load.py). A text that fails is read, and refused,
# every time: lru_cache keeps only values returned. The caches are bounded and
# thread-safe; only short texts of the exact type str are kept, so that a str
# subclass never stands for a str, and the memory they hold stays small.
_TEXTS_KEPT: Final = 4096
_TEXT_KEPT_LENGTH: Final = 64


def _keepable(value: object) -> bool:
    return type(value) is str and len(value) <= _TEXT_KEPT_LENGTH


def read_written_amount(text: str) -> Money | Quantity:
    """Read money or a quantity as people write it, in the file's ``locale``.

    Examples:
        >>> read_written_amount("€385M")
        Money('385000000', 'EUR')
    """
    with _file_hint():
        return read_amount(text, **_reader_hint())


def _money(value: object, _: object = None) -> Money:
    """Read ``"105000000 EUR"``, or any form `Money.parse` reads (``"€385M"``).

    Examples:
        >>> _money("385 millions d'euros") == _money("385000000 EUR")
        True
    """
    if _keepable(value) and _LOCALE.get() is None:
        return _money_text(value)
    return _read_money(value)


def _read_money(value: object) -> Money:
    text, amount, currency = _split(value, N_("an amount of money"))
    if amount is not None and len(currency) == 3 and currency.isalpha():  # noqa: PLR2004 - ISO 4217
        return Money(amount, currency)
    with _file_hint():
        return Money.parse(text, **_reader_hint())


def _quantity(value: object, _: object = None, *, unit: str | None = None) -> Quantity:
    """Read ``"34000000000 parameter"``, or a scaled count (``"1.8T parameters"``).

    A count with no unit (``"34B"``) is read in *unit*, the one its field
    expects, and refused where the field has none.

    Examples:
        >>> _quantity("34B", unit="parameter")
        Quantity('34000000000', 'parameter')
        >>> _quantity("1.8T parameters")
        Quantity('1800000000000', 'parameter')
    """
    if _keepable(value) and _LOCALE.get() is None:
        return _quantity_text(value, unit)
    return _read_quantity(value, unit)


def _read_quantity(value: object, unit: str | None) -> Quantity:
    text, magnitude, written = _split(value, N_("a quantity"))
    # In a field with a unit, "34 B" is 34 billion of it, as "34B" is.
    if magnitude is not None and not (unit and is_scale_word(written)):
        with contextlib.suppress(ParseError):
            return Quantity(magnitude, written)
    with _file_hint():
        return read_quantity(text, unit=unit, **_reader_hint())


# A file's locale changes how its texts read, so only texts read without one
# are kept.
_money_text: Final = functools.lru_cache(maxsize=_TEXTS_KEPT)(_read_money)


_quantity_text: Final = functools.lru_cache(maxsize=_TEXTS_KEPT)(_read_quantity)


def _partial_date(value: object, _: object = None) -> PartialDate:
    refuse_float(value, N_("the date"))
    if _keepable(value):
        return _partial_date_text(value)
    if isinstance(value, dt.datetime):
        _time_of_day(value)
    if isinstance(value, dt.date):
        return PartialDate.of(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return PartialDate(value)
    return PartialDate.parse(_text(value))


_partial_date_text: Final = functools.lru_cache(maxsize=_TEXTS_KEPT)(PartialDate.parse)


def _date_or_period(value: object, _: object = None) -> PartialDate | Period:
    """A date, or a period with ``to`` between its ends: ``"2023-04 to 2023-05"``."""
    if isinstance(value, str) and " to " in value:
        return Period.parse(value)
    return _partial_date(value)


def _date(value: object, _: object = None) -> dt.date:
    refuse_float(value, N_("the date"))
    if isinstance(value, dt.datetime):
        _time_of_day(value)
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ParseError(
            gettext("cannot read {text!r} as a date; write it as '2024-03-01'").format(
                text=text
            )
        ) from None


def _source_ref(value: object, _: object = None) -> Source:
    key = _text(value)
    table = _SOURCES.get({})
    if key in _UNREAD.get():
        raise ParseError(
            gettext(
                "the source {key!r} cannot be read: fix the problems of sources.{key}"
            ).format(key=key)
        )
    if key not in table:
        raise ParseError(
            gettext(
                "unknown source {key!r}: define it in a [sources.{key}] table"
            ).format(key=key)
        )
    return table[key]


@contextlib.contextmanager
def source_table(
    sources: Mapping[str, Source], *, unread: Collection[str] = ()
) -> Iterator[None]:
    """Resolve source keys against *sources* while structuring entries.

    *unread* are the keys of sources that are written but could not be read:
    an entry citing one is told to fix it, not to define it.
    """
    token = _SOURCES.set(sources)
    unread_token = _UNREAD.set(frozenset(unread))
    try:
        yield
    finally:
        _UNREAD.reset(unread_token)
        _SOURCES.reset(token)


# -- estimates ------------------------------------------------------------------

_ESTIMATE_FIELDS: Final = frozenset(
    {"value", "low", "high", "best", "status", "sources", "note"}
)


def _is_tuple(kind: Any) -> bool:
    args = typing.get_args(kind)
    return typing.get_origin(kind) is tuple and args[1:] == (Ellipsis,)


def _tuple_of(converter: cattrs.Converter, kind: Any) -> Callable[[Any, Any], Any]:
    """Structure a homogeneous tuple fast; the detailed converter locates failures."""
    item = typing.get_args(kind)[0]
    structure_item = converter.get_structure_hook(item)

    def structure(raw: object, _: object) -> tuple[Any, ...]:
        if not isinstance(raw, list | tuple):
            _not_a_list(raw)
        return tuple([structure_item(value, item) for value in raw])

    return structure


def _detailed_tuple_of(
    converter: cattrs.Converter, kind: Any
) -> Callable[[Any, Any], Any]:
    """Check that a list is a list, then let cattrs locate each item's problems."""

    def structure(raw: object, _: object) -> tuple[Any, ...]:
        if not isinstance(raw, list | tuple):
            _not_a_list(raw)
        result: tuple[Any, ...] = converter._structure_tuple(raw, kind)  # noqa: SLF001
        return result

    return structure


def _source_keys(raw: object) -> list[str]:
    """Read an estimate's ``sources``: a list of keys, never one string."""
    if raw is None:
        return []
    if not isinstance(raw, list) or not all(type(key) is str for key in raw):
        raise ParseError(
            gettext(
                "expected a list of source keys, not {raw!r}: write {example} "
                "to cite one source"
            ).format(raw=raw, example=f'sources = ["{raw}"]')
            if isinstance(raw, str)
            else gettext("expected a list of source keys, not {raw!r}").format(raw=raw)
        )
    return raw


def _is_estimate(kind: Any) -> bool:
    return typing.get_origin(kind) is Estimate or kind is Estimate


_PRINTED_STATUS: Final = re.compile(r" \((?P<status>[a-z]+)\)")


def _printed_estimate(text: str, value: Callable[[object], Any]) -> Estimate[Any]:
    """Read an estimate as ``str()`` prints it: ``"between A and B (estimated)"``.

    Also ``"at least A"``, ``"at most B"``, ``", most likely C"`` after a
    range, ``"unknown (undisclosed)"`` and ``"A (disclosed)"``; the status in
    brackets may be left out. A value led by words of precision (``"nearly
    A"``, ``"about A"``, ``"over A"``) covers what `aiecosys._precision`
    says they cover.
    """
    body, status_text = text, None
    match = _PRINTED_STATUS.search(text, max(0, len(text) - 20))
    if match is not None and match.end() == len(text):
        body, status_text = text[: match.start()], match.group("status")
    low = high = best = None
    if body == "unknown":
        default = Status.UNDISCLOSED
    elif body.startswith("between "):
        bounds, _, best_text = body.removeprefix("between ").partition(", most likely ")
        low_text, _, high_text = bounds.partition(" and ")
        low, high = value(low_text), value(high_text)
        best = value(best_text) if best_text else None
        default = Status.ESTIMATED
    elif body.startswith(("at least ", "at most ")):
        bound = value(body.removeprefix("at least ").removeprefix("at most "))
        low, high = (bound, None) if body.startswith("at least ") else (None, bound)
        default = Status.ESTIMATED
    elif qualifier_of(body)[0] is not None:
        # "nearly 300000000 EUR": the precision of the words, as in claims.
        kind, figure = qualifier_of(body)
        stated = Precision.of(value(figure), kind, written=body)
        low, high = stated.low, stated.high
        default = Status.ESTIMATED
    else:
        exact = value(body)
        return Estimate.exact(exact, status=_status(status_text or "disclosed"))
    return Estimate(low, high, best, _status(status_text or default.value))


def _whole(number: Decimal) -> int | Decimal:
    """*number* as an int when it is whole and of at most 30 digits."""
    if number == number.to_integral_value() and number.adjusted() < 30:  # noqa: PLR2004
        return int(number)
    return number


def _status(raw: object) -> Status:
    return typing.cast("Status", _structure_enum(Status)(raw, Status))


def _is_printed(raw: str) -> bool:
    if qualifier_of(raw)[0] is not None:
        return True
    return raw.startswith(("between ", "at least ", "at most ", "unknown")) or (
        raw.endswith(")") and _PRINTED_STATUS.search(raw) is not None
    )


def _value_reader(
    converter: cattrs.Converter, value_kind: Any, unit: str | None
) -> Callable[[object], Any]:
    """How an estimate's bounds are read: a count in *unit*, or by the value's hook."""
    if unit is not None:
        return functools.partial(_quantity, unit=unit)
    # Looked up once, not on every bound (benchmarks/bench_load.py).
    hook = converter.get_structure_hook(value_kind)

    def structured(raw: object) -> Any:
        return hook(raw, value_kind)

    return structured


def _structure_estimate(
    converter: cattrs.Converter, kind: Any, unit: str | None = None
) -> Callable[[Any, Any], Any]:
    """Structure an estimate: a plain value, a table, or the text ``str()`` prints.

    *unit* is the unit a count with none is read in ("34B" parameters).
    """
    (value_kind,) = typing.get_args(kind) or (Decimal,)
    structure_value = _value_reader(converter, value_kind, unit)

    def value(raw: object) -> Any:
        return None if raw is None else structure_value(raw)

    def printed(text: object) -> Any:
        """A bound as ``str()`` prints it: digits grouped in English."""
        if value_kind is int:
            return _integer(_whole(read_plain_number(_text(text), what=N_("a count"))))
        with reading_locale(_LOCALE.get() or "en"):
            return value(text)

    def structure(raw: object, _: object) -> Estimate[Any]:
        if isinstance(raw, str) and _is_printed(raw.strip()):
            return _printed_estimate(" ".join(raw.split()), printed)
        if not isinstance(raw, dict):
            return Estimate.exact(value(raw))
        extra = set(raw) - _ESTIMATE_FIELDS
        if extra:
            raise ParseError(
                gettext(
                    "unknown field(s) {fields} in an estimate; use value, low, "
                    "high, best, status, sources and note"
                ).format(fields=", ".join(sorted(extra)))
            )
        sources = tuple(_source_ref(key) for key in _source_keys(raw.get("sources")))
        note = None if raw.get("note") is None else _text(raw["note"])
        if "value" in raw:
            if {"low", "high", "best"} & set(raw):
                raise ParseError(
                    gettext("an estimate has either a value or low/high/best, not both")
                )
            status = _status(raw.get("status", "disclosed"))
            return Estimate.exact(
                value(raw["value"]), status=status, sources=sources, note=note
            )
        low, high, best = (
            value(raw.get("low")),
            value(raw.get("high")),
            value(raw.get("best")),
        )
        bounded = low is not None or high is not None
        status = _status(raw.get("status", "estimated" if bounded else "undisclosed"))
        return Estimate(low, high, best, status, sources, note)

    return structure


def _unstructure_estimate(
    converter: cattrs.Converter, _kind: Any
) -> Callable[[Any], Any]:
    def unstructure(estimate: Estimate[Any]) -> Any:
        plain = estimate.is_exact and estimate.best == estimate.low
        if (
            plain
            and estimate.status is Status.DISCLOSED
            and not estimate.sources
            and estimate.note is None
        ):
            return converter.unstructure(estimate.low)
        raw: dict[str, Any] = {}
        if plain:
            raw["value"] = converter.unstructure(estimate.low)
        else:
            for name in ("low", "high", "best"):
                bound = getattr(estimate, name)
                if bound is not None:
                    raw[name] = converter.unstructure(bound)
        raw["status"] = estimate.status.value
        if estimate.sources:
            raw["sources"] = [source.key for source in estimate.sources]
        if estimate.note is not None:
            raw["note"] = estimate.note
        return raw

    return unstructure


def _structure_enum(kind: type[enum.Enum]) -> Callable[[Any, Any], Any]:
    """Return a reader of one value of the enum *kind*, naming the values allowed."""

    def structure(raw: object, _: object) -> enum.Enum:
        try:
            return kind(raw)
        except ValueError:  # a Choice says so already; any other enum, here
            raise not_one_of(raw, [member.value for member in kind]) from None

    return structure


# -- the converter --------------------------------------------------------------


def converter() -> cattrs.Converter:
    """Return the cattrs converter between entities and documents (built once).

    It reports every problem of an entry (cattrs' detailed validation).
    """
    return _converter(detailed=True)


@functools.cache
def _converter(*, detailed: bool) -> cattrs.Converter:
    """Build a converter; the one without detailed validation is faster.

    Files are read with the fast one, and an entry that fails is read again
    with the detailed one, to report all of its problems. The fast one reads
    a table by a loop over its fields: writing and compiling a function for
    each class took 4 to 5 ms of the bundled knowledge base's first load
    (about 25 ms), and read 10,000 entities no faster.
    """
    from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

    made = new_converter(detailed=detailed, generated=detailed)
    if detailed:
        # Sources are few: they are always read with every problem located,
        # whichever converter was built last.
        full_source.structure = make_dict_structure_fn(
            Source, made, _cattrs_forbid_extra_keys=True
        )
        full_source.unstructure = make_dict_unstructure_fn(
            Source, made, _cattrs_omit_if_default=True
        )
    return made


def new_converter(*, detailed: bool, generated: bool = True) -> cattrs.Converter:
    """Return a new converter with the hooks of every value a file holds.

    Knowledge bases are read with it; the claims layer builds its converter
    from it, adding the values only claims hold, so that the same mistake
    gets the same message in any file. Unless *generated*, a table is read
    into its attrs class by a loop over its fields rather than by a function
    cattrs writes and compiles for the class: slower per entry, but with
    nothing to build, for the few entries of each class a claims file holds.
    """
    import cattrs

    made = cattrs.Converter(
        forbid_extra_keys=True, omit_if_default=True, detailed_validation=detailed
    )
    # First, so that the hooks below come before it for the classes they take.
    made.register_structure_hook_factory(
        _is_attrs,
        lambda kind: table_hook(made, kind, generated=generated or detailed),
    )
    for kind, structure, unstructure in (
        (str, _text, str),
        (int, _integer, int),
        (Decimal, _decimal, _plain),
        (PartialDate, _partial_date, str),
        (dt.date, _date, dt.date.isoformat),
        (Money, _money, lambda money: f"{_plain(money.amount)} {money.currency}"),
        (Quantity, _quantity, lambda q: f"{_plain(q.magnitude)} {q.unit}"),
        (Source, _source_ref, lambda source: source.key),
    ):
        # The predicate forms skip attrs' type resolution, which Money's
        # forward reference to fx.Conversion would trip.
        made.register_structure_hook_func(
            functools.partial(operator.is_, kind), structure
        )
        made.register_unstructure_hook_func(
            functools.partial(operator.is_, kind), unstructure
        )
    # Plain types also need the class form: cattrs's own hooks for them come
    # before predicate hooks, and would read 4.5 as 4 and 5 as "5".
    made.register_structure_hook(str, _text)
    made.register_structure_hook(int, _integer)
    made.register_structure_hook(bool, _flag)
    made.register_structure_hook_func(
        lambda kind: kind == PartialDate | Period, _date_or_period
    )
    made.register_unstructure_hook_func(
        lambda kind: kind == PartialDate | Period or kind is Period, str
    )
    made.register_structure_hook_factory(
        _is_estimate, lambda kind: _structure_estimate(made, kind)
    )
    made.register_structure_hook_factory(
        _has_field_units, lambda kind: _structure_with_units(made, kind)
    )
    made.register_structure_hook_factory(
        _is_tuple, lambda kind: tuple_hook(made, kind, detailed=detailed)
    )
    made.register_structure_hook_func(lambda kind: kind == tuple[str, ...], _names)
    made.register_unstructure_hook_factory(
        _is_estimate, lambda kind: _unstructure_estimate(made, kind)
    )
    made.register_structure_hook_factory(_is_enum, _structure_enum)
    made.register_unstructure_hook_factory(
        _is_enum, lambda _: lambda member: member.value
    )
    made.register_structure_hook_factory(_is_literal, _structure_literal)
    return made


def _is_attrs(kind: Any) -> bool:
    import attrs

    return isinstance(kind, type) and attrs.has(kind)


def table_hook(
    converter: cattrs.Converter,
    kind: Any,
    *,
    generated: bool,
    fields: Mapping[str, Callable[[Any, Any], Any]] | None = None,
) -> Callable[[Any, Any], Any]:
    """Structure an attrs class from a table, refusing any other value.

    *fields* are the hooks of the fields not read by their type. Unless
    *generated*, the table is read by a loop over the fields, which raises
    at the first problem (the detailed converter then lists them all).
    """
    from cattrs.gen import make_dict_structure_fn, override

    fields = fields or {}
    structure: Callable[[Any, Any], Any]
    if generated:
        overrides = {name: override(struct_hook=hook) for name, hook in fields.items()}
        structure = make_dict_structure_fn(
            kind, converter, **typing.cast("dict[str, Any]", overrides)
        )
    else:
        structure = _field_loop(converter, kind, fields)

    def table(raw: object, _: object) -> Any:
        if not isinstance(raw, dict):
            raise ParseError(gettext("must be a table, not {raw!r}").format(raw=raw))
        return structure(raw, kind)

    return table


def _field_loop(
    converter: cattrs.Converter,
    kind: Any,
    fields: Mapping[str, Callable[[Any, Any], Any]],
) -> Callable[[Any, Any], Any]:
    """Structure an attrs class by a loop over its fields; fail at the first problem."""
    import attrs

    attrs.resolve_types(kind)
    steps = [
        (
            field.name,
            field.alias,
            field.default is attrs.NOTHING,
            field.type,
            fields.get(field.name) or converter.get_structure_hook(field.type),
        )
        for field in attrs.fields(kind)
        if field.init
    ]
    names = frozenset(name for name, *_ in steps)

    def structure(raw: dict[str, Any], _: object) -> Any:
        if not names.issuperset(raw):
            raise ParseError(
                gettext("unknown field(s) {fields}").format(
                    fields=sorted(set(raw) - names)
                )
            )
        values = {}
        for name, alias, required, field_type, hook in steps:
            if name in raw:
                values[alias] = hook(raw[name], field_type)
            elif required:
                raise KeyError(name)
        return kind(**values)

    return structure


def _is_enum(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, enum.Enum)


def _is_literal(kind: Any) -> bool:
    return typing.get_origin(kind) is Literal


def _structure_literal(kind: Any) -> Callable[[Any, Any], Any]:
    """Read one of a Literal's texts, refused as an enum's value is."""
    allowed = typing.get_args(kind)

    def structure(raw: object, _: object) -> object:
        if raw not in allowed or type(raw) is not type(allowed[0]):
            raise not_one_of(raw, allowed)
        return raw

    return structure


def tuple_hook(
    converter: cattrs.Converter, kind: Any, *, detailed: bool
) -> Callable[[Any, Any], Any]:
    """The hook of a homogeneous tuple: fast, or locating each item's problems."""
    return (_detailed_tuple_of if detailed else _tuple_of)(converter, kind)


def _has_field_units(kind: Any) -> bool:
    """Whether an entity class has counts read in their field's unit."""
    import attrs

    return attrs.has(kind) and any(
        field.name in _FIELD_UNITS for field in attrs.fields(kind)
    )


def _structure_with_units(converter: cattrs.Converter, kind: Any) -> Any:
    """Structure an entity whose counts with no unit take their field's."""
    from cattrs.gen import make_dict_structure_fn, override

    hints = typing.get_type_hints(kind)
    overrides = {
        name: override(struct_hook=_counted_hook(converter, hints[name], unit))
        for name, unit in _FIELD_UNITS.items()
        if name in hints
    }
    return make_dict_structure_fn(kind, converter, **overrides)  # type: ignore[arg-type]


def _counted_hook(
    converter: cattrs.Converter, kind: Any, unit: str
) -> Callable[[Any, Any], Any]:
    """The hook of a field of counts in *unit*, None allowed where it is optional."""
    args = typing.get_args(kind)
    if type(None) not in args:
        return _structure_estimate(converter, kind, unit)
    (inner,) = [arg for arg in args if arg is not type(None)]
    structure = _structure_estimate(converter, inner, unit)
    return lambda raw, _: None if raw is None else structure(raw, inner)


class _FullSource:
    """The structure and unstructure functions of a source's own table."""

    structure: Callable[[Any, Any], Source]
    unstructure: Callable[[Source], dict[str, Any]]


full_source = _FullSource()


# -- documents ------------------------------------------------------------------


def _step(error: BaseException, path: tuple[str, ...]) -> tuple[str, ...]:
    """The path of a field's error: its attribute, or its item of a list."""
    from cattrs import AttributeValidationNote, IterableValidationNote

    for note in getattr(error, "__notes__", ()):
        if isinstance(note, AttributeValidationNote):
            return (*path, note.name)
        if isinstance(note, IterableValidationNote) and path:
            return (*path[:-1], f"{path[-1]}[{note.index}]")
    return path


def _field_problems(
    error: BaseException, path: tuple[str, ...]
) -> Iterator[tuple[str, str]]:
    from cattrs.errors import ForbiddenExtraKeysError

    if isinstance(error, ForbiddenExtraKeysError):
        takes = ", ".join(written_fields(error.cl))
        for key in sorted(error.extra_fields):
            message = gettext("unknown field {key!r}; {kind} takes {takes}").format(
                key=key, kind=error.cl.__name__, takes=takes
            )
            yield ".".join((*path, key)), message
    elif isinstance(error, BaseExceptionGroup):
        # Unknown keys first: a misspelt key is often why another is missing.
        for inner in sorted(
            error.exceptions,
            key=lambda inner: not isinstance(inner, ForbiddenExtraKeysError),
        ):
            yield from _field_problems(inner, _step(inner, path))
    elif isinstance(error, DataError):
        for problem in error.problems:
            field = path if problem.field is None else (*path, problem.field)
            yield ".".join(field), problem.message
    elif isinstance(error, KeyError):
        yield ".".join(path), gettext("is required but missing")
    else:
        yield ".".join(path), _message(error)


def _message(error: BaseException) -> str:
    """The message of an error structuring a field: a table given as text, say."""
    if isinstance(error, AttributeError) and error.name == "keys":
        return gettext("must be a table ({{ key = value, ... }}), not {type}").format(
            type=type(error.obj).__name__
        )
    return str(error)


def written_fields(kind: type) -> list[str]:
    """The fields of *kind* that a file's table gives, in their order.

    A source's key is the name of its table, and a publication's range of
    dates is written as its ``published``.

    Examples:
        >>> from aiecosys import Source
        >>> written_fields(Source)[:3]
        ['title', 'url', 'publisher']
    """
    import attrs

    elsewhere = {"key", "published_between"} if issubclass(kind, Source) else set()
    return [field.name for field in attrs.fields(kind) if field.name not in elsewhere]


def structure_entry(
    structures: tuple[Callable[[Any], Any], Callable[[Any], Any]],
    raw: object,
    *,
    file: str | None,
    entry: str,
    problems: list[Problem],
) -> Any:
    """Structure one entry with the fast converter, else list all its problems.

    *structures* are a fast one and one with cattrs' detailed validation; an
    entry that fails the first is read again with the second, and each of its
    problems is added to *problems*, naming the file, the entry and the
    field. Returns None when the entry failed.
    """
    fast, detailed = structures
    with contextlib.suppress(Exception):  # read again to report every problem
        return fast(raw)
    try:
        detailed(raw)
    except Exception as error:  # noqa: BLE001 - every failure becomes a Problem
        problems.extend(_entry_problems(error, file, entry))
    else:
        message = gettext("failed to load once but not twice")
        problems.append(Problem(message, file=file, entry=entry))
    return None


def _structures(kind: Any) -> tuple[Callable[[Any], Any], Callable[[Any], Any]]:
    """Structure *kind* with the fast converter, and with the detailed one."""
    fast = _converter(detailed=False).get_structure_hook(kind)
    return (lambda raw: fast(raw, kind), lambda raw: converter().structure(raw, kind))


def _entry_problems(
    error: BaseException, file: str | None, entry: str
) -> list[Problem]:
    return [
        Problem(message, file=file, entry=entry, field=field or None)
        for field, message in _field_problems(error, ())
    ]


def _structure_sources(
    raw: object, file: str | None, problems: list[Problem]
) -> dict[str, Source]:
    if not isinstance(raw, dict):
        message = gettext("must be a table of sources by key")
        problems.append(Problem(message, file=file, field="sources"))
        return {}
    sources = {}
    fast = _source_table()
    for key, fields in raw.items():
        entry = f"sources.{key}"
        if not isinstance(fields, dict):
            message = gettext("must be a table")
            problems.append(Problem(message, file=file, entry=entry))
            continue
        table = {**fields, "key": key}
        try:
            sources[key] = fast(table, Source)
        except Exception:  # noqa: BLE001 - read again to report every problem
            converter()  # builds the functions of full_source
            try:
                sources[key] = full_source.structure(table, Source)
            except Exception as error:  # noqa: BLE001 - each failure is a Problem
                problems.extend(_entry_problems(error, file, entry))
    return sources


@functools.cache
def _source_table() -> Callable[[Any, Any], Source]:
    """Read a source's own table by a loop over its fields, failing at once.

    The detailed converter (1.6 ms to build) is built only for a source
    that fails, to list all of its problems.
    """
    return _field_loop(_converter(detailed=False), Source, {})


def from_document(
    document: Mapping[str, Any],
    *,
    file: str | None = None,
    ignore: frozenset[str] = frozenset(),
) -> Ecosystem:
    """Build an ecosystem from a parsed document (a dict read from TOML or JSON).

    Every problem found, in every entry, is collected into one
    [DataError][aiecosys.DataError]; entries are checked one by one, then
    against each other.

    Args:
        document: The parsed file.
        file: The file's name, for problems.
        ignore: Top-level keys that other tools keep in the same file.

    Raises:
        DataError: The document is invalid; every problem is listed.

    Examples:
        >>> from aiecosys import from_document
        >>> eco = from_document(
        ...     {
        ...         "sources": {"kyutai": {"title": "Kyutai is launched"}},
        ...         "organisations": [
        ...             {
        ...                 "name": "Kyutai",
        ...                 "kind": "non-profit-lab",
        ...                 "sources": ["kyutai"],
        ...             }
        ...         ],
        ...     }
        ... )
        >>> eco.organisation("kyutai").kind
        <OrganisationKind.NON_PROFIT_LAB: 'non-profit-lab'>
    """
    problems = document_problems(document, file)
    known = {
        "format_version",
        "locale",
        "sources",
        TRANSLATIONS,
        *COLLECTIONS,
        *ignore,
    }
    problems.extend(
        Problem(
            gettext("unknown top-level key {key!r}; expected one of {keys}").format(
                key=key, keys=", ".join(COLLECTIONS)
            ),
            file=file,
            entry=key,
        )
        for key in document
        if key not in known
    )
    translations = translations_of(document, file, problems)
    raw_sources = document.get("sources", {})
    sources = _structure_sources(raw_sources, file, problems)
    unread = set(raw_sources) - set(sources) if isinstance(raw_sources, dict) else ()
    collections: dict[str, list[Any]] = {}
    locale = _file_locale(document, file, problems)
    with source_table(sources, unread=unread), reading_locale(locale):
        for collection, kind in COLLECTIONS.items():
            entries = document.get(collection, [])
            if not isinstance(entries, list):
                message = gettext("must be an array of tables")
                problems.append(Problem(message, file=file, entry=collection))
                continue
            built = collections.setdefault(collection, [])
            structures = _structures(kind)
            for position, raw in enumerate(entries):
                if not isinstance(raw, dict):
                    label = entry_label(collection, position, {})
                    message = gettext("must be a table, not {type}").format(
                        type=type(raw).__name__
                    )
                    problems.append(Problem(message, file=file, entry=label))
                    continue
                entity = structure_entry(
                    structures,
                    raw,
                    file=file,
                    entry=entry_label(collection, position, raw),
                    problems=problems,
                )
                if entity is not None:
                    built.append(entity)
    if problems:
        raise DataError(problems)
    try:
        return Ecosystem(
            **{name: tuple(items) for name, items in collections.items()},
            translations=translations,
        )
    except DataError as error:
        raise DataError(
            [_with_file(problem, file) for problem in error.problems]
        ) from None


TRANSLATIONS: Final = "translations"
"""The top-level table of a file's translations of its own texts, by language."""


def file_texts(document: Mapping[str, Any]) -> set[str]:
    """The texts of a document that its translations may translate.

    Every text the document holds as a value, however deep (a claim's
    restatement, a note, a role title, a description); the translations
    themselves are not texts of the file, nor are keys.

    Examples:
        >>> sorted(
        ...     file_texts(
        ...         {
        ...             "people": [{"name": "A", "roles": [{"title": "founder"}]}],
        ...             "claims": [{"restatement": "A founded B.", "note": "Q"}],
        ...             "translations": {"fr": {"founder": "fondateur"}},
        ...         }
        ...     )
        ... )
        ['A', 'A founded B.', 'Q', 'founder']
    """
    found: set[str] = set()
    pending: list[object] = [
        value for key, value in document.items() if key != TRANSLATIONS
    ]
    while pending:
        value = pending.pop()
        if isinstance(value, str):
            found.add(value)
        elif isinstance(value, Mapping):
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
    return found


def translations_of(
    document: Mapping[str, Any], file: str | None, problems: list[Problem]
) -> dict[str, dict[str, str]]:
    """Read a document's ``[translations.<lang>]`` tables: text, then its translation.

    Each key must be a text of the document itself (a restatement, a note, a
    reason, a role title: see `file_texts`), written exactly;
    each translation is text. A language is named by its tag (``fr``,
    ``fr-FR`` and ``fr_FR`` are all French); a language aiecosys does not
    write in is kept, and used by no output until aiecosys writes in it.
    Every problem is added to *problems*.

    Examples:
        >>> problems: list[Problem] = []
        >>> translations_of(
        ...     {
        ...         "claims": [{"restatement": "Yes."}],
        ...         "translations": {"fr-FR": {"Yes.": "Oui.", "Yes": "Oui"}},
        ...     },
        ...     "claims.toml",
        ...     problems,
        ... )
        {'fr': {'Yes.': 'Oui.'}}
        >>> print(problems[0])
        claims.toml: entry 'translations.fr-FR', field 'Yes': is not a text of
        this file; a key is a text the file holds (a restatement, a note, a
        title), written exactly as the file writes it (did you mean 'Yes.'?)
    """
    from aiecosys._i18n import supported

    if TRANSLATIONS not in document:
        return {}
    raw = document[TRANSLATIONS]
    if not isinstance(raw, Mapping):
        message = gettext("must be a table of languages, each a table of texts")
        problems.append(Problem(message, file=file, entry=TRANSLATIONS))
        return {}
    texts = file_texts(document)
    found: dict[str, dict[str, str]] = {}
    for tag, table in raw.items():
        entry = f"{TRANSLATIONS}.{tag}"
        if not isinstance(table, Mapping):
            message = gettext(
                "must be a table of texts of the file, each with its translation"
            )
            problems.append(Problem(message, file=file, entry=entry))
            continue
        lang = supported(str(tag)) or str(tag)
        for original, translated in table.items():
            problem = _translation_problem(str(original), translated, texts)
            if problem is None:
                found.setdefault(lang, {})[original] = translated
            else:
                problems.append(
                    Problem(problem, file=file, entry=entry, field=str(original))
                )
    return found


def _translation_problem(
    original: str, translated: object, texts: Collection[str]
) -> str | None:
    """Why *original* cannot be translated as *translated* in a file of *texts*."""
    if not isinstance(translated, str) or not translated.strip():
        return gettext("the translation must be text, not {value}").format(
            value=repr(translated)
        )
    if original in texts:
        return None
    import difflib

    close = difflib.get_close_matches(original, texts, n=1, cutoff=0.6)
    if close:
        return gettext(
            "is not a text of this file; a key is a text the file holds (a "
            "restatement, a note, a title), written exactly as the file writes "
            "it (did you mean {text}?)"
        ).format(text=repr(close[0]))
    return gettext(
        "is not a text of this file; a key is a text the file holds (a "
        "restatement, a note, a title), written exactly as the file writes it"
    )


def _file_locale(
    document: Mapping[str, Any], file: str | None, problems: list[Problem]
) -> str | None:
    """The file's ``locale`` key, which settles how its numbers are read."""
    locale = document.get("locale")
    if locale is None or (isinstance(locale, str) and locale.strip()):
        return locale
    message = gettext("must be a locale such as 'fr' or 'en', not {locale!r}").format(
        locale=locale
    )
    problems.append(Problem(message, file=file, field="locale"))
    return None


def _with_file(problem: Problem, file: str | None) -> Problem:
    return Problem(problem.message, file=file, entry=problem.entry, field=problem.field)


def to_document(eco: Ecosystem) -> dict[str, Any]:
    """Turn an ecosystem into a document of plain dicts, lists, strings and ints.

    Examples:
        >>> from aiecosys import Ecosystem, Organisation, Source, to_document
        >>> eco = Ecosystem(
        ...     organisations=(
        ...         Organisation(
        ...             "Kyutai",
        ...             "non-profit-lab",
        ...             sources=(Source("k", title="Kyutai"),),
        ...         ),
        ...     )
        ... )
        >>> to_document(eco)
        {'format_version': 1,
         'sources': {'k': {'title': 'Kyutai'}},
         'organisations': [{'name': 'Kyutai', 'kind': 'non-profit-lab',
                            'sources': ['k']}]}
    """
    made = converter()
    document: dict[str, Any] = {"format_version": FORMAT_VERSION}
    sources = {}
    for source in eco.sources:
        fields = full_source.unstructure(source)
        del fields["key"]
        sources[source.key] = fields
    if sources:
        document["sources"] = sources
    for collection in COLLECTIONS:
        entities = getattr(eco, collection)
        if entities:
            document[collection] = [made.unstructure(entity) for entity in entities]
    if any(eco.translations.values()):
        document[TRANSLATIONS] = {
            lang: dict(table) for lang, table in eco.translations.items() if table
        }
    return document


def read_toml(text: str) -> dict[str, Any]:
    r"""Read TOML *text* into a table: rtoml reads it, `tomllib` words any refusal.

    rtoml, a compiled reader, reads a 10,000-entity file seven to ten times
    faster than `tomllib` (see docs/performance.md) and gives the same table
    for every TOML file of the project and every TOML case of its tests. Text
    that rtoml refuses, for whatever reason, is read again by `tomllib`, which
    decides: an error names its line and column in the words it always had,
    and a float too large for rtoml, ``1e400``, is read as `tomllib` reads it.
    Text that starts with a byte-order mark goes to `tomllib` alone, which
    refuses it. rtoml also reads the two additions of TOML 1.1 to inline
    tables (newlines and a trailing comma), which `tomllib` refuses before
    Python 3.15; and its date-times with an offset carry an equal time zone
    of rtoml's own type.

    Raises:
        tomllib.TOMLDecodeError: The text is not valid TOML (a ``ValueError``).

    Examples:
        >>> read_toml('a = "1.5"\n[b]\nc = [1, 2]')
        {'a': '1.5', 'b': {'c': [1, 2]}}
        >>> read_toml("a = 1\na = 2")
        Traceback (most recent call last):
        ...
        tomllib.TOMLDecodeError: Cannot overwrite a value (at end of document)
    """
    if not text.startswith("\ufeff"):
        import rtoml

        with contextlib.suppress(Exception):  # tomllib decides, and words the error
            return rtoml.loads(text)
    import tomllib

    return tomllib.loads(text)


MAX_DEPTH: Final = 32
"""How deeply tables and arrays may nest in a file; real files need five."""


def parse_document(
    text: str,
    *,
    format: Format,  # noqa: A002
    file: str | None,
    versions: tuple[int, ...] = (FORMAT_VERSION,),
) -> dict[str, Any]:
    """Parse TOML or JSON text into a table, refusing what is not valid or too deep.

    *versions* are the format versions accepted (a claims file has two).

    The nesting limit holds whatever the parser allows, so a file is accepted
    or refused alike on every Python version.

    Raises:
        DataError: The text is not valid TOML or JSON, nests deeper than
            [MAX_DEPTH][aiecosys._files.MAX_DEPTH] levels, or is not a table
            (a JSON array, say).

    Examples:
        >>> parse_document("a = [[[1]]]", format="toml", file="kb.toml")
        {'a': [[[1]]]}
        >>> parse_document("[" * 40 + "]" * 40, format="json", file="kb.json")
        Traceback (most recent call last):
        ...
        aiecosys.DataError: 1 problem found:
          - kb.json: not valid JSON: nested more than 32 levels deep
    """
    if format not in {"toml", "json"}:
        unknown_format(format)
    too_deep = gettext(
        "not valid {format}: nested more than {depth} levels deep"
    ).format(format=format.upper(), depth=MAX_DEPTH)
    repeated: dict[int, list[str]] = {}
    try:
        if format == "toml":
            document = read_toml(text)
        else:
            import json

            document = json.loads(text, object_pairs_hook=_object(repeated))
    except RecursionError:
        raise DataError([Problem(too_deep, file=file)]) from None
    except ValueError as error:
        message = gettext("not valid {format}: {error}").format(
            format=format.upper(), error=error
        )
        problem = Problem(message, file=file)
        raise DataError([problem]) from None
    if _deeper_than(document, MAX_DEPTH):
        raise DataError([Problem(too_deep, file=file)])
    if not isinstance(document, dict):
        raise DataError(
            [Problem(gettext("the document must be a table (an object)"), file=file)]
        )
    problems = _repeated_keys(document, repeated, file) if repeated else []
    problems.extend(document_problems(document, file, versions))
    if problems:
        raise DataError(problems)
    return document


def document_problems(
    document: Mapping[str, Any],
    file: str | None,
    versions: tuple[int, ...] = (FORMAT_VERSION,),
) -> list[Problem]:
    """Check what every document kind shares: its ``format_version``, if written.

    Knowledge bases, claims files and combined files all pass through
    [parse_document][aiecosys._files.parse_document], so each is held to the
    same rule: the version is the whole number 1 (``true`` is not a version).

    Examples:
        >>> [str(p) for p in document_problems({"format_version": 2}, "kb.toml")]
        ["kb.toml: field 'format_version': format_version 2 is not 1: write 1"]
    """
    version = document.get("format_version", FORMAT_VERSION)
    if type(version) is int and version in versions:
        return []
    if type(version) is not int:
        message = gettext(
            "format_version {version!r} is not a version: write the whole "
            "number of the file's format, or leave it out"
        ).format(version=version)
    else:
        # Translators: " or " joins alternatives: "1 or 2", "'EUR' or 'USD'".
        listed = gettext(" or ").join(map(str, versions))
        message = gettext(
            "format_version {version} is not {versions}: write {last}"
        ).format(version=version, versions=listed, last=versions[-1])
    return [Problem(message, file=file, field="format_version")]


def _object(
    repeated: dict[int, list[str]],
) -> Callable[[list[tuple[str, Any]]], dict[str, Any]]:
    """Build JSON objects, noting each key an object gives twice (by object id)."""

    def build(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        built = dict(pairs)
        if len(built) != len(pairs):
            counted = Counter(key for key, _ in pairs)
            repeated[id(built)] = [key for key, count in counted.items() if count > 1]
        return built

    return build


def _repeated_keys(
    document: dict[str, Any], repeated: dict[int, list[str]], file: str | None
) -> list[Problem]:
    """Name each key written twice in one JSON object, with its entry and field.

    JSON readers keep the last of two equal keys, so a file whose second
    ``"amount"`` differs from the first would be read as its second, silently.
    """
    problems = []
    pending: list[tuple[object, tuple[str | int, ...]]] = [(document, ())]
    while pending:
        value, path = pending.pop()
        if isinstance(value, dict):
            for key in repeated.get(id(value), ()):
                entry, field = _place(document, (*path, key))
                message = gettext(
                    "the key {key!r} is written twice in one object; JSON keeps "
                    "only the last, so write it once with the value meant"
                ).format(key=key)
                problems.append(Problem(message, file=file, entry=entry, field=field))
            pending.extend((child, (*path, key)) for key, child in value.items())
        elif isinstance(value, list):
            pending.extend((child, (*path, n)) for n, child in enumerate(value))
    return sorted(problems, key=lambda p: (p.entry or "", p.field or ""))


def _place(
    document: dict[str, Any], path: tuple[str | int, ...]
) -> tuple[str | None, str | None]:
    """Split a path into an entry (as problems name it) and a dotted field."""
    head = path[0]
    rest = path[1:]
    if head == "sources" and len(path) > 2:  # noqa: PLR2004 - sources.KEY.field
        entry, rest = f"sources.{path[1]}", path[2:]
    elif len(path) > 2 and isinstance(path[1], int):  # noqa: PLR2004
        raw = document[str(head)][path[1]]
        raw = raw if isinstance(raw, dict) else {}
        rest = path[2:]
        if head in COLLECTIONS:
            entry = entry_label(str(head), path[1], raw)
        elif isinstance(raw.get("id"), str):
            entry = raw["id"]
        else:
            entry = f"{head}[{path[1]}]"
    else:
        entry = None
        rest = path
    field = "".join(
        f"[{step}]" if isinstance(step, int) else f".{step}" for step in rest
    )
    return entry, field.removeprefix(".") or None


def _deeper_than(document: object, limit: int) -> bool:
    """Whether containers nest more than *limit* levels, walked without recursion.

    The walk goes one level at a time and keeps only containers, so that a
    leaf costs one type test (benchmarks/bench_load.py).
    """
    level: list[object] = [document] if isinstance(document, dict | list) else []
    depth = 1
    while level:
        if depth > limit:
            return True
        nested: list[object] = []
        for value in level:
            children: Any = value.values() if isinstance(value, dict) else value
            nested.extend([child for child in children if isinstance(child, _NESTED)])
        level = nested
        depth += 1
    return False


_NESTED: Final = (dict, list)


def loads(text: str, *, format: Format = "toml", file: str | None = None) -> Ecosystem:  # noqa: A002
    """Read an ecosystem from TOML or JSON text.

    Raises:
        DataError: The text is not valid TOML or JSON, or its content is
            invalid; every problem is listed.

    Examples:
        >>> from aiecosys import loads
        >>> text = '''
        ... [sources.mistral]
        ... title = "Mistral AI raises a 105 million euro seed round"
        ...
        ... [[organisations]]
        ... name = "Mistral AI"
        ... kind = "company"
        ... country = "FR"
        ... founded = "2023-04"
        ... sources = ["mistral"]
        ... '''
        >>> loads(text).organisation("mistral ai").founded
        PartialDate(year=2023, month=4, day=None)
    """
    return from_document(parse_document(text, format=format, file=file), file=file)


def dumps(eco: Ecosystem, *, format: Format = "toml") -> str:  # noqa: A002
    """Write an ecosystem as TOML or JSON text.

    Examples:
        >>> from aiecosys import Ecosystem, Organisation, Source, dumps
        >>> eco = Ecosystem(
        ...     organisations=(
        ...         Organisation(
        ...             "Kyutai",
        ...             "non-profit-lab",
        ...             sources=(Source("k", title="Kyutai"),),
        ...         ),
        ...     )
        ... )
        >>> print(dumps(eco))
        format_version = 1
        <BLANKLINE>
        [sources.k]
        title = "Kyutai"
        <BLANKLINE>
        [[organisations]]
        name = "Kyutai"
        kind = "non-profit-lab"
        sources = [
            "k",
        ]
        <BLANKLINE>
    """
    if format not in {"toml", "json"}:
        unknown_format(format)
    return write_document(to_document(eco), format)


def write_document(document: Mapping[str, Any], format: Format) -> str:  # noqa: A002
    """Write a document (tables of text, lists and tables) as TOML or JSON text."""
    if format == "toml":
        import tomli_w

        return tomli_w.dumps(document)
    import json

    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def unknown_format(format: str) -> NoReturn:  # noqa: A002
    raise ValueError(
        gettext("unknown format {format!r}; use 'toml' or 'json'").format(format=format)
    )


def format_of(path: Path) -> Format:
    """Tell a file's format from its name: ``.toml`` or ``.json``."""
    if path.suffix == ".json":
        return "json"
    if path.suffix == ".toml":
        return "toml"
    raise ValueError(
        gettext("cannot tell the format of {name!r}: name it .toml or .json").format(
            name=path.name
        )
    )


def load(path: str | Path) -> Ecosystem:
    """Load a knowledge base from a ``.toml`` or ``.json`` file.

    Loading is safe on untrusted files: TOML and JSON cannot run code or
    expand aliases, and the work done grows with the file's size.

    Raises:
        DataError: The file cannot be read, is not UTF-8, or is invalid;
            every problem is listed, each with the file, the entry and the
            field.

    Examples:
        >>> import tempfile, pathlib
        >>> from aiecosys import Ecosystem, dump, load
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "empty.toml"
        >>> dump(Ecosystem(), path)
        >>> load(path) == Ecosystem()
        True
    """
    path = Path(path)
    return loads(read_text(path), format=format_of(path), file=str(path))


def read_text(path: Path) -> str:
    """Return the text of a UTF-8 file (a byte-order mark is skipped).

    Raises:
        DataError: The file cannot be read, is not a regular file, is larger
            than `aiecosys._reading.FILE_LIMIT`, or is not UTF-8 text.
    """
    return _reading.read_text(path)


def dump(eco: Ecosystem, path: str | Path) -> None:
    """Write a knowledge base to a ``.toml`` or ``.json`` file (UTF-8).

    Raises:
        DataError: A text holds a lone surrogate, which UTF-8 cannot write;
            nothing is written.

    Examples:
        >>> import tempfile, pathlib
        >>> from aiecosys import Ecosystem, dump
        >>> dump(Ecosystem(), pathlib.Path(tempfile.mkdtemp()) / "empty.json")
    """
    path = Path(path)
    text = dumps(eco, format=format_of(path))
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as error:
        message = gettext(
            "cannot write {character!r} (character {position} of the file) in "
            "UTF-8: a lone surrogate is half of a character; fix the text it "
            "came from"
        ).format(character=text[error.start], position=error.start)
        raise DataError([Problem(message, file=str(path))]) from None
    path.write_bytes(data)
