"""The open world: which lists a knowledge base holds in full, and sourced denials.

A knowledge base records what its sources say happened. What it does not
record may still have happened: a list (a round's investors, a group's
members, an organisation's models, a person's roles) is open unless a source
says it is complete. Two facts close a question:

* a [Complete][aiecosys.Complete] table on the entity, naming for each list
  the source that gives it in full (``complete = { investors = "source-key" }``);
* a [Denial][aiecosys.Denial]: a sourced fact that something did not happen
  ("Baidu did not invest in 01.AI", "Kyutai released no model before July 2024").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Final, Literal

import attrs
from babel.lists import format_list

from aiecosys import _validators as validators
from aiecosys._choices import Choice
from aiecosys._dates import PartialDate, Period, readable_period
from aiecosys._i18n import current
from aiecosys._i18n import gettext as _
from aiecosys._source import Source, check_sources


__all__ = ["Complete", "Denial", "Relation"]


def _optional_source(
    _instance: object, attribute: attrs.Attribute[Source | None], value: object
) -> None:
    if value is not None and not isinstance(value, Source):
        validators.fail(
            attribute,
            _("must be a Source, not {type}").format(type=type(value).__name__),
        )


@attrs.frozen
class Complete:
    """The lists of an entity that a source gives in full, each with that source.

    A list not named here is open: what it does not hold may still be true.
    An organisation may name ``members`` (a group), ``investors`` (every
    investor in all of its rounds), ``rounds`` and ``models``; a person
    ``roles``; a funding round ``investors``.

    Examples:
        >>> from aiecosys import Complete, Source
        >>> batx = Source("batx", title="BATX")
        >>> Complete(members=batx).lists
        ('members',)
    """

    members: Source | None = attrs.field(
        default=None, kw_only=True, validator=_optional_source
    )
    """The source that lists every member of the group."""
    investors: Source | None = attrs.field(
        default=None, kw_only=True, validator=_optional_source
    )
    """The source that lists every investor."""
    rounds: Source | None = attrs.field(
        default=None, kw_only=True, validator=_optional_source
    )
    """The source that lists every funding round of the organisation."""
    models: Source | None = attrs.field(
        default=None, kw_only=True, validator=_optional_source
    )
    """The source that lists every model the organisation developed."""
    roles: Source | None = attrs.field(
        default=None, kw_only=True, validator=_optional_source
    )
    """The source that lists every role the person held."""
    locations: Source | None = attrs.field(
        default=None, kw_only=True, validator=_optional_source
    )
    """The source that gives every place the person or organisation was based in."""

    @property
    def lists(self) -> tuple[str, ...]:
        """The names of the lists said to be complete."""
        return tuple(
            field.name
            for field in attrs.fields(Complete)
            if getattr(self, field.name) is not None
        )

    @property
    def sources(self) -> tuple[Source, ...]:
        """The sources that say a list is complete."""
        return tuple(getattr(self, name) for name in self.lists)


NO_LIST: Final = Complete()
"""The default: every list is open."""


def check_complete(
    allowed: tuple[str, ...],
) -> validators.Validator:
    """An attrs validator: a Complete naming only the *allowed* lists."""

    def check(
        _instance: object, attribute: attrs.Attribute[Complete], value: object
    ) -> None:
        if not isinstance(value, Complete):
            validators.fail(
                attribute,
                _("must be a Complete table, not {type}").format(
                    type=type(value).__name__
                ),
            )
        others = [name for name in value.lists if name not in allowed]
        if others:
            validators.fail(
                attribute,
                _(
                    "names {lists}, which this entry does not list; it may name "
                    "{allowed}"
                ).format(lists=", ".join(others), allowed=", ".join(allowed)),
            )

    return check


class Relation(Choice):
    """What a [Denial][aiecosys.Denial] says did not happen.

    Examples:
        >>> from aiecosys import Relation
        >>> Relation("investor").value
        'investor'
    """

    INVESTOR = "investor"
    """The subject did not invest in the entity (an organisation)."""
    MEMBER = "member"
    """The subject is not a member of the entity (a group)."""
    MODEL = "model"
    """The entity (an organisation) developed no model; with a subject, none of
    that openness (``"open-weights"``)."""
    ROLE = "role"
    """The entity (a person) held no role at the subject (an organisation)."""


@attrs.frozen
class Denial:
    """A sourced fact that something did not happen, between two optional dates.

    A denial about an organisation covers its subsidiaries, labs and
    divisions too: "Alibaba did not invest" says no part of Alibaba did.
    Without ``start`` it reaches back to any time, without ``end`` up to now.

    Examples:
        >>> from aiecosys import Denial, PartialDate, Source
        >>> moshi = Source("moshi", title="Moshi release")
        >>> denial = Denial(
        ...     "Kyutai", "model", end=PartialDate(2024, 6), sources=(moshi,)
        ... )
        >>> print(denial)
        Kyutai developed no model (… to 2024-06)
    """

    entity: str = attrs.field(validator=validators.text)
    """The organisation invested in, the group, the developer or the person."""
    relation: Relation = attrs.field(
        converter=Relation, validator=attrs.validators.instance_of(Relation)
    )
    """What did not happen (a string such as ``"investor"`` is accepted)."""
    subject: str | None = attrs.field(
        default=None, kw_only=True, validator=validators.optional_text
    )
    """The investor, the member or the organisation of the role; for models, an
    openness, or None for no model at all."""
    start: PartialDate | None = attrs.field(
        default=None, kw_only=True, validator=validators.optional_date
    )
    """From when it did not happen; None for from any time."""
    end: PartialDate | None = attrs.field(
        default=None, kw_only=True, validator=validators.not_before("start")
    )
    """Until when it did not happen; None for up to now."""
    note: str | None = attrs.field(
        default=None, kw_only=True, validator=validators.optional_text
    )
    """A remark for readers: what the source says."""
    sources: tuple[Source, ...] = attrs.field(
        default=(), kw_only=True, validator=check_sources
    )
    """Where the denial comes from."""

    @property
    def period(self) -> Period:
        """When it did not happen."""
        return Period(self.start, self.end)

    @property
    def name(self) -> str:
        """A label for problems and evidence."""
        return f"{self.entity}, {self.relation.value}, {self.subject or 'any'}"

    def __str__(self) -> str:
        subject = self.subject or ""
        if self.relation is Relation.INVESTOR:
            text = _("{subject} did not invest in {entity}")
        elif self.relation is Relation.MEMBER:
            text = _("{subject} is not a member of {entity}")
        elif self.relation is Relation.ROLE:
            text = _("{entity} held no role at {subject}")
        elif subject:
            # Translators: {subject} is an openness, as files write it: open-weights.
            text = _("{entity} developed no {subject} model")
        else:
            text = _("{entity} developed no model")
        text = text.format(subject=subject, entity=self.entity)
        if self.start is None and self.end is None:
            return text
        return f"{text} ({readable_period(self.period)})"

    def covers(self, first: dt.date | None, last: dt.date | None) -> bool:
        """Whether the denial spans the whole of the days *first* to *last*.

        None is an open end: from any time, or up to now.

        Examples:
            >>> import datetime as dt
            >>> from aiecosys import Denial, PartialDate
            >>> denial = Denial("Kyutai", "model", end=PartialDate(2024, 6))
            >>> denial.covers(None, dt.date(2024, 2, 29))
            True
            >>> denial.covers(None, dt.date(2024, 12, 31))
            False
        """
        starts = self.start is None or (first is not None and self.start.first <= first)
        ends = self.end is None or (last is not None and last <= self.end.last)
        return starts and ends


def open_list(items: str, entry: str, key: str, relation: Relation) -> str:
    """Say that a list is open, and what would settle a question it leaves open.

    *items* names the list, in the reader's language (``the investors in 01.AI``).

    Examples:
        >>> from aiecosys._openworld import Relation, open_list
        >>> print(
        ...     open_list(
        ...         "the investors in 01.AI", "01.AI", "investors", Relation.INVESTOR
        ...     )
        ... )
        the investors in 01.AI are an open list, which no source says is complete;
        a source listing them all (complete = { investors = "source-key" } on
        01.AI) or a sourced denial (relation = "investor") would settle it
    """
    return _(
        # Translators: {setting} and {denial} are written as in the files, such as
        # complete = { investors = "source-key" } and relation = "investor".
        "{items} are an open list, which no source says is complete; a source "
        "listing them all ({setting} on {entry}) or a sourced denial ({denial}) "
        "would settle it"
    ).format(
        items=items,
        setting=complete_setting(key),
        entry=entry,
        denial=f'relation = "{relation.value}"',
    )


def complete_setting(key: str) -> str:
    """The setting of a file that says a list is complete, as files write it.

    Examples:
        >>> from aiecosys._openworld import complete_setting
        >>> print(complete_setting("rounds"))
        complete = { rounds = "source-key" }
    """
    return f'complete = {{ {key} = "source-key" }}'


def closed_by(source: Source | None, denial: Denial | None) -> str:
    """Say which fact closes a question: the source of a complete list, or a denial.

    Examples:
        >>> from aiecosys import Denial, Source
        >>> from aiecosys._openworld import closed_by
        >>> closed_by(Source("batx", title="BATX"), None)
        'the list is complete, according to BATX (batx)'
        >>> closed_by(None, Denial("01.AI", "investor", subject="Baidu"))
        'a source says Baidu did not invest in 01.AI'
    """
    if denial is not None:
        keys = ", ".join(source.key for source in denial.sources)
        if keys:
            return _("a source says {denial} ({keys})").format(denial=denial, keys=keys)
        return _("a source says {denial}").format(denial=denial)
    if source is None:
        return _("nothing says the list is complete")
    return _("the list is complete, according to {title} ({key})").format(
        title=source.title, key=source.key
    )


_LIST_LOCALES: Final = {"en": "en_001"}
"""Babel's locale for lists in each language: aiecosys's English has no serial comma."""


def in_words(
    names: Iterable[str], style: Literal["standard", "or"] = "standard"
) -> str:
    """Join names as a sentence does: ``A``, ``A and B``, ``A, B and C``.

    Written in the reader's language by Babel; *style* ``"or"`` joins them
    with "or".

    Examples:
        >>> from aiecosys._openworld import in_words
        >>> in_words(["Baidu", "Tencent", "Xiaomi"])
        'Baidu, Tencent and Xiaomi'
        >>> in_words(["Baidu"])
        'Baidu'
        >>> in_words(["CEO", "president"], style="or")
        'CEO or president'
    """
    lang = current()
    return format_list(list(names), style=style, locale=_LIST_LOCALES.get(lang, lang))


def in_clauses(clauses: Iterable[str]) -> str:
    """Join the clauses of a sentence with semicolons, spaced as the language asks.

    Examples:
        >>> from aiecosys._openworld import in_clauses
        >>> in_clauses(["A is in", "B is out"])
        'A is in; B is out'
    """
    # Translators: the separator of the clauses of one sentence.
    return _("; ").join(clauses)


def about(name: str, fact: str) -> str:
    """Name a fact of an entity, as evidence does: ``01.AI: investors``.

    Examples:
        >>> from aiecosys._openworld import about
        >>> about("BATX", "members")
        'BATX: members'
    """
    # Translators: how evidence names a fact of an entity: "BATX: members".
    return _("{name}: {fact}").format(name=name, fact=fact)


def speaks_for(source: Source, last: dt.date | None) -> bool:
    """Whether a list *source* gives in full settles a question up to the day *last*.

    A dated source lists what there was when it was published: a question
    reaching later (or up to now, *last* None) is beyond it, and the list is
    open for that time. An undated source speaks for the list as kept.

    Examples:
        >>> import datetime as dt
        >>> from aiecosys import PartialDate, Source
        >>> from aiecosys._openworld import speaks_for
        >>> bio = Source("bio", title="A biography", published=PartialDate(2020))
        >>> speaks_for(bio, dt.date(2019, 12, 31)), speaks_for(bio, None)
        (True, False)
    """
    if source.published is None:
        return True
    return last is not None and last <= source.published.last


def too_early(source: Source) -> str:
    """Say that a complete list's source is older than the question.

    Examples:
        >>> from aiecosys import PartialDate, Source
        >>> from aiecosys._openworld import too_early
        >>> too_early(Source("bio", title="A biography", published=PartialDate(2020)))
        'A biography (bio) lists them all as of 2020 only'
    """
    if source.published is None:
        raise ValueError("an undated source speaks for its list as kept")
    return _("{title} ({key}) lists them all as of {date} only").format(
        title=source.title, key=source.key, date=readable_period(source.published)
    )
