"""Knowledge-base files: TOML and JSON, round trips, bad files, the schema."""

from __future__ import annotations

import json
import tomllib
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

import pytest
import rtoml
from hypothesis import given, settings
from hypothesis import strategies as st

import aiecosys
from aiecosys import (
    DataError,
    Ecosystem,
    Estimate,
    Problem,
    Status,
    _files,
    json_schema,
)
from tests.strategies import ecosystems


DATA = Path(__file__).parent / "data"
SMALL = DATA / "small.toml"
SCHEMA = Path(__file__).parent.parent / "docs" / "schema" / "ecosystem.schema.json"

MISTRAL_HEAD = """
[sources.s]
title = "A source"

[[organisations]]
name = "Mistral AI"
kind = "company"
founded = "2023-04"
sources = ["s"]
"""
HEAD = (
    MISTRAL_HEAD
    + """
[[people]]
name = "Xavier Niel"
sources = ["s"]
"""
)


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
BAD_VALUES: dict[str, tuple[str, str, str | None, str]] = {
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


@pytest.mark.parametrize("rule", BAD_VALUES)
def test_one_bad_value_per_rule(tmp_path: Path, rule: str) -> None:
    """Each malformed value is reported with the file, the entry and the field."""
    addition, entry, field, message = BAD_VALUES[rule]
    path = tmp_path / "bad.toml"
    path.write_text(MISTRAL_HEAD + addition, encoding="utf-8")

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
        "date",
        (
            "unknown field 'date'; Source takes title, url, publisher, published, "
            "accessed, author, kind, archived_url"
        ),
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
    eco = aiecosys.loads(MISTRAL_HEAD + MODEL + "score = 76\n")

    assert Decimal(76) == eco.models[0].benchmarks[0].score


def test_json_round_trip_of_the_bad_rules_is_refused_alike(tmp_path: Path) -> None:
    """A JSON file with a malformed amount gets the same problem as its TOML twin."""
    import tomllib

    document = tomllib.loads(MISTRAL_HEAD + BAD_VALUES["amount without a currency"][0])
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
        aiecosys.loads(MISTRAL_HEAD + FUND + "portfolio_size = 4.5\n")


@pytest.mark.parametrize("value", ["true", '"4"'])
def test_a_count_that_is_not_a_whole_number_is_refused(value: str) -> None:
    """A portfolio size must be a whole number, not a boolean or text."""
    with pytest.raises(DataError, match="expected a whole number"):
        aiecosys.loads(MISTRAL_HEAD + FUND + f"portfolio_size = {value}\n")


def test_a_name_that_is_not_text_is_refused() -> None:
    """An organisation's name written as a number is refused."""
    with pytest.raises(DataError, match="expected text, not int 5"):
        aiecosys.loads(
            MISTRAL_HEAD
            + '[[organisations]]\nname = 5\nkind = "company"\nsources = ["s"]\n'
        )


def test_nested_entries_not_a_list() -> None:
    """A person's roles written as text get one problem saying a list is expected."""
    with pytest.raises(DataError) as caught:
        aiecosys.loads(
            MISTRAL_HEAD + '[[people]]\nname = "P"\nroles = "CEO"\nsources = ["s"]\n'
        )

    (problem,) = caught.value.problems
    assert ("people[0]: P", "roles") == (problem.entry, problem.field)
    assert "expected a list" in problem.message


class TestRoundTrip:
    def test_toml_load_dump_load(self, tmp_path: Path) -> None:
        """Load, dump and load again gives an equal knowledge base."""
        eco = aiecosys.load(SMALL)
        path = tmp_path / "again.toml"

        aiecosys.dump(eco, path)

        assert eco == aiecosys.load(path)

    def test_json_load_dump_load(self, tmp_path: Path) -> None:
        """The same holds through JSON."""
        eco = aiecosys.load(SMALL)
        path = tmp_path / "again.json"

        aiecosys.dump(eco, path)

        assert eco == aiecosys.load(path)
        assert "Mistral AI" == json.loads(path.read_text())["organisations"][0]["name"]

    def test_dump_is_stable(self) -> None:
        """Dumping what was loaded from a dump gives the same text."""
        text = aiecosys.dumps(aiecosys.load(SMALL))

        assert text == aiecosys.dumps(aiecosys.loads(text))

    def test_precision_dates_and_sources_preserved(self) -> None:
        """Decimal digits, partial dates and sources survive a round trip."""
        eco = aiecosys.loads(aiecosys.dumps(aiecosys.load(SMALL)))
        gpt4 = eco.model("GPT-4")

        assert gpt4.parameters.low is not None
        assert "1000000000000" == str(gpt4.parameters.low.magnitude)
        assert (Status.ESTIMATED, "gpt4-size") == (
            gpt4.parameters.status,
            gpt4.parameters.sources[0].key,
        )
        assert "76.3" == str(eco.model("Yi-34B").benchmarks[0].score)
        assert "2023-06-13" == str(eco.rounds[0].sources[0].published)

    def test_exact_disclosed_estimate_written_plainly(self) -> None:
        """An exact, disclosed estimate is written as a plain value."""
        text = aiecosys.dumps(aiecosys.load(SMALL))

        assert 'amount = "105000000 EUR"' in text

    def test_native_toml_dates_and_integer_years_accepted(self) -> None:
        """TOML dates and integer years are read as partial dates."""
        eco = aiecosys.loads(
            HEAD.replace('"2023-04"', "2023-04-10").replace(
                'title = "A source"', 'title = "A source"\npublished = 2023'
            )
        )

        assert "2023-04-10" == str(eco.organisation("Mistral AI").founded)
        assert "2023" == str(eco.sources[0].published)

    def test_empty(self) -> None:
        """An empty document is an empty ecosystem."""
        assert Ecosystem() == aiecosys.loads("")


BAD_FILES: dict[str, tuple[str, str, str | None, str]] = {
    "unknown reference": (
        """\
[[rounds]]
organisation = "Mistal AI"
announced = "2023-06"
kind = "seed"
sources = ["s"]
""",
        "rounds[0]: Mistal AI, 2023-06",
        "organisation",
        "unknown organisation 'Mistal AI' (did you mean 'Mistral AI'?)",
    ),
    "duplicate alias": (
        """\
[[organisations]]
name = "Mistral"
aliases = ["MISTRAL AI"]
kind = "company"
sources = ["s"]
""",
        "organisations[1]: Mistral",
        "aliases",
        "the name 'MISTRAL AI' is already used by 'Mistral AI'",
    ),
    "round before founding": (
        """\
[[rounds]]
organisation = "Mistral AI"
announced = "2022-12"
kind = "seed"
sources = ["s"]
""",
        "rounds[0]: Mistral AI, 2022-12",
        "announced",
        "dated 2022-12, before Mistral AI was founded (2023-04)",
    ),
    "active parameters above total": (
        """\
[[models]]
name = "M"
parameters = "7000000000 parameter"
active_parameters = "8000000000 parameter"
sources = ["s"]
""",
        "models[0]: M",
        "active_parameters",
        (
            "active parameters (8,000,000,000 parameter (disclosed)) exceed "
            "the total parameters (7,000,000,000 parameter (disclosed))"
        ),
    ),
    "low above high": (
        """\
[[rounds]]
organisation = "Mistral AI"
announced = "2023-06"
kind = "seed"
amount = { low = "200 EUR", high = "100 EUR" }
sources = ["s"]
""",
        "rounds[0]: Mistral AI, 2023-06",
        "amount.low",
        "the low bound 200 EUR is above the high bound 100 EUR",
    ),
    "no source": (
        """\
[[organisations]]
name = "Kyutai"
kind = "non-profit-lab"
""",
        "organisations[1]: Kyutai",
        "sources",
        "no source: cite at least one",
    ),
    "unknown source": (
        """\
[[organisations]]
name = "Kyutai"
kind = "non-profit-lab"
sources = ["kyutai"]
""",
        "organisations[1]: Kyutai",
        "sources[0]",
        "unknown source 'kyutai': define it in a [sources.kyutai] table",
    ),
    "unknown field": (
        """\
[[organisations]]
name = "Kyutai"
kind = "non-profit-lab"
founder = ["Xavier Niel"]
sources = ["s"]
""",
        "organisations[1]: Kyutai",
        "founder",
        (
            "unknown field 'founder'; Organisation takes name, kind, aliases, "
            "country, founded, founders, parent, members, complete, offices, "
            "events, description, sources"
        ),
    ),
    "float amount": (
        """\
[[rounds]]
organisation = "Mistral AI"
announced = "2023-06"
kind = "seed"
amount = { value = 1.5 }
sources = ["s"]
""",
        "rounds[0]: Mistral AI, 2023-06",
        "amount",
        (
            "1.5 is a float, which cannot hold most decimal values exactly: "
            'write an amount of money as a string, for example "1.5"'
        ),
    ),
    "bad kind": (
        """\
[[organisations]]
name = "Kyutai"
kind = "lab"
sources = ["s"]
""",
        "organisations[1]: Kyutai",
        "kind",
        (
            "'lab' is not one of 'company', 'venture-capital-firm', "
            "'research-lab', 'non-profit-lab', 'institute', "
            "'corporate-division', 'group'"
        ),
    ),
    "bad date": (
        """\
[[organisations]]
name = "Kyutai"
kind = "non-profit-lab"
founded = "11/2023"
sources = ["s"]
""",
        "organisations[1]: Kyutai",
        "founded",
        (
            "cannot read '11/2023' as a date; write 'YYYY', 'YYYY-MM' "
            "or 'YYYY-MM-DD' (such as '2009', '2023-06' or '2023-12-11'), or "
            "the month in words ('June 2023', 'juin 2023', '8 December 2023')"
        ),
    ),
    "missing field": (
        """\
[[rounds]]
organisation = "Mistral AI"
kind = "seed"
sources = ["s"]
""",
        "rounds[0]: Mistral AI",
        "announced",
        "is required but missing",
    ),
    "lead not an investor": (
        """\
[[rounds]]
organisation = "Mistral AI"
announced = "2023-06"
kind = "seed"
lead = "Xavier Niel"
sources = ["s"]
""",
        "rounds[0]: Mistral AI, 2023-06",
        "lead",
        "the lead 'Xavier Niel' must also be listed among the investors",
    ),
    "bad nested role": (
        """\
[[people]]
name = "Kai-Fu Lee"
sources = ["s"]
[[people.roles]]
title = "CEO"
organisation = "Mistral AI"
start = "2023-13"
""",
        "people[1]: Kai-Fu Lee",
        "roles[0].start.month",
        "month 13 is not between 1 and 12",
    ),
    "unknown investor": (
        """\
[[rounds]]
organisation = "Mistral AI"
announced = "2023-06"
kind = "seed"
investors = ["Xavier Neil"]
sources = ["s"]
""",
        "rounds[0]: Mistral AI, 2023-06",
        "investors",
        ("unknown organisation or person 'Xavier Neil' (did you mean 'Xavier Niel'?)"),
    ),
}


@pytest.mark.parametrize("rule", BAD_FILES)
def test_one_bad_file_per_rule(tmp_path: Path, rule: str) -> None:
    """Each rule's violation is reported with the file, the entry and the field."""
    addition, entry, field, message = BAD_FILES[rule]
    path = tmp_path / "bad.toml"
    path.write_text(HEAD + addition, encoding="utf-8")

    with pytest.raises(DataError) as caught:
        aiecosys.load(path)

    assert [
        aiecosys.Problem(message, file=str(path), entry=entry, field=field)
    ] == list(caught.value.problems)


def test_every_problem_in_a_file_is_listed(tmp_path: Path) -> None:
    """Problems in several entries, and in several fields of one, come in one error."""
    path = tmp_path / "bad.toml"
    path.write_text(
        HEAD
        + BAD_FILES["bad kind"][0]
        + BAD_FILES["unknown field"][0].replace("Kyutai", "Kyutai Lab")
        + '[[models]]\nname = "M"\ncontext_length = "long"\nreleased = "soon"\n'
        + 'sources = ["s"]\n',
        encoding="utf-8",
    )

    with pytest.raises(DataError) as caught:
        aiecosys.load(path)

    assert [
        ("organisations[1]: Kyutai", "kind"),
        ("organisations[2]: Kyutai Lab", "founder"),
        ("models[0]: M", "released"),
        ("models[0]: M", "context_length"),
    ] == [(problem.entry, problem.field) for problem in caught.value.problems]
    assert str(path) in str(caught.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[organisations]\n", "not valid TOML"),
        ("[spam]\n", "unknown top-level key 'spam'"),
        ("format_version = 2\n", "format_version 2 is not 1"),
        ("organisations = 3\n", "must be an array of tables"),
    ],
)
def test_malformed_documents(text: str, message: str) -> None:
    """Syntax errors and unknown top-level keys are DataErrors."""
    with pytest.raises(DataError, match=message):
        aiecosys.loads(text)


