"""Money raised and managed: funding rounds and facts about funds."""

from __future__ import annotations

from typing import Any, Final

import attrs

from aiecosys import _validators as validators
from aiecosys._choices import Choice
from aiecosys._dates import PartialDate
from aiecosys._estimate import Estimate
from aiecosys._i18n import N_
from aiecosys._i18n import gettext as _
from aiecosys._money import Money
from aiecosys._openworld import NO_LIST, Complete, check_complete
from aiecosys._source import Source, check_sources


__all__ = ["FundFact", "FundingRound", "RoundKind", "ValuationBasis"]


class RoundKind(Choice):
    """The kind of a [FundingRound][aiecosys.FundingRound].

    Examples:
        >>> from aiecosys import RoundKind
        >>> RoundKind("series-a")
        <RoundKind.SERIES_A: 'series-a'>
    """

    PRE_SEED = "pre-seed"
    """Money raised before a seed round."""
    SEED = "seed"
    """A seed round ("amorçage"), such as Mistral AI's in June 2023."""
    SERIES_A = "series-a"
    """A series A round."""
    SERIES_B = "series-b"
    """A series B round."""
    SERIES_C = "series-c"
    """A series C round."""
    SERIES_D = "series-d"
    """A series D round."""
    SERIES_E = "series-e"
    """A series E round."""
    STRATEGIC = "strategic"
    """An investment by a company with a strategic interest."""
    GRANT = "grant"
    """A grant, which is not repaid and buys no shares."""
    ENDOWMENT = "endowment"
    """An endowment of a foundation or a non-profit lab."""
    DONATION = "donation"
    """A donation (Kyutai's founding funds)."""
    DEBT = "debt"
    """A loan or convertible debt."""
    UNDISCLOSED = "undisclosed"
    """A round whose kind was not made public."""

    @property
    def label(self) -> str:
        """The kind's name for readers, in the current language: ``série A``.

        Files and programs use the value (``series-a``), which never changes.

        Examples:
            >>> import aiecosys
            >>> from aiecosys import RoundKind
            >>> RoundKind.SERIES_A.label
            'series-a'
            >>> with aiecosys.language("fr"):
            ...     RoundKind.SERIES_A.label, RoundKind.UNDISCLOSED.label
            ('série A', 'non divulgué')
        """
        return _(_ROUND_NAMES[self])


_ROUND_NAMES: Final = {
    RoundKind.PRE_SEED: N_("pre-seed"),
    RoundKind.SEED: N_("seed"),
    RoundKind.SERIES_A: N_("series-a"),
    RoundKind.SERIES_B: N_("series-b"),
    RoundKind.SERIES_C: N_("series-c"),
    RoundKind.SERIES_D: N_("series-d"),
    RoundKind.SERIES_E: N_("series-e"),
    RoundKind.STRATEGIC: N_("strategic"),
    RoundKind.GRANT: N_("grant"),
    RoundKind.ENDOWMENT: N_("endowment"),
    RoundKind.DONATION: N_("donation"),
    RoundKind.DEBT: N_("debt"),
    RoundKind.UNDISCLOSED: N_("undisclosed"),
}
"""Each kind of round as labels name it: its value, which French translates."""


class ValuationBasis(Choice):
    """Whether a valuation counts the round's own money (post-money) or not.

    Examples:
        >>> from aiecosys import ValuationBasis
        >>> ValuationBasis("post-money").value
        'post-money'
    """

    PRE_MONEY = "pre-money"
    """Before the round's money came in."""
    POST_MONEY = "post-money"
    """After the round's money came in."""


def _check_lead(
    instance: FundingRound, attribute: attrs.Attribute[str | None], value: str | None
) -> None:
    validators.optional_text(instance, attribute, value)
    if value is not None and value not in instance.investors:
        validators.fail(
            attribute,
            _("the lead {lead!r} must also be listed among the investors").format(
                lead=value
            ),
        )


def _unknown_money() -> Estimate[Money]:
    return Estimate.unknown()


