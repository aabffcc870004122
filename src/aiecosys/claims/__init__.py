"""Claims: what a text says, as data, and verdicts computed from sourced facts.

A [Claim][aiecosys.Claim] holds the exact words quoted, an English
rendering, the publication they come from, and a check (see the check kinds
in [ValueCheck][aiecosys.ValueCheck] and the classes next to it).
[check][aiecosys.check] evaluates it against an
[Ecosystem][aiecosys.Ecosystem]; the verdict is never stored.

Claims files use the knowledge base's format (TOML, or JSON with the same
shape): an optional ``format_version = 1``, a ``[sources.KEY]`` table per
source, and a ``[[claims]]`` array of tables, each with ``id``,
``quote_fr``, ``claim_en``, ``source`` (a source key, of the file or of the
knowledge base), an optional ``note``, and a ``check`` table whose ``kind``
names the check kind. A knowledge base's own tables may sit in the same file.

Each check kind is one module of ``aiecosys.claims.checks``, registered with
[register][aiecosys.claims.register]; see the how-to "Add a check kind".
"""

from aiecosys.claims._claim import Claim, Evaluation, check, check_all, validate
from aiecosys.claims._context import (
    DECIMALS,
    Context,
    Found,
    Missing,
    Outcome,
    estimate_text,
    private_decimals,
    read,
)
from aiecosys.claims._fields import (
    Reader,
    parse_date,
    parse_date_like,
    parse_decimal,
    parse_enums,
    parse_measure,
    parse_measures,
    parse_partial_date,
    parse_text,
    parse_texts,
    parse_tolerance,
)
from aiecosys.claims._measure import MEASURE_FIELDS, MODEL_FIELDS, Measure
from aiecosys.claims._reader import (
    claims_from_document,
    id_clash,
    load_claims,
    load_with_claims,
    loads_claims,
)
from aiecosys.claims._registry import KINDS, CheckKind, register, unregister
from aiecosys.claims._relative import DateLike, RelativeDate, resolve_date
from aiecosys.claims._validation import either, unknown_names, validate_when
from aiecosys.claims._verdict import Evidence, Verdict
from aiecosys.claims._writer import dumps_claims
from aiecosys.claims.checks import (
    AttributeCheck,
    BenchmarkCheck,
    Check,
    DateCheck,
    ExistenceCheck,
    MembershipCheck,
    OrderingCheck,
    RatioCheck,
    RoleCheck,
    Stated,
    ValueCheck,
)


__all__ = [
    "DECIMALS",
    "KINDS",
    "MEASURE_FIELDS",
    "MODEL_FIELDS",
    "AttributeCheck",
    "BenchmarkCheck",
    "Check",
    "CheckKind",
    "Claim",
    "Context",
    "DateCheck",
    "DateLike",
    "Evaluation",
    "Evidence",
    "ExistenceCheck",
    "Found",
    "Measure",
    "MembershipCheck",
    "Missing",
    "OrderingCheck",
    "Outcome",
    "RatioCheck",
    "Reader",
    "RelativeDate",
    "RoleCheck",
    "Stated",
    "ValueCheck",
    "Verdict",
    "check",
    "check_all",
    "claims_from_document",
    "dumps_claims",
    "either",
    "estimate_text",
    "id_clash",
    "load_claims",
    "load_with_claims",
    "loads_claims",
    "parse_date",
    "parse_date_like",
    "parse_decimal",
    "parse_enums",
    "parse_measure",
    "parse_measures",
    "parse_partial_date",
    "parse_text",
    "parse_texts",
    "parse_tolerance",
    "private_decimals",
    "read",
    "register",
    "resolve_date",
    "unknown_names",
    "unregister",
    "validate",
    "validate_when",
]
