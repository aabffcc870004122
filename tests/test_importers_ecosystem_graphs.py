"""The Ecosystem Graphs importer: sizes, dates, values, relations, hostile YAML."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aiecosys import AiecosysError, DataError, Openness, PartialDate, parameters
from aiecosys.importers import ImportResult, Relation, ecosystem_graphs


pytest.importorskip("yaml")

DATA = Path(__file__).parent / "data" / "ecosystem_graphs"


@pytest.fixture(scope="module")
def result() -> ImportResult:
    return ecosystem_graphs.load(DATA)


def test_every_asset_is_accounted_for(result: ImportResult) -> None:
    report = result.report
    assert (11, 6, 5) == (report.rows_read, report.rows_accepted, report.rows_rejected)
    assert ("quality_control",) == report.ignored_columns


def test_sizes_are_read_with_aiecosys_parsers(result: ImportResult) -> None:
    eco = result.ecosystem
    assert parameters("34B") == eco.model("Yi-34B").parameters.low
    mixtral = eco.model("Mixtral 8x7B")
    assert parameters("46.7B") == mixtral.parameters.low
    assert mixtral.active_parameters is not None
    assert parameters("12.9B") == mixtral.active_parameters.low
    assert eco.model("Mistral Large").parameters.is_unknown


def test_a_value_with_an_explanation_is_unwrapped(result: ImportResult) -> None:
    chat = result.ecosystem.model("Yi-34B-Chat")
    assert PartialDate(2023, 11, 23) == chat.released
    assert "Fine-tuned from Yi-34B." == chat.parameters.note
    assert ("Mistral AI",) == result.ecosystem.model("Mistral 7B").developers


def test_dates_as_yaml_dates_strings_and_years(result: ImportResult) -> None:
    eco = result.ecosystem
    assert PartialDate(2023, 11, 2) == eco.model("Yi-34B").released
    assert PartialDate(2023, 12, 11) == eco.model("Mixtral 8x7B").released
    assert PartialDate(2023) == eco.model("Mistral 7B").released
    assert PartialDate(2024, 2) == eco.model("Mistral Large").released


def test_access_becomes_openness(result: ImportResult) -> None:
    eco = result.ecosystem
    assert Openness.OPEN_WEIGHTS is eco.model("Yi-34B").openness
    assert Openness.API_ONLY is eco.model("Mistral Large").openness
    assert eco.model("Closed Thing").openness is None


def test_bad_fields_are_reported(result: ImportResult) -> None:
    columns = {
        entry.column
        for entry in result.report.entries
        if entry.file == "mistral.yaml" and entry.row == 4
    }
    assert {"size", "created_date", "access", "url", "organization"} == columns


def test_datasets_and_applications_are_rejected_with_a_reason(
    result: ImportResult,
) -> None:
    reasons = [entry.reason for entry in result.report.rejected]
    assert any(reason.startswith("a dataset asset") for reason in reasons)
    assert any(reason.startswith("a application asset") for reason in reasons)


def test_dependencies_are_relations_and_unresolved_ones_reported(
    result: ImportResult,
) -> None:
    assert Relation("Yi-34B-Chat", "Yi-34B") in result.relations
    assert Relation("Mixtral 8x7B", "Web crawl") in result.relations
    (entry,) = result.report.about("dependencies")
    assert "An unlisted dataset" == entry.value


def test_one_file_can_be_read(result: ImportResult) -> None:
    one = ecosystem_graphs.load(DATA / "01ai.yaml")
    assert 2 == one.report.rows_accepted


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: mapping\n", "expected a list"),
        ("- [unclosed\n", "not valid YAML at line 2"),
        ("[" * 5000 + "]" * 5000, "cannot read it"),
    ],
)
def test_files_that_are_not_lists_of_assets(
    tmp_path: Path, text: str, message: str
) -> None:
    (tmp_path / "bad.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match=message):
        ecosystem_graphs.load(tmp_path)


def test_an_empty_folder_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match=r"no \.yaml or \.yml file"):
        ecosystem_graphs.load(tmp_path)


def test_an_empty_file_has_no_asset(tmp_path: Path) -> None:
    (tmp_path / "empty.yaml").write_text("", encoding="utf-8")
    assert 0 == ecosystem_graphs.load(tmp_path).report.rows_read


_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3000, 3000),
    st.floats(allow_nan=True),
    st.text(max_size=12),
    st.sampled_from(
        ["model", "dataset", "7B parameters", "open", "2023-02-30", "unknown", "x; y"]
    ),
)
_values = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(["value", "explanation", "x"]), inner, max_size=2
        )
    ),
    max_leaves=8,
)
_assets = st.dictionaries(
    st.sampled_from(
        [
            "type",
            "name",
            "organization",
            "created_date",
            "size",
            "access",
            "license",
            "dependencies",
            "url",
            "other",
        ]
    ),
    _values,
    max_size=8,
)


@settings(max_examples=150, deadline=2000)
@given(st.lists(st.one_of(_assets, _values), max_size=6))
def test_generated_assets_raise_only_aiecosys_errors(
    tmp_path_factory: pytest.TempPathFactory, assets: list[object]
) -> None:
    import yaml

    folder = tmp_path_factory.mktemp("eg")
    (folder / "assets.yaml").write_text(yaml.safe_dump(assets), encoding="utf-8")
    try:
        found = ecosystem_graphs.load(folder)
    except AiecosysError:
        return
    report = found.report
    assert report.rows_accepted + report.rows_rejected == report.rows_read


@settings(max_examples=100, deadline=2000)
@given(st.data())
def test_mutated_files_raise_only_aiecosys_errors(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    text = (DATA / "mistral.yaml").read_text(encoding="utf-8")
    position = data.draw(st.integers(0, len(text)))
    length = data.draw(st.integers(0, 30))
    insert = data.draw(
        st.text(alphabet=st.sampled_from(list(":-[]{}&*!|>'\"\n #é9")), max_size=8)
    )
    folder = tmp_path_factory.mktemp("eg")
    (folder / "a.yaml").write_text(
        text[:position] + insert + text[position + length :], encoding="utf-8"
    )
    try:
        found = ecosystem_graphs.load(folder)
    except AiecosysError:
        return
    report = found.report
    assert report.rows_accepted + report.rows_rejected == report.rows_read
