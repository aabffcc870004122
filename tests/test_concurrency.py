"""Eight threads converting, comparing and checking claims at once on one knowledge
base give the same results as one thread, in this process and in a fresh one
(where every table, rate series and unit registry is built on first use)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

import aiecosys
from aiecosys import Money, compare, parameters


ROOT = Path(__file__).parent.parent
THREADS = 8
CURRENCIES = ("USD", "GBP", "JPY", "CNY", "CHF")
DAYS = tuple(dt.date(2015, 1, 5) + dt.timedelta(days=97 * n) for n in range(30))


def work() -> list[Any]:
    """Convert, compare and check the article's claims; return every result."""
    article = aiecosys.load_article()
    eco = article.ecosystem
    results: list[Any] = []
    for n, day in enumerate(DAYS):
        currency = CURRENCIES[n % len(CURRENCIES)]
        converted = Money(f"{385 + n}000000", "EUR").to(currency, on=day)
        results.append((converted, converted.conversion))
        other = Money(f"{200 + n}000000", "USD")
        results.append(compare(Money(f"{385 + n}000000", "EUR"), other, on=day))
    yi, gpt4 = eco.model("Yi-34B"), eco.model("GPT-4")
    results.append(compare(parameters("34B"), parameters("1.8T")))
    results.append((yi.parameters, gpt4.parameters))
    results.extend(article.check())
    return results


def _in_threads() -> list[list[Any] | BaseException]:
    start = threading.Barrier(THREADS)
    found: list[list[Any] | BaseException] = [[] for _ in range(THREADS)]

    def run(slot: int) -> None:
        start.wait()
        try:
            found[slot] = work()
        except BaseException as error:  # noqa: BLE001 - the test reports it
            found[slot] = error

    threads = [threading.Thread(target=run, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return found


def test_eight_threads_give_the_results_of_one() -> None:
    """Eight threads at once give the results, and reprs, of one thread."""
    alone = work()
    for result in _in_threads():
        assert not isinstance(result, BaseException), result
        assert alone == result
        assert [repr(item) for item in alone] == [repr(item) for item in result]


FRESH = """
import sys
from tests import test_concurrency as t
together = t._in_threads()
alone = t.work()
for result in together:
    if isinstance(result, BaseException):
        raise result
    assert [repr(x) for x in result] == [repr(x) for x in alone], "threads differ"
    assert result == alone
print(len(alone))
"""


def test_eight_threads_at_first_use_in_a_fresh_process() -> None:
    """Eight threads racing to first use in a fresh process give the results of one."""
    done = subprocess.run(
        [sys.executable, "-c", FRESH],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) == len(work())


_FORK_WHILE_LOADING = """
import os, sys, threading
from aiecosys import _units
from aiecosys.fx import _ecb

# Hold every load-once lock in another thread, as a thread in the middle of a
# first conversion would, and fork while they are held.
locks = [_units._lock, _ecb._bundle_lock]
held, done = threading.Event(), threading.Event()

def hold():
    for lock in locks:
        lock.acquire()
    held.set()
    done.wait()
    for lock in locks:
        lock.release()

thread = threading.Thread(target=hold)
thread.start()
held.wait()
pid = os.fork()
if pid == 0:
    from aiecosys import Money, parameters
    import datetime as dt
    converted = Money("385000000", "EUR").to("USD", on=dt.date(2023, 12, 8))
    size = parameters("34B")
    os._exit(0 if converted.currency == "USD" and size.magnitude else 1)
done.set()
thread.join()
_, status = os.waitpid(pid, 0)
sys.exit(os.waitstatus_to_exitcode(status))
"""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="os.fork is POSIX only")
def test_a_child_forked_while_a_lock_is_held_can_still_convert() -> None:
    """A fork while another thread holds a load-once lock leaves the child working."""
    result = subprocess.run(
        [sys.executable, "-c", _FORK_WHILE_LOADING],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