def test_deep_nesting_is_bounded() -> None:
    """Pathologically nested input fails cleanly instead of crashing."""
    with pytest.raises(DataError, match="not valid JSON"):
        aiecosys.loads("[" * 100_000 + "]" * 100_000, format="json")


def test_unknown_format(tmp_path: Path) -> None:
    """Only .toml and .json files are read and written."""
    with pytest.raises(ValueError, match=r"name it \.toml or \.json"):
        aiecosys.dump(Ecosystem(), tmp_path / "kb.yaml")
    with pytest.raises(ValueError, match="unknown format"):
        aiecosys.dumps(Ecosystem(), format="yaml")  # type: ignore[arg-type]


def test_from_document_ignores_what_it_is_told_to() -> None:
    """Other tools may keep their own top-level keys in the same file."""
    eco = aiecosys.from_document({"claims": []}, ignore=frozenset({"claims"}))

    assert Ecosystem() == eco


def test_estimate_forms() -> None:
    """An estimate is a plain value, a value with a status, or bounds."""
    eco = aiecosys.loads(
        HEAD
        + FUND
        + "portfolio_size = 400\n"
        + FUND
        + 'portfolio_size = { value = 400, status = "reported", sources = ["s"] }\n'
        + FUND
        + "portfolio_size = { low = 300 }\n"
    )

    assert [
        Estimate.exact(400),
        Estimate.exact(400, status=Status.REPORTED, sources=eco.sources),
        Estimate(300, None, None, Status.ESTIMATED),
    ] == [fact.portfolio_size for fact in eco.funds]


