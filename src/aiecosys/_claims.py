"""Claims: what a text says, as data, and verdicts computed from sourced facts.

A [Claim][aiecosys.Claim] holds the exact words quoted, an English
rendering, the publication they come from, and a check (see the check kinds
in [ValueCheck][aiecosys.ValueCheck] and the classes next to it).
[check][aiecosys.check] evaluates it against an
[Ecosystem][aiecosys.Ecosystem]; the verdict is never stored.

Claims files use the knowledge base's format (TOML, or JSON with the same
shape): an optional ``format_version = 1``, a ``[sources.KEY]`` table per
source, and a ``[[claims]]`` array of tables, each with ``id``,
``quote_fr``, ``claim_en``, ``source`` (a source key, of the file or of the
knowledge base), an optional ``note``, and a ``check`` table whose ``kind``
names the check kind. A knowledge base's own tables may sit in the same file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import decimal
import enum
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal

import attrs

from aiecosys import _validators as validators
from aiecosys._checks import (
    CHECK_KINDS,
    DECIMALS,
    MODEL_FIELDS,
    AttributeCheck,
    BenchmarkCheck,
    Check,
    Context,
    DateCheck,
    DateLike,
    Evidence,
    ExistenceCheck,
    Measure,
    MembershipCheck,
    Missing,
    OrderingCheck,
    Outcome,
    RatioCheck,
    RelativeDate,
    RoleCheck,
    ValueCheck,
    Verdict,
    read,
)
from aiecosys._compare import (
    Comparison,
    Tolerance,
    _check_margin_kind,
    _kind,
    _kind_text,
    as_estimate,
    describe,
)
from aiecosys._currency import validate_currency
from aiecosys._dates import PartialDate, Period
from aiecosys._ecosystem import COLLECTIONS, Ecosystem, normalise_name
from aiecosys._entities import OrganisationKind, Person
from aiecosys._errors import (
    AiecosysError,
    DataError,
    ParseError,
    Problem,
    RateUnavailableError,
    UnknownEntityError,
)
from aiecosys._files import (
    _full_source,
    _refuse_float,
    _unknown_format,
    format_of,
    parse_document,
    write_document,
)
from aiecosys._models import Modality, Openness
from aiecosys._money import AMOUNT_LIMIT, MAX_PLACES, Money
from aiecosys._source import Source
from aiecosys._units import Quantity


if TYPE_CHECKING:
    from aiecosys.fx._conversion import Conversion
    from aiecosys.fx._sources import RateSource


__all__ = [
    "Claim",
    "Evaluation",
    "check",
    "check_all",
    "claims_from_document",
    "dumps_claims",
    "load_claims",
    "load_with_claims",
    "loads_claims",
]

FORMAT_VERSION: Final = 1
_ID: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")


def _check_id(_instance: Claim, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or _ID.fullmatch(value) is None:
        validators.fail(
            attribute,
            f"{value!r} is not a usable id: use letters, digits, '-', '_' and '.', "
            "such as 'yi-half-gpt4'",
        )


def _check_check(
    _instance: Claim, attribute: attrs.Attribute[Any], value: object
) -> None:
    if not isinstance(value, tuple(CHECK_KINDS.values())):
        validators.fail(attribute, f"must be a check, not {type(value).__name__}")


@attrs.frozen
class Claim:
    """A checkable statement: the words quoted, their English rendering, and a check.

    Examples:
        >>> from aiecosys import (
        ...     Claim,
        ...     Measure,
        ...     PartialDate,
        ...     Source,
        ...     ValueCheck,
        ...     parameters,
        ... )
        >>> article = Source(
        ...     "article",
        ...     title="Kai-Fu Lee, architecte",
        ...     published=PartialDate(2024, 2),
        ... )
        >>> claim = Claim(
        ...     "yi-34b-params",
        ...     "fondé sur 34 milliards de paramètres",
        ...     "Yi has 34 billion parameters.",
        ...     article,
        ...     ValueCheck(Measure("Yi-34B", "parameters"), parameters("34B")),
        ... )
        >>> claim.check.kind
        'value'
    """

    id: str = attrs.field(validator=_check_id)
    """A short, stable id (``"yi-half-gpt4"``)."""
    quote_fr: str = attrs.field(validator=validators.text)
    """The exact words quoted, in the text's language (French for the article)."""
    claim_en: str = attrs.field(validator=validators.text)
    """What the words claim, in plain English."""
    source: Source = attrs.field(validator=attrs.validators.instance_of(Source))
    """The publication the words come from; its date resolves "last June"."""
    check: Check = attrs.field(validator=_check_check)
    """How the claim is checked against the facts."""
    note: str | None = attrs.field(
        default=None, kw_only=True, validator=validators.optional_text
    )
    """A remark for readers (how the claim was read)."""


@attrs.frozen
class Evaluation:
    """A claim's verdict, with an explanation for readers and the evidence.

    Examples:
        >>> from aiecosys import Evaluation, Verdict
        >>> Evaluation.__name__, Verdict.REFUTED.value
        ('Evaluation', 'REFUTED')
    """

    claim: Claim
    """The claim evaluated."""
    verdict: Verdict
    """What the facts say about it."""
    explanation: str
    """Why, in plain English."""
    evidence: tuple[Evidence, ...]
    """Each fact used, with its sources."""
    conversions: tuple[Conversion, ...]
    """Each currency conversion made, with its rate, date and source."""
    comparison: Comparison | None = None
    """The comparison behind the verdict, for value, ratio and ordering checks."""

    def __str__(self) -> str:
        return f"{self.claim.id}: {self.verdict.value}: {self.explanation}"


