"""Rate sources: rates stated by the user, chains, and sources of one's own."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import attrs
import pytest

from aiecosys import CurrencyError, Money, ParseError, RateUnavailableError
from aiecosys._errors import DateError
from aiecosys.fx import (
    ChainedRates,
    Conversion,
    ECBRates,
    FixedRates,
    RateSource,
    convert_many,
    rate,
)


DAY = date(2023, 12, 11)


class TestFixedRates:
    def test_stated_rate(self) -> None:
        """The stated rate is used as stated, with the method 'fixed'."""
        record = FixedRates("USD", "EUR", "0.92").rate("USD", "EUR", on=DAY)

        assert (
            Conversion(
                Decimal("0.92"),
                "USD",
                "EUR",
                DAY,
                DAY,
                "fixed",
                "stated rate",
                "1 USD = 0.92 EUR",
            )
            == record
        )

    def test_inverse(self) -> None:
        """The other direction is 1 / rate, to 28 significant digits."""
        record = FixedRates("USD", "EUR", "0.92").rate("EUR", "USD", on=DAY)

        assert Decimal("1.086956521739130434782608696") == record.rate

    def test_other_pair(self) -> None:
        """A pair that was not stated has no rate."""
        with pytest.raises(
            RateUnavailableError, match=r"states only 1 USD = 0\.92 EUR"
        ):
            FixedRates("USD", "EUR", "0.92").rate("GBP", "EUR", on=DAY)

    def test_identity(self) -> None:
        """A currency converts to itself at 1."""
        assert (
            Decimal(1)
            == FixedRates("USD", "EUR", "0.92").rate("GBP", "GBP", on=DAY).rate
        )

    def test_validity_includes_both_ends(self) -> None:
        """The rate applies from valid_from to valid_until, both included."""
        stated = FixedRates(
            "USD",
            "EUR",
            "0.92",
            valid_from=date(2023, 1, 1),
            valid_until=date(2023, 12, 31),
        )

        assert Decimal("0.92") == stated.rate("USD", "EUR", on=date(2023, 1, 1)).rate
        assert Decimal("0.92") == stated.rate("USD", "EUR", on=date(2023, 12, 31)).rate
        with pytest.raises(
            RateUnavailableError, match=r"from 2023-01-01 until 2023-12-31"
        ):
            stated.rate("USD", "EUR", on=date(2024, 1, 1))

    def test_validity_dates_follow_the_date_rule(self) -> None:
        """A datetime bound counts as its date; text is refused."""
        stated = FixedRates(
            "USD", "EUR", "0.92", valid_from=datetime(2023, 1, 1, 12, tzinfo=UTC)
        )

        assert date(2023, 1, 1) == stated.valid_from
        with pytest.raises(DateError):
            FixedRates("USD", "EUR", "0.92", valid_until="2023-12-31")  # type: ignore[arg-type]

    def test_float_is_refused(self) -> None:
        """A float rate is refused with the exact form to write."""
        with pytest.raises(TypeError, match=r"pass the str '0\.92'"):
            FixedRates("USD", "EUR", 0.92)  # type: ignore[arg-type]

    @pytest.mark.parametrize("bad", ["0", "-1", "Infinity"])
    def test_rate_must_be_positive(self, bad: str) -> None:
        """Zero, negative and infinite rates are refused."""
        with pytest.raises(ValueError, match="positive"):
            FixedRates("USD", "EUR", bad)

    def test_unreadable_rate(self) -> None:
        """Text that is not a number is a ParseError."""
        with pytest.raises(ParseError):
            FixedRates("USD", "EUR", "ninety-two cents")

    def test_codes_are_checked(self) -> None:
        """The currencies must be ISO codes, and two of them."""
        with pytest.raises(CurrencyError):
            FixedRates("usd", "EUR", "0.92")
        with pytest.raises(ValueError, match="two currencies"):
            FixedRates("EUR", "EUR", "1")

    def test_bounds_in_order(self) -> None:
        """valid_from may not be after valid_until."""
        with pytest.raises(ValueError, match="after valid_until"):
            FixedRates(
                "USD",
                "EUR",
                "1",
                valid_from=date(2024, 1, 1),
                valid_until=date(2023, 1, 1),
            )

    def test_converts_money(self) -> None:
        """Money converts at a stated rate, and records it."""
        stated = FixedRates("USD", "EUR", "0.92", name="the article's rate")
        eur = Money("200000000", "USD").to("EUR", on=DAY, source=stated)

        assert Money("184000000", "EUR") == eur
        assert eur.conversion is not None
        assert "the article's rate" == eur.conversion.source


class TestChainedRates:
    def test_first_source_that_answers(self) -> None:
        """The first source with a rate gives it, and is named in the record."""
        chain = ChainedRates(FixedRates("AED", "EUR", "0.25"), ECBRates.bundled())

        assert "stated rate" == chain.rate("AED", "EUR", on=DAY).source
        assert "ECB euro reference rates" == chain.rate("USD", "EUR", on=DAY).source

    def test_no_source_answers(self) -> None:
        """When no source has a rate, each one's reason is given."""
        chain = ChainedRates(FixedRates("AED", "EUR", "0.25"), ECBRates.bundled())

        with pytest.raises(RateUnavailableError) as raised:
            chain.rate("SAR", "EUR", on=DAY)

        assert "stated rate: no SAR to EUR rate" in str(raised.value)
        assert (
            "ECB euro reference rates: the ECB euro reference rates have no SAR"
            in str(raised.value)
        )

    def test_other_errors_are_not_swallowed(self) -> None:
        """A wrong date is raised at once, not tried on the next source."""
        chain = ChainedRates(ECBRates.bundled())

        with pytest.raises(DateError):
            chain.rate("USD", "EUR", on=None)  # type: ignore[arg-type]

    def test_needs_a_source(self) -> None:
        """An empty chain is refused."""
        with pytest.raises(ValueError, match="at least one source"):
            ChainedRates()

    def test_name_lists_the_sources(self) -> None:
        """The chain's name lists its sources in order."""
        chain = ChainedRates(FixedRates("AED", "EUR", "0.25"), ECBRates.bundled())

        assert "stated rate, then ECB euro reference rates" == chain.name


