"""What evaluating any check needs: the facts read, the context, the outcome.

The helpers here are shared by the check kinds: reading the fact a
[Measure][aiecosys.Measure] names, comparing it, and turning an ordering into
a verdict.
"""

from __future__ import annotations

import datetime as dt
import decimal
import functools
import weakref
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, TypeVar

import attrs

from aiecosys._compare import (
    Comparison,
    Tolerance,
    as_estimate,
    compare_values,
    convert_estimate,
    value_kind,
)
from aiecosys._contexts import DEFAULT
from aiecosys._dates import PartialDate, Period, readable_period
from aiecosys._ecosystem import Ecosystem, normalise_name
from aiecosys._entities import Organisation, Person
from aiecosys._estimate import Estimate, Status
from aiecosys._events import EventKind, events_of
from aiecosys._funding import FundFact, FundingRound
from aiecosys._i18n import N_, ngettext, text
from aiecosys._i18n import gettext as _
from aiecosys._models import ModelSpec
from aiecosys._money import Money
from aiecosys._ordering import Ordering
from aiecosys._precision import Precision
from aiecosys._readable import (
    readable,
    readable_estimate,
    readable_number,
    readable_percent,
    readable_rate,
)
from aiecosys._source import Source
from aiecosys.claims._measure import (
    FUND_FIELDS,
    MODEL_FIELDS,
    PERSON_FIELDS,
    ROUND_FIELDS,
    Measure,
)
from aiecosys.claims._relative import Published
from aiecosys.claims._verdict import Evidence, Verdict


if TYPE_CHECKING:
    from aiecosys.fx._conversion import Conversion
    from aiecosys.fx._sources import RateSource


__all__ = [
    "DECIMALS",
    "STATED_VALUE",
    "Context",
    "Found",
    "Index",
    "Missing",
    "Outcome",
    "compared",
    "compared_with_words",
    "comparison_text",
    "date_estimate",
    "estimate_text",
    "index_of",
    "labelled",
    "or_list",
    "private_decimals",
    "ratio_with_words",
    "read",
    "semicolon_list",
    "strings",
    "value_label",
    "verdict_of",
    "when_text",
    "within_period",
]


_Check = TypeVar("_Check")


