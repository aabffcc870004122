"""aiecosys: sourced, dated, dimension-safe facts about the AI industry.

Every public name is importable from here. The values most programs touch
first (money, quantities, errors) are imported at once; the rest (the domain
model, files, comparisons, claims, the article) is imported on first use, so
``import aiecosys`` stays cheap for a script that only converts an amount.
"""

import importlib
from typing import TYPE_CHECKING, Any

from aiecosys._errors import (
    AiecosysError,
    CurrencyError,
    CurrencyMismatchError,
    DataError,
    DateError,
    DimensionMismatchError,
    FormatNotice,
    InvalidArithmeticError,
    ParseError,
    Problem,
    RateUnavailableError,
    UnknownEntityError,
)
from aiecosys._money import Money
from aiecosys._units import Quantity, flop, parameters, quantity, tokens


if TYPE_CHECKING:
    __version__: str
    from aiecosys._article import Article, Opinion, load_article
    from aiecosys._compare import (
        Comparison,
        Tolerance,
        about,
        about_half,
        comparable,
        compare,
        more_than,
        twice,
    )
    from aiecosys._crosscheck import CrossCheck, Disagreement, crosscheck
    from aiecosys._dates import PartialDate, Period, as_partial_date
    from aiecosys._ecosystem import (
        ConversionPolicy,
        Ecosystem,
        RaisedAmount,
        RaisedTotal,
        normalise_name,
    )
    from aiecosys._entities import Office, Organisation, OrganisationKind, Person, Role
    from aiecosys._estimate import Estimate, Status
    from aiecosys._events import Event, EventKind, Readings, events_of, readings
    from aiecosys._files import dump, dumps, from_document, load, loads, to_document
    from aiecosys._funding import FundFact, FundingRound, RoundKind, ValuationBasis
    from aiecosys._i18n import LANGUAGES, language
    from aiecosys._laws import Law
    from aiecosys._locations import Location
    from aiecosys._metrics import Metric, MetricKind
    from aiecosys._models import BenchmarkScore, Modality, ModelSpec, Openness
    from aiecosys._openworld import Complete, Denial, Relation
    from aiecosys._ordering import Ordering, order_bounds
    from aiecosys._precision import Precision
    from aiecosys._schema import json_schema
    from aiecosys._source import (
        Publication,
        Source,
        SourceKind,
        strongest_first,
    )
    from aiecosys._source_quality import WeakFact, weak_facts
    from aiecosys._statements import Stance, Statement, StatementForm
    from aiecosys.claims import (
        AttributeCheck,
        AttributionCheck,
        BenchmarkCheck,
        CauseCheck,
        Claim,
        DateCheck,
        Evaluation,
        EventOf,
        EventRef,
        Evidence,
        ExistenceCheck,
        LawCheck,
        LocationCheck,
        Measure,
        MembershipCheck,
        MetricCheck,
        OrderingCheck,
        RatioCheck,
        RelativeDate,
        RoleCheck,
        SequenceCheck,
        ValueCheck,
        Verdict,
        check,
        check_all,
        claims_from_document,
        load_claims,
        load_with_claims,
        loads_claims,
    )


__all__ = [
    "LANGUAGES",
    "AiecosysError",
    "Article",
    "AttributeCheck",
    "AttributionCheck",
    "BenchmarkCheck",
    "BenchmarkScore",
    "CauseCheck",
    "Claim",
    "Comparison",
    "Complete",
    "ConversionPolicy",
    "CrossCheck",
    "CurrencyError",
    "CurrencyMismatchError",
    "DataError",
    "DateCheck",
    "DateError",
    "Denial",
    "DimensionMismatchError",
    "Disagreement",
    "Ecosystem",
    "Estimate",
    "Evaluation",
    "Event",
    "EventKind",
    "EventOf",
    "EventRef",
    "Evidence",
    "ExistenceCheck",
    "FormatNotice",
    "FundFact",
    "FundingRound",
    "InvalidArithmeticError",
    "Law",
    "LawCheck",
    "Location",
    "LocationCheck",
    "Measure",
    "MembershipCheck",
    "Metric",
    "MetricCheck",
    "MetricKind",
    "Modality",
    "ModelSpec",
    "Money",
    "Office",
    "Openness",
    "Opinion",
    "Ordering",
    "OrderingCheck",
    "Organisation",
    "OrganisationKind",
    "ParseError",
    "PartialDate",
    "Period",
    "Person",
    "Precision",
    "Problem",
    "Publication",
    "Quantity",
    "RaisedAmount",
    "RaisedTotal",
    "RateUnavailableError",
    "RatioCheck",
    "Readings",
    "Relation",
    "RelativeDate",
    "Role",
    "RoleCheck",
    "RoundKind",
    "SequenceCheck",
    "Source",
    "SourceKind",
    "Stance",
    "Statement",
    "StatementForm",
    "Status",
    "Tolerance",
    "UnknownEntityError",
    "ValuationBasis",
    "ValueCheck",
    "Verdict",
    "WeakFact",
    "about",
    "about_half",
    "as_partial_date",
    "check",
    "check_all",
    "claims_from_document",
    "comparable",
    "compare",
    "crosscheck",
    "dump",
    "dumps",
    "events_of",
    "flop",
    "from_document",
    "json_schema",
    "language",
    "load",
    "load_article",
    "load_claims",
    "load_with_claims",
    "loads",
    "loads_claims",
    "more_than",
    "normalise_name",
    "order_bounds",
    "parameters",
    "quantity",
    "readings",
    "strongest_first",
    "to_document",
    "tokens",
    "twice",
    "weak_facts",
]

