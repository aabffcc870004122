"""The role check: a person held a title at an organisation during a period."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar, Final

import attrs

from aiecosys._dates import PartialDate, readable_period
from aiecosys._ecosystem import Ecosystem, normalise_name, via
from aiecosys._entities import Organisation, Role
from aiecosys._i18n import gettext as _
from aiecosys._i18n import text
from aiecosys._openworld import (
    Relation,
    about,
    closed_by,
    in_clauses,
    in_words,
    open_list,
    speaks_for,
    too_early,
)
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
    none means any title. A role at a subsidiary, lab or division counts for
    the organisation it is part of (Google DeepMind for Google), unless
    ``exact``. The person's roles are an open list: the claim is refuted only
    when a source gives them all (``complete = { roles = ... }``) or denies the
    role (a [Denial][aiecosys.Denial] with ``relation = "role"``); otherwise a
    role not recorded leaves the claim unsettled.

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
    exact: bool = attrs.field(default=False, kw_only=True)
    """Count roles at the organisation itself only, not at its subsidiaries,
    labs and divisions."""

    @private_decimals
    def evaluate(self, context: Context) -> Outcome:
        """Evaluate the check (see [check][aiecosys.check])."""
        eco = context.eco
        person = eco.person(self.person)
        organisation = eco.organisation(self.organisation).name
        wanted = {normalise_name(title) for title in self.titles}
        roles: list[tuple[Role, str]] = []
        for role in person.roles:
            path = eco.part_of(role.organisation, organisation)
            if path is None or (self.exact and len(path) > 1):
                continue
            if not wanted or not wanted.isdisjoint(title_parts(role.title)):
                roles.append((role, _at(path)))
        evidence = [
            Evidence(
                about(person.name, _at_organisation(role.title, role.organisation)),
                readable_period(role.period),
                person.sources + role.sources,
            )
            for role, _where in roles
        ]
        first = last = None
        stated = None
        if self.during is not None:
            period = resolve_date(self.during, context.published)
            first, last = span(period)
            stated = date_text(self.during, period)
        verdicts = [
            Verdict.SUPPORTED
            if self.during is None
            else _held(role.start, role.end, first, last)
            for role, _ in roles
        ]
        if Verdict.SUPPORTED in verdicts:
            role, at = roles[verdicts.index(Verdict.SUPPORTED)]
            held = {
                "person": person.name,
                "title": text(role.title),
                "organisation": at,
                "period": readable_period(role.period),
            }
            return Outcome(
                Verdict.SUPPORTED,
                _("{person} was {title} at {organisation} ({period}).").format(**held)
                if stated is None
                else _(
                    "{person} was {title} at {organisation} ({period}), during {when}."
                ).format(**held, when=stated),
                tuple(evidence),
            )
        titles = self._titles()
        if Verdict.NOT_ENOUGH_INFO in verdicts:
            return Outcome(
                Verdict.NOT_ENOUGH_INFO,
                _(
                    "{person}'s dates as {titles} at {organisation} are not precise "
                    "enough to tell whether the role was held during {when}."
                ).format(
                    person=person.name,
                    titles=titles or _("a role"),
                    organisation=organisation,
                    when=stated,
                ),
                tuple(evidence),
            )
        found = _not_recorded(person.name, titles, organisation, stated)
        if roles:
            found = _("{found} (recorded: {roles})").format(
                found=found,
                roles=in_clauses(
                    f"{_at_organisation(r.title, at)}, {readable_period(r.period)}"
                    for r, at in roles
                ),
            )
        denial = eco.denial(Relation.ROLE, person.name, organisation, first, last)
        complete = person.complete.roles
        older = ""
        if complete is not None and not speaks_for(complete, last):
            older = f" ({too_early(complete)})"
            complete = None
        if denial is None and complete is None:
            why = open_list(
                _("{person}'s roles").format(person=person.name),
                person.name,
                "roles",
                Relation.ROLE,
            )
            why += older
            return Outcome(
                Verdict.NOT_ENOUGH_INFO,
                _("{found}; but {reason}.").format(found=found, reason=why),
                tuple(evidence),
            )
        sources = denial.sources if denial is not None else person.complete.sources
        evidence.append(
            Evidence(
                about(person.name, _("roles")), closed_by(complete, denial), sources
            )
        )
        return Outcome(
            Verdict.REFUTED,
            _("{found}; {reason}.").format(
                found=found, reason=closed_by(complete, denial)
            ),
            tuple(evidence),
        )

    def _titles(self) -> str:
        """The titles that count, in words (``CEO or president``); empty for any."""
        return in_words((text(title) for title in self.titles), style="or")


def _at_organisation(title: str, organisation: str) -> str:
    """A role as evidence names it: ``president at Google China``."""
    return _("{title} at {organisation}").format(
        title=text(title), organisation=organisation
    )


def _not_recorded(person: str, titles: str, organisation: str, when: str | None) -> str:
    """Say that no recorded role of *person* is one the claim asks for."""
    fields = {"person": person, "titles": titles, "organisation": organisation}
    if titles and when is not None:
        message = _(
            "{person} is not recorded as {titles} at {organisation} during {when}"
        )
    elif titles:
        message = _("{person} is not recorded as {titles} at {organisation}")
    elif when is not None:
        message = _(
            "{person} is not recorded in any role at {organisation} during {when}"
        )
    else:
        message = _("{person} is not recorded in any role at {organisation}")
    return message.format(**fields, when=when)


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


def _at(path: tuple[Organisation, ...]) -> str:
    """Where a role was held: ``Google DeepMind, part of Google``."""
    return via(path).removeprefix("via ") or path[0].name


def _held(
    start: PartialDate | None,
    end: PartialDate | None,
    first: dt.date | None,
    last: dt.date | None,
) -> Verdict:
    """Whether a role from *start* to *end* (None: open) was held in [first, last].

    A role whose end falls within the period was held in it, whenever it began;
    one with no recorded end (it continues, or its end is not known) only if it
    began within the period.
    """
    if (start is not None and last is not None and start.first > last) or (
        end is not None and first is not None and end.last < first
    ):
        return Verdict.REFUTED
    if (
        end is not None
        and (first is None or end.first >= first)
        and (last is None or end.last <= last)
    ):
        return Verdict.SUPPORTED
    started = start is not None and (last is None or start.last <= last)
    if end is None:
        # No end recorded: the role may continue or may have ended unrecorded, so
        # it was certainly held in the period only if it began within it.
        lasted = first is None or (start is not None and start.first >= first)
    else:
        lasted = first is None or end.first >= first
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