class TestSchema:
    def test_published_schema_is_current(self) -> None:
        """docs/schema/ecosystem.schema.json is what json_schema() generates."""
        assert json_schema() == json.loads(SCHEMA.read_text(encoding="utf-8"))

    def test_dumped_files_validate(self) -> None:
        """A dumped knowledge base validates against the schema."""
        jsonschema = pytest.importorskip("jsonschema")
        document = json.loads(aiecosys.dumps(aiecosys.load(SMALL), format="json"))

        jsonschema.validate(document, json_schema())

    def test_schema_rejects_a_typo(self) -> None:
        """The schema catches a misspelt field, as the loader does."""
        jsonschema = pytest.importorskip("jsonschema")
        document = {
            "organisations": [
                {"name": "Kyutai", "kind": "non-profit-lab", "founder": []}
            ]
        }

        with pytest.raises(jsonschema.ValidationError, match="founder"):
            jsonschema.validate(document, json_schema())


class TestDocumentRules:
    ROUND = (
        '{"sources": {"s": {"title": "A source"}}, "organisations": [{"name": '
        '"Mistral AI", "kind": "company", "sources": ["s"]}], "rounds": [{'
        '"organisation": "Mistral AI", "announced": "2023-06", "kind": "seed", '
        '"amount": "5 EUR", "amount": "500000000 EUR", "sources": ["s"]}]}'
    )

    def test_a_json_key_written_twice_is_refused(self) -> None:
        """A key given twice in one JSON object names the key, file and entry."""
        with pytest.raises(DataError) as caught:
            aiecosys.loads(self.ROUND, format="json", file="kb.json")

        (problem,) = caught.value.problems
        assert (problem.file, problem.entry, problem.field) == (
            "kb.json",
            "rounds[0]: Mistral AI, 2023-06",
            "amount",
        )
        assert "'amount' is written twice" in problem.message

    def test_a_top_level_key_written_twice_is_refused(self) -> None:
        """A second top-level array would silently replace the first."""
        text = '{"organisations": [], "organisations": []}'

        with pytest.raises(DataError, match="'organisations' is written twice"):
            aiecosys.loads(text, format="json")

    def test_a_key_written_twice_in_a_source(self) -> None:
        """The problem names the source's key as the entry."""
        text = '{"sources": {"s": {"title": "a", "title": "b"}}}'

        with pytest.raises(DataError) as caught:
            aiecosys.loads(text, format="json")

        assert ("sources.s", "title") == (
            caught.value.problems[0].entry,
            caught.value.problems[0].field,
        )

    @pytest.mark.parametrize("version", ["true", "1.0", '"1"'])
    @pytest.mark.parametrize(
        "load",
        [
            aiecosys.loads,
            lambda text: aiecosys.loads_claims(text, Ecosystem()),
        ],
        ids=["knowledge base", "claims"],
    )
    def test_format_version_is_the_whole_number_one(
        self, load: Any, version: str
    ) -> None:
        """Every document kind refuses a format_version that is not a whole number."""
        with pytest.raises(DataError, match=r"format_version .* is not a version"):
            load(f"format_version = {version}\n")

    def test_an_estimates_sources_are_a_list(self) -> None:
        """One string is not read as a list of one-letter keys."""
        text = (
            '[sources.s]\ntitle = "S"\n[sources.t]\ntitle = "T"\n'
            + FUND
            + 'portfolio_size = { value = 4, sources = "st" }\n'
        )

        with pytest.raises(DataError, match="expected a list of source keys") as caught:
            aiecosys.loads(HEAD.replace('[sources.s]\ntitle = "A source"\n', "") + text)

        assert "portfolio_size" in {p.field for p in caught.value.problems}