@attrs.frozen
class FundingRound:
    """Money an organisation raised: a seed round, a series A, a grant, a donation.

    An amount that was never disclosed is an unknown
    [Estimate][aiecosys.Estimate] (the default), never zero; a reported range is
    an estimate between two amounts.

    Examples:
        >>> from aiecosys import Estimate, FundingRound, Money, PartialDate
        >>> seed = FundingRound(
        ...     "Mistral AI",
        ...     PartialDate(2023, 6, 13),
        ...     "seed",
        ...     amount=Estimate.exact(Money("105000000", "EUR")),
        ...     investors=(
        ...         "Lightspeed Venture Partners",
        ...         "Xavier Niel",
        ...         "Eric Schmidt",
        ...     ),
        ...     lead="Lightspeed Venture Partners",
        ... )
        >>> print(seed.amount)
        105,000,000 EUR (disclosed)
    """

    organisation: str = attrs.field(validator=validators.text)
    """The name of the organisation that raised the money."""
    announced: PartialDate = attrs.field(validator=validators.partial_date)
    """When the round was announced (or closed, if that is all that is known)."""
    kind: RoundKind = attrs.field(
        converter=RoundKind, validator=attrs.validators.instance_of(RoundKind)
    )
    """The kind of round (a string such as ``"seed"`` is accepted)."""
    amount: Estimate[Money] = attrs.field(
        factory=_unknown_money, kw_only=True, validator=validators.estimate_of(Money)
    )
    """How much was raised; unknown when undisclosed."""
    investors: tuple[str, ...] = attrs.field(
        default=(), kw_only=True, validator=validators.names
    )
    """The names of the investors (organisations or people)."""
    lead: str | None = attrs.field(default=None, kw_only=True, validator=_check_lead)
    """The investor who led the round, also listed among the investors."""
    complete: Complete = attrs.field(
        default=NO_LIST, kw_only=True, validator=check_complete(("investors",))
    )
    """Whether a source gives every investor (``{ investors = "source-key" }``);
    if not, the investors are open."""
    valuation: Estimate[Money] | None = attrs.field(
        default=None, kw_only=True, validator=validators.optional_estimate_of(Money)
    )
    """The valuation the round set, if reported."""
    valuation_basis: ValuationBasis | None = attrs.field(
        default=None,
        kw_only=True,
        validator=attrs.validators.optional(
            attrs.validators.instance_of(ValuationBasis)
        ),
    )
    """Whether the valuation is pre-money or post-money, when sources say."""
    note: str | None = attrs.field(
        default=None, kw_only=True, validator=validators.optional_text
    )
    """A remark for readers."""
    sources: tuple[Source, ...] = attrs.field(
        default=(), kw_only=True, validator=check_sources
    )
    """Where these facts come from."""


_optional_count = validators.optional_estimate_of(int)


def _check_fund_values(
    instance: FundFact, attribute: attrs.Attribute[Any], value: object
) -> None:
    _optional_count(instance, attribute, value)
    if instance.assets_under_management is None and value is None:
        validators.fail(
            attribute, _("give assets_under_management, portfolio_size or both")
        )


@attrs.frozen
class FundFact:
    """What a venture-capital firm (or one of its funds) manages at a date.

    Examples:
        >>> from aiecosys import Estimate, FundFact, Money, PartialDate
        >>> fact = FundFact(
        ...     "Sinovation Ventures",
        ...     PartialDate(2024),
        ...     assets_under_management=Estimate.exact(Money("3000000000", "USD")),
        ...     portfolio_size=Estimate.exact(400),
        ... )
        >>> print(fact.portfolio_size)
        400 (disclosed)
    """

    organisation: str = attrs.field(validator=validators.text)
    """The name of the firm."""
    as_of: PartialDate = attrs.field(validator=validators.partial_date)
    """The date the figures describe."""
    assets_under_management: Estimate[Money] | None = attrs.field(
        default=None, kw_only=True, validator=validators.optional_estimate_of(Money)
    )
    """The assets under management at that date."""
    portfolio_size: Estimate[int] | None = attrs.field(
        default=None, kw_only=True, validator=_check_fund_values
    )
    """How many companies the portfolio counted at that date."""
    fund: str | None = attrs.field(
        default=None, kw_only=True, validator=validators.optional_text
    )
    """The name of one fund, when the figures are for that fund alone."""
    note: str | None = attrs.field(
        default=None, kw_only=True, validator=validators.optional_text
    )
    """A remark for readers."""
    sources: tuple[Source, ...] = attrs.field(
        default=(), kw_only=True, validator=check_sources
    )
    """Where these facts come from."""
