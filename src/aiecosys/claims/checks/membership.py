"""The membership check: members belong to a group, or invested in an organisation."""

from __future__ import annotations

import contextlib
import enum
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, ClassVar, Literal

import attrs

from aiecosys._dates import PartialDate
from aiecosys._ecosystem import Ecosystem, normalise_name
from aiecosys._entities import OrganisationKind
from aiecosys._errors import UnknownEntityError
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


class _Member(enum.Enum):
    IN = "in"
    OUT = "out"
    UNKNOWN = "unknown"


@attrs.frozen
class MembershipCheck:
    """Organisations or people belong to a group, or invested in an organisation.

    The group is either a group of companies (``group``: its members are a
    closed list) or the investors in an organisation's rounds announced by
    ``until`` (``investors_of``: a round that lists no investors leaves them
    unknown). The members are listed (``members``) or are those of another
    group (``members_of``). ``quantifier`` says whether ``all`` of them,
    ``any`` of them, or ``exactly`` them belong.

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

    def __attrs_post_init__(self) -> None:
        if bool(self.members) == (self.members_of is not None):
            raise ValueError("give members or members_of, not both and not neither")
        if (self.group is None) == (self.investors_of is None):
            raise ValueError("give group or investors_of, exactly one")

    @private_decimals
    def evaluate(self, context: Context) -> Outcome:
        """Evaluate the check (see [check][aiecosys.check])."""
        eco = context.eco
        evidence: list[Evidence] = []
        if self.members_of is not None:
            source = eco.organisation(self.members_of)
            names = tuple(eco.organisation(m).name for m in source.members)
            evidence.append(
                Evidence(f"{source.name}: members", ", ".join(names), source.sources)
            )
        else:
            names = tuple(_name(eco, m) for m in self.members)
        known, unknown, group_text = self._group(context, evidence)
        status = {
            name: _Member.IN
            if name in known
            else _Member.UNKNOWN
            if unknown
            else _Member.OUT
            for name in names
        }
        ins = [n for n, s in status.items() if s is _Member.IN]
        outs = [n for n, s in status.items() if s is _Member.OUT]
        extra = sorted(set(known) - set(names))
        verdict = _quantify(
            self.quantifier, len(names), len(ins), len(outs), bool(extra), unknown
        )
        parts = []
        if ins:
            parts.append(f"{', '.join(ins)} {_be(ins)} among {group_text}")
        if outs:
            parts.append(f"{', '.join(outs)} {_be(outs)} not")
        if unknown and len(ins) < len(names):
            parts.append(f"{unknown}, so the others may or may not be")
        if self.quantifier == "exactly" and extra:
            parts.append(
                f"{group_text} also include{'s' * (len(extra) == 1)} {', '.join(extra)}"
            )
        if not ins and not outs:
            parts.insert(
                0, f"none of {', '.join(names)} is known to be among {group_text}"
            )
        return Outcome(verdict, "; ".join(parts) + ".", tuple(evidence))

    def _group(
        self, context: Context, evidence: list[Evidence]
    ) -> tuple[set[str], str, str]:
        eco = context.eco
        if self.group is not None:
            group = eco.organisation(self.group)
            members = {eco.organisation(m).name for m in group.members}
            evidence.append(
                Evidence(
                    f"{group.name}: members", ", ".join(sorted(members)), group.sources
                )
            )
            return members, "", f"the members of {group.name}"
        assert self.investors_of is not None  # noqa: S101 - checked when built
        name = eco.organisation(self.investors_of).name
        known: set[str] = set()
        unlisted = 0
        for found in context.index.rounds.get(name, ()):
            if self.until is not None and found.announced.first > self.until.last:
                continue
            evidence.append(
                Evidence(
                    f"{name}: {found.kind.value} round ({found.announced}) investors",
                    ", ".join(found.investors) or "not disclosed",
                    found.sources,
                )
            )
            if not found.investors:
                unlisted += 1
            known.update(_name(eco, investor) for investor in found.investors)
        unknown = (
            f"{unlisted} round{'s' * (unlisted != 1)} of {name} "
            f"list{'s' * (unlisted == 1)} no investors"
            if unlisted
            else ""
        )
        return known, unknown, f"the investors in {name}"


def _be(names: Sequence[str]) -> str:
    return "is" if len(names) == 1 else "are"


def _name(eco: Ecosystem, name: str) -> str:
    """The name of an organisation or person, without a failed look-up's cost."""
    found = index_of(eco).names.get(normalise_name(name))
    return eco.person(name).name if found is None else found[1]


def _quantify(  # noqa: PLR0917 - the counts that decide a membership verdict
    quantifier: str, count: int, ins: int, outs: int, extra: bool, unknown: str
) -> Verdict:
    if quantifier == "any":
        if ins:
            return Verdict.SUPPORTED
        return Verdict.REFUTED if outs == count else Verdict.NOT_ENOUGH_INFO
    if outs:
        return Verdict.REFUTED
    if quantifier == "exactly" and extra and not unknown:
        return Verdict.REFUTED
    if (
        ins == count
        and (quantifier == "all" or not unknown)
        and not (quantifier == "exactly" and extra)
    ):
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
            (
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
                f"{found.name} is a {found.kind.value}, not a group with members",
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
                (
                    f"{name!r} is {canonical}, already listed as "
                    f"members[{seen[canonical]}]: list each member once"
                ),
            )
        seen.setdefault(canonical, number)
    if check.members_of is not None and check.group is not None:
        with contextlib.suppress(UnknownEntityError):
            if eco.organisation(check.members_of) == eco.organisation(check.group):
                yield (
                    "members_of",
                    (
                        "is the group the members are said to belong to: a group is "
                        "always among itself; name another group"
                    ),
                )


register(MembershipCheck, _validate_membership)
