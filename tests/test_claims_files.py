"""Claims files: each malformed input is a DataError naming file, claim and field."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import aiecosys
from aiecosys import (
    AttributeCheck,
    BenchmarkCheck,
    Claim,
    DataError,
    DateCheck,
    Ecosystem,
    Measure,
    MembershipCheck,
    Money,
    PartialDate,
    Period,
    Problem,
    Quantity,
    RatioCheck,
    RelativeDate,
    Source,
    Tolerance,
    ValueCheck,
    Verdict,
    check,
    claims_from_document,
    load_claims,
    loads_claims,
)
from aiecosys._precision import Precision
from aiecosys.claims import dumps_claims
from tests.kinds_support import claims_document


FILE = "claims.toml"

KB = """
[sources.s]
title = "A source"

[[organisations]]
name = "Mistral AI"
kind = "company"
founded = "2023-04"
sources = ["s"]

[[organisations]]
name = "Kyutai"
kind = "non-profit-lab"
founded = "2023-11"
sources = ["s"]

[[organisations]]
name = "BATX"
kind = "group"
members = ["Mistral AI"]
sources = ["s"]

[[people]]
name = "Kai-Fu Lee"
nationality = "TW"
born = "1961-12-03"
sources = ["s"]

[[rounds]]
organisation = "Mistral AI"
announced = "2023-06-13"
kind = "seed"
amount = "105000000 EUR"
sources = ["s"]

[[rounds]]
organisation = "Mistral AI"
announced = "2023-12-11"
kind = "series-a"
amount = "385000000 EUR"
sources = ["s"]

[[models]]
name = "Yi-34B"
released = "2023-11-02"
parameters = "34000000000 parameter"
sources = ["s"]

[[models.benchmarks]]
benchmark = "MMLU"
score = "76.3"
sources = ["s"]

[[models]]
name = "GPT-4"
released = "2023-03-14"
sources = ["s"]
"""

ECO = aiecosys.loads(KB)

SIZE = {"kind": "value", "measure": {"of": "Yi-34B", "field": "parameters"}}


def _problems(document: dict[str, Any]) -> list[Problem]:
    with pytest.raises(DataError) as caught:
        claims_from_document(document, ECO, file=FILE)
    return list(caught.value.problems)


def _where(document: dict[str, Any]) -> list[tuple[str | None, str | None, str | None]]:
    """Where each problem was found: the file, the entry and the field."""
    return [(p.file, p.entry, p.field) for p in _problems(document)]


def _one(check_: object, **claim: object) -> Problem:
    """The single problem of a one-claim document, after checking it names the file."""
    (problem,) = _problems(claims_document(check_, claim))
    assert FILE == problem.file
    return problem


# -- fields of checks ------------------------------------------------------------


# Each rule: the check, the field named, and words its message must contain.
CHECK_RULES: dict[str, tuple[object, str, str]] = {
    "measure not a table": (
        {"kind": "value", "measure": "Yi-34B", "stated": "34000000000 parameter"},
        "check.measure",
        "must be a table, not 'Yi-34B'",
    ),
    "unknown measure field": (
        {
            "kind": "value",
            "measure": {"of": "Yi-34B", "field": "parameters", "fild": "x"},
            "stated": "1 parameter",
        },
        "check.measure.fild",
        "unknown field 'fild'; Measure takes of, field, round, at, office",
    ),
    "measure reads an unknown field": (
        {**SIZE, "measure": {"of": "Yi-34B", "field": "size"}, "stated": "1"},
        "check.measure",
        "unknown field 'size'; a measure reads one of",
    ),
    "name not text": (
        {**SIZE, "measure": {"of": 34, "field": "parameters"}, "stated": "1"},
        "check.measure.of",
        "expected text, not int 34",
    ),
    "bare float stated": (
        {**SIZE, "stated": 34.5},
        "check.stated",
        (
            "34.5 is a float, which cannot hold most decimal values exactly: write "
            'the value as a string, for example "34.5"'
        ),
    ),
    "unreadable stated amount": (
        {**SIZE, "stated": "many parameter"},
        "check.stated",
        "cannot read 'many parameter'",
    ),
    "float ratio": (
        {
            "kind": "ratio",
            "numerator": {"of": "Yi-34B", "field": "parameters"},
            "denominator": {"of": "GPT-4", "field": "parameters"},
            "ratio": 0.5,
            "tolerance": "10%",
        },
        "check.ratio",
        (
            "0.5 is a float, which cannot hold most decimal values exactly: write "
            'the number as a string, for example "0.5"'
        ),
    ),
    "bad tolerance": (
        {**SIZE, "stated": "34000000000 parameter", "tolerance": "roughly"},
        "check.tolerance",
        "roughly",
    ),
    "bad conversion date": (
        {
            "kind": "value",
            "measure": {"of": "Mistral AI", "field": "total_raised"},
            "stated": "490000000 EUR",
            "on": "last Tuesday",
        },
        "check.on",
        "cannot read 'last Tuesday' as a date; write it as '2024-03-01'",
    ),
    "period with an unknown bound": (
        {
            "kind": "date",
            "event": {"of": "Kyutai", "field": "founded"},
            "within": {"start": "2023", "stop": "2024"},
        },
        "check.within",
        "a period takes start and end, not stop",
    ),
    "empty list of measures": (
        {
            "kind": "ordering",
            "left": [],
            "right": [{"of": "GPT-4", "field": "parameters"}],
            "relation": "less",
        },
        "check.left",
        "an empty list says nothing: list at least one measure, or leave the field out",
    ),
    "bad measure in a list": (
        {
            "kind": "ordering",
            "left": [{"of": "Yi-34B"}],
            "right": [{"of": "GPT-4", "field": "parameters"}],
            "relation": "less",
        },
        "check.left[0].field",
        "is required but missing",
    ),
    "names not a list": (
        {"kind": "membership", "members": "Mistral AI", "group": "BATX"},
        "check.members",
        "expected a list of names, not 'Mistral AI'",
    ),
    "unknown enum value": (
        {"kind": "existence", "what": "model", "openness": ["secret"]},
        "check.openness[0]",
        "'secret' is not one of 'open-source'",
    ),
    "check not a table": (
        "ratio",
        "check",
        "must be a table with a kind",
    ),
    "unknown kind": (
        {"kind": "size"},
        "check.kind",
        "unknown check kind 'size'; use one of",
    ),
}


@pytest.mark.parametrize("rule", CHECK_RULES)
def test_one_malformed_check_per_rule(rule: str) -> None:
    """Each malformed check field is reported with the file, the claim and the field."""
    check_, field, words = CHECK_RULES[rule]

    problem = _one(check_)

    assert ("c1", field) == (problem.entry, problem.field)
    assert words in problem.message


def test_a_missing_field_of_a_check() -> None:
    """A required field of a check kind is named as missing."""
    problem = _one({"kind": "value", "measure": SIZE["measure"]})

    assert Problem("is required but missing", FILE, "c1", "check.stated") == problem


def test_every_problem_of_a_list_of_measures() -> None:
    """Each bad measure of a list is reported with its position."""
    problems = _problems(
        claims_document(
            {
                "kind": "ordering",
                "left": [{"of": "Yi-34B"}, "GPT-4"],
                "right": [{"of": "GPT-4", "field": "parameters"}],
                "relation": "less",
            }
        )
    )

    assert [("c1", "check.left[0].field"), ("c1", "check.left[1]")] == [
        (p.entry, p.field) for p in problems
    ]


# -- values accepted in their other forms ------------------------------------------


def _loaded(check_: dict[str, Any]) -> Any:
    (claim,) = claims_from_document(claims_document(check_), ECO, file=FILE)
    return claim.check


def test_native_dates_and_whole_numbers_are_read() -> None:
    """TOML dates, integer years and whole numbers need no quotes."""
    loaded = _loaded(
        {
            "kind": "value",
            "measure": {
                "of": "Mistral AI",
                "field": "amount",
                "round": "seed",
                "at": 2023,
            },
            "stated": "105000000 EUR",
            "on": dt.date(2023, 6, 13),
        }
    )

    assert PartialDate(2023) == loaded.measure.at
    assert dt.date(2023, 6, 13) == loaded.on


def test_a_date_written_as_text_and_a_native_partial_date() -> None:
    """An ISO date in a string, and a native date for a measure's at, are read."""
    loaded = _loaded(
        {
            "kind": "value",
            "measure": {
                "of": "Mistral AI",
                "field": "amount",
                "at": dt.date(2023, 6, 13),
            },
            "stated": "105000000 EUR",
            "on": "2023-06-13",
        }
    )

    assert (PartialDate(2023, 6, 13), dt.date(2023, 6, 13)) == (
        loaded.measure.at,
        loaded.on,
    )


