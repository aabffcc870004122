"""Conversion records and the scalar rate and convert functions, field by field."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal, localcontext

import pytest

from aiecosys import DateError, Money
from aiecosys.fx import Conversion, FixedRates, _conversion, convert, rate
from aiecosys.fx._conversion import identity


DAY = date(2023, 12, 11)
FRIDAY = date(2023, 12, 8)


class TestRecords:
    def test_identity_is_a_complete_record(self) -> None:
        record = identity("JPY", DAY)
        assert (
            Conversion(Decimal(1), "JPY", "JPY", DAY, DAY, "identity", "identity", "")
            == record
        )
        assert () == record.legs
        assert 0 == record.age_days
        assert "1 JPY = 1 JPY on 2023-12-11 (identity; identity )" == str(record)

    def test_text_of_a_rate_published_that_day(self) -> None:
        record = Conversion(Decimal(2), "EUR", "USD", DAY, DAY, "fixed", "mine", "1")
        assert "1 EUR = 2 USD on 2023-12-11 (fixed; mine 1)" == str(record)

    def test_text_of_an_earlier_rate_names_its_date(self) -> None:
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
        stated = FixedRates("EUR", "USD", "2", name="stated")
        record = rate("EUR", "USD", on=DAY, source=stated)
        assert (Decimal(2), "fixed", "stated") == (
            record.rate,
            record.method,
            record.source,
        )


class TestConvert:
    def test_same_currency_is_returned_unchanged(self) -> None:
        money = Money("12.50", "EUR")
        assert money is convert(money, "EUR", on=DAY)
        assert convert(money, "EUR", on=DAY).conversion is None

    def test_same_currency_still_checks_the_date(self) -> None:
        with pytest.raises(DateError):
            convert(Money("1", "EUR"), "EUR", on="2023-12-11")  # type: ignore[arg-type]

    def test_product_is_exact_and_keeps_its_record(self) -> None:
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
        usd = convert(Money("385000000", "EUR"), "USD", on=DAY)
        assert Money("414144500.0000", "USD") == usd
        assert usd.conversion is not None
        assert Decimal("1.0757") == usd.conversion.rate


class TestDefaultSource:
    def test_first_use_loads_the_bundled_rates(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(_conversion, "_default", None)
        monkeypatch.setattr(_conversion, "_default_records", {})
        usd = convert(Money("100", "EUR"), "USD", on=DAY)
        assert Money("107.5700", "USD") == usd
        assert _conversion._default is not None
        monkeypatch.setattr(_conversion, "_default", None)
        monkeypatch.setattr(_conversion, "_default_records", {})
        assert Decimal("1.0757") == rate("EUR", "USD", on=DAY).rate
