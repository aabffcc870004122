"""Hostile inputs: every malformed input is refused with an aiecosys error naming it.

The corpus is in ``data/``: ``text.json`` for the text parsers (money, amounts,
quantities, currency codes, dates) and ``files.json`` for knowledge-base,
claims and rates files. Each case says which error it gets and a fragment the
message must contain; for files, the problems must also name the file and,
where given, the entry and the field. Very long strings and very large files
are generated here. Every test runs under a time budget (``conftest.py``): a
hang fails, it does not stall the run. A case marked ``xfail`` is a known gap,
reported with its reason; it is strict, so fixing it turns the test red until
the mark goes.
"""

from __future__ import annotations

import contextlib
import json
import tomllib
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import aiecosys
from aiecosys import (
    AiecosysError,
    DataError,
    Ecosystem,
    Money,
    ParseError,
    PartialDate,
    parameters,
    tokens,
)
from aiecosys.fx import ECBRates


DATA = Path(__file__).parent / "data"
TEXT: dict[str, list[dict[str, Any]]] = json.loads(
    (DATA / "text.json").read_text(encoding="utf-8")
)
FILES: dict[str, list[dict[str, Any]]] = json.loads(
    (DATA / "files.json").read_text(encoding="utf-8")
)


def _params(cases: list[dict[str, Any]]) -> list[Any]:
    marks = {
        case["id"]: [pytest.mark.xfail(strict=True, reason=case["xfail"])]
        for case in cases
        if "xfail" in case
    }
    return [
        pytest.param(case, id=case["id"], marks=marks.get(case["id"], ()))
        for case in cases
    ]


@cache
def _article_ecosystem() -> Ecosystem:
    return aiecosys.load_article().ecosystem


# -- claims checked when they are loaded --------------------------------------------


@pytest.mark.parametrize("case", _params(FILES["claims_at_load"]))
def test_claims_that_cannot_be_checked_are_refused_at_load(
    case: dict[str, Any],
) -> None:
    """A claim that could not fail or could not be evaluated is refused at load."""
    file = f"claims.{case['format']}"
    with pytest.raises(DataError) as caught:
        aiecosys.loads_claims(
            case["input"], _article_ecosystem(), format=case["format"], file=file
        )
    _check_problems(caught.value, case, file, every_problem_names_file=True)
    assert all(problem.entry for problem in caught.value.problems)


# -- text ------------------------------------------------------------------------

PARSERS: dict[str, Callable[..., object]] = {
    "money_text": Money.parse,
    "amounts": lambda text: Money(text, "EUR"),
    "parameters": parameters,
    "tokens": tokens,
    "currencies": lambda code: Money(1, code),
    "dates": PartialDate.parse,
}


def _check_text(kind: str, case: dict[str, Any]) -> None:
    parse = PARSERS[kind]
    text: str = case["input"]
    options = {key: case[key] for key in ("lang", "locale", "assume") if key in case}
    expect = case["expect"]
    if expect == "accept-or-error":
        with contextlib.suppress(AiecosysError):
            parse(text, **options)
        return
    with pytest.raises(getattr(aiecosys, expect)) as caught:
        parse(text, **options)
    message = str(caught.value)
    if "says" in case:
        assert case["says"] in message
    if expect != "DataError":
        # The message quotes the input, so that a user sees which text failed.
        assert repr(text)[:40] in message or text.strip() == ""


@pytest.mark.parametrize("case", _params(TEXT["money_text"]))
def test_money_text(case: dict[str, Any]) -> None:
    """Each odd money text in the corpus is read or refused as the corpus says."""
    _check_text("money_text", case)


@pytest.mark.parametrize("case", _params(TEXT["amounts"]))
def test_amounts(case: dict[str, Any]) -> None:
    """Each odd amount text in the corpus is read or refused as the corpus says."""
    _check_text("amounts", case)


