"""Fuzzing the parsers with Hypothesis: any text gives a result or an aiecosys error.

Briefly in every run (50 examples a parser); longer on demand with
``AIECOSYS_FUZZ=long pytest tests/hostile/test_fuzz.py`` (5,000 examples each).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import warnings
from collections.abc import Callable
from decimal import Decimal
from functools import cache

from babel.localedata import locale_identifiers
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import aiecosys
from aiecosys import (
    AiecosysError,
    Ecosystem,
    FormatNotice,
    Money,
    PartialDate,
    Tolerance,
    parameters,
    quantity,
)
from aiecosys._amounts import read_plain_number
from aiecosys.claims import migrate_text


settings.register_profile(
    "fuzz-short",
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "fuzz-long",
    max_examples=5_000,
    deadline=dt.timedelta(seconds=5),  # each example: a hang fails
    suppress_health_check=[HealthCheck.too_slow],
)
LONG = os.environ.get("AIECOSYS_FUZZ") == "long"
FUZZ = settings.get_profile("fuzz-long" if LONG else "fuzz-short")
TIME_BUDGET = 3_600.0 if LONG else 60.0
"""The time budget of a whole fuzzing test (see conftest.py)."""

# Text that looks like amounts often enough to reach deep into the parsers.
PIECES = st.sampled_from(
    [
        "1", "385", "000", "0", ",", ".", " ", "\u00a0", "\u202f", "'", "-", "+",
        "\u2212", "e", "E", "9999", "k", "M", "bn", "Md", "million", "millions",
        "milliard", "billion", "trillion", "de", "d'", "€", "$", "£", "¥", "EUR",
        "USD", "euros", "dollars", "parameters", "B", "T", "\u200f", "\u202e",
        "٣", "１", "NaN", "inf", "2023", "-06", "-11", "_", "T$", "$bn", "K",
        "B/.", "\u066b", "\u060c", "\u2e41", "\t", "  ", "/", "*", "**", "param",
        "tok", "FLOP", "GiB", "%", "days",
    ]
)  # fmt: skip
NEWSY = st.lists(PIECES, max_size=8).map("".join)
TEXT = st.one_of(st.text(max_size=40), NEWSY)


def _refuses_or_reads(parse: Callable[[str], object], text: str) -> None:
    with contextlib.suppress(AiecosysError):
        parse(text)


@FUZZ
@given(TEXT)
def test_money_parse(text: str) -> None:
    """Any text is read or refused, and what is read reads back."""
    try:
        money = Money.parse(text)
    except AiecosysError:
        return
    assert money.amount.is_finite()
    # What was read is read back the same from its plain form.
    assert Money.parse(f"{money.amount} {money.currency}") == money


LOCALES = st.sampled_from(sorted(locale_identifiers()))
HINTS = st.fixed_dictionaries(
    {},
    optional={
        "lang": st.sampled_from(["en", "fr"]),
        "locale": st.one_of(LOCALES, st.text(max_size=6)),
        "assume": st.sampled_from(["EUR", "USD", "JPY", "CNY", "TOP", "CAD", "EURO"]),
    },
)


@FUZZ
@given(TEXT, HINTS)
def test_money_parse_with_hints(text: str, hints: dict[str, str]) -> None:
    """With any lang=, locale= or assume=, only aiecosys errors."""
    with contextlib.suppress(AiecosysError):
        Money.parse(text, **hints)  # type: ignore[arg-type]


AMOUNTS = st.decimals(
    min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=3, allow_nan=False
)


@FUZZ
@given(
    AMOUNTS,
    st.sampled_from(["EUR", "USD", "JPY", "CNY", "GBP", "CHF", "KWD", "INR", "TOP"]),
    LOCALES,
)
def test_money_format_reads_back(amount: Decimal, code: str, locale: str) -> None:
    """Money formatted for any CLDR locale reads back with that locale."""
    money = Money(amount, code).quantize()
    assert money == Money.parse(money.format(locale), locale=locale)


@FUZZ
@given(TEXT)
def test_parameters(text: str) -> None:
    """Any text is a parameter count or an aiecosys error."""
    _refuses_or_reads(parameters, text)


@FUZZ
@given(TEXT)
def test_plain_numbers(text: str) -> None:
    """Plain numbers are finite and never have underscores."""
    try:
        number = read_plain_number(text, what="a number")
    except AiecosysError:
        return
    assert number.is_finite()
    assert "_" not in text


@FUZZ
@given(TEXT)
def test_units(text: str) -> None:
    """Any unit text is a unit or an aiecosys error."""
    _refuses_or_reads(lambda unit: quantity(1, unit), text)


@FUZZ
@given(TEXT)
def test_tolerances(text: str) -> None:
    """Any tolerance text is a tolerance or an aiecosys error."""
    _refuses_or_reads(Tolerance.parse, text)


@FUZZ
@given(TEXT)
def test_partial_date(text: str) -> None:
    """Any text is a date or an aiecosys error, and dates read back."""
    try:
        date = PartialDate.parse(text)
    except AiecosysError:
        return
    assert PartialDate.parse(str(date)) == date


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    TEXT,
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(
            st.sampled_from(
                [
                    "name",
                    "kind",
                    "sources",
                    "amount",
                    "organisation",
                    "announced",
                    "parent",
                    "members",
                    "title",
                    "parameters",
                    "id",
                    "check",
                    "of",
                    "field",
                    "stated",
                    "measure",
                    "tolerance",
                    "source",
                ]
            ),
            inner,
            max_size=4,
        ),
    ),
    max_leaves=12,
)
ENTRY = st.dictionaries(
    st.sampled_from(["name", "kind", "sources", "parent", "country", "founded"]),
    VALUES,
    max_size=5,
)
KNOWLEDGE_BASE = st.fixed_dictionaries(
    {},
    optional={
        "sources": st.dictionaries(st.sampled_from(["s", "t"]), VALUES, max_size=2),
        "organisations": st.lists(ENTRY, max_size=3),
        "rounds": st.lists(VALUES, max_size=2),
        "models": st.lists(VALUES, max_size=2),
        "format_version": VALUES,
    },
)


def _json(document: object) -> str:
    return json.dumps(document, allow_nan=True)


@FUZZ
@given(KNOWLEDGE_BASE)
def test_loads(document: dict[str, object]) -> None:
    """Any knowledge base is loaded or refused with an aiecosys error."""
    with contextlib.suppress(AiecosysError):
        aiecosys.loads(_json(document), format="json", file="kb.json")


@FUZZ
@given(st.text(max_size=200))
def test_loads_any_text(text: str) -> None:
    """Any text as TOML or JSON is loaded or refused."""
    for format in ("toml", "json"):  # noqa: A001
        with contextlib.suppress(AiecosysError):
            aiecosys.loads(text, format=format)


@cache
def _ecosystem() -> Ecosystem:
    return aiecosys.load_article().ecosystem


CHECK = st.fixed_dictionaries(
    {"kind": st.sampled_from(["value", "ratio", "date", "existence", "vibe"])},
    optional={
        "measure": VALUES,
        "stated": VALUES,
        "tolerance": VALUES,
        "numerator": VALUES,
        "denominator": VALUES,
        "ratio": VALUES,
        "event": VALUES,
        "within": VALUES,
    },
)
CLAIM = st.fixed_dictionaries(
    {"id": st.sampled_from(["c1", "c 2", ""]), "check": st.one_of(CHECK, VALUES)},
    optional={
        "quote": VALUES,
        "lang": st.one_of(st.sampled_from(["fr", "en-GB", "xx", "fr_FR"]), VALUES),
        "restatement": VALUES,
        "quote_fr": VALUES,
        "claim_en": VALUES,
        "source": st.sampled_from(["a", "b"]),
    },
)
PUBLICATION = st.fixed_dictionaries(
    {"title": st.just("An article")},
    optional={
        "language": st.one_of(st.sampled_from(["fr", "en", "zz"]), VALUES),
        "licence": VALUES,
        "published": st.one_of(
            st.sampled_from(["2024-02", "2024-01 to 2024-03", "2024 to 2023"]),
            st.fixed_dictionaries({}, optional={"earliest": VALUES, "latest": VALUES}),
            VALUES,
        ),
        "published_source": st.sampled_from(["a", "b", "nowhere"]),
        "published_note": VALUES,
    },
)


@FUZZ
@given(st.lists(CLAIM, max_size=3), PUBLICATION, st.sampled_from([None, 1, 2, 3]))
def test_loads_claims(
    claims: list[dict[str, object]], article: dict[str, object], version: int | None
) -> None:
    """Any claims file of either format is loaded or refused with an aiecosys error."""
    document: dict[str, object] = {"sources": {"a": article}, "claims": claims}
    if version is not None:
        document["format_version"] = version
    with contextlib.suppress(AiecosysError), warnings.catch_warnings():
        warnings.simplefilter("ignore", FormatNotice)
        aiecosys.loads_claims(_json(document), _ecosystem(), format="json")


@FUZZ
@given(st.lists(CLAIM, max_size=3), PUBLICATION)
def test_migrate_text(
    claims: list[dict[str, object]], article: dict[str, object]
) -> None:
    """Any format 1 text is migrated or refused with an aiecosys error."""
    document = {"format_version": 1, "sources": {"a": article}, "claims": claims}
    with contextlib.suppress(AiecosysError):
        migrate_text(_json(document), format="json")
