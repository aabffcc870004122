"""What a check measures: a field of a model, a round, a fund or an organisation."""

from __future__ import annotations

from typing import Any, Final

import attrs

from aiecosys._dates import PartialDate, readable_period
from aiecosys._funding import RoundKind
from aiecosys._i18n import N_, text
from aiecosys._i18n import gettext as _


__all__ = [
    "FUND_FIELDS",
    "MEASURE_FIELDS",
    "MODEL_FIELDS",
    "PERSON_FIELDS",
    "ROUND_FIELDS",
    "Measure",
]


MODEL_FIELDS: Final = frozenset(
    {
        "parameters",
        "active_parameters",
        "training_tokens",
        "training_compute",
        "context_length",
        "released",
    }
)
"""The fields of a model that a [Measure][aiecosys.Measure] reads."""
ROUND_FIELDS: Final = frozenset({"amount", "valuation", "announced"})
FUND_FIELDS: Final = frozenset({"assets_under_management", "portfolio_size"})
_ORGANISATION_FIELDS: Final = frozenset(
    {"total_raised", "founded", "office_opened", "office_closed"}
)
PERSON_FIELDS: Final = frozenset({"born"})
_DATE_FIELDS: Final = frozenset(
    {"released", "announced", "founded", "office_opened", "office_closed", "born"}
)
_MONEY_FIELDS: Final = frozenset(
    {"amount", "valuation", "total_raised", "assets_under_management"}
)
MEASURE_FIELDS: Final = (
    MODEL_FIELDS | ROUND_FIELDS | FUND_FIELDS | _ORGANISATION_FIELDS | PERSON_FIELDS
)
"""Every field a [Measure][aiecosys.Measure] can read."""


_FIELD_NAMES: Final = {
    "parameters": N_("parameters"),
    "active_parameters": N_("active parameters"),
    "training_tokens": N_("training tokens"),
    "training_compute": N_("training compute"),
    "context_length": N_("context length"),
    "released": N_("released"),
    "amount": N_("amount"),
    "valuation": N_("valuation"),
    "announced": N_("announced"),
    "assets_under_management": N_("assets under management"),
    "portfolio_size": N_("portfolio size"),
    "total_raised": N_("total raised"),
    "founded": N_("founded"),
    "office_opened": N_("office opened"),
    "office_closed": N_("office closed"),
    "born": N_("born"),
}
"""Each field in words, as labels write it."""
_OFFICE_FIELDS: Final = {
    "office_opened": N_("{office} office opened"),
    "office_closed": N_("{office} office closed"),
}


def _check_measure_field(
    _instance: Measure, _attribute: attrs.Attribute[str], value: str
) -> None:
    if value not in MEASURE_FIELDS:
        raise ValueError(
            _("unknown field {field}; a measure reads one of {fields}").format(
                field=repr(value), fields=", ".join(sorted(MEASURE_FIELDS))
            )
        )


def _check_office(
    instance: Measure, _attribute: attrs.Attribute[str | None], value: str | None
) -> None:
    if (value is None) == instance.field.startswith("office_"):
        raise ValueError(
            _(
                "office_opened and office_closed need the office's location "
                "(office = 'Silicon Valley'), and no other field takes one"
            )
        )


def _check_round(
    instance: Measure, _attribute: attrs.Attribute[Any], value: RoundKind | None
) -> None:
    if value is not None and instance.field not in ROUND_FIELDS:
        raise ValueError(
            _("only round fields take a round kind, not {field}").format(
                field=repr(instance.field)
            )
        )


_AT_FIELDS: Final = ROUND_FIELDS | FUND_FIELDS | {"total_raised"}


def _check_at(
    instance: Measure, _attribute: attrs.Attribute[Any], value: PartialDate | None
) -> None:
    if value is not None and instance.field not in _AT_FIELDS:
        raise ValueError(
            _(
                "{field} takes no date (at): only round fields, fund fields and "
                "total_raised do; leave at out"
            ).format(field=repr(instance.field))
        )