class TestProperties:
    @settings(max_examples=100, deadline=None)
    @given(ecosystems(), st.sampled_from(["toml", "json"]))
    def test_what_dumps_writes_loads_reads_back(
        self,
        eco: Ecosystem,
        format: str,  # noqa: A002
    ) -> None:
        """Any knowledge base comes back equal through TOML and JSON."""
        assert eco == aiecosys.loads(
            aiecosys.dumps(eco, format=format),  # type: ignore[arg-type]
            format=format,  # type: ignore[arg-type]
        )


def test_dump_refuses_text_utf8_cannot_write(tmp_path: Path) -> None:
    """A lone surrogate in a name is a DataError, and no file is left half written."""
    from aiecosys import Organisation, Source

    eco = Ecosystem(
        organisations=(
            Organisation("X\ud800", "company", sources=(Source("s", title="S"),)),
        )
    )
    path = tmp_path / "kb.toml"

    with pytest.raises(DataError, match="lone surrogate"):
        aiecosys.dump(eco, path)

    assert not path.exists()


def test_source_problems_name_their_field_whatever_was_read_before() -> None:
    """Writing a file before reading one leaves source problems located."""
    from aiecosys._files import _converter

    _converter.cache_clear()
    aiecosys.dumps(Ecosystem())  # builds the detailed converter first
    aiecosys.loads("")  # then the fast one

    with pytest.raises(DataError) as caught:
        aiecosys.loads("[sources.s]\ntitle = 5\n")

    assert ("sources.s", "title") == (
        caught.value.problems[0].entry,
        caught.value.problems[0].field,
    )