@pytest.mark.parametrize("case", _params(TEXT["parameters"]))
def test_parameters(case: dict[str, Any]) -> None:
    """Each odd parameter count in the corpus is read or refused as the corpus says."""
    _check_text("parameters", case)


@pytest.mark.parametrize("case", _params(TEXT["tokens"]))
def test_tokens(case: dict[str, Any]) -> None:
    """Each odd token count in the corpus is read or refused as the corpus says."""
    _check_text("tokens", case)


@pytest.mark.parametrize("case", _params(TEXT["currencies"]))
def test_currencies(case: dict[str, Any]) -> None:
    """Each odd currency text in the corpus is read or refused as the corpus says."""
    _check_text("currencies", case)


@pytest.mark.parametrize("case", _params(TEXT["dates"]))
def test_dates(case: dict[str, Any]) -> None:
    """Each odd date text in the corpus is read or refused as the corpus says."""
    _check_text("dates", case)


LONG_TEXT = {
    "a million letters": "a" * 1_000_000,
    "a hundred thousand numbers": "1 " * 100_000 + "EUR",
    "a hundred thousand symbols": "€" * 100_000 + "1",
    "a hundred thousand marks": "1" + ",5" * 100_000 + " EUR",
    "a hundred thousand groups": "1" + " 00" * 100_000 + " EUR",
    "a hundred thousand invisible marks": "\u200f" * 100_000 + "1 EUR \u202e",
    "a hundred thousand scale words": "1" + " million" * 100_000 + " EUR",
    "a currency name repeated": "1 " + "euros " * 100_000,
}


@pytest.mark.parametrize("text", LONG_TEXT.values(), ids=LONG_TEXT.keys())
@pytest.mark.parametrize(
    "parse", [Money.parse, parameters], ids=["money", "parameters"]
)
def test_very_long_text_is_refused_quickly(
    parse: Callable[[str], object], text: str
) -> None:
    """Very long text given as money or a parameter count raises a ParseError."""
    with pytest.raises(ParseError):
        parse(text)


def test_a_very_long_number_is_read_exactly() -> None:
    """A number of almost a thousand digits is read as money exactly."""
    digits = "1." + "9" * 990
    assert Money(digits, "EUR") == Money.parse(digits + " EUR")


@pytest.mark.parametrize(
    "text", ["", "2023-06", "June 2023", *list(LONG_TEXT.values())[:2]]
)
def test_very_long_and_odd_dates_are_refused(text: str) -> None:
    """Odd and very long date texts raise an aiecosys error."""
    with pytest.raises(AiecosysError):
        PartialDate.parse(text + "x")


# Wrong Python types are programming errors: the documented answer is TypeError,
# the built-in that code written against the standard library expects.
WRONG_TYPES: dict[str, Callable[[], object]] = {
    "Money.parse(None)": lambda: Money.parse(None),  # type: ignore[arg-type]
    "Money.parse(b'1 EUR')": lambda: Money.parse(b"1 EUR"),  # type: ignore[arg-type]
    "Money(None, 'EUR')": lambda: Money(None, "EUR"),  # type: ignore[arg-type]
    "Money(float('nan'), 'EUR')": lambda: Money(float("nan"), "EUR"),  # type: ignore[arg-type]
    "Money([1], 'EUR')": lambda: Money([1], "EUR"),  # type: ignore[arg-type]
    "Money(True, 'EUR')": lambda: Money(True, "EUR"),
    "parameters(None)": lambda: parameters(None),  # type: ignore[arg-type]
    "PartialDate.parse(None)": lambda: PartialDate.parse(None),  # type: ignore[arg-type]
    "PartialDate.parse(2023)": lambda: PartialDate.parse(2023),  # type: ignore[arg-type]
    "PartialDate.parse(b'2023')": lambda: PartialDate.parse(b"2023"),  # type: ignore[arg-type]
}


@pytest.mark.parametrize("call", WRONG_TYPES.values(), ids=WRONG_TYPES.keys())
def test_wrong_python_types_are_type_errors(call: Callable[[], object]) -> None:
    """Arguments of the wrong Python type raise TypeError."""
    with pytest.raises(TypeError):
        call()


