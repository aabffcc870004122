"""The Epoch AI importer: layouts, messy values, the report, and hostile input."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aiecosys import AiecosysError, DataError, Openness, PartialDate, Status, parameters
from aiecosys.importers import ImportReport, ImportResult, epoch
from aiecosys.importers._report import read_count


DATA = Path(__file__).parent / "data" / "epoch"
SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "epoch-ai"
needs_shared = pytest.mark.skipif(
    not SHARED.is_dir(), reason=f"Epoch's CSV files are not in {SHARED}"
)

HEADER = "Model,Organization,Publication date,Parameters,Confidence"


def load_rows(*rows: str, header: str = HEADER) -> ImportResult:
    return epoch.loads("\n".join((header, *rows)) + "\n")


def accounted(report: ImportReport) -> bool:
    return report.rows_accepted + report.rows_rejected == report.rows_read


@pytest.fixture(scope="module")
def newer() -> ImportResult:
    return epoch.load(DATA / "newer.csv")


# -- layouts ------------------------------------------------------------------


def test_the_newer_layout_reads_and_accounts_for_every_row(newer: ImportResult) -> None:
    """The newer export: every row accepted or rejected, extra columns named."""
    report = newer.report
    assert (10, 8, 2) == (report.rows_read, report.rows_accepted, report.rows_rejected)
    assert "A column from the future" in report.ignored_columns
    assert "Domain" in report.ignored_columns


def test_the_older_layout_reads_its_country_column() -> None:
    """The older export's country column gives the organisation's country."""
    result = epoch.load(DATA / "older.csv")
    assert 3 == result.report.rows_accepted
    assert "FR" == result.ecosystem.organisation("Mistral AI").country
    assert "Frontier model" in result.report.ignored_columns


def test_the_oldest_exports_name_the_model_column_system() -> None:
    """A model column headed 'System', as in the oldest exports, is read."""
    result = load_rows(
        "Yi-34B,01.AI,2023-11-02,34000000000.0,Confident",
        header="System,Organization,Publication date,Parameters,Confidence",
    )
    assert "Yi-34B" == result.ecosystem.model("yi-34b").name


def test_a_missing_required_column_is_named() -> None:
    """A file without a required column is refused, naming the column."""
    with pytest.raises(DataError, match="'Parameters' is missing"):
        epoch.loads("Model,Organization,Publication date\nA,B,2023\n")


def test_headers_are_matched_whatever_their_case_and_spaces() -> None:
    """Headers are matched whatever their case and surrounding spaces."""
    result = load_rows(
        "Yi-34B,01.AI,2023-11-02,34000000000.0,Confident",
        header=" model ,ORGANIZATION,Publication Date,parameters,confidence",
    )
    assert 1 == result.report.rows_accepted


def test_an_empty_file_is_a_data_error(tmp_path: Path) -> None:
    """An empty file is refused with a DataError."""
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(DataError, match="empty"):
        epoch.load(empty)


def test_a_file_that_is_not_utf8_is_a_data_error(tmp_path: Path) -> None:
    """A file that is not UTF-8 is refused with a DataError saying so."""
    bad = tmp_path / "bad.csv"
    bad.write_bytes(HEADER.encode() + b"\n\xff\xfe,x,2023,1,\n")
    with pytest.raises(DataError, match="cannot decode"):
        epoch.load(bad)


def test_a_missing_file_is_a_data_error(tmp_path: Path) -> None:
    """A missing file is refused with a DataError saying it cannot be read."""
    with pytest.raises(DataError, match="cannot read the file"):
        epoch.load(tmp_path / "absent.csv")


# -- messy values ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("34000000000.0", 34_000_000_000),
        ("249000000.00000003", 249_000_000),
        ("1.557140125176e+18", 1_557_140_125_176_000_000),
        ("7", 7),
        ("0.5", Decimal("0.5")),
    ],
)
def test_numbers_written_as_floats_become_exact(text: str, expected: object) -> None:
    """Counts written as floats or in exponent form are read as exact numbers."""
    assert expected == read_count(text)


@pytest.mark.parametrize("text", ["lots", "1,000", "nan", "inf", "", "1e"])
def test_text_that_is_no_number_is_refused(text: str) -> None:
    """Words, separators, nan, inf and empty text are not read as counts."""
    with pytest.raises(ValueError, match="not a number"):
        read_count(text)


def test_float_counts_become_exact_parameter_counts(newer: ImportResult) -> None:
    """Parameter counts written as floats become exact parameter quantities."""
    eco = newer.ecosystem
    assert parameters("34B") == eco.model("Yi-34B").parameters.low
    assert parameters(249_000_000) == eco.model("Joint Speech Model").parameters.low


def test_a_blank_cell_is_an_unknown_estimate_not_zero(newer: ImportResult) -> None:
    """A blank parameter cell is an undisclosed, unknown estimate, not zero."""
    gpt4 = newer.ecosystem.model("GPT-4")
    assert gpt4.parameters.is_unknown
    assert Status.UNDISCLOSED is gpt4.parameters.status
    assert not newer.report.about("Parameters") or all(
        entry.row != 3 for entry in newer.report.about("Parameters")
    )


@pytest.mark.parametrize(
    ("label", "status"),
    [
        ("Confident", Status.REPORTED),
        ("Likely", Status.ESTIMATED),
        ("Speculative", Status.ESTIMATED),
        ("Unknown", Status.ESTIMATED),
        ("", Status.ESTIMATED),
        ("Unverified", Status.RUMOURED),
    ],
)
def test_confidence_labels_become_statuses(label: str, status: Status) -> None:
    """Each confidence label becomes a status, and the note keeps the label."""
    result = load_rows(f"M,O,2023,7000000000.0,{label}")
    estimate = result.ecosystem.model("M").parameters
    assert status is estimate.status
    assert estimate.note is not None
    assert (label or "none given") in estimate.note
    assert () == result.report.about("Confidence")


def test_a_row_epoch_marks_wrong_keeps_its_model_but_not_its_figures(
    newer: ImportResult,
) -> None:
    """A row marked wrong keeps its model but none of its figures, and says why."""
    model = newer.ecosystem.model("Filter Net")
    assert model.parameters.is_unknown
    assert model.training_compute is None
    reasons = [entry for entry in newer.report.entries if "Wrong" in entry.reason]
    assert {"Parameters", "Training compute (FLOP)"} == {e.column for e in reasons}
    assert {"60000000.0", "1.557140125176e+18"} == {e.value for e in reasons}


def test_an_unknown_confidence_label_is_reported(newer: ImportResult) -> None:
    """An unknown confidence label is reported with its row and value."""
    (entry,) = newer.report.about("Confidence")
    assert (10, "Maybe") == (entry.row, entry.value)


def test_several_organisations_and_countries_in_one_cell(newer: ImportResult) -> None:
    """Several organisations in one cell pair with their countries and kinds."""
    eco = newer.ecosystem
    joint = eco.model("Joint Speech Model")
    assert ("Meta AI", "Hebrew University of Jerusalem", "Kyutai") == joint.developers
    assert "IL" == eco.organisation("Hebrew University of Jerusalem").country
    assert "FR" == eco.organisation("Kyutai").country
    assert "non-profit-lab" == eco.organisation("Kyutai").kind.value
    assert "institute" == eco.organisation("Duke University").kind.value


def test_multinational_and_unpairable_countries_are_reported(
    newer: ImportResult,
) -> None:
    """Multinational or unpairable countries are reported and left unset."""
    entries = newer.report.about("Country (from Organization)")
    reasons = " ".join(entry.reason for entry in entries if entry.row == 11)
    assert "Multinational" in reasons
    assert "cannot be paired" in reasons
    assert newer.ecosystem.organisation("Google DeepMind").country is None


def test_multi_line_quoted_notes_are_kept(newer: ImportResult) -> None:
    """A quoted note spanning several lines is kept whole."""
    note = newer.ecosystem.model("GPT-4").parameters.note
    assert note is None  # an unknown estimate carries no note of Epoch's figure
    mixtral = epoch.load(DATA / "older.csv").ecosystem.model("Mixtral 8x7B")
    assert mixtral.parameters.note is not None
    assert "\nabout 12.9B active parameters" in mixtral.parameters.note


def test_several_links_in_one_cell_are_several_sources(newer: ImportResult) -> None:
    """Several links in one cell are several sources; a non-link is reported."""
    urls = [source.url for source in newer.ecosystem.model("Mistral 7B").sources]
    assert [
        "https://epoch.ai/data/ai-models",
        "https://arxiv.org/abs/2310.06825",
        "https://mistral.ai/news/announcing-mistral-7b",
    ] == urls
    (entry,) = newer.report.about("Link")
    assert "not a link" == entry.value


@pytest.mark.parametrize(
    ("label", "openness"),
    [
        ("Open weights (unrestricted)", Openness.OPEN_WEIGHTS),
        ("Open weights (restricted use)", Openness.OPEN_WEIGHTS),
        ("Open weights (non-commercial)", Openness.OPEN_WEIGHTS),
        ("API access", Openness.API_ONLY),
        ("Hosted access (no API)", Openness.API_ONLY),
        ("Unreleased", Openness.CLOSED),
        ("", None),
    ],
)
def test_accessibility_labels_become_openness(label: str, openness: object) -> None:
    """Each accessibility label becomes an openness; a blank one stays unset."""
    result = load_rows(
        f"M,O,2023,7,Likely,{label}", header=HEADER + ",Model accessibility"
    )
    assert openness is result.ecosystem.model("M").openness


def test_compute_bounds_make_a_range(newer: ImportResult) -> None:
    """Training compute bounds make the estimate's range."""
    compute = newer.ecosystem.model("GPT-4").training_compute
    assert compute is not None
    assert compute.low is not None
    assert compute.high is not None
    assert (Decimal("1e25"), Decimal("5e25")) == (
        compute.low.magnitude,
        compute.high.magnitude,
    )


