"""The Ecosystem Graphs importer: sizes, dates, values, relations, hostile YAML."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import aiecosys
from aiecosys import AiecosysError, DataError, Openness, PartialDate, parameters
from aiecosys.importers import ImportResult, Relation, ecosystem_graphs


pytest.importorskip("yaml")

DATA = Path(__file__).parent / "data" / "ecosystem_graphs"


@pytest.fixture(scope="module")
def result() -> ImportResult:
    return ecosystem_graphs.load(DATA)


def test_every_asset_is_accounted_for(result: ImportResult) -> None:
    """Every asset is accepted or rejected, and unread fields are named."""
    report = result.report
    assert (11, 6, 5) == (report.rows_read, report.rows_accepted, report.rows_rejected)
    assert ("quality_control",) == report.ignored_columns


def test_sizes_are_read_with_aiecosys_parsers(result: ImportResult) -> None:
    """Sizes such as 34B and 46.7B (12.9B active) are read exactly; none is unknown."""
    eco = result.ecosystem
    assert parameters("34B") == eco.model("Yi-34B").parameters.low
    mixtral = eco.model("Mixtral 8x7B")
    assert parameters("46.7B") == mixtral.parameters.low
    assert mixtral.active_parameters is not None
    assert parameters("12.9B") == mixtral.active_parameters.low
    assert eco.model("Mistral Large").parameters.is_unknown


def test_a_value_with_an_explanation_is_unwrapped(result: ImportResult) -> None:
    """A value given with an explanation is read, the explanation kept as a note."""
    chat = result.ecosystem.model("Yi-34B-Chat")
    assert PartialDate(2023, 11, 23) == chat.released
    assert "Fine-tuned from Yi-34B." == chat.parameters.note
    assert ("Mistral AI",) == result.ecosystem.model("Mistral 7B").developers


def test_dates_as_yaml_dates_strings_and_years(result: ImportResult) -> None:
    """Dates are read from YAML dates, text and bare years."""
    eco = result.ecosystem
    assert PartialDate(2023, 11, 2) == eco.model("Yi-34B").released
    assert PartialDate(2023, 12, 11) == eco.model("Mixtral 8x7B").released
    assert PartialDate(2023) == eco.model("Mistral 7B").released
    assert PartialDate(2024, 2) == eco.model("Mistral Large").released


def test_access_becomes_openness(result: ImportResult) -> None:
    """Open and limited access become openness; closed access stays unset."""
    eco = result.ecosystem
    assert Openness.OPEN_WEIGHTS is eco.model("Yi-34B").openness
    assert Openness.API_ONLY is eco.model("Mistral Large").openness
    assert eco.model("Closed Thing").openness is None


def test_bad_fields_are_reported(result: ImportResult) -> None:
    """Each bad field of an asset is reported by its file, row and column."""
    columns = {
        entry.column
        for entry in result.report.entries
        if entry.file == "mistral.yaml" and entry.row == 4
    }
    assert {"size", "created_date", "access", "url", "organization"} == columns


def test_datasets_and_applications_are_rejected_with_a_reason(
    result: ImportResult,
) -> None:
    """Dataset and application assets are rejected, saying which kind they are."""
    reasons = [entry.reason for entry in result.report.rejected]
    assert any(reason.startswith("a dataset asset") for reason in reasons)
    assert any(reason.startswith("a application asset") for reason in reasons)


def test_dependencies_are_relations_and_unresolved_ones_reported(
    result: ImportResult,
) -> None:
    """Dependencies become relations; one naming no known asset is reported."""
    assert Relation("Yi-34B-Chat", "Yi-34B") in result.relations
    assert Relation("Mixtral 8x7B", "Web crawl") in result.relations
    (entry,) = result.report.about("dependencies")
    assert "An unlisted dataset" == entry.value


def test_one_file_can_be_read(result: ImportResult) -> None:
    """A single YAML file is read as well as a folder."""
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
    """A mapping, invalid YAML or deep nesting is refused with a DataError."""
    (tmp_path / "bad.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match=message):
        ecosystem_graphs.load(tmp_path)


def test_an_empty_folder_is_a_data_error(tmp_path: Path) -> None:
    """A folder without a YAML file is refused, naming the extensions read."""
    with pytest.raises(DataError, match=r"no \.yaml or \.yml file"):
        ecosystem_graphs.load(tmp_path)


def test_an_empty_file_has_no_asset(tmp_path: Path) -> None:
    """An empty YAML file holds no asset."""
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
    """Any generated assets are read or refused with an aiecosys error only."""
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
    """A mutated asset file is read or refused with an aiecosys error only."""
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


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """An assets folder inside a clone, with a secret file beside the clone."""
    assets = tmp_path / "clone" / "assets"
    assets.mkdir(parents=True)
    (tmp_path / ".netrc").write_text(
        "machine example.org\n  password: hunter2: [\n", encoding="utf-8"
    )
    return assets


ASSET = "- type: model\n  name: {name}\n  organization: {organisation}\n"


def test_anchors_and_aliases_are_refused(folder: Path) -> None:
    """A few lines of nested aliases are refused, not expanded."""
    (folder / "laughs.yaml").write_text(
        'a: &a ["lol", "lol"]\nb: &b [*a, *a]\nc: [*b, *b]\n', encoding="utf-8"
    )

    with pytest.raises(DataError, match=r"an anchor \(&\) at line 1") as caught:
        ecosystem_graphs.load(folder)

    assert len(str(caught.value)) < 300


def test_bad_yaml_values_are_reported_per_asset_and_field(folder: Path) -> None:
    """An impossible date or a bad number leaves the rest of the asset read."""
    (folder / "a.yaml").write_text(
        ASSET.format(name="Foo", organisation="Bar")
        + "  created_date: 2023-02-30\n  size: !!float abc\n  access: open\n",
        encoding="utf-8",
    )

    result = ecosystem_graphs.load(folder)

    assert Openness.OPEN_WEIGHTS is result.ecosystem.model("Foo").openness
    found = {(e.row, e.column, e.value) for e in result.report.entries}
    assert {(1, "created_date", "2023-02-30"), (1, "size", "abc")} <= found


def test_a_link_out_of_the_folder_is_refused_unread(folder: Path) -> None:
    """A link out of the folder is named, and its content never shown."""
    (folder / "secret.yaml").symlink_to(folder.parent.parent / ".netrc")
    (folder / "more").symlink_to(folder.parent.parent, target_is_directory=True)
    (folder / "again").symlink_to(folder, target_is_directory=True)

    with pytest.raises(DataError, match="outside the folder") as caught:
        ecosystem_graphs.load(folder)

    assert "hunter2" not in str(caught.value)
    assert ["more", "secret.yaml"] == [p.file for p in caught.value.problems]


def test_a_yaml_error_does_not_echo_the_file(folder: Path) -> None:
    """The error says where the file is wrong, without quoting its lines."""
    (folder / "bad.yaml").write_text(
        "machine example.org\n  password: hunter2: [\n", encoding="utf-8"
    )

    with pytest.raises(DataError, match="not valid YAML at line") as caught:
        ecosystem_graphs.load(folder)

    assert "hunter2" not in str(caught.value)


def test_yml_files_are_read_and_each_url_has_its_own_source_key(folder: Path) -> None:
    """.yml files count, and paths that sanitise alike still get distinct keys."""
    (folder / "a").mkdir()
    for path, name in [("a/b.yaml", "One"), ("a-b.yaml", "Two"), ("a-b.yml", "Three")]:
        (folder / path).write_text(
            ASSET.format(name=name, organisation="Org")
            + f"  url: https://example.org/{name}\n",
            encoding="utf-8",
        )

    result = ecosystem_graphs.load(folder)

    assert 3 == len(result.ecosystem.models)
    keys = [source.key for source in result.ecosystem.sources]
    assert len(keys) == len(set(keys)) == 4
    again = aiecosys.loads(aiecosys.dumps(result.ecosystem))
    assert result.ecosystem == again


def test_look_alike_names_are_rejected_and_invisible_ones_cleaned(
    folder: Path,
) -> None:
    """Cyrillic look-alikes are rejected with a reason; zero-width spaces dropped."""
    (folder / "a.yaml").write_text(
        ASSET.format(name="Llama", organisation="Meta")
        + ASSET.format(name="Other", organisation="МЕТА")
        + ASSET.format(name="Mistrаl 7B", organisation="Mistral AI")
        + ASSET.format(name="'Yi\u200b'", organisation="01.AI"),
        encoding="utf-8",
    )

    result = ecosystem_graphs.load(folder)

    reasons = [entry.reason for entry in result.report.rejected]
    assert any("looks like 'Meta'" in reason for reason in reasons)
    assert any("not spelled in one script" in reason for reason in reasons)
    assert ["Llama", "Yi"] == [model.name for model in result.ecosystem.models]
