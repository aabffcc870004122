"""`aiecosys check`, `validate` and `compare --kb`: your files, merged and checked."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.test_cli import run


if TYPE_CHECKING:
    from collections.abc import Callable


SMALL = Path(__file__).parent / "data" / "small.toml"

CLAIMS = (SMALL.parent / "small_claims.toml").read_text(encoding="utf-8")

SUPPORTED_ONLY = (
    CLAIMS[: CLAIMS.index("[[claims]]")]
    + CLAIMS[CLAIMS.index('[[claims]]\nid = "mistral') :]
)

MODEL = """\
[sources.lab]
title = "A lab's model card"

[[organisations]]
name = "Example Lab"
kind = "company"
sources = ["lab"]

[[models]]
name = "Small-7B"
developers = ["Example Lab"]
parameters = "7000000000 parameter"
sources = ["lab"]
"""


@pytest.fixture
def kb(tmp_path: Path) -> str:
    """A copy of the tests' small knowledge base."""
    return str(shutil.copy(SMALL, tmp_path / "kb.toml"))


class TestCheck:
    def test_checks_claims_against_a_knowledge_base(
        self, capsys: pytest.CaptureFixture[str], kb: str, write: Callable[..., str]
    ) -> None:
        """The claims of one file are checked against another; status 0."""
        claims = write("claims.toml", CLAIMS)

        status, out, err = run(capsys, "check", kb, claims)

        assert (0, "") == (status, err)
        assert "yi-half-gpt4" in out
        assert "REFUTED" in out
        assert out.strip().endswith(
            "2 claims: 1 SUPPORTED, 1 REFUTED, 0 NOT_ENOUGH_INFO"
        )

    def test_a_combined_file(
        self, capsys: pytest.CaptureFixture[str], write: Callable[..., str]
    ) -> None:
        """One file may hold a knowledge base and claims, as load_with_claims reads."""
        facts = SMALL.read_text(encoding="utf-8").replace("format_version = 1\n", "")
        both = write("both.toml", CLAIMS + "\n" + facts)

        status, out, _ = run(capsys, "check", both, "--format", "json")

        assert 0 == status
        verdicts = {item["id"]: item["verdict"] for item in json.loads(out)}
        assert {"yi-half-gpt4": "REFUTED", "mistral-series-a": "SUPPORTED"} == verdicts

    @pytest.mark.parametrize(
        ("fail_on", "claims", "expected"),
        [
            (None, CLAIMS, 0),
            ("refuted", CLAIMS, 1),
            ("refuted", SUPPORTED_ONLY, 0),
            ("not-enough-info", CLAIMS, 1),
        ],
    )
    def test_fail_on(  # noqa: PLR0917 - the fixtures and the cases
        self,
        capsys: pytest.CaptureFixture[str],
        kb: str,
        write: Callable[..., str],
        fail_on: str | None,
        claims: str,
        expected: int,
    ) -> None:
        """--fail-on exits 1 when such a verdict appears, and the output is complete."""
        options = [] if fail_on is None else ["--fail-on", fail_on]

        status, out, _ = run(capsys, "check", kb, write("c.toml", claims), *options)

        assert expected == status
        assert re.search(r"^\d+ claims?: \d+ SUPPORTED", out, re.MULTILINE)

    def test_one_claim_is_counted_in_the_singular(
        self, capsys: pytest.CaptureFixture[str], kb: str, write: Callable[..., str]
    ) -> None:
        """A file with one claim ends "1 claim: ...", not "1 claims"."""
        status, out, _ = run(capsys, "check", kb, write("c.toml", SUPPORTED_ONLY))

        assert 0 == status
        assert out.strip().endswith(
            "1 claim: 1 SUPPORTED, 0 REFUTED, 0 NOT_ENOUGH_INFO"
        )

    def test_not_enough_info_fails_on_not_enough_info_only(
        self, capsys: pytest.CaptureFixture[str], kb: str, write: Callable[..., str]
    ) -> None:
        """An unsettled claim fails --fail-on not-enough-info, not refuted."""
        unsettled = SUPPORTED_ONLY.replace('round = "series-a"', 'round = "series-b"')
        claims = write("c.toml", unsettled)

        refuted = run(capsys, "check", kb, claims, "--fail-on", "refuted")[0]
        unknown = run(capsys, "check", kb, claims, "--fail-on", "not-enough-info")[0]

        assert (0, 1) == (refuted, unknown)

    def test_explain_one_claim_of_a_file(
        self, capsys: pytest.CaptureFixture[str], kb: str, write: Callable[..., str]
    ) -> None:
        """--explain finds a claim of the files by its id."""
        claims = write("claims.toml", CLAIMS)

        status, out, _ = run(capsys, "check", kb, claims, "--explain", "yi-half-gpt4")

        assert 0 == status
        assert out.startswith("yi-half-gpt4: REFUTED")

    def test_every_problem_of_every_file(
        self, capsys: pytest.CaptureFixture[str], write: Callable[..., str]
    ) -> None:
        """Bad files: a line per problem naming file, entry and field, by file."""
        kb = write("kb.toml", MODEL.replace('kind = "company"', 'kind = "firm"'))
        claims = write("claims.toml", CLAIMS.replace('kind = "ratio"', 'kind = "rat"'))
        other = write("notes.yaml", "a: 1")

        status, out, err = run(capsys, "check", kb, claims, other)
        lines = err.strip().splitlines()

        assert (2, "") == (status, out)
        assert any(f"{kb}: entry 'organisations[0]: Example Lab'" in x for x in lines)
        assert any("field 'kind'" in line for line in lines)
        assert any(f"{claims}: " in line and "not checked" in line for line in lines)
        assert any(f"{other}: " in line and ".toml or .json" in line for line in lines)
        assert all(line.startswith("aiecosys check: error: ") for line in lines)
        assert "Traceback" not in err
        files = [next(f for f in (kb, claims, other) if f in line) for line in lines]
        assert sorted(files, key=[kb, claims, other].index) == files

    def test_claim_problems_name_file_entry_and_field(
        self, capsys: pytest.CaptureFixture[str], kb: str, write: Callable[..., str]
    ) -> None:
        """A claim naming an unknown model is a problem of its file, id and field."""
        claims = write("claims.toml", CLAIMS.replace('of = "GPT-4"', 'of = "GPT-7"'))

        status, _, err = run(capsys, "check", kb, claims)

        assert 2 == status
        expected = f"{claims}: entry 'yi-half-gpt4', field 'check.denominator.of'"
        assert expected in err

    def test_no_claims_file_is_refused(
        self, capsys: pytest.CaptureFixture[str], kb: str
    ) -> None:
        """Knowledge bases alone are not "0 claims, all fine": check refuses them."""
        status, out, err = run(capsys, "check", kb, "--fail-on", "refuted")

        assert (2, "") == (status, out)
        assert "none of the files has a [[claims]] array" in err
        assert "aiecosys validate" in err

    def test_a_file_named_twice_is_read_once(
        self, capsys: pytest.CaptureFixture[str], kb: str, write: Callable[..., str]
    ) -> None:
        """Naming the same files twice checks each claim once."""
        claims = write("claims.toml", CLAIMS)

        status, out, _ = run(capsys, "check", kb, claims, kb, claims)

        assert 0 == status
        assert out.strip().endswith(
            "2 claims: 1 SUPPORTED, 1 REFUTED, 0 NOT_ENOUGH_INFO"
        )