@attrs.frozen
class Parity:
    """A source of one's own: every currency is worth one euro."""

    name: str = "parity"

    def rate(self, base: str, quote: str, *, on: date) -> Conversion:
        return Conversion(Decimal(1), base, quote, on, on, "fixed", self.name, "1")


class TestOwnSource:
    def test_is_a_rate_source(self) -> None:
        """A class with a name and a rate method is a RateSource."""
        assert isinstance(Parity(), RateSource)
        assert not isinstance(object(), RateSource)

    def test_scalar(self) -> None:
        """rate() and Money.to() use it."""
        assert "parity" == rate("USD", "JPY", on=DAY, source=Parity()).source
        assert Money("5", "JPY") == Money("5", "USD").to("JPY", on=DAY, source=Parity())

    def test_bulk(self) -> None:
        """convert_many() asks it once per currency and day."""
        np = pytest.importorskip("numpy")
        days = np.array(
            ["2023-12-11", "2023-12-11", "2023-12-12"], dtype="datetime64[D]"
        )
        result = convert_many(
            [1.0, 2.0, 3.0], ["USD", "USD", "JPY"], days, source=Parity()
        )

        assert [1.0, 2.0, 3.0] == result.amounts.tolist()
        assert ("parity",) == result.sources


def test_rate_of_another_type_is_refused() -> None:
    """A stated rate is a Decimal, an int or a str."""
    with pytest.raises(TypeError, match="not list"):
        FixedRates("USD", "EUR", [0.92])  # type: ignore[arg-type]
