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

import os
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


def _process(command: list[str]) -> Callable[[], float]:
    """A sampler: the wall time of one whole run of *command*."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

    def sample() -> float:
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        return time.perf_counter() - start

    return sample


def run(*, quick: bool = False) -> list[str]:
    repeat = 3 if quick else 15
    python = sys.executable
    claims, claims_json, claims_fr, converter, bare, pint_registry = interleaved(
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
                "-c import pint; pint.UnitRegistry()",
                _process([python, "-c", "import pint; pint.UnitRegistry()"]),
            ),
        ],
        repeat,
    )
    lines = report(
        "The aiecosys claims command, whole process",
        [
            (claims, converter, "<= 0.5x, and under 0.25 s"),
            (claims_json, converter, "<= 0.5x, and under 0.25 s"),
            (claims_fr, converter, "<= 0.5x, and under 0.25 s"),
            (claims, bare, "ratio reported"),
            (claims, pint_registry, "ratio reported"),
        ],
    )
    lines.append(
        f"aiecosys claims: {claims.median * 1e3:.0f} ms per run (median; target "
        f"under 250 ms and at most {converter.median * 0.5e3:.0f} ms, half of "
        "CurrencyConverter's)\n"
    )
    print(lines[-1])
    return lines


if __name__ == "__main__":
    run(quick="--quick" in sys.argv)
