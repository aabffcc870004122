"""The role check: a person held a title at an organisation during a period."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar, Final

import attrs

from aiecosys._dates import PartialDate
from aiecosys._ecosystem import Ecosystem, normalise_name
from aiecosys._errors import UnknownEntityError
from aiecosys.claims._context import (
    Context,
    Outcome,
    private_decimals,
    strings,
)
from aiecosys.claims._registry import register
from aiecosys.claims._relative import DateLike, Published, date_text, resolve_date, span
from aiecosys.claims._validation import (
    unknown_names,
    validate_when,
)
from aiecosys.claims._verdict import Evidence, Verdict


if TYPE_CHECKING:
    pass


@attrs.frozen
class RoleCheck:
    """A person held a title at an organisation, at some time during a period.

    Titles compare without case or accents; any of ``titles`` will do, and
    none means any title. The person's roles at the organisation are taken as
    all there were.

    Examples:
        >>> from aiecosys import PartialDate, Period, RoleCheck
        >>> check = RoleCheck(
        ...     "Kai-Fu Lee",
        ...     "Google China",
        ...     titles=("president",),
        ...     during=Period(PartialDate(2005), PartialDate(2009)),
        ... )
        >>> check.kind
        'role'
    """

    kind: ClassVar[str] = "role"
    person: str
    """The person's name."""
    organisation: str
    """The organisation's name."""
    titles: tuple[str, ...] = attrs.field(default=(), kw_only=True, converter=strings)
    """The titles that count (any of them); empty for any title."""
    during: DateLike | None = attrs.field(default=None, kw_only=True)
    """When the role was held, at some time; None for at any time."""

    @private_decimals
    def evaluate(self, context: Context) -> Outcome:
        """Evaluate the check (see [check][aiecosys.check])."""
        eco = context.eco
        person = eco.person(self.person)
        organisation = eco.organisation(self.organisation).name
        wanted = {normalise_name(title) for title in self.titles}
        roles = [
            role
            for role in person.roles
            if _is(eco, role.organisation, organisation)
            and (not wanted or not wanted.isdisjoint(title_parts(role.title)))
        ]
        evidence = tuple(
            Evidence(
                f"{person.name}: {role.title} at {role.organisation}",
                str(role.period),
                person.sources + role.sources,
            )
            for role in roles
        )
        titles = " or ".join(self.titles) or "a role"
        if self.during is None:
            if roles:
                return Outcome(
                    Verdict.SUPPORTED,
                    f"{person.name} was {roles[0].title} at {organisation} "
                    f"({roles[0].period}).",
                    evidence,
                )
            return Outcome(
                Verdict.REFUTED,
                f"No role of {person.name} as {titles} at {organisation} is recorded.",
                evidence,
            )
        period = resolve_date(self.during, context.published)
        stated = date_text(self.during, period)
        verdicts = [_held(role.start, role.end, *span(period)) for role in roles]
        if Verdict.SUPPORTED in verdicts:
            role = roles[verdicts.index(Verdict.SUPPORTED)]
            return Outcome(
                Verdict.SUPPORTED,
                f"{person.name} was {role.title} at {organisation} "
                f"({role.period}), during {stated}.",
                evidence,
            )
        if Verdict.NOT_ENOUGH_INFO in verdicts:
            return Outcome(
                Verdict.NOT_ENOUGH_INFO,
                f"{person.name}'s dates as {titles} at {organisation} are not "
                f"precise enough to tell whether the role was held during {stated}.",
                evidence,
            )
        held = "; ".join(str(role.period) for role in roles) or "never, as recorded"
        return Outcome(
            Verdict.REFUTED,
            f"{person.name} was not {titles} at {organisation} during {stated} "
            f"(held: {held}).",
            evidence,
        )


_JOINED: Final = re.compile(r"\s*(?:,|;|&|/|\band\b|\bet\b)\s*")
"""What joins the titles of one role: "co-founder and CEO", "chair & CEO"."""


def title_parts(title: str) -> frozenset[str]:
    """The titles one recorded title holds, normalised: the whole and each part.

    A person recorded as "co-founder and CEO" was CEO, so a claim that asks for
    "CEO" finds that role.

    Examples:
        >>> sorted(title_parts("Co-founder and CEO"))
        ['ceo', 'co-founder', 'co-founder and ceo']
    """
    whole = normalise_name(title)
    parts = {normalise_name(part) for part in _JOINED.split(title) if part.strip()}
    return frozenset({whole, *parts})


def _is(eco: Ecosystem, name: str, canonical: str) -> bool:
    try:
        return eco.organisation(name).name == canonical
    except UnknownEntityError:
        return False


def _held(
    start: PartialDate | None,
    end: PartialDate | None,
    first: dt.date | None,
    last: dt.date | None,
) -> Verdict:
    """Whether a role from *start* to *end* (None: open) was held in [first, last]."""
    if (start is not None and last is not None and start.first > last) or (
        end is not None and first is not None and end.last < first
    ):
        return Verdict.REFUTED
    started = start is not None and (last is None or start.last <= last)
    lasted = end is None or first is None or end.first >= first
    return Verdict.SUPPORTED if started and lasted else Verdict.NOT_ENOUGH_INFO


def _validate_role(
    check: RoleCheck, eco: Ecosystem, published: Published | None
) -> Iterator[tuple[str, str]]:
    yield from unknown_names(
        [
            ("person", check.person, eco.person),
            ("organisation", check.organisation, eco.organisation),
        ],
    )
    yield from validate_when(check.during, "during", published)


register(RoleCheck, _validate_role)
