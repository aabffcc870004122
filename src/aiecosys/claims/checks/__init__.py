"""The kinds of check a claim can carry, one module each, and how each is evaluated.

Every check kind is a frozen attrs class with a ``kind`` name, used as the tag
in claims files. Evaluating one gives a [Verdict][aiecosys.Verdict], a
sentence for readers, and the evidence: each fact used with its sources and
each currency conversion with its rate and date. Each module owns its kind's
fields, the parsers that read them from a claims file, the validation run
when a file is loaded, and the evaluation and its explanation; it registers
the kind with one call to [register][aiecosys.claims.register].

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

from aiecosys.claims.checks.attribute import AttributeCheck
from aiecosys.claims.checks.benchmark import BenchmarkCheck
from aiecosys.claims.checks.date import DateCheck
from aiecosys.claims.checks.existence import ExistenceCheck
from aiecosys.claims.checks.membership import MembershipCheck
from aiecosys.claims.checks.ordering import OrderingCheck
from aiecosys.claims.checks.ratio import RatioCheck
from aiecosys.claims.checks.role import RoleCheck
from aiecosys.claims.checks.value import Stated, ValueCheck


__all__ = [
    "AttributeCheck",
    "BenchmarkCheck",
    "Check",
    "DateCheck",
    "ExistenceCheck",
    "MembershipCheck",
    "OrderingCheck",
    "RatioCheck",
    "RoleCheck",
    "Stated",
    "ValueCheck",
]

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
)
"""Any check kind this package defines, as a [Claim][aiecosys.Claim] carries."""
