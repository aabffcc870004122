"""Knowledge-base files: TOML and JSON, round trips, bad files, the schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import aiecosys
from aiecosys import DataError, Ecosystem, Estimate, Status, json_schema
from tests.strategies import ecosystems


DATA = Path(__file__).parent / "data"
SMALL = DATA / "small.toml"
SCHEMA = Path(__file__).parent.parent / "docs" / "schema" / "ecosystem.schema.json"

HEAD = """
[sources.s]
title = "A source"

[[organisations]]
name = "Mistral AI"
kind = "company"
founded = "2023-04"
sources = ["s"]

[[people]]
name = "Xavier Niel"
sources = ["s"]
"""


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
        None,
        "unknown field(s): founder (check the spelling)",
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
founded = "November 2023"
sources = ["s"]
""",
        "organisations[1]: Kyutai",
        "founded",
        (
            "cannot read 'November 2023' as a date; write 'YYYY', 'YYYY-MM' "
            "or 'YYYY-MM-DD', for example '2009', '2023-06' or '2023-12-11'"
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
        ("organisations[2]: Kyutai Lab", None),
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


FUND = '[[funds]]\norganisation = "Mistral AI"\nas_of = "2024"\nsources = ["s"]\n'


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
        """Every document kind refuses a format_version that is not 1 itself."""
        with pytest.raises(DataError, match=r"format_version .* is not 1"):
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
