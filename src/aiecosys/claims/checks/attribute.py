"""The attribute check: a descriptive field has one of the stated values."""

from __future__ import annotations

import enum
from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar, Final

import attrs

from aiecosys import _validators as validators
from aiecosys._ecosystem import Ecosystem, normalise_name
from aiecosys._entities import Organisation, OrganisationKind, Person
from aiecosys._errors import DataError, UnknownEntityError
from aiecosys._i18n import N_
from aiecosys._i18n import gettext as _
from aiecosys._models import Modality, ModelSpec, Openness
from aiecosys._readable import readable_country
from aiecosys.claims._context import (
    Context,
    Outcome,
    or_list,
    private_decimals,
    strings,
    value_label,
)
from aiecosys.claims._registry import register
from aiecosys.claims._relative import Published
from aiecosys.claims._verdict import Evidence, Verdict


if TYPE_CHECKING:
    pass


_ATTRIBUTES: Final = {
    "kind": "organisation",
    "country": "organisation",
    "parent": "organisation",
    "nationality": "person",
    "openness": "model",
    "licence": "model",
    "architecture": "model",
    "family": "model",
    "modalities": "model",
}


_FIELD_NAMES: Final = {
    "kind": N_("kind"),
    "country": N_("country"),
    "parent": N_("parent"),
    "nationality": N_("nationality"),
    "openness": N_("openness"),
    "licence": N_("licence"),
    "architecture": N_("architecture"),
    "family": N_("family"),
    "modalities": N_("modalities"),
}
"""Each field in words, as explanations write it."""


def _check_attribute(
    _instance: AttributeCheck, _attribute: attrs.Attribute[str], value: str
) -> None:
    if value not in _ATTRIBUTES:
        raise ValueError(
            _("unknown field {field}; an attribute check reads one of {fields}").format(
                field=repr(value), fields=", ".join(sorted(_ATTRIBUTES))
            )
        )


@attrs.frozen
class AttributeCheck:
    """A descriptive field has one of the stated values: a nationality, an openness.

    Values compare without case or accents. For ``modalities``, the model
    must handle one of the values. For ``parent``, any organisation the entity
    is part of will do (Google for Google DeepMind, and Google's own parent),
    unless ``exact`` asks for the recorded parent alone; as the knowledge base
    may not record every parent up the chain, an organisation not on it leaves
    the claim unsettled unless ``exact``.

    Examples:
        >>> from aiecosys import AttributeCheck
        >>> AttributeCheck("Kai-Fu Lee", "nationality", ("TW",)).kind
        'attribute'
    """

    kind: ClassVar[str] = "attribute"
    of: str
    """The name of the organisation, person or model."""
    field: str = attrs.field(validator=_check_attribute)
    """``kind``, ``country`` or ``parent`` of an organisation; ``nationality``
    of a person; ``openness``, ``licence``, ``architecture``, ``family`` or
    ``modalities`` of a model."""
    one_of: tuple[str, ...] = attrs.field(converter=strings)
    """The values that make the claim true."""
    exact: bool = attrs.field(default=False, kw_only=True)
    """For ``parent``: the recorded parent alone, not the organisations it is
    part of in turn."""

    def entity(self, eco: Ecosystem) -> Organisation | Person | ModelSpec:
        """Return the entity the check reads.

        Examples:
            >>> from aiecosys import AttributeCheck, Ecosystem
            >>> AttributeCheck("Kai-Fu Lee", "nationality", ("TW",)).entity(Ecosystem())
            Traceback (most recent call last):
            ...
            aiecosys.UnknownEntityError: no person is named 'Kai-Fu Lee'
        """
        collection = _ATTRIBUTES[self.field]
        if collection == "organisation":
            return eco.organisation(self.of)
        if collection == "person":
            return eco.person(self.of)
        return eco.model(self.of)

    @private_decimals
    def evaluate(self, context: Context) -> Outcome:
        """Evaluate the check (see [check][aiecosys.check])."""
        entity = self.entity(context.eco)
        if isinstance(entity, Organisation) and self.field == "parent":
            return self._parent(context.eco, entity)
        value = getattr(entity, self.field)
        values = [
            v.value if isinstance(v, enum.Enum) else v
            for v in (value if isinstance(value, tuple) else (value,))
            if v is not None
        ]
        field = _(_FIELD_NAMES[self.field])
        label = _("{of}: {field}").format(of=entity.name, field=field)
        label_of = (
            readable_country
            if self.field in {"country", "nationality"}
            else value_label
        )
        written = ", ".join(label_of(v) for v in values)
        evidence = (Evidence(label, written or _("unknown"), entity.sources),)
        fields = {
            "name": entity.name,
            "field": field,
            "values": written,
            "wanted": or_list(label_of(v) for v in self.one_of),
        }
        if not values:
            return Outcome(
                Verdict.NOT_ENOUGH_INFO,
                _("{name}'s {field} is not recorded.").format(**fields),
                evidence,
            )
        allowed = {normalise_name(v) for v in self.one_of}
        if any(normalise_name(v) in allowed for v in values):
            return Outcome(
                Verdict.SUPPORTED,
                _("{name}'s {field} is {values}, as claimed ({wanted}).").format(
                    **fields
                ),
                evidence,
            )
        return Outcome(
            Verdict.REFUTED,
            _("{name}'s {field} is {values}, not {wanted}.").format(**fields),
            evidence,
        )

    def _parent(self, eco: Ecosystem, entity: Organisation) -> Outcome:
        """Whether the organisation is part of one of the stated ones."""
        chain = eco.ancestry(entity)
        evidence = tuple(
            Evidence(
                _("{of}: {field}").format(of=o.name, field=_(_FIELD_NAMES["parent"])),
                o.parent or _("not recorded"),
                o.sources,
            )
            for o in chain
        )
        wanted = or_list(self.one_of)
        allowed = {normalise_name(v) for v in self.one_of}
        for at, organisation in enumerate(chain[1:], start=2):
            if self.exact and at > 2:  # noqa: PLR2004 - the entity, its parent
                break
            if allowed & {normalise_name(n) for n in organisation.names}:
                return Outcome(
                    Verdict.SUPPORTED,
                    _("{chain}, as claimed ({wanted}).").format(
                        chain=_part_of(chain[:at]), wanted=wanted
                    ),
                    evidence,
                )
        top = chain[-1]
        recorded = _part_of(chain)
        if self.exact and entity.parent is not None:
            return Outcome(
                Verdict.REFUTED,
                _("{name}'s parent is {parent}, not {wanted}.").format(
                    name=entity.name, parent=chain[1].name, wanted=wanted
                ),
                evidence,
            )
        if any(eco.part_of(value, entity.name) is not None for value in self.one_of):
            return Outcome(
                Verdict.REFUTED,
                _("{wanted} is part of {name}, so cannot be its parent.").format(
                    wanted=wanted, name=entity.name
                ),
                evidence,
            )
        return Outcome(
            Verdict.NOT_ENOUGH_INFO,
            _(
                "{recorded}, as recorded; no parent of {top} is recorded, so "
                "whether it is part of {wanted} is not known: record its parent, "
                "with a source, to settle it."
            ).format(recorded=recorded, top=top.name, wanted=wanted),
            evidence,
        )


