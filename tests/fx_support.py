"""Shared pieces of the exchange-rate tests: small rates files, a hostile context."""

from __future__ import annotations

import decimal
from contextlib import contextmanager
from datetime import date, timedelta
from typing import TYPE_CHECKING

import pytest
from hypothesis import strategies as st

from aiecosys import RateUnavailableError
from aiecosys.fx import ECBRates, _ecb


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


CSV = """Date,USD,JPY,RUB,
2023-12-11,1.0757,N/A,N/A,
2023-12-08,1.0765,156.00,98.5,
2023-12-01,1.0900,160.00,99.0,
2023-11-20,1.0800,161.00,99.5,
"""
"""Rates of four days, newest first, where JPY's and RUB's series end on 2023-12-08.

The `path` fixture of tests/conftest.py writes it; its expected values do not
depend on the bundled snapshot.
"""
NAME = "test rates"
COVERS = "rates cover 2023-11-20 to {} (test rates, snapshot 2023-12-11)"
"""The end of a refusal's message for `CSV`, given the series' last day."""


def rates(path: Path, stale: int = 7) -> ECBRates:
    """The rates of the file at *path*, named `NAME`, with a staleness limit."""
    return ECBRates.from_file(path, max_stale_days=stale, name=NAME)


def refusal(source: ECBRates, base: str, quote: str, on: date) -> str:
    """The message with which *source* refuses the rate of *base* in *quote* on *on*."""
    with pytest.raises(RateUnavailableError) as caught:
        source.rate(base, quote, on=on)
    return str(caught.value)


@contextmanager
def careless_decimal_context() -> Iterator[None]:
    """Run with a 3-digit thread context that rounds down and traps any rounding."""
    with decimal.localcontext():
        context = decimal.getcontext()
        context.prec = 3
        context.rounding = decimal.ROUND_DOWN
        context.traps[decimal.Inexact] = True
        yield


CODES = ("USD", "JPY", "ISK")
START = date(2023, 1, 2)

published_rows = st.lists(
    st.tuples(
        st.integers(0, 40),
        st.lists(
            st.one_of(st.none(), st.sampled_from(["1.0757", "157.01", "150"])),
            min_size=len(CODES),
            max_size=len(CODES),
        ),
    ),
    min_size=1,
    max_size=25,
    unique_by=lambda row: row[0],
).filter(lambda rows: any(rate for _, rates in rows for rate in rates))
"""Rows of a small rates file: a day (from `START`) and a rate or None per code."""


def rates_from_rows(rows: list[tuple[int, list[str | None]]], stale: int) -> ECBRates:
    """Rates read from the ECB-layout text of *rows*, with a staleness limit."""
    lines = ["Date," + ",".join(CODES)]
    lines.extend(
        f"{START + timedelta(days=day)}," + ",".join(rate or "N/A" for rate in rates)
        for day, rates in rows
    )
    table = _ecb._parse_csv("\n".join(lines).encode(), "rates.csv", "test rates")
    return ECBRates(table, stale)


def served_by(
    rows: list[tuple[int, list[str | None]]], code: str, day: int, stale: int
) -> int | None:
    """The rule, written plainly: the day whose rate of *code* serves *day*, or None.

    It is the last day on or before *day* on which any rate was published,
    provided *code* has a rate that day, it is at most *stale* days earlier,
    and *day* is not after the last day with any rate.
    """
    column = CODES.index(code)
    published = sorted(d for d, rates in rows if any(rates))
    if not published or day > published[-1] or day < published[0]:
        return None
    last = max(d for d in published if d <= day)
    rates = dict(rows)[last]
    return last if rates[column] and day - last <= stale else None