def test_whole_numbers_for_stated_values_and_tolerances() -> None:
    """A whole number is a plain number for stated values and absolute tolerances."""
    from decimal import Decimal

    loaded = _loaded(
        {
            "kind": "benchmark",
            "first": "Yi-34B",
            "second": "GPT-4",
            "benchmarks": ["MMLU"],
            "relation": "comparable",
            "tolerance": 5,
        }
    )

    assert aiecosys.Tolerance.absolute(5) == loaded.tolerance
    stated = _loaded(
        {
            "kind": "value",
            "measure": {"of": "Yi-34B", "field": "context_length"},
            "stated": 4096,
        }
    ).stated
    assert Decimal(4096) == stated


def test_enums_are_read() -> None:
    """Openness and modalities are read from their values."""
    loaded = _loaded(
        {"kind": "existence", "what": "model", "openness": ["open-weights"]}
    )

    assert (aiecosys.Openness.OPEN_WEIGHTS,) == loaded.openness


# -- claims, sources and the document -------------------------------------------


def test_a_claim_field_that_is_not_text() -> None:
    """A quote that is not text is named with the claim and the field."""
    problem = _one({**SIZE, "stated": "34000000000 parameter"}, quote=5)

    assert Problem("expected text, not int 5", FILE, "c1", "quote") == problem


def test_an_unusable_id() -> None:
    """An id with spaces is refused, naming the id the claim was given."""
    problem = _one({**SIZE, "stated": "34000000000 parameter"}, id="my claim")

    assert "my claim" == problem.entry
    assert "is not a usable id" in problem.message


def test_an_unknown_source_key() -> None:
    """A claim citing a source that no table defines is refused."""
    problem = _one({**SIZE, "stated": "34000000000 parameter"}, source="blog")

    assert (
        Problem(
            "unknown source 'blog': define it in a [sources.blog] table",
            FILE,
            "c1",
            "source",
        )
        == problem
    )


def test_a_claim_without_an_id_is_named_by_position() -> None:
    """Without an id, the claim is named by its position in the file."""
    document = claims_document({**SIZE, "stated": "34000000000 parameter"})
    del document["claims"][0]["id"]

    assert [(FILE, "claims[0]", "id")] == _where(document)


def test_a_claim_that_is_not_a_table() -> None:
    """A claim that is not a table is named by its position."""
    document = {"claims": ["yi-size"]}

    assert [Problem("must be a table", FILE, "claims[0]", None)] == _problems(document)


def test_claims_not_an_array() -> None:
    """The claims key must hold an array of tables."""
    assert [Problem("must be an array of tables", FILE, None, "claims")] == _problems(
        {"claims": {"id": "c1"}}
    )


def test_format_version_and_unknown_top_level_keys() -> None:
    """Another format version, and an unknown top-level key, are both reported."""
    assert [
        (FILE, None, "format_version"),
        (FILE, "claim", None),
    ] == _where({"format_version": 3, "claim": []})


SOURCE_RULES: dict[str, tuple[object, str | None, str]] = {
    "not a table": ("An article", None, "must be a table"),
    "unknown field": (
        {"title": "An article", "date": "2024-02"},
        "date",
        "unknown field 'date'; Source takes title, url, publisher",
    ),
    "bad date": (
        {"title": "An article", "published": "02/2024"},
        "published",
        "cannot read '02/2024' as a date",
    ),
    "bad access date": (
        {"title": "An article", "accessed": "2024-02"},
        "accessed",
        "cannot read '2024-02' as a date; write it as '2024-03-01'",
    ),
    "no title": ({"url": "https://example.org"}, "title", "is required but missing"),
}


@pytest.mark.parametrize("rule", SOURCE_RULES)
def test_one_malformed_source_per_rule(rule: str) -> None:
    """Each malformed source is named by its key and the field."""
    fields, field, words = SOURCE_RULES[rule]

    (problem,) = _problems({"sources": {"blog": fields}})

    assert (FILE, "sources.blog", field) == (problem.file, problem.entry, problem.field)
    assert words in problem.message


def test_sources_not_a_table() -> None:
    """The sources key must hold a table of sources by key."""
    assert [
        Problem("must be a table of sources by key", FILE, None, "sources")
    ] == _problems({"sources": ["a"]})


def test_a_native_access_date() -> None:
    """A source's access date may be a native TOML date."""
    (claim,) = claims_from_document(
        claims_document({**SIZE, "stated": "34000000000 parameter"})
        | {"sources": {"a": {"title": "T", "accessed": dt.date(2024, 3, 1)}}},
        ECO,
    )

    assert dt.date(2024, 3, 1) == claim.source.accessed


# -- checks validated against the knowledge base -----------------------------------


