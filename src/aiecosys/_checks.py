"""The kinds of check a claim can carry, and how each is evaluated against an ecosystem.

Every check kind is a frozen attrs class with a ``kind`` name, used as the tag
in claims files. Evaluating one gives a [Verdict][aiecosys.Verdict], a
sentence for readers, and the evidence: each fact used with its sources and
each currency conversion with its rate and date.

The rules, the same for every kind:

* The knowledge base is taken as complete about what it records (a group's
  members, a person's roles, a developer's models, a round's investors when it
  lists them): what it does not record did not happen.
* A value it records as unknown or undisclosed (a range, an open bound, a
  round with no investors listed, a missing date) makes the verdict
  ``NOT_ENOUGH_INFO`` whenever the answer depends on it.
* ``REFUTED`` only when every value the evidence allows contradicts the claim;
  ``SUPPORTED`` only when every value it allows agrees with it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import decimal
import enum
import functools
import re
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar, Final, Literal, TypeVar

import attrs

from aiecosys._compare import (
    Comparison,
    Tolerance,
    _compare,
    _convert,
    _kind,
    as_estimate,
    describe,
    describe_estimate,
)
from aiecosys._dates import PartialDate, Period
from aiecosys._ecosystem import Ecosystem, normalise_name
from aiecosys._entities import Organisation, OrganisationKind, Person
from aiecosys._errors import UnknownEntityError
from aiecosys._estimate import Estimate, Status
from aiecosys._funding import FundFact, FundingRound, RoundKind
from aiecosys._models import Modality, ModelSpec, Openness
from aiecosys._money import Money
from aiecosys._ordering import Ordering
from aiecosys._source import Source
from aiecosys._units import Quantity


if TYPE_CHECKING:
    from aiecosys.fx._conversion import Conversion
    from aiecosys.fx._sources import RateSource


__all__ = [
    "AttributeCheck",
    "BenchmarkCheck",
    "Check",
    "DateCheck",
    "DateLike",
    "Evidence",
    "ExistenceCheck",
    "Measure",
    "MembershipCheck",
    "OrderingCheck",
    "RatioCheck",
    "RelativeDate",
    "RoleCheck",
    "ValueCheck",
    "Verdict",
]


class Verdict(enum.Enum):
    """What the facts say about a claim: supported, refuted, or not enough information.

    Verdicts are never stored: [check][aiecosys.check] computes them from the
    facts every time, so a corrected fact changes them at once.

    Examples:
        >>> from aiecosys import Verdict
        >>> [verdict.value for verdict in Verdict]
        ['SUPPORTED', 'REFUTED', 'NOT_ENOUGH_INFO']
    """

    SUPPORTED = "SUPPORTED"
    """Every value the evidence allows agrees with the claim."""
    REFUTED = "REFUTED"
    """Every value the evidence allows contradicts the claim."""
    NOT_ENOUGH_INFO = "NOT_ENOUGH_INFO"
    """A fact the answer depends on is missing, undisclosed or only known as a range."""


@attrs.frozen
class Evidence:
    """One fact a verdict rests on: what it is, its value, and its sources.

    Examples:
        >>> from aiecosys import Evidence, Source
        >>> print(
        ...     Evidence(
        ...         "Yi-34B: parameters",
        ...         "34 billion parameters (disclosed)",
        ...         (Source("yi", title="Yi: Open Foundation Models"),),
        ...     )
        ... )
        Yi-34B: parameters = 34 billion parameters (disclosed) [yi]
    """

    label: str
    """What the fact is about (``"Yi-34B: parameters"``)."""
    value: str
    """Its value, written for readers, with how it is known."""
    sources: tuple[Source, ...] = ()
    """Where it comes from."""

    def __str__(self) -> str:
        keys = ", ".join(source.key for source in self.sources)
        return f"{self.label} = {self.value}" + (f" [{keys}]" if keys else "")


_Check = TypeVar("_Check")

# -- dates stated relative to a publication ---------------------------------------

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
        >>> from aiecosys._checks import RelativeDate, resolve_date
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


def _span(value: PartialDate | Period) -> tuple[dt.date | None, dt.date | None]:
    return value.first, value.last


def _date_text(
    value: PartialDate | Period | RelativeDate, resolved: PartialDate | Period
) -> str:
    if isinstance(value, RelativeDate):
        return f'"{value.text}", that is {resolved}'
    return str(resolved)


# -- what a check measures ------------------------------------------------------

MODEL_FIELDS: Final = frozenset(
    {
        "parameters",
        "active_parameters",
        "training_tokens",
        "training_compute",
        "context_length",
        "released",
    }
)
"""The fields of a model that a [Measure][aiecosys.Measure] reads."""
_ROUND_FIELDS: Final = frozenset({"amount", "valuation", "announced"})
_FUND_FIELDS: Final = frozenset({"assets_under_management", "portfolio_size"})
_ORGANISATION_FIELDS: Final = frozenset(
    {"total_raised", "founded", "office_opened", "office_closed"}
)
_PERSON_FIELDS: Final = frozenset({"born"})
_DATE_FIELDS: Final = frozenset(
    {"released", "announced", "founded", "office_opened", "office_closed", "born"}
)
_MONEY_FIELDS: Final = frozenset(
    {"amount", "valuation", "total_raised", "assets_under_management"}
)
MEASURE_FIELDS: Final = (
    MODEL_FIELDS | _ROUND_FIELDS | _FUND_FIELDS | _ORGANISATION_FIELDS | _PERSON_FIELDS
)
"""Every field a [Measure][aiecosys.Measure] can read."""


def _check_measure_field(
    _instance: Measure, _attribute: attrs.Attribute[str], value: str
) -> None:
    if value not in MEASURE_FIELDS:
        raise ValueError(
            f"unknown field {value!r}; a measure reads one of "
            f"{', '.join(sorted(MEASURE_FIELDS))}"
        )


def _check_office(
    instance: Measure, _attribute: attrs.Attribute[str | None], value: str | None
) -> None:
    if (value is None) == instance.field.startswith("office_"):
        raise ValueError(
            "office_opened and office_closed need the office's location "
            "(office = 'Silicon Valley'), and no other field takes one"
        )


def _check_round(
    instance: Measure, _attribute: attrs.Attribute[Any], value: RoundKind | None
) -> None:
    if value is not None and instance.field not in _ROUND_FIELDS:
        raise ValueError(f"only round fields take a round kind, not {instance.field!r}")


_AT_FIELDS: Final = _ROUND_FIELDS | _FUND_FIELDS | {"total_raised"}


def _check_at(
    instance: Measure, _attribute: attrs.Attribute[Any], value: PartialDate | None
) -> None:
    if value is not None and instance.field not in _AT_FIELDS:
        raise ValueError(
            f"{instance.field!r} takes no date (at): only round fields, fund "
            "fields and total_raised do; leave at out"
        )


@attrs.frozen
class Measure:
    """Which fact a check reads: a field of a model, a round, a fund or an organisation.

    The field says where to look:

    * of a model (``of`` is its name): ``parameters``, ``active_parameters``,
      ``training_tokens``, ``training_compute``, ``context_length``,
      ``released``;
    * of a funding round (``of`` is the organisation that raised it; ``round``
      and ``at`` pick the round): ``amount``, ``valuation``, ``announced``;
    * of a fund (``of`` is the firm; the latest fact by ``at``):
      ``assets_under_management``, ``portfolio_size``;
    * of an organisation: ``founded``, ``total_raised`` (every round announced
      by ``at``), ``office_opened`` and ``office_closed`` (of the ``office``);
    * of a person: ``born``.

    Examples:
        >>> from aiecosys import Measure, PartialDate
        >>> Measure("Yi-34B", "parameters").field
        'parameters'
        >>> Measure("Mistral AI", "amount", round="series-a").round
        <RoundKind.SERIES_A: 'series-a'>
        >>> Measure("Yi-34B", "size")
        Traceback (most recent call last):
        ...
        ValueError: unknown field 'size'; a measure reads one of ...
    """

    of: str
    """The name of the model, organisation or person."""
    field: str = attrs.field(validator=_check_measure_field)
    """The field read (see above)."""
    round: RoundKind | None = attrs.field(
        default=None,
        kw_only=True,
        converter=attrs.converters.optional(RoundKind),
        validator=_check_round,
    )
    """For a round's field: the kind of round."""
    at: PartialDate | None = attrs.field(
        default=None, kw_only=True, validator=_check_at
    )
    """For a round: when it was announced; for a fund: the date of the figures;
    for ``total_raised``: count rounds announced by then."""
    office: str | None = attrs.field(
        default=None, kw_only=True, validator=_check_office
    )
    """For ``office_opened`` and ``office_closed``: the office's location."""

    @property
    def label(self) -> str:
        """How the evidence names the fact (``"Mistral AI: series-a amount"``).

        Examples:
            >>> from aiecosys import Measure
            >>> Measure(
            ...     "Sinovation Ventures", "office_closed", office="Silicon Valley"
            ... ).label
            'Sinovation Ventures: Silicon Valley office closed'
        """
        field = self.field.replace("_", " ")
        if self.office is not None:
            field = f"{self.office} office {field.removeprefix('office ')}"
        if self.round is not None:
            field = f"{self.round.value} {field}"
        if self.at is not None:
            field += f" ({self.at})"
        return f"{self.of}: {field}"

    def kind(self) -> tuple[str, str]:
        """What the field holds: ``("money", "")``, ``("quantity", "[parameter]")``...

        Examples:
            >>> from aiecosys import Measure
            >>> Measure("Yi-34B", "training_tokens").kind()
            ('quantity', '[token]')
        """
        if self.field in _DATE_FIELDS:
            return "date", ""
        if self.field in _MONEY_FIELDS:
            return "money", ""
        dimension = {
            "parameters": "[parameter]",
            "active_parameters": "[parameter]",
            "training_tokens": "[token]",
            "training_compute": "[compute]",
        }.get(self.field)
        return ("number", "") if dimension is None else ("quantity", dimension)


