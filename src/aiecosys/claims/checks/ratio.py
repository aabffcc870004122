"""The ratio check: one fact is a stated multiple of another ("half as many")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar

import attrs

from aiecosys._compare import (
    Tolerance,
    describe,
    value_kind,
)
from aiecosys._ecosystem import Ecosystem
from aiecosys._i18n import gettext as _
from aiecosys._ordering import Ordering
from aiecosys._precision import Precision, qualifier_of
from aiecosys.claims._context import (
    Context,
    Found,
    Outcome,
    compared,
    private_decimals,
    ratio_with_words,
    read,
)
from aiecosys.claims._fields import read_number
from aiecosys.claims._measure import Measure
from aiecosys.claims._registry import register
from aiecosys.claims._relative import Published
from aiecosys.claims._validation import (
    validate_comparison,
)


if TYPE_CHECKING:
    pass


def _ratio(value: Any) -> Decimal | Precision:
    return value if isinstance(value, Precision) else Decimal(value)


@attrs.frozen
class RatioCheck:
    """One fact is a stated multiple of another ("half as many"), within a tolerance.

    The multiple is exact, with a tolerance; or a
    [Precision][aiecosys.Precision], as the words state it ("about 0.5"),
    which covers the ratios the words cover when no tolerance is given.

    Examples:
        >>> from aiecosys import Measure, Precision, RatioCheck, Tolerance
        >>> check = RatioCheck(
        ...     Measure("Yi-34B", "parameters"),
        ...     Measure("GPT-4", "parameters"),
        ...     "0.5",
        ...     tolerance=Tolerance.relative("0.1"),
        ... )
        >>> check.ratio
        Decimal('0.5')
        >>> RatioCheck(
        ...     Measure("Yi-34B", "parameters"),
        ...     Measure("GPT-4", "parameters"),
        ...     Precision.parse("about 0.5"),
        ... ).ratio.interval()
        '0.45 to 0.55'
    """

    kind: ClassVar[str] = "ratio"
    numerator: Measure
    """The fact stated as a multiple."""
    denominator: Measure
    """The fact it is a multiple of."""
    ratio: Decimal | Precision = attrs.field(converter=_ratio)
    """The multiple the claim states (``0.5`` for "half as many"), exact or
    with the precision of its words (``"about 0.5"``)."""
    tolerance: Tolerance | None = attrs.field(default=None, kw_only=True)
    """How far the ratio may be from the stated one; it widens denominator × ratio.
    Required for an exact ratio; given, it wins over the words' precision."""
    on: dt.date | None = attrs.field(default=None, kw_only=True)
    """The date that converts money in another currency (else the publication date)."""

    @private_decimals
    def evaluate(self, context: Context) -> Outcome:
        """Evaluate the check (see [check][aiecosys.check])."""
        first = self.first_read(context)
        second = read(self.denominator, context, _currency_of(first), self.on)
        ratio = self.ratio
        if isinstance(ratio, Precision) and self.tolerance is None:
            return ratio_with_words(first, second, ratio, context, on=self.on)
        factor = ratio.number if isinstance(ratio, Precision) else ratio
        return compared(
            first,
            second.estimate,
            context,
            on=self.on,
            tolerance=self.tolerance,
            factor=factor,
            relation=f"{_digits_text(factor)} times",
            expects=Ordering.EQUAL,
            second_label=second.label,
            second_found=second,
            shown=_("{factor} times").format(factor=_digits_text(factor)),
        )

    def first_read(self, context: Context) -> Found:
        """Read the numerator, whose currency the denominator is read in."""
        return read(self.numerator, context)


def _digits_text(number: Decimal) -> str:
    return describe(number)


def _currency_of(found: Found) -> str | None:
    kind = value_kind(found.estimate)
    return kind[1] if kind is not None and kind[0] == "money" else None


def _parse_ratio(raw: Any) -> Decimal | Precision:
    """Read a ratio: exact ("0.5"), or with the words that state it ("about 0.5")."""
    kind, figure = (None, raw) if not isinstance(raw, str) else qualifier_of(raw)
    number = read_number(figure)
    if kind is None:
        return number
    return Precision.of(number, kind, written=str(raw).strip())


def _validate_ratio(
    check: RatioCheck, eco: Ecosystem, published: Published | None
) -> Iterator[tuple[str, str]]:
    ratio = check.ratio
    number = ratio.number if isinstance(ratio, Precision) else ratio
    if number <= 0:
        yield (
            "ratio",
            _(
                "a ratio of {number} means nothing for sizes and amounts: write "
                "the multiple the claim states, above 0, such as '0.5' for half"
            ).format(number=number),
        )
    if check.tolerance is None and not isinstance(ratio, Precision):
        yield (
            "tolerance",
            _(
                "an exact ratio of {number} needs a tolerance, such as '10%'; or "
                "write the ratio with the words that state it, such as "
                "'about {number}'"
            ).format(number=number),
        )
    yield from validate_comparison(
        check,
        eco,
        published,
        [("numerator", check.numerator), ("denominator", check.denominator)],
    )


register(RatioCheck, _validate_ratio, fields={"ratio": _parse_ratio})