VALIDATION_RULES: dict[str, tuple[dict[str, Any], str, str]] = {
    "dates compared in an ordering": (
        {
            "kind": "ordering",
            "left": [{"of": "Yi-34B", "field": "released"}],
            "right": [{"of": "GPT-4", "field": "released"}],
            "relation": "greater",
        },
        "check.left[0]",
        "is a date: use a date check to say when something happened",
    ),
    "a margin in another unit": (
        {**SIZE, "stated": "34000000000 parameter", "tolerance": "5 EUR"},
        "check.tolerance",
        "",
    ),
    "a whole-number margin on money": (
        {
            "kind": "value",
            "measure": {"of": "Mistral AI", "field": "total_raised"},
            "stated": "490000000 EUR",
            "tolerance": 5,
        },
        "check.tolerance",
        "is not money, and the values compared are",
    ),
    "an event that is not a date": (
        {
            "kind": "date",
            "event": {"of": "Yi-34B", "field": "parameters"},
            "within": "2023",
        },
        "check.event.field",
        "'parameters' is not a date",
    ),
    "an ambiguous round": (
        {
            "kind": "value",
            "measure": {"of": "Mistral AI", "field": "amount"},
            "stated": "105000000 EUR",
        },
        "check.measure",
        "2 rounds of Mistral AI match",
    ),
    "a birth date of an unknown person": (
        {
            "kind": "date",
            "event": {"of": "Kai Fu Lee", "field": "born"},
            "within": "1961",
        },
        "check.event.of",
        "no person is named 'Kai Fu Lee'",
    ),
    "an unknown member": (
        {"kind": "membership", "members": ["Mistral"], "group": "BATX"},
        "check.members[0]",
        "no organisation or person is named 'Mistral'",
    ),
    "a group that is not a group": (
        {"kind": "membership", "members": ["Kyutai"], "group": "Mistral AI"},
        "check.group",
        "Mistral AI is a company, not a group with members",
    ),
    "model filters on organisations": (
        {"kind": "existence", "what": "organisation", "developer": "Kyutai"},
        "check.what",
        "developer, openness, modalities and family filter models",
    ),
    "organisation filters on models": (
        {"kind": "existence", "what": "model", "founder": "Kai-Fu Lee"},
        "check.what",
        "organisation_kinds and founder filter organisations, not models",
    ),
    "a benchmark margin with a unit": (
        {
            "kind": "benchmark",
            "first": "Yi-34B",
            "second": "GPT-4",
            "benchmarks": ["MMLU"],
            "relation": "comparable",
            "tolerance": "5 EUR",
        },
        "check.tolerance",
        "a benchmark score is a plain number",
    ),
    "a relative date too precise for the publication": (
        {
            "kind": "date",
            "event": {"of": "Kyutai", "field": "founded"},
            "within": "last June",
        },
        "check.within",
        "'last June' needs a publication date precise to the month, not 2024",
    ),
}


@pytest.mark.parametrize("rule", VALIDATION_RULES)
def test_one_invalid_check_per_rule(rule: str) -> None:
    """Checks that cannot be evaluated against the knowledge base are refused."""
    check_, field, words = VALIDATION_RULES[rule]
    document = claims_document(check_)
    document["sources"]["a"]["published"] = "2024"

    (problem,) = _problems(document)

    assert (FILE, "c1", field) == (problem.file, problem.entry, problem.field)
    assert words in problem.message


def test_an_unknown_group_is_reported_once() -> None:
    """An unknown group is named as unknown, and not also as not being a group."""
    assert [(FILE, "c1", "check.group")] == _where(
        claims_document({"kind": "membership", "members": ["Kyutai"], "group": "BATS"})
    )


def test_an_ordering_with_an_unknown_entity_is_not_compared() -> None:
    """An unknown entity in an ordering is reported; the kinds are not compared."""
    assert [(FILE, "c1", "check.right[0].of")] == _where(
        claims_document(
            {
                "kind": "ordering",
                "left": [{"of": "Yi-34B", "field": "parameters"}],
                "right": [{"of": "GPT-5", "field": "released"}],
                "relation": "less",
            }
        )
    )


def test_a_money_margin_on_money_is_accepted() -> None:
    """A margin in money is accepted for values in money."""
    loaded = _loaded(
        {
            "kind": "value",
            "measure": {"of": "Mistral AI", "field": "total_raised"},
            "stated": "490000000 EUR",
            "tolerance": "1000000 EUR",
        }
    )

    assert aiecosys.Money(1_000_000, "EUR") == loaded.tolerance.margin


# -- the claim itself, and files ---------------------------------------------------


def test_a_claim_needs_a_check() -> None:
    """Building a claim with something that is not a check is refused."""
    with pytest.raises(DataError, match="must be a check, not str"):
        Claim("c1", "citation", "A claim.", Source("a", title="T"), "value")  # type: ignore[arg-type]


def test_an_evaluation_reads_as_id_verdict_and_explanation() -> None:
    """str() of an evaluation gives the claim's id, the verdict and why."""
    claim = Claim(
        "kfl",
        "taïwanais",
        "Kai-Fu Lee is Taiwanese.",
        Source("a", title="T"),
        AttributeCheck("Kai-Fu Lee", "nationality", ("TW",)),
    )
    evaluation = check(claim, ECO)

    assert Verdict.SUPPORTED == evaluation.verdict
    assert f"kfl: SUPPORTED: {evaluation.explanation}" == str(evaluation)


def test_a_json_claims_file(tmp_path: Path, taiwanese_claim: str) -> None:
    """A .json claims file is read as JSON, like its TOML twin."""
    import tomllib

    path = tmp_path / "claims.json"
    path.write_text(json.dumps(tomllib.loads(taiwanese_claim)), encoding="utf-8")

    assert loads_claims(taiwanese_claim, ECO) == load_claims(path, ECO)


def test_a_file_of_another_format(tmp_path: Path) -> None:
    """Only .toml and .json claims files are read."""
    path = tmp_path / "claims.yaml"
    path.write_text("claims: []\n", encoding="utf-8")

    with pytest.raises(ValueError, match=r"name it \.toml or \.json"):
        load_claims(path, ECO)


def test_an_unknown_format() -> None:
    """loads_claims takes only 'toml' and 'json'."""
    with pytest.raises(ValueError, match="unknown format 'yaml'"):
        loads_claims("", ECO, format="yaml")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "kind", "message"),
    [
        ("[[claims]\n", "toml", "not valid TOML"),
        ("{", "json", "not valid JSON"),
        ("[]", "json", "the document must be a table (an object)"),
    ],
)
def test_malformed_documents(text: str, kind: str, message: str) -> None:
    """Text that is not a document is a DataError naming the file."""
    with pytest.raises(DataError) as caught:
        loads_claims(text, ECO, format=kind, file=FILE)  # type: ignore[arg-type]

    (problem,) = caught.value.problems
    assert (FILE, None, None) == (problem.file, problem.entry, problem.field)
    assert problem.message.startswith(message)


def test_an_empty_ecosystem_knows_no_entity(taiwanese_claim: str) -> None:
    """A check naming an entity absent from the knowledge base is refused."""
    with pytest.raises(DataError, match="no person is named 'Kai-Fu Lee'"):
        loads_claims(taiwanese_claim, Ecosystem(), file=FILE)


def test_a_round_not_in_the_knowledge_base_is_accepted() -> None:
    """A round that no entry matches is not an error: its verdict stays open."""
    (claim,) = claims_from_document(
        claims_document(
            {
                "kind": "value",
                "measure": {"of": "Mistral AI", "field": "amount", "round": "series-b"},
                "stated": "600000000 EUR",
            }
        ),
        ECO,
        file=FILE,
    )

    assert Verdict.NOT_ENOUGH_INFO == check(claim, ECO).verdict