DECIMALS: Final = DEFAULT
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

    Numbers are at human scale (see `aiecosys._readable`); an amount nothing
    is known about is said to be undisclosed, not "at least 0".

    Examples:
        >>> from aiecosys import Estimate, Quantity, parameters
        >>> from aiecosys.claims._context import estimate_text
        >>> estimate_text(Estimate.exact(parameters("34B")))
        '34 billion parameters (disclosed)'
        >>> estimate_text(Estimate.exact(Quantity("6.1e23", "FLOP")))
        '6.1 × 10²³ FLOP (disclosed)'
        >>> estimate_text(Estimate.unknown())
        'undisclosed'
    """
    written = readable_estimate(estimate)
    if estimate.status is Status.UNDISCLOSED and written == _nothing_known():
        return written
    # Translators: a value, then how it is known: "34 billion parameters
    # (disclosed)", "1 to 1.8 trillion parameters (rumoured)".
    return _("{value} ({status})").format(value=written, status=estimate.status.label)


def _nothing_known() -> str:
    """How an amount nothing is known about is written: ``undisclosed``."""
    return readable_estimate(Estimate.unknown())


_VALUE_WORDS: Final = {
    # The kinds of an organisation.
    "company": N_("company"),
    "venture-capital-firm": N_("venture-capital-firm"),
    "research-lab": N_("research-lab"),
    "non-profit-lab": N_("non-profit-lab"),
    "institute": N_("institute"),
    "corporate-division": N_("corporate-division"),
    "group": N_("group"),
    # The opennesses of a model.
    "open-source": N_("open-source"),
    "open-weights": N_("open-weights"),
    "api-only": N_("api-only"),
    "closed": N_("closed"),
    # The modalities of a model.
    "text": N_("text"),
    "image": N_("image"),
    "audio": N_("audio"),
    "video": N_("video"),
}
"""The values of the files' enumerations that explanations write, which French
translates (the values themselves, as files write them, stay English)."""


def value_label(value: str) -> str:
    """A value of the files (``"open-weights"``) for readers, translated if known.

    Country codes, names and other values are written as they are.

    Examples:
        >>> from aiecosys import language
        >>> value_label("open-weights"), value_label("TW")
        ('open-weights', 'TW')
        >>> with language("fr"):
        ...     value_label("open-weights"), value_label("TW")
        ('à poids ouverts', 'TW')
    """
    message = _VALUE_WORDS.get(value)
    return value if message is None else _(message)


def or_list(items: Iterable[str]) -> str:
    """Join alternatives as a sentence does: ``A or B or C``.

    Examples:
        >>> from aiecosys import language
        >>> or_list(["open-source", "open-weights"])
        'open-source or open-weights'
        >>> with language("fr"):
        ...     or_list(["A", "B", "C"])
        'A ou B ou C'
    """
    return _join(items, N_("{first} or {second}"))


def semicolon_list(items: Iterable[str]) -> str:
    """Join clauses with semicolons, spaced as the reader's language spaces them.

    Examples:
        >>> from aiecosys import language
        >>> semicolon_list(["a", "b"])
        'a; b'
        >>> with language("fr"):
        ...     semicolon_list(["a", "b"]) == "a\u202f; b"
        True
    """
    return _join(items, N_("{first}; {second}"))


def _join(items: Iterable[str], template: str) -> str:
    """Join *items* two by two with a translated *template* of two fields."""
    joined: str | None = None
    for item in items:
        joined = (
            item if joined is None else _(template).format(first=joined, second=item)
        )
    return joined or ""


@attrs.frozen(eq=False)
class Index:
    rounds: dict[str, tuple[FundingRound, ...]]
    funds: dict[str, tuple[FundFact, ...]]
    models: dict[str, tuple[ModelSpec, ...]]
    names: dict[str, tuple[str, str]]
    """Organisations' and people's names and aliases, normalised, to their
    collection (``"organisation"`` or ``"person"``) and name."""


_INDEXES: dict[int, tuple[weakref.ref[Ecosystem], Index]] = {}


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


def index_of(eco: Ecosystem) -> Index:
    """Return the look-up tables of an ecosystem, built once per ecosystem."""
    cached = _INDEXES.get(id(eco))
    if cached is not None and cached[0]() is eco:
        return cached[1]
    index = Index(
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
    published: Published | None = None
    """The publication date, or the range it lies in."""
    rates: RateSource | None = None
    converting_on: dt.date | None = None
    """The day money is converted at when a check names none: for a publication
    known only to lie in a range, each end of it in turn (see check)."""
    index: Index = attrs.field(init=False)

    @index.default
    def _index(self) -> Index:
        return index_of(self.eco)

    def conversion_date(self, on: dt.date | None) -> dt.date | None:
        """The date money is converted at: *on*, else the publication's first day.

        A publication known only to lie in a range fixes no day by itself:
        *converting_on* says which end of the range is tried, else None.
        """
        if on is not None:
            return on
        if not isinstance(self.published, PartialDate):
            return self.converting_on
        return self.published.first


def _entity_sources(
    entity: Any, *estimates: Estimate[Any] | None
) -> tuple[Source, ...]:
    found = dict.fromkeys(entity.sources)
    for estimate in estimates:
        if estimate is not None:
            found.update(dict.fromkeys(estimate.sources))
    return tuple(found)


def date_estimate(value: PartialDate | Period | None) -> Estimate[Any]:
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
        message = (
            _("no round of {name} matches {label}; give the round's kind or date")
            if not rounds
            else _(
                "{count} rounds of {name} match {label}; give the round's kind or date"
            )
        )
        raise Missing(
            message.format(count=len(rounds), name=name, label=measure.label),
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
            _("no fund fact of {name} gives its {field}").format(
                name=name, field=measure.field_name
            )
        )
    return max(facts, key=lambda fact: (fact.as_of.first, fact.as_of.last))


def _read_fund(measure: Measure, context: Context) -> Found:
    """A fund's figure: the latest recorded, unless older than the claim's date."""
    fact = _pick_fund(measure, context)
    value = getattr(fact, measure.field)
    sources = _entity_sources(fact, value)
    if measure.at is not None and fact.as_of.last < measure.at.first:
        # Assets and portfolios rise and fall: a figure of an earlier date
        # says nothing of the figure at the date the claim is about.
        # Translators: "$2 billion (reported) as of 2020-10-15, no figure
        # recorded for 2024-02".
        stale = _("{value} as of {date}, no figure recorded for {at}").format(
            value=estimate_text(value),
            date=readable_period(fact.as_of),
            at=readable_period(measure.at),
        )
        unknown = Estimate.unknown(status=value.status)
        return Found(measure.label, unknown, sources, text=stale)
    # Translators: a fund's figure and the date it was true on:
    # "Sinovation Ventures: portfolio size as of 2020-10-15".
    label = _("{label} as of {date}").format(
        label=measure.label, date=readable_period(fact.as_of)
    )
    return Found(label, value, sources)


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
    if field in ROUND_FIELDS:
        found = _pick_round(measure, context)
        if field == "announced":
            return _dated(measure.label, found.announced, found.sources)
        money = getattr(found, field) or Estimate.unknown()
        return Found(measure.label, money, _entity_sources(found, money))
    if field in FUND_FIELDS:
        return _read_fund(measure, context)
    if field in PERSON_FIELDS:
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
    raise Missing(
        _("{name} has no office recorded in {office}").format(
            name=organisation.name, office=text(measure.office or "")
        )
    )


def _dated(
    label: str, date: PartialDate | Period | None, sources: tuple[Source, ...]
) -> Found:
    return Found(label, date_estimate(date), sources, text=when_text(date))


def _read_model(measure: Measure, context: Context) -> Found:
    model = context.eco.model(measure.of)
    if measure.field == "released":  # the released event, or the model's released
        for event in events_of(model, EventKind.RELEASED):
            sources = tuple(dict.fromkeys((*model.sources, *event.sources)))
            return _dated(measure.label, event.date, sources)
        return _dated(measure.label, None, model.sources)
    value = getattr(model, measure.field)
    if value is None:
        estimate: Estimate[Any] = Estimate.unknown()
    elif isinstance(value, int):
        estimate = Estimate.exact(value)
    else:
        estimate = value
    return Found(measure.label, estimate, _entity_sources(model, estimate))


def when_text(date: PartialDate | Period | None) -> str:
    # Translators: a date not recorded.
    return _("unknown") if date is None else readable_period(date)


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
    written = ngettext(
        "{total}, over {count} round", "{total}, over {count} rounds", count
    ).format(total=estimate_text(total.total), count=count)
    return Found(measure.label, total.total, tuple(sources), total.conversions, written)


def private_decimals(
    evaluate: Callable[[_Check, Context], Outcome],
) -> Callable[[_Check, Context], Outcome]:
    """Run an evaluation in the context DECIMALS, never the caller's."""

    @functools.wraps(evaluate)
    def in_private_context(check: _Check, context: Context) -> Outcome:
        with decimal.localcontext(DECIMALS):
            return evaluate(check, context)

    return in_private_context


