"""The worked examples: the tutorial's commands print what the page shows.

The tutorial "Check your own article", in English and in French, is run as
written: each ``$ aiecosys`` line of its console blocks in turn, in a scratch
folder holding a copy of the repository's ``examples/``, and each ``toml``
block titled with a file name is added to that file. What a command prints
(standard output, then standard error) must match the lines shown under it;
``...`` on a line of its own stands for the lines the page leaves out. The
French page runs in a French terminal (``LANG=fr_FR.UTF-8``).
``scripts/tutorial_outputs.py`` writes the outputs of the pages as they are
printed now, and holds the reading of the pages that these tests use.
"""

from __future__ import annotations

import json
import shutil
import tomllib
from pathlib import Path
from typing import Any

import pytest

from tests.scripts_support import script
from tests.test_cli import run


ROOT = Path(__file__).resolve().parents[1]
TUTORIAL = ROOT / "docs" / "tutorial" / "check-your-own-article.md"
TUTORIALS = [TUTORIAL, TUTORIAL.with_suffix(".fr.md")]
EXAMPLE = ROOT / "examples" / "kyutai-open-releases"


pages = script("tutorial_outputs")


class TestTutorial:
    @pytest.mark.parametrize("page", TUTORIALS, ids=lambda page: page.name)
    def test_the_page_has_commands_and_edits(self, page: Path) -> None:
        """The parser finds the tutorial's init, check, report and ClaimReview steps."""
        found = pages.steps(page.read_text(encoding="utf-8"))
        commands = [" ".join(step.argv) for step in found if step.argv is not None]

        assert commands[0] == "aiecosys init my-article"
        assert any("--format markdown" in command for command in commands)
        assert any("--format claimreview" in command for command in commands)
        assert [s.added_to for s in found if s.added_to] == [
            "my-article/claims.toml",
            "my-article/claims.toml",
        ]

    @pytest.mark.parametrize("page", TUTORIALS, ids=lambda page: page.name)
    def test_every_command_prints_what_the_page_shows(
        self,
        page: Path,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """Run in order, each command's output is the page's, with its status."""
        shutil.copytree(ROOT / "examples", tmp_path / "examples")
        monkeypatch.chdir(tmp_path)
        for name, value in pages.environment(page).items():
            if value is None:
                monkeypatch.delenv(name, raising=False)
            else:
                monkeypatch.setenv(name, value)
        for step in pages.steps(page.read_text(encoding="utf-8")):
            if step.argv is None:
                assert step.added_to is not None
                with Path(step.added_to).open("a", encoding="utf-8") as file:
                    file.write(step.shown)
                continue
            assert step.argv[0] == "aiecosys"
            status, out, err = run(capsys, *step.argv[1:])
            assert pages.matches(step.shown, out + err), (
                f"{page.name}: {step.argv}:\n{out}{err}\n"
                "(python scripts/tutorial_outputs.py writes the outputs anew)"
            )
            assert pages.expected_status(step.shown) == status, step.argv

    def test_a_changed_output_is_caught(self) -> None:
        """The comparison is strict: one changed verdict is a mismatch."""
        shown = "x  SUPPORTED\n...\n2 claims\n"

        assert pages.matches(shown, "x  SUPPORTED\ny\nz\n2 claims\n")
        assert not pages.matches(shown, "x  REFUTED\ny\n2 claims\n")

    def test_the_page_is_in_the_site_navigation(self) -> None:
        """mkdocs.yml lists the tutorial page in both languages' navigations."""
        nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")

        assert nav.count("tutorial/check-your-own-article.md") == 2


class TestTutorialOutputs:
    def test_a_rewritten_page_is_the_page_when_nothing_changed(self) -> None:
        """Writing the outputs anew leaves a current page as it is."""
        assert TUTORIAL.read_text(encoding="utf-8") == pages.rewritten(TUTORIAL)

    def test_a_cut_output_keeps_its_cut(self) -> None:
        """Lines left out with ``...`` stay left out, around as many lines as before."""
        shown = "[\n  a\n...\n]\n"

        assert "[\n  1\n...\n]\n" == pages.shortened(shown, "[\n  1\n  2\n  3\n]\n")
        assert "new\n" == pages.shortened("old\n", "new\n")

    def test_errors_are_found_in_both_languages(self) -> None:
        """An output that shows an error, in English or French, means status 2."""
        assert 2 == pages.expected_status("aiecosys init: error: exists")
        assert 2 == pages.expected_status("aiecosys init\u00a0: erreur\u00a0: existe")
        assert 0 == pages.expected_status("2 files are valid")

    def test_a_french_page_runs_in_a_french_terminal(self) -> None:
        """NAME.fr.md runs with LANG=fr_FR.UTF-8; NAME.md in a plain locale."""
        french = pages.environment(TUTORIALS[1])
        english = pages.environment(TUTORIALS[0])

        assert "fr_FR.UTF-8" == french["LANG"]
        assert french["LC_ALL"] is None
        assert "C.UTF-8" == english["LANG"]


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