def check(
    claim: Claim, eco: Ecosystem, *, rates: RateSource | None = None
) -> Evaluation:
    """Evaluate a claim against an ecosystem: the verdict, why, and the evidence.

    A fact the check needs that the ecosystem lacks (an entity, a round, an
    exchange rate) makes the verdict ``NOT_ENOUGH_INFO``, saying what is
    missing. The arithmetic runs in a Decimal context of its own: the
    caller's context changes no verdict.

    Args:
        claim: The claim.
        eco: The knowledge base.
        rates: Where exchange rates come from (the bundled ECB rates if None).

    Raises:
        DataError: The check cannot be evaluated against these facts (a claim
            built in Python, which a claims file would have refused when
            loaded); the problem names the claim's id and the field ``check``.

    Examples:
        >>> from aiecosys import (
        ...     Claim,
        ...     Ecosystem,
        ...     Estimate,
        ...     Measure,
        ...     ModelSpec,
        ...     PartialDate,
        ...     RatioCheck,
        ...     Source,
        ...     Tolerance,
        ...     check,
        ...     parameters,
        ... )
        >>> s = (Source("s", title="A source"),)
        >>> eco = Ecosystem(
        ...     models=(
        ...         ModelSpec(
        ...             "Yi-34B",
        ...             parameters=Estimate.exact(parameters("34B")),
        ...             sources=s,
        ...         ),
        ...         ModelSpec(
        ...             "GPT-4",
        ...             parameters=Estimate.between(
        ...                 parameters("1T"), parameters("1.8T")
        ...             ),
        ...             sources=s,
        ...         ),
        ...     )
        ... )
        >>> claim = Claim(
        ...     "yi-half-gpt4",
        ...     "soit moitié moins que ChatGPT4",
        ...     "Yi has half as many parameters as GPT-4.",
        ...     Source("article", title="An article", published=PartialDate(2024, 2)),
        ...     RatioCheck(
        ...         Measure("Yi-34B", "parameters"),
        ...         Measure("GPT-4", "parameters"),
        ...         "0.5",
        ...         tolerance=Tolerance.relative("0.1"),
        ...     ),
        ... )
        >>> evaluation = check(claim, eco)
        >>> evaluation.verdict
        <Verdict.REFUTED: 'REFUTED'>
        >>> print(evaluation.explanation)
        Yi-34B: parameters (34 billion parameters) is less than half of GPT-4:
        parameters (1 trillion to 1.8 trillion parameters), even with a tolerance
        of ±10% (450 billion to 990 billion parameters would count as half); the
        ratio is 0.019 to 0.034, so "0.5 times" does not hold. GPT-4: parameters
        is estimated, not disclosed.
    """
    context = Context(eco, claim.source.published, rates)
    with decimal.localcontext(DECIMALS):
        try:
            outcome = claim.check.evaluate(context)
        except (Missing, UnknownEntityError, RateUnavailableError) as error:
            outcome = Outcome(
                Verdict.NOT_ENOUGH_INFO, f"A fact the claim needs is missing: {error}."
            )
        except _FAILURES as error:
            raise DataError([_failure(claim, error)]) from error
    return Evaluation(
        claim,
        outcome.verdict,
        outcome.explanation,
        outcome.evidence,
        outcome.conversions,
        outcome.comparison,
    )


def check_all(
    claims: Iterable[Claim], eco: Ecosystem, *, rates: RateSource | None = None
) -> tuple[Evaluation, ...]:
    """Evaluate many claims against one ecosystem, in order.

    Every claim is evaluated; if some cannot be (a check a knowledge base
    cannot answer, such as a sum too large to compute), the error lists each
    of them with its id.

    Raises:
        DataError: A claim could not be evaluated; each such claim is listed,
            with its id and the field ``check``.

    Examples:
        >>> from aiecosys import Ecosystem, check_all
        >>> check_all([], Ecosystem())
        ()
    """
    evaluations: list[Evaluation] = []
    problems: list[Problem] = []
    for claim in claims:
        try:
            evaluations.append(check(claim, eco, rates=rates))
        except DataError as error:
            problems.extend(error.problems)
    if problems:
        raise DataError(problems)
    return tuple(evaluations)


_FAILURES: Final = (AiecosysError, ArithmeticError, ValueError, TypeError)
"""What evaluating a check may raise besides a missing fact: each is the
claim's fault (or its facts'), and is reported naming the claim."""


def _failure(claim: Claim, error: BaseException) -> Problem:
    detail = (
        f"the arithmetic failed: {type(error).__name__}"
        if isinstance(error, ArithmeticError) and not isinstance(error, AiecosysError)
        else _message(error)
    )
    return Problem(
        f"cannot be checked against these facts ({detail}); correct the check, "
        "or the facts it reads",
        entry=claim.id,
        field="check",
    )


# -- reading claims files ---------------------------------------------------------


class _InvalidError(Exception):
    """A value was invalid; its problems are already recorded."""


Parser = Callable[[Any, "_Reader", str], Any]


@attrs.define
class _Reader:
    file: str | None
    entry: str | None
    problems: list[Problem]

    def problem(self, field: str | None, message: str) -> None:
        self.problems.append(
            Problem(message, file=self.file, entry=self.entry, field=field)
        )

    def _known_fields(
        self, kind: type[Any], raw: dict[str, Any], path: str, tag: str | None
    ) -> bool:
        """Record unknown and missing fields; return whether there were none."""
        spec = _SPECS[kind]
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
        self, kind: type[Any], raw: Any, path: str, *, tag: str | None = None
    ) -> Any:
        if not isinstance(raw, dict):
            self.problem(path, f"must be a table, not {raw!r}")
            raise _InvalidError
        spec = _SPECS[kind]
        ok = self._known_fields(kind, raw, path, tag)
        values: dict[str, Any] = {}
        for name, parser in spec.items():
            if name in raw:
                try:
                    values[name] = parser(raw[name], self, f"{path}.{name}")
                except _InvalidError:
                    ok = False
                except (AiecosysError, ValueError, TypeError) as error:
                    self.problem(f"{path}.{name}", _message(error))
                    ok = False
        if not ok:
            raise _InvalidError
        try:
            return kind(**values)
        except (AiecosysError, ValueError, TypeError) as error:
            self.problem(path, _message(error))
            raise _InvalidError from None


def _message(error: BaseException) -> str:
    if isinstance(error, DataError):
        return "; ".join(problem.message for problem in error.problems)
    return str(error)


def _text(raw: Any, _reader: _Reader, _path: str) -> str:
    if not isinstance(raw, str) or not raw.strip():
        raise ParseError(f"expected non-empty text, not {raw!r}")
    return raw


