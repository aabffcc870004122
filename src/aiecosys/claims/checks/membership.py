"""The membership check: members belong to a group, or invested in an organisation."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar, Literal

import attrs

from aiecosys._dates import PartialDate, readable_period
from aiecosys._ecosystem import Ecosystem, normalise_name, via
from aiecosys._entities import Organisation, OrganisationKind
from aiecosys._errors import UnknownEntityError
from aiecosys._i18n import gettext as _
from aiecosys._i18n import ngettext
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
from aiecosys._source import Source
from aiecosys.claims._context import (
    Context,
    Outcome,
    index_of,
    private_decimals,
    strings,
)
from aiecosys.claims._registry import register
from aiecosys.claims._relative import Published
from aiecosys.claims._validation import (
    either,
    unknown_names,
)
from aiecosys.claims._verdict import Evidence, Verdict


if TYPE_CHECKING:
    pass


@attrs.frozen
class _Closed:
    """What closes the list: the source of a complete list, or none."""

    source: Source | None
    label: str
    """What the list is (``"the investors in 01.AI"``)."""
    entry: str
    """The entry that would say the list is complete."""
    key: str
    """The list's key in a ``complete`` table."""
    relation: Relation
    older: str = ""
    """Why a complete list does not settle the question: its source is older."""

    def open(self) -> str:
        """Say that the list is open, and what would settle it."""
        text = open_list(self.label, self.entry, self.key, self.relation)
        return f"{text} ({self.older})" if self.older else text