# -- claims that could not fail, or could not be checked, are refused at load -------

RAISED = {"of": "Mistral AI", "field": "total_raised"}
FOUNDED = {"of": "Kyutai", "field": "founded"}
GPT4 = {"of": "GPT-4", "field": "parameters"}
YI = {"of": "Yi-34B", "field": "parameters"}
RATIO = {"kind": "ratio", "numerator": YI, "denominator": GPT4, "tolerance": "10%"}
ANY_TIME = "a period with neither start nor end is any time at all"

# Each rule: the check, the field named, and words its message must contain.
MEANINGLESS: dict[str, tuple[dict[str, Any], str, str]] = {
    "an empty period in a date check": (
        {"kind": "date", "event": FOUNDED, "within": {}},
        "check.within",
        ANY_TIME,
    ),
    "an empty period in a role check": (
        {
            "kind": "role",
            "person": "Kai-Fu Lee",
            "organisation": "Mistral AI",
            "during": {},
        },
        "check.during",
        ANY_TIME,
    ),
    "an empty period in an existence check": (
        {"kind": "existence", "what": "model", "within": {}},
        "check.within",
        ANY_TIME,
    ),
    "no value to match": (
        {"kind": "attribute", "of": "Kai-Fu Lee", "field": "nationality", "one_of": []},
        "check.one_of",
        "an empty list says nothing: list at least one name, or leave the field out",
    ),
    "no title": (
        {
            "kind": "role",
            "person": "Kai-Fu Lee",
            "organisation": "Mistral AI",
            "titles": [],
        },
        "check.titles",
        "an empty list says nothing",
    ),
    "no openness": (
        {"kind": "existence", "what": "model", "openness": []},
        "check.openness",
        "an empty list says nothing",
    ),
    "a value listed twice": (
        {
            "kind": "attribute",
            "of": "Kai-Fu Lee",
            "field": "nationality",
            "one_of": ["TW", "tw"],
        },
        "check.one_of",
        "'tw' is listed twice (also as 'TW'): list each once",
    ),
    "a benchmark listed twice": (
        {
            "kind": "benchmark",
            "first": "Yi-34B",
            "second": "GPT-4",
            "benchmarks": ["MMLU", "mmlu"],
            "tolerance": "5",
        },
        "check.benchmarks",
        "listed twice",
    ),
    "a ratio of zero": (
        {**RATIO, "ratio": "0"},
        "check.ratio",
        (
            "a ratio of 0 means nothing for sizes and amounts: write the multiple the "
            "claim states, above 0, such as '0.5' for half"
        ),
    ),
    "a negative ratio": ({**RATIO, "ratio": "-0.5"}, "check.ratio", "above 0"),
    "a ratio of a fact to itself": (
        {**RATIO, "ratio": "1", "denominator": YI},
        "check.denominator",
        "reads the same fact as numerator (Yi-34B: parameters)",
    ),
    "the same fact twice in a sum": (
        {"kind": "ordering", "left": [RAISED, RAISED], "right": [FOUNDED]},
        "check.left[1]",
        (
            "reads the same fact as left[0] (Mistral AI: total raised): a fact "
            "compared with itself or counted twice proves nothing; name another fact"
        ),
    ),
    "the same fact on both sides, in another case": (
        {
            "kind": "ordering",
            "left": [RAISED],
            "right": [{"of": "mistral ai", "field": "total_raised"}],
            "relation": "greater",
        },
        "check.right[0]",
        "reads the same fact as left[0]",
    ),
    "a model compared with itself": (
        {
            "kind": "benchmark",
            "first": "Yi-34B",
            "second": "yi-34b",
            "benchmarks": ["MMLU"],
            "tolerance": "5",
        },
        "check.second",
        (
            "is the same model as first (Yi-34B): a model compared with itself proves "
            "nothing"
        ),
    ),
    "a group said to be among itself": (
        {"kind": "membership", "members_of": "BATX", "group": "BATX"},
        "check.members_of",
        "is the group the members are said to belong to",
    ),
    "a date for a group's members": (
        {
            "kind": "membership",
            "members": ["Mistral AI"],
            "group": "BATX",
            "until": 2023,
        },
        "check.until",
        "counts the rounds of investors_of, and a group's members are not dated",
    ),
    "a margin in another currency": (
        {
            "kind": "value",
            "measure": RAISED,
            "stated": "490000000 EUR",
            "tolerance": "10000000 USD",
        },
        "check.tolerance",
        (
            "the margin ±10,000,000 USD is in USD, and the values are compared in EUR: "
            "write the margin in EUR"
        ),
    ),
    "a conversion date for values that are not money": (
        {**SIZE, "stated": "34000000000 parameter", "on": "2024-01-01"},
        "check.on",
        "is the date money is converted at, and the values compared are not money",
    ),
    "a currency for values that are not money": (
        {
            "kind": "ordering",
            "left": [YI],
            "right": [GPT4],
            "relation": "less",
            "currency": "EUR",
        },
        "check.currency",
        "is the currency money is added up in, and the values compared are not money",
    ),
    "an unknown currency to add up in": (
        {
            "kind": "ordering",
            "left": [RAISED],
            "right": [{"of": "Kyutai", "field": "total_raised"}],
            "relation": "greater",
            "currency": "XYZ",
        },
        "check.currency",
        "unknown currency code 'XYZ'",
    ),
    "a date for a field that takes none": (
        {**SIZE, "measure": {**YI, "at": "2023"}, "stated": "34000000000 parameter"},
        "check.measure",
        (
            "'parameters' takes no date (at): only round fields, fund fields and "
            "total_raised do"
        ),
    ),
    "a negative size": (
        {**SIZE, "stated": "-34 gigaparameter"},
        "check.stated",
        "-34 gigaparameters is below zero, and Yi-34B: parameters cannot be",
    ),
    "a negative amount raised": (
        {"kind": "value", "measure": RAISED, "stated": "-1 EUR"},
        "check.stated",
        (
            "-1 EUR is below zero, and Mistral AI: total raised cannot be: write "
            "the value the claim states"
        ),
    ),
    "a value an attribute never has": (
        {"kind": "attribute", "of": "Yi-34B", "field": "openness", "one_of": ["open"]},
        "check.one_of[0]",
        (
            "'open' is not a value of openness, so it could never match: use one of "
            "open-source, open-weights, api-only, closed"
        ),
    ),
    "a nationality that is no country code": (
        {
            "kind": "attribute",
            "of": "Kai-Fu Lee",
            "field": "nationality",
            "one_of": ["Taiwan"],
        },
        "check.one_of[0]",
        "'Taiwan' is not an ISO 3166 country code, so it could never match",
    ),
    "a relative date too far back": (
        {"kind": "date", "event": FOUNDED, "within": "3000 years ago"},
        "check.within",
        "'3000 years ago' cannot be resolved against the publication date 2024-02",
    ),
}