_LAZY: dict[str, str] = {
    "Article": "aiecosys._article",
    "AttributeCheck": "aiecosys.claims",
    "AttributionCheck": "aiecosys.claims",
    "BenchmarkCheck": "aiecosys.claims",
    "BenchmarkScore": "aiecosys._models",
    "CauseCheck": "aiecosys.claims",
    "Claim": "aiecosys.claims",
    "Comparison": "aiecosys._compare",
    "Complete": "aiecosys._openworld",
    "ConversionPolicy": "aiecosys._ecosystem",
    "CrossCheck": "aiecosys._crosscheck",
    "DateCheck": "aiecosys.claims",
    "Denial": "aiecosys._openworld",
    "Disagreement": "aiecosys._crosscheck",
    "Ecosystem": "aiecosys._ecosystem",
    "Estimate": "aiecosys._estimate",
    "Evaluation": "aiecosys.claims",
    "Event": "aiecosys._events",
    "EventKind": "aiecosys._events",
    "EventOf": "aiecosys.claims",
    "EventRef": "aiecosys.claims",
    "Evidence": "aiecosys.claims",
    "ExistenceCheck": "aiecosys.claims",
    "FundFact": "aiecosys._funding",
    "FundingRound": "aiecosys._funding",
    "LANGUAGES": "aiecosys._i18n",
    "Law": "aiecosys._laws",
    "LawCheck": "aiecosys.claims",
    "Location": "aiecosys._locations",
    "LocationCheck": "aiecosys.claims",
    "Measure": "aiecosys.claims",
    "MembershipCheck": "aiecosys.claims",
    "Metric": "aiecosys._metrics",
    "MetricCheck": "aiecosys.claims",
    "MetricKind": "aiecosys._metrics",
    "Modality": "aiecosys._models",
    "ModelSpec": "aiecosys._models",
    "Office": "aiecosys._entities",
    "Openness": "aiecosys._models",
    "Opinion": "aiecosys._article",
    "Ordering": "aiecosys._ordering",
    "OrderingCheck": "aiecosys.claims",
    "Organisation": "aiecosys._entities",
    "OrganisationKind": "aiecosys._entities",
    "PartialDate": "aiecosys._dates",
    "Period": "aiecosys._dates",
    "Person": "aiecosys._entities",
    "Precision": "aiecosys._precision",
    "Publication": "aiecosys._source",
    "RaisedAmount": "aiecosys._ecosystem",
    "RaisedTotal": "aiecosys._ecosystem",
    "RatioCheck": "aiecosys.claims",
    "Readings": "aiecosys._events",
    "Relation": "aiecosys._openworld",
    "RelativeDate": "aiecosys.claims",
    "Role": "aiecosys._entities",
    "RoleCheck": "aiecosys.claims",
    "RoundKind": "aiecosys._funding",
    "SequenceCheck": "aiecosys.claims",
    "Source": "aiecosys._source",
    "SourceKind": "aiecosys._source",
    "Stance": "aiecosys._statements",
    "Statement": "aiecosys._statements",
    "StatementForm": "aiecosys._statements",
    "Status": "aiecosys._estimate",
    "Tolerance": "aiecosys._compare",
    "ValuationBasis": "aiecosys._funding",
    "ValueCheck": "aiecosys.claims",
    "Verdict": "aiecosys.claims",
    "WeakFact": "aiecosys._source_quality",
    "about": "aiecosys._compare",
    "about_half": "aiecosys._compare",
    "as_partial_date": "aiecosys._dates",
    "check": "aiecosys.claims",
    "check_all": "aiecosys.claims",
    "claims_from_document": "aiecosys.claims",
    "comparable": "aiecosys._compare",
    "compare": "aiecosys._compare",
    "crosscheck": "aiecosys._crosscheck",
    "dump": "aiecosys._files",
    "dumps": "aiecosys._files",
    "events_of": "aiecosys._events",
    "from_document": "aiecosys._files",
    "json_schema": "aiecosys._schema",
    "language": "aiecosys._i18n",
    "load": "aiecosys._files",
    "load_article": "aiecosys._article",
    "load_claims": "aiecosys.claims",
    "load_with_claims": "aiecosys.claims",
    "loads": "aiecosys._files",
    "loads_claims": "aiecosys.claims",
    "more_than": "aiecosys._compare",
    "normalise_name": "aiecosys._ecosystem",
    "order_bounds": "aiecosys._ordering",
    "readings": "aiecosys._events",
    "strongest_first": "aiecosys._source",
    "to_document": "aiecosys._files",
    "twice": "aiecosys._compare",
    "weak_facts": "aiecosys._source_quality",
}
"""Where each name that is imported on first use lives."""


def _version() -> str:
    """The installed distribution's version, read from its metadata."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("aiecosys")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "0+unknown"


def __getattr__(name: str) -> Any:
    if name == "__version__":
        globals()[name] = _version()
        return globals()[name]
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'aiecosys' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
