"""The aiecosys command line, run in-process and as a real process."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from aiecosys._cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


class TestConvert:
    def test_converts_at_the_rate_of_the_day(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """385 M EUR on 2023-12-11 at the ECB's 1.0757 is 414,144,500 USD."""
        status, out, _ = run(
            capsys, "convert", "385 M EUR", "USD", "--on", "2023-12-11"
        )

        assert 0 == status
        assert "385,000,000 EUR = 414,144,500.00 USD on 2023-12-11" in out
        assert "1 EUR = 1.0757 USD on 2023-12-11 (exact;" in out

    def test_a_sunday_says_which_day_was_used(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """On a Sunday the Friday rate is used, and the output says so."""
        _, out, _ = run(capsys, "convert", "385 M EUR", "USD", "--on", "2023-12-10")

        assert "last_known: rate of 2023-12-08" in out

    def test_no_rate_is_one_line_and_non_zero(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A date before the euro gives one clear line, status 2, no traceback."""
        status, out, err = run(
            capsys, "convert", "385 M EUR", "USD", "--on", "1990-01-01"
        )

        assert 2 == status
        assert "" == out
        assert 1 == len(err.strip().splitlines())
        assert "USD rates cover 1999-01-04" in err
        assert "Traceback" not in err

    def test_bad_date_is_a_usage_error(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A malformed date is refused by the parser with a hint."""
        with pytest.raises(SystemExit) as info:
            main(["convert", "385 M EUR", "USD", "--on", "2023-13-01"])

        assert 2 == info.value.code
        assert "write it as YYYY-MM-DD" in capsys.readouterr().err


class TestParse:
    def test_parse(self, capsys: pytest.CaptureFixture[str]) -> None:
        """parse shows the exact amount and its long form."""
        status, out, _ = run(capsys, "parse", "3 milliards de dollars")

        assert 0 == status
        assert "Money('3000000000', 'USD')  (3 billion US dollars)\n" == out

    def test_locale_and_assume(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--locale settles the decimal mark, --assume a shared symbol."""
        status, out, _ = run(capsys, "parse", "385.000 €", "--locale", "de")
        assert (0, "Money('385000', 'EUR')") == (status, out.split("  ")[0])
        status, out, _ = run(capsys, "parse", "¥5", "--assume", "CNY")
        assert (0, "Money('5', 'CNY')") == (status, out.split("  ")[0])

    def test_unreadable(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Unreadable text is one error line quoting it."""
        status, _, err = run(capsys, "parse", "beaucoup")

        assert 2 == status
        assert "'beaucoup'" in err


class TestClaims:
    def test_table_lists_every_claim_with_a_summary(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The table has one row per claim and counts each verdict."""
        from aiecosys import load_article

        article = load_article()
        status, out, _ = run(capsys, "claims")
        verdicts = [e.verdict.value for e in article.check()]

        assert 0 == status
        for claim in article.claims:
            assert claim.id in out
        summary = out.strip().splitlines()[-1]
        assert summary.startswith(f"{len(article.claims)} claims: ")
        for verdict in ("SUPPORTED", "REFUTED", "NOT_ENOUGH_INFO"):
            assert f"{verdicts.count(verdict)} {verdict}" in summary

    def test_lang_fr_shows_the_french_quotes(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--lang fr shows each claim as quoted in French, between « »."""
        from aiecosys import load_article

        claim = load_article().claim("yi-half-gpt4")
        _, out, _ = run(capsys, "claims", "--lang", "fr")

        assert f"«\u00a0{claim.quote}\u00a0»" in out
        assert claim.restatement not in out

    def test_json_has_the_documented_fields(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--format json gives one object per claim with verdict and evidence."""
        status, out, _ = run(capsys, "claims", "--format", "json")
        items = json.loads(out)
        by_id = {item["id"]: item for item in items}

        assert 0 == status
        assert {
            "id",
            "quote",
            "lang",
            "restatement",
            "verdict",
            "explanation",
            "evidence",
            "conversions",
        } <= set(items[0])
        assert "REFUTED" == by_id["yi-half-gpt4"]["verdict"]
        assert all(
            source["url"]
            for item in by_id["yi-half-gpt4"]["evidence"]
            for source in item["sources"]
        )
        assert all(
            item["verdict"] in {"SUPPORTED", "REFUTED", "NOT_ENOUGH_INFO"}
            for item in items
        )

    def test_conversions_are_written_with_rate_date_and_source(self) -> None:
        """A conversion in the JSON output keeps its rate, dates and source."""
        from datetime import date

        from aiecosys import Money
        from aiecosys._cli import _conversion_json

        usd = Money.parse("385 M€").to("USD", on=date(2023, 12, 10))
        assert usd.conversion is not None
        written = _conversion_json(usd.conversion)

        assert "1.0777" == written["rate"]
        assert ("EUR", "USD") == (written["base"], written["quote"])
        assert ("2023-12-10", "2023-12-08") == (written["on"], written["observed"])
        assert written["source"].startswith("ECB")
        assert json.loads(json.dumps(written)) == written

    def test_markdown_is_a_table(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--format markdown starts with a Markdown table header."""
        _, out, _ = run(capsys, "claims", "--format", "markdown")

        assert out.startswith("| id | claim | verdict | why |\n| --- |")

    def test_explain_shows_the_evidence_trail(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--explain shows the quote, the verdict and each source with its url."""
        status, out, _ = run(capsys, "claims", "--explain", "yi-half-gpt4")

        assert 0 == status
        assert out.startswith("yi-half-gpt4: REFUTED")
        assert "Evidence:" in out
        assert "https://" in out

    def test_unknown_id_is_one_line(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown claim id is one error line listing the known ids."""
        status, out, err = run(capsys, "claims", "--explain", "nope")

        assert 2 == status
        assert "" == out
        assert 1 == len(err.strip().splitlines())
        assert "no claim 'nope'" in err
        assert "yi-half-gpt4" in err


class TestCompare:
    def test_yi_against_gpt4(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Yi-34B is smaller than GPT-4 at every published estimate."""
        status, out, _ = run(capsys, "compare", "Yi-34B", "GPT-4", "--by", "parameters")

        assert 0 == status
        assert "less" in out.splitlines()[0]
        assert "https://" in out

    def test_missing_measure(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A measure a model does not record is one error line."""
        status, _, err = run(
            capsys, "compare", "GPT-4", "ChatGPT", "--by", "training_compute"
        )

        assert 2 == status
        assert "has no recorded training_compute" in err

    def test_unknown_model(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown model name is one error line."""
        status, _, err = run(capsys, "compare", "Yi-34B", "GPT-7")

        assert 2 == status
        assert "GPT-7" in err


def test_no_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    """Without a command, the help lists the commands."""
    status, out, _ = run(capsys)

    assert 0 == status
    assert "convert" in out
    assert "claims" in out
    assert "examples:\n  aiecosys claims" in out


@pytest.mark.parametrize(
    "command", ["claims", "check", "validate", "convert", "compare", "parse"]
)
def test_every_command_has_help_with_an_example(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """--help works on every command and ends with an example of it."""
    with pytest.raises(SystemExit) as info:
        main([command, "--help"])
    out = capsys.readouterr().out

    assert 0 == info.value.code
    assert "usage: aiecosys " + command in out
    assert f"examples:\n  aiecosys {command}" in out


class TestVersion:
    def test_the_version_is_the_project_version(self) -> None:
        """aiecosys.__version__ is pyproject's version, from the package metadata."""
        import tomllib
        from pathlib import Path

        import aiecosys

        pyproject = Path(__file__).parents[1] / "pyproject.toml"
        project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]

        assert project["version"] == aiecosys.__version__

    def test_dash_dash_version(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`aiecosys --version` prints the same version."""
        import aiecosys

        status, out, _ = run(capsys, "--version")

        assert 0 == status
        assert f"aiecosys {aiecosys.__version__}\n" == out

    def test_import_does_not_read_the_metadata(self) -> None:
        """The version is read on first use: `import aiecosys` stays cheap."""
        code = (
            "import sys, aiecosys; "
            "print('importlib.metadata' in sys.modules, aiecosys.__version__ > '')"
        )
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )

        assert "False True" == result.stdout.strip()


def test_python_dash_m_runs_the_command() -> None:
    """`python -m aiecosys` is the same command, in a fresh process."""
    result = subprocess.run(
        [sys.executable, "-m", "aiecosys", "parse", "105 million euros"],
        capture_output=True,
        text=True,
        check=False,
    )

    assert 0 == result.returncode
    assert "Money('105000000', 'EUR')" in result.stdout


def test_module_entry_point_exits_with_the_command_status(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Running the package as a module exits with main()'s status."""
    import runpy

    monkeypatch.setattr(sys, "argv", ["aiecosys", "parse", "nothing here"])
    with pytest.raises(SystemExit) as info:
        runpy.run_module("aiecosys", run_name="__main__")

    assert 2 == info.value.code
    assert "no number" in capsys.readouterr().err


def test_results_do_not_depend_on_the_decimal_context(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A caller's 3-digit decimal context changes no verdict, figure or rate."""
    import decimal

    commands = (
        ("claims", "--format", "json"),
        ("compare", "Yi-34B", "GPT-4"),
        ("parse", "385,5 millions d'euros"),
        ("convert", "385 M EUR", "USD", "--on", "2023-12-11"),
    )
    expected = [run(capsys, *argv) for argv in commands]
    with decimal.localcontext() as context:
        context.prec = 3
        narrow = [run(capsys, *argv) for argv in commands]

    assert expected == narrow
    assert all(0 == status for status, _, _ in narrow)