@pytest.mark.parametrize("rule", MEANINGLESS)
def test_claims_that_mean_nothing_are_refused(rule: str) -> None:
    """A check that could not fail, or reads nonsense, is refused naming its field."""
    check_, field, words = MEANINGLESS[rule]
    check_ = (
        {"relation": "greater", **check_} if check_["kind"] == "ordering" else check_
    )

    problem = _one(check_)

    assert ("c1", field) == (problem.entry, problem.field)
    assert words in problem.message


def test_a_member_named_twice_by_an_alias() -> None:
    """Two names of one organisation among the members are one member listed twice."""
    eco = aiecosys.load_article().ecosystem
    document = claims_document(
        {"kind": "membership", "members": ["Baidu", "百度"], "group": "BATX"}
    )
    with pytest.raises(DataError) as caught:
        claims_from_document(document, eco, file=FILE)

    (problem,) = caught.value.problems
    assert ("c1", "check.members[1]") == (problem.entry, problem.field)
    assert "'百度' is Baidu, already listed as members[0]" in problem.message


def test_ids_that_differ_only_by_case() -> None:
    """Two claims whose ids differ only by case are refused: one hides the other."""
    document = claims_document({**SIZE, "stated": "34000000000 parameter"})
    document["claims"].append({**document["claims"][0], "id": "C1"})

    (problem,) = _problems(document)

    assert ("C1", "id") == (problem.entry, problem.field)
    assert "differs from the id 'c1' of another claim only by case" in problem.message


# -- numbers and margins ----------------------------------------------------------

# Each rule: the field of a value check on Yi's size, its value, and the message.
NUMBERS: dict[str, tuple[str, object, str]] = {
    "a fraction of a day": (
        "tolerance",
        "1.9 days",
        (
            "a margin of 1.9 days is not a whole number of days, and a margin in days "
            "is never rounded: write whole days, such as '2 days'"
        ),
    ),
    "more days than any date allows": (
        "tolerance",
        "1e10 days",
        "a margin of 1e10 days is out of range: write from 0 to 36600 days",
    ),
    "negative days": ("tolerance", "-3 days", "out of range"),
    "a huge stated number": (
        "stated",
        "1e999999 parameter",
        (
            "'1e999999' is out of range: a number in a claims file is below 10^30 in "
            "size, with digits no finer than 10^-60; check the exponent"
        ),
    ),
    "a tiny stated number": ("stated", "1e-999999 parameter", "out of range"),
    "a percentage finer than any number": ("tolerance", "1e-999999%", "out of range"),
    "a huge whole number": ("tolerance", 10**40, "a whole number of "),
    "a float margin": (
        "tolerance",
        0.5,
        (
            "0.5 is a float, which cannot hold most decimal values exactly: write the "
            'tolerance as a string, for example "0.5"'
        ),
    ),
}


@pytest.mark.parametrize("rule", NUMBERS)
def test_numbers_are_read_exactly_or_refused(rule: str) -> None:
    """A number is read exactly, within bounds named in the message, or refused."""
    field, value, words = NUMBERS[rule]

    problem = _one({**SIZE, "stated": "34000000000 parameter", field: value})

    assert ("c1", f"check.{field}") == (problem.entry, problem.field)
    assert words in problem.message


def test_a_whole_number_of_days_with_decimals_is_read() -> None:
    """'2.0 days' is two days: read, then refused only for its unit."""
    problem = _one({**SIZE, "stated": "34000000000 parameter", "tolerance": "2.0 days"})

    assert problem.message.startswith("the tolerance ±2 days is not in the unit")


def test_a_float_gets_the_knowledge_base_wording() -> None:
    """A float is refused in the same words in a claims file and a knowledge base."""
    with pytest.raises(DataError) as in_a_knowledge_base:
        aiecosys.loads(KB.replace('score = "76.3"', "score = 76.3"), file="kb.toml")
    ratio = _one({**RATIO, "ratio": 76.3})

    (expected,) = in_a_knowledge_base.value.problems
    assert expected.message == ratio.message


@pytest.mark.parametrize(
    ("field", "text"),
    [
        ("stated", "34 param/0"),
        ("stated", "5 g{"),
        ("stated", "5 ."),
        ("tolerance", "34 param/0"),
        ("tolerance", "5 g{"),
        ("tolerance", "5 ."),
    ],
)
def test_unreadable_units_name_the_claim_and_field(field: str, text: str) -> None:
    """A unit that cannot be read is a problem of the claim's field, not a crash."""
    problem = _one({**SIZE, "stated": "34000000000 parameter", field: text})

    assert ("c1", f"check.{field}") == (problem.entry, problem.field)


# -- writing claims ------------------------------------------------------------------

_NUMBERS = st.decimals(min_value=Decimal("0.001"), max_value=Decimal("1e12"), places=3)
_FRACTIONS = st.decimals(min_value=0, max_value=Decimal("0.99"), places=2)
_DATES = st.one_of(
    st.builds(PartialDate, st.integers(1990, 2030)),
    st.builds(PartialDate, st.integers(1990, 2030), st.integers(1, 12)),
    st.sampled_from(["last June", "in January", "this year", "3 years ago"]).map(
        RelativeDate
    ),
    st.builds(
        Period,
        st.builds(PartialDate, st.integers(1990, 2010)),
        st.none() | st.builds(PartialDate, st.integers(2011, 2030)),
    ),
)
_TOLERANCES = st.one_of(
    st.none(),
    _FRACTIONS.map(Tolerance.relative),
    _NUMBERS.map(lambda n: Tolerance.absolute(Quantity(n, "parameter"))),
)
_CHECKS = st.one_of(
    st.builds(
        ValueCheck,
        st.just(Measure("Yi-34B", "parameters")),
        _NUMBERS.map(lambda n: Quantity(n, "gigaparameter")),
        tolerance=_TOLERANCES,
    ),
    st.builds(
        ValueCheck,
        st.just(Measure("Mistral AI", "amount", round="seed")),
        _NUMBERS.map(lambda n: Money(n, "EUR")),
        tolerance=st.none()
        | _NUMBERS.map(lambda n: Tolerance.absolute(Money(n, "EUR"))),
    ),
    st.builds(
        RatioCheck,
        st.just(Measure("Yi-34B", "parameters")),
        st.just(Measure("GPT-4", "parameters")),
        _NUMBERS,
        tolerance=_FRACTIONS.map(Tolerance.relative),
    ),
    st.builds(DateCheck, st.just(Measure("Kyutai", "founded")), _DATES),
    st.builds(
        AttributeCheck,
        st.just("Kai-Fu Lee"),
        st.just("nationality"),
        st.lists(st.sampled_from(["TW", "CN", "US", "FR"]), min_size=1, unique=True),
    ),
    st.builds(
        MembershipCheck,
        members=st.lists(
            st.sampled_from(["Mistral AI", "Kyutai"]), min_size=1, unique=True
        ),
        group=st.just("BATX"),
        quantifier=st.sampled_from(["all", "any", "exactly"]),
    ),
    st.builds(
        BenchmarkCheck,
        st.just("Yi-34B"),
        st.just("GPT-4"),
        benchmarks=st.just(("MMLU",)),
        relation=st.just("comparable"),
        tolerance=_FRACTIONS.map(Tolerance.relative),
    ),
)
_WORDS = st.text(st.characters(codec="utf-8"), min_size=1, max_size=20).filter(
    str.strip
)


