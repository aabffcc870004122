"""Timing helpers shared by the benchmarks: medians, spreads and ratios."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
import timeit
from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    """A median time per call over repeated runs, with its spread."""

    name: str
    median: float
    low: float
    high: float

    def describe(self) -> str:
        spread = (self.high - self.low) / self.median * 100 if self.median else 0.0
        return f"{self.name:<58} {_human(self.median):>10}  (±{spread / 2:.0f}%)"


def _human(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    if seconds >= 1e-6:
        return f"{seconds * 1e6:.2f} µs"
    return f"{seconds * 1e9:.0f} ns"


def interleaved(
    samplers: list[tuple[str, Callable[[], float]]], repeat: int
) -> list[Figure]:
    """Take each sample in turn, *repeat* rounds over, so that a busy machine
    slows every contender alike; return the median of each, with its spread."""
    runs: dict[str, list[float]] = {name: [] for name, _ in samplers}
    for _, warm_up in samplers:
        warm_up()
    for _ in range(repeat):
        for name, sample in samplers:
            runs[name].append(sample())
    return [
        Figure(name, statistics.median(times), min(times), max(times))
        for name, times in runs.items()
    ]


def once(fn: Callable[[], object]) -> Callable[[], float]:
    """A sampler for `interleaved`: the time of one call of *fn*."""

    def sample() -> float:
        start = time.perf_counter()
        fn()
        return time.perf_counter() - start

    return sample


def per_call(
    name: str, fn: Callable[[], object], *, number: int, repeat: int
) -> Figure:
    """Time *fn* called *number* times, *repeat* times over; per-call figures."""
    fn()  # warm up caches, as a user's second call would be
    runs = [t / number for t in timeit.repeat(fn, number=number, repeat=repeat)]
    return Figure(name, statistics.median(runs), min(runs), max(runs))


def fresh_process(name: str, code: str, *, repeat: int) -> Figure:
    """Time a whole fresh Python process running *code*."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        runs.append(time.perf_counter() - start)
    return Figure(name, statistics.median(runs), min(runs), max(runs))


def fresh_process_inner(name: str, code: str, *, repeat: int) -> Figure:
    """Run *code* in fresh processes; *code* prints its own elapsed seconds."""
    runs = []
    for _ in range(repeat):
        result = subprocess.run(
            [sys.executable, "-c", code], check=True, capture_output=True, text=True
        )
        runs.append(float(result.stdout.strip().splitlines()[-1]))
    return Figure(name, statistics.median(runs), min(runs), max(runs))


def report(title: str, rows: Sequence[tuple[Figure, Figure, str]]) -> list[str]:
    """Print and return lines: each aiecosys figure beside its peer, with the ratio."""
    lines = [f"## {title}", ""]
    lines.append("| measure | aiecosys | peer | ratio | target |")
    lines.append("| --- | --- | --- | --- | --- |")
    for ours, peer, target in rows:
        ratio = ours.median / peer.median
        lines.append(
            f"| {ours.name} | {_human(ours.median)} | {peer.name}: {_human(peer.median)}"
            f" | {ratio:.2f}x | {target} |"
        )
    lines.append("")
    print("\n".join(lines))
    return lines
