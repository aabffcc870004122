"""Where people and organisations are based, and when."""

from __future__ import annotations

import attrs

from aiecosys import _validators as validators
from aiecosys._dates import PartialDate, Period
from aiecosys._i18n import gettext as _
from aiecosys._source import Source, check_sources


__all__ = ["Location"]


def _check_place(
    instance: Location, attribute: attrs.Attribute[str | None], value: object
) -> None:
    validators.country(instance, attribute, value)
    if value is None and instance.city is None:
        validators.fail(attribute, _("give the city, the country or both"))


@attrs.frozen
class Location:
    """Where a person or an organisation is based, over a period, with its sources.

    Examples:
        >>> from aiecosys import Location, PartialDate
        >>> based = Location("Kai-Fu Lee", city="Beijing", country="CN")
        >>> based.period.contains(PartialDate(2024))
        True
    """

    of: str = attrs.field(validator=validators.text)
    """The name of the person or organisation."""
    city: str | None = attrs.field(
        default=None, kw_only=True, validator=validators.optional_text
    )
    """The city (``"Beijing"``), if known."""
    country: str | None = attrs.field(
        default=None, kw_only=True, validator=_check_place
    )
    """The ISO 3166 country code (``"CN"``)."""
    since: PartialDate | None = attrs.field(
        default=None, kw_only=True, validator=validators.optional_date
    )
    """Since when, or None if not known (based there as far back as sources go)."""
    until: PartialDate | None = attrs.field(
        default=None, kw_only=True, validator=validators.not_before("since")
    )
    """Until when, or None if still based there or not known to have moved."""
    note: str | None = attrs.field(
        default=None, kw_only=True, validator=validators.optional_text
    )
    """A remark for readers."""
    sources: tuple[Source, ...] = attrs.field(
        default=(), kw_only=True, validator=check_sources
    )
    """Where the fact comes from."""

    @property
    def period(self) -> Period:
        """When the person or organisation was based there, as far as recorded."""
        return Period(self.since, self.until)

    @property
    def place(self) -> str:
        """The city and country as written (``"Beijing, CN"``).

        Examples:
            >>> from aiecosys import Location
            >>> Location("01.AI", country="CN").place
            'CN'
        """
        return ", ".join(part for part in (self.city, self.country) if part)
