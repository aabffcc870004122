"""Organisations and people, with their offices and roles."""

from __future__ import annotations

import attrs

from aiecosys import _validators as validators
from aiecosys._choices import Choice
from aiecosys._dates import PartialDate, Period
from aiecosys._events import Event, check_events
from aiecosys._i18n import gettext as _
from aiecosys._openworld import NO_LIST, Complete, check_complete
from aiecosys._source import Source, check_sources


__all__ = ["Office", "Organisation", "OrganisationKind", "Person", "Role"]


class OrganisationKind(Choice):
    """What sort of organisation an [Organisation][aiecosys.Organisation] is.

    Examples:
        >>> from aiecosys import OrganisationKind
        >>> OrganisationKind("venture-capital-firm")
        <OrganisationKind.VENTURE_CAPITAL_FIRM: 'venture-capital-firm'>
    """

    COMPANY = "company"
    """A company (a start-up such as 01.AI or Mistral AI, or a giant such as Baidu)."""
    VENTURE_CAPITAL_FIRM = "venture-capital-firm"
    """A venture-capital firm (Sinovation Ventures)."""
    RESEARCH_LAB = "research-lab"
    """A research laboratory (Microsoft Research Asia)."""
    NON_PROFIT_LAB = "non-profit-lab"
    """A non-profit research laboratory (Kyutai)."""
    INSTITUTE = "institute"
    """A research or training institute (Sinovation Ventures' AI Institute)."""
    CORPORATE_DIVISION = "corporate-division"
    """A division of a company (Google China)."""
    GROUP = "group"
    """A named group of companies (the BATX), whose members are listed."""


def _check_members(
    instance: Organisation,
    attribute: attrs.Attribute[tuple[str, ...]],
    value: tuple[str, ...],
) -> None:
    validators.names(instance, attribute, value)
    if value and instance.kind is not OrganisationKind.GROUP:
        validators.fail(
            attribute,
            _("only a group has members, and this is a {kind}").format(
                kind=instance.kind.value
            ),
        )


@attrs.frozen
class Office:
    """An office of an organisation, with when it opened and closed.

    Examples:
        >>> from aiecosys import Office, PartialDate
        >>> valley = Office("Silicon Valley", country="US", closed=PartialDate(2019))
        >>> valley.period.contains(PartialDate(2018))
        True
    """

    location: str = attrs.field(validator=validators.text)
    """The city or area (``"Beijing"``, ``"Silicon Valley"``)."""
    country: str | None = attrs.field(
        default=None, kw_only=True, validator=validators.country
    )
    """The ISO 3166 country code."""
    opened: PartialDate | None = attrs.field(
        default=None, kw_only=True, validator=validators.optional_date
    )
    """When it opened, if known."""
    closed: PartialDate | None = attrs.field(
        default=None, kw_only=True, validator=validators.not_before("opened")
    )
    """When it closed, or None if it is open or not known to have closed."""
    sources: tuple[Source, ...] = attrs.field(
        default=(), kw_only=True, validator=check_sources
    )
    """Sources of this fact, beyond the organisation's own."""

    @property
    def start(self) -> PartialDate | None:
        """The same as [opened][aiecosys.Office.opened]."""
        return self.opened

    @property
    def period(self) -> Period:
        """When the office was open.

        Examples:
            >>> from aiecosys import Office, PartialDate
            >>> print(Office("Beijing", opened=PartialDate(2009)).period)
            2009 to …
        """
        return Period(self.opened, self.closed)