@attrs.frozen
class Measure:
    """Which fact a check reads: a field of a model, a round, a fund or an organisation.

    The field says where to look:

    * of a model (``of`` is its name): ``parameters``, ``active_parameters``,
      ``training_tokens``, ``training_compute``, ``context_length``,
      ``released``;
    * of a funding round (``of`` is the organisation that raised it; ``round``
      and ``at`` pick the round): ``amount``, ``valuation``, ``announced``;
    * of a fund (``of`` is the firm; the latest fact by ``at``):
      ``assets_under_management``, ``portfolio_size``;
    * of an organisation: ``founded``, ``total_raised`` (every round announced
      by ``at``), ``office_opened`` and ``office_closed`` (of the ``office``);
    * of a person: ``born``.

    Examples:
        >>> from aiecosys import Measure, PartialDate
        >>> Measure("Yi-34B", "parameters").field
        'parameters'
        >>> Measure("Mistral AI", "amount", round="series-a").round
        <RoundKind.SERIES_A: 'series-a'>
        >>> Measure("Yi-34B", "size")
        Traceback (most recent call last):
        ...
        ValueError: unknown field 'size'; a measure reads one of ...
    """

    of: str
    """The name of the model, organisation or person."""
    field: str = attrs.field(validator=_check_measure_field)
    """The field read (see above)."""
    round: RoundKind | None = attrs.field(
        default=None,
        kw_only=True,
        converter=attrs.converters.optional(RoundKind),
        validator=_check_round,
    )
    """For a round's field: the kind of round."""
    at: PartialDate | None = attrs.field(
        default=None, kw_only=True, validator=_check_at
    )
    """For a round: when it was announced; for a fund: the date of the figures;
    for ``total_raised``: count rounds announced by then."""
    office: str | None = attrs.field(
        default=None, kw_only=True, validator=_check_office
    )
    """For ``office_opened`` and ``office_closed``: the office's location."""

    @property
    def label(self) -> str:
        """How the evidence names the fact (``"Mistral AI: series-a amount"``).

        Examples:
            >>> from aiecosys import Measure
            >>> Measure(
            ...     "Sinovation Ventures", "office_closed", office="Silicon Valley"
            ... ).label
            'Sinovation Ventures: Silicon Valley office closed'
        """
        field = self.field_name
        if self.office is not None:
            field = _(_OFFICE_FIELDS[self.field]).format(office=text(self.office))
        if self.round is not None:
            # Translators: a round's field, "series-a amount"; {round} is the
            # kind of round, {field} the field ("amount", "valuation").
            field = _("{round} {field}").format(round=self.round.label, field=field)
        if self.at is not None:
            field += f" ({readable_period(self.at)})"
        # Translators: how the evidence names a fact: whose, then which field.
        return _("{of}: {field}").format(of=self.of, field=field)

    @property
    def field_name(self) -> str:
        """The field in words, in the reader's language (``"portfolio size"``).

        Examples:
            >>> from aiecosys import Measure, language
            >>> Measure("Sinovation Ventures", "portfolio_size").field_name
            'portfolio size'
            >>> with language("fr"):
            ...     Measure("Sinovation Ventures", "portfolio_size").field_name
            'taille du portefeuille'
        """
        return _(_FIELD_NAMES[self.field])

    def kind(self) -> tuple[str, str]:
        """What the field holds: ``("money", "")``, ``("quantity", "[parameter]")``...

        Examples:
            >>> from aiecosys import Measure
            >>> Measure("Yi-34B", "training_tokens").kind()
            ('quantity', '[token]')
        """
        if self.field in _DATE_FIELDS:
            return "date", ""
        if self.field in _MONEY_FIELDS:
            return "money", ""
        dimension = {
            "parameters": "[parameter]",
            "active_parameters": "[parameter]",
            "training_tokens": "[token]",
            "training_compute": "[compute]",
        }.get(self.field)
        return ("number", "") if dimension is None else ("quantity", dimension)