def _texts(raw: Any, reader: _Reader, path: str) -> tuple[str, ...]:
    if not isinstance(raw, list):
        raise ParseError(f"expected a list of names, not {raw!r}")
    if not raw:
        raise ParseError(
            "an empty list says nothing: list at least one name, or leave the field out"
        )
    names = tuple(_text(item, reader, path) for item in raw)
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


def _decimal(
    raw: Any, _reader: _Reader, _path: str, what: str = "the number"
) -> Decimal:
    _refuse_float(raw, what)
    if isinstance(raw, bool) or not isinstance(raw, int | str):
        raise ParseError(f'write {what} as a string, such as "0.5", not {raw!r}')
    if isinstance(raw, int) and abs(raw) >= AMOUNT_LIMIT:
        raise ParseError(_out_of_range(raw))
    try:
        number = Decimal(raw)
    except InvalidOperation:
        raise ParseError(f"cannot read {raw!r} as a number") from None
    if not number.is_finite():
        raise ParseError(f"{raw!r} is not a finite number")
    if number and not -MAX_PLACES <= number.adjusted() < _NUMBER_DIGITS:
        raise ParseError(_out_of_range(raw))
    return number


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


def _stated(raw: Any, reader: _Reader, path: str) -> Money | Quantity | Decimal:
    if isinstance(raw, int) and not isinstance(raw, bool):
        return _decimal(raw, reader, path, "the value")
    _refuse_float(raw, "the value")
    text = _text(raw, reader, path).strip()
    number, _, unit = text.partition(" ")
    amount = _decimal(number, reader, path, "the value")
    unit = unit.strip()
    if not unit:
        return amount
    if len(unit) == 3 and unit.isupper():  # noqa: PLR2004 - an ISO 4217 code
        return Money(amount, unit)
    return Quantity(amount, unit)


def _tolerance(raw: Any, reader: _Reader, path: str) -> Tolerance:
    if isinstance(raw, int) and not isinstance(raw, bool):
        return Tolerance.absolute(_decimal(raw, reader, path, "the tolerance"))
    _refuse_float(raw, "the tolerance")
    text = _text(raw, reader, path).strip()
    number, _, unit = text.removesuffix("%").strip().partition(" ")
    if unit.strip() in {"day", "days"}:
        return Tolerance.absolute(_days(number, reader, path))
    with contextlib.suppress(InvalidOperation):
        if Decimal(number).is_finite():  # a number: within the bounds of any other
            _decimal(number, reader, path, "the tolerance")
    return Tolerance.parse(text)


def _days(number: str, reader: _Reader, path: str) -> dt.timedelta:
    """A margin in whole days, from 0 to _DAYS_LIMIT: never truncated."""
    days = _decimal(number, reader, path, "the tolerance")
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


def _partial_date(raw: Any, reader: _Reader, path: str) -> PartialDate:
    _refuse_float(raw, "the date")
    if isinstance(raw, int) and not isinstance(raw, bool):
        return PartialDate(raw)
    if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
        return PartialDate.of(raw)
    return PartialDate.parse(_text(raw, reader, path))


def _date(raw: Any, reader: _Reader, path: str) -> dt.date:
    if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
        return raw
    text = _text(raw, reader, path)
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ParseError(
            f"cannot read {text!r} as a date; write it as '2023-12-11'"
        ) from None


_ANY_TIME: Final = (
    "a period with neither start nor end is any time at all, so the claim could "
    "not fail: give a start, an end or both, such as { start = '2023' }, or leave "
    "the field out to mean at any time"
)
_ISO_DATE: Final = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def _date_like(raw: Any, reader: _Reader, path: str) -> DateLike:
    if isinstance(raw, dict):
        extra = set(raw) - {"start", "end"}
        if extra:
            raise ParseError(
                f"a period takes start and end, not {', '.join(sorted(extra))}"
            )
        start, end = raw.get("start"), raw.get("end")
        return Period(
            None if start is None else _partial_date(start, reader, path),
            None if end is None else _partial_date(end, reader, path),
        )
    if isinstance(raw, str) and _ISO_DATE.fullmatch(raw.strip()) is None:
        return RelativeDate(raw)
    return _partial_date(raw, reader, path)


def _measure(raw: Any, reader: _Reader, path: str) -> Measure:
    return reader.build(Measure, raw, path)  # type: ignore[no-any-return]


def _measures(raw: Any, reader: _Reader, path: str) -> tuple[Measure, ...]:
    if not isinstance(raw, list) or not raw:
        raise ParseError("expected a non-empty list of measures")
    results, failed = [], False
    for number, item in enumerate(raw):
        try:
            results.append(_measure(item, reader, f"{path}[{number}]"))
        except _InvalidError:
            failed = True
    if failed:
        raise _InvalidError
    return tuple(results)


def _enums(kind: Any) -> Parser:
    def parse(raw: Any, reader: _Reader, path: str) -> tuple[Any, ...]:
        values = _texts(raw, reader, path)
        try:
            return tuple(kind(value) for value in values)
        except ValueError:
            allowed = ", ".join(repr(member.value) for member in kind)
            raise ParseError(
                f"{list(values)!r}: each must be one of {allowed}"
            ) from None

    return parse


def _same(raw: Any, _reader: _Reader, _path: str) -> Any:
    return raw


_SPECS: Final[dict[type[Any], dict[str, Parser]]] = {
    Measure: {
        "of": _text,
        "field": _text,
        "round": _text,
        "at": _partial_date,
        "office": _text,
    },
    ValueCheck: {
        "measure": _measure,
        "stated": _stated,
        "tolerance": _tolerance,
        "on": _date,
    },
    DateCheck: {"event": _measure, "within": _date_like},
    RatioCheck: {
        "numerator": _measure,
        "denominator": _measure,
        "ratio": _decimal,
        "tolerance": _tolerance,
        "on": _date,
    },
    OrderingCheck: {
        "left": _measures,
        "right": _measures,
        "relation": _text,
        "currency": _text,
        "on": _date,
        "tolerance": _tolerance,
    },
    MembershipCheck: {
        "members": _texts,
        "members_of": _text,
        "group": _text,
        "investors_of": _text,
        "until": _partial_date,
        "quantifier": _text,
    },
    RoleCheck: {
        "person": _text,
        "organisation": _text,
        "titles": _texts,
        "during": _date_like,
    },
    ExistenceCheck: {
        "what": _text,
        "developer": _text,
        "openness": _enums(Openness),
        "modalities": _enums(Modality),
        "family": _text,
        "organisation_kinds": _enums(OrganisationKind),
        "founder": _text,
        "within": _date_like,
    },
    BenchmarkCheck: {
        "first": _text,
        "second": _text,
        "benchmarks": _texts,
        "relation": _text,
        "tolerance": _tolerance,
        "quantifier": _text,
    },
    AttributeCheck: {"of": _text, "field": _text, "one_of": _texts},
}

