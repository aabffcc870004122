"""`aiecosys migrate`, and the one-line notice of `check` on format 1 files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from aiecosys import load, load_claims
from tests.test_cli import run


DATA = Path(__file__).parent / "data"

FORMAT_2 = (DATA / "small_claims.toml").read_text(encoding="utf-8")

FORMAT_1 = (
    FORMAT_2.replace("format_version = 2", "format_version = 1")
    .replace('language = "fr"\n', "")
    .replace("quote =", "quote_fr =")
    .replace("restatement =", "claim_en =")
)
"""The tests' claims as format 1 wrote them: French quotes, no language."""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder with the tests' knowledge base and their claims in format 1."""
    shutil.copy(DATA / "small.toml", tmp_path / "kb.toml")
    (tmp_path / "old.toml").write_text(FORMAT_1, encoding="utf-8")
    return tmp_path


def _notice(path: Path) -> str:
    return (
        f"{path}: format 1, read as format 2; run `aiecosys migrate {path}` to "
        "update it\n"
    )


class TestNotice:
    def test_check_reads_format_1_with_one_line_on_stderr(
        self, capsys: pytest.CaptureFixture[str], folder: Path
    ) -> None:
        """A format 1 file is checked as before; stderr has one notice line for it."""
        old = folder / "old.toml"

        status, out, err = run(capsys, "check", str(folder / "kb.toml"), str(old))

        assert 0 == status
        assert "2 claims: 1 SUPPORTED, 1 REFUTED, 0 NOT_ENOUGH_INFO" in out
        assert _notice(old) == err

    def test_one_line_per_file_even_when_named_twice(
        self, capsys: pytest.CaptureFixture[str], folder: Path
    ) -> None:
        """Each format 1 file has its notice once, whichever command reads it."""
        old = folder / "old.toml"
        other = folder / "other.toml"
        other.write_text(
            FORMAT_1.replace('"yi-half-gpt4"', '"yi-half"').replace(
                '"mistral-series-a"', '"mistral-a"'
            ),
            encoding="utf-8",
        )
        kb = str(folder / "kb.toml")

        status, _, err = run(capsys, "validate", kb, str(old), str(other), str(old))

        assert 0 == status
        assert _notice(old) + _notice(other) == err

    def test_the_notice_stays_when_the_file_has_problems(
        self, capsys: pytest.CaptureFixture[str], folder: Path
    ) -> None:
        """A format 1 file with a problem gets its notice, then the problem."""
        old = folder / "old.toml"
        old.write_text(FORMAT_1.replace('"Yi-34B"', '"Yi-35B"'), encoding="utf-8")

        status, _, err = run(capsys, "check", str(folder / "kb.toml"), str(old))

        assert 2 == status
        notice, *problems = err.splitlines(keepends=True)
        assert _notice(old) == notice
        assert "no model is named 'Yi-35B'" in "".join(problems)


class TestMigrate:
    def test_rewrites_in_place_keeping_comments(
        self, capsys: pytest.CaptureFixture[str], folder: Path
    ) -> None:
        """The file becomes format 2, keeps its comments, and holds the same claims."""
        old = folder / "old.toml"
        eco = load(folder / "kb.toml")
        with pytest.warns(match="format 1"):
            before = load_claims(old, eco)

        status, out, err = run(capsys, "migrate", str(old))

        assert (0, "") == (status, err)
        assert f"{old}: rewritten as format 2\n" == out
        text = old.read_text(encoding="utf-8")
        assert text.startswith("# Claims checked against small.toml")
        assert "quote_fr" not in text
        assert "format_version = 2" in text
        assert before == load_claims(old, eco)

    def test_writes_to_output_leaving_the_file(
        self, capsys: pytest.CaptureFixture[str], folder: Path
    ) -> None:
        """--output writes the result elsewhere; the original is not touched."""
        old = folder / "old.toml"
        new = folder / "new.toml"

        status, out, _ = run(capsys, "migrate", str(old), "--output", str(new))

        assert 0 == status
        assert f"{old}: rewritten as format 2 in {new}\n" == out
        assert FORMAT_1 == old.read_text(encoding="utf-8")
        assert "restatement =" in new.read_text(encoding="utf-8")

    def test_a_second_migrate_is_refused(
        self, capsys: pytest.CaptureFixture[str], folder: Path
    ) -> None:
        """A file already in format 2 is refused, and left as it is."""
        old = folder / "old.toml"
        run(capsys, "migrate", str(old))
        migrated = old.read_text(encoding="utf-8")

        status, _, err = run(capsys, "migrate", str(old))

        assert 2 == status
        assert "is format 2, not format 1: there is nothing to migrate" in err
        assert migrated == old.read_text(encoding="utf-8")

    def test_all_or_nothing(
        self, capsys: pytest.CaptureFixture[str], folder: Path
    ) -> None:
        """If one file cannot be migrated, none is written: a knowledge base, say."""
        old = folder / "old.toml"
        kb = folder / "kb.toml"

        status, _, err = run(capsys, "migrate", str(old), str(kb))

        assert 2 == status
        assert f"{kb}: is not a claims file" in err
        assert FORMAT_1 == old.read_text(encoding="utf-8")

    def test_output_takes_one_file(
        self, capsys: pytest.CaptureFixture[str], folder: Path
    ) -> None:
        """--output with two files is a usage error, and nothing is written."""
        old = folder / "old.toml"

        status, _, err = run(
            capsys, "migrate", str(old), str(old.with_name("x.toml")), "--output", "o"
        )

        assert 2 == status
        assert "--output names one file" in err
        assert not (folder / "o").exists()

    def test_the_bundled_article_is_format_2(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The bundled article's claims are read with no notice."""
        status, _, err = run(capsys, "claims")

        assert (0, "") == (status, err)