class TestMerge:
    def test_knowledge_bases_merge(
        self, capsys: pytest.CaptureFixture[str], kb: str, write: Callable[..., str]
    ) -> None:
        """Two knowledge bases merge into one; claims may use facts of both."""
        extra = write("extra.toml", MODEL)
        claim = SUPPORTED_ONLY.replace('of = "Mistral AI"', 'of = "Example Lab"')
        claim = claim.replace(
            'measure = { of = "Example Lab", field = "amount", round = "series-a" }\n'
            'stated = "385000000 EUR"',
            'measure = { of = "Small-7B", field = "parameters" }\n'
            'stated = "7000000000 parameter"',
        )
        claims = write("claims.toml", claim)

        status, out, err = run(capsys, "check", kb, extra, claims)

        assert (0, "") == (status, err)
        assert "1 SUPPORTED" in out

    def test_identical_duplicates_are_one_fact(
        self, capsys: pytest.CaptureFixture[str], kb: str, tmp_path: Path
    ) -> None:
        """The same entries in two files are merged, not refused."""
        copy = str(shutil.copy(kb, tmp_path / "copy.toml"))

        status, out, _ = run(capsys, "validate", kb, copy)

        assert 0 == status
        assert "2 files are valid: 5 organisations" in out

    def test_conflicting_duplicates_name_both_files(
        self, capsys: pytest.CaptureFixture[str], kb: str, write: Callable[..., str]
    ) -> None:
        """The same model with other facts in another file is refused, naming both."""
        text = SMALL.read_text(encoding="utf-8")
        other = write("other.toml", text.replace('"34000000000 parameter"', '"35B"'))

        status, _, err = run(capsys, "validate", kb, other)
        lines = err.strip().splitlines()

        assert 2 == status
        assert 1 == len(lines)
        assert f"{other}: entry 'models[0]: Yi-34B'" in lines[0]
        assert f"is also in {kb}, written differently" in lines[0]

    def test_conflicting_sources_name_both_files(
        self, capsys: pytest.CaptureFixture[str], write: Callable[..., str]
    ) -> None:
        """One source key with two definitions in two files is refused."""
        first = write("first.toml", MODEL)
        second = write(
            "second.toml",
            MODEL.replace("A lab's model card", "Another card")
            .replace("Small-7B", "Small-8B")
            .replace("Example Lab", "Other Lab"),
        )

        status, _, err = run(capsys, "validate", first, second)

        assert 2 == status
        assert f"{second}: entry 'sources.lab': is also in {first}" in err

    def test_references_across_files(
        self, capsys: pytest.CaptureFixture[str], write: Callable[..., str]
    ) -> None:
        """A model may name a developer of another file, and a problem its own file."""
        lab, model = MODEL.split("[[models]]")
        first = write("lab.toml", lab)
        second = write(
            "model.toml",
            '[sources.lab]\ntitle = "A lab\'s model card"\n'
            "[[models]]" + model.replace("7000000000", "-7"),
        )

        status, _, err = run(capsys, "validate", first, second)

        assert 2 == status
        assert f"{second}: entry 'models[0]: Small-7B', field 'parameters'" in err
        assert "developers" not in err