def strings(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def verdict_of(ordering: Ordering, expects: Ordering) -> Verdict:
    if ordering is Ordering.INDETERMINATE:
        return Verdict.NOT_ENOUGH_INFO
    return Verdict.SUPPORTED if ordering is expects else Verdict.REFUTED


def compared(
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
    shown: str | None = None,
) -> Outcome:
    """Compare a fact with a value or another fact, and explain the finding.

    *relation* is what the claim says, in English (kept in the comparison);
    *shown* is how the explanation says it, if not *relation* translated.
    *second_label* names the second value (``the stated value``) and is
    translated if the catalog has it.
    """
    date = context.conversion_date(on)
    comparison = compare_values(
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
    explanation = comparison_text(
        comparison,
        (first.label, _(second_label)),
        second,
        relation=_(relation) if shown is None else shown,
    )
    explanation += _status_text(first, second_found)
    return Outcome(
        verdict_of(comparison.ordering, expects),
        explanation,
        tuple(evidence),
        tuple(conversions),
        comparison,
    )


_NOT_DISCLOSED: Final = {
    Status.REPORTED: N_("{label} is reported, not disclosed."),
    Status.ESTIMATED: N_("{label} is estimated, not disclosed."),
    Status.RUMOURED: N_("{label} is rumoured, not disclosed."),
    Status.UNDISCLOSED: N_("{label} is undisclosed, not disclosed."),
}


def _status_text(*found: Found | None) -> str:
    """Say which facts are not disclosed, unless their value already says so."""
    said = ""
    for item in found:
        if item is None or item.estimate.status is Status.DISCLOSED:
            continue
        if item.estimate.low is None and item.estimate.high is None:
            continue
        if estimate_text(item.estimate) == _nothing_known():
            continue
        said += " " + _(_NOT_DISCLOSED[item.estimate.status]).format(label=item.label)
    return said


_VERBS: Final = {
    Ordering.LESS: N_("{first} is less than {second}"),
    Ordering.GREATER: N_("{first} is more than {second}"),
    Ordering.EQUAL: N_("{first} is equal to {second}"),
    Ordering.INDETERMINATE: N_(
        "{first} may be less than, equal to or more than {second}"
    ),
}
_WITHIN_TOLERANCE: Final = N_("{first} is within the tolerance of {second}")
_HALF: Final = Decimal("0.5")
_TWO: Final = Decimal(2)
_RATIO_DIGITS: Final = (2, 3, 4, 5, 6)


def _multiple_text(factor: Decimal, value: str) -> str:
    """*value* times *factor*, in words: ``half of X``, ``twice X``, ``3 times X``."""
    if factor == _HALF:
        return _("half of {value}").format(value=value)
    if factor == _TWO:
        return _("twice {value}").format(value=value)
    return _("{factor} times {value}").format(
        factor=readable_number(factor), value=value
    )


def _tolerance_text(tolerance: Tolerance) -> str:
    margin = tolerance.margin
    if tolerance.fraction is not None:
        return f"±{readable_percent(tolerance.fraction)}"
    if margin is None or isinstance(margin, dt.timedelta):
        return str(tolerance)
    return f"±{readable(margin)}"


def _accepted_text(tolerance: Tolerance, accepted: str, factor: Decimal) -> str:
    """Which values the tolerance accepts, and as what: ``... would count as half``."""
    fields = {"tolerance": _tolerance_text(tolerance), "accepted": accepted}
    if factor == Decimal(1):
        template = _(
            "With a tolerance of {tolerance}, {accepted} would count as equal."
        )
    elif factor == _HALF:
        template = _("With a tolerance of {tolerance}, {accepted} would count as half.")
    elif factor == _TWO:
        template = _(
            "With a tolerance of {tolerance}, {accepted} would count as twice."
        )
    else:
        template = _(
            "With a tolerance of {tolerance}, {accepted} would count as {factor} times."
        )
        fields["factor"] = readable_number(factor)
    return template.format(**fields)


def _ratio_text(ratio: Estimate[Decimal], factor: Decimal) -> str | None:
    """The ratio with as many digits as show how it differs from *factor*.

    None when it says nothing: unknown on one side, or exactly the factor.
    """
    low, high = ratio.low, ratio.high
    if low is None or high is None or low == high == factor:
        return None
    written = ""
    for digits in _RATIO_DIGITS:
        low_text, high_text = (
            readable_number(low, digits),
            readable_number(high, digits),
        )
        written = (
            low_text
            if low_text == high_text
            # Translators: a range of ratios, said after "is": "The ratio is
            # 0.019 to 0.034".
            else _("{smallest} to {largest}").format(
                smallest=low_text, largest=high_text
            )
        )
        if written != readable_number(factor, digits):
            break
    return written


def _conversion_text(
    original: Estimate[Any], converted: Estimate[Any], conversions: Iterable[Conversion]
) -> str:
    """Say an amount in both currencies, with the rate: ``€385 million = ...``."""
    rates = semicolon_list(readable_rate(c) for c in conversions)
    if not rates or original == converted:
        return ""
    return " " + _("{original} = {converted} at {rates}.").format(
        original=readable_estimate(original),
        converted=readable_estimate(converted),
        rates=rates,
    )


def _concluded(finding: str, comparison: Comparison, relation: str | None) -> str:
    """The finding, then whether the relation the claim states holds, as a sentence."""
    if comparison.relation is None or comparison.expects is None:
        return f"{finding}."
    if comparison.ordering is Ordering.INDETERMINATE:
        template = _(
            '{finding}, so the evidence cannot tell whether "{relation}" holds.'
        )
    elif comparison.ordering is comparison.expects:
        template = _('{finding}, so "{relation}" holds.')
    else:
        template = _('{finding}, so "{relation}" does not hold.')
    return template.format(finding=finding, relation=relation or comparison.relation)


STATED_VALUE: Final = N_("the stated value")
"""How a comparison names the value a claim states."""


def labelled(label: str, value: str) -> str:
    """A fact named and written: ``Yi-34B: parameters (34 billion parameters)``.

    Examples:
        >>> from aiecosys import language
        >>> labelled("Yi-34B: parameters", "34 billion parameters")
        'Yi-34B: parameters (34 billion parameters)'
        >>> with language("fr"):
        ...     print(labelled(_(STATED_VALUE), "34"))
        la valeur énoncée (34)
    """
    if label == _(STATED_VALUE):
        return _("the stated value ({value})").format(value=value)
    # Translators: the name of a fact ("Yi-34B: parameters"), then its value,
    # in a comparison's sentence.
    return _("{fact} ({value})").format(fact=label, value=value)


def comparison_text(
    comparison: Comparison,
    labels: tuple[str, str],
    second: Any = None,
    *,
    relation: str | None = None,
) -> str:
    """Explain a comparison for readers: the finding first, then the detail.

    *second* is the second value as given, before any conversion, so that
    both amounts are said in both currencies. *relation* is how the relation
    the claim states is said (the comparison's own, if None).
    """
    a = labelled(labels[0], readable_estimate(comparison.first))
    b = labelled(labels[1], readable_estimate(comparison.second))
    ordering, factor = comparison.ordering, comparison.factor
    verb = _VERBS[ordering]
    if ordering is Ordering.EQUAL and comparison.tolerance is not None:
        verb = _WITHIN_TOLERANCE
    target = b if factor == Decimal(1) else _multiple_text(factor, b)
    finding = _(verb).format(first=a, second=target)
    text = _concluded(finding, comparison, relation)
    if second is not None:
        text += _conversion_text(
            as_estimate(second), comparison.second, comparison.conversions
        )
    tolerance, accepted = comparison.tolerance, comparison.accepted
    if tolerance is not None and accepted is not None:
        text += " " + _accepted_text(tolerance, readable_estimate(accepted), factor)
    if comparison.ratio is not None:
        ratio = _ratio_text(comparison.ratio, factor)
        if ratio is not None:
            text += " " + _("The ratio is {ratio}.").format(ratio=ratio)
    return text


_WORDS_VERDICT: Final = {
    Ordering.EQUAL: N_("{label} is {fact}, as stated ({written})."),
    Ordering.LESS: N_("{label} is {fact}, less than the stated {written} covers."),
    Ordering.GREATER: N_("{label} is {fact}, more than the stated {written} covers."),
    Ordering.INDETERMINATE: N_(
        "The facts cannot tell whether {label} is as stated ({written}): it is {fact}."
    ),
}


def compared_with_words(
    found: Found, stated: Precision, context: Context, *, on: dt.date | None
) -> Outcome:
    """Compare a fact with a figure stated in words, within the words' precision.

    A fact in another currency is converted into the stated figure's, whose
    precision is in that currency; the explanation says both amounts, the
    rate, and how the words were read.
    """
    date = context.conversion_date(on)
    fact = found.estimate
    conversions = list(found.conversions)
    made: list[Conversion] = []
    kind = value_kind(fact)
    currency = stated.value.currency if isinstance(stated.value, Money) else None
    converted = fact
    if kind is not None and kind[0] == "money" and currency not in {None, kind[1]}:
        if date is None:
            raise Missing(
                _(
                    "the publication fixes no day to convert {source} into {target} "
                    "at; give the check the date of the rate (on = YYYY-MM-DD)"
                ).format(source=kind[1], target=currency)
            )
        converted = convert_estimate(fact, str(currency), date, context.rates, made)
    comparison = compare_values(
        converted,
        stated.value,
        on=date,
        rates=context.rates,
        tolerance=None,
        labels=(found.label, STATED_VALUE),
        factor=Decimal(1),
        relation="as stated",
        expects=Ordering.EQUAL,
    )
    ordering = stated.place(converted)
    text = _(_WORDS_VERDICT[ordering]).format(
        label=found.label,
        fact=readable_estimate(fact),
        written=stated.quoted(),
    )
    text += _conversion_text(fact, converted, made)
    text += f" {stated.reading()}."
    text += _status_text(found)
    conversions.extend(c for c in made if c not in conversions)
    comparison = attrs.evolve(
        comparison,
        ordering=ordering,
        accepted=stated.covered(),
        conversions=tuple(made),
        explanation=text,
    )
    return Outcome(
        verdict_of(ordering, Ordering.EQUAL),
        text,
        (found.evidence(),),
        tuple(conversions),
        comparison,
    )


_RATIO_VERDICT: Final = {
    Ordering.EQUAL: N_("The ratio of {a} to {b} is {ratio}, as stated ({written})."),
    Ordering.LESS: N_(
        "The ratio of {a} to {b} is {ratio}, less than the stated {written} covers."
    ),
    Ordering.GREATER: N_(
        "The ratio of {a} to {b} is {ratio}, more than the stated {written} covers."
    ),
    Ordering.INDETERMINATE: N_(
        "The facts cannot tell whether the ratio of {a} to {b} is as stated "
        "({written}): it is {ratio}."
    ),
}


def ratio_with_words(
    first: Found,
    second: Found,
    stated: Precision,
    context: Context,
    *,
    on: dt.date | None,
) -> Outcome:
    """Compare the ratio of two facts with a multiple stated in words ("about 0.5").

    The check holds when every ratio the facts allow is covered by the words.
    """
    comparison = compare_values(
        first.estimate,
        second.estimate,
        on=context.conversion_date(on),
        rates=context.rates,
        tolerance=None,
        labels=(first.label, second.label),
        factor=stated.number,
        relation=stated.written,
        expects=Ordering.EQUAL,
    )
    ratio = comparison.ratio
    ordering = Ordering.INDETERMINATE if ratio is None else stated.place(ratio)
    ratio_text = None
    if ratio is not None:
        # As many digits as tell the ratio from the figure; the figure itself
        # when the ratio is exactly it.
        figure = stated.number
        ratio_text = _ratio_text(ratio, figure) or readable_number(figure)
    text = _(_RATIO_VERDICT[ordering]).format(
        a=labelled(first.label, readable_estimate(first.estimate)),
        b=labelled(second.label, readable_estimate(second.estimate)),
        # Translators: a ratio not known.
        ratio=ratio_text or _("unknown"),
        written=stated.quoted(),
    )
    text += _conversion_text(second.estimate, comparison.second, comparison.conversions)
    text += f" {stated.reading()}."
    text += _status_text(first, second)
    conversions = [*first.conversions, *second.conversions]
    conversions.extend(c for c in comparison.conversions if c not in conversions)
    return Outcome(
        verdict_of(ordering, Ordering.EQUAL),
        text,
        (first.evidence(), second.evidence()),
        tuple(conversions),
        attrs.evolve(comparison, ordering=ordering, explanation=text),
    )


def within_period(
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
