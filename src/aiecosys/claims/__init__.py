"""Claims: what a text says, as data, and verdicts computed from sourced facts.

A [Claim][aiecosys.Claim] holds the exact words quoted (in the
publication's language), what they claim restated plainly, the publication
they come from, and a check (see the check kinds
in [ValueCheck][aiecosys.ValueCheck] and the classes next to it).
[check][aiecosys.check] evaluates it against an
[Ecosystem][aiecosys.Ecosystem]; the verdict is never stored.

Claims files use the knowledge base's format (TOML, or JSON with the same
shape): ``format_version = 2``, a ``[sources.KEY]`` table per source (a
publication's may give its ``language``, ``licence``, and what its date
rests on), and a ``[[claims]]`` array of tables, each with ``id``,
``quote``, an optional ``lang``, ``restatement``, ``source`` (a source key,
of the file or of the knowledge base), an optional ``note``, and a ``check``
table whose ``kind`` names the check kind. A knowledge base's own tables may
sit in the same file. Format 1 files (``quote_fr``, ``claim_en``) are still
read, with a [FormatNotice][aiecosys.FormatNotice]; ``aiecosys migrate``
rewrites them.

Each check kind is one module of ``aiecosys.claims.checks``, registered with
[register][aiecosys.claims.register]; see the how-to "Add a check kind".
"""

from aiecosys.claims import checks
from aiecosys.claims._claim import Claim as Claim
from aiecosys.claims._claim import Evaluation as Evaluation
from aiecosys.claims._claim import check as check
from aiecosys.claims._claim import check_all as check_all
from aiecosys.claims._context import Context, Found, Outcome, private_decimals, read
from aiecosys.claims._fields import read_number, read_text
from aiecosys.claims._formats import (
    FORMAT_VERSION,
    FORMAT_VERSIONS,
    deprecated,
    document_version,
    migrate_text,
    notify,
    upgraded,
)
from aiecosys.claims._measure import Measure as Measure
from aiecosys.claims._reader import claims_from_document as claims_from_document
from aiecosys.claims._reader import facts_of
from aiecosys.claims._reader import id_clash as id_clash
from aiecosys.claims._reader import load_claims as load_claims
from aiecosys.claims._reader import load_with_claims as load_with_claims
from aiecosys.claims._reader import loads_claims as loads_claims
from aiecosys.claims._registry import KINDS, CheckKind, Kind, register, unregister
from aiecosys.claims._relative import Published
from aiecosys.claims._relative import RelativeDate as RelativeDate
from aiecosys.claims._validation import either, unknown_names, validate_when
from aiecosys.claims._verdict import Evidence as Evidence
from aiecosys.claims._verdict import Verdict as Verdict
from aiecosys.claims._writer import dumps_claims
from aiecosys.claims.checks import AttributeCheck as AttributeCheck
from aiecosys.claims.checks import AttributionCheck as AttributionCheck
from aiecosys.claims.checks import BenchmarkCheck as BenchmarkCheck
from aiecosys.claims.checks import CauseCheck as CauseCheck
from aiecosys.claims.checks import Check as Check
from aiecosys.claims.checks import DateCheck as DateCheck
from aiecosys.claims.checks import EventOf as EventOf
from aiecosys.claims.checks import ExistenceCheck as ExistenceCheck
from aiecosys.claims.checks import LawCheck as LawCheck
from aiecosys.claims.checks import LocationCheck as LocationCheck
from aiecosys.claims.checks import MembershipCheck as MembershipCheck
from aiecosys.claims.checks import MetricCheck as MetricCheck
from aiecosys.claims.checks import OrderingCheck as OrderingCheck
from aiecosys.claims.checks import RatioCheck as RatioCheck
from aiecosys.claims.checks import RoleCheck as RoleCheck
from aiecosys.claims.checks import SequenceCheck as SequenceCheck
from aiecosys.claims.checks import ValueCheck as ValueCheck
from aiecosys.claims.checks.sequence import EventRef as EventRef


# What a check kind's module uses; the claims themselves are documented, and
# best imported, as names of aiecosys (aiecosys.Claim, aiecosys.check...).
__all__ = [
    "FORMAT_VERSION",
    "FORMAT_VERSIONS",
    "KINDS",
    "CheckKind",
    "Context",
    "Found",
    "Kind",
    "Outcome",
    "Published",
    "checks",
    "deprecated",
    "document_version",
    "dumps_claims",
    "either",
    "facts_of",
    "migrate_text",
    "notify",
    "private_decimals",
    "read",
    "read_number",
    "read_text",
    "register",
    "unknown_names",
    "unregister",
    "upgraded",
    "validate_when",
]
