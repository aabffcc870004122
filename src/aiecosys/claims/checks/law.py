"""The law check: a law was adopted, or came into force, within a period."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar, Final, Literal

import attrs

from aiecosys._ecosystem import Ecosystem
from aiecosys._errors import UnknownEntityError
from aiecosys._i18n import N_
from aiecosys._i18n import gettext as _
from aiecosys._openworld import about
from aiecosys.claims._context import (
    Context,
    Found,
    Outcome,
    date_estimate,
    private_decimals,
    when_text,
)
from aiecosys.claims._registry import register
from aiecosys.claims._relative import DateLike, Published
from aiecosys.claims._validation import validate_when
from aiecosys.claims._verdict import Evidence, Verdict
from aiecosys.claims.checks.date import dated
from aiecosys.claims.checks.location import country_problems


__all__ = ["LawCheck"]

_FIELDS: Final = {
    # Translators: a law's date, as evidence names it: "PIPL: adopted".
    "adopted": N_("adopted"),
    # Translators: a law's date, as evidence names it: "PIPL: in force".
    "in_force": N_("in force"),
}


def _check_field(
    _instance: LawCheck, _attribute: attrs.Attribute[str], value: str
) -> None:
    if value not in _FIELDS:
        raise ValueError(
            _(
                "unknown field {field}; a law check reads adopted (when it was "
                "passed) or in_force (when it came into force)"
            ).format(field=repr(value))
        )


@attrs.frozen
class LawCheck:
    """A law was adopted, or came into force, within a period (and in a country).

    "A law came into force in 2021" is ``field = "in_force"``; "a law was
    passed in 2021" is ``field = "adopted"``: the two dates often differ (China's
    Personal Information Protection Law was adopted in August 2021 and came
    into force in November 2021), so the check says which it reads.

    Examples:
        >>> from aiecosys import LawCheck, PartialDate
        >>> LawCheck("PIPL", "in_force", PartialDate(2021), jurisdiction="CN").kind
        'law'
    """

    kind: ClassVar[str] = "law"
    law: str
    """The law's name or alias."""
    field: Literal["adopted", "in_force"] = attrs.field(validator=_check_field)
    """``adopted`` or ``in_force``: which of its dates is checked."""
    within: DateLike
    """When the claim says it happened."""
    jurisdiction: str | None = attrs.field(default=None, kw_only=True)
    """The country the claim says it applies in (an ISO 3166 code), if it says."""

    @private_decimals
    def evaluate(self, context: Context) -> Outcome:
        """Evaluate the check (see [check][aiecosys.check])."""
        law = context.eco.law(self.law)
        label = about(law.name, _(_FIELDS[self.field]))
        date = getattr(law, self.field)
        found = Found(label, date_estimate(date), law.sources, text=when_text(date))
        if (
            self.jurisdiction is not None
            and self.jurisdiction.upper() != law.jurisdiction
        ):
            evidence = Evidence(
                about(law.name, _("jurisdiction")), law.jurisdiction, law.sources
            )
            return Outcome(
                Verdict.REFUTED,
                _("{law} is a law of {jurisdiction}, not {stated}.").format(
                    law=law.name,
                    jurisdiction=law.jurisdiction,
                    stated=self.jurisdiction,
                ),
                (evidence, found.evidence()),
            )
        return dated(found, self.within, context)


def _validate(
    check: LawCheck, eco: Ecosystem, published: Published | None
) -> Iterator[tuple[str, str]]:
    try:
        eco.law(check.law)
    except UnknownEntityError as error:
        yield "law", str(error)
    yield from country_problems("jurisdiction", check.jurisdiction, union=True)
    yield from validate_when(check.within, "within", published)


register(LawCheck, _validate)
