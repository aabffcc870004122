"""The `aiecosys claims` command, start to finish, in fresh processes.

Run: python benchmarks/bench_cli.py [--quick]

Bytecode is written on a first run, as a normal install has it; the figures
are the runs after that. Every contender runs in turn, round after round, so
that a busy machine slows them alike.

The peer is a whole process that converts an amount with CurrencyConverter
(import, load its rates file, convert), the first thing a script does with
exchange rates; the command should take at most half of it, and under 0.25 s.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path


sys.path.insert(0, str(Path(__file__).parent))

from _timing import interleaved, report


CURRENCY_CONVERTER = (
    "from datetime import date; from currency_converter import CurrencyConverter; "
    'CurrencyConverter(fallback_on_missing_rate=True, fallback_on_missing_rate_method="last_known")'
    ".convert(100, 'USD', 'EUR', date=date(2023, 11, 3))"
)

# Bytecode is written and read, as in a normal install.
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

# What aiecosys's dependencies cost the claims command before any of its own
# code runs: attrs, cattrs and Babel imported, and Babel's English locale data
# and global data loaded, as the command loads them to write its numbers.
DEPENDENCIES = (
    "import attrs, cattrs, babel.dates, babel.lists, babel.numbers; "
    "babel.numbers.format_decimal(1, locale='en'); babel.core.get_global('zone_aliases')"
)

# Where the command's time goes, in one fresh process: each phase timed in
# turn. attrs' class builder is wrapped to time the building of aiecosys's
# classes (attrs writes and compiles their methods when a module is imported).
PHASES = """
import time
start = time.perf_counter()
import json, io, contextlib
import attrs, cattrs, babel.dates, babel.lists, babel.numbers
imported = time.perf_counter()
import attr._make
build, built = attr._make._ClassBuilder.build_class, [0.0, 0]
def timed(self):
    began = time.perf_counter()
    try:
        return build(self)
    finally:
        built[0] += time.perf_counter() - began
        built[1] += 1
attr._make._ClassBuilder.build_class = timed
import aiecosys._article, aiecosys._cli
ours = time.perf_counter()
article = aiecosys._article.load_article()
loaded = time.perf_counter()
with contextlib.redirect_stdout(io.StringIO()):
    aiecosys._cli.main(["claims"])
written = time.perf_counter()
aiecosys._article.load_article.__wrapped__()
again = time.perf_counter()
print(json.dumps({
    "attrs, cattrs and Babel imported": imported - start,
    f"aiecosys imported: attrs building its {built[1]} classes": built[0],
    "aiecosys imported: the rest of its modules": ours - imported - built[0],
    "article read and its claims evaluated, first time": loaded - ours,
    "verdicts written (and the command line parsed)": written - loaded,
    "  the same reading and evaluation again, warm": again - written,
}))
"""
"""The phases; the last one is not part of the command: it shows how much of
the first reading is the work itself and how much is done once per process
(Babel's locale data, cattrs' hooks, caches)."""


def _phases(repeat: int) -> list[str]:
    """The median of each phase of the command over *repeat* fresh processes."""
    runs: dict[str, list[float]] = {}
    for _ in range(repeat):
        result = subprocess.run(
            [sys.executable, "-c", PHASES],
            check=True,
            capture_output=True,
            text=True,
            env=_ENV,
        )
        for name, seconds in json.loads(result.stdout).items():
            runs.setdefault(name, []).append(seconds)
    lines = [
        "## Where the claims command's time goes (one fresh process, medians)",
        "",
        "| phase | time |",
        "| --- | --- |",
    ]
    lines += [
        f"| {name} | {statistics.median(times) * 1e3:.1f} ms |"
        for name, times in runs.items()
    ]
    lines.append("")
    print("\n".join(lines))
    return lines


def _process(command: list[str]) -> Callable[[], float]:
    """A sampler: the wall time of one whole run of *command*."""

    def sample() -> float:
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=_ENV)
        return time.perf_counter() - start

    return sample


def run(*, quick: bool = False) -> list[str]:
    repeat = 3 if quick else 15
    python = sys.executable
    figures = interleaved(
        [
            ("-m aiecosys claims", _process([python, "-m", "aiecosys", "claims"])),
            (
                "-m aiecosys claims --format json",
                _process([python, "-m", "aiecosys", "claims", "--format", "json"]),
            ),
            (
                "-m aiecosys claims --lang fr",
                _process([python, "-m", "aiecosys", "claims", "--lang", "fr"]),
            ),
            (
                "CurrencyConverter: import, load, convert (whole process)",
                _process([python, "-c", CURRENCY_CONVERTER]),
            ),
            ("-c pass", _process([python, "-c", "pass"])),
            (
                "-c import attrs, cattrs, Babel; load its English data",
                _process([python, "-c", DEPENDENCIES]),
            ),
            (
                "-c import pint; pint.UnitRegistry()",
                _process([python, "-c", "import pint; pint.UnitRegistry()"]),
            ),
        ],
        repeat,
    )
    claims, claims_json, claims_fr, converter, bare, dependencies, pint_registry = (
        figures
    )
    lines = report(
        "The aiecosys claims command, whole process",
        [
            (claims, converter, "<= 0.5x, and under 0.25 s"),
            (claims_json, converter, "<= 0.5x, and under 0.25 s"),
            (claims_fr, converter, "<= 0.5x, and under 0.25 s"),
            (claims, bare, "ratio reported"),
            (dependencies, converter, "ratio reported"),
            (claims, pint_registry, "ratio reported"),
        ],
    )
    lines.append(
        f"aiecosys claims: {claims.median * 1e3:.0f} ms per run (median; target "
        f"under 250 ms and at most {converter.median * 0.5e3:.0f} ms, half of "
        "CurrencyConverter's)\n"
    )
    print(lines[-1])
    return lines + _phases(repeat)


if __name__ == "__main__":
    run(quick="--quick" in sys.argv)
