"""The kinds of check a claim can carry, one module each, and how each is evaluated.

Every check kind is a frozen attrs class with a ``kind`` name, used as the tag
in claims files. Evaluating one gives a [Verdict][aiecosys.Verdict], a
sentence for readers, and the evidence: each fact used with its sources and
each currency conversion with its rate and date. Each module owns its kind's
fields (declared by the class, and read by their types as every file's
are), the validation run when a file is loaded, and the evaluation and its
explanation; it registers the kind with one call to
[register][aiecosys.claims.register].

The rules, the same for every kind:

* The knowledge base is taken as complete about what it records (a group's
  members, a person's roles, a developer's models, a round's investors when it
  lists them): what it does not record did not happen.
* A value it records as unknown or undisclosed (a range, an open bound, a
  round with no investors listed, a missing date) makes the verdict
  ``NOT_ENOUGH_INFO`` whenever the answer depends on it.
* ``REFUTED`` only when every value the evidence allows contradicts the claim;
  ``SUPPORTED`` only when every value it allows agrees with it.
"""

from aiecosys.claims.checks.attribute import AttributeCheck as AttributeCheck
from aiecosys.claims.checks.attribution import AttributionCheck as AttributionCheck
from aiecosys.claims.checks.benchmark import BenchmarkCheck as BenchmarkCheck
from aiecosys.claims.checks.cause import CauseCheck as CauseCheck
from aiecosys.claims.checks.date import DateCheck as DateCheck
from aiecosys.claims.checks.date import EventOf as EventOf
from aiecosys.claims.checks.existence import ExistenceCheck as ExistenceCheck
from aiecosys.claims.checks.law import LawCheck as LawCheck
from aiecosys.claims.checks.location import LocationCheck as LocationCheck
from aiecosys.claims.checks.membership import MembershipCheck as MembershipCheck
from aiecosys.claims.checks.metric import MetricCheck as MetricCheck
from aiecosys.claims.checks.ordering import OrderingCheck as OrderingCheck
from aiecosys.claims.checks.ratio import RatioCheck as RatioCheck
from aiecosys.claims.checks.role import RoleCheck as RoleCheck
from aiecosys.claims.checks.sequence import SequenceCheck as SequenceCheck
from aiecosys.claims.checks.value import Stated as Stated
from aiecosys.claims.checks.value import ValueCheck as ValueCheck


# The check classes are documented, and best imported, as names of aiecosys
# (aiecosys.ValueCheck...).
__all__ = ["Check"]

Check = (
    ValueCheck
    | DateCheck
    | RatioCheck
    | OrderingCheck
    | MembershipCheck
    | RoleCheck
    | ExistenceCheck
    | BenchmarkCheck
    | AttributeCheck
    | AttributionCheck
    | CauseCheck
    | LawCheck
    | MetricCheck
    | LocationCheck
    | SequenceCheck
)
"""Any check kind this package defines, as a [Claim][aiecosys.Claim] carries."""
