"""Laws and regulations: where they apply, when adopted and in force."""

from __future__ import annotations

import attrs

from aiecosys import _validators as validators
from aiecosys._dates import PartialDate, readable_period
from aiecosys._i18n import N_
from aiecosys._i18n import gettext as _
from aiecosys._source import Source, check_sources


__all__ = ["Law"]


def _check_repealed(
    instance: Law, attribute: attrs.Attribute[PartialDate | None], value: object
) -> None:
    validators.optional_date(instance, attribute, value)
    start = instance.in_force or instance.adopted
    if isinstance(value, PartialDate) and start is not None and value.precedes(start):
        validators.fail(
            attribute,
            _("repealed ({value}) before it began ({start})").format(
                value=readable_period(value), start=readable_period(start)
            ),
        )


def _check_jurisdiction(
    instance: Law, attribute: attrs.Attribute[str], value: object
) -> None:
    if value == "EU":
        return
    if value is None:
        validators.fail(attribute, _("give the country where it applies, such as 'CN'"))
    validators.country(instance, attribute, value)


@attrs.frozen
class Law:
    """A law or regulation, with its jurisdiction and dates.

    Examples:
        >>> from aiecosys import Law, PartialDate
        >>> law = Law(
        ...     "Personal Information Protection Law",
        ...     "CN",
        ...     adopted=PartialDate(2021, 8, 20),
        ...     in_force=PartialDate(2021, 11, 1),
        ... )
        >>> law.names
        ('Personal Information Protection Law',)
        >>> Law("A law", "CN", adopted=PartialDate(2022), in_force=PartialDate(2021))
        Traceback (most recent call last):
        ...
        aiecosys.DataError: 1 problem found:
          - field 'in_force': in force (2021) before it was adopted (2022)
    """

    name: str = attrs.field(validator=validators.text)
    """Its usual name in English."""
    jurisdiction: str = attrs.field(validator=_check_jurisdiction)
    """The ISO 3166 code of the country where it applies (``"CN"``), or ``"EU"``
    for a law of the European Union."""
    aliases: tuple[str, ...] = attrs.field(
        default=(), kw_only=True, validator=validators.names
    )
    """Other names and abbreviations (``"PIPL"``, ``"个人信息保护法"``)."""
    adopted: PartialDate | None = attrs.field(
        default=None, kw_only=True, validator=validators.optional_date
    )
    """When it was adopted (passed, enacted), if known."""
    in_force: PartialDate | None = attrs.field(
        default=None,
        kw_only=True,
        validator=validators.not_before(
            "adopted", N_("in force ({value}) before it was adopted ({start})")
        ),
    )
    """When it came into force, if known."""
    repealed: PartialDate | None = attrs.field(
        default=None, kw_only=True, validator=_check_repealed
    )
    """When it ceased to apply, or None if it applies or is not known to have ended."""
    description: str | None = attrs.field(
        default=None, kw_only=True, validator=validators.optional_text
    )
    """What it is, for readers."""
    sources: tuple[Source, ...] = attrs.field(
        default=(), kw_only=True, validator=check_sources
    )
    """Where these facts come from."""

    @property
    def names(self) -> tuple[str, ...]:
        """Its name followed by its aliases."""
        return (self.name, *self.aliases)
