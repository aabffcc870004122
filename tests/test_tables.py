"""Tables out: Ecosystem.to_pandas and aiecosys.fx.rates_frame."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

import aiecosys
from aiecosys import (
    Ecosystem,
    Estimate,
    FundingRound,
    Money,
    Organisation,
    PartialDate,
    RateUnavailableError,
    Source,
    fx,
)


pd = pytest.importorskip("pandas")

S = (Source("s", title="A source"),)


@pytest.fixture(scope="module")
def eco() -> Ecosystem:
    return Ecosystem(
        organisations=(Organisation("Mistral AI", "company", country="FR", sources=S),),
        rounds=(
            FundingRound(
                "Mistral AI",
                PartialDate(2023, 6, 13),
                "seed",
                amount=Estimate.exact(Money("105000000", "EUR")),
                sources=S,
            ),
            FundingRound(
                "Mistral AI",
                PartialDate(2023, 12),
                "series-a",
                amount=Estimate.between(
                    Money("380000000", "EUR"), Money("390000000", "EUR")
                ),
                sources=S,
            ),
            FundingRound("Mistral AI", PartialDate(2024, 2), "strategic", sources=S),
        ),
    )


def test_one_row_per_model_with_estimate_columns() -> None:
    """The models table has a row per model, with an estimate's columns."""
    models = aiecosys.load_article().ecosystem.to_pandas("models")
    assert len(aiecosys.load_article().ecosystem.models) == len(models)
    gpt4 = models[models.name == "GPT-4"].iloc[0]
    assert (Decimal(1000000000000), Decimal(1800000000000), "rumoured") == (
        gpt4.parameters_low,
        gpt4.parameters_high,
        gpt4.parameters_status,
    )
    assert "2023-03" == gpt4.released
    assert pd.Timestamp("2023-03-31") == gpt4.released_last


def test_money_stays_exact_in_its_own_currency(eco: Ecosystem) -> None:
    """Unconverted amounts stay exact Decimals in their own currency."""
    rounds = eco.to_pandas("rounds")
    assert object == rounds.amount_low.dtype
    assert Decimal(105000000) == rounds.amount_low[0]
    assert "EUR" == rounds.amount_currency[0]
    assert rounds.amount_low[2] is None
    assert pd.isna(rounds.amount_currency[2])
    assert "undisclosed" == rounds.amount_status[2]


def test_conversion_at_one_date_keeps_the_rate(eco: Ecosystem) -> None:
    """Converting at one date gives Money.to's amount, with rate and date."""
    rounds = eco.to_pandas("rounds", currency="USD", on=dt.date(2023, 12, 11))
    assert Decimal("1.0757") == rounds.rate[0]
    assert dt.date(2023, 12, 11) == rounds.rate_date[0]
    assert (
        Money("105000000", "EUR").to("USD", on=dt.date(2023, 12, 11)).amount
        == (rounds.amount_best[0])
    )
    assert ("USD", "EUR") == (
        rounds.amount_currency[0],
        rounds.amount_original_currency[0],
    )
    assert rounds.rate[2] is None


def test_conversion_at_each_rounds_date(eco: Ecosystem) -> None:
    """Without a date, each round converts at the rate of its own date."""
    rounds = eco.to_pandas("rounds", currency="USD")
    assert dt.date(2023, 6, 13) == rounds.rate_date[0]
    assert dt.date(2023, 12, 1) == rounds.rate_date[1]


def test_organisations(eco: Ecosystem) -> None:
    """The organisations table has a row per organisation, with its country."""
    table = eco.to_pandas("organisations")
    assert ["Mistral AI"] == table.name.tolist()
    assert "FR" == table.country[0]


def test_bad_arguments(eco: Ecosystem) -> None:
    """An unknown table, on= without currency, a text date, a rateless day: refused."""
    with pytest.raises(ValueError, match="no table 'people'"):
        eco.to_pandas("people")
    with pytest.raises(ValueError, match="needs currency"):
        eco.to_pandas("rounds", on=dt.date(2023, 1, 2))
    with pytest.raises(aiecosys.DateError):
        eco.to_pandas("rounds", currency="USD", on="2023-01-02")  # type: ignore[arg-type]
    with pytest.raises(RateUnavailableError):
        eco.to_pandas("rounds", currency="USD", on=dt.date(1990, 1, 2))


def test_rates_frame_is_a_long_table_of_published_rates() -> None:
    """rates_frame has a row per published rate, for the codes asked."""
    rates = fx.rates_frame(currencies=["USD", "CNY"])
    assert ["date", "currency", "rate"] == list(rates.columns)
    assert {"USD", "CNY"} == set(rates.currency)
    usd = rates[(rates.currency == "USD") & (rates.date == "2023-12-11")]
    assert Decimal("1.0757") == usd.rate.item()
    everything = fx.rates_frame()
    assert set(fx.ECBRates.bundled().currencies) == set(everything.currency)


def test_a_conversion_as_a_duckdb_join_agrees_with_money_to() -> None:
    """An as-of join with rates_frame in DuckDB agrees with Money.to."""
    duckdb = pytest.importorskip("duckdb")
    rates = fx.rates_frame(currencies=["USD"])  # noqa: F841 - DuckDB reads it by name
    rounds = pd.DataFrame(
        {
            "amount": [Decimal(105000000), Decimal(385000000)],
            "day": pd.to_datetime(["2023-06-13", "2023-12-09"]),
        }
    )
    joined = duckdb.sql(
        """
        SELECT r.amount, r.amount * x.rate AS usd
        FROM rounds r ASOF JOIN rates x ON r.day >= x.date
        ORDER BY r.day
        """
    ).fetchall()
    expected = [
        Money(amount, "EUR").to("USD", on=day.date()).amount
        for amount, day in zip(rounds.amount, rounds.day, strict=True)
    ]
    assert expected == [row[1] for row in joined]
