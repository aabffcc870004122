"""The JSON Schemas of files: generated, published, and true to every example."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from aiecosys._schema import SCHEMAS, main


ROOT = Path(__file__).parent.parent
PUBLISHED = ROOT / "docs" / "schema"
EXAMPLES = sorted(
    [
        *ROOT.glob("examples/**/*.toml"),
        *ROOT.glob("examples/**/*.json"),
        *(ROOT / "src" / "aiecosys" / "data").glob("**/*.toml"),
        *(p for p in ROOT.glob("docs/**/*.toml")),
        *(p for p in ROOT.glob("docs/**/*.json") if p.parent != PUBLISHED),
    ]
)
_SCHEMA_LINE = re.compile(r"#:schema (\S+)\n")
_TOML_BLOCK = re.compile(r"^```toml[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)
_CLAIM = {"id": "c", "quote": "q", "restatement": "c", "source": "s"}

jsonschema = pytest.importorskip("jsonschema")


def _validator(name: str) -> Any:
    return jsonschema.Draft202012Validator(SCHEMAS[name]())


def _errors(document: dict[str, Any], name: str) -> list[str]:
    return [
        f"{list(error.absolute_path)}: {error.message}"
        for error in _validator(name).iter_errors(document)
    ]


def _schema_for(document: dict[str, Any]) -> str:
    """The schema a document is read with: it holds claims, facts, or both."""
    facts = set(document) & {"organisations", "people", "rounds", "funds", "models"}
    if "claims" in document or "opinions" in document:
        return "combined.schema.json" if facts else "claims.schema.json"
    return "ecosystem.schema.json"


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_published_schemas_are_current(name: str) -> None:
    """Each schema in docs/schema is what the code generates."""
    published = json.loads((PUBLISHED / name).read_text(encoding="utf-8"))
    assert SCHEMAS[name]() == published


def test_main_writes_every_schema(tmp_path: Path) -> None:
    """python -m aiecosys._schema FOLDER writes the current schemas into FOLDER."""
    assert 0 == main([str(tmp_path)])
    for name, schema in SCHEMAS.items():
        assert schema() == json.loads((tmp_path / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("argv", [[], ["a", "b"], ["no/such/folder"]])
def test_main_without_a_folder(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Without exactly one existing folder, the command prints its usage and fails."""
    assert 2 == main(argv)
    assert "usage: python -m aiecosys._schema FOLDER\n" == capsys.readouterr().err


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: str(p.relative_to(ROOT)))
def test_example_files_name_and_meet_their_schema(path: Path) -> None:
    """Every example file starts with a #:schema line, and meets that schema."""
    text = path.read_text(encoding="utf-8")
    line = _SCHEMA_LINE.match(text)
    assert line is not None, f"{path} has no '#:schema' first line"
    name = Path(line.group(1)).name
    if not path.is_relative_to(ROOT / "src" / "aiecosys" / "data" / "starter"):
        assert (path.parent / line.group(1)).resolve() == PUBLISHED / name
    document = tomllib.loads(text)
    assert [] == _errors(document, name)
    assert name == _schema_for(document) or name == "combined.schema.json"


def test_toml_examples_in_the_docs_meet_the_schemas() -> None:
    """Every complete TOML example in the documentation meets its file's schema."""
    checked = 0
    for page in sorted(ROOT.glob("docs/**/*.md")):
        for block in _TOML_BLOCK.findall(page.read_text(encoding="utf-8")):
            try:
                document = tomllib.loads(block)
            except tomllib.TOMLDecodeError:
                continue  # a fragment, such as a lone inline table
            if document.keys() == {"check"}:  # one claim's check, shown alone
                document = {"claims": [{**_CLAIM, **document}]}
            errors = _errors(document, _schema_for(document))
            assert [] == errors, page
            checked += 1
    assert checked > 0


def test_files_init_writes_meet_the_schemas_it_writes(tmp_path: Path) -> None:
    """The starter files and the schemas `aiecosys init` writes beside them agree."""
    from aiecosys._cli import main as cli

    assert 0 == cli(["init", str(tmp_path)])
    for toml in ("knowledge.toml", "claims.toml"):
        text = (tmp_path / toml).read_text(encoding="utf-8")
        line = _SCHEMA_LINE.match(text)
        assert line is not None
        schema = json.loads((tmp_path / line.group(1)).read_text(encoding="utf-8"))
        errors = jsonschema.Draft202012Validator(schema).iter_errors(
            tomllib.loads(text)
        )
        assert [] == [error.message for error in errors]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("amount", "€385M"),
        ("amount", "385 millions d'euros"),
        ("amount", "between 250,000,000 EUR and 300,000,000 EUR (estimated)"),
        ("announced", "June 2023"),
        ("announced", "8 décembre 2023"),
    ],
)
def test_human_forms_meet_the_schema(field: str, value: str) -> None:
    """What people write, and what the library prints, the schema accepts."""
    round_ = {"organisation": "A", "announced": "2023-06", "kind": "seed"}
    document = {"locale": "fr", "rounds": [{**round_, field: value}]}
    assert [] == _errors(document, "ecosystem.schema.json")


def test_a_count_with_no_unit_meets_the_schema() -> None:
    """'34B' in a parameters field meets the schema, as the loader reads it."""
    document = {"models": [{"name": "M", "parameters": "34B"}]}
    assert [] == _errors(document, "ecosystem.schema.json")


@pytest.mark.parametrize(
    ("check", "says"),
    [
        ({"kind": "guess", "of": "A"}, "is not valid under any of the given schemas"),
        ({"kind": "value", "stated": "5 EUR"}, "is not valid under any"),
        (
            {"kind": "attribute", "of": "A", "field": "kind", "one_of": ["x"], "y": 1},
            "is not valid under any",
        ),
    ],
)
def test_claims_schema_refuses_malformed_checks(
    check: dict[str, Any], says: str
) -> None:
    """An unknown kind, a missing field or an extra one fails the tagged union."""
    claim = {**_CLAIM, "check": check}
    errors = _errors({"claims": [claim]}, "claims.schema.json")
    assert len(errors) == 1
    assert says in errors[0]


def test_each_check_kind_is_one_branch_tagged_by_its_kind() -> None:
    """The claims schema has a branch per check kind, each requiring its 'kind'."""
    from aiecosys.claims import KINDS

    schema = SCHEMAS["claims.schema.json"]()
    branches = [
        schema["$defs"][ref["$ref"].rsplit("/", 1)[1]]
        for ref in schema["$defs"]["Check"]["oneOf"]
    ]
    assert list(KINDS) == [b["properties"]["kind"]["const"] for b in branches]
    assert all(b["required"][0] == "kind" for b in branches)
