"""Hypothesis strategies shared by the tests."""

import datetime as dt
import functools
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from aiecosys import (
    BenchmarkScore,
    Ecosystem,
    Estimate,
    Event,
    FundFact,
    FundingRound,
    ModelSpec,
    Money,
    Office,
    Organisation,
    OrganisationKind,
    PartialDate,
    Period,
    Person,
    Quantity,
    Role,
    RoundKind,
    Source,
    SourceKind,
    Status,
)
from aiecosys._events import Subject, recordable
from aiecosys._money import AMOUNT_LIMIT, MAX_PLACES


CURRENCIES = st.sampled_from(["EUR", "USD", "CNY", "GBP", "JPY", "CHF", "KWD"])

amounts = st.decimals(
    min_value=Decimal("-1e15"),
    max_value=Decimal("1e15"),
    allow_nan=False,
    allow_infinity=False,
    places=4,
)
"""Amounts as they appear in funding news, to four decimal places."""

any_decimals = st.decimals(
    min_value=-AMOUNT_LIMIT,
    max_value=AMOUNT_LIMIT,
    allow_nan=False,
    allow_infinity=False,
).filter(lambda d: abs(d) < AMOUNT_LIMIT and (not d or d.adjusted() >= -MAX_PLACES))
"""Every Decimal Money accepts, at any precision Hypothesis can think of."""


@st.composite
def money(draw: st.DrawFn, currency: str | None = None) -> Money:
    """Money with an amount from `amounts`."""
    code = currency if currency is not None else draw(CURRENCIES)
    return Money(draw(amounts), code)


# -- knowledge bases ---------------------------------------------------------------

texts = st.text(
    st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=20
).filter(str.strip)
"""Any non-blank text a file may hold, control characters and all scripts included."""

_KEYS = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,8}", fullmatch=True)
_ALIASES = st.text("abcdéü零一 -", min_size=1, max_size=8).filter(str.strip)
_COUNTS = st.integers(min_value=0, max_value=10**15)
_AMOUNTS = st.decimals(
    min_value=0, max_value=Decimal("1e15"), places=4, allow_nan=False
)


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    """A year, a month or a day between 1990 and 2030."""
    day = draw(st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)))
    precision = draw(st.sampled_from(["year", "month", "day"]))
    if precision == "year":
        return PartialDate(day.year)
    if precision == "month":
        return PartialDate(day.year, day.month)
    return PartialDate.of(day)


@st.composite
def event_dates(draw: st.DrawFn) -> PartialDate | Period:
    """A partial date, or a period with one or both ends."""
    first, second = draw(partial_dates()), draw(partial_dates())
    if draw(st.booleans()):
        return first
    start, end = sorted((first, second), key=lambda date: date.first)
    return Period(*draw(st.sampled_from([(start, end), (start, None), (None, end)])))


@st.composite
def events(
    draw: st.DrawFn, subject: Subject, cites: st.SearchStrategy[tuple[Source, ...]]
) -> tuple[Event, ...]:
    """Events of an organisation or a model, each kind at most once."""
    kinds = draw(st.lists(st.sampled_from(recordable(subject)), unique=True))
    return tuple(
        Event(
            kind,
            draw(event_dates()),
            sources=draw(st.just(()) | cites),
            note=draw(st.none() | st.just("A note.")),
        )
        for kind in kinds
    )


@st.composite
def sources(draw: st.DrawFn, key: str) -> Source:
    """A source under *key*, with any of its optional fields."""
    published = draw(st.none() | partial_dates())
    accessed = draw(st.none() | st.dates(dt.date(2031, 1, 1), dt.date(2040, 1, 1)))
    return Source(
        key,
        title=draw(texts),
        url=draw(st.none() | texts.map(lambda path: f"https://example.org/{path}")),
        publisher=draw(st.none() | texts),
        published=published,
        accessed=accessed,
        author=draw(st.none() | texts),
        kind=draw(st.none() | st.sampled_from(SourceKind)),
        archived_url=draw(
            st.none() | texts.map(lambda path: f"https://archive.org/{path}")
        ),
    )