_SOURCE_FIELDS: Final[dict[str, Parser]] = {
    "title": _text,
    "url": _text,
    "publisher": _text,
    "published": _partial_date,
    "accessed": _date,
    "author": _text,
}
_CLAIM_FIELDS: Final = ("id", "quote_fr", "claim_en", "source", "check", "note")


def _check(raw: Any, reader: _Reader, path: str) -> Check:
    if not isinstance(raw, dict):
        reader.problem(path, "must be a table with a kind")
        raise _InvalidError
    named = raw.get("kind")
    kind = CHECK_KINDS.get(named) if isinstance(named, str) else None
    if kind is None:
        reader.problem(
            f"{path}.kind",
            f"unknown check kind {raw.get('kind')!r}; use one of "
            f"{', '.join(CHECK_KINDS)}",
        )
        raise _InvalidError
    return reader.build(kind, raw, path, tag="kind")  # type: ignore[no-any-return]


def _sources(raw: Any, reader: _Reader) -> dict[str, Source]:
    if not isinstance(raw, dict):
        reader.problem("sources", "must be a table of sources by key")
        return {}
    found = {}
    for key, fields in raw.items():
        reader.entry = f"sources.{key}"
        if not isinstance(fields, dict):
            reader.problem(None, "must be a table")
            continue
        values: dict[str, Any] = {}
        for name, value in fields.items():
            parser = _SOURCE_FIELDS.get(name)
            if parser is None:
                reader.problem(
                    name,
                    f"unknown field {name!r}; a source takes "
                    f"{', '.join(_SOURCE_FIELDS)}",
                )
                continue
            try:
                values[name] = parser(value, reader, name)
            except (AiecosysError, ValueError, TypeError) as error:
                reader.problem(name, _message(error))
        try:
            found[key] = Source(key, **values)
        except (AiecosysError, ValueError, TypeError) as error:
            reader.problem(None, _message(error))
    reader.entry = None
    return found


def claims_from_document(
    document: Mapping[str, Any], eco: Ecosystem, *, file: str | None = None
) -> tuple[Claim, ...]:
    """Build claims from a parsed document, and check them against *eco*.

    Every problem in every claim is collected into one
    [DataError][aiecosys.DataError], each naming the file, the claim's id and
    the field: an unknown field or check kind, an unknown entity, a check that
    compares incompatible things (money with parameters), a relative date with
    no publication date to resolve it, an id used twice (or differing only by
    case), a check that could not fail (an empty period, an empty list, a fact
    compared with itself, a ratio of zero), a number out of range or a margin
    of days that is not whole. Each claim is then evaluated once, so that a
    check these facts cannot answer fails here, not when it is checked.

    Raises:
        DataError: The claims are invalid; every problem is listed.

    Examples:
        >>> from aiecosys import Ecosystem, claims_from_document
        >>> claims_from_document(
        ...     {
        ...         "sources": {"a": {"title": "An article", "published": "2024-02"}},
        ...         "claims": [
        ...             {
        ...                 "id": "yi-size",
        ...                 "quote_fr": "34 milliards de paramètres",
        ...                 "claim_en": "Yi has 34 billion parameters.",
        ...                 "source": "a",
        ...                 "check": {
        ...                     "kind": "value",
        ...                     "measure": {"of": "Yi-34B", "field": "parameters"},
        ...                     "stated": "34000000000 parameter",
        ...                 },
        ...             }
        ...         ],
        ...     },
        ...     Ecosystem(),
        ... )
        Traceback (most recent call last):
        ...
        aiecosys.DataError: 1 problem found:
          - entry 'yi-size', field 'check.measure.of': no model is named 'Yi-34B'
    """
    with decimal.localcontext(DECIMALS):
        return _claims_from_document(document, eco, file)


def _claims_from_document(
    document: Mapping[str, Any], eco: Ecosystem, file: str | None
) -> tuple[Claim, ...]:
    reader = _Reader(file, None, [])
    version = document.get("format_version", FORMAT_VERSION)
    if version != FORMAT_VERSION:
        reader.problem(
            "format_version", f"format_version {version!r} is not {FORMAT_VERSION}"
        )
    known = {"format_version", "sources", "claims", *COLLECTIONS}
    for key in document:
        if key not in known:
            reader.entry = key
            reader.problem(
                None, f"unknown top-level key {key!r}; expected sources and claims"
            )
    reader.entry = None
    sources = {source.key: source for source in eco.sources}
    sources.update(_sources(document.get("sources", {}), reader))
    entries = document.get("claims", [])
    if not isinstance(entries, list):
        reader.problem("claims", "must be an array of tables")
        entries = []
    claims: list[Claim] = []
    seen: dict[str, str] = {}
    for number, raw in enumerate(entries):
        claim = _claim(raw, number, sources, eco, reader)
        if claim is None:
            continue
        clash = id_clash(claim.id, seen, "claim")
        if clash is not None:
            reader.problem("id", clash)
        claims.append(claim)
    if reader.problems:
        raise DataError(reader.problems)
    return tuple(claims)