@pytest.mark.parametrize(
    "on", ["2023-12-11", None, (2023, 12, 11), 20231211, float("nan")], ids=repr
)
def test_conversion_dates_that_are_not_dates(on: object) -> None:
    """A conversion date that is not a datetime.date raises a DateError."""
    with pytest.raises(aiecosys.DateError, match=r"on must be a datetime\.date"):
        Money(1, "EUR").to("USD", on=on)  # type: ignore[arg-type]


# -- files -----------------------------------------------------------------------


def _check_problems(
    error: DataError, case: dict[str, Any], file: str, *, every_problem_names_file: bool
) -> None:
    assert case["says"] in str(error)
    assert error.problems
    if every_problem_names_file:
        assert all(problem.file == file for problem in error.problems)
    else:
        assert any(problem.file == file for problem in error.problems)
    said = [p for p in error.problems if case["says"] in str(p)] or list(error.problems)
    if "entry" in case:
        assert any(case["entry"] in (p.entry or "") for p in said), error
    if "field" in case:
        assert any(p.field == case["field"] for p in said), error


@pytest.mark.parametrize("case", _params(FILES["knowledge_bases"]))
def test_knowledge_base_files(case: dict[str, Any], tmp_path: Path) -> None:
    """Each bad knowledge base is refused alike from text and from disk."""
    file = f"kb.{case['format']}"
    with pytest.raises(DataError) as caught:
        aiecosys.loads(case["input"], format=case["format"], file=file)
    _check_problems(caught.value, case, file, every_problem_names_file=True)
    # The same file on disk: the same problems, naming its path.
    path = tmp_path / file
    path.write_text(case["input"], encoding="utf-8", errors="surrogatepass")
    with pytest.raises(DataError) as again:
        aiecosys.load(path)
    assert [p.message for p in again.value.problems] == [
        p.message for p in caught.value.problems
    ]


@pytest.mark.parametrize("case", _params(FILES["claims"]))
def test_claims_files(case: dict[str, Any]) -> None:
    """Each bad claims file is refused with the problems the corpus names."""
    file = f"claims.{case['format']}"
    with pytest.raises(DataError) as caught:
        aiecosys.loads_claims(
            case["input"], _article_ecosystem(), format=case["format"], file=file
        )
    _check_problems(caught.value, case, file, every_problem_names_file=False)


@pytest.mark.parametrize("case", _params(FILES["rates"]))
def test_rates_files(case: dict[str, Any], tmp_path: Path) -> None:
    """Each bad rates file is refused with the problems the corpus names."""
    path = tmp_path / "rates.csv"
    path.write_bytes(case["input"].encode(case.get("encoding", "utf-8")))
    with pytest.raises(DataError) as caught:
        ECBRates.from_file(path)
    _check_problems(caught.value, case, str(path), every_problem_names_file=True)


UNREADABLE: dict[str, Callable[[Path], object]] = {
    "load": aiecosys.load,
    "load_claims": lambda path: aiecosys.load_claims(path, Ecosystem()),
    "load_with_claims": aiecosys.load_with_claims,
    "ECBRates.from_file": ECBRates.from_file,
}


@pytest.mark.parametrize("reader", UNREADABLE.values(), ids=UNREADABLE.keys())
@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("missing.toml", None, "cannot read the file"),
        ("folder.toml", "folder", "cannot read"),
        ("latin1.toml", b'[sources.s]\ntitle = "caf\xe9"\n', "UTF-8"),
        ("utf16.toml", "\ufefftitle = 1\n".encode("utf-16"), "UTF-8"),
    ],
    ids=["missing", "a folder", "latin-1", "utf-16"],
)
def test_unreadable_files(
    reader: Callable[[Path], object],
    name: str,
    content: bytes | str | None,
    says: str,
    tmp_path: Path,
) -> None:
    """A missing file, a folder or a non-UTF-8 file is refused by every reader."""
    path = tmp_path / name
    if content == "folder":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    with pytest.raises(DataError, match=says) as caught:
        reader(path)
    assert str(path) in {p.file for p in caught.value.problems}


