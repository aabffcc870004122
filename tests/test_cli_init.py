"""`aiecosys init`: commented starter files that check cleanly."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from aiecosys.claims import KINDS
from tests.test_cli import run


STARTER = ("knowledge.toml", "claims.toml")
SCHEMAS = ("ecosystem.schema.json", "claims.schema.json")


@pytest.fixture
def starter(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A folder freshly written by `aiecosys init`."""
    folder = tmp_path / "my-article"
    status, _, err = run(capsys, "init", str(folder))
    assert (0, "") == (status, err)
    return folder


def _files(folder: Path) -> list[str]:
    return [str(folder / name) for name in STARTER]


class TestInit:
    def test_writes_both_files_and_says_what_to_run_next(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The folder is created, both files written, and the next command shown."""
        folder = tmp_path / "new" / "folder"

        status, out, _ = run(capsys, "init", str(folder))

        assert 0 == status
        assert sorted((*STARTER, *SCHEMAS)) == sorted(p.name for p in folder.iterdir())
        assert f"aiecosys check {folder / 'knowledge.toml'}" in out

    def test_check_gives_a_verdict_for_every_claim(
        self, starter: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """`check` on the starter exits 0 with one supported verdict per claim."""
        status, out, err = run(capsys, "check", *_files(starter), "--format", "json")

        claims = tomllib.loads((starter / "claims.toml").read_text("utf-8"))["claims"]
        verdicts = {item["id"]: item["verdict"] for item in json.loads(out)}
        assert (0, "") == (status, err)
        assert [claim["id"] for claim in claims] == list(verdicts)
        assert {"SUPPORTED"} == set(verdicts.values())

    def test_validate_is_clean(
        self, starter: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """`validate` finds no problem in the starter files."""
        status, out, err = run(capsys, "validate", *_files(starter))

        assert (0, "") == (status, err)
        assert out.startswith("2 files are valid:")

    def test_has_an_example_of_every_check_kind(self, starter: Path) -> None:
        """Each kind of check (value, ratio, ... attribute) has an example claim."""
        claims = tomllib.loads((starter / "claims.toml").read_text("utf-8"))["claims"]

        assert sorted(KINDS) == sorted(claim["check"]["kind"] for claim in claims)

    def test_every_check_kind_is_explained_in_a_comment(self, starter: Path) -> None:
        """A comment heads each kind's example, naming the kind for the reader."""
        text = (starter / "claims.toml").read_text("utf-8")

        for kind in KINDS:
            assert f"# -- {kind}: " in text, kind

    def test_every_fact_cites_a_real_source(self, starter: Path) -> None:
        """The starter's facts are sourced: every source has an https address."""
        kb = tomllib.loads((starter / "knowledge.toml").read_text("utf-8"))

        for key, source in kb["sources"].items():
            assert source["url"].startswith("https://"), key

    def test_refuses_to_overwrite(
        self, starter: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A second init into the same folder exits 2, says why, and changes nothing."""
        claims = starter / "claims.toml"
        claims.write_text("# my own work\n", encoding="utf-8")

        status, out, err = run(capsys, "init", str(starter))

        assert (2, "") == (status, out)
        assert 1 == len(err.splitlines())
        assert "already exist" in err
        assert "--force" in err
        assert "# my own work\n" == claims.read_text(encoding="utf-8")

    def test_refuses_when_only_one_file_exists(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """One existing file is enough to refuse, and the other is not written."""
        (tmp_path / "claims.toml").write_text("", encoding="utf-8")

        status, _, err = run(capsys, "init", str(tmp_path))

        assert 2 == status
        assert f"{tmp_path / 'claims.toml'} already exists;" in err
        assert not (tmp_path / "knowledge.toml").exists()

    def test_force_replaces_the_files(
        self, starter: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """With --force, init writes the starter files over existing ones."""
        claims = starter / "claims.toml"
        original = claims.read_text(encoding="utf-8")
        claims.write_text("# my own work\n", encoding="utf-8")

        status, _, _ = run(capsys, "init", str(starter), "--force")

        assert 0 == status
        assert original == claims.read_text(encoding="utf-8")

    def test_a_folder_that_cannot_be_written_is_one_line(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A file where the folder should be: status 2, one line, no traceback."""
        blocker = tmp_path / "taken"
        blocker.write_text("", encoding="utf-8")

        status, _, err = run(capsys, "init", str(blocker / "sub"))

        assert 2 == status
        assert 1 == len(err.splitlines())
        assert f"cannot write {blocker / 'sub'}: " in err
        assert "Traceback" not in err