# -- evaluation context and results ---------------------------------------------

DECIMALS: Final = decimal.Context(
    prec=28,
    rounding=decimal.ROUND_HALF_EVEN,
    Emin=-999_999,
    Emax=999_999,
    capitals=1,
    clamp=0,
    flags=[],
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)
"""The Decimal context claims are read and evaluated in, whatever the caller's.

Its settings are those of Python's default context, written out, so that a
verdict never depends on the thread's context (nor on changes made to
``decimal.DefaultContext``)."""


class Missing(Exception):  # noqa: N818 - it is an outcome, not a failure
    """A fact that a check needs is not in the knowledge base."""

    def __init__(self, message: str, *, ambiguous: bool = False) -> None:
        super().__init__(message)
        self.ambiguous = ambiguous
        """Whether several facts match where one was meant (a malformed check)."""


@attrs.frozen
class Found:
    """A fact read for a check: its value, how to name it, and its sources."""

    label: str
    estimate: Estimate[Any]
    sources: tuple[Source, ...]
    conversions: tuple[Conversion, ...] = ()
    text: str | None = None

    def evidence(self) -> Evidence:
        """The fact as evidence for readers."""
        return Evidence(
            self.label, self.text or estimate_text(self.estimate), self.sources
        )


@attrs.frozen
class Outcome:
    """What evaluating a check gives."""

    verdict: Verdict
    explanation: str
    evidence: tuple[Evidence, ...] = ()
    conversions: tuple[Conversion, ...] = ()
    comparison: Comparison | None = None


def estimate_text(estimate: Estimate[Any]) -> str:
    """Write an estimate with how it is known: ``34 billion parameters (disclosed)``.

    Examples:
        >>> from aiecosys import Estimate, parameters
        >>> from aiecosys._checks import estimate_text
        >>> estimate_text(Estimate.unknown())
        'unknown (undisclosed)'
    """
    return f"{describe_estimate(estimate)} ({estimate.status.value})"


@attrs.frozen(eq=False)
class _Index:
    rounds: dict[str, tuple[FundingRound, ...]]
    funds: dict[str, tuple[FundFact, ...]]
    models: dict[str, tuple[ModelSpec, ...]]
    names: dict[str, tuple[str, str]]
    """Organisations' and people's names and aliases, normalised, to their
    collection (``"organisation"`` or ``"person"``) and name."""


_INDEXES: dict[int, tuple[weakref.ref[Ecosystem], _Index]] = {}


def _group(
    eco: Ecosystem, entities: Iterable[Any], names: Any
) -> dict[str, tuple[Any, ...]]:
    found: dict[str, list[Any]] = {}
    for entity in entities:
        for name in names(entity):
            found.setdefault(eco.organisation(name).name, []).append(entity)
    return {key: tuple(value) for key, value in found.items()}


def _forget(table: dict[int, Any], key: int, _reference: object) -> None:
    table.pop(key, None)


def _people_then_organisations(eco: Ecosystem) -> Iterator[Person | Organisation]:
    yield from eco.people
    yield from eco.organisations