def id_clash(new: str, seen: dict[str, str], what: str) -> str | None:
    """Why *new* clashes with an id in *seen* (by case-folded id), if it does.

    Ids that differ only by case clash: a reader (or a file system, or a
    search) may take one for the other. *new* is added to *seen*.

    Examples:
        >>> from aiecosys._claims import id_clash
        >>> seen: dict[str, str] = {}
        >>> id_clash("yi-size", seen, "claim") is None
        True
        >>> print(id_clash("Yi-Size", seen, "claim"))
        the id 'Yi-Size' differs from the id 'yi-size' of another claim only by
        case: give the claims ids that differ by more
    """
    other = seen.get(new.casefold())
    if other is None:
        seen[new.casefold()] = new
        return None
    if other == new:
        return f"the id {new!r} is used by another {what}"
    return (
        f"the id {new!r} differs from the id {other!r} of another {what} only by "
        f"case: give the {what}s ids that differ by more"
    )


def _claim(
    raw: Any,
    number: int,
    sources: Mapping[str, Source],
    eco: Ecosystem,
    reader: _Reader,
) -> Claim | None:
    reader.entry = f"claims[{number}]"
    if not isinstance(raw, dict):
        reader.problem(None, "must be a table")
        return None
    if isinstance(raw.get("id"), str):
        reader.entry = raw["id"]
    before = len(reader.problems)
    values = _claim_values(raw, sources, reader)
    if len(reader.problems) > before:
        return None
    try:
        claim = Claim(**values)
    except (AiecosysError, ValueError, TypeError) as error:
        reader.problem(None, _message(error))
        return None
    for field, message in validate(claim, eco):
        reader.problem(field, message)
    if len(reader.problems) > before:
        return None
    # Whatever the rules above miss, a trial evaluation finds now, not later.
    try:
        check(claim, eco)
    except DataError as error:
        for problem in error.problems:
            reader.problem(problem.field, problem.message)
        return None
    return claim


def _claim_values(
    raw: dict[str, Any], sources: Mapping[str, Source], reader: _Reader
) -> dict[str, Any]:
    for key in raw:
        if key not in _CLAIM_FIELDS:
            reader.problem(
                key, f"unknown field {key!r}; a claim takes {', '.join(_CLAIM_FIELDS)}"
            )
    values: dict[str, Any] = {}
    for name in ("id", "quote_fr", "claim_en", "note"):
        if name in raw:
            try:
                values[name] = _text(raw[name], reader, name)
            except ParseError as error:
                reader.problem(name, str(error))
    _claim_source(raw.get("source"), sources, reader, values)
    if "check" not in raw:
        reader.problem("check", "is required but missing")
    else:
        with contextlib.suppress(_InvalidError):
            values["check"] = _check(raw["check"], reader, "check")
    for name in ("id", "quote_fr", "claim_en"):
        if name not in raw:
            reader.problem(name, "is required but missing")
    return values


# -- checking claims against the ecosystem when they are loaded -----------------


def validate(claim: Claim, eco: Ecosystem) -> Iterator[tuple[str, str]]:
    """Find what is wrong with a claim for *eco*, as (field, message) pairs.

    Examples:
        >>> from aiecosys import (
        ...     AttributeCheck,
        ...     Claim,
        ...     Ecosystem,
        ...     Source,
        ... )
        >>> from aiecosys._claims import validate
        >>> claim = Claim(
        ...     "kfl",
        ...     "taïwanais",
        ...     "Kai-Fu Lee is Taiwanese.",
        ...     Source("a", title="An article"),
        ...     AttributeCheck("Kai-Fu Lee", "nationality", ("TW",)),
        ... )
        >>> list(validate(claim, Ecosystem()))
        [('check.of', "no person is named 'Kai-Fu Lee'")]
    """
    published = claim.source.published
    current = claim.check
    checks: dict[
        type[Any],
        Callable[[Any, Ecosystem, PartialDate | None], Iterator[tuple[str, str]]],
    ] = {
        ValueCheck: _validate_value,
        DateCheck: _validate_date,
        RatioCheck: _validate_ratio,
        OrderingCheck: _validate_ordering,
        MembershipCheck: _validate_membership,
        RoleCheck: _validate_role,
        ExistenceCheck: _validate_existence,
        BenchmarkCheck: _validate_benchmark,
        AttributeCheck: _validate_attribute,
    }
    # Collected in a private context, then yielded: a generator suspended
    # inside localcontext would leave its context to the caller.
    with decimal.localcontext(DECIMALS):
        problems = list(checks[type(current)](current, eco, published))
    for field, message in problems:
        yield f"check.{field}", message


def _claim_source(
    key: object,
    sources: Mapping[str, Source],
    reader: _Reader,
    values: dict[str, Any],
) -> None:
    if key is None:
        reader.problem("source", "is required but missing: the key of the publication")
    elif not isinstance(key, str) or key not in sources:
        reader.problem(
            "source", f"unknown source {key!r}: define it in a [sources.{key}] table"
        )
    else:
        values["source"] = sources[key]


def _names(
    pairs: Iterable[tuple[str, str | None, Callable[[str], Any]]],
) -> Iterator[tuple[str, str]]:
    for field, name, look_up in pairs:
        if name is None:
            continue
        try:
            look_up(name)
        except UnknownEntityError as error:
            yield field, str(error)


def _either(eco: Ecosystem) -> Callable[[str], Any]:
    def look_up(name: str) -> Any:
        try:
            return eco.organisation(name)
        except UnknownEntityError:
            try:
                return eco.person(name)
            except UnknownEntityError:
                raise UnknownEntityError(
                    f"no organisation or person is named {name!r}"
                ) from None

    return look_up


def _validate_measure(
    measure: Measure, path: str, eco: Ecosystem
) -> Iterator[tuple[str, str]]:
    problems = list(_names([(f"{path}.of", measure.of, _look_up(measure, eco))]))
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
                (
                    f"reads the same fact as {seen[key]} ({measure.label}): a fact "
                    "compared with itself or counted twice proves nothing; name "
                    "another fact"
                ),
            )
        else:
            seen[key] = path


