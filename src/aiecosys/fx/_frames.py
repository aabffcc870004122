"""Exchange rates as a long table, for conversions done as a join."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from aiecosys.fx._ecb import ECBRates


__all__ = ["rates_frame"]


def rates_frame(
    source: ECBRates | None = None, *, currencies: Iterable[str] | None = None
) -> Any:
    """Return the euro reference rates as a long table: date, currency, rate.

    Each row is one published rate: 1 EUR = ``rate`` units of ``currency`` on
    ``date``, as a ``Decimal`` (object dtype), exactly as published. With it,
    a table of millions of amounts converts as a join in DuckDB, Polars or
    Spark (join on the last ``date`` on or before the amount's date, at most
    a few days older; the scalar path also refuses a rate when the source
    published other currencies but not this one in between, or when the date
    is after the data's last day). Needs pandas
    (``pip install 'aiecosys[pandas]'``).

    Args:
        source: The rates (the bundled ECB rates by default).
        currencies: Only these currencies (all by default).

    Examples:
        >>> import aiecosys.fx as fx
        >>> rates = fx.rates_frame(currencies=["USD"])
        >>> list(rates.columns)
        ['date', 'currency', 'rate']
        >>> rates[rates.date == "2023-12-11"].rate.item()
        Decimal('1.0757')
    """
    from aiecosys._tables import pandas

    pd = pandas()
    rates = source if source is not None else ECBRates.bundled()
    wanted = rates.currencies if currencies is None else tuple(currencies)
    days: list[int] = []
    codes: list[str] = []
    values: list[Decimal] = []
    for code in wanted:
        series = rates.table.series.get(code) or rates.table.load(code)
        days.extend(series.days)
        codes.extend([code] * len(series.days))
        values.extend(map(Decimal, series.texts))
    epoch = dt.date(1970, 1, 1).toordinal()
    return pd.DataFrame(
        {
            "date": pd.to_datetime(pd.Series(days, dtype="int64") - epoch, unit="D"),
            "currency": codes,
            "rate": pd.Series(values, dtype=object),
        }
    )
