"""Converting Money at a date: exact amounts that carry their provenance."""

from __future__ import annotations

import decimal
from datetime import UTC, date, datetime
from decimal import Decimal, localcontext

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aiecosys import DataError, Money, RateUnavailableError
from aiecosys._errors import DateError
from aiecosys.fx import (
    ChainedRates,
    Conversion,
    ECBRates,
    FixedRates,
    _conversion,
    _ecb,
    convert,
    rate,
)
from aiecosys.fx._conversion import identity
from tests.fx_support import careless_decimal_context


DAY = date(2023, 12, 11)


class TestConvert:
    def test_amount_times_rate_exactly(self) -> None:
        """385 M EUR at 1.0757 is 414,144,500 USD, with nothing rounded."""
        usd = Money("385000000", "EUR").to("USD", on=DAY)

        assert Decimal("414144500.0000") == usd.amount
        assert "USD" == usd.currency

    def test_records_the_conversion(self) -> None:
        """The result carries the same record as rate()."""
        usd = Money("385000000", "EUR").to("USD", on=DAY)

        assert rate("EUR", "USD", on=DAY) == usd.conversion

    def test_record_is_not_part_of_equality(self) -> None:
        """Two equal amounts are equal whatever their history."""
        usd = Money("385000000", "EUR").to("USD", on=DAY)

        assert Money("414144500", "USD") == usd

    def test_inverse_keeps_every_digit(self) -> None:
        """USD to EUR multiplies by the 28-digit inverse, and rounds nothing more."""
        eur = Money("200000000", "USD").to("EUR", on=DAY)

        exact = decimal.Context(prec=60)

        assert (
            exact.multiply(Decimal(200000000), rate("USD", "EUR", on=DAY).rate)
            == eur.amount
        )

    def test_same_currency_is_returned_unchanged(self) -> None:
        """Converting to the money's own currency returns the money itself."""
        money = Money("105000000", "EUR")

        assert money is money.to("EUR", on=DAY)
        assert money.conversion is None

    def test_same_currency_still_checks_the_date(self) -> None:
        """The date is checked even when there is nothing to convert."""
        with pytest.raises(DateError):
            Money("1", "EUR").to("EUR", on="2023-12-11")  # type: ignore[arg-type]

    def test_datetime_is_its_date(self) -> None:
        """A datetime converts at its own calendar date."""
        usd = Money("1", "EUR").to("USD", on=datetime(2023, 12, 11, 23, 59, tzinfo=UTC))

        assert usd.conversion is not None
        assert DAY == usd.conversion.on

    def test_function_form(self) -> None:
        """aiecosys.fx.convert is what Money.to does."""
        money = Money("3", "GBP")

        assert money.to("JPY", on=DAY) == convert(money, "JPY", on=DAY)

    def test_no_rate(self) -> None:
        """Yuan before 2005 cannot be converted."""
        with pytest.raises(RateUnavailableError, match="CNY rates cover 2005-04-01"):
            Money("1000000", "CNY").to("EUR", on=date(2003, 6, 1))


class TestLimits:
    def test_a_result_too_large_is_refused(self) -> None:
        """9e29 EUR is a valid amount, but not in yen: an aiecosys error, not Money."""
        with pytest.raises(DataError, match=r"too large: .* below 10\^30 in size"):
            Money("9e29", "EUR").to("JPY", on=DAY)

    def test_a_result_too_small_is_refused(self) -> None:
        """1e-60 JPY in euros needs digits finer than 10^-60."""
        with pytest.raises(DataError, match=r"too small: .* no finer than 10\^-60"):
            convert(Money("1e-60", "JPY"), "EUR", on=DAY)

    def test_just_inside_the_limits(self) -> None:
        """A result below the limit converts exactly."""
        assert Decimal("1.0757e29") == Money("1e29", "EUR").to("USD", on=DAY).amount


def results() -> list[object]:
    """Rates and conversions through every exact path, from freshly read rates."""
    ecb = ECBRates(_ecb.read_bundle(_ecb.BUNDLE_PATH))  # nothing computed yet
    stated = FixedRates("USD", "AED", "3.6725")
    chain = ChainedRates(stated, ecb)
    money = Money("1234.5678", "USD")
    return [
        rate("USD", "EUR", on=DAY, source=ecb),
        rate("USD", "JPY", on=date(2023, 12, 9), source=ecb),
        rate("AED", "USD", on=DAY, source=stated),
        money.to("JPY", on=DAY, source=ecb),
        money.to("AED", on=DAY, source=chain),
        convert(money, "GBP", on=DAY, source=ecb).amount,
    ]


def test_caller_decimal_context_does_not_matter() -> None:
    """A 3-digit context that traps rounding changes no rate and no amount."""
    with careless_decimal_context():
        found = results()
    expected = results()

    assert expected == found
    assert [str(item) for item in expected] == [str(item) for item in found]