def test_bounds_that_do_not_contain_the_estimate_are_reported() -> None:
    """Bounds that leave out the estimate are reported and the estimate kept."""
    header = HEADER + (
        ",Training compute (FLOP),Training compute lower bound,"
        "Training compute upper bound"
    )
    result = load_rows("M,O,2023,7,Likely,5e20,6e20,7e20", header=header)
    compute = result.ecosystem.model("M").training_compute
    assert compute is not None
    assert compute.is_exact
    assert 1 == len(result.report.about("Training compute lower bound"))


def test_bad_cells_are_reported_and_the_row_kept(newer: ImportResult) -> None:
    """A row of bad cells is kept, each bad cell reported by its column."""
    odd = newer.ecosystem.model("Odd Model")
    assert odd.released is None
    assert odd.parameters.is_unknown
    assert odd.openness is None
    columns = {entry.column for entry in newer.report.entries if entry.row == 10}
    assert {
        "Publication date",
        "Parameters",
        "Model accessibility",
        "Confidence",
        "Link",
        "Country (from Organization)",
        "Organization categorization",
    } == columns


def test_nameless_and_duplicate_rows_are_rejected_with_a_reason(
    newer: ImportResult,
) -> None:
    """Nameless and duplicate rows are rejected, a duplicate naming the first."""
    rejected = newer.report.rejected
    assert [8, 9] == [entry.row for entry in rejected]
    assert "row 2" in rejected[1].reason
    assert PartialDate(2023, 11, 2) == newer.ecosystem.model("Yi-34B").released


