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
from aiecosys._money import Money
from aiecosys._units import Quantity, flop, parameters, quantity, tokens


__all__ = [
    "AiecosysError",
    "CurrencyError",
    "CurrencyMismatchError",
    "DataError",
    "DimensionMismatchError",
    "Money",
    "ParseError",
    "Problem",
    "Quantity",
    "RateUnavailableError",
    "UnknownEntityError",
    "flop",
    "parameters",
    "quantity",
    "tokens",
]