@st.composite
def _claims(draw: st.DrawFn) -> list[Claim]:
    ids = draw(
        st.lists(
            st.from_regex(r"[a-z][a-z0-9_.-]{0,8}", fullmatch=True),
            min_size=1,
            max_size=4,
            unique_by=str.casefold,
        )
    )
    source = Source(
        "a",
        title=draw(_WORDS),
        published=draw(
            st.builds(PartialDate, st.integers(2000, 2030), st.integers(1, 12))
        ),
    )
    return [
        Claim(
            claim_id,
            draw(_WORDS),
            draw(_WORDS),
            source,
            draw(_CHECKS),
            note=draw(st.none() | _WORDS),
        )
        for claim_id in ids
    ]


@settings(max_examples=60, deadline=None)
@given(claims=_claims(), format=st.sampled_from(["toml", "json"]))
def test_written_claims_read_back_the_same(claims: list[Claim], format: str) -> None:  # noqa: A002
    """Claims written by dumps_claims are read back equal, in TOML and in JSON."""
    text = dumps_claims(claims, format=format)  # type: ignore[arg-type]

    assert tuple(claims) == loads_claims(text, ECO, format=format)  # type: ignore[arg-type]


def test_the_article_claims_read_back_the_same() -> None:
    """Every claim of the article survives writing and reading back."""
    article = aiecosys.load_article()

    for format in ("toml", "json"):  # noqa: A001
        text = dumps_claims(article.claims, format=format)
        assert article.claims == loads_claims(text, article.ecosystem, format=format)


def test_writing_in_an_unknown_format() -> None:
    """Only TOML and JSON are written."""
    with pytest.raises(ValueError, match="unknown format 'yaml'"):
        dumps_claims([], format="yaml")  # type: ignore[arg-type]


def problems(check: dict[str, Any], *, published: bool = True) -> list[tuple[str, str]]:
    """The (field, message) of every problem of a one-claim document."""
    document = claims_document(check)
    if not published:
        document["sources"] = {"a": {"title": "An article"}}
    with pytest.raises(DataError) as caught:
        claims_from_document(document, ECO, file=FILE)
    assert {(FILE, "c1")} == {(p.file, p.entry) for p in caught.value.problems}
    return [(p.field or "", p.message) for p in caught.value.problems]


def accepted(check: dict[str, Any]) -> None:
    """Read a one-claim document with *check*: it must have no problem."""
    claims_from_document(claims_document(check), ECO, file=FILE)


DIFFERENT = "they measure different things"
PARAMETERS = "a quantity of [parameter]"


class TestComparedKinds:
    @pytest.mark.parametrize(
        ("stated", "kind"),
        [
            ("105000000 EUR", "money"),
            ("5 GBP", "money"),
            ("3 token", "a quantity of [token]"),
            ("5 day", "a quantity of [time]"),
            (5, "a plain number"),
        ],
    )
    def test_value_of_another_kind(self, stated: object, kind: str) -> None:
        """A stated value of another kind than the measure is refused, naming both."""
        check = {"kind": "value", "measure": YI, "stated": stated}
        assert [
            (
                "check.stated",
                f"compares {PARAMETERS} (measure) with {kind}: {DIFFERENT}",
            )
        ] == problems(check)

    def test_a_date_compared_as_a_value(self) -> None:
        """A date measure compared with a plain number is refused: different things."""
        check = {"kind": "value", "measure": FOUNDED, "stated": "5"}
        assert [
            (
                "check.stated",
                f"compares a date (measure) with a plain number: {DIFFERENT}",
            )
        ] == problems(check)

    def test_two_dates_compared_as_values(self) -> None:
        """An ordering of dates is refused: a date check says when things happened."""
        check = {
            "kind": "ordering",
            "left": [FOUNDED],
            "right": [{"of": "Mistral AI", "field": "founded"}],
            "relation": "less",
        }
        assert [
            (
                "check.left[0]",
                "is a date: use a date check to say when something happened",
            )
        ] == problems(check)

    def test_ratio_of_two_kinds(self) -> None:
        """A ratio of parameters to money is refused on the denominator."""
        check = {
            "kind": "ratio",
            "numerator": YI,
            "denominator": RAISED,
            "ratio": "0.5",
            "tolerance": "10%",
        }
        assert [
            (
                "check.denominator",
                f"compares {PARAMETERS} (numerator) with money: {DIFFERENT}",
            )
        ] == problems(check)

    def test_ordering_of_two_kinds(self) -> None:
        """An ordering of parameters against money is refused on the right side."""
        check = {
            "kind": "ordering",
            "left": [YI],
            "right": [RAISED],
            "relation": "less",
        }
        assert [
            (
                "check.right[0]",
                f"compares a quantity of [parameter] (left[0]) with money: {DIFFERENT}",
            )
        ] == problems(check)

    def test_an_unknown_currency(self) -> None:
        """A stated amount in an unknown currency is refused, naming the code."""
        check = {"kind": "value", "measure": YI, "stated": "5 XYZ"}
        ((field, message),) = problems(check)
        assert "check.stated" == field
        assert message.startswith("unknown currency code 'XYZ'")


class TestMoney:
    def test_money_needs_a_date_to_convert_at(self) -> None:
        """Money needs a date to convert at: the check's own, or its source's."""
        check = {"kind": "value", "measure": RAISED, "stated": "490000000 EUR"}
        assert [
            (
                "check.on",
                (
                    "money may need converting: give the date to convert at (on), or a "
                    "publication date to the claim's source"
                ),
            )
        ] == problems(check, published=False)
        accepted(check)
        with_date = {**check, "on": "2023-12-11"}
        claims_from_document(
            {**claims_document(with_date), "sources": {"a": {"title": "An article"}}},
            ECO,
            file=FILE,
        )

    def test_a_range_of_publication_dates_converts_at_both_ends(self) -> None:
        """A publication dated by a range needs no date of its own for money."""
        check = {"kind": "value", "measure": RAISED, "stated": "490000000 EUR"}
        document = claims_document(check)
        document["sources"]["a"]["published"] = "2024-01 to 2024-03"

        (claim,) = claims_from_document(document, ECO, file=FILE)

        assert isinstance(claim.check, ValueCheck)
        assert claim.check.on is None

    def test_an_undated_publication_needs_a_day_to_convert_at(self) -> None:
        """With no publication date at all, a check of money names its own date."""
        check = {"kind": "value", "measure": RAISED, "stated": "490000000 EUR"}
        document = claims_document(check)
        del document["sources"]["a"]["published"]

        (problem,) = _problems(document)

        assert "check.on" == problem.field
        assert problem.message.startswith("money may need converting: give the date")

    def test_margin_must_be_money(self) -> None:
        """A margin on money is money in the same currency, or a percentage."""
        check = {
            "kind": "value",
            "measure": RAISED,
            "stated": "490000000 EUR",
            "tolerance": "5",
        }
        assert [
            (
                "check.tolerance",
                "the margin ±5 is not money, and the values compared are",
            )
        ] == problems(check)
        accepted({**check, "tolerance": "5 EUR"})
        accepted({**check, "tolerance": "10%"})
        assert [
            (
                "check.tolerance",
                (
                    "the margin ±5 USD is in USD, and the values are compared in EUR: "
                    "write the margin in EUR, or as a percentage such as '10%'"
                ),
            )
        ] == problems({**check, "tolerance": "5 USD"})

    def test_margin_in_another_unit(self) -> None:
        """A margin in another unit than the values compared is refused."""
        check = {
            "kind": "value",
            "measure": YI,
            "stated": "34000000000 parameter",
            "tolerance": "5 days",
        }
        assert [
            (
                "check.tolerance",
                (
                    "the tolerance ±5 days is not in the unit of the values compared, "
                    "which are a quantity of [parameter]"
                ),
            )
        ] == problems(check)
        accepted({**check, "tolerance": "10%"})
        accepted({**check, "tolerance": "1000000000 parameter"})