# -- what people write ------------------------------------------------------------


def _round(amount: str, *, head: str = "") -> str:
    return (
        head
        + HEAD
        + '\n[[rounds]]\norganisation = "Mistral AI"\nannounced = "2023-06"\n'
        + f'kind = "seed"\nsources = ["s"]\namount = "{amount}"\n'
    )


def _model(field: str, value: str) -> str:
    return HEAD + f'\n[[models]]\nname = "M"\nsources = ["s"]\n{field} = "{value}"\n'


class TestWhatPeopleWrite:
    @pytest.mark.parametrize(
        ("written", "canonical"),
        [
            ("€385M", "385000000 EUR"),
            ("$415 million", "415000000 USD"),
            ("385 millions d'euros", "385000000 EUR"),
            ("1,5 milliard de dollars", "1500000000 USD"),
            ("385 million EUR", "385000000 EUR"),
            ("385,000,000 EUR", "385000000 EUR"),
        ],
    )
    def test_amounts(self, written: str, canonical: str) -> None:
        """An amount reads as Money.parse reads it, equal to the canonical form."""
        amount = aiecosys.loads(_round(written)).rounds[0].amount
        assert aiecosys.loads(_round(canonical)).rounds[0].amount == amount

    @pytest.mark.parametrize(
        ("field", "written", "canonical"),
        [
            ("parameters", "34B", "34000000000 parameter"),
            ("parameters", "34 B", "34000000000 parameter"),
            ("parameters", "1.8T parameters", "1800000000000 parameter"),
            ("parameters", "7000000000", "7000000000 parameter"),
            ("training_tokens", "3T", "3000000000000 token"),
            ("training_tokens", "3 trillion tokens", "3000000000000 token"),
            ("training_compute", "2.1e25", "21000000000000000000000000 FLOP"),
        ],
    )
    def test_sizes_in_the_unit_of_their_field(
        self, field: str, written: str, canonical: str
    ) -> None:
        """A count with no unit is read in its field's unit ("34B" parameters)."""
        model = aiecosys.loads(_model(field, written)).models[0]
        expected = aiecosys.loads(_model(field, canonical)).models[0]
        assert getattr(expected, field) == getattr(model, field)

    def test_a_count_with_no_unit_is_refused_where_no_unit_is_expected(self) -> None:
        """Outside a field of one unit, "34B" says nothing of what is counted."""
        from aiecosys._files import _quantity

        with pytest.raises(aiecosys.ParseError, match="write a number and its unit"):
            _quantity("34B")

    @pytest.mark.parametrize(
        ("written", "canonical"),
        [("juin 2023", "2023-06"), ("13 June 2023", "2023-06-13")],
    )
    def test_dates(self, written: str, canonical: str) -> None:
        """A month in words reads as its ISO form."""
        text = _round("1 EUR").replace('announced = "2023-06"', "announced = '{}'")
        assert aiecosys.loads(text.format(canonical)) == aiecosys.loads(
            text.format(written)
        )

    @pytest.mark.parametrize(
        ("written", "low", "high", "best", "status"),
        [
            (
                "between 250,000,000 EUR and 300,000,000 EUR (estimated)",
                "250000000",
                "300000000",
                None,
                Status.ESTIMATED,
            ),
            (
                "between €250M and €300M, most likely €280M (rumoured)",
                "250000000",
                "300000000",
                "280000000",
                Status.RUMOURED,
            ),
            ("at least 1,234 EUR", "1234", None, None, Status.ESTIMATED),
            ("at most 5 EUR (reported)", None, "5", None, Status.REPORTED),
            ("unknown (undisclosed)", None, None, None, Status.UNDISCLOSED),
            ("385,000,000 EUR (reported)", "385000000", "385000000", None, None),
        ],
    )
    def test_estimates_as_str_prints_them(
        self,
        written: str,
        low: str | None,
        high: str | None,
        best: str | None,
        status: Status | None,
    ) -> None:
        """An estimate reads as str() prints it, digits grouped in English."""
        amount = aiecosys.loads(_round(written)).rounds[0].amount
        money = [None if v is None else aiecosys.Money(v, "EUR") for v in (low, high)]
        assert money == [amount.low, amount.high]
        if best is not None:
            assert aiecosys.Money(best, "EUR") == amount.best
        assert (status or Status.REPORTED) is amount.status
        assert amount == aiecosys.loads(_round(str(amount))).rounds[0].amount

    @pytest.mark.parametrize(
        ("written", "says"),
        [
            ("385.000 €", "'385.000' could be 385,000"),
            ("$1,200", "'1,200' could be 1,200"),
            ("34B", "no currency found"),
        ],
    )
    def test_ambiguous_text_is_refused_with_file_entry_and_field(
        self, written: str, says: str
    ) -> None:
        """Text with two readings is refused, naming the file, entry and field."""
        with pytest.raises(DataError) as caught:
            aiecosys.loads(_round(written), file="kb.toml")
        (problem,) = caught.value.problems
        assert ("kb.toml", "rounds[0]: Mistral AI, 2023-06", "amount") == (
            problem.file,
            problem.entry,
            problem.field,
        )
        assert says in problem.message

    def test_a_file_locale_settles_the_decimal_mark(self) -> None:
        """locale = "fr" makes the comma of "1,250 M€" decimal; "en" makes it group."""
        head = 'locale = "fr"\n'
        amount = aiecosys.loads(_round("1,250 M€", head=head)).rounds[0].amount
        assert aiecosys.Money("1250000", "EUR") == amount.low
        english = aiecosys.loads(_round("1,250 M€", head='locale = "en"\n'))
        assert aiecosys.Money("1250000000", "EUR") == english.rounds[0].amount.low

    @pytest.mark.parametrize(
        ("locale", "written", "amount"),
        [("fr", "1.500 EUR", "1500"), ("en", "1.500 EUR", "1.500")],
    )
    def test_a_file_locale_reads_the_plain_form_too(
        self, locale: str, written: str, amount: str
    ) -> None:
        """Under locale = "fr" a dot groups thousands even in "1.500 EUR"."""
        text = _round(written, head=f'locale = "{locale}"\n')
        assert (
            aiecosys.Money(amount, "EUR") == aiecosys.loads(text).rounds[0].amount.low
        )

    def test_texts_kept_without_a_locale_do_not_serve_a_file_with_one(self) -> None:
        """ "1.500 EUR" read first without a locale still reads 1500 under "fr"."""
        plain = aiecosys.loads(_round("1.500 EUR")).rounds[0].amount.low
        french = _round("1.500 EUR", head='locale = "fr"\n')
        assert (aiecosys.Money("1.500", "EUR"), aiecosys.Money("1500", "EUR")) == (
            plain,
            aiecosys.loads(french).rounds[0].amount.low,
        )

    def test_a_locale_that_is_not_text_is_refused(self) -> None:
        """locale = 5 is a problem of the field 'locale'."""
        with pytest.raises(DataError) as caught:
            aiecosys.loads(_round("1 EUR", head="locale = 5\n"), file="kb.toml")
        assert ["locale"] == [problem.field for problem in caught.value.problems]

    def test_results_do_not_depend_on_the_decimal_context(self) -> None:
        """With a 3-digit decimal context the human forms read the same."""
        import decimal

        text = _round("1,5 milliard de dollars")
        expected = aiecosys.loads(text)
        with decimal.localcontext() as context:
            context.prec = 3
            assert expected == aiecosys.loads(text)


