"""What sources say: attributions, labels and stated causes, each with its quote.

A [Statement][aiecosys.Statement] records that a source says something about
a subject, in its own words: that Yi's competitiveness comes from its training
data (an attribution), that the BATX are called the Chinese GAFAM (a label),
that an office closed because of a trade war (a cause). Statements are never
inferred: each carries the exact quote of its source, and whether the source
states or denies it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

import attrs

from aiecosys import _validators as validators
from aiecosys._choices import Choice
from aiecosys._i18n import N_
from aiecosys._i18n import gettext as _
from aiecosys._source import Source, check_sources


__all__ = ["Stance", "Statement", "StatementForm", "Tally", "parties_of", "tally"]


class StatementForm(Choice):
    """What a [Statement][aiecosys.Statement] says of its subject.

    Examples:
        >>> from aiecosys import StatementForm
        >>> StatementForm("cause")
        <StatementForm.CAUSE: 'cause'>
    """

    ATTRIBUTION = "attribution"
    """The subject is put down to something ("its strength comes from its data")."""
    LABEL = "label"
    """The subject is called something ("the Chinese GAFAM")."""
    CAUSE = "cause"
    """The subject happened because of something ("because of the trade war")."""


class Stance(Choice):
    """Whether a source states a statement or denies it.

    Examples:
        >>> from aiecosys import Stance
        >>> Stance("denies")
        <Stance.DENIES: 'denies'>
    """

    STATES = "states"
    """The source says it."""
    DENIES = "denies"
    """The source says it is not so."""

    @property
    def label(self) -> str:
        """How evidence names the stance, in the reader's language.

        Examples:
            >>> from aiecosys import Stance
            >>> Stance.DENIES.label
            'denies'
        """
        return _(_STANCES[self])


_STANCES: Final = {
    # Translators: what a source does with a statement: it states it.
    Stance.STATES: N_("states"),
    # Translators: what a source does with a statement: it denies it.
    Stance.DENIES: N_("denies"),
}


@attrs.frozen
class Statement:
    """Something sources say about a subject, with their exact words.

    Examples:
        >>> from aiecosys import Source, Statement
        >>> said = Statement(
        ...     "BATX",
        ...     "the Chinese GAFAM",
        ...     form="label",
        ...     quote="the BATX, often called China's GAFAM",
        ...     sources=(Source("s", title="A source", publisher="A paper"),),
        ... )
        >>> said.form, said.stance
        (<StatementForm.LABEL: 'label'>, <Stance.STATES: 'states'>)
    """

    subject: str = attrs.field(validator=validators.text)
    """What the statement is about (``"BATX"``, ``"Yi's competitiveness"``)."""
    says: str = attrs.field(validator=validators.text)
    """What it attributes the subject to, calls it, or gives as its cause."""
    form: StatementForm = attrs.field(
        default=StatementForm.ATTRIBUTION,
        kw_only=True,
        converter=StatementForm,
        validator=attrs.validators.instance_of(StatementForm),
    )
    """An attribution, a label or a cause (a string such as ``"cause"`` is accepted)."""
    stance: Stance = attrs.field(
        default=Stance.STATES,
        kw_only=True,
        converter=Stance,
        validator=attrs.validators.instance_of(Stance),
    )
    """Whether the sources state it or deny it."""
    quote: str = attrs.field(kw_only=True, validator=validators.text)
    """The sources' exact words, in their language."""
    note: str | None = attrs.field(
        default=None, kw_only=True, validator=validators.optional_text
    )
    """A remark for readers."""
    sources: tuple[Source, ...] = attrs.field(
        default=(), kw_only=True, validator=check_sources
    )
    """The sources that say it; each distinct publisher counts once."""


def parties_of(source: Source) -> frozenset[str]:
    """The publishers a source speaks for, normalised: none when it names none.

    A publisher written ``"A (B)"`` names two parties: the publisher and where
    the story was posted or syndicated from (``"The National (Bloomberg)"``,
    ``"01.AI (arXiv)"``). Sources that share a party are not independent.

    Examples:
        >>> from aiecosys import Source
        >>> from aiecosys._statements import parties_of
        >>> sorted(
        ...     parties_of(Source("s", title="t", publisher="The National (Bloomberg)"))
        ... )
        ['bloomberg', 'the national']
        >>> parties_of(Source("s", title="t"))
        frozenset()
    """
    if source.publisher is None:
        return frozenset()
    from aiecosys._ecosystem import normalise_name

    main, _, rest = source.publisher.partition("(")
    names = {normalise_name(main), normalise_name(rest.rstrip().removesuffix(")"))}
    return frozenset(name for name in names if name)


@attrs.frozen
class Tally:
    """The independent publishers that state and deny a statement."""

    stating: tuple[str, ...]
    """The independent publishers stating it, each as written (``"A / B"`` for
    publishers that share a party and so count once)."""
    denying: tuple[str, ...]
    """The independent publishers denying it."""
    unnamed: int
    """How many sources name no publisher, and so count for none."""


def _independent(sources: Iterable[Source]) -> tuple[str, ...]:
    """Group sources that share a party; name each group by its publishers."""
    from aiecosys._ecosystem import normalise_name

    groups: list[tuple[set[str], dict[str, str]]] = []
    for source in sources:
        parties = set(parties_of(source))
        written = source.publisher or ""
        names = {normalise_name(written): written}
        for group in [g for g in groups if g[0] & parties]:
            groups.remove(group)
            parties |= group[0]
            names = {
                **group[1],
                **{k: v for k, v in names.items() if k not in group[1]},
            }
        groups.append((parties, names))
    return tuple(" / ".join(names.values()) for _, names in groups)


def tally(statements: Iterable[Statement]) -> Tally:
    """Count the independent publishers stating and denying some statements.

    A publisher counts once however many of its sources say it, and
    publishers that share a party (see
    [parties_of][aiecosys._statements.parties_of]) count once together; a
    source that names no publisher cannot be shown independent of the others
    and counts for none.

    Examples:
        >>> from aiecosys import Source, Statement
        >>> from aiecosys._statements import tally
        >>> def said(publisher, stance="states"):
        ...     source = Source(publisher[:3], title="t", publisher=publisher)
        ...     return Statement("X", "Y", quote="q", stance=stance, sources=(source,))
        >>> tally([said("Reuters"), said("REUTERS"), said("Wired", "denies")])
        Tally(stating=('Reuters',), denying=('Wired',), unnamed=0)
        >>> tally([said("Bloomberg"), said("The National (Bloomberg)")]).stating
        ('Bloomberg / The National (Bloomberg)',)
    """
    found: dict[Stance, dict[Source, None]] = {Stance.STATES: {}, Stance.DENIES: {}}
    unnamed: set[Source] = set()
    for statement in statements:
        for source in statement.sources:
            if parties_of(source):
                found[statement.stance].setdefault(source)
            else:
                unnamed.add(source)
    return Tally(
        _independent(found[Stance.STATES]),
        _independent(found[Stance.DENIES]),
        len(unnamed),
    )