class TestFields:
    @pytest.mark.parametrize(
        ("field", "value", "allowed"),
        [
            (
                "openness",
                "secret",
                "'open-source', 'open-weights', 'api-only', 'closed'",
            ),
            ("modalities", "smell", "'text', 'image', 'audio', 'video'"),
        ],
    )
    def test_unknown_enum_values(self, field: str, value: str, allowed: str) -> None:
        """An unknown openness or modality is refused, listing the allowed values."""
        check = {"kind": "existence", "what": "model", field: [value]}
        assert [
            (f"check.{field}[0]", f"{value!r} is not one of {allowed}")
        ] == problems(check)

    def test_known_enum_values(self) -> None:
        """Known openness and organisation kinds are accepted."""
        accepted({"kind": "existence", "what": "model", "openness": ["open-weights"]})
        accepted(
            {
                "kind": "existence",
                "what": "organisation",
                "organisation_kinds": ["company", "group"],
            }
        )

    @pytest.mark.parametrize(
        ("ratio", "message"),
        [
            (True, "expected a number written as a string, not True"),
            ([1], "expected a number written as a string, not [1]"),
            ("inf", "'inf' is not a finite number"),
            ("half", "cannot read 'half' as a number"),
        ],
    )
    def test_unreadable_ratios(self, ratio: object, message: str) -> None:
        """A ratio that is not a finite number written as text is refused."""
        check = {
            "kind": "ratio",
            "numerator": YI,
            "denominator": YI,
            "ratio": ratio,
            "tolerance": "10%",
        }
        assert [("check.ratio", message)] == problems(check)

    @pytest.mark.parametrize("ratio", ["0_5", "1_0"])
    def test_underscores_in_numbers_are_refused(self, ratio: str) -> None:
        """A ratio "0_5" is refused, never read as 5 as Python's Decimal reads it."""
        check = {
            "kind": "ratio",
            "numerator": YI,
            "denominator": {"of": "GPT-4", "field": "parameters"},
            "ratio": ratio,
            "tolerance": "10%",
        }
        ((field, message),) = problems(check)
        assert "check.ratio" == field
        assert f"cannot read {ratio!r} as the number" in message
        assert "no underscores" in message

    def test_ratio_as_an_int_or_text(self) -> None:
        """A ratio may be a whole number or a number written as text."""
        check = {
            "kind": "ratio",
            "numerator": YI,
            "denominator": {"of": "GPT-4", "field": "parameters"},
        }
        accepted({**check, "ratio": 1, "tolerance": "10%"})
        accepted({**check, "ratio": "0.5", "tolerance": "10%"})

    def test_period_with_unknown_bounds(self) -> None:
        """A period takes only start and end; either one alone is accepted."""
        check = {
            "kind": "date",
            "event": FOUNDED,
            "within": {"start": "2023", "stop": "2024", "zz": 1},
        }
        assert [
            ("check.within", "a period takes start and end, not stop, zz")
        ] == problems(check)
        accepted({"kind": "date", "event": FOUNDED, "within": {"end": "2024"}})
        accepted({"kind": "date", "event": FOUNDED, "within": {"start": "2023"}})

    def test_date_of_something_that_is_not_a_date(self) -> None:
        """A date check of a field that is not a date lists the date fields."""
        check = {"kind": "date", "event": YI, "within": "2023"}
        assert [
            (
                "check.event.field",
                (
                    "'parameters' is not a date; use released, announced, founded, "
                    "office_opened, office_closed or born"
                ),
            )
        ] == problems(check)


class TestEntities:
    def test_existence_filters(self) -> None:
        """Model filters on organisations, and the reverse, are refused by name."""
        assert [
            (
                "check.what",
                (
                    "developer, openness, modalities and family filter models, not "
                    "organisations"
                ),
            )
        ] == problems(
            {"kind": "existence", "what": "organisation", "developer": "Mistral AI"}
        )
        assert [
            (
                "check.what",
                "organisation_kinds and founder filter organisations, not models",
            )
        ] == problems({"kind": "existence", "what": "model", "founder": "Kai-Fu Lee"})
        assert [
            ("check.developer", "no organisation is named 'Nobody'"),
            ("check.founder", "no organisation or person is named 'Noone'"),
            (
                "check.what",
                (
                    "developer, openness, modalities and family filter models, not "
                    "organisations"
                ),
            ),
        ] == problems(
            {
                "kind": "existence",
                "what": "organisation",
                "developer": "Nobody",
                "founder": "Noone",
            }
        )

    @pytest.mark.parametrize(
        ("kind", "field", "extra"),
        [
            ("existence", "within", {"what": "model"}),
            (
                "role",
                "during",
                {
                    "person": "Kai-Fu Lee",
                    "organisation": "Mistral AI",
                    "titles": ["ceo"],
                },
            ),
        ],
    )
    def test_relative_dates_need_a_publication_date(
        self, kind: str, field: str, extra: dict[str, Any]
    ) -> None:
        """A relative period needs a source with a publication date."""
        check = {"kind": kind, field: "last year", **extra}
        assert [
            (
                f"check.{field}",
                "'last year' is relative: give the claim's source a publication date",
            )
        ] == problems(check, published=False)

    def test_membership_of_something_that_is_not_a_group(self) -> None:
        """Membership of a company, not a group, is refused on the group field."""
        assert [
            ("check.group", "Mistral AI is a company, not a group with members")
        ] == (
            problems(
                {"kind": "membership", "members": ["Kyutai"], "group": "Mistral AI"}
            )
        )

    def test_role_names(self) -> None:
        """A role check names its unknown person and unknown organisation."""
        assert [
            ("check.person", "no person is named 'Nobody'"),
            ("check.organisation", "no organisation is named 'Nowhere'"),
        ] == problems(
            {
                "kind": "role",
                "person": "Nobody",
                "organisation": "Nowhere",
                "titles": ["ceo"],
            }
        )

    def test_benchmark_names_and_margin(self) -> None:
        """Unknown benchmarked models are named; a score's margin is a plain number."""
        check = {
            "kind": "benchmark",
            "first": "Yo",
            "second": "Ya",
            "benchmarks": ["MMLU"],
            "relation": "better",
        }
        assert [
            ("check.first", "no model is named 'Yo'"),
            ("check.second", "no model is named 'Ya'"),
        ] == problems(check)
        margin = {**check, "first": "Yi-34B", "second": "GPT-4", "tolerance": "10 EUR"}
        assert [
            (
                "check.tolerance",
                "a benchmark score is a plain number: the margin ±10 EUR is not",
            )
        ] == problems(margin)
        accepted({**margin, "tolerance": "5"})

    def test_attribute_of_an_unknown_entity(self) -> None:
        """An attribute of an unknown entity is refused on the of field."""
        check = {
            "kind": "attribute",
            "of": "Nobody",
            "field": "country",
            "one_of": ["FR"],
        }
        assert [("check.of", "no organisation is named 'Nobody'")] == problems(check)


