"""The worked examples: the tutorial's commands print what the page shows.

The tutorial "Check your own article" is run as written: each ``$ aiecosys``
line of its console blocks in turn, in a scratch folder holding a copy of the
repository's ``examples/``, and each ``toml`` block titled with a file name is
added to that file. What a command prints (standard output, then standard
error) must match the lines shown under it; ``...`` on a line of its own
stands for the lines the page leaves out.
"""

from __future__ import annotations

import doctest
import json
import re
import shlex
import shutil
import tomllib
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from tests.test_cli import run


ROOT = Path(__file__).resolve().parents[1]
TUTORIAL = ROOT / "docs" / "tutorial" / "check-your-own-article.md"
EXAMPLE = ROOT / "examples" / "kyutai-open-releases"

_BLOCK = re.compile(
    r"^```(?P<info>[^\n]*)\n(?P<body>.*?)^```$", re.MULTILINE | re.DOTALL
)
_ADDED_TO = re.compile(r'toml title="(?P<file>[^" ]+) \(add at the end\)"')


class Step(NamedTuple):
    """One step of the tutorial: a command and what it prints, or an edit."""

    argv: list[str] | None
    shown: str
    added_to: str | None = None


def steps(page: str) -> list[Step]:
    """The page's commands with their shown output, and its file edits, in order."""
    found: list[Step] = []
    for block in _BLOCK.finditer(page):
        info, body = block["info"].strip(), block["body"]
        if info == "console":
            for command in re.split(r"^(?=\$ )", body, flags=re.MULTILINE):
                if command:
                    line, _, shown = command.partition("\n")
                    found.append(Step(shlex.split(line.removeprefix("$ ")), shown))
        elif (added := _ADDED_TO.fullmatch(info)) is not None:
            found.append(Step(None, body, added_to=added["file"]))
    return found


def matches(shown: str, printed: str) -> bool:
    """Whether the printed text is the shown one (``...`` standing for any lines)."""
    checker = doctest.OutputChecker()
    return checker.check_output(shown, printed, doctest.ELLIPSIS)


class TestTutorial:
    def test_the_page_has_commands_and_edits(self) -> None:
        """The parser finds the tutorial's init, check, report and ClaimReview steps."""
        found = steps(TUTORIAL.read_text(encoding="utf-8"))
        commands = [" ".join(step.argv) for step in found if step.argv is not None]

        assert commands[0] == "aiecosys init my-article"
        assert any("--format markdown" in command for command in commands)
        assert any("--format claimreview" in command for command in commands)
        assert [s.added_to for s in found if s.added_to] == [
            "my-article/claims.toml",
            "my-article/claims.toml",
        ]

    def test_every_command_prints_what_the_page_shows(
        self,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """Run in order, each command's output is the page's, with its status."""
        shutil.copytree(ROOT / "examples", tmp_path / "examples")
        monkeypatch.chdir(tmp_path)
        for step in steps(TUTORIAL.read_text(encoding="utf-8")):
            if step.argv is None:
                assert step.added_to is not None
                with Path(step.added_to).open("a", encoding="utf-8") as file:
                    file.write(step.shown)
                continue
            assert step.argv[0] == "aiecosys"
            status, out, err = run(capsys, *step.argv[1:])
            expected = 2 if "error:" in step.shown else 0
            assert matches(step.shown, out + err), f"{step.argv}:\n{out}{err}"
            assert expected == status, step.argv

    def test_a_changed_output_is_caught(self) -> None:
        """The comparison is strict: one changed verdict is a mismatch."""
        shown = "x  SUPPORTED\n...\n2 claims\n"

        assert matches(shown, "x  SUPPORTED\ny\nz\n2 claims\n")
        assert not matches(shown, "x  REFUTED\ny\n2 claims\n")

    def test_the_page_is_in_the_site_navigation(self) -> None:
        """mkdocs.yml lists the tutorial page, so the site builds it."""
        nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")

        assert "tutorial/check-your-own-article.md" in nav


class TestKyutaiExample:
    def test_the_verdicts_are_computed_and_honest(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Eight claims: seven supported, the disputed day not settled."""
        status, out, err = run(
            capsys,
            "check",
            str(EXAMPLE / "knowledge.toml"),
            str(EXAMPLE / "claims.toml"),
            "--format",
            "json",
        )

        assert (0, "") == (status, err)
        verdicts = {item["id"]: item["verdict"] for item in _json(out)}
        assert 8 == len(verdicts)
        assert "NOT_ENOUGH_INFO" == verdicts.pop("moshi-weights-day")
        assert {"SUPPORTED"} == set(verdicts.values())

    def test_the_claims_cover_several_check_kinds(self) -> None:
        """The claims use the attribute, date and existence checks."""
        claims = _toml(EXAMPLE / "claims.toml")["claims"]

        assert {"attribute", "date", "existence"} == {
            claim["check"]["kind"] for claim in claims
        }

    def test_every_fact_cites_a_source_with_an_address(self) -> None:
        """Every source of the knowledge base has a title, a publisher and a URL."""
        sources = _toml(EXAMPLE / "knowledge.toml")["sources"]

        assert sources
        for key, source in sources.items():
            assert {"title", "publisher", "url"} <= source.keys(), key
            assert source["url"].startswith("https://"), key

    def test_the_readme_credits_the_article(self) -> None:
        """The README gives title, author, publisher, URL, date and licence."""
        readme = " ".join((EXAMPLE / "README.md").read_text(encoding="utf-8").split())
        article = _toml(EXAMPLE / "claims.toml")["sources"]["article"]

        for field in ("title", "author", "publisher", "url"):
            assert article[field] in readme, field
        assert "22 April 2026" in readme
        assert "CC BY-SA 4.0" in readme


def _toml(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def _json(text: str) -> list[dict[str, Any]]:
    loaded: list[dict[str, Any]] = json.loads(text)
    return loaded