# -- very large and deep inputs, generated ----------------------------------------

SOURCE = {"s": {"title": "A source"}}


def _organisations(count: int) -> list[dict[str, Any]]:
    return [
        {"name": f"Company {n}", "kind": "company", "sources": ["s"]}
        for n in range(count)
    ]


def test_a_large_file_with_one_duplicate_at_the_end() -> None:
    """A duplicate at the end of 20,000 entries is named by file, entry and field."""
    organisations = _organisations(20_000)
    organisations.append({"name": "company 7", "kind": "company", "sources": ["s"]})
    text = json.dumps({"sources": SOURCE, "organisations": organisations})
    with pytest.raises(DataError) as caught:
        aiecosys.loads(text, format="json", file="big.json")
    (problem,) = caught.value.problems
    assert (problem.file, problem.entry, problem.field) == (
        "big.json",
        "organisations[20000]: company 7",
        "name",
    )


def test_a_large_file_with_every_entry_wrong_lists_every_problem() -> None:
    """A file of 5,000 bad entries lists all 5,000 problems."""
    organisations = [
        {"name": f"C{n}", "kind": "startup", "sources": ["s"]} for n in range(5_000)
    ]
    text = json.dumps({"sources": SOURCE, "organisations": organisations})
    with pytest.raises(DataError) as caught:
        aiecosys.loads(text, format="json", file="big.json")
    assert len(caught.value.problems) == 5_000
    assert caught.value.problems[-1].entry == "organisations[4999]: C4999"


def test_a_long_chain_of_parents_that_closes_into_a_cycle() -> None:
    """A cycle of 3,000 parents is reported on each entry, naming the cycle."""
    count = 3_000
    organisations = _organisations(count)
    for n, organisation in enumerate(organisations):
        organisation["parent"] = f"Company {(n + 1) % count}"
    text = json.dumps({"sources": SOURCE, "organisations": organisations})
    with pytest.raises(DataError) as caught:
        aiecosys.loads(text, format="json", file="chain.json")
    assert len(caught.value.problems) == count
    assert all(p.field == "parent" for p in caught.value.problems)
    assert "the parents form a cycle: Company 0 -> Company 1 ->" in str(caught.value)


def test_a_long_chain_of_parents_without_a_cycle_loads() -> None:
    """A chain of 3,000 parents without a cycle loads."""
    organisations = _organisations(3_000)
    for n, organisation in enumerate(organisations[:-1]):
        organisation["parent"] = f"Company {n + 1}"
    text = json.dumps({"sources": SOURCE, "organisations": organisations})
    eco = aiecosys.loads(text, format="json")
    assert eco.organisation("Company 0").parent == "Company 1"


def test_a_chain_that_runs_into_a_cycle_names_only_the_cycle() -> None:
    """A chain leading into a cycle reports the entries of the cycle only."""
    organisations = _organisations(4)
    organisations[0]["parent"] = "Company 1"  # 0 -> 1 -> 2 -> 3 -> 2
    organisations[1]["parent"] = "Company 2"
    organisations[2]["parent"] = "Company 3"
    organisations[3]["parent"] = "Company 2"
    text = json.dumps({"sources": SOURCE, "organisations": organisations})
    with pytest.raises(DataError) as caught:
        aiecosys.loads(text, format="json")
    assert [p.entry for p in caught.value.problems] == [
        "organisations[2]: Company 2",
        "organisations[3]: Company 3",
    ]