class TestHumanFormProperties:
    @settings(max_examples=100, deadline=None)
    @given(
        st.integers(1, 10**6),
        st.sampled_from(
            [
                ("€{}M", 6, "EUR"),
                ("${} million", 6, "USD"),
                ("{} millions d'euros", 6, "EUR"),
                ("{} milliards de dollars", 9, "USD"),
                ("{}bn EUR", 9, "EUR"),
                ("{}k USD", 3, "USD"),
            ]
        ),
    )
    def test_human_amounts_equal_canonical_ones(
        self, number: int, form: tuple[str, int, str]
    ) -> None:
        """Any whole number in a human form gives the canonical amount."""
        pattern, power, currency = form
        written = pattern.format(number)
        canonical = f"{number * 10**power} {currency}"
        assert aiecosys.loads(_round(canonical)) == aiecosys.loads(_round(written))

    @settings(max_examples=50, deadline=None)
    @given(ecosystems())
    def test_what_str_prints_of_estimates_reads_back(self, eco: Ecosystem) -> None:
        """Each round's amount, written as str() prints it, reads back alike."""
        for round_ in eco.rounds:
            printed = str(round_.amount)
            read = aiecosys.loads(_round(printed)).rounds[0].amount
            assert printed == str(read)
            assert (round_.amount.low, round_.amount.high) == (read.low, read.high)


