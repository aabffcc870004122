"""aiecosys: sourced, dated, dimension-safe facts about the AI industry."""

from aiecosys._article import load_article
from aiecosys._dates import PartialDate, Period, as_partial_date
from aiecosys._ecosystem import (
    ConversionPolicy,
    Ecosystem,
    RaisedAmount,
    RaisedTotal,
    normalise_name,
)
from aiecosys._entities import Office, Organisation, OrganisationKind, Person, Role
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
from aiecosys._estimate import Estimate, Status
from aiecosys._files import dump, dumps, from_document, load, loads, to_document
from aiecosys._funding import FundFact, FundingRound, RoundKind, ValuationBasis
from aiecosys._models import BenchmarkScore, Modality, ModelSpec, Openness
from aiecosys._money import Money
from aiecosys._ordering import Ordering, order_bounds
from aiecosys._schema import json_schema
from aiecosys._source import Source
from aiecosys._units import Quantity, flop, parameters, quantity, tokens


__all__ = [
    "AiecosysError",
    "BenchmarkScore",
    "ConversionPolicy",
    "CurrencyError",
    "CurrencyMismatchError",
    "DataError",
    "DimensionMismatchError",
    "Ecosystem",
    "Estimate",
    "FundFact",
    "FundingRound",
    "Modality",
    "ModelSpec",
    "Money",
    "Office",
    "Openness",
    "Ordering",
    "Organisation",
    "OrganisationKind",
    "ParseError",
    "PartialDate",
    "Period",
    "Person",
    "Problem",
    "Quantity",
    "RaisedAmount",
    "RaisedTotal",
    "RateUnavailableError",
    "Role",
    "RoundKind",
    "Source",
    "Status",
    "UnknownEntityError",
    "ValuationBasis",
    "as_partial_date",
    "dump",
    "dumps",
    "flop",
    "from_document",
    "json_schema",
    "load",
    "load_article",
    "loads",
    "normalise_name",
    "order_bounds",
    "parameters",
    "quantity",
    "to_document",
    "tokens",
]