def index_of(eco: Ecosystem) -> _Index:
    """Return the look-up tables of an ecosystem, built once per ecosystem."""
    cached = _INDEXES.get(id(eco))
    if cached is not None and cached[0]() is eco:
        return cached[1]
    index = _Index(
        _group(eco, eco.rounds, lambda r: (r.organisation,)),
        _group(eco, eco.funds, lambda f: (f.organisation,)),
        _group(eco, eco.models, lambda m: m.developers),
        {
            normalise_name(alias): (
                "person" if isinstance(entity, Person) else "organisation",
                entity.name,
            )
            for entity in _people_then_organisations(eco)
            for alias in entity.names
        },
    )
    key = id(eco)
    _INDEXES[key] = (weakref.ref(eco, functools.partial(_forget, _INDEXES, key)), index)
    return index


@attrs.frozen
class Context:
    """What evaluating a check needs besides the check."""

    eco: Ecosystem
    published: PartialDate | None = None
    rates: RateSource | None = None
    index: _Index = attrs.field(init=False)

    @index.default
    def _index(self) -> _Index:
        return index_of(self.eco)

    def conversion_date(self, on: dt.date | None) -> dt.date | None:
        """The date money is converted at: *on*, else the publication's first day."""
        if on is not None:
            return on
        return None if self.published is None else self.published.first


def _entity_sources(
    entity: Any, *estimates: Estimate[Any] | None
) -> tuple[Source, ...]:
    found = dict.fromkeys(entity.sources)
    for estimate in estimates:
        if estimate is not None:
            found.update(dict.fromkeys(estimate.sources))
    return tuple(found)


def _date_estimate(value: PartialDate | None) -> Estimate[Any]:
    return Estimate.unknown() if value is None else as_estimate(value)


def _pick_round(measure: Measure, context: Context) -> FundingRound:
    name = context.eco.organisation(measure.of).name
    rounds = [
        r
        for r in context.index.rounds.get(name, ())
        if (measure.round is None or r.kind is measure.round)
        and (measure.at is None or measure.at.overlaps(r.announced))
    ]
    if len(rounds) != 1:
        what = "no round of {} matches" if not rounds else "{} rounds of {} match"
        raise Missing(
            what.format(*(() if not rounds else (len(rounds),)), name)
            + f" {measure.label}; give the round's kind or date",
            ambiguous=len(rounds) > 1,
        )
    return rounds[0]


def _pick_fund(measure: Measure, context: Context) -> FundFact:
    name = context.eco.organisation(measure.of).name
    facts = [
        fact
        for fact in context.index.funds.get(name, ())
        if (
            fact.assets_under_management
            if measure.field == "assets_under_management"
            else fact.portfolio_size
        )
        is not None
        and (measure.at is None or fact.as_of.first <= measure.at.last)
    ]
    if not facts:
        raise Missing(
            f"no fund fact of {name} gives its {measure.field.replace('_', ' ')}"
        )
    return max(facts, key=lambda fact: (fact.as_of.first, fact.as_of.last))


def read(
    measure: Measure,
    context: Context,
    currency: str | None = None,
    on: dt.date | None = None,
) -> Found:
    """Read the fact a measure names from the ecosystem.

    A total raised is in *currency* (EUR if None), each amount converted at
    *on*, or at its own round's date if None.

    Raises:
        Missing: The fact is not recorded (no such round or fund fact).
        UnknownEntityError: The measure names an unknown entity.
    """
    field = measure.field
    if field in MODEL_FIELDS:
        return _read_model(measure, context)
    if field in _ROUND_FIELDS:
        found = _pick_round(measure, context)
        if field == "announced":
            return _dated(measure.label, found.announced, found.sources)
        money = getattr(found, field) or Estimate.unknown()
        return Found(measure.label, money, _entity_sources(found, money))
    if field in _FUND_FIELDS:
        fact = _pick_fund(measure, context)
        value = getattr(fact, field)
        label = f"{measure.label} as of {fact.as_of}"
        return Found(label, value, _entity_sources(fact, value))
    if field in _PERSON_FIELDS:
        person = context.eco.person(measure.of)
        return _dated(measure.label, person.born, person.sources)
    organisation = context.eco.organisation(measure.of)
    if field == "founded":
        return _dated(measure.label, organisation.founded, organisation.sources)
    if field == "total_raised":
        return _total(measure, context, organisation, currency, on)
    wanted = normalise_name(measure.office or "")
    for office in organisation.offices:
        if normalise_name(office.location) == wanted:
            date = office.opened if field == "office_opened" else office.closed
            sources = _entity_sources(organisation) + office.sources
            return _dated(measure.label, date, sources)
    raise Missing(f"{organisation.name} has no office recorded in {measure.office}")


def _dated(label: str, date: PartialDate | None, sources: tuple[Source, ...]) -> Found:
    return Found(label, _date_estimate(date), sources, text=_when(date))


def _read_model(measure: Measure, context: Context) -> Found:
    model = context.eco.model(measure.of)
    if measure.field == "released":
        return _dated(measure.label, model.released, model.sources)
    value = getattr(model, measure.field)
    if value is None:
        estimate: Estimate[Any] = Estimate.unknown()
    elif isinstance(value, int):
        estimate = Estimate.exact(value)
    else:
        estimate = value
    return Found(measure.label, estimate, _entity_sources(model, estimate))


def _when(date: PartialDate | None) -> str:
    return "unknown" if date is None else str(date)


def _total(
    measure: Measure,
    context: Context,
    organisation: Organisation,
    currency: str | None,
    on: dt.date | None,
) -> Found:
    total = context.eco.total_raised(
        organisation, currency or "EUR", until=measure.at, on=on
    )
    sources: dict[Source, None] = {}
    for item in total.items:
        sources.update(dict.fromkeys(_entity_sources(item.round, item.round.amount)))
    count = len(total.items)
    text = f"{estimate_text(total.total)}, over {count} round{'s' * (count != 1)}"
    return Found(measure.label, total.total, tuple(sources), total.conversions, text)


# -- the check kinds ----------------------------------------------------------------


def _private_decimals(
    evaluate: Callable[[_Check, Context], Outcome],
) -> Callable[[_Check, Context], Outcome]:
    """Run an evaluation in the context DECIMALS, never the caller's."""

    @functools.wraps(evaluate)
    def in_private_context(check: _Check, context: Context) -> Outcome:
        with decimal.localcontext(DECIMALS):
            return evaluate(check, context)

    return in_private_context


