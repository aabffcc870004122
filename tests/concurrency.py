"""Run one piece of work in several threads at once, for tests of first use."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar


T = TypeVar("T")


def in_threads(work: Callable[[], T], count: int = 8) -> list[T | Exception]:
    """Start *count* threads together on *work*; return each result or error."""
    start = threading.Barrier(count)
    lock = threading.Lock()
    results: list[T | Exception] = []

    def run() -> None:
        start.wait()
        try:
            value: T | Exception = work()
        except Exception as error:  # noqa: BLE001 - the test reports any failure
            value = error
        with lock:
            results.append(value)

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results