class TestValidate:
    def test_clean_files(
        self, capsys: pytest.CaptureFixture[str], kb: str, write: Callable[..., str]
    ) -> None:
        """Valid files: status 0 and what they hold, no verdicts."""
        claims = write("claims.toml", CLAIMS)

        status, out, err = run(capsys, "validate", kb, claims)

        assert (0, "") == (status, err)
        assert "2 claims" in out
        assert "REFUTED" not in out

    def test_unreadable_file(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """A missing file is one line naming it."""
        missing = str(tmp_path / "missing.toml")

        status, _, err = run(capsys, "validate", missing)

        assert 2 == status
        assert err.startswith(f"aiecosys validate: error: {missing}: ")

    def test_invalid_toml(
        self, capsys: pytest.CaptureFixture[str], write: Callable[..., str]
    ) -> None:
        """A file that is not TOML is one line naming it."""
        bad = write("bad.toml", "this is = = not toml")

        status, _, err = run(capsys, "validate", bad)

        assert 2 == status
        assert f"{bad}: not valid TOML" in err

    def test_the_article_files(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The bundled article's own files validate, opinions included.

        Its weakly sourced facts are warnings, which do not make it invalid.
        """
        data = Path(__file__).parents[1] / "src" / "aiecosys" / "data"

        status, out, err = run(
            capsys,
            "validate",
            str(data / "article.toml"),
            str(data / "article_claims.toml"),
        )

        assert 0 == status
        assert "claims" in out
        assert all(
            line.startswith("aiecosys validate: warning: ") for line in err.splitlines()
        )


class TestCompareWithFiles:
    def test_a_model_of_your_file_against_the_article(
        self, capsys: pytest.CaptureFixture[str], write: Callable[..., str]
    ) -> None:
        """--kb adds a file's models to the article's knowledge base."""
        mine = write("mine.toml", MODEL)

        status, out, err = run(capsys, "compare", "Small-7B", "Yi-34B", "--kb", mine)

        assert (0, "") == (status, err)
        assert "less" in out.splitlines()[0]

    def test_conflicts_with_the_article_are_refused(
        self, capsys: pytest.CaptureFixture[str], kb: str
    ) -> None:
        """A file that gives the article's models other facts is refused."""
        status, _, err = run(capsys, "compare", "Yi-34B", "GPT-4", "--kb", kb)

        assert 2 == status
        assert "is also in the bundled article.toml" in err
