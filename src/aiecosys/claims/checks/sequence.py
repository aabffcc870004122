"""The sequence check: one event came before, or after, another.

"Launched after raising": the check reads two dated facts (a founding, a
release, a round's announcement, an office's opening...) and orders them.
Dates known to a month or a year are ranges of days: the verdict is
``SUPPORTED`` or ``REFUTED`` only when the ranges do not overlap; two
overlapping ranges (a round in November 2023 and a release on 2 November
2023), or two events on the same day, give ``NOT_ENOUGH_INFO``, as does a date
that is not recorded.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar, Final, Literal

import attrs

from aiecosys._dates import PartialDate
from aiecosys._ecosystem import Ecosystem, normalise_name
from aiecosys._estimate import Estimate, Status
from aiecosys._funding import RoundKind
from aiecosys._i18n import gettext as _
from aiecosys._i18n import ngettext
from aiecosys._openworld import complete_setting, speaks_for
from aiecosys._ordering import Ordering, order_bounds
from aiecosys.claims._context import (
    Context,
    Found,
    Missing,
    Outcome,
    date_estimate,
    private_decimals,
    read,
    when_text,
)
from aiecosys.claims._measure import Measure
from aiecosys.claims._registry import register
from aiecosys.claims._relative import Published
from aiecosys.claims._validation import either, unknown_names, validate_measure
from aiecosys.claims._verdict import Verdict


__all__ = ["EventRef", "SequenceCheck", "event_date"]

_EXPECTS: Final = {"before": Ordering.LESS, "after": Ordering.GREATER}


@attrs.frozen
class EventRef:
    """A dated event a sequence names: a measure's date, or a round by its investor.

    Every kind of event is read by one function,
    `event_date` (in the sequence check's module), so that a new
    kind (an event an organisation records by name) is added there, and in one
    field here, for every sequence check at once.

    Examples:
        >>> from aiecosys import EventRef
        >>> EventRef("01.AI", "announced", investor="Alibaba Cloud").label
        "01.AI: the round with Alibaba Cloud, announced"
    """

    written_as_table: ClassVar[bool] = True
    """Claims files write it as a table of its fields."""
    of: str
    """The organisation, model or person."""
    field: str
    """``founded``, ``released``, ``announced``, ``office_opened``, ``office_closed``
    or ``born``."""
    round: RoundKind | None = attrs.field(
        default=None, kw_only=True, converter=attrs.converters.optional(RoundKind)
    )
    """For ``announced``: the kind of round."""
    at: PartialDate | None = attrs.field(default=None, kw_only=True)
    """For ``announced``: when the round was announced."""
    office: str | None = attrs.field(default=None, kw_only=True)
    """For ``office_opened`` and ``office_closed``: the office's location."""
    investor: str | None = attrs.field(default=None, kw_only=True)
    """For ``announced``: an investor of the round (the round the claim means is
    the one this investor took part in)."""

    def __attrs_post_init__(self) -> None:
        if self.investor is not None and self.field != "announced":
            raise ValueError(
                _("only a round's announcement (field = 'announced') takes an investor")
            )
        self.measure()  # refuses what a measure refuses

    def measure(self) -> Measure:
        """The same fact as a measure (the investor left out)."""
        return Measure(
            self.of, self.field, round=self.round, at=self.at, office=self.office
        )

    @property
    def label(self) -> str:
        """How the evidence names it."""
        if self.investor is None:
            return self.measure().label
        return _("{organisation}: the round with {investor}, announced").format(
            organisation=self.of, investor=self.investor
        )


def event_date(event: EventRef, context: Context) -> Found:
    """Read the date of an event, as every sequence check does.

    Each kind of dated fact a sequence can name is resolved here, and only
    here: the dates a [Measure][aiecosys.Measure] reads (``founded``,
    ``released``, ``announced``, ``office_opened``, ``office_closed``,
    ``born``), and a round picked by one of its investors. Unless a source
    says the organisation's rounds are complete, such a round may not be the
    first with that investor: its date is then known only as an upper bound.

    Raises:
        Missing: The fact is not recorded (no such round or office), or
            several rounds match.
        UnknownEntityError: The event names an unknown entity.
    """
    if event.investor is None:
        return read(event.measure(), context)
    investor = either(context.eco)(event.investor)
    wanted = {normalise_name(name) for name in investor.names}
    rounds = [
        found
        for found in context.eco.rounds_of(event.of)
        if any(normalise_name(name) in wanted for name in found.investors)
        and (event.round is None or found.kind is event.round)
        and (event.at is None or event.at.overlaps(found.announced))
    ]
    if len(rounds) != 1:
        message = (
            ngettext(
                "{count} round(s) of {organisation} with {investor} match; give the "
                "round's kind or date",
                "{count} round(s) of {organisation} with {investor} match; give the "
                "round's kind or date",
                len(rounds),
            )
            if rounds
            else _(
                "no round(s) of {organisation} with {investor} match; give the "
                "round's kind or date"
            )
        )
        raise Missing(
            message.format(
                count=len(rounds), organisation=event.of, investor=investor.name
            ),
            ambiguous=len(rounds) > 1,
        )
    (found,) = rounds
    organisation = context.eco.organisation(event.of)
    complete = organisation.complete.rounds
    if complete is not None and speaks_for(complete, found.announced.last):
        return Found(
            event.label,
            date_estimate(found.announced),
            found.sources,
            text=when_text(found.announced),
        )
    # The rounds are an open list: an earlier round with this investor may
    # not be recorded, so the raising is known only to be no later.
    return Found(
        event.label,
        Estimate(None, found.announced.last, None, Status.DISCLOSED),
        found.sources,
        text=_(
            # Translators: {setting} is written as in the files:
            # complete = { rounds = "source-key" }.
            "{date} or earlier: the rounds of {organisation} are an open list, "
            "which no source says is complete, so an earlier round with {investor} "
            "may be missing ({setting} on {organisation} would settle it)"
        ).format(
            date=when_text(found.announced),
            organisation=organisation.name,
            investor=investor.name,
            setting=complete_setting("rounds"),
        ),
    )


def _check_relation(
    _instance: SequenceCheck, _attribute: attrs.Attribute[str], value: str
) -> None:
    if value not in _EXPECTS:
        raise ValueError(
            _("unknown relation {value}; use before or after").format(value=repr(value))
        )


@attrs.frozen
class SequenceCheck:
    """One event came before, or after, another.

    Examples:
        >>> from aiecosys import EventRef, SequenceCheck
        >>> SequenceCheck(
        ...     EventRef("01.AI", "founded"),
        ...     "after",
        ...     EventRef("01.AI", "announced", investor="Alibaba Cloud"),
        ... ).kind
        'sequence'
    """

    kind: ClassVar[str] = "sequence"
    first: EventRef
    """The event the claim places (the launch, in "launched after raising")."""
    relation: Literal["before", "after"] = attrs.field(validator=_check_relation)
    """``before`` or ``after``."""
    then: EventRef
    """The event it is placed against (the raising)."""

    @private_decimals
    def evaluate(self, context: Context) -> Outcome:
        """Evaluate the check (see [check][aiecosys.check])."""
        first, then = event_date(self.first, context), event_date(self.then, context)
        a, b = first.estimate, then.estimate
        ordering = (
            Ordering.INDETERMINATE
            if a.is_unknown or b.is_unknown
            else order_bounds(a.low, a.high, b.low, b.high)
        )
        evidence = (first.evidence(), then.evidence())
        dates = _("{first} is {first_date}; {then} is {then_date}").format(
            first=first.label,
            first_date=first.text,
            then=then.label,
            then_date=then.text,
        )
        if ordering is _EXPECTS[self.relation]:
            verdict = Verdict.SUPPORTED
            conclusion = (
                _("{dates}: the first came before the second.")
                if ordering is Ordering.LESS
                else _("{dates}: the first came after the second.")
            )
        elif ordering in _EXPECTS.values():
            verdict = Verdict.REFUTED
            conclusion = (
                _("{dates}: the first came before the second, not after.")
                if ordering is Ordering.LESS
                else _("{dates}: the first came after the second, not before.")
            )
        else:
            verdict = Verdict.NOT_ENOUGH_INFO
            conclusion = (
                _("{dates}: one is not recorded.")
                if a.is_unknown or b.is_unknown
                else _("{dates}: the same day, in an order the dates do not give.")
                if ordering is Ordering.EQUAL
                else _("{dates}: the dates overlap, so either may be first.")
            )
        return Outcome(verdict, conclusion.format(dates=dates), evidence)


def _validate_investor(
    event: EventRef, path: str, eco: Ecosystem
) -> Iterator[tuple[str, str]]:
    problems = list(
        unknown_names(
            [
                (f"{path}.of", event.of, eco.organisation),
                (f"{path}.investor", event.investor, either(eco)),
            ]
        )
    )
    yield from problems
    if not problems:
        try:
            event_date(event, Context(eco))
        except Missing as missing:
            if missing.ambiguous:
                yield path, str(missing)


def _validate(
    check: SequenceCheck, eco: Ecosystem, _published: Published | None
) -> Iterator[tuple[str, str]]:
    for path, event in (("first", check.first), ("then", check.then)):
        if event.investor is None:
            yield from validate_measure(event.measure(), path, eco)
        else:
            yield from _validate_investor(event, path, eco)
        if event.measure().kind()[0] != "date":
            yield (
                f"{path}.field",
                _(
                    "{field} is not a date; use released, announced, founded, "
                    "office_opened, office_closed or born"
                ).format(field=repr(event.field)),
            )


register(SequenceCheck, _validate)