@attrs.frozen
class MembershipCheck:
    """Organisations or people belong to a group, or invested in an organisation.

    The group is either a group of companies (``group``) or the investors in
    an organisation's rounds announced by ``until`` (``investors_of``). The
    members are listed (``members``) or are those of another group
    (``members_of``). ``quantifier`` says whether ``all`` of them, ``any`` of
    them, or ``exactly`` them belong.

    A subsidiary, lab or division counts for the organisation it is part of
    (Alibaba Cloud's investment for Alibaba), unless ``exact``. The list is
    open: a name not on it is refuted only when a source gives the list in
    full (``complete = { members = ... }`` on the group, ``{ investors = ... }``
    on the organisation) or a [Denial][aiecosys.Denial] says it did not belong.

    Examples:
        >>> from aiecosys import MembershipCheck
        >>> check = MembershipCheck(
        ...     members=("Baidu", "Alibaba", "Tencent", "Xiaomi"),
        ...     group="BATX",
        ...     quantifier="exactly",
        ... )
        >>> check.kind
        'membership'
    """

    kind: ClassVar[str] = "membership"
    members: tuple[str, ...] = attrs.field(default=(), kw_only=True, converter=strings)
    """The names said to belong."""
    members_of: str | None = attrs.field(default=None, kw_only=True)
    """Or: the group whose members are said to belong (the BATX)."""
    group: str | None = attrs.field(default=None, kw_only=True)
    """The group of companies they are said to belong to."""
    investors_of: str | None = attrs.field(default=None, kw_only=True)
    """Or: the organisation they are said to have invested in."""
    until: PartialDate | None = attrs.field(default=None, kw_only=True)
    """With ``investors_of``: count rounds announced by this date."""
    quantifier: Literal["all", "any", "exactly"] = attrs.field(
        default="all",
        kw_only=True,
        validator=attrs.validators.in_(("all", "any", "exactly")),
    )
    """Whether all, any, or exactly the members belong."""
    exact: bool = attrs.field(default=False, kw_only=True)
    """Count each name itself only, not its subsidiaries, labs and divisions."""

    def __attrs_post_init__(self) -> None:
        if bool(self.members) == (self.members_of is not None):
            raise ValueError(_("give members or members_of, not both and not neither"))
        if (self.group is None) == (self.investors_of is None):
            raise ValueError(_("give group or investors_of, exactly one"))

    @private_decimals
    def evaluate(self, context: Context) -> Outcome:
        """Evaluate the check (see [check][aiecosys.check])."""
        eco = context.eco
        evidence: list[Evidence] = []
        if self.members_of is not None:
            source = eco.organisation(self.members_of)
            names = tuple(eco.organisation(m).name for m in source.members)
            evidence.append(
                Evidence(
                    about(source.name, _("members")), ", ".join(names), source.sources
                )
            )
        else:
            names = tuple(_name(eco, m) for m in self.members)
        known, closed = self._group(context, evidence)
        if closed.source is not None:
            evidence.append(
                Evidence(
                    # Translators: evidence that a list (its members, say) is complete.
                    _("{list}: complete").format(list=closed.label),
                    closed_by(closed.source, None),
                    (closed.source,),
                )
            )
        ins: list[str] = []
        outs: dict[str, list[str]] = {}
        unknown: list[str] = []
        counted: set[str] = set()
        for name in names:
            found = self._found(eco, name, known)
            if found is not None:
                counted.add(found[0].name if found else name)
                ins.append(f"{name} ({via(found)})" if len(found) > 1 else name)
                continue
            why = self._closed_for(eco, name, closed, evidence)
            if why is None:
                unknown.append(name)
            else:
                outs.setdefault(why, []).append(name)
        extra = sorted(
            k
            for k in set(known) - counted - set(names)
            if not any(self._within(eco, k, name) for name in names)
        )
        verdict = _quantify(
            self.quantifier,
            len(names),
            len(ins),
            sum(map(len, outs.values())),
            bool(extra),
            closed,
        )
        return Outcome(
            verdict,
            _explain(closed, ins, outs, unknown, extra, self.quantifier) + ".",
            tuple(evidence),
        )

    def _within(self, eco: Ecosystem, known: str, name: str) -> bool:
        path = eco.part_of(known, name)
        return path is not None and (not self.exact or len(path) <= 1)

    def _found(
        self, eco: Ecosystem, name: str, known: set[str]
    ) -> tuple[Organisation, ...] | None:
        """The path from a listed name up to *name*, if one counts for it."""
        if name in known:
            return ()
        if self.exact:
            return None
        for candidate in sorted(known):
            path = eco.part_of(candidate, name)
            if path:
                return path
        return None

    def _closed_for(
        self, eco: Ecosystem, name: str, closed: _Closed, evidence: list[Evidence]
    ) -> str | None:
        """Why *name* is known not to belong, or None if the list leaves it open."""
        if closed.source is not None:
            return closed_by(closed.source, None)
        entity = self.group if self.group is not None else self.investors_of
        assert entity is not None  # noqa: S101 - checked when built
        last = None if self.until is None else self.until.last
        denial = eco.denial(
            closed.relation, eco.organisation(entity).name, name, None, last
        )
        if denial is None:
            return None
        evidence.append(
            Evidence(_("denial: {name}").format(name=name), str(denial), denial.sources)
        )
        return closed_by(None, denial)

    def _group(
        self, context: Context, evidence: list[Evidence]
    ) -> tuple[set[str], _Closed]:
        eco = context.eco
        if self.group is not None:
            group = eco.organisation(self.group)
            members = {eco.organisation(m).name for m in group.members}
            evidence.append(
                Evidence(
                    about(group.name, _("members")),
                    ", ".join(sorted(members)),
                    group.sources,
                )
            )
            label = _("the members of {group}").format(group=group.name)
            closed = _Closed(
                group.complete.members, label, group.name, "members", Relation.MEMBER
            )
            return members, closed
        assert self.investors_of is not None  # noqa: S101 - checked when built
        organisation = eco.organisation(self.investors_of)
        name = organisation.name
        known: set[str] = set()
        rounds = []
        for found in context.index.rounds.get(name, ()):
            if self.until is not None and found.announced.first > self.until.last:
                continue
            rounds.append(found)
            evidence.append(
                Evidence(
                    # Translators: {kind} is the round's kind as files write it: seed.
                    _("{organisation}: {kind} round ({date}) investors").format(
                        organisation=name,
                        kind=found.kind.label,
                        date=readable_period(found.announced),
                    ),
                    ", ".join(found.investors) or _("not disclosed"),
                    found.sources,
                )
            )
            known.update(_name(eco, investor) for investor in found.investors)
        complete = organisation.complete
        source = complete.investors
        if source is None and all(r.complete.investors for r in rounds):
            source = complete.rounds
        older = ""
        if source is not None and not speaks_for(
            source, None if self.until is None else self.until.last
        ):
            older = too_early(source)
            source = None
        label = _("the investors in {organisation}").format(organisation=name)
        return known, _Closed(
            source, label, name, "investors", Relation.INVESTOR, older
        )


