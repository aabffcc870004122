"""Dated measurements: downloads, ranks, derived models, headcounts, users."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Final

import attrs

from aiecosys import _validators as validators
from aiecosys._choices import Choice
from aiecosys._dates import PartialDate, readable_period
from aiecosys._estimate import Estimate
from aiecosys._i18n import N_
from aiecosys._i18n import gettext as _
from aiecosys._money import AMOUNT_LIMIT, MAX_PLACES
from aiecosys._source import Source, check_sources


__all__ = ["Metric", "MetricKind"]


class MetricKind(Choice):
    """What a [Metric][aiecosys.Metric] counts.

    Examples:
        >>> from aiecosys import MetricKind
        >>> MetricKind("derived-models")
        <MetricKind.DERIVED_MODELS: 'derived-models'>
    """

    DOWNLOADS = "downloads"
    """Downloads of a model's weights, on a platform (``where``)."""
    DERIVED_MODELS = "derived-models"
    """Models derived from a model (fine-tunes, merges, quantisations) on a platform."""
    LEADERBOARD_RANK = "leaderboard-rank"
    """A model's rank on a leaderboard (``where``), 1 the best."""
    HEADCOUNT = "headcount"
    """An organisation's employees."""
    USERS = "users"
    """Users of a product or model."""
    PORTFOLIO_COMPANIES = "portfolio-companies"
    """The companies in an investor's portfolio."""

    @property
    def label(self) -> str:
        """How explanations name what is counted, in the reader's language.

        English writes the value itself (``derived-models``).

        Examples:
            >>> from aiecosys import MetricKind
            >>> MetricKind.DERIVED_MODELS.label
            'derived-models'
        """
        return _(_LABELS[self])


_LABELS: Final = {
    # Translators: what a metric counts, as explanations name it.
    MetricKind.DOWNLOADS: N_("downloads"),
    MetricKind.DERIVED_MODELS: N_("derived-models"),
    MetricKind.LEADERBOARD_RANK: N_("leaderboard-rank"),
    MetricKind.HEADCOUNT: N_("headcount"),
    MetricKind.USERS: N_("users"),
    MetricKind.PORTFOLIO_COMPANIES: N_("portfolio-companies"),
}


def _decimals(value: object) -> Any:
    """An estimate of whole numbers as one of Decimals (``Estimate.exact(100)``)."""
    if isinstance(value, Estimate) and any(
        isinstance(bound, int) and not isinstance(bound, bool)
        for bound in (value.low, value.high, value.best)
    ):
        return value.map(
            lambda bound: Decimal(bound) if isinstance(bound, int) else bound
        )
    return value


_check_estimate = validators.estimate_of(Decimal)
_DIGITS: Final = AMOUNT_LIMIT.adjusted()


def _check_value(
    instance: Metric, attribute: attrs.Attribute[Estimate[Decimal]], value: object
) -> None:
    _check_estimate(instance, attribute, value)
    assert isinstance(value, Estimate)  # noqa: S101 - checked just above
    for bound in (value.low, value.high, value.best):
        if bound is not None and not (
            bound.is_finite()
            and (not bound or -MAX_PLACES <= bound.adjusted() < _DIGITS)
        ):
            validators.fail(
                attribute,
                _(
                    "{bound} is out of range: a figure is a finite number below "
                    "10^{digits}, with digits no finer than 10^-{places}; check the "
                    "exponent"
                ).format(bound=bound, digits=_DIGITS, places=MAX_PLACES),
            )


@attrs.frozen
class Metric:
    """A measurement of a model, an organisation or a person at a date, with sources.

    How it is known is the estimate's: an exact figure, a range, a lower
    bound (``at least``), each with its status (disclosed, reported,
    estimated...).

    Examples:
        >>> from aiecosys import Estimate, Metric, PartialDate
        >>> downloads = Metric(
        ...     "Yi-34B",
        ...     "downloads",
        ...     PartialDate(2024, 1),
        ...     Estimate.at_least(100_000),
        ...     where="Hugging Face",
        ... )
        >>> print(downloads.value)
        at least 100000 (reported)
    """

    of: str = attrs.field(validator=validators.text)
    """The name of the model, organisation or person measured."""
    metric: MetricKind = attrs.field(
        converter=MetricKind, validator=attrs.validators.instance_of(MetricKind)
    )
    """What is counted (a string such as ``"downloads"`` is accepted)."""
    as_of: PartialDate = attrs.field(validator=validators.partial_date)
    """The date the figure describes."""
    value: Estimate[Decimal] = attrs.field(converter=_decimals, validator=_check_value)
    """The figure: exact, a range or a bound, with its status."""
    where: str | None = attrs.field(
        default=None, kw_only=True, validator=validators.optional_text
    )
    """Where it was measured: a platform or leaderboard (``"Hugging Face"``)."""
    note: str | None = attrs.field(
        default=None, kw_only=True, validator=validators.optional_text
    )
    """A remark for readers."""
    sources: tuple[Source, ...] = attrs.field(
        default=(), kw_only=True, validator=check_sources
    )
    """Where the figure comes from."""

    @property
    def label(self) -> str:
        """How evidence names it: ``"Yi-34B: downloads on Hugging Face as of 2024-01"``.

        Examples:
            >>> from aiecosys import Estimate, Metric, PartialDate
            >>> Metric(
            ...     "01.AI", "headcount", PartialDate(2024), Estimate.exact(100)
            ... ).label
            '01.AI: headcount as of 2024'
        """
        fields = {
            "of": self.of,
            "metric": self.metric.label,
            "where": self.where,
            "date": readable_period(self.as_of),
        }
        if self.where is None:
            return _("{of}: {metric} as of {date}").format(**fields)
        return _("{of}: {metric} on {where} as of {date}").format(**fields)
