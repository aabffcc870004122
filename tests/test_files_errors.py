"""Knowledge-base files: malformed scalars, estimates, sources and documents."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

import aiecosys
from aiecosys import DataError, Problem


HEAD = """
[sources.s]
title = "A source"

[[organisations]]
name = "Mistral AI"
kind = "company"
founded = "2023-04"
sources = ["s"]
"""

ROUND = """
[[rounds]]
organisation = "Mistral AI"
announced = "2023-06"
kind = "seed"
sources = ["s"]
"""
ROUND_ENTRY = "rounds[0]: Mistral AI, 2023-06"

MODEL = """
[[models]]
name = "M"
sources = ["s"]
[[models.benchmarks]]
benchmark = "MMLU"
sources = ["s"]
"""

FUND = """
[[funds]]
organisation = "Mistral AI"
as_of = "2024"
sources = ["s"]
"""
FUND_ENTRY = "funds[0]: Mistral AI, 2024"

ORG_K = '[[organisations]]\nname = "K"\nkind = "company"\n'

# Each rule: the text added, the entry and field named, the message.
BAD_FILES: dict[str, tuple[str, str, str | None, str]] = {
    "amount without a currency": (
        ROUND + 'amount = "105000000"\n',
        ROUND_ENTRY,
        "amount",
        "cannot read '105000000' as an amount of money: no currency found; add a code",
    ),
    "amount with an unreadable number": (
        ROUND + 'amount = "lots EUR"\n',
        ROUND_ENTRY,
        "amount",
        "cannot read 'lots EUR' as an amount of money; it has no number",
    ),
    "amount as a whole number": (
        ROUND + "amount = 105000000\n",
        ROUND_ENTRY,
        "amount",
        "expected text, not int 105000000",
    ),
    "quantity in an unknown unit": (
        '[[models]]\nname = "M"\nparameters = "7000000000 bananas"\nsources = ["s"]\n',
        "models[0]: M",
        "parameters",
        "unknown unit 'bananas'",
    ),
    "score as a boolean": (
        MODEL + "score = true\n",
        "models[0]: M",
        "benchmarks[0].score",
        "expected a number written as a string, not True",
    ),
    "score not a number": (
        MODEL + 'score = "high"\n',
        "models[0]: M",
        "benchmarks[0].score",
        "cannot read 'high' as a number",
    ),
    "score not finite": (
        MODEL + 'score = "NaN"\n',
        "models[0]: M",
        "benchmarks[0].score",
        "'NaN' is not a finite number",
    ),
    "score as a bare float": (
        MODEL + "score = 76.3\n",
        "models[0]: M",
        "benchmarks[0].score",
        (
            "76.3 is a float, which cannot hold most decimal values exactly: "
            'write the number as a string, for example "76.3"'
        ),
    ),
    "founding date with a time of day": (
        ORG_K + 'founded = 2023-11-17T10:00:00\nsources = ["s"]\n',
        "organisations[1]: K",
        "founded",
        "2023-11-17 10:00:00 has a time of day; write the date alone",
    ),
    "founding date as a boolean": (
        ORG_K + 'founded = true\nsources = ["s"]\n',
        "organisations[1]: K",
        "founded",
        "expected text, not bool True",
    ),
    "names not a list": (
        ORG_K + 'aliases = "Kyu"\nsources = ["s"]\n',
        "organisations[1]: K",
        "aliases",
        "expected a list of names, not 'Kyu'",
    ),
    "unknown field in an estimate": (
        ROUND + 'amount = { value = "1 EUR", confidence = "high" }\n',
        ROUND_ENTRY,
        "amount",
        (
            "unknown field(s) confidence in an estimate; use value, low, high, "
            "best, status, sources and note"
        ),
    ),
    "an estimate with a value and bounds": (
        ROUND + 'amount = { value = "1 EUR", low = "1 EUR" }\n',
        ROUND_ENTRY,
        "amount",
        "an estimate has either a value or low/high/best, not both",
    ),
    "an unknown estimate status": (
        FUND + 'portfolio_size = { value = 4, status = "guessed" }\n',
        FUND_ENTRY,
        "portfolio_size",
        "'guessed' is not one of 'disclosed', 'reported', 'estimated'",
    ),
}


@pytest.mark.parametrize("rule", BAD_FILES)
def test_one_bad_file_per_rule(tmp_path: Path, rule: str) -> None:
    """Each malformed value is reported with the file, the entry and the field."""
    addition, entry, field, message = BAD_FILES[rule]
    path = tmp_path / "bad.toml"
    path.write_text(HEAD + addition, encoding="utf-8")

    with pytest.raises(DataError) as caught:
        aiecosys.load(path)

    (problem,) = caught.value.problems
    assert (str(path), entry, field) == (problem.file, problem.entry, problem.field)
    assert message in problem.message


SOURCE_RULES: dict[str, tuple[str, str | None, str]] = {
    "not a table": ('s2 = "A source"\n', None, "must be a table"),
    "access date with a time of day": (
        '[sources.s2]\ntitle = "T"\naccessed = 2024-03-01T09:00:00\n',
        "accessed",
        "2024-03-01 09:00:00 has a time of day; write the date alone",
    ),
    "access date not a day": (
        '[sources.s2]\ntitle = "T"\naccessed = "March 2024"\n',
        "accessed",
        "cannot read 'March 2024' as a date; write it as '2024-03-01'",
    ),
    "unknown field": (
        '[sources.s2]\ntitle = "T"\ndate = "2024"\n',
        None,
        "unknown field(s): date (check the spelling)",
    ),
}


@pytest.mark.parametrize("rule", SOURCE_RULES)
def test_one_bad_source_per_rule(rule: str) -> None:
    """Each malformed source is named by its key and its field."""
    table, field, message = SOURCE_RULES[rule]
    text = table if table.startswith("[") else "[sources]\n" + table

    with pytest.raises(DataError) as caught:
        aiecosys.loads(text, file="kb.toml")

    assert [Problem(message, "kb.toml", "sources.s2", field)] == list(
        caught.value.problems
    )


def test_a_native_access_date_is_read() -> None:
    """A source's access date may be a native TOML date."""
    import datetime as dt

    eco = aiecosys.loads(
        '[sources.s]\ntitle = "T"\naccessed = 2024-03-01\n'
        '[[people]]\nname = "P"\nsources = ["s"]\n'
    )

    assert dt.date(2024, 3, 1) == eco.sources[0].accessed