@pytest.mark.parametrize("depth", [200, 5_000, 100_000])
@pytest.mark.parametrize("format", ["toml", "json"])
def test_deep_nesting(depth: int, format: str) -> None:  # noqa: A002
    """Deeply nested TOML or JSON raises a DataError naming the file."""
    if format == "json":
        text = '{"organisations": ' + "[" * depth + "]" * depth + "}"
    else:
        text = "organisations = " + "[" * depth + "]" * depth
    with pytest.raises(DataError) as caught:
        aiecosys.loads(text, format=format, file="deep")  # type: ignore[arg-type]
    assert all(p.file == "deep" for p in caught.value.problems)


def test_deep_nesting_inside_a_claims_file() -> None:
    """A deeply nested check in a claims file raises a DataError."""
    text = (
        '{"claims": [{"id": "c1", "check": '
        + '{"a": ' * 5_000
        + "1"
        + "}" * 5_000
        + "}]}"
    )
    with pytest.raises(DataError):
        aiecosys.loads_claims(text, _article_ecosystem(), format="json")


def test_a_large_claims_file_with_one_bad_claim_at_the_end() -> None:
    """One bad claim after 2,000 good ones is the one problem reported."""
    good = {
        "kind": "value",
        "measure": {"of": "Yi-34B", "field": "parameters"},
        "stated": "34000000000 parameter",
    }
    claims = [
        {
            "id": f"c{n}",
            "quote": "q",
            "restatement": "c",
            "source": "a",
            "check": good,
        }
        for n in range(2_000)
    ]
    claims.append({**claims[0], "id": "last", "check": {**good, "stated": "NaN"}})
    document = {"sources": {"a": {"title": "An article"}}, "claims": claims}
    with pytest.raises(DataError) as caught:
        aiecosys.loads_claims(json.dumps(document), _article_ecosystem(), format="json")
    (problem,) = caught.value.problems
    assert problem.entry == "last"


def test_a_large_rates_file_with_one_bad_line_at_the_end(tmp_path: Path) -> None:
    """One bad rate after 20,000 lines is reported by its line and currency."""
    import datetime as dt

    first = dt.date(1990, 1, 1)
    lines = ["Date,USD,JPY,"]
    lines.extend(
        f"{first + dt.timedelta(days=n)},1.{n % 1000:03d},157.01,"
        for n in range(20_000)
    )
    lines.append("2100-01-01,1.07,NaN,")
    path = tmp_path / "rates.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        ECBRates.from_file(path)
    (problem,) = caught.value.problems
    assert (problem.entry, problem.field) == ("line 20002", "JPY")