@pytest.mark.parametrize("form", ["toml", "json"])
def test_nesting_is_refused_one_level_past_the_limit_in_any_branch(
    form: Literal["toml", "json"],
) -> None:
    """32 levels of containers are read; 33, even in one late branch, are refused."""
    from aiecosys._files import MAX_DEPTH, parse_document

    def nested(levels: int) -> str:  # the document itself is the first level
        return "[" * (levels - 1) + "]" * (levels - 1)

    def text(levels: int) -> str:
        if form == "toml":
            return f"a = [1, [2]]\nz = {nested(levels)}\n"
        return f'{{"a": [1, {{"b": 2}}], "z": {nested(levels)}}}'

    assert parse_document(text(MAX_DEPTH), format=form, file="kb")
    with pytest.raises(DataError, match=f"nested more than {MAX_DEPTH} levels"):
        parse_document(text(MAX_DEPTH + 1), format=form, file="kb")


def test_repeated_texts_read_alike_and_bad_ones_are_refused_each_time() -> None:
    """A text read once and kept gives equal values; a bad text fails on every entry."""
    fund = FUND.replace('as_of = "2024"', 'as_of = "{day}"') + "{field}\n"
    good = "".join(
        fund.format(day=day, field='assets_under_management = "3000000000 USD"')
        for day in ("2024-03", "2024-03", "2024-04", "2024-03")
    )
    eco = aiecosys.loads(HEAD + good)
    assert 1 == len({fact.assets_under_management for fact in eco.funds})
    assert ["2024-03", "2024-03", "2024-04", "2024-03"] == [
        str(fact.as_of) for fact in eco.funds
    ]
    long_amount = "3000000000" + " " * 100 + "USD"
    assert (
        aiecosys.loads(
            HEAD
            + fund.format(
                day="2024", field=f'assets_under_management = "{long_amount}"'
            )
        )
        .funds[0]
        .assets_under_management
        == eco.funds[0].assets_under_management
    )

    bad = "".join(
        fund.format(day=day, field='assets_under_management = "lots USD"')
        for day in ("2024-13", "2024-13")
    )
    with pytest.raises(DataError) as caught:
        aiecosys.loads(HEAD + bad)
    fields = [problem.field for problem in caught.value.problems]
    assert 2 == fields.count("as_of.month")
    assert 2 == fields.count("assets_under_management")


ROOT = Path(__file__).parent.parent
HOSTILE_FILES = Path(__file__).parent / "hostile" / "data" / "files.json"


def _toml_texts() -> list[Any]:
    """Every TOML file of the project and every TOML case of the hostile corpus."""
    texts = [
        pytest.param(path.read_text(encoding="utf-8"), id=str(path.relative_to(ROOT)))
        for folder in ("src", "examples", "tests")
        for path in sorted((ROOT / folder).rglob("*.toml"))
    ]
    corpus = json.loads(HOSTILE_FILES.read_text(encoding="utf-8"))
    texts.extend(
        pytest.param(case["input"], id=f"{group}:{case['id']}")
        for group, cases in corpus.items()
        for case in cases
        if case.get("format") == "toml"
    )
    return texts


def _same(left: object, right: object) -> bool:
    """Equal values of the same types all the way down (NaN equal to NaN)."""
    if type(left) is not type(right):
        return False
    if isinstance(left, dict) and isinstance(right, dict):
        return list(left) == list(right) and all(
            _same(value, right[key]) for key, value in left.items()
        )
    if isinstance(left, list) and isinstance(right, list):
        return len(left) == len(right) and all(map(_same, left, right))
    if isinstance(left, float) and isinstance(right, float) and left != left:  # noqa: PLR0124
        return right != right  # noqa: PLR0124
    return left == right


def _outcome(read: Callable[[str], dict[str, Any]], text: str) -> object:
    """The table that *read* makes of *text*, or "refused"."""
    try:
        return read(text)
    except (ValueError, RecursionError):
        return "refused"


@pytest.mark.parametrize("text", _toml_texts())
def test_both_toml_readers_give_the_same_document(text: str) -> None:
    """rtoml and tomllib read every project and hostile TOML text alike."""
    assert _same(_outcome(rtoml.loads, text), _outcome(tomllib.loads, text))


@pytest.mark.parametrize(
    "text",
    [
        "a = 99999999999999999999",
        "a = -9223372036854775808",
        "a = 0.1\nb = 1e-3\nc = nan\nd = -inf",
        "a = 1979-05-27T07:32:00.999999-08:00\nb = 1979-05-27\nc = 07:32:00",
        'a = "\\u00e9\\U0001F600"\nb = """\nx\\\n  y"""',
        "a.b.c = 1\na.b.d = 2\n[[t]]\nx = 1\n[[t]]\nx = 2",
        "a = " + "[" * 40 + "]" * 40,
        "a = " + "{b = " * 40 + "1" + "}" * 40,
    ],
)
def test_read_toml_gives_the_standard_librarys_document(text: str) -> None:
    """Numbers, dates, strings, tables and nesting are read as tomllib reads them."""
    assert _same(_files.read_toml(text), _outcome(tomllib.loads, text))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a = 1\na = 2", "Cannot overwrite a value (at end of document)"),
        ("[t]\na = 1\n[t]\nb = 2", "Cannot declare ('t',) twice (at line 3, column 3)"),
        ('a = "\x01"', "Illegal character '\\x01' (at line 1, column 6)"),
        (
            "a = 01",
            (
                "Expected newline or end of document after a statement"
                " (at line 1, column 6)"
            ),
        ),
        ("\ufeffa = 1", "Invalid statement (at line 1, column 1)"),
    ],
)
def test_toml_errors_are_worded_by_the_standard_library(
    text: str, message: str
) -> None:
    """A text that is not TOML is refused with tomllib's line and column."""
    with pytest.raises(DataError) as caught:
        aiecosys.loads(text)
    assert str(caught.value.problems[0]) == f"not valid TOML: {message}"