def test_sources_not_a_table() -> None:
    """The sources key must hold a table of sources by key."""
    with pytest.raises(DataError) as caught:
        aiecosys.from_document({"sources": ["s"]}, file="kb.json")

    assert [
        Problem("must be a table of sources by key", "kb.json", None, "sources")
    ] == list(caught.value.problems)


def test_an_unknown_format() -> None:
    """loads takes only 'toml' and 'json'."""
    with pytest.raises(ValueError, match="unknown format 'yaml'; use 'toml' or 'json'"):
        aiecosys.loads("", format="yaml")  # type: ignore[arg-type]


def test_a_json_document_that_is_not_an_object() -> None:
    """A JSON array at the top level is refused, naming the file."""
    with pytest.raises(DataError) as caught:
        aiecosys.loads("[]", format="json", file="kb.json")

    assert [Problem("the document must be a table (an object)", "kb.json")] == list(
        caught.value.problems
    )


def test_a_whole_number_score_is_read() -> None:
    """A whole number needs no quotes, and keeps its exact value."""
    eco = aiecosys.loads(HEAD + MODEL + "score = 76\n")

    assert Decimal(76) == eco.models[0].benchmarks[0].score


def test_json_round_trip_of_the_bad_rules_is_refused_alike(tmp_path: Path) -> None:
    """A JSON file with a malformed amount gets the same problem as its TOML twin."""
    import tomllib

    document = tomllib.loads(HEAD + BAD_FILES["amount without a currency"][0])
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), encoding="utf-8")

    with pytest.raises(DataError) as caught:
        aiecosys.load(path)

    assert [(str(path), ROUND_ENTRY, "amount")] == [
        (p.file, p.entry, p.field) for p in caught.value.problems
    ]


# -- whole numbers and text are not coerced ------------------------------------


def test_a_bare_float_count_is_refused() -> None:
    """A portfolio size written 4.5 is refused, not truncated to 4."""
    with pytest.raises(DataError, match=r"4\.5 is a float"):
        aiecosys.loads(HEAD + FUND + "portfolio_size = 4.5\n")


@pytest.mark.parametrize("value", ["true", '"4"'])
def test_a_count_that_is_not_a_whole_number_is_refused(value: str) -> None:
    """A portfolio size must be a whole number, not a boolean or text."""
    with pytest.raises(DataError, match="expected a whole number"):
        aiecosys.loads(HEAD + FUND + f"portfolio_size = {value}\n")


def test_a_name_that_is_not_text_is_refused() -> None:
    """An organisation's name written as a number is refused."""
    with pytest.raises(DataError, match="expected text, not int 5"):
        aiecosys.loads(
            HEAD + '[[organisations]]\nname = 5\nkind = "company"\nsources = ["s"]\n'
        )


def test_nested_entries_not_a_list() -> None:
    """A person's roles written as text get one problem saying a list is expected."""
    with pytest.raises(DataError) as caught:
        aiecosys.loads(
            HEAD + '[[people]]\nname = "P"\nroles = "CEO"\nsources = ["s"]\n'
        )

    (problem,) = caught.value.problems
    assert ("people[0]: P", "roles") == (problem.entry, problem.field)
    assert "expected a list" in problem.message
