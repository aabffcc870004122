"""Eight threads converting, comparing and checking claims at once on one knowledge
base give the same results as one thread, in this process and in a fresh one
(where every table, rate series and unit registry is built on first use)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

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