def test_a_float_beyond_rtoml_is_read_as_the_standard_library_reads_it() -> None:
    """A float too large for rtoml is read by tomllib, as infinity."""
    assert _files.read_toml("a = 1e400") == {"a": float("inf")}


SAME_MISTAKES = {
    "bare float": ("published = 2023.5\n", "published"),
    "format_version true": ("", "format_version"),
    "unknown key": ('titel = "Typo"\n', "titel"),
    "text of another type": ("", "title"),
    "bad date": ('accessed = "2024-13-01"\n', "accessed"),
}
"""Each mistake, as a source's fields, and the field its problem names."""


def _source_table(mistake: str) -> str:
    """A source table, with the mistake in it (or in the document's head)."""
    head = "format_version = true\n" if mistake == "format_version true" else ""
    title = "title = 5\n" if mistake == "text of another type" else 'title = "A"\n'
    return f"{head}[sources.s]\n{title}{SAME_MISTAKES[mistake][0]}"


_CLAIM = """
[[claims]]
id = "c1"
quote = "fondé en 2023"
restatement = "Kyutai was founded in 2023."
source = "s"
check = { kind = "date", event = { of = "Kyutai", field = "founded" }, within = "2023" }
"""
_ORGANISATION = """
[[organisations]]
name = "Kyutai"
kind = "non-profit-lab"
founded = "2023-11"
sources = ["s"]
"""


def _messages(error: DataError) -> list[tuple[str | None, str]]:
    return [(problem.field, problem.message) for problem in error.problems]


@pytest.mark.parametrize("mistake", SAME_MISTAKES)
def test_the_same_mistake_gets_the_same_message_in_every_file(
    tmp_path: Path, mistake: str
) -> None:
    """A knowledge base, a claims file and a combined file word a mistake alike."""
    text = _source_table(mistake)
    combined = tmp_path / "both.toml"
    combined.write_text(text + _ORGANISATION + _CLAIM, encoding="utf-8")

    with pytest.raises(DataError) as knowledge_base:
        aiecosys.loads(text + _ORGANISATION)
    with pytest.raises(DataError) as claims:
        aiecosys.loads_claims(text + _CLAIM, aiecosys.load_article().ecosystem)
    with pytest.raises(DataError) as both:
        aiecosys.load_with_claims(combined)

    # The source's own problem, then the entry citing it: an organisation's
    # sources[0] or a claim's source.
    found = [_messages(e.value) for e in (knowledge_base, claims, both)]
    assert found[0][:1] == found[1][:1] == found[2][:1]
    assert SAME_MISTAKES[mistake][1] == found[0][0][0]
    assert (
        [m for _, m in found[0]] == [m for _, m in found[1]] == [m for _, m in found[2]]
    )


ENTRY_MISTAKES = {
    "bare float": ("founded = 2023.5", "until = 2023.5"),
    "text of another type": ("description = 5", "note = 5"),
}
"""Each mistake in a knowledge base's entity, and in a claim."""


@pytest.mark.parametrize("mistake", ENTRY_MISTAKES)
def test_the_same_mistake_in_an_entry_gets_the_same_message(mistake: str) -> None:
    """An entity of a knowledge base and a claim's check word a mistake alike."""
    in_entity, in_claim = ENTRY_MISTAKES[mistake]
    entity = _ORGANISATION.replace('founded = "2023-11"', in_entity)
    claim = (
        _CLAIM.replace('restatement = "', f'{in_claim}\nrestatement = "')
        if in_claim.startswith("note")
        else _CLAIM.replace(
            'check = { kind = "date", event = { of = "Kyutai", field = "founded" }, '
            'within = "2023" }',
            'check = { kind = "membership", members = ["Kyutai"], group = "BATX", '
            f"{in_claim} }}",
        )
    )

    with pytest.raises(DataError) as knowledge_base:
        aiecosys.loads('[sources.s]\ntitle = "A"\n' + entity)
    with pytest.raises(DataError) as claims:
        aiecosys.loads_claims(
            '[sources.s]\ntitle = "A"\n' + claim, aiecosys.load_article().ecosystem
        )

    ((_, message),) = _messages(knowledge_base.value)
    assert [message] == [message for _, message in _messages(claims.value)]