def test_many_problems_in_a_rates_file_are_capped(tmp_path: Path) -> None:
    """A rates file of 50,000 bad lines stops listing problems, and says so."""
    path = tmp_path / "rates.csv"
    path.write_text("Date,USD,\n" + "bad,1,\n" * 50_000, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        ECBRates.from_file(path)
    assert "stopped after" in caught.value.problems[-1].message


def test_the_corpus_is_large_enough() -> None:
    """The corpus holds at least 200 cases."""
    text = sum(len(cases) for cases in TEXT.values())
    files = sum(len(cases) for cases in FILES.values())
    assert text + files >= 200


def test_the_corpus_files_are_well_formed() -> None:
    """Case ids are unique and TOML cases are valid TOML up to their problem."""
    for cases in [*TEXT.values(), *FILES.values()]:
        ids = [case["id"] for case in cases]
        assert len(ids) == len(set(ids))
    # The knowledge-base cases that claim to be valid TOML up to their problem are.
    for case in FILES["knowledge_bases"]:
        if case["format"] == "toml" and "not valid TOML" not in case["says"]:
            tomllib.loads(case["input"])


@pytest.mark.parametrize(
    ("amount", "style"),
    [("1e999999", "long"), ("1e999999", "compact"), ("1e-999999", "compact")],
)
def test_formatting_extreme_amounts(amount: str, style: str) -> None:
    """Formatting amounts of extreme exponents gives text or an aiecosys error."""
    with contextlib.suppress(AiecosysError):
        Money(amount, "EUR").format("fr", style=style)  # type: ignore[arg-type]


# -- Epoch AI CSV exports ------------------------------------------------------------

EPOCH_HEAD = "Model,Organization,Publication date,Parameters,Training compute (FLOP)\n"

# Each row of a well-headed file: the column its report entry names, or None
# when the whole row is rejected without naming one.
EPOCH_ROWS: dict[str, tuple[str, str | None]] = {
    "nan parameters": ("Yi,01.AI,2023-11-02,NaN,1e23\n", "Parameters"),
    "infinite parameters": ("Yi,01.AI,2023-11-02,inf,1e23\n", "Parameters"),
    "negative parameters": ("Yi,01.AI,2023-11-02,-34e9,1e23\n", "Parameters"),
    "huge exponent": ("Yi,01.AI,2023-11-02,1e999999,1e23\n", "Parameters"),
    "text parameters": ("Yi,01.AI,2023-11-02,thirty,1e23\n", "Parameters"),
    "nan compute": ("Yi,01.AI,2023-11-02,34e9,nan\n", "Training compute (FLOP)"),
    "bad date": ("Yi,01.AI,2023-13-02,34e9,1e23\n", "Publication date"),
    "no name": (",01.AI,2023-11-02,34e9,1e23\n", "Model"),
    "rtl name": ("\u202e,01.AI,2023-11-02,34e9,1e23\n", None),
    "nul byte": ("Yi,01.AI,2023-11-02,34e9\x00,1e23\n", "Parameters"),
    "short row": ("Yi,01.AI\n", None),
    "long row": ("Yi,01.AI,2023-11-02,34e9,1e23,extra,extra\n", None),
}


@pytest.mark.parametrize(
    ("row", "column"), EPOCH_ROWS.values(), ids=list(EPOCH_ROWS.keys())
)
def test_epoch_rows_are_reported_never_dropped(row: str, column: str | None) -> None:
    """A bad Epoch row is accounted for and reported; the good row stays whole."""
    from aiecosys.importers import epoch

    good = "Mixtral,Mistral AI,2023-12-11,46.7e9,1e24\n"
    result = epoch.loads(EPOCH_HEAD + good + row, name="epoch.csv")
    report = result.report
    assert report.rows_read == 2
    assert report.rows_accepted + report.rows_rejected == report.rows_read
    assert len(result.ecosystem.models) == report.rows_accepted
    if column is not None:
        assert any(entry.column == column for entry in report.entries), report
    # Whatever the bad row gave, the good row is there, whole.
    assert result.ecosystem.model("Mixtral").parameters is not None


EPOCH_FILES: dict[str, tuple[str, str]] = {
    "empty": ("", "empty"),
    "no required columns": ("Name,Org\nYi,01.AI\n", "required"),
    "unclosed quote": (EPOCH_HEAD + 'Yi,"01.AI,2023-11-02,34e9,1e23\n', "CSV"),
}


@pytest.mark.parametrize(
    ("text", "says"), EPOCH_FILES.values(), ids=list(EPOCH_FILES.keys())
)
def test_epoch_files_that_cannot_be_read(text: str, says: str) -> None:
    """An Epoch file that cannot be read raises a DataError naming the file."""
    from aiecosys.importers import epoch

    with pytest.raises(DataError, match=says) as caught:
        epoch.loads(text, name="epoch.csv")
    assert all(problem.file == "epoch.csv" for problem in caught.value.problems)


def test_a_large_epoch_file_with_every_row_wrong() -> None:
    """Every one of 20,000 bad Epoch rows is accounted for."""
    from aiecosys.importers import epoch

    rows = "".join(f"M{n},Org,2023-13-01,NaN,nan\n" for n in range(20_000))
    report = epoch.loads(EPOCH_HEAD + rows, name="epoch.csv").report
    assert report.rows_read == 20_000
    assert report.rows_accepted + report.rows_rejected == 20_000


# -- names, keys and versions in every document -------------------------------------


@pytest.mark.parametrize("case", _params(FILES["knowledge_bases_names_and_keys"]))
def test_knowledge_base_names_and_keys(case: dict[str, Any], tmp_path: Path) -> None:
    """Keys written twice, look-alike names and odd versions are refused."""
    test_knowledge_base_files(case, tmp_path)


@pytest.mark.parametrize("case", _params(FILES["claims_keys_and_versions"]))
def test_claims_keys_and_versions(case: dict[str, Any]) -> None:
    """A claims file is held to the same document rules as a knowledge base."""
    test_claims_files(case)


def test_many_misspelt_references_among_many_names() -> None:
    """Hints among 2,000 organisations for 200 misspelt names stay bounded."""
    from aiecosys._ecosystem import MAX_HINTS

    organisations = _organisations(2_000)
    rounds = [
        {
            "organisation": f"Compnay {n}",
            "announced": "2020",
            "kind": "seed",
            "sources": ["s"],
        }
        for n in range(200)
    ]
    document = {"sources": SOURCE, "organisations": organisations, "rounds": rounds}
    with pytest.raises(DataError) as caught:
        aiecosys.loads(json.dumps(document), format="json", file="typos.json")
    problems = caught.value.problems
    assert len(problems) == 200
    assert "did you mean 'Company 0'?" in problems[0].message
    assert f"only the first {MAX_HINTS}" in problems[-1].message


def test_nested_yaml_aliases_are_refused_not_expanded(tmp_path: Path) -> None:
    """The 'billion laughs': nine lines of aliases are refused at the first anchor."""
    pytest.importorskip("yaml")
    from aiecosys.importers import ecosystem_graphs

    lines = ['- &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines.extend(f"- &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 9))
    (tmp_path / "laughs.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match="anchors and aliases are not read") as caught:
        ecosystem_graphs.load(tmp_path)
    assert len(str(caught.value)) < 300


YAML_VALUES: dict[str, str] = {
    "impossible date": "created_date: 2023-02-30",
    "bad float": "size: !!float abc",
    "bad integer": "size: !!int abc",
    "bad boolean": "access: !!bool maybe",
    "unknown tag": "license: !python/object:os.system echo",
    "bad date in a value": "created_date: {value: 2023-13-45, explanation: x}",
    "bad date in a list": "dependencies: [2023-02-30, Yi-34B]",
    "bad date as a key": "2023-02-30: x",
}


@pytest.mark.parametrize("line", YAML_VALUES.values(), ids=YAML_VALUES.keys())
def test_ecosystem_graphs_bad_values_are_reported(line: str, tmp_path: Path) -> None:
    """A value YAML cannot read is reported with its asset; the asset is kept."""
    pytest.importorskip("yaml")
    from aiecosys.importers import ecosystem_graphs

    (tmp_path / "a.yaml").write_text(
        f"- type: model\n  name: Foo\n  organization: Bar\n  {line}\n", encoding="utf-8"
    )
    result = ecosystem_graphs.load(tmp_path)
    assert ["Foo"] == [model.name for model in result.ecosystem.models]
    assert any("not a valid" in entry.reason for entry in result.report.entries)


def test_long_runs_of_digits_and_brackets_are_read_in_linear_time(
    tmp_path: Path,
) -> None:
    """A cell of digits ending in a letter, a size of open brackets: both reported."""
    pytest.importorskip("yaml")
    from aiecosys.importers import ecosystem_graphs, epoch

    row = "Yi,01.AI,2023-11-02," + "9" * 100_000 + "x,1e23\n"
    report = epoch.loads(EPOCH_HEAD + row, name="epoch.csv").report
    assert len(report.about("Parameters")) == 1

    size = "(" * 1_000_000
    (tmp_path / "a.yaml").write_text(
        f"- type: model\n  name: Foo\n  size: '{size}'\n", encoding="utf-8"
    )
    result = ecosystem_graphs.load(tmp_path)
    assert ["size"] == [entry.column for entry in result.report.about("size")]