def test_a_non_whole_parameter_count_is_reported() -> None:
    """A parameter count that is not whole is reported and left unknown."""
    result = load_rows("M,O,2023,7.5,Likely")
    assert result.ecosystem.model("M").parameters.is_unknown
    assert "whole" in result.report.about("Parameters")[0].reason


def test_a_negative_count_is_reported() -> None:
    """A negative count is reported as not positive."""
    result = load_rows("M,O,2023,-7,Likely")
    assert "positive" in result.report.about("Parameters")[0].reason


def test_short_and_long_rows_are_reported() -> None:
    """Rows with too few or too many cells are kept and reported."""
    result = load_rows("M,O,2023", "N,O,2023,7,Likely,extra")
    assert 2 == result.report.rows_accepted
    assert 2 == len([e for e in result.report.entries if "cells" in e.reason])


def test_an_organisation_named_twice_in_a_cell_is_reported() -> None:
    """An organisation named twice in one cell is kept once and reported."""
    result = load_rows('M,"O,o",2023,7,Likely')
    assert ("O",) == result.ecosystem.model("M").developers
    assert 1 == len(result.report.about("Organization"))


def test_conflicting_countries_of_an_organisation_are_reported() -> None:
    """An organisation's conflicting country or kind is reported; the first stays."""
    header = HEADER + ",Country (from Organization),Organization categorization"
    result = load_rows(
        "M,O,2023,7,Likely,France,Industry",
        "N,O,2023,7,Likely,China,Academia",
        header=header,
    )
    assert "FR" == result.ecosystem.organisation("O").country
    assert 1 == len(result.report.about("Country (from Organization)"))
    assert 1 == len(result.report.about("Organization categorization"))


def test_the_credit_line_and_the_source() -> None:
    """The importer names Epoch AI's credit line, licence and source."""
    assert epoch.CREDIT.startswith("Epoch AI, 'Data on AI Models'.")
    assert "CC-BY-4.0" == epoch.LICENCE
    assert epoch.EPOCH in epoch.load(DATA / "older.csv").ecosystem.sources


def test_report_entries_read_as_text(newer: ImportResult) -> None:
    """The report reads as text: counts first, then each entry's row and column."""
    text = str(newer.report)
    assert text.startswith(f"{DATA / 'newer.csv'}: 10 rows read, 8 accepted")
    assert "row 8, column 'Model', value '': the model has no name" in text


