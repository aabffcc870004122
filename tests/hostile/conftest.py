"""A time budget for every hostile-input test: a hang fails, it does not stall."""

from __future__ import annotations

import json
import signal
import threading
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import pytest


BUDGET_SECONDS = 10.0
"""No input, however large, may take longer than this to be refused."""


class OverBudgetError(BaseException):
    """Raised in the test when its time is up (a BaseException, so that no
    ``except Exception`` in the code under test can swallow it)."""


def _expire(_signum: int, _frame: FrameType | None) -> None:
    raise OverBudgetError("over the time budget: a hang?")


@pytest.fixture(autouse=True)
def time_budget(request: pytest.FixtureRequest) -> Iterator[None]:
    """Interrupt the test after BUDGET_SECONDS, or the module's TIME_BUDGET
    (main thread, POSIX only)."""
    seconds = getattr(request.module, "TIME_BUDGET", BUDGET_SECONDS)
    usable = hasattr(signal, "setitimer") and (
        threading.current_thread() is threading.main_thread()
    )
    if not usable:  # pragma: no cover - Windows, or pytest run in a thread
        yield
        return
    previous = signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


_DATA = Path(__file__).parent / "data"


def _corpus_counts() -> dict[str, int]:
    """Count the cases of each corpus file in data/ (one JSON object of lists)."""
    counts = {}
    for path in sorted(_DATA.glob("*.json")):
        sections = json.loads(path.read_text(encoding="utf-8"))
        counts[path.name] = sum(len(cases) for cases in sections.values())
    return counts


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter,
    exitstatus: int,
    config: pytest.Config,
) -> None:
    """Report the size of the hostile corpus and how its tests ended."""
    hostile = Path(__file__).parent.name + "/"
    outcomes: dict[str, int] = {}
    for outcome in ("passed", "failed", "xfailed", "skipped", "error"):
        reports = terminalreporter.stats.get(outcome, [])
        outcomes[outcome] = sum(
            1 for report in reports if hostile in getattr(report, "nodeid", "")
        )
    if not any(outcomes.values()):
        return
    counts = _corpus_counts()
    files = ", ".join(f"{name} {count}" for name, count in counts.items())
    ended = ", ".join(f"{count} {name}" for name, count in outcomes.items() if count)
    terminalreporter.write_line(
        f"hostile corpus: {sum(counts.values())} data cases ({files}), "
        f"plus generated ones; hostile tests: {ended}"
    )
