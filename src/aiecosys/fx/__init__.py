"""Exchange rates: exact, dated conversions with their provenance, offline.

Every conversion names its date, and returns the rate as a `Decimal` with a
record of where it came from ([Conversion][aiecosys.fx.Conversion]). The
European Central Bank's euro reference rates since 1999 ship with aiecosys,
so conversions work offline; they are read on first use, not on import.

Examples:
    >>> from datetime import date
    >>> import aiecosys.fx as fx
    >>> record = fx.rate("EUR", "USD", on=date(2023, 12, 11))
    >>> record.rate, record.observed, record.source
    (Decimal('1.0757'), datetime.date(2023, 12, 11), 'ECB euro reference rates')
"""

from typing import TYPE_CHECKING, Any

from aiecosys.fx._conversion import (
    RATE_DIGITS,
    Conversion,
    EuroRate,
    Method,
    convert,
    rate,
)
from aiecosys.fx._ecb import DEFAULT_MAX_STALE_DAYS, ECBRates


if TYPE_CHECKING:
    from aiecosys.fx._bulk import BulkConversion, convert_many
    from aiecosys.fx._frames import rates_frame
    from aiecosys.fx._sources import ChainedRates, FixedRates, RateSource


__all__ = [
    "DEFAULT_MAX_STALE_DAYS",
    "RATE_DIGITS",
    "BulkConversion",
    "ChainedRates",
    "Conversion",
    "ECBRates",
    "EuroRate",
    "FixedRates",
    "Method",
    "RateSource",
    "convert",
    "convert_many",
    "rate",
    "rates_frame",
]


_BULK = frozenset({"BulkConversion", "convert_many"})
_SOURCES = frozenset({"ChainedRates", "FixedRates", "RateSource"})


def __getattr__(name: str) -> Any:
    # The bulk path and the other sources are imported on first use, keeping
    # `import aiecosys.fx`, and so a first conversion, light
    # (benchmarks/bench_fx.py, "First conversion in a fresh process").
    if name in _BULK:
        from aiecosys.fx import _bulk

        return getattr(_bulk, name)
    if name in _SOURCES:
        from aiecosys.fx import _sources

        return getattr(_sources, name)
    if name == "rates_frame":
        from aiecosys.fx._frames import rates_frame

        return rates_frame
    raise AttributeError(f"module 'aiecosys.fx' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_BULK, *_SOURCES, "rates_frame"})
