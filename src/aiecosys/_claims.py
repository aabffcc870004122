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
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal

import attrs

from aiecosys import _validators as validators
from aiecosys._checks import (
    CHECK_KINDS,
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
)
from aiecosys._dates import PartialDate, Period
from aiecosys._ecosystem import COLLECTIONS, Ecosystem
from aiecosys._entities import OrganisationKind
from aiecosys._errors import (
    AiecosysError,
    DataError,
    ParseError,
    Problem,
    RateUnavailableError,
    UnknownEntityError,
)
from aiecosys._files import format_of, parse_document
from aiecosys._models import Modality, Openness
from aiecosys._money import Money
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
    missing.

    Args:
        claim: The claim.
        eco: The knowledge base.
        rates: Where exchange rates come from (the bundled ECB rates if None).

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
    try:
        outcome = claim.check.evaluate(context)
    except (Missing, UnknownEntityError, RateUnavailableError) as error:
        outcome = Outcome(
            Verdict.NOT_ENOUGH_INFO, f"A fact the claim needs is missing: {error}."
        )
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

    Examples:
        >>> from aiecosys import Ecosystem, check_all
        >>> check_all([], Ecosystem())
        ()
    """
    return tuple(check(claim, eco, rates=rates) for claim in claims)


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
    return tuple(_text(item, reader, path) for item in raw)


def _decimal(raw: Any, _reader: _Reader, _path: str) -> Decimal:
    if isinstance(raw, bool | float) or not isinstance(raw, int | str):
        raise ParseError(f'write the number as a string, such as "0.5", not {raw!r}')
    try:
        number = Decimal(raw)
    except InvalidOperation:
        raise ParseError(f"cannot read {raw!r} as a number") from None
    if not number.is_finite():
        raise ParseError(f"{raw!r} is not a finite number")
    return number


def _stated(raw: Any, reader: _Reader, path: str) -> Money | Quantity | Decimal:
    if isinstance(raw, int) and not isinstance(raw, bool):
        return Decimal(raw)
    text = _text(raw, reader, path).strip()
    number, _, unit = text.partition(" ")
    amount = _decimal(number, reader, path)
    unit = unit.strip()
    if not unit:
        return amount
    if len(unit) == 3 and unit.isupper():  # noqa: PLR2004 - an ISO 4217 code
        return Money(amount, unit)
    return Quantity(amount, unit)


def _tolerance(raw: Any, reader: _Reader, path: str) -> Tolerance:
    if isinstance(raw, int) and not isinstance(raw, bool):
        return Tolerance.absolute(raw)
    return Tolerance.parse(_text(raw, reader, path))


def _partial_date(raw: Any, reader: _Reader, path: str) -> PartialDate:
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
    no publication date to resolve it, an id used twice.

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
    seen: set[str] = set()
    for number, raw in enumerate(entries):
        claim = _claim(raw, number, sources, eco, reader)
        if claim is None:
            continue
        if claim.id in seen:
            reader.problem("id", f"the id {claim.id!r} is used by another claim")
        seen.add(claim.id)
        claims.append(claim)
    if reader.problems:
        raise DataError(reader.problems)
    return tuple(claims)


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
    return None if len(reader.problems) > before else claim


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
    for field, message in checks[type(current)](current, eco, published):
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
    field = measure.field
    if field in MODEL_FIELDS:
        look_up: Callable[[str], Any] = eco.model
    elif field == "born":
        look_up = eco.person
    else:
        look_up = eco.organisation
    problems = list(_names([(f"{path}.of", measure.of, look_up)]))
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
    problems = list(_validate_measure(check.measure, "measure", eco))
    yield from problems
    if not problems:
        yield from _validate_compared(
            [("measure", check.measure.kind()), ("stated", _stated_kind(check.stated))],
            check.tolerance,
            check.on,
            published,
        )


def _validate_ratio(
    check: RatioCheck, eco: Ecosystem, published: PartialDate | None
) -> Iterator[tuple[str, str]]:
    problems = [
        *_validate_measure(check.numerator, "numerator", eco),
        *_validate_measure(check.denominator, "denominator", eco),
    ]
    yield from problems
    if not problems:
        yield from _validate_compared(
            [
                ("numerator", check.numerator.kind()),
                ("denominator", check.denominator.kind()),
            ],
            check.tolerance,
            check.on,
            published,
        )


def _validate_ordering(
    check: OrderingCheck, eco: Ecosystem, published: PartialDate | None
) -> Iterator[tuple[str, str]]:
    pairs = [
        (f"{side}[{number}]", measure)
        for side, measures in (("left", check.left), ("right", check.right))
        for number, measure in enumerate(measures)
    ]
    problems = [
        p for path, measure in pairs for p in _validate_measure(measure, path, eco)
    ]
    yield from problems
    if not problems:
        yield from _validate_compared(
            [(path, measure.kind()) for path, measure in pairs],
            check.tolerance,
            check.on,
            published,
        )


def _validate_when(
    value: DateLike | None, field: str, published: PartialDate | None
) -> Iterator[tuple[str, str]]:
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
    yield from _names(
        [("first", check.first, eco.model), ("second", check.second, eco.model)]
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
