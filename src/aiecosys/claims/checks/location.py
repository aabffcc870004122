"""The location check: a person or an organisation is based in a city or a country."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import attrs

from aiecosys import _validators as validators
from aiecosys._dates import PartialDate, Period, readable_period
from aiecosys._ecosystem import Ecosystem, normalise_name
from aiecosys._errors import DataError
from aiecosys._i18n import gettext as _
from aiecosys._i18n import text
from aiecosys._locations import Location
from aiecosys._openworld import (
    about,
    closed_by,
    complete_setting,
    in_clauses,
    speaks_for,
)
from aiecosys._readable import readable_country
from aiecosys.claims._context import Context, Outcome, private_decimals
from aiecosys.claims._registry import register
from aiecosys.claims._relative import DateLike, Published, date_text, resolve_date
from aiecosys.claims._validation import either, unknown_names, validate_when
from aiecosys.claims._verdict import Evidence, Verdict


__all__ = ["LocationCheck", "country_problems"]


def _check_place(
    instance: LocationCheck, _attribute: attrs.Attribute[str | None], value: object
) -> None:
    if value is None and instance.city is None:
        raise ValueError(_("give the city, the country or both"))


@attrs.frozen
class LocationCheck:
    """A person or an organisation is based in a city or a country, at a date.

    The date is ``at``, else the claim's publication date ("based in Beijing",
    in the present tense). The verdict reads the knowledge base's
    [locations][aiecosys.Location]: ``SUPPORTED`` when one covering the whole
    date matches, ``REFUTED`` when every one covering the whole date names
    another place (and none that may cover it matches), ``NOT_ENOUGH_INFO``
    when none is recorded for the date: a place not recorded is not a denial.

    Examples:
        >>> from aiecosys import LocationCheck
        >>> LocationCheck("Kai-Fu Lee", city="Beijing").kind
        'location'
    """

    kind: ClassVar[str] = "location"
    of: str
    """The name of the person or organisation."""
    city: str | None = attrs.field(default=None, kw_only=True)
    """The city the claim names (compared without case or accents)."""
    country: str | None = attrs.field(
        default=None, kw_only=True, validator=_check_place
    )
    """The country the claim names (an ISO 3166 code)."""
    at: DateLike | None = attrs.field(default=None, kw_only=True)
    """When; the publication date if not given."""

    @private_decimals
    def evaluate(self, context: Context) -> Outcome:
        """Evaluate the check (see [check][aiecosys.check])."""
        entity = either(context.eco)(self.of)
        where = _place(self.city, self.country)
        when: PartialDate | Period | None = (
            context.published
            if self.at is None
            else resolve_date(self.at, context.published)
        )
        stated = _("at any time") if when is None else _when(self.at, when)
        recorded = [
            location
            for location in context.eco.locations
            if either(context.eco)(location.of) is entity
            and (when is None or location.period.overlaps(when))
        ]
        evidence = tuple(
            Evidence(
                about(entity.name, _("based in")),
                f"{_place(loc.city, loc.country)} ({readable_period(loc.period)})",
                loc.sources,
            )
            for loc in recorded
        )
        certain = [
            loc for loc in recorded if when is not None and loc.period.contains(when)
        ]
        matches = [self._matches(loc) for loc in recorded]
        fields = {"entity": entity.name, "where": where, "when": stated}
        if any(self._matches(loc) is True for loc in certain):
            return Outcome(
                Verdict.SUPPORTED,
                _("{entity} is recorded as based in {where} {when}.").format(**fields),
                evidence,
            )
        if certain and all(match is False for match in matches):
            found = _("{entity} is recorded as based in {places} {when}").format(
                **fields,
                places=in_clauses(_place(loc.city, loc.country) for loc in certain),
            )
            complete = entity.complete.locations
            last = None if when is None else when.last
            if complete is None or not speaks_for(complete, last):
                return Outcome(
                    Verdict.NOT_ENOUGH_INFO,
                    _(
                        # Translators: {setting} is written as in the files:
                        # complete = { locations = "source-key" }.
                        "{found}; but the places {entity} is based in are an open "
                        "list, which no source says is complete, and it may be based "
                        "in {where} too ({setting} on {entity} would settle it)."
                    ).format(
                        **fields, found=found, setting=complete_setting("locations")
                    ),
                    evidence,
                )
            closed = Evidence(
                about(entity.name, _("locations")),
                closed_by(complete, None),
                (complete,),
            )
            return Outcome(
                Verdict.REFUTED,
                _("{found}, not {where}.").format(found=found, where=where),
                (*evidence, closed),
            )
        if not recorded:
            explanation = _(
                "No location of {entity} is recorded {when}; a place not recorded "
                "is not a denial."
            )
        else:
            explanation = _(
                "The locations of {entity} recorded {when} may not cover all of that "
                "time, or do not say whether it is {where}."
            )
        return Outcome(Verdict.NOT_ENOUGH_INFO, explanation.format(**fields), evidence)

    def _matches(self, location: Location) -> bool | None:
        """Whether a location is the place claimed: None when it does not say."""
        answers = []
        if self.city is not None:
            answers.append(
                None
                if location.city is None
                else normalise_name(location.city) == normalise_name(self.city)
            )
        if self.country is not None:
            answers.append(
                None
                if location.country is None
                else location.country == self.country.upper()
            )
        if False in answers:
            return False
        return None if None in answers else True


def _place(city: str | None, country: str | None) -> str:
    """The city and country for readers: ``Beijing, China``; ``Pékin, Chine`` in French.

    The city is translated where the files translate it; the country is named
    in the reader's language from its ISO code (Babel's CLDR names).
    """
    if country is not None:
        country = readable_country(country)
    if city is not None:
        city = text(city)
    return ", ".join(part for part in (city, country) if part)


def _when(at: DateLike | None, when: PartialDate | Period) -> str:
    """When the claim places the entity: the article's date (a day, or a range)."""
    if at is None and isinstance(when, Period):
        return _("when the article was published ({period})").format(
            period=readable_period(when)
        )
    date = readable_period(when) if at is None else date_text(at, when)
    # Translators: when a place is recorded: at 2024-02, at 2023 to 2024.
    return _("at {date}").format(date=date)


_COUNTRY = attrs.fields(Location).country


def country_problems(
    field: str, code: str | None, *, union: bool = False
) -> Iterator[tuple[str, str]]:
    """The problem with a country code a check states, if it is not one.

    With *union*, ``"EU"`` (the European Union) is a code too.
    """
    if code is None or (union and code.upper() == "EU"):
        return
    try:
        validators.country(None, _COUNTRY, code.upper())
    except DataError:
        yield (
            field,
            _(
                "{code} is not an ISO 3166 country code: write two letters such as "
                "'CN', 'FR' or 'US'"
            ).format(code=repr(code)),
        )


def _validate(
    check: LocationCheck, eco: Ecosystem, published: Published | None
) -> Iterator[tuple[str, str]]:
    yield from unknown_names([("of", check.of, either(eco))])
    yield from country_problems("country", check.country)
    if check.at is not None:
        yield from validate_when(check.at, "at", published)


register(LocationCheck, _validate)