GROUP = {"kind": "membership", "members": ["Kyutai"], "group": "BATX"}


class TestClaimFields:
    def problems_without(self, field: str) -> list[tuple[str, str]]:
        document = claims_document(GROUP)
        del document["claims"][0][field]
        with pytest.raises(DataError) as caught:
            claims_from_document(document, ECO, file=FILE)
        return [(p.field or "", p.message) for p in caught.value.problems]

    def test_missing_fields(self) -> None:
        """A claim without source, check or quote names the missing field."""
        assert [("source", "is required but missing")] == self.problems_without(
            "source"
        )
        assert [("check", "is required but missing")] == self.problems_without("check")
        assert [("quote", "is required but missing")] == self.problems_without("quote")

    def test_unknown_field(self) -> None:
        """An unknown field of a claim is refused, listing the fields a claim takes."""
        document = claims_document(GROUP)
        document["claims"][0]["extra"] = 1
        with pytest.raises(DataError) as caught:
            claims_from_document(document, ECO, file=FILE)
        assert [
            (
                "extra",
                (
                    "unknown field 'extra'; Claim takes id, quote, restatement, "
                    "source, check, lang, note"
                ),
            )
        ] == [(p.field, p.message) for p in caught.value.problems]


class TestMembership:
    def test_members_of_something_that_is_not_a_group(self) -> None:
        """Members of a company and investors of nobody are each refused."""
        assert [
            ("check.investors_of", "no organisation is named 'Nobody'"),
            ("check.members_of", "Mistral AI is a company, not a group with members"),
        ] == problems(
            {
                "kind": "membership",
                "members_of": "Mistral AI",
                "investors_of": "Nobody",
            }
        )

    def test_unknown_groups_are_named_once(self) -> None:
        """Each unknown group of a membership check is named once, in its field."""
        assert [
            ("check.members_of", "no organisation is named 'Nobody'"),
            ("check.group", "no organisation is named 'Nothing'"),
        ] == problems(
            {"kind": "membership", "members_of": "Nobody", "group": "Nothing"}
        )


def test_writing_claims_first_thing_in_a_process() -> None:
    """dumps_claims works in a process that has read no knowledge base yet."""
    code = (
        "from aiecosys import Claim, DateCheck, Measure, PartialDate, Source\n"
        "from aiecosys.claims import dumps_claims\n"
        "claim = Claim('k', 'q', 'c', Source('k', title='Kyutai'),\n"
        "              DateCheck(Measure('Kyutai', 'founded'), PartialDate(2023)))\n"
        "print(dumps_claims([claim]).splitlines()[3])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )

    assert (result.returncode, result.stdout) == (0, 'title = "Kyutai"\n')


class TestWhatPeopleWrite:
    @pytest.mark.parametrize(
        ("written", "canonical"),
        [
            ("€385M", "385000000 EUR"),
            ("385 millions d'euros", "385000000 EUR"),
            ("$415 million", "415000000 USD"),
        ],
    )
    def test_stated_amounts(self, written: str, canonical: str) -> None:
        """A stated amount as people write it has its canonical form's value."""
        checks = [
            {
                "kind": "value",
                "measure": {"of": "Mistral AI", "field": "total_raised"},
                "stated": stated,
            }
            for stated in (written, canonical)
        ]
        first, second = (
            claims_from_document(claims_document(check), ECO, file=FILE)[0].check
            for check in checks
        )
        assert isinstance(first, ValueCheck)
        assert isinstance(second, ValueCheck)
        assert isinstance(first.stated, Precision)
        assert first.stated.value == second.stated

    def test_stated_sizes(self) -> None:
        """ "34B parameters" is the stated size 34000000000 parameter."""
        claim = claims_from_document(
            claims_document({**SIZE, "stated": "34B parameters"}), ECO, file=FILE
        )[0]
        assert isinstance(claim.check, ValueCheck)
        assert isinstance(claim.check.stated, Precision)
        assert Quantity("34000000000", "parameter") == claim.check.stated.value

    def test_ambiguous_amounts_are_refused_with_both_readings(self) -> None:
        """ "385.000 €" is refused with the field, as the number reader refuses it."""
        check = {
            "kind": "value",
            "measure": {"of": "Mistral AI", "field": "total_raised"},
            "stated": "385.000 €",
        }
        (problem,) = _problems(claims_document(check))
        assert ("c1", "check.stated") == (problem.entry, problem.field)
        assert "could be 385,000" in problem.message

    @pytest.mark.parametrize(
        ("within", "expected"),
        [
            ("November 2023", PartialDate(2023, 11)),
            ("novembre 2023", PartialDate(2023, 11)),
            (
                "2023-10 to 2023-12",
                Period(PartialDate(2023, 10), PartialDate(2023, 12)),
            ),
        ],
    )
    def test_dates_and_periods(self, within: str, expected: object) -> None:
        """A date or a period in words is read as one, not as a relative date."""
        check = {"kind": "date", "event": FOUNDED, "within": within}
        claim = claims_from_document(claims_document(check), ECO, file=FILE)[0]
        assert isinstance(claim.check, DateCheck)
        assert expected == claim.check.within

    @pytest.mark.parametrize(
        ("locale", "expected"),
        [("fr", "1500000000 EUR"), ("en", "1500000 EUR")],
    )
    def test_a_file_locale_settles_the_decimal_mark(
        self, locale: str, expected: str
    ) -> None:
        """A claims file's locale reads "1.500 M€" as its writers mean it."""
        check = {
            "kind": "value",
            "measure": {"of": "Mistral AI", "field": "total_raised"},
            "stated": "1.500 M€",
        }
        document = {"locale": locale, **claims_document(check)}
        claim = claims_from_document(document, ECO, file=FILE)[0]
        assert isinstance(claim.check, ValueCheck)
        assert isinstance(claim.check.stated, Precision)
        assert aiecosys.Money.parse(expected) == claim.check.stated.value

    def test_a_locale_that_is_not_text_is_refused(self) -> None:
        """locale = 5 is a problem of the field 'locale', naming the file."""
        document = {
            "locale": 5,
            **claims_document({**SIZE, "stated": "34B parameters"}),
        }
        (problem,) = _problems(document)
        assert (FILE, "locale") == (problem.file, problem.field)
