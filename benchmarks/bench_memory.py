"""Memory of the article's knowledge base, the full Epoch import and the ECB rates.

Run: python benchmarks/bench_memory.py [--quick]

Each measure runs in two fresh processes, after the modules it needs are
imported (their own memory is not counted): one under tracemalloc, for the
peak of Python allocations during the work and what stays allocated while the
result is kept; one without it, for the growth of the resident set (RSS) as
the operating system sees it. The figures do not depend on repetition;
``--quick`` leaves out the two slowest rows (the pandas peer and every day's
rate), which check nothing the others do not.

The Epoch file is not part of aiecosys: it is read from ../shared/data/epoch-ai/
next to the repository, or from the path given with --file; without it, that
measure is skipped with a message.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


EPOCH = (
    Path(__file__).resolve().parents[1].parent
    / "shared"
    / "data"
    / "epoch-ai"
    / "all_ai_models.csv"
)

# Each measure: the imports (not counted), then the work, which binds `kept`.
MEASURES: dict[str, tuple[str, str]] = {
    "article": (
        "import aiecosys",
        "kept = aiecosys.load_article(); kept.check()",
    ),
    "epoch": (
        "from aiecosys.importers import epoch",
        "kept = epoch.load(PATH)",
    ),
    "pandas": (
        "import pandas",
        "kept = pandas.read_csv(PATH)",
    ),
    "rates": (
        "from aiecosys.fx import ECBRates",
        (
            "kept = ECBRates.bundled()\n"
            "for code in kept.currencies:\n"
            "    kept.coverage(code)"
        ),
    ),
    "rates-every-day": (
        (
            "from datetime import date\n"
            "from aiecosys import RateUnavailableError\n"
            "from aiecosys.fx import ECBRates"
        ),
        (
            "kept = ECBRates.bundled()\n"
            "for code in kept.currencies:\n"
            "    first, last = kept.coverage(code)\n"
            "    for day in range(first.toordinal(), last.toordinal() + 1):\n"
            "        try:\n"
            "            kept.rate('EUR', code, on=date.fromordinal(day))\n"
            "        except RateUnavailableError:\n"
            "            pass  # a gap of more than a week in the publications"
        ),
    ),
}

LABELS = {
    "article": "article knowledge base: `load_article()` and `.check()`",
    "epoch": "Epoch import: `epoch.load(all_ai_models.csv)`",
    "pandas": "peer: `pandas.read_csv(all_ai_models.csv)`",
    "rates": "ECB rates: every currency parsed",
    "rates-every-day": "ECB rates: every currency, every day's rate built",
}

_CHILD = """
import gc, json, os, sys
PATH = {path!r}
{imports}

def rss():
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        import resource
        scale = 1 if sys.platform == "darwin" else 1024
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale

gc.collect()
if {traced}:
    import tracemalloc
    tracemalloc.start()
    {work_indented}
    gc.collect()
    retained, peak = tracemalloc.get_traced_memory()
    print(json.dumps({{"peak": peak, "retained": retained}}))
else:
    before = rss()
    {work_indented}
    gc.collect()
    print(json.dumps({{"rss": rss() - before}}))
"""


def _child(name: str, *, traced: bool, path: Path) -> dict[str, int]:
    imports, work = MEASURES[name]
    code = _CHILD.format(
        path=str(path),
        imports=imports,
        traced=traced,
        work_indented=work.replace("\n", "\n    "),
    )
    result = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    )
    figures: dict[str, int] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def _mb(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


def run(*, quick: bool = False, file: Path | None = None) -> list[str]:
    path = file or EPOCH
    names = list(MEASURES)
    if quick:
        names = [name for name in names if name not in {"pandas", "rates-every-day"}]
    skipped = []
    if not path.is_file():
        skipped.append(f"- skipped: the Epoch import and pandas ({path} is absent)")
        names = [name for name in names if name not in {"epoch", "pandas"}]
    lines = ["## Memory", ""]
    lines.append("| data | peak (tracemalloc) | retained (tracemalloc) | RSS growth |")
    lines.append("| --- | --- | --- | --- |")
    for name in names:
        traced = _child(name, traced=True, path=path)
        plain = _child(name, traced=False, path=path)
        lines.append(
            f"| {LABELS[name]} | {_mb(traced['peak'])} | {_mb(traced['retained'])}"
            f" | {_mb(plain['rss'])} |"
        )
    lines.append("")
    if path.is_file():
        lines.append(f"- Epoch file: {path.stat().st_size / 1e6:.1f} MB on disk")
    lines.extend(skipped)
    lines.append("- target: each well under 200 MB (RSS growth), for a laptop")
    lines.append("")
    print("\n".join(lines))
    return lines


if __name__ == "__main__":
    given = [arg for arg in sys.argv[1:] if arg.startswith("--file=")]
    run(
        quick="--quick" in sys.argv,
        file=Path(given[0].removeprefix("--file=")) if given else None,
    )