def _part_of(chain: tuple[Organisation, ...]) -> str:
    """Say what an organisation is part of: ``Google DeepMind is part of Google``."""
    if len(chain) < 2:  # noqa: PLR2004 - the organisation and a parent
        return _("{name} is part of no recorded organisation").format(
            name=chain[0].name
        )
    said = _("{name} is part of {parent}").format(
        name=chain[0].name, parent=chain[1].name
    )
    for organisation in chain[2:]:
        # Translators: "Google DeepMind is part of Google, part of Alphabet".
        said = _("{chain}, part of {parent}").format(
            chain=said, parent=organisation.name
        )
    return said


def _validate_attribute(
    check: AttributeCheck, eco: Ecosystem, _published: Published | None
) -> Iterator[tuple[str, str]]:
    try:
        check.entity(eco)
    except UnknownEntityError as error:
        yield "of", str(error)
    allowed = _ATTRIBUTE_VALUES.get(check.field)
    for number, value in enumerate(check.one_of):
        if allowed is not None:
            if normalise_name(value) not in {normalise_name(v) for v in allowed}:
                yield (
                    f"one_of[{number}]",
                    _(
                        "{value} is not a value of {field}, so it could never "
                        "match: use one of {allowed}"
                    ).format(
                        value=repr(value), field=check.field, allowed=", ".join(allowed)
                    ),
                )
        elif check.field in {"country", "nationality"}:
            try:
                validators.country(check, _COUNTRY, value.upper())
            except DataError:
                yield (
                    f"one_of[{number}]",
                    _(
                        "{value} is not an ISO 3166 country code, so it could never "
                        "match: write two letters such as 'FR', 'CN', 'US' or 'TW'"
                    ).format(value=repr(value)),
                )


_ATTRIBUTE_VALUES: Final = {
    "kind": tuple(kind.value for kind in OrganisationKind),
    "openness": tuple(openness.value for openness in Openness),
    "modalities": tuple(modality.value for modality in Modality),
}
_COUNTRY: Final = attrs.fields(Person).nationality


register(AttributeCheck, _validate_attribute)
