"""aiecosys: sourced, dated, dimension-safe facts about the AI industry."""

from aiecosys._errors import (
    AiecosysError,
    CurrencyError,
    CurrencyMismatchError,
    DataError,
    DimensionMismatchError,
    ParseError,
    Problem,
    RateUnavailableError,
    UnknownEntityError,
)


__all__ = [
    "AiecosysError",
    "CurrencyError",
    "CurrencyMismatchError",
    "DataError",
    "DimensionMismatchError",
    "ParseError",
    "Problem",
    "RateUnavailableError",
    "UnknownEntityError",
]
