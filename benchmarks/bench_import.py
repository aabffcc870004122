"""Importing Epoch AI's all_ai_models.csv against pandas.read_csv on the same file.

Run: python benchmarks/bench_import.py [--quick]

The file is not part of aiecosys: it is read from ../shared/data/epoch-ai/ next
to the repository, or from the path given with --file.
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path


sys.path.insert(0, str(Path(__file__).parent))

from _timing import interleaved, once, report


DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "epoch-ai"


def run(*, quick: bool = False, file: Path | None = None) -> list[str]:
    import pandas as pd

    from aiecosys.importers import epoch

    path = file or DEFAULT / "all_ai_models.csv"
    if not path.is_file():
        print(f"skipped: {path} is absent")
        return []
    repeat = 3 if quick else 11
    ours, peer, reading = interleaved(
        [
            (f"epoch.load({path.name})", once(lambda: epoch.load(path))),
            ("pandas.read_csv", once(lambda: pd.read_csv(path))),
            # The floor of the importer's reading: the file decoded and split
            # into rows and cells as the importer does, nothing else.
            ("csv.reader alone (decode, every row)", once(lambda: _rows(path))),
        ],
        repeat,
    )
    rows = [(ours, peer, "<= 3x"), (reading, peer, "ratio reported")]
    return report("Importing Epoch AI's data against pandas.read_csv", rows)


def _rows(path: Path) -> list[list[str]]:
    """Every row of *path* as `epoch.load` splits it, and nothing more."""
    text = path.read_bytes().decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), strict=True))


if __name__ == "__main__":
    given = [arg for arg in sys.argv[1:] if arg.startswith("--file=")]
    run(
        quick="--quick" in sys.argv,
        file=Path(given[0].removeprefix("--file=")) if given else None,
    )
