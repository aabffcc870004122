"""Run every benchmark in this folder in one run and collect their reports.

Run: python benchmarks/run.py [--quick] [--output FILE]

``--quick`` runs each benchmark with few repetitions, to check that they still
work (CI does this); the figures are then not worth quoting. Without it, the
report is written to ``benchmarks/results/report.md`` (or ``--output``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import subprocess
import sys
from importlib import metadata
from pathlib import Path


HERE = Path(__file__).parent
PACKAGES = (
    "aiecosys",
    "attrs",
    "pint",
    "babel",
    "currencyconverter",
    "py-moneyed",
    "numpy",
    "pandas",
    "cattrs",
    "rtoml",
)


def _versions() -> str:
    found = []
    for name in PACKAGES:
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            continue
    return ", ".join(found)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--output", type=Path, default=HERE / "results" / "report.md")
    args = parser.parse_args()

    header = [
        "# Benchmark report",
        "",
        f"- date: {dt.datetime.now(tz=dt.UTC).date().isoformat()}",
        f"- machine: {platform.machine()}, {platform.processor() or 'unknown processor'}, Python {platform.python_version()}",
        f"- packages: {_versions()}",
        "",
    ]
    sections: list[str] = []
    failed = []
    for script in sorted(HERE.glob("bench_*.py")):
        command = [sys.executable, str(script)] + (["--quick"] if args.quick else [])
        print(f"$ {' '.join(command)}", flush=True)
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        print(result.stdout, flush=True)
        if result.returncode != 0:
            print(result.stderr, file=sys.stderr)
            failed.append(script.name)
        sections.append(f"<!-- {script.name} -->\n{result.stdout}")
    if not args.quick:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text("\n".join(header + sections), encoding="utf-8")
        print(f"report written to {args.output}")
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