# -- the real files ---------------------------------------------------------------


@needs_shared
@pytest.mark.parametrize(
    ("file", "rows", "columns"),
    [("all_ai_models.csv", 2228, 43), ("notable_ai_models.csv", 954, 40)],
)
def test_the_shared_files_import_with_every_row_accounted_for(
    file: str, rows: int, columns: int
) -> None:
    """The published Epoch files import with every row accounted for."""
    path = SHARED / file
    with path.open(newline="", encoding="utf-8") as handle:
        assert columns == len(next(csv.reader(handle)))
    result = epoch.load(path)
    report = result.report
    assert rows == report.rows_read
    assert accounted(report)
    assert report.rows_accepted == len(result.ecosystem.models)
    gpt4 = result.ecosystem.model("GPT-4")
    assert gpt4.parameters.is_unknown


@needs_shared
def test_the_llama_2_7b_error_is_in_the_data() -> None:
    """The published file's Llama 2-7B row carries 70B parameters, as read."""
    result = epoch.load(SHARED / "all_ai_models.csv")
    assert parameters("70B") == result.ecosystem.model("Llama 2-7B").parameters.low


# -- hostile input ------------------------------------------------------------------

_cells = st.one_of(
    st.text(alphabet=st.sampled_from(list('abc ,"\n\r\t01.e+-5É\x00/:')), max_size=30),
    st.sampled_from(
        ["https://x.org", "Confident", "Wrong", "France,China", "Industry", "2023-02"]
    ),
)