def _first_currency(check: Check, eco: Ecosystem) -> str | None:
    """The currency the values are compared in, if money, as evaluation reads it."""
    context = Context(eco)
    try:
        if isinstance(check, ValueCheck):
            found = read(check.measure, context, _stated_currency(check), check.on)
        elif isinstance(check, RatioCheck):
            found = read(check.numerator, context)
        elif isinstance(check, OrderingCheck):
            if check.currency is not None:
                return check.currency
            found = read(check.left[0], context, None, check.on)
        else:
            return None
    except (Missing, UnknownEntityError, RateUnavailableError, ValueError):
        return None
    kind = _kind(found.estimate)
    return kind[1] if kind is not None and kind[0] == "money" else None


def _stated_currency(check: ValueCheck) -> str | None:
    return check.stated.currency if isinstance(check.stated, Money) else None


def _validate_money(
    check: ValueCheck | RatioCheck | OrderingCheck, eco: Ecosystem, money: bool
) -> Iterator[tuple[str, str]]:
    """Fields that apply to money only, and a margin in the right currency."""
    if not money:
        if check.on is not None:
            yield (
                "on",
                (
                    "is the date money is converted at, and the values compared are "
                    "not money: leave it out"
                ),
            )
        if isinstance(check, OrderingCheck) and check.currency is not None:
            yield (
                "currency",
                (
                    "is the currency money is added up in, and the values compared "
                    "are not money: leave it out"
                ),
            )
        return
    if isinstance(check, OrderingCheck) and check.currency is not None:
        try:
            validate_currency(check.currency)
        except AiecosysError as error:
            yield "currency", _message(error)
            return
    margin = None if check.tolerance is None else check.tolerance.margin
    currency = _first_currency(check, eco)
    if isinstance(margin, Money) and currency not in {None, margin.currency}:
        yield (
            "tolerance",
            (
                f"the margin {check.tolerance} is in {margin.currency}, and the values "
                f"are compared in {currency}: write the margin in {currency}, or as a "
                "percentage such as '10%'"
            ),
        )


def _validate_compared(
    kinds: list[tuple[str, tuple[str, str]]],
    tolerance: Tolerance | None,
    on: dt.date | None,
    published: PartialDate | None,
) -> Iterator[tuple[str, str]]:
    (first_path, first), *others = kinds
    for path, kind in others:
        if kind[0] != first[0] or (kind[0] == "quantity" and kind[1] != first[1]):
            yield (
                path,
                (
                    f"compares {_kind_text(first)} ({first_path}) with "
                    f"{_kind_text(kind)}: "
                    "they measure different things"
                ),
            )
            return
    if first[0] == "date":
        yield first_path, "is a date: use a date check to say when something happened"
        return
    if first[0] == "money" and on is None and published is None:
        yield (
            "on",
            (
                "money may need converting: give the date to convert at (on), or a "
                "publication date to the claim's source"
            ),
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
                f"the margin {tolerance} is not money, and the values compared are",
            )
        elif kind is first:
            try:
                _check_margin_kind(tolerance, first)
            except (TypeError, ValueError) as error:
                yield "tolerance", str(error)


def _stated_kind(stated: Any) -> tuple[str, str]:
    kind = _kind(as_estimate(stated))
    assert kind is not None  # noqa: S101 - a stated value is never unknown
    return ("money", "") if kind[0] == "money" else kind


def _validate_value(
    check: ValueCheck, eco: Ecosystem, published: PartialDate | None
) -> Iterator[tuple[str, str]]:
    value = check.stated
    number = (
        value.amount
        if isinstance(value, Money)
        else value.magnitude
        if isinstance(value, Quantity)
        else value
    )
    if number < 0 and check.measure.kind()[0] != "date":
        yield (
            "stated",
            (
                f"{describe(value)} is below zero, and {check.measure.label} "
                "cannot be: write the value the claim states"
            ),
        )
    stated = ("stated", _stated_kind(check.stated))
    yield from _validate_comparison(
        check, eco, published, [("measure", check.measure)], stated
    )


def _validate_ratio(
    check: RatioCheck, eco: Ecosystem, published: PartialDate | None
) -> Iterator[tuple[str, str]]:
    if check.ratio <= 0:
        yield (
            "ratio",
            (
                f"a ratio of {check.ratio} means nothing for sizes and amounts: write "
                "the multiple the claim states, above 0, such as '0.5' for half"
            ),
        )
    yield from _validate_comparison(
        check,
        eco,
        published,
        [("numerator", check.numerator), ("denominator", check.denominator)],
    )


def _validate_ordering(
    check: OrderingCheck, eco: Ecosystem, published: PartialDate | None
) -> Iterator[tuple[str, str]]:
    pairs = [
        (f"{side}[{number}]", measure)
        for side, measures in (("left", check.left), ("right", check.right))
        for number, measure in enumerate(measures)
    ]
    yield from _validate_comparison(check, eco, published, pairs)


