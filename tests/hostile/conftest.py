"""A time budget for every hostile-input test: a hang fails, it does not stall."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
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