def _csv(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue()


@settings(
    max_examples=150,
    deadline=2000,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    st.lists(st.lists(_cells, min_size=0, max_size=8), max_size=8),
    st.permutations(
        [
            "Model",
            "Organization",
            "Publication date",
            "Parameters",
            "Confidence",
            "Country (from Organization)",
            "Organization categorization",
            "Link",
        ]
    ),
)
def test_generated_tables_raise_only_aiecosys_errors(
    rows: list[list[str]], header: list[str]
) -> None:
    """Any generated table is read or refused with an aiecosys error only."""
    try:
        result = epoch.loads(_csv([header, *rows]))
    except AiecosysError:
        return
    assert accounted(result.report)


@settings(max_examples=150, deadline=2000)
@given(st.data())
def test_mutated_files_raise_only_aiecosys_errors(data: st.DataObject) -> None:
    """A mutated export is read or refused with an aiecosys error only."""
    text = (DATA / "newer.csv").read_text(encoding="utf-8")
    position = data.draw(st.integers(0, len(text)))
    length = data.draw(st.integers(0, 40))
    insert = data.draw(
        st.text(alphabet=st.sampled_from(list(',"\n\r\x00é9.e-')), max_size=10)
    )
    mutated = text[:position] + insert + text[position + length :]
    try:
        result = epoch.loads(mutated)
    except AiecosysError:
        return
    assert accounted(result.report)


def test_invisible_characters_are_removed_from_names_and_reported() -> None:
    """A zero-width space makes no second model; the report says it was removed."""
    result = load_rows(
        "Yi-34B,01.AI,2023-11-02,34e9,Confident",
        "Yi-34B\u200b,01.AI\u200f,2023-11-02,34e9,Confident",
    )

    assert ["Yi-34B"] == [model.name for model in result.ecosystem.models]
    assert ["01.AI"] == [org.name for org in result.ecosystem.organisations]
    assert any("invisible characters" in e.reason for e in result.report.entries)
    assert "same name" in result.report.rejected[0].reason


@pytest.mark.parametrize(
    ("row", "says"),
    [
        ("Yі-34B,Other,2023-11-02,34e9,Confident", "not spelled in one script"),
        ("Other,01.АI,2023-11-02,34e9,Confident", "not spelled in one script"),
        ("Other,МЕТА,2023-11-02,34e9,Confident", "looks like 'Meta'"),
    ],
    ids=["model name", "organisation", "look-alike organisation"],
)
def test_look_alike_names_are_rejected_with_a_reason(row: str, says: str) -> None:
    """A name spelled with Cyrillic letters is never a second, similar entity."""
    result = load_rows(
        "Yi-34B,01.AI,2023-11-02,34e9,Confident",
        "Llama,Meta,2023-02-24,65e9,Confident",
        row,
    )

    (rejected,) = result.report.rejected
    assert (rejected.row, says in rejected.reason) == (4, True)
    assert accounted(result.report)


def test_a_device_is_refused_by_the_bounded_reader() -> None:
    """/dev/zero is refused before it is read, not read forever."""
    with pytest.raises(DataError, match="cannot read a device"):
        epoch.load("/dev/zero")


def test_counts_do_not_depend_on_the_decimal_context() -> None:
    """A caller's three-digit, rounding-down context reads the same numbers."""
    import decimal

    texts = ["249000000.00000003", "2.99999999999999", "1.557140125176e+18", "0.5"]
    expected = [read_count(text) for text in texts]
    with decimal.localcontext(prec=3, rounding=decimal.ROUND_FLOOR):
        assert expected == [read_count(text) for text in texts]


def test_reports_never_echo_a_value_whole() -> None:
    """A long cell and a long header are shown cut, in reports and in errors."""
    huge = "9" * 100_000 + "x"
    result = load_rows(f"Yi-34B,01.AI,2023-11-02,{huge},Confident")

    (entry,) = result.report.about("Parameters")
    assert entry.value is not None
    assert len(entry.value) <= 200

    with pytest.raises(DataError) as caught:
        epoch.loads("x" * 100_000 + ",Model\n")
    assert len(str(caught.value)) < 1_000


def test_repeated_cells_are_reported_on_every_row_they_are_wrong() -> None:
    """A cell read once and kept never hides a problem on a later row."""
    header = HEADER + ",Country (from Organization),Organization categorization"
    rows = [
        f"M{n},O{n % 2},2023,7,Likely,{country},{kind}"
        for n, (country, kind) in enumerate(
            [("France", "Industry"), ("Atlantis", "Guild")] * 3
        )
    ]
    result = load_rows(*rows, header=header)
    about = result.report.about
    assert [3, 5, 7] == [
        entry.row for entry in about("Organization categorization") if entry.value
    ]
    assert [3, 5, 7] == [entry.row for entry in about("Country (from Organization)")]
    assert "FR" == result.ecosystem.organisation("O0").country
    assert result.ecosystem.organisation("O1").country is None


def test_repeated_organisation_and_number_cells_are_read_alike_on_every_row() -> None:
    """Organisation and number cells read once and kept: problems on every row."""
    rows = [
        f'M{n},"O1,\u200bo1",2023,{count},Likely'
        for n, count in enumerate(["-7", "lots", "-7", "lots"])
    ] + [f'N{n},"O2, O3",2023,7000000000.0,Likely' for n in range(3)]
    result = load_rows(*rows)
    about = result.report.about
    organisations = [(entry.row, entry.reason[:14]) for entry in about("Organization")]
    assert [
        (row, reason)
        for row in (2, 3, 4, 5)
        for reason in ("invisible char", "'o1' is named ")
    ] == organisations
    assert [
        (2, "not a positive number"),
        (3, "not a number"),
        (4, "not a positive number"),
        (5, "not a number"),
    ] == [(entry.row, entry.reason) for entry in about("Parameters")]
    eco = result.ecosystem
    assert {("O1",)} == {eco.model(f"M{n}").developers for n in range(4)}
    assert {("O2", "O3")} == {eco.model(f"N{n}").developers for n in range(3)}
    assert {parameters("7B")} == {eco.model(f"N{n}").parameters.best for n in range(3)}


def test_a_conflicting_country_is_reported_on_every_row_that_gives_it() -> None:
    """Cells whose facts were recorded cleanly are skipped; conflicts never are."""
    header = HEADER + ",Country (from Organization),Organization categorization"
    rows = [
        f"M{n},O,2023,7,Likely,{country},{kind}"
        for n, (country, kind) in enumerate(
            [("France", "Industry"), ("China", "Industry"), ("France", "Industry")] * 2
        )
    ]
    result = load_rows(*rows, header=header)
    assert [3, 6] == [
        entry.row for entry in result.report.about("Country (from Organization)")
    ]
    assert "FR" == result.ecosystem.organisation("O").country


def test_an_accepted_organisation_name_keeps_refusing_its_look_alikes() -> None:
    """A name accepted once is accepted again, and its look-alike is still refused."""
    result = load_rows(
        "M1,Meta,2023,7,Likely",
        "M2,Meta,2023,7,Likely",
        "M3,\u041c\u0415\u0422\u0410,2023,7,Likely",
        "M4,meta,2023,7,Likely",
    )
    eco = result.ecosystem
    assert [("Meta",), ("Meta",), ("meta",)] == [
        eco.model(m).developers for m in ("M1", "M2", "M4")
    ]
    (rejected,) = [entry for entry in result.report.entries if entry.rejected]
    assert 4 == rejected.row
    assert "looks like 'Meta'" in rejected.reason