def _validate_comparison(
    check: ValueCheck | RatioCheck | OrderingCheck,
    eco: Ecosystem,
    published: PartialDate | None,
    measures: list[tuple[str, Measure]],
    stated: tuple[str, tuple[str, str]] | None = None,
) -> Iterator[tuple[str, str]]:
    """The measures, then what they are compared as, then the money fields."""
    problems = [
        p for path, measure in measures for p in _validate_measure(measure, path, eco)
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


def _validate_when(
    value: DateLike | None, field: str, published: PartialDate | None
) -> Iterator[tuple[str, str]]:
    if isinstance(value, Period) and value.start is None and value.end is None:
        yield field, _ANY_TIME
    if not isinstance(value, RelativeDate):
        return
    if published is None:
        yield (
            field,
            f"{value.text!r} is relative: give the claim's source a publication date",
        )
    elif value.needs_month and published.month is None:
        yield (
            field,
            (
                f"{value.text!r} needs a publication date precise to the month, "
                f"not {published}"
            ),
        )
    else:
        try:
            value.resolve(published)
        except (AiecosysError, ValueError) as error:
            yield (
                field,
                (
                    f"{value.text!r} cannot be resolved against the publication date "
                    f"{published}: {_message(error)}"
                ),
            )


def _validate_date(
    check: DateCheck, eco: Ecosystem, published: PartialDate | None
) -> Iterator[tuple[str, str]]:
    yield from _validate_measure(check.event, "event", eco)
    if check.event.kind()[0] != "date":
        yield (
            "event.field",
            (
                f"{check.event.field!r} is not a date; use released, announced, "
                "founded, office_opened, office_closed or born"
            ),
        )
    yield from _validate_when(check.within, "within", published)


def _validate_membership(
    check: MembershipCheck, eco: Ecosystem, _published: PartialDate | None
) -> Iterator[tuple[str, str]]:
    either = _either(eco)
    yield from _names(
        [
            *((f"members[{n}]", name, either) for n, name in enumerate(check.members)),
            ("members_of", check.members_of, eco.organisation),
            ("group", check.group, eco.organisation),
            ("investors_of", check.investors_of, eco.organisation),
        ],
    )
    yield from _same_members(check, eco)
    if check.until is not None and check.investors_of is None:
        yield (
            "until",
            (
                "counts the rounds of investors_of, and a group's members are not "
                "dated: leave until out"
            ),
        )
    for field, name in (("group", check.group), ("members_of", check.members_of)):
        if name is None:
            continue
        try:
            found = eco.organisation(name)
        except UnknownEntityError:
            continue
        if found.kind is not OrganisationKind.GROUP:
            yield (
                field,
                f"{found.name} is a {found.kind.value}, not a group with members",
            )


def _same_members(check: MembershipCheck, eco: Ecosystem) -> Iterator[tuple[str, str]]:
    """Members that name one entity twice, and a group said to be in itself."""
    seen: dict[str, int] = {}
    for number, name in enumerate(check.members):
        try:
            canonical = _either(eco)(name).name
        except UnknownEntityError:
            continue
        if canonical in seen:
            yield (
                f"members[{number}]",
                (
                    f"{name!r} is {canonical}, already listed as "
                    f"members[{seen[canonical]}]: list each member once"
                ),
            )
        seen.setdefault(canonical, number)
    if check.members_of is not None and check.group is not None:
        with contextlib.suppress(UnknownEntityError):
            if eco.organisation(check.members_of) == eco.organisation(check.group):
                yield (
                    "members_of",
                    (
                        "is the group the members are said to belong to: a group is "
                        "always among itself; name another group"
                    ),
                )


def _validate_role(
    check: RoleCheck, eco: Ecosystem, published: PartialDate | None
) -> Iterator[tuple[str, str]]:
    yield from _names(
        [
            ("person", check.person, eco.person),
            ("organisation", check.organisation, eco.organisation),
        ],
    )
    yield from _validate_when(check.during, "during", published)


def _validate_existence(
    check: ExistenceCheck, eco: Ecosystem, published: PartialDate | None
) -> Iterator[tuple[str, str]]:
    yield from _names(
        [
            ("developer", check.developer, eco.organisation),
            ("founder", check.founder, _either(eco)),
        ],
    )
    model_only = check.developer or check.openness or check.modalities or check.family
    if check.what == "organisation" and model_only:
        yield (
            "what",
            (
                "developer, openness, modalities and family filter models, not "
                "organisations"
            ),
        )
    if check.what == "model" and (check.organisation_kinds or check.founder):
        yield "what", "organisation_kinds and founder filter organisations, not models"
    yield from _validate_when(check.within, "within", published)


def _validate_benchmark(
    check: BenchmarkCheck, eco: Ecosystem, _published: PartialDate | None
) -> Iterator[tuple[str, str]]:
    problems = list(
        _names([("first", check.first, eco.model), ("second", check.second, eco.model)])
    )
    yield from problems
    if not problems and eco.model(check.first) == eco.model(check.second):
        yield (
            "second",
            (
                f"is the same model as first ({eco.model(check.first).name}): a model "
                "compared with itself proves nothing; name another model"
            ),
        )
    margin = None if check.tolerance is None else check.tolerance.margin
    if margin is not None and not isinstance(margin, Decimal | int):
        yield (
            "tolerance",
            f"a benchmark score is a plain number: the margin {check.tolerance} is not",
        )


def _validate_attribute(
    check: AttributeCheck, eco: Ecosystem, _published: PartialDate | None
) -> Iterator[tuple[str, str]]:
    try:
        check.entity(eco)
    except UnknownEntityError as error:
        yield "of", str(error)
    allowed = _ATTRIBUTE_VALUES.get(check.field)
    for number, value in enumerate(check.one_of):
        if allowed is not None:
            if normalise_name(value) not in {normalise_name(v) for v in allowed}:
                yield (
                    f"one_of[{number}]",
                    (
                        f"{value!r} is not a value of {check.field}, so it could never "
                        f"match: use one of {', '.join(allowed)}"
                    ),
                )
        elif check.field in {"country", "nationality"}:
            try:
                validators.country(check, _COUNTRY, value.upper())
            except DataError:
                yield (
                    f"one_of[{number}]",
                    (
                        f"{value!r} is not an ISO 3166 country code, so it could never "
                        "match: write two letters such as 'FR', 'CN', 'US' or 'TW'"
                    ),
                )


_ATTRIBUTE_VALUES: Final = {
    "kind": tuple(kind.value for kind in OrganisationKind),
    "openness": tuple(openness.value for openness in Openness),
    "modalities": tuple(modality.value for modality in Modality),
}
_COUNTRY: Final = attrs.fields(Person).nationality


# -- files ----------------------------------------------------------------------


def loads_claims(
    text: str,
    eco: Ecosystem,
    *,
    format: Literal["toml", "json"] = "toml",  # noqa: A002 - the name used by loads()
    file: str | None = None,
) -> tuple[Claim, ...]:
    r"""Read claims from TOML or JSON text, and check them against *eco*.

    Raises:
        DataError: The text is not valid TOML or JSON, or a claim is invalid;
            every problem is listed.

    Examples:
        >>> from aiecosys import Ecosystem, loads_claims
        >>> loads_claims("[[claims]]\nid = 'x'\nquote = 'oops'\n", Ecosystem())
        Traceback (most recent call last):
        ...
        aiecosys.DataError: 5 problems found:
          - entry 'x', field 'quote': unknown field 'quote'; a claim takes id,
            quote_fr, claim_en, source, check, note
          ...
    """
    document = parse_document(text, format=format, file=file)
    return claims_from_document(document, eco, file=file)


def load_claims(path: str | Path, eco: Ecosystem) -> tuple[Claim, ...]:
    r"""Load claims from a ``.toml`` or ``.json`` file, and check them against *eco*.

    Raises:
        DataError: A claim is invalid; every problem is listed, each with the
            file, the claim's id and the field.

    Examples:
        >>> import pathlib, tempfile
        >>> from aiecosys import Ecosystem, load_claims
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "claims.toml"
        >>> _ = path.write_text("format_version = 1\n", encoding="utf-8")
        >>> load_claims(path, Ecosystem())
        ()
    """
    from aiecosys._files import read_text

    path = Path(path)
    text = read_text(path)
    return loads_claims(text, eco, format=format_of(path), file=str(path))


def load_with_claims(path: str | Path) -> tuple[Ecosystem, tuple[Claim, ...]]:
    """Load a file that holds a knowledge base and the claims checked against it.

    Raises:
        DataError: The knowledge base or a claim is invalid; every problem is
            listed.

    Examples:
        >>> import pathlib, tempfile
        >>> from aiecosys import load_with_claims
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "both.toml"
        >>> _ = path.write_text(
        ...     '''
        ... [sources.k]
        ... title = "Kyutai is launched"
        ... published = "2023-11-17"
        ...
        ... [[organisations]]
        ... name = "Kyutai"
        ... kind = "non-profit-lab"
        ... founded = "2023-11"
        ... sources = ["k"]
        ...
        ... [[claims]]
        ... id = "kyutai-nov-2023"
        ... quote_fr = "en novembre 2023, du laboratoire non lucratif Kyutai"
        ... claim_en = "Kyutai was launched in November 2023."
        ... source = "k"
        ... [claims.check]
        ... kind = "date"
        ... event = { of = "Kyutai", field = "founded" }
        ... within = "2023-11"
        ... ''',
        ...     encoding="utf-8",
        ... )
        >>> eco, claims = load_with_claims(path)
        >>> [claim.id for claim in claims]
        ['kyutai-nov-2023']
    """
    from aiecosys._files import from_document, read_text

    path = Path(path)
    document = parse_document(read_text(path), format=format_of(path), file=str(path))
    eco = from_document(document, file=str(path), ignore=frozenset({"claims"}))
    return eco, claims_from_document(document, eco, file=str(path))


# -- writing claims ------------------------------------------------------------------


def dumps_claims(
    claims: Iterable[Claim],
    *,
    format: Literal["toml", "json"] = "toml",  # noqa: A002 - the name used by loads()
) -> str:
    """Write claims as TOML or JSON text, with the sources they cite.

    [loads_claims][aiecosys.loads_claims] reads the text back into the same
    claims. Every value is written exactly: numbers and amounts as strings,
    dates as ISO text.

    Examples:
        >>> from aiecosys import Claim, DateCheck, Measure, PartialDate, Source
        >>> from aiecosys._claims import dumps_claims
        >>> print(
        ...     dumps_claims(
        ...         [
        ...             Claim(
        ...                 "kyutai-2023",
        ...                 "lancé fin 2023",
        ...                 "Kyutai was founded in 2023.",
        ...                 Source("k", title="Kyutai", published=PartialDate(2024)),
        ...                 DateCheck(Measure("Kyutai", "founded"), PartialDate(2023)),
        ...             )
        ...         ]
        ...     )
        ... )
        format_version = 1
        <BLANKLINE>
        [sources.k]
        title = "Kyutai"
        published = "2024"
        <BLANKLINE>
        [[claims]]
        id = "kyutai-2023"
        quote_fr = "lancé fin 2023"
        claim_en = "Kyutai was founded in 2023."
        source = "k"
        <BLANKLINE>
        [claims.check]
        kind = "date"
        within = "2023"
        <BLANKLINE>
        [claims.check.event]
        of = "Kyutai"
        field = "founded"
        <BLANKLINE>
    """
    if format not in {"toml", "json"}:
        _unknown_format(format)
    return write_document(_claims_document(claims), format)


def _claims_document(claims: Iterable[Claim]) -> dict[str, Any]:
    sources: dict[str, Any] = {}
    entries: list[dict[str, Any]] = []
    for claim in claims:
        fields = _full_source.unstructure(claim.source)
        del fields["key"]
        sources[claim.source.key] = fields
        entry: dict[str, Any] = {
            "id": claim.id,
            "quote_fr": claim.quote_fr,
            "claim_en": claim.claim_en,
            "source": claim.source.key,
        }
        if claim.note is not None:
            entry["note"] = claim.note
        entry["check"] = {"kind": claim.check.kind, **_fields(claim.check)}
        entries.append(entry)
    return {"format_version": FORMAT_VERSION, "sources": sources, "claims": entries}


def _fields(value: Any) -> dict[str, Any]:
    """The fields of a check or a measure that differ from their defaults."""
    return {
        field.name: _written(getattr(value, field.name))
        for field in attrs.fields(type(value))
        if getattr(value, field.name) != field.default
    }


def _written(value: Any) -> Any:
    """A value as the claims reader reads it back."""
    if isinstance(value, Measure):
        return _fields(value)
    if isinstance(value, tuple):
        return [_written(item) for item in value]
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Tolerance):
        if value.fraction is not None:
            return f"{_plain(value.fraction.scaleb(2, DECIMALS))}%"
        if isinstance(value.margin, dt.timedelta):
            return f"{value.margin.days} days"
        return _written(value.margin)
    if isinstance(value, Period):
        return {
            name: str(bound)
            for name, bound in (("start", value.start), ("end", value.end))
            if bound is not None
        }
    if isinstance(value, dt.date):
        return value.isoformat()
    return _amount_text(value)


def _amount_text(value: Any) -> str:
    """An amount, a size or a number as text; anything else (text, dates) as is."""
    if isinstance(value, Money):
        return f"{_plain(value.amount)} {value.currency}"
    if isinstance(value, Quantity):
        return f"{_plain(value.magnitude)} {value.unit}"
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        return _plain(Decimal(value))
    return str(value)


def _plain(number: Decimal) -> str:
    return format(number, "f")