@attrs.frozen
class Organisation:
    """A company, a fund, a lab, an institute or a group of companies.

    Names elsewhere in a knowledge base (a round's organisation, a model's
    developers, a group's members) refer to organisations by their name or one
    of their aliases, in any case and with or without accents.

    Examples:
        >>> from aiecosys import Organisation, PartialDate
        >>> zero_one = Organisation(
        ...     "01.AI",
        ...     "company",
        ...     aliases=("零一万物", "Lingyi Wanwu"),
        ...     country="CN",
        ...     founded=PartialDate(2023, 3),
        ...     founders=("Kai-Fu Lee",),
        ... )
        >>> zero_one.kind
        <OrganisationKind.COMPANY: 'company'>
        >>> zero_one.names
        ('01.AI', '零一万物', 'Lingyi Wanwu')
    """

    name: str = attrs.field(validator=validators.text)
    """The name most readers know it by."""
    kind: OrganisationKind = attrs.field(
        converter=OrganisationKind,
        validator=attrs.validators.instance_of(OrganisationKind),
    )
    """What sort of organisation it is (a string such as ``"company"`` is accepted)."""
    aliases: tuple[str, ...] = attrs.field(
        default=(), kw_only=True, validator=validators.names
    )
    """Other names, spellings and scripts (``"零一万物"``, ``"Sinovation"``)."""
    country: str | None = attrs.field(
        default=None, kw_only=True, validator=validators.country
    )
    """Where it is headquartered, as an ISO 3166 code (``"CN"``, ``"FR"``)."""
    founded: PartialDate | None = attrs.field(
        default=None, kw_only=True, validator=validators.optional_date
    )
    """When it was founded, to the precision known; its announced event when
    none is recorded in [events][aiecosys.Organisation.events]."""
    founders: tuple[str, ...] = attrs.field(
        default=(), kw_only=True, validator=validators.names
    )
    """The names of its founders (people, or organisations for a joint venture)."""
    parent: str | None = attrs.field(
        default=None, kw_only=True, validator=validators.optional_text
    )
    """The organisation it belongs to (Microsoft for Microsoft Research Asia)."""
    members: tuple[str, ...] = attrs.field(
        default=(), kw_only=True, validator=_check_members
    )
    """For a group only: the organisations it is made of (Baidu, Alibaba, ...)."""
    complete: Complete = attrs.field(
        default=NO_LIST,
        kw_only=True,
        validator=check_complete(
            ("members", "investors", "rounds", "models", "locations")
        ),
    )
    """The lists a source gives in full (``{ members = "source-key" }``); the
    others are open."""
    offices: tuple[Office, ...] = attrs.field(
        default=(), kw_only=True, validator=validators.instances(Office)
    )
    """Its offices, with when they opened and closed."""
    events: tuple[Event, ...] = attrs.field(
        default=(), kw_only=True, validator=check_events("organisation")
    )
    """Its dated events: announced, incorporated, operations started, launched,
    dissolved (see [events_of][aiecosys.events_of]); each kind at most once."""
    description: str | None = attrs.field(
        default=None, kw_only=True, validator=validators.optional_text
    )
    """One sentence on what it is."""
    sources: tuple[Source, ...] = attrs.field(
        default=(), kw_only=True, validator=check_sources
    )
    """Where these facts come from."""

    @property
    def names(self) -> tuple[str, ...]:
        """Its name followed by its aliases."""
        return (self.name, *self.aliases)


@attrs.frozen
class Role:
    """A position a person held at an organisation, and when.

    Examples:
        >>> from aiecosys import PartialDate, Role
        >>> role = Role(
        ...     "president",
        ...     "Google China",
        ...     start=PartialDate(2005),
        ...     end=PartialDate(2009),
        ... )
        >>> role.period.contains(PartialDate(2007, 3))
        True
    """

    title: str = attrs.field(validator=validators.text)
    """The title, as sources give it (``"founder"``, ``"president"``)."""
    organisation: str = attrs.field(validator=validators.text)
    """The name of the organisation."""
    start: PartialDate | None = attrs.field(
        default=None, kw_only=True, validator=validators.optional_date
    )
    """When the role began, if known."""
    end: PartialDate | None = attrs.field(
        default=None, kw_only=True, validator=validators.not_before("start")
    )
    """When it ended, or None if it continues or its end is not known."""
    sources: tuple[Source, ...] = attrs.field(
        default=(), kw_only=True, validator=check_sources
    )
    """Sources of this role, beyond the person's own."""

    @property
    def period(self) -> Period:
        """When the role was held.

        Examples:
            >>> from aiecosys import PartialDate, Role
            >>> print(
            ...     Role(
            ...         "founder", "Sinovation Ventures", start=PartialDate(2009)
            ...     ).period
            ... )
            2009 to …
        """
        return Period(self.start, self.end)


@attrs.frozen
class Person:
    """A person: a founder, an investor, a researcher.

    Examples:
        >>> from aiecosys import PartialDate, Person, Role
        >>> lee = Person(
        ...     "Kai-Fu Lee",
        ...     aliases=("李开复",),
        ...     nationality="TW",
        ...     roles=(Role("founder", "01.AI", start=PartialDate(2023, 3)),),
        ... )
        >>> [role.organisation for role in lee.roles]
        ['01.AI']
    """

    name: str = attrs.field(validator=validators.text)
    """The name most readers know the person by."""
    aliases: tuple[str, ...] = attrs.field(
        default=(), kw_only=True, validator=validators.names
    )
    """Other spellings and scripts (``"李开复"``)."""
    nationality: str | None = attrs.field(
        default=None, kw_only=True, validator=validators.country
    )
    """The nationality, as an ISO 3166 code."""
    born: PartialDate | None = attrs.field(
        default=None, kw_only=True, validator=validators.optional_date
    )
    """When the person was born, to the precision known."""
    roles: tuple[Role, ...] = attrs.field(
        default=(), kw_only=True, validator=validators.instances(Role)
    )
    """Positions held, in any order."""
    complete: Complete = attrs.field(
        default=NO_LIST,
        kw_only=True,
        validator=check_complete(("roles", "locations")),
    )
    """Whether a source gives every role (``{ roles = "source-key" }``); if not,
    the roles are open."""
    description: str | None = attrs.field(
        default=None, kw_only=True, validator=validators.optional_text
    )
    """One sentence on who the person is."""
    sources: tuple[Source, ...] = attrs.field(
        default=(), kw_only=True, validator=check_sources
    )
    """Where these facts come from."""

    @property
    def names(self) -> tuple[str, ...]:
        """The name followed by the aliases."""
        return (self.name, *self.aliases)
