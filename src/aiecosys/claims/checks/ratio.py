"""The ratio check: one fact is a stated multiple of another ("half as many")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar

import attrs

from aiecosys._compare import (
    Tolerance,
    describe,
    value_kind,
)
from aiecosys._ecosystem import Ecosystem
from aiecosys._ordering import Ordering
from aiecosys.claims._context import (
    Context,
    Found,
    Outcome,
    compared,
    private_decimals,
    read,
)
from aiecosys.claims._measure import Measure
from aiecosys.claims._registry import register
from aiecosys.claims._relative import Published
from aiecosys.claims._validation import (
    validate_comparison,
)


if TYPE_CHECKING:
    pass


@attrs.frozen
class RatioCheck:
    """One fact is a stated multiple of another ("half as many"), within a tolerance.

    Examples:
        >>> from aiecosys import Measure, RatioCheck, Tolerance
        >>> check = RatioCheck(
        ...     Measure("Yi-34B", "parameters"),
        ...     Measure("GPT-4", "parameters"),
        ...     "0.5",
        ...     tolerance=Tolerance.relative("0.1"),
        ... )
        >>> check.ratio
        Decimal('0.5')
    """

    kind: ClassVar[str] = "ratio"
    numerator: Measure
    """The fact stated as a multiple."""
    denominator: Measure
    """The fact it is a multiple of."""
    ratio: Decimal = attrs.field(converter=Decimal)
    """The multiple the claim states (``0.5`` for "half as many")."""
    tolerance: Tolerance = attrs.field(kw_only=True)
    """How far the ratio may be from the stated one; it widens denominator × ratio."""
    on: dt.date | None = attrs.field(default=None, kw_only=True)
    """The date that converts money in another currency (else the publication date)."""

    @private_decimals
    def evaluate(self, context: Context) -> Outcome:
        """Evaluate the check (see [check][aiecosys.check])."""
        first = self.first_read(context)
        second = read(self.denominator, context, _currency_of(first), self.on)
        return compared(
            first,
            second.estimate,
            context,
            on=self.on,
            tolerance=self.tolerance,
            factor=self.ratio,
            relation=f"{_digits_text(self.ratio)} times",
            expects=Ordering.EQUAL,
            second_label=second.label,
            second_found=second,
        )

    def first_read(self, context: Context) -> Found:
        """Read the numerator, whose currency the denominator is read in."""
        return read(self.numerator, context)


def _digits_text(number: Decimal) -> str:
    return describe(number)


def _currency_of(found: Found) -> str | None:
    kind = value_kind(found.estimate)
    return kind[1] if kind is not None and kind[0] == "money" else None


def _validate_ratio(
    check: RatioCheck, eco: Ecosystem, published: Published | None
) -> Iterator[tuple[str, str]]:
    if check.ratio <= 0:
        yield (
            "ratio",
            (
                f"a ratio of {check.ratio} means nothing for sizes and amounts: write "
                "the multiple the claim states, above 0, such as '0.5' for half"
            ),
        )
    yield from validate_comparison(
        check,
        eco,
        published,
        [("numerator", check.numerator), ("denominator", check.denominator)],
    )


register(RatioCheck, _validate_ratio)
