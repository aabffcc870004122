"""The `aiecosys claims` command, start to finish, in fresh processes.

Run: python benchmarks/bench_cli.py [--quick]

Bytecode is written on a first run, as a normal install has it; the figures
are the runs after that.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path


sys.path.insert(0, str(Path(__file__).parent))

from _timing import Figure, report


def _timed(command: list[str], repeat: int) -> Figure:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(command, check=True, capture_output=True, env=env)  # warm-up
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        runs.append(time.perf_counter() - start)
    return Figure(" ".join(command[1:]), statistics.median(runs), min(runs), max(runs))


def run(*, quick: bool = False) -> list[str]:
    repeat = 3 if quick else 15
    python = sys.executable
    claims = _timed([python, "-m", "aiecosys", "claims"], repeat)
    claims_json = _timed(
        [python, "-m", "aiecosys", "claims", "--format", "json"], repeat
    )
    bare = _timed([python, "-c", "pass"], repeat)
    pint_registry = _timed([python, "-c", "import pint; pint.UnitRegistry()"], repeat)
    lines = report(
        "The aiecosys claims command, whole process",
        [
            (claims, bare, "well under 0.5 s (absolute)"),
            (claims, pint_registry, "ratio reported"),
            (claims_json, bare, "ratio reported"),
        ],
    )
    lines.append(f"aiecosys claims: {claims.median * 1e3:.0f} ms per run (median)\n")
    print(lines[-1])
    return lines


if __name__ == "__main__":
    run(quick="--quick" in sys.argv)
