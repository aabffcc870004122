"""Funding rounds and fund facts."""

from __future__ import annotations

import pytest

from aiecosys import (
    DataError,
    Estimate,
    FundFact,
    FundingRound,
    Money,
    PartialDate,
    RoundKind,
    parameters,
)


def test_undisclosed_amount_is_unknown_not_zero() -> None:
    """A round without an amount has an unknown amount, never zero."""
    round_ = FundingRound("01.AI", PartialDate(2023, 11), "undisclosed")

    assert round_.amount.is_unknown
    assert RoundKind.UNDISCLOSED is round_.kind


def test_lead_must_be_an_investor() -> None:
    """The lead investor must also be listed among the investors."""
    with pytest.raises(DataError) as caught:
        FundingRound("Mistral AI", PartialDate(2023, 6), "seed", lead="Lightspeed")

    assert "lead" == caught.value.problems[0].field


def test_amount_must_be_money() -> None:
    """A round's amount is an estimate of Money, not of parameters."""
    with pytest.raises(DataError) as caught:
        FundingRound(
            "Mistral AI",
            PartialDate(2023, 6),
            "seed",
            amount=Estimate.exact(parameters("7B")),  # type: ignore[arg-type]
        )

    assert "amount" == caught.value.problems[0].field


def test_fund_fact_needs_a_figure() -> None:
    """A fund fact gives assets under management, a portfolio size or both."""
    with pytest.raises(DataError, match="assets_under_management"):
        FundFact("Sinovation Ventures", PartialDate(2024))

    fact = FundFact(
        "Sinovation Ventures",
        PartialDate(2024),
        assets_under_management=Estimate.exact(Money(3_000_000_000, "USD")),
    )

    assert fact.portfolio_size is None
