"""The date check: an event happened within a stated period."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

import attrs

from aiecosys._ecosystem import Ecosystem
from aiecosys.claims._context import (
    Context,
    Found,
    Outcome,
    private_decimals,
    read,
    within_period,
)
from aiecosys.claims._fields import (
    parse_date_like,
    parse_measure,
)
from aiecosys.claims._measure import Measure
from aiecosys.claims._registry import register
from aiecosys.claims._relative import DateLike, Published, date_text, resolve_date, span
from aiecosys.claims._validation import (
    validate_measure,
    validate_when,
)
from aiecosys.claims._verdict import Verdict


if TYPE_CHECKING:
    pass


@attrs.frozen
class DateCheck:
    """An event happened within a stated period: a year, a month, "last June".

    Examples:
        >>> from aiecosys import DateCheck, Measure, PartialDate
        >>> DateCheck(Measure("Sinovation Ventures", "founded"), PartialDate(2009)).kind
        'date'
    """

    kind: ClassVar[str] = "date"
    event: Measure
    """The date read: a founding, a release, a round's announcement..."""
    within: DateLike
    """When the claim says it happened."""

    @private_decimals
    def evaluate(self, context: Context) -> Outcome:
        """Evaluate the check (see [check][aiecosys.check])."""
        return dated(read(self.event, context), self.within, context)


def dated(found: Found, within: DateLike, context: Context) -> Outcome:
    """Whether the date read, *found*, falls within a stated period, and why."""
    period = resolve_date(within, context.published)
    stated = date_text(within, period)
    event = found.estimate
    verdict = within_period(event.low, event.high, *span(period))
    if event.is_unknown:
        text = (
            f"{found.label} is not recorded, so whether it falls within "
            f"{stated} is unknown."
        )
    elif verdict is Verdict.SUPPORTED:
        text = f"{found.label} is {found.text}, within {stated}."
    elif verdict is Verdict.REFUTED:
        text = f"{found.label} is {found.text}, outside {stated}."
    else:
        text = (
            f"{found.label} is {found.text}, which may or may not fall within {stated}."
        )
    return Outcome(verdict, text, (found.evidence(),))


def _validate_date(
    check: DateCheck, eco: Ecosystem, published: Published | None
) -> Iterator[tuple[str, str]]:
    yield from validate_measure(check.event, "event", eco)
    if check.event.kind()[0] != "date":
        yield (
            "event.field",
            (
                f"{check.event.field!r} is not a date; use released, announced, "
                "founded, office_opened, office_closed or born"
            ),
        )
    yield from validate_when(check.within, "within", published)


register(DateCheck, {"event": parse_measure, "within": parse_date_like}, _validate_date)