def _strings(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _measures(values: Iterable[Measure]) -> tuple[Measure, ...]:
    return tuple(values)


def _verdict(ordering: Ordering, expects: Ordering) -> Verdict:
    if ordering is Ordering.INDETERMINATE:
        return Verdict.NOT_ENOUGH_INFO
    return Verdict.SUPPORTED if ordering is expects else Verdict.REFUTED


def _compared(
    first: Found,
    second: Any,
    context: Context,
    *,
    on: dt.date | None,
    tolerance: Tolerance | None,
    factor: Decimal,
    relation: str,
    expects: Ordering,
    second_label: str,
    second_found: Found | None = None,
) -> Outcome:
    date = context.conversion_date(on)
    comparison = _compare(
        first.estimate,
        second,
        on=date,
        rates=context.rates,
        tolerance=tolerance,
        labels=(first.label, second_label),
        factor=factor,
        relation=relation,
        expects=expects,
    )
    evidence = [first.evidence()]
    conversions = list(first.conversions)
    if second_found is not None:
        evidence.append(second_found.evidence())
        conversions.extend(second_found.conversions)
    conversions.extend(c for c in comparison.conversions if c not in conversions)
    explanation = comparison.explanation
    for found in (first, second_found):
        if found is not None and found.estimate.status is not Status.DISCLOSED:
            explanation += (
                f" {found.label} is {found.estimate.status.value}, not disclosed."
            )
    return Outcome(
        _verdict(comparison.ordering, expects),
        explanation,
        tuple(evidence),
        tuple(conversions),
        comparison,
    )


Stated = Money | Quantity | Decimal | int
"""A value a claim states: an amount, a size, a count, a percentage."""


@attrs.frozen
class ValueCheck:
    """An amount, count, size or percentage equals a stated value, within a tolerance.

    Examples:
        >>> from aiecosys import Measure, Tolerance, ValueCheck, parameters
        >>> check = ValueCheck(
        ...     Measure("Yi-34B", "parameters"),
        ...     parameters("34B"),
        ...     tolerance=Tolerance.relative("0.05"),
        ... )
        >>> check.kind
        'value'
    """

    kind: ClassVar[str] = "value"
    measure: Measure
    """The fact read."""
    stated: Stated
    """The value the claim states."""
    tolerance: Tolerance | None = attrs.field(default=None, kw_only=True)
    """How far the fact may be from the stated value (none: it must equal it)."""
    on: dt.date | None = attrs.field(default=None, kw_only=True)
    """The date that converts money in another currency (else the publication date)."""

    @_private_decimals
    def evaluate(self, context: Context) -> Outcome:
        """Evaluate the check (see [check][aiecosys.check])."""
        found = read(self.measure, context, _currency(self.stated), self.on)
        return _compared(
            found,
            self.stated,
            context,
            on=self.on,
            tolerance=self.tolerance,
            factor=Decimal(1),
            relation="equal to the stated value",
            expects=Ordering.EQUAL,
            second_label="the stated value",
        )


def _currency(value: Any) -> str | None:
    return value.currency if isinstance(value, Money) else None


@attrs.frozen
class RatioCheck:
    """One fact is a stated multiple of another ("half as many"), within a tolerance.

    Examples:
        >>> from aiecosys import Measure, RatioCheck, Tolerance
        >>> check = RatioCheck(
        ...     Measure("Yi-34B", "parameters"),
        ...     Measure("GPT-4", "parameters"),
        ...     "0.5",
        ...     tolerance=Tolerance.relative("0.1"),
        ... )
        >>> check.ratio
        Decimal('0.5')
    """

    kind: ClassVar[str] = "ratio"
    numerator: Measure
    """The fact stated as a multiple."""
    denominator: Measure
    """The fact it is a multiple of."""
    ratio: Decimal = attrs.field(converter=Decimal)
    """The multiple the claim states (``0.5`` for "half as many")."""
    tolerance: Tolerance = attrs.field(kw_only=True)
    """How far the ratio may be from the stated one; it widens denominator × ratio."""
    on: dt.date | None = attrs.field(default=None, kw_only=True)
    """The date that converts money in another currency (else the publication date)."""

    @_private_decimals
    def evaluate(self, context: Context) -> Outcome:
        """Evaluate the check (see [check][aiecosys.check])."""
        first = read(self.numerator, context)
        second = read(self.denominator, context, _currency_of(first), self.on)
        return _compared(
            first,
            second.estimate,
            context,
            on=self.on,
            tolerance=self.tolerance,
            factor=self.ratio,
            relation=f"{_digits_text(self.ratio)} times",
            expects=Ordering.EQUAL,
            second_label=second.label,
            second_found=second,
        )


def _digits_text(number: Decimal) -> str:
    return describe(number)


def _currency_of(found: Found) -> str | None:
    kind = _kind(found.estimate)
    return kind[1] if kind is not None and kind[0] == "money" else None


@attrs.frozen
class OrderingCheck:
    """One fact, or a sum of facts, is greater (or less) than another.

    Money is converted into one currency at one date (``on``, else the claim's
    publication date), and every conversion is in the evidence.

    Examples:
        >>> from aiecosys import Measure, OrderingCheck
        >>> check = OrderingCheck(
        ...     (
        ...         Measure("Mistral AI", "total_raised"),
        ...         Measure("Kyutai", "total_raised"),
        ...     ),
        ...     (Measure("01.AI", "total_raised"),),
        ...     "greater",
        ...     currency="EUR",
        ... )
        >>> check.relation
        'greater'
    """

    kind: ClassVar[str] = "ordering"
    left: tuple[Measure, ...] = attrs.field(converter=_measures)
    """The facts added up on the left."""
    right: tuple[Measure, ...] = attrs.field(converter=_measures)
    """The facts added up on the right."""
    relation: Literal["greater", "less"] = attrs.field(
        validator=attrs.validators.in_(("greater", "less"))
    )
    """What the claim says: the left is ``"greater"`` or ``"less"`` than the right."""
    currency: str | None = attrs.field(default=None, kw_only=True)
    """The currency money is added up in (for totals raised, EUR if None)."""
    on: dt.date | None = attrs.field(default=None, kw_only=True)
    """The one date every amount is converted at (else the publication date)."""
    tolerance: Tolerance | None = attrs.field(default=None, kw_only=True)
    """A margin the difference must exceed, if any."""

    @_private_decimals
    def evaluate(self, context: Context) -> Outcome:
        """Evaluate the check (see [check][aiecosys.check])."""
        on = context.conversion_date(self.on)
        sides = []
        found_all: list[Found] = []
        conversions: list[Conversion] = []
        for measures in (self.left, self.right):
            items = [read(m, context, self.currency, on) for m in measures]
            found_all.extend(items)
            total = _sum(items, self.currency, on, context, conversions)
            sides.append(Found(" + ".join(i.label for i in items), total, ()))
        for item in found_all:
            conversions.extend(c for c in item.conversions if c not in conversions)
        expects = Ordering.GREATER if self.relation == "greater" else Ordering.LESS
        comparison = _compare(
            sides[0].estimate,
            sides[1].estimate,
            on=on,
            rates=context.rates,
            tolerance=self.tolerance,
            labels=(sides[0].label, sides[1].label),
            factor=Decimal(1),
            relation="more than" if self.relation == "greater" else "less than",
            expects=expects,
        )
        conversions.extend(c for c in comparison.conversions if c not in conversions)
        return Outcome(
            _verdict(comparison.ordering, expects),
            comparison.explanation,
            tuple(item.evidence() for item in found_all),
            tuple(conversions),
            comparison,
        )


def _sum(
    items: Sequence[Found],
    currency: str | None,
    on: dt.date | None,
    context: Context,
    conversions: list[Conversion],
) -> Estimate[Any]:
    estimates = [item.estimate for item in items]
    kinds = [_kind(estimate) for estimate in estimates]
    money = [kind[1] for kind in kinds if kind is not None and kind[0] == "money"]
    target = currency or (money[0] if money else None)
    if target is not None and any(code != target for code in money):
        if on is None:
            raise Missing(
                "adding amounts in several currencies needs a conversion date"
            )
        estimates = [
            _convert(e, target, on, context.rates, conversions)
            if k is not None and k[0] == "money" and k[1] != target
            else e
            for e, k in zip(estimates, kinds, strict=True)
        ]
    total = estimates[0]
    for estimate in estimates[1:]:
        total = total + estimate
    return total


@attrs.frozen
class DateCheck:
    """An event happened within a stated period: a year, a month, "last June".

    Examples:
        >>> from aiecosys import DateCheck, Measure, PartialDate
        >>> DateCheck(Measure("Sinovation Ventures", "founded"), PartialDate(2009)).kind
        'date'
    """

    kind: ClassVar[str] = "date"
    event: Measure
    """The date read: a founding, a release, a round's announcement..."""
    within: DateLike
    """When the claim says it happened."""

    @_private_decimals
    def evaluate(self, context: Context) -> Outcome:
        """Evaluate the check (see [check][aiecosys.check])."""
        found = read(self.event, context)
        period = resolve_date(self.within, context.published)
        stated = _date_text(self.within, period)
        event = found.estimate
        verdict = _within(event.low, event.high, *_span(period))
        if event.is_unknown:
            text = (
                f"{found.label} is not recorded, so whether it falls within "
                f"{stated} is unknown."
            )
        elif verdict is Verdict.SUPPORTED:
            text = f"{found.label} is {found.text}, within {stated}."
        elif verdict is Verdict.REFUTED:
            text = f"{found.label} is {found.text}, outside {stated}."
        else:
            text = (
                f"{found.label} is {found.text}, which may or may not fall "
                f"within {stated}."
            )
        return Outcome(verdict, text, (found.evidence(),))


def _within(
    low: dt.date | None,
    high: dt.date | None,
    first: dt.date | None,
    last: dt.date | None,
) -> Verdict:
    """Whether an event dated [low, high] happened within [first, last]."""
    if (high is not None and first is not None and high < first) or (
        low is not None and last is not None and low > last
    ):
        return Verdict.REFUTED
    if (
        low is not None
        and high is not None
        and (first is None or first <= low)
        and (last is None or high <= last)
    ):
        return Verdict.SUPPORTED
    return Verdict.NOT_ENOUGH_INFO


class _Member(enum.Enum):
    IN = "in"
    OUT = "out"
    UNKNOWN = "unknown"


@attrs.frozen
class MembershipCheck:
    """Organisations or people belong to a group, or invested in an organisation.

    The group is either a group of companies (``group``: its members are a
    closed list) or the investors in an organisation's rounds announced by
    ``until`` (``investors_of``: a round that lists no investors leaves them
    unknown). The members are listed (``members``) or are those of another
    group (``members_of``). ``quantifier`` says whether ``all`` of them,
    ``any`` of them, or ``exactly`` them belong.

    Examples:
        >>> from aiecosys import MembershipCheck
        >>> check = MembershipCheck(
        ...     members=("Baidu", "Alibaba", "Tencent", "Xiaomi"),
        ...     group="BATX",
        ...     quantifier="exactly",
        ... )
        >>> check.kind
        'membership'
    """

    kind: ClassVar[str] = "membership"
    members: tuple[str, ...] = attrs.field(default=(), kw_only=True, converter=_strings)
    """The names said to belong."""
    members_of: str | None = attrs.field(default=None, kw_only=True)
    """Or: the group whose members are said to belong (the BATX)."""
    group: str | None = attrs.field(default=None, kw_only=True)
    """The group of companies they are said to belong to."""
    investors_of: str | None = attrs.field(default=None, kw_only=True)
    """Or: the organisation they are said to have invested in."""
    until: PartialDate | None = attrs.field(default=None, kw_only=True)
    """With ``investors_of``: count rounds announced by this date."""
    quantifier: Literal["all", "any", "exactly"] = attrs.field(
        default="all",
        kw_only=True,
        validator=attrs.validators.in_(("all", "any", "exactly")),
    )
    """Whether all, any, or exactly the members belong."""

    def __attrs_post_init__(self) -> None:
        if bool(self.members) == (self.members_of is not None):
            raise ValueError("give members or members_of, not both and not neither")
        if (self.group is None) == (self.investors_of is None):
            raise ValueError("give group or investors_of, exactly one")

    @_private_decimals
    def evaluate(self, context: Context) -> Outcome:
        """Evaluate the check (see [check][aiecosys.check])."""
        eco = context.eco
        evidence: list[Evidence] = []
        if self.members_of is not None:
            source = eco.organisation(self.members_of)
            names = tuple(eco.organisation(m).name for m in source.members)
            evidence.append(
                Evidence(f"{source.name}: members", ", ".join(names), source.sources)
            )
        else:
            names = tuple(_name(eco, m) for m in self.members)
        known, unknown, group_text = self._group(context, evidence)
        status = {
            name: _Member.IN
            if name in known
            else _Member.UNKNOWN
            if unknown
            else _Member.OUT
            for name in names
        }
        ins = [n for n, s in status.items() if s is _Member.IN]
        outs = [n for n, s in status.items() if s is _Member.OUT]
        extra = sorted(set(known) - set(names))
        verdict = _quantify(
            self.quantifier, len(names), len(ins), len(outs), bool(extra), unknown
        )
        parts = []
        if ins:
            parts.append(f"{', '.join(ins)} {_be(ins)} among {group_text}")
        if outs:
            parts.append(f"{', '.join(outs)} {_be(outs)} not")
        if unknown and len(ins) < len(names):
            parts.append(f"{unknown}, so the others may or may not be")
        if self.quantifier == "exactly" and extra:
            parts.append(
                f"{group_text} also include{'s' * (len(extra) == 1)} {', '.join(extra)}"
            )
        if not ins and not outs:
            parts.insert(
                0, f"none of {', '.join(names)} is known to be among {group_text}"
            )
        return Outcome(verdict, "; ".join(parts) + ".", tuple(evidence))

    def _group(
        self, context: Context, evidence: list[Evidence]
    ) -> tuple[set[str], str, str]:
        eco = context.eco
        if self.group is not None:
            group = eco.organisation(self.group)
            members = {eco.organisation(m).name for m in group.members}
            evidence.append(
                Evidence(
                    f"{group.name}: members", ", ".join(sorted(members)), group.sources
                )
            )
            return members, "", f"the members of {group.name}"
        assert self.investors_of is not None  # noqa: S101 - checked when built
        name = eco.organisation(self.investors_of).name
        known: set[str] = set()
        unlisted = 0
        for found in context.index.rounds.get(name, ()):
            if self.until is not None and found.announced.first > self.until.last:
                continue
            evidence.append(
                Evidence(
                    f"{name}: {found.kind.value} round ({found.announced}) investors",
                    ", ".join(found.investors) or "not disclosed",
                    found.sources,
                )
            )
            if not found.investors:
                unlisted += 1
            known.update(_name(eco, investor) for investor in found.investors)
        unknown = (
            f"{unlisted} round{'s' * (unlisted != 1)} of {name} "
            f"list{'s' * (unlisted == 1)} no investors"
            if unlisted
            else ""
        )
        return known, unknown, f"the investors in {name}"


def _be(names: Sequence[str]) -> str:
    return "is" if len(names) == 1 else "are"


def _name(eco: Ecosystem, name: str) -> str:
    """The name of an organisation or person, without a failed look-up's cost."""
    found = index_of(eco).names.get(normalise_name(name))
    return eco.person(name).name if found is None else found[1]


def _quantify(  # noqa: PLR0917 - the counts that decide a membership verdict
    quantifier: str, count: int, ins: int, outs: int, extra: bool, unknown: str
) -> Verdict:
    if quantifier == "any":
        if ins:
            return Verdict.SUPPORTED
        return Verdict.REFUTED if outs == count else Verdict.NOT_ENOUGH_INFO
    if outs:
        return Verdict.REFUTED
    if quantifier == "exactly" and extra and not unknown:
        return Verdict.REFUTED
    if (
        ins == count
        and (quantifier == "all" or not unknown)
        and not (quantifier == "exactly" and extra)
    ):
        return Verdict.SUPPORTED
    return Verdict.NOT_ENOUGH_INFO


@attrs.frozen
class RoleCheck:
    """A person held a title at an organisation, at some time during a period.

    Titles compare without case or accents; any of ``titles`` will do, and
    none means any title. The person's roles at the organisation are taken as
    all there were.

    Examples:
        >>> from aiecosys import PartialDate, Period, RoleCheck
        >>> check = RoleCheck(
        ...     "Kai-Fu Lee",
        ...     "Google China",
        ...     titles=("president",),
        ...     during=Period(PartialDate(2005), PartialDate(2009)),
        ... )
        >>> check.kind
        'role'
    """

    kind: ClassVar[str] = "role"
    person: str
    """The person's name."""
    organisation: str
    """The organisation's name."""
    titles: tuple[str, ...] = attrs.field(default=(), kw_only=True, converter=_strings)
    """The titles that count (any of them); empty for any title."""
    during: DateLike | None = attrs.field(default=None, kw_only=True)
    """When the role was held, at some time; None for at any time."""

    @_private_decimals
    def evaluate(self, context: Context) -> Outcome:
        """Evaluate the check (see [check][aiecosys.check])."""
        eco = context.eco
        person = eco.person(self.person)
        organisation = eco.organisation(self.organisation).name
        wanted = {normalise_name(title) for title in self.titles}
        roles = [
            role
            for role in person.roles
            if _is(eco, role.organisation, organisation)
            and (not wanted or normalise_name(role.title) in wanted)
        ]
        evidence = tuple(
            Evidence(
                f"{person.name}: {role.title} at {role.organisation}",
                str(role.period),
                person.sources + role.sources,
            )
            for role in roles
        )
        titles = " or ".join(self.titles) or "a role"
        if self.during is None:
            if roles:
                return Outcome(
                    Verdict.SUPPORTED,
                    f"{person.name} was {roles[0].title} at {organisation} "
                    f"({roles[0].period}).",
                    evidence,
                )
            return Outcome(
                Verdict.REFUTED,
                f"No role of {person.name} as {titles} at {organisation} is recorded.",
                evidence,
            )
        period = resolve_date(self.during, context.published)
        stated = _date_text(self.during, period)
        verdicts = [_held(role.start, role.end, *_span(period)) for role in roles]
        if Verdict.SUPPORTED in verdicts:
            role = roles[verdicts.index(Verdict.SUPPORTED)]
            return Outcome(
                Verdict.SUPPORTED,
                f"{person.name} was {role.title} at {organisation} "
                f"({role.period}), during {stated}.",
                evidence,
            )
        if Verdict.NOT_ENOUGH_INFO in verdicts:
            return Outcome(
                Verdict.NOT_ENOUGH_INFO,
                f"{person.name}'s dates as {titles} at {organisation} are not "
                f"precise enough to tell whether the role was held during {stated}.",
                evidence,
            )
        held = "; ".join(str(role.period) for role in roles) or "never, as recorded"
        return Outcome(
            Verdict.REFUTED,
            f"{person.name} was not {titles} at {organisation} during {stated} "
            f"(held: {held}).",
            evidence,
        )


def _is(eco: Ecosystem, name: str, canonical: str) -> bool:
    try:
        return eco.organisation(name).name == canonical
    except UnknownEntityError:
        return False


def _held(
    start: PartialDate | None,
    end: PartialDate | None,
    first: dt.date | None,
    last: dt.date | None,
) -> Verdict:
    """Whether a role from *start* to *end* (None: open) was held in [first, last]."""
    if (start is not None and last is not None and start.first > last) or (
        end is not None and first is not None and end.last < first
    ):
        return Verdict.REFUTED
    started = start is not None and (last is None or start.last <= last)
    lasted = end is None or first is None or end.first >= first
    return Verdict.SUPPORTED if started and lasted else Verdict.NOT_ENOUGH_INFO


def _opennesses(values: Iterable[Openness | str]) -> tuple[Openness, ...]:
    return tuple(Openness(value) for value in values)


def _modalities(values: Iterable[Modality | str]) -> tuple[Modality, ...]:
    return tuple(Modality(value) for value in values)


def _organisation_kinds(
    values: Iterable[OrganisationKind | str],
) -> tuple[OrganisationKind, ...]:
    return tuple(OrganisationKind(value) for value in values)


@attrs.frozen
class ExistenceCheck:
    """An entity of a kind appeared within a period: "Kyutai's open-source models".

    ``what`` is ``"model"`` (filtered by ``developer``, ``openness``,
    ``modalities`` and ``family``, dated by its release) or ``"organisation"``
    (filtered by ``organisation_kinds`` and ``founder``, dated by its
    founding). The ecosystem's entities are taken as all there are.

    Examples:
        >>> from aiecosys import ExistenceCheck, PartialDate, Period
        >>> check = ExistenceCheck(
        ...     "model",
        ...     developer="Kyutai",
        ...     openness=("open-source", "open-weights"),
        ...     within=Period(None, PartialDate(2024, 2)),
        ... )
        >>> check.openness
        (<Openness.OPEN_SOURCE: 'open-source'>, <Openness.OPEN_WEIGHTS: 'open-weights'>)
    """

    kind: ClassVar[str] = "existence"
    what: Literal["model", "organisation"] = attrs.field(
        validator=attrs.validators.in_(("model", "organisation"))
    )
    """The kind of entity."""
    developer: str | None = attrs.field(default=None, kw_only=True)
    """For models: developed by this organisation."""
    openness: tuple[Openness, ...] = attrs.field(
        default=(),
        kw_only=True,
        converter=_opennesses,
    )
    """For models: of any of these opennesses (any if empty)."""
    modalities: tuple[Modality, ...] = attrs.field(
        default=(),
        kw_only=True,
        converter=_modalities,
    )
    """For models: handling all of these modalities."""
    family: str | None = attrs.field(default=None, kw_only=True)
    """For models: of this family."""
    organisation_kinds: tuple[OrganisationKind, ...] = attrs.field(
        default=(),
        kw_only=True,
        converter=_organisation_kinds,
    )
    """For organisations: of any of these kinds."""
    founder: str | None = attrs.field(default=None, kw_only=True)
    """For organisations: founded by this person or organisation."""
    within: DateLike | None = attrs.field(default=None, kw_only=True)
    """When it appeared (released or founded); None for at any time."""

    @_private_decimals
    def evaluate(self, context: Context) -> Outcome:
        """Evaluate the check (see [check][aiecosys.check])."""
        candidates = list(self._candidates(context))
        description = self._description()
        if self.within is None:
            first = last = None
            stated = "at any time"
        else:
            period = resolve_date(self.within, context.published)
            first, last = _span(period)
            stated = f"within {_date_text(self.within, period)}"
        found = []
        for name, date, sources in candidates:
            estimate = _date_estimate(date)
            verdict = (
                _within(estimate.low, estimate.high, first, last)
                if self.within is not None
                else Verdict.SUPPORTED
            )
            found.append((verdict, Evidence(name, _when(date), sources)))
        evidence = tuple(item for _, item in found)
        yes = [item.label for verdict, item in found if verdict is Verdict.SUPPORTED]
        maybe = [
            item.label for verdict, item in found if verdict is Verdict.NOT_ENOUGH_INFO
        ]
        if yes:
            return Outcome(
                Verdict.SUPPORTED,
                f"{', '.join(yes)}: {description} {stated}.",
                evidence,
            )
        if maybe:
            return Outcome(
                Verdict.NOT_ENOUGH_INFO,
                f"The dates of {', '.join(maybe)} are not precise enough to tell "
                f"whether {description} appeared {stated}.",
                evidence,
            )
        others = (
            "; outside those dates: "
            + ", ".join(f"{item.label} ({item.value})" for _, item in found)
            if found
            else ""
        )
        return Outcome(
            Verdict.REFUTED, f"No {description} is recorded {stated}{others}.", evidence
        )

    def _description(self) -> str:
        words = [value.value for value in self.openness] or []
        text = " or ".join(words)
        noun = self.what
        if self.modalities:
            text += f" {'+'.join(m.value for m in self.modalities)}"
        if self.organisation_kinds:
            text += " " + " or ".join(k.value for k in self.organisation_kinds)
        text = f"{text} {noun}".strip()
        if self.family:
            text += f" of the {self.family} family"
        if self.developer:
            text += f" by {self.developer}"
        if self.founder:
            text += f" founded by {self.founder}"
        return text

    def _candidates(
        self, context: Context
    ) -> Iterator[tuple[str, PartialDate | None, tuple[Source, ...]]]:
        eco = context.eco
        if self.what == "model":
            if self.developer is not None:
                models: Iterable[ModelSpec] = context.index.models.get(
                    eco.organisation(self.developer).name, ()
                )
            else:
                models = eco.models
            family = None if self.family is None else normalise_name(self.family)
            for model in models:
                if self.openness and model.openness not in self.openness:
                    continue
                if any(m not in model.modalities for m in self.modalities):
                    continue
                if family is not None and normalise_name(model.family or "") != family:
                    continue
                yield model.name, model.released, model.sources
            return
        founder = None if self.founder is None else _founder_names(eco, self.founder)
        for organisation in eco.organisations:
            if (
                self.organisation_kinds
                and organisation.kind not in self.organisation_kinds
            ):
                continue
            if founder is not None and not founder & {
                normalise_name(f) for f in organisation.founders
            }:
                continue
            yield organisation.name, organisation.founded, organisation.sources


def _founder_names(eco: Ecosystem, name: str) -> set[str]:
    found = index_of(eco).names.get(normalise_name(name))
    entity: Organisation | Person
    if found is not None and found[0] == "organisation":
        entity = eco.organisation(found[1])
    else:
        entity = eco.person(name)
    return {normalise_name(n) for n in entity.names}


@attrs.frozen
class BenchmarkCheck:
    """Two models perform comparably (or one better) on published benchmarks.

    For each benchmark both models have a score on, the scores are compared
    with the tolerance (an absolute margin in points, usually). With
    ``quantifier="all"`` the claim holds if it holds on every benchmark listed
    and fails if it fails on one; with ``"any"``, if it holds on one. A
    missing score leaves the verdict open when the answer depends on it.

    Examples:
        >>> from aiecosys import BenchmarkCheck, Tolerance
        >>> check = BenchmarkCheck(
        ...     "Yi-34B",
        ...     "GPT-4",
        ...     benchmarks=("MMLU",),
        ...     tolerance=Tolerance.absolute(5),
        ... )
        >>> check.relation
        'comparable'
    """

    kind: ClassVar[str] = "benchmark"
    first: str
    """The first model's name."""
    second: str
    """The second model's name."""
    benchmarks: tuple[str, ...] = attrs.field(kw_only=True, converter=_strings)
    """The benchmarks compared (``"MMLU"``)."""
    relation: Literal["comparable", "better"] = attrs.field(
        default="comparable",
        kw_only=True,
        validator=attrs.validators.in_(("comparable", "better")),
    )
    """``"comparable"`` (within the tolerance) or ``"better"`` (above it)."""
    tolerance: Tolerance | None = attrs.field(default=None, kw_only=True)
    """The margin that counts as comparable; required for ``"comparable"``."""
    quantifier: Literal["all", "any"] = attrs.field(
        default="all", kw_only=True, validator=attrs.validators.in_(("all", "any"))
    )
    """Whether the relation must hold on all benchmarks listed, or on any."""

    def __attrs_post_init__(self) -> None:
        if self.relation == "comparable" and self.tolerance is None:
            raise ValueError("'comparable' needs a tolerance, such as '5' points")
        if not self.benchmarks:
            raise ValueError("list at least one benchmark")

    @_private_decimals
    def evaluate(self, context: Context) -> Outcome:
        """Evaluate the check (see [check][aiecosys.check])."""
        eco = context.eco
        first, second = eco.model(self.first), eco.model(self.second)
        expects = Ordering.EQUAL if self.relation == "comparable" else Ordering.GREATER
        results: list[Verdict] = []
        evidence: list[Evidence] = []
        sentences: list[str] = []
        for benchmark in self.benchmarks:
            scores = [first.score(benchmark), second.score(benchmark)]
            for model, score in zip((first, second), scores, strict=True):
                if score is not None:
                    evidence.append(
                        Evidence(
                            f"{model.name}: {score.benchmark}",
                            f"{score.score}"
                            + (f" ({score.setting})" if score.setting else ""),
                            score.sources,
                        )
                    )
            a, b = scores
            if a is None or b is None:
                missing = first.name if a is None else second.name
                results.append(Verdict.NOT_ENOUGH_INFO)
                sentences.append(f"no {benchmark} score of {missing} is recorded")
                continue
            comparison = _compare(
                a.score,
                b.score,
                on=None,
                rates=None,
                tolerance=self.tolerance,
                labels=None,
                factor=Decimal(1),
                relation=self.relation,
                expects=expects,
            )
            verdict = _verdict(comparison.ordering, expects)
            results.append(verdict)
            word = {
                Verdict.SUPPORTED: "holds",
                Verdict.REFUTED: "does not hold",
                Verdict.NOT_ENOUGH_INFO: "cannot be told",
            }[verdict]
            tolerance = f", tolerance {self.tolerance}" if self.tolerance else ""
            sentences.append(
                f"on {benchmark}, {first.name} scores {a.score} and {second.name} "
                f"{b.score}{tolerance}: {self.relation} {word}"
            )
        if self.quantifier == "all":
            verdict = (
                Verdict.REFUTED
                if Verdict.REFUTED in results
                else Verdict.NOT_ENOUGH_INFO
                if Verdict.NOT_ENOUGH_INFO in results
                else Verdict.SUPPORTED
            )
        else:
            verdict = (
                Verdict.SUPPORTED
                if Verdict.SUPPORTED in results
                else Verdict.NOT_ENOUGH_INFO
                if Verdict.NOT_ENOUGH_INFO in results
                else Verdict.REFUTED
            )
        text = "; ".join(sentences)
        return Outcome(verdict, text[0].upper() + text[1:] + ".", tuple(evidence))


_ATTRIBUTES: Final = {
    "kind": "organisation",
    "country": "organisation",
    "parent": "organisation",
    "nationality": "person",
    "openness": "model",
    "licence": "model",
    "architecture": "model",
    "family": "model",
    "modalities": "model",
}


def _check_attribute(
    _instance: AttributeCheck, _attribute: attrs.Attribute[str], value: str
) -> None:
    if value not in _ATTRIBUTES:
        raise ValueError(
            f"unknown field {value!r}; an attribute check reads one of "
            f"{', '.join(sorted(_ATTRIBUTES))}"
        )


@attrs.frozen
class AttributeCheck:
    """A descriptive field has one of the stated values: a nationality, an openness.

    Values compare without case or accents. For ``modalities``, the model
    must handle one of the values.

    Examples:
        >>> from aiecosys import AttributeCheck
        >>> AttributeCheck("Kai-Fu Lee", "nationality", ("TW",)).kind
        'attribute'
    """

    kind: ClassVar[str] = "attribute"
    of: str
    """The name of the organisation, person or model."""
    field: str = attrs.field(validator=_check_attribute)
    """``kind``, ``country`` or ``parent`` of an organisation; ``nationality``
    of a person; ``openness``, ``licence``, ``architecture``, ``family`` or
    ``modalities`` of a model."""
    one_of: tuple[str, ...] = attrs.field(converter=_strings)
    """The values that make the claim true."""

    def entity(self, eco: Ecosystem) -> Organisation | Person | ModelSpec:
        """Return the entity the check reads.

        Examples:
            >>> from aiecosys import AttributeCheck, Ecosystem
            >>> AttributeCheck("Kai-Fu Lee", "nationality", ("TW",)).entity(Ecosystem())
            Traceback (most recent call last):
            ...
            aiecosys.UnknownEntityError: no person is named 'Kai-Fu Lee'
        """
        collection = _ATTRIBUTES[self.field]
        if collection == "organisation":
            return eco.organisation(self.of)
        if collection == "person":
            return eco.person(self.of)
        return eco.model(self.of)

    @_private_decimals
    def evaluate(self, context: Context) -> Outcome:
        """Evaluate the check (see [check][aiecosys.check])."""
        entity = self.entity(context.eco)
        value = getattr(entity, self.field)
        values = [
            v.value if isinstance(v, enum.Enum) else v
            for v in (value if isinstance(value, tuple) else (value,))
            if v is not None
        ]
        label = f"{entity.name}: {self.field}"
        evidence = (Evidence(label, ", ".join(values) or "unknown", entity.sources),)
        wanted = " or ".join(self.one_of)
        if not values:
            return Outcome(
                Verdict.NOT_ENOUGH_INFO,
                f"{entity.name}'s {self.field} is not recorded.",
                evidence,
            )
        allowed = {normalise_name(v) for v in self.one_of}
        if any(normalise_name(v) in allowed for v in values):
            return Outcome(
                Verdict.SUPPORTED,
                f"{entity.name}'s {self.field} is {', '.join(values)}, as "
                f"claimed ({wanted}).",
                evidence,
            )
        return Outcome(
            Verdict.REFUTED,
            f"{entity.name}'s {self.field} is {', '.join(values)}, not {wanted}.",
            evidence,
        )


Check = (
    ValueCheck
    | DateCheck
    | RatioCheck
    | OrderingCheck
    | MembershipCheck
    | RoleCheck
    | ExistenceCheck
    | BenchmarkCheck
    | AttributeCheck
)
"""Any check kind a [Claim][aiecosys.Claim] can carry."""

CHECK_KINDS: Final[dict[str, type[Check]]] = {
    kind.kind: kind
    for kind in (
        ValueCheck,
        DateCheck,
        RatioCheck,
        OrderingCheck,
        MembershipCheck,
        RoleCheck,
        ExistenceCheck,
        BenchmarkCheck,
        AttributeCheck,
    )
}
"""The check kinds by their tag in claims files."""
