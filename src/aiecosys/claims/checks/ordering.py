"""The ordering check: one fact, or a sum of facts, is greater or less than another."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar, Literal

import attrs

from aiecosys._compare import (
    Tolerance,
    compare_values,
    convert_estimate,
    value_kind,
)
from aiecosys._ecosystem import Ecosystem
from aiecosys._estimate import Estimate
from aiecosys._i18n import N_
from aiecosys._i18n import gettext as _
from aiecosys._ordering import Ordering
from aiecosys.claims._context import (
    Context,
    Found,
    Missing,
    Outcome,
    comparison_text,
    private_decimals,
    read,
    verdict_of,
)
from aiecosys.claims._measure import Measure
from aiecosys.claims._registry import register
from aiecosys.claims._relative import Published
from aiecosys.claims._validation import (
    validate_comparison,
)


if TYPE_CHECKING:
    from aiecosys.fx._conversion import Conversion


def _measures(values: Iterable[Measure]) -> tuple[Measure, ...]:
    return tuple(values)


@attrs.frozen
class OrderingCheck:
    """One fact, or a sum of facts, is greater (or less) than another.

    Money is converted into one currency at one date (``on``, else the claim's
    publication date), and every conversion is in the evidence.

    Examples:
        >>> from aiecosys import Measure, OrderingCheck
        >>> check = OrderingCheck(
        ...     (
        ...         Measure("Mistral AI", "total_raised"),
        ...         Measure("Kyutai", "total_raised"),
        ...     ),
        ...     (Measure("01.AI", "total_raised"),),
        ...     "greater",
        ...     currency="EUR",
        ... )
        >>> check.relation
        'greater'
    """

    kind: ClassVar[str] = "ordering"
    left: tuple[Measure, ...] = attrs.field(converter=_measures)
    """The facts added up on the left."""
    right: tuple[Measure, ...] = attrs.field(converter=_measures)
    """The facts added up on the right."""
    relation: Literal["greater", "less"] = attrs.field(
        validator=attrs.validators.in_(("greater", "less"))
    )
    """What the claim says: the left is ``"greater"`` or ``"less"`` than the right."""
    currency: str | None = attrs.field(default=None, kw_only=True)
    """The currency money is added up in (for totals raised, EUR if None)."""
    on: dt.date | None = attrs.field(default=None, kw_only=True)
    """The one date every amount is converted at (else the publication date)."""
    tolerance: Tolerance | None = attrs.field(default=None, kw_only=True)
    """A margin the difference must exceed, if any."""

    @private_decimals
    def evaluate(self, context: Context) -> Outcome:
        """Evaluate the check (see [check][aiecosys.check])."""
        on = context.conversion_date(self.on)
        sides = []
        found_all: list[Found] = []
        conversions: list[Conversion] = []
        for measures in (self.left, self.right):
            items = [read(m, context, self.currency, on) for m in measures]
            found_all.extend(items)
            total = _sum(items, self.currency, on, context, conversions)
            sides.append(Found(" + ".join(i.label for i in items), total, ()))
        for item in found_all:
            conversions.extend(c for c in item.conversions if c not in conversions)
        expects = Ordering.GREATER if self.relation == "greater" else Ordering.LESS
        relation = N_("more than") if self.relation == "greater" else N_("less than")
        comparison = compare_values(
            sides[0].estimate,
            sides[1].estimate,
            on=on,
            rates=context.rates,
            tolerance=self.tolerance,
            labels=(sides[0].label, sides[1].label),
            factor=Decimal(1),
            relation=relation,
            expects=expects,
        )
        conversions.extend(c for c in comparison.conversions if c not in conversions)
        return Outcome(
            verdict_of(comparison.ordering, expects),
            comparison_text(
                comparison, (sides[0].label, sides[1].label), relation=_(relation)
            ),
            tuple(item.evidence() for item in found_all),
            tuple(conversions),
            comparison,
        )

    def first_read(self, context: Context) -> Found:
        """Read the first fact on the left, as a claims file is validated."""
        return read(self.left[0], context, None, self.on)


def _sum(
    items: Sequence[Found],
    currency: str | None,
    on: dt.date | None,
    context: Context,
    conversions: list[Conversion],
) -> Estimate[Any]:
    estimates = [item.estimate for item in items]
    kinds = [value_kind(estimate) for estimate in estimates]
    money = [kind[1] for kind in kinds if kind is not None and kind[0] == "money"]
    target = currency or (money[0] if money else None)
    if target is not None and any(code != target for code in money):
        if on is None:
            raise Missing(
                _("adding amounts in several currencies needs a conversion date")
            )
        estimates = [
            convert_estimate(e, target, on, context.rates, conversions)
            if k is not None and k[0] == "money" and k[1] != target
            else e
            for e, k in zip(estimates, kinds, strict=True)
        ]
    total = estimates[0]
    for estimate in estimates[1:]:
        total = total + estimate
    return total


def _validate_ordering(
    check: OrderingCheck, eco: Ecosystem, published: Published | None
) -> Iterator[tuple[str, str]]:
    pairs = [
        (f"{side}[{number}]", measure)
        for side, measures in (("left", check.left), ("right", check.right))
        for number, measure in enumerate(measures)
    ]
    yield from validate_comparison(check, eco, published, pairs)


register(OrderingCheck, _validate_ordering)