class TestProperties:
    @given(
        amount=st.decimals(min_value=0, max_value=10**15, places=2),
        day=st.dates(date(2009, 1, 5), date(2026, 10, 30)),
        quote=st.sampled_from(["USD", "JPY", "CNY", "GBP", "KRW"]),
    )
    def test_there_and_back(self, amount: Decimal, day: date, quote: str) -> None:
        """EUR to another currency and back returns the amount within 1e-26."""
        there = Money(amount, "EUR").to(quote, on=day)
        back = there.to("EUR", on=day)

        assert abs(back.amount - amount) <= amount * Decimal("1e-26")


FRIDAY = date(2023, 12, 8)


class TestRecords:
    def test_identity_is_a_complete_record(self) -> None:
        """The identity record is a rate of 1, of age 0, with no legs."""
        record = identity("JPY", DAY)
        assert (
            Conversion(Decimal(1), "JPY", "JPY", DAY, DAY, "identity", "identity", "")
            == record
        )
        assert () == record.legs
        assert 0 == record.age_days
        assert "1 JPY = 1 JPY on 2023-12-11 (identity; identity )" == str(record)

    def test_text_of_a_rate_published_that_day(self) -> None:
        """A rate of the day itself prints without an observation date."""
        record = Conversion(Decimal(2), "EUR", "USD", DAY, DAY, "fixed", "mine", "1")
        assert "1 EUR = 2 USD on 2023-12-11 (fixed; mine 1)" == str(record)

    def test_text_of_an_earlier_rate_names_its_date(self) -> None:
        """An earlier rate prints the date it was observed; its age is in days."""
        record = Conversion(
            Decimal("1.5"), "EUR", "USD", DAY, FRIDAY, "last_known", "ECB", "v"
        )
        assert (
            "1 EUR = 1.5 USD on 2023-12-11 (last_known: rate of 2023-12-08; ECB v)"
            == str(record)
        )
        assert 3 == record.age_days


class TestRate:
    def test_default_source_is_the_bundled_ecb_rates(self) -> None:
        """Without a source, rate() uses the bundled ECB rates."""
        record = rate("EUR", "USD", on=DAY)
        assert (Decimal("1.0757"), "exact", DAY) == (
            record.rate,
            record.method,
            record.observed,
        )
        assert record.source.startswith("ECB")
        late = datetime(2023, 12, 11, 23, 59, tzinfo=UTC)
        assert record == rate("EUR", "USD", on=late)

    def test_a_given_source_is_used(self) -> None:
        """A source given to rate() is the one used and recorded."""
        stated = FixedRates("EUR", "USD", "2", name="stated")
        record = rate("EUR", "USD", on=DAY, source=stated)
        assert (Decimal(2), "fixed", "stated") == (
            record.rate,
            record.method,
            record.source,
        )


class TestConvertFunction:
    def test_same_currency_is_returned_unchanged(self) -> None:
        """convert() to the money's own currency returns it, with no record."""
        money = Money("12.50", "EUR")
        assert money is convert(money, "EUR", on=DAY)
        assert convert(money, "EUR", on=DAY).conversion is None

    def test_same_currency_still_checks_the_date(self) -> None:
        """convert() checks the date even when there is nothing to convert."""
        with pytest.raises(DateError):
            convert(Money("1", "EUR"), "EUR", on="2023-12-11")  # type: ignore[arg-type]

    def test_product_is_exact_and_keeps_its_record(self) -> None:
        """convert() keeps every digit of the product, beyond 28, and its record."""
        stated = FixedRates("EUR", "USD", "1.0757000000000000000000000001", name="s")
        money = Money("123456789012345678.123456789", "EUR")
        usd = convert(money, "USD", on=DAY, source=stated)
        with localcontext() as context:
            context.prec = 100
            expected = Decimal("123456789012345678.123456789") * stated.value
        assert "USD" == usd.currency
        assert usd.conversion is not None
        assert "s" == usd.conversion.source
        assert len(usd.amount.as_tuple().digits) > 28
        assert expected == usd.amount

    def test_default_source_converts_at_the_published_rate(self) -> None:
        """Without a source, convert() uses the ECB rate published that day."""
        usd = convert(Money("385000000", "EUR"), "USD", on=DAY)
        assert Money("414144500.0000", "USD") == usd
        assert usd.conversion is not None
        assert Decimal("1.0757") == usd.conversion.rate


class TestDefaultSource:
    def test_first_use_loads_the_bundled_rates(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The bundled rates are loaded at first use, by convert() or by rate()."""
        monkeypatch.setattr(_conversion, "_default", None)
        monkeypatch.setattr(_conversion, "_default_records", {})
        usd = convert(Money("100", "EUR"), "USD", on=DAY)
        assert Money("107.5700", "USD") == usd
        assert _conversion._default is not None
        monkeypatch.setattr(_conversion, "_default", None)
        monkeypatch.setattr(_conversion, "_default_records", {})
        assert Decimal("1.0757") == rate("EUR", "USD", on=DAY).rate
