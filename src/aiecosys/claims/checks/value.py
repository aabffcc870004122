"""The value check: an amount, count, size or percentage equals a stated value."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar

import attrs

from aiecosys._amounts import read_plain_number
from aiecosys._compare import (
    Tolerance,
    as_estimate,
    describe,
    value_kind,
)
from aiecosys._ecosystem import Ecosystem
from aiecosys._errors import ParseError
from aiecosys._files import read_written_amount, refuse_float
from aiecosys._i18n import N_
from aiecosys._i18n import gettext as _
from aiecosys._money import Money
from aiecosys._ordering import Ordering
from aiecosys._precision import Precision, qualifier_of
from aiecosys._units import Quantity
from aiecosys.claims._context import (
    STATED_VALUE,
    Context,
    Found,
    Outcome,
    compared,
    compared_with_words,
    private_decimals,
    read,
)
from aiecosys.claims._fields import read_number, read_text
from aiecosys.claims._measure import Measure
from aiecosys.claims._registry import register
from aiecosys.claims._relative import Published
from aiecosys.claims._validation import (
    validate_comparison,
)


if TYPE_CHECKING:
    pass


Stated = Money | Quantity | Decimal | int | Precision
"""A value a claim states: an amount, a size, a count, a percentage, exactly,
or as words state it, with their precision ("nearly 300 million", "$415
million": see the page "Precision from the words")."""


@attrs.frozen
class ValueCheck:
    """An amount, count, size or percentage equals a stated value, within a tolerance.

    Examples:
        >>> from aiecosys import Measure, Tolerance, ValueCheck, parameters
        >>> check = ValueCheck(
        ...     Measure("Yi-34B", "parameters"),
        ...     parameters("34B"),
        ...     tolerance=Tolerance.relative("0.05"),
        ... )
        >>> check.kind
        'value'
    """

    kind: ClassVar[str] = "value"
    measure: Measure
    """The fact read."""
    stated: Stated
    """The value the claim states: exact, or with the precision of its words."""
    tolerance: Tolerance | None = attrs.field(default=None, kw_only=True)
    """How far the fact may be from the stated value. Given, it wins over the
    precision of the stated value's words; none, and an exact value must be
    equalled, a worded one covered (see docs/explanation/precision.md)."""
    on: dt.date | None = attrs.field(default=None, kw_only=True)
    """The date that converts money in another currency (else the publication date)."""

    @private_decimals
    def evaluate(self, context: Context) -> Outcome:
        """Evaluate the check (see [check][aiecosys.check])."""
        found = self.first_read(context)
        stated = self.stated
        if isinstance(stated, Precision):
            if self.tolerance is None:
                return compared_with_words(found, stated, context, on=self.on)
            stated = stated.value
        return compared(
            found,
            stated,
            context,
            on=self.on,
            tolerance=self.tolerance,
            factor=Decimal(1),
            relation=N_("equal to the stated value"),
            expects=Ordering.EQUAL,
            second_label=STATED_VALUE,
        )

    def first_read(self, context: Context) -> Found:
        """Read the fact compared with the stated value."""
        return read(self.measure, context, _currency(self.stated), self.on)


def _currency(value: Any) -> str | None:
    if isinstance(value, Precision):
        value = value.value
    return value.currency if isinstance(value, Money) else None


def _stated(raw: Any) -> Money | Quantity | Decimal | Precision:
    """Read a stated value: exact in the canonical form, else as its words say."""
    if isinstance(raw, int) and not isinstance(raw, bool):
        return read_number(raw, "the value")
    refuse_float(raw, "the value")
    text = read_text(raw).strip()
    kind, figure = qualifier_of(text)
    value, canonical = _figure(figure)
    if kind is None and canonical:
        return value
    return Precision.of(value, kind, written=text)


def _figure(text: str) -> tuple[Money | Quantity | Decimal, bool]:
    """A figure, and whether it is in the canonical form files are written in."""
    number, _, unit = text.partition(" ")
    unit = unit.strip()
    try:
        read_plain_number(number, what="the value")
    except ParseError:
        # As people write it ("€385M", "34B parameters"), or refused as it says.
        return read_written_amount(text), False
    # The canonical "NUMBER CODE" or "NUMBER UNIT" that files are written in.
    amount = read_number(number, "the value")
    if not unit:
        return amount, True
    if len(unit) == 3 and unit.isupper():  # noqa: PLR2004 - an ISO 4217 code
        return Money(amount, unit), True
    if " " not in unit:  # "millions d'euros" is words, not a unit
        with contextlib.suppress(ParseError):
            return Quantity(amount, unit), True
    return read_written_amount(text), False


def _stated_kind(stated: Any) -> tuple[str, str]:
    if isinstance(stated, Precision):
        stated = stated.value
    kind = value_kind(as_estimate(stated))
    assert kind is not None  # noqa: S101 - a stated value is never unknown
    return ("money", "") if kind[0] == "money" else kind


def _validate_value(
    check: ValueCheck, eco: Ecosystem, published: Published | None
) -> Iterator[tuple[str, str]]:
    value = check.stated
    if isinstance(value, Precision):
        value = value.value
    number = (
        value.amount
        if isinstance(value, Money)
        else value.magnitude
        if isinstance(value, Quantity)
        else value
    )
    if number < 0 and check.measure.kind()[0] != "date":
        yield (
            "stated",
            _(
                "{value} is below zero, and {label} cannot be: write the value the "
                "claim states"
            ).format(value=describe(value), label=check.measure.label),
        )
    stated = ("stated", _stated_kind(check.stated))
    yield from validate_comparison(
        check, eco, published, [("measure", check.measure)], stated
    )


register(ValueCheck, _validate_value, fields={"stated": _stated})
