"""`benchmarks/run.py --quick` still runs every benchmark: no figure is checked."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest


ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = ROOT / "benchmarks"

# Every section a quick run prints, matched as a prefix of the header line,
# because some headers end with sizes that depend on the mode.
SECTIONS = (
    "## Checking claims",
    "## The aiecosys claims command, whole process",
    "## Where the claims command's time goes",
    "## First conversion in a fresh process",
    "## Warm scalar conversion at a date",
    "## 20,000 rows into EUR",
    "## Loading a knowledge base (",
    "## Memory",
    "## Money against py-moneyed",
    "## Start-up",
    "## Units registry",
    "## Quantities against pint",
)
EPOCH_SECTION = "## Importing Epoch AI's data against pandas.read_csv"


@pytest.fixture(scope="module")
def quick_run() -> subprocess.CompletedProcess[str]:
    # The peers the benchmarks compare against (the "bench" dependency group).
    for peer in ("moneyed", "currency_converter", "pandas", "numpy"):
        pytest.importorskip(peer)
    return subprocess.run(
        [sys.executable, str(BENCHMARKS / "run.py"), "--quick"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        timeout=600,
    )


def test_quick_run_exits_cleanly(quick_run: subprocess.CompletedProcess[str]) -> None:
    """The quick benchmark run exits with 0 and reports no failure."""
    assert quick_run.returncode == 0, quick_run.stderr[-4000:]
    assert "failed:" not in quick_run.stderr


def test_quick_run_runs_every_benchmark(
    quick_run: subprocess.CompletedProcess[str],
) -> None:
    """The quick run runs every benchmark script, each once, in order."""
    scripts = sorted(path.name for path in BENCHMARKS.glob("bench_*.py"))
    assert {"bench_cli.py", "bench_import.py", "bench_memory.py"} <= set(scripts)
    ran = re.findall(r"^\$ .*?(bench_\w+\.py) --quick$", quick_run.stdout, re.MULTILINE)
    assert scripts == ran


def test_quick_run_prints_every_section(
    quick_run: subprocess.CompletedProcess[str],
) -> None:
    """The quick run prints every section, or says why Epoch's is skipped."""
    headers = [line for line in quick_run.stdout.splitlines() if line.startswith("## ")]
    for section in SECTIONS:
        assert any(header.startswith(section) for header in headers), section
    # The Epoch file lives outside the repository: its section, or a skip message.
    assert EPOCH_SECTION in headers or "skipped:" in quick_run.stdout


def test_quick_run_tables_are_complete(
    quick_run: subprocess.CompletedProcess[str],
) -> None:
    """Every row of the quick run's tables has a figure in each column, never nan."""
    rows = [line for line in quick_run.stdout.splitlines() if line.startswith("| ")]
    assert rows
    for row in rows:
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        assert all(cells), row
        assert "nan" not in cells, row


def test_quick_run_writes_no_report(
    quick_run: subprocess.CompletedProcess[str],
) -> None:
    """The quick run writes no report file."""
    assert "report written" not in quick_run.stdout
