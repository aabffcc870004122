"""Shared pieces of the exchange-rate tests: a file with a gap, a hostile context."""

from __future__ import annotations

import decimal
from contextlib import contextmanager
from typing import TYPE_CHECKING


if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path


GAP_CSV = (
    "Date,USD,ISK,RUB\n"
    "2023-12-08,1.0765,150,99\n"
    "2023-12-11,1.0757,N/A,N/A\n"
    "2023-12-12,1.0804,151,N/A\n"
)
"""Rates where ISK has a gap on 2023-12-11 and RUB's series ends on 2023-12-08."""


def gap_file(folder: Path) -> Path:
    """Write `GAP_CSV` in *folder* and return its path."""
    path = folder / "gap.csv"
    path.write_text(GAP_CSV, encoding="utf-8")
    return path


@contextmanager
def careless_decimal_context() -> Iterator[None]:
    """Run with a 3-digit thread context that rounds down and traps any rounding."""
    with decimal.localcontext():
        context = decimal.getcontext()
        context.prec = 3
        context.rounding = decimal.ROUND_DOWN
        context.traps[decimal.Inexact] = True
        yield