@st.composite
def estimates(
    draw: st.DrawFn, values: st.SearchStrategy[Any], cited: tuple[Source, ...]
) -> Estimate[Any]:
    """An exact value, bounds with a best guess, or nothing known; cited or not."""
    cites = tuple(draw(st.lists(st.sampled_from(cited), unique=True, max_size=2)))
    note = draw(st.none() | texts)
    status = draw(st.sampled_from(Status))
    form = draw(st.sampled_from(["exact", "bounds", "unknown"]))
    if form == "exact":
        return Estimate.exact(draw(values), status=status, sources=cites, note=note)
    if form == "unknown":
        return Estimate(None, None, None, status, cites, note)
    low, best, high = sorted(draw(st.lists(values, min_size=3, max_size=3)))
    return Estimate(
        draw(st.none() | st.just(low)),
        draw(st.none() | st.just(high)),
        draw(st.none() | st.just(best)),
        status,
        cites,
        note,
    )


@st.composite
def ecosystems(draw: st.DrawFn) -> Ecosystem:
    """A knowledge base of organisations, people, rounds and models citing sources."""
    keys = draw(st.lists(_KEYS, min_size=1, max_size=4, unique=True))
    cited = tuple(draw(sources(key)) for key in keys)
    cites = st.lists(st.sampled_from(cited), min_size=1, max_size=2, unique=True).map(
        tuple
    )
    names = [f"Org {n}" for n in range(draw(st.integers(1, 3)))]
    organisations = tuple(
        Organisation(
            name,
            draw(
                st.sampled_from(OrganisationKind).filter(lambda k: k.value != "group")
            ),
            aliases=tuple(
                f"{name} {alias}"
                for alias in draw(st.lists(_ALIASES, unique=True, max_size=2))
            ),
            founded=draw(st.none() | st.just(PartialDate(1990))),
            offices=tuple(
                Office(draw(texts), opened=draw(st.none() | partial_dates()))
                for _ in range(draw(st.integers(0, 2)))
            ),
            events=draw(events("organisation", cites)),
            description=draw(st.none() | texts),
            sources=draw(cites),
        )
        for name in names
    )
    people = tuple(
        Person(
            f"Person {n}",
            roles=tuple(
                Role(draw(texts), draw(st.sampled_from(names)), sources=draw(cites))
                for _ in range(draw(st.integers(0, 2)))
            ),
            description=draw(st.none() | texts),
            sources=draw(cites),
        )
        for n in range(draw(st.integers(0, 2)))
    )
    funds = tuple(
        FundFact(
            name,
            draw(partial_dates()),
            portfolio_size=draw(estimates(_COUNTS, cited)),
            fund=draw(st.none() | texts),
            note=draw(st.none() | texts),
            sources=draw(cites),
        )
        for name in draw(st.lists(st.sampled_from(names), max_size=2))
    )
    currencies = st.sampled_from(["EUR", "USD", "CNY", "JPY"])
    rounds = tuple(
        FundingRound(
            draw(st.sampled_from(names)),
            draw(partial_dates()),
            draw(st.sampled_from(RoundKind)),
            amount=draw(
                estimates(
                    _AMOUNTS.map(functools.partial(Money, currency=currency)), cited
                )
            ),
            sources=draw(cites),
        )
        for currency in draw(st.lists(currencies, max_size=3))
    )
    sizes = _COUNTS.map(lambda count: Quantity(count, "parameter"))
    models = tuple(
        ModelSpec(
            f"Model {n}",
            developers=tuple(draw(st.lists(st.sampled_from(names), unique=True))),
            parameters=draw(estimates(sizes, cited)),
            benchmarks=tuple(
                BenchmarkScore(
                    draw(texts),
                    draw(st.decimals(0, 100, places=2)),
                    date=draw(st.none() | partial_dates()),
                    sources=draw(cites),
                )
                for _ in range(draw(st.integers(0, 2)))
            ),
            events=draw(events("model", cites)),
            sources=draw(cites),
        )
        for n in range(draw(st.integers(0, 2)))
    )
    return Ecosystem(
        organisations=organisations,
        people=people,
        rounds=rounds,
        funds=funds,
        models=models,
    )