def _explain(  # noqa: PLR0917 - the parts of one explanation
    closed: _Closed,
    ins: list[str],
    outs: dict[str, list[str]],
    unknown: list[str],
    extra: list[str],
    quantifier: str,
) -> str:
    """Say, in plain sentences, who belongs, who does not, and who may."""
    parts = []
    group = closed.label
    if ins:
        parts.append(
            # Translators: {group} is "the members of BATX" or "the investors in 01.AI".
            ngettext(
                "{names} is among {group}", "{names} are among {group}", len(ins)
            ).format(names=in_words(ins), group=group)
        )
    for why, names in outs.items():
        parts.append(
            ngettext(
                "{names} is not among {group}: {reason}",
                "{names} are not among {group}: {reason}",
                len(names),
            ).format(names=in_words(names), group=group, reason=why)
        )
    if quantifier == "exactly" and extra:
        parts.append(
            ngettext(
                "{group} also includes {names}",
                "{group} also include {names}",
                len(extra),
            ).format(group=group, names=in_words(extra))
        )
    if unknown:
        parts.append(
            ngettext(
                "{names} is not recorded among {group}, but {reason}",
                "{names} are not recorded among {group}, but {reason}",
                len(unknown),
            ).format(names=in_words(unknown), group=group, reason=closed.open())
        )
    elif quantifier == "exactly" and closed.source is None and not extra:
        parts.append(_("others may belong too: {reason}").format(reason=closed.open()))
    return in_clauses(parts)


def _name(eco: Ecosystem, name: str) -> str:
    """The name of an organisation or person, without a failed look-up's cost."""
    found = index_of(eco).names.get(normalise_name(name))
    return eco.person(name).name if found is None else found[1]


def _quantify(  # noqa: PLR0917 - the counts that decide a membership verdict
    quantifier: str, count: int, ins: int, outs: int, extra: bool, closed: _Closed
) -> Verdict:
    if quantifier == "any":
        if ins:
            return Verdict.SUPPORTED
        return Verdict.REFUTED if outs == count else Verdict.NOT_ENOUGH_INFO
    if outs or (quantifier == "exactly" and extra):
        return Verdict.REFUTED
    if ins == count and (quantifier == "all" or closed.source is not None):
        return Verdict.SUPPORTED
    return Verdict.NOT_ENOUGH_INFO


def _validate_membership(
    check: MembershipCheck, eco: Ecosystem, _published: Published | None
) -> Iterator[tuple[str, str]]:
    look_up = either(eco)
    yield from unknown_names(
        [
            *((f"members[{n}]", name, look_up) for n, name in enumerate(check.members)),
            ("members_of", check.members_of, eco.organisation),
            ("group", check.group, eco.organisation),
            ("investors_of", check.investors_of, eco.organisation),
        ],
    )
    yield from _same_members(check, eco)
    if check.until is not None and check.investors_of is None:
        yield (
            "until",
            _(
                "counts the rounds of investors_of, and a group's members are not "
                "dated: leave until out"
            ),
        )
    for field, name in (("group", check.group), ("members_of", check.members_of)):
        if name is None:
            continue
        try:
            found = eco.organisation(name)
        except UnknownEntityError:
            continue
        if found.kind is not OrganisationKind.GROUP:
            yield (
                field,
                # Translators: {kind} is an organisation's kind as files write it.
                _("{name} is a {kind}, not a group with members").format(
                    name=found.name, kind=found.kind.value
                ),
            )


def _same_members(check: MembershipCheck, eco: Ecosystem) -> Iterator[tuple[str, str]]:
    """Members that name one entity twice, and a group said to be in itself."""
    seen: dict[str, int] = {}
    for number, name in enumerate(check.members):
        try:
            canonical = either(eco)(name).name
        except UnknownEntityError:
            continue
        if canonical in seen:
            yield (
                f"members[{number}]",
                _(
                    "{name} is {canonical}, already listed as members[{number}]: "
                    "list each member once"
                ).format(name=repr(name), canonical=canonical, number=seen[canonical]),
            )
        seen.setdefault(canonical, number)
    if check.members_of is not None and check.group is not None:
        with contextlib.suppress(UnknownEntityError):
            if eco.organisation(check.members_of) == eco.organisation(check.group):
                yield (
                    "members_of",
                    _(
                        "is the group the members are said to belong to: a group is "
                        "always among itself; name another group"
                    ),
                )


register(MembershipCheck, _validate_membership)
