"""Dated rates, from the bundled ECB data and a small file: values, policy, refusals."""

from __future__ import annotations

import decimal
import hashlib
import subprocess
import sys
from array import array
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aiecosys import AiecosysError, CurrencyError, RateUnavailableError, fx
from aiecosys._errors import DateError
from aiecosys.fx import EuroRate, _conversion, _ecb
from aiecosys.fx._conversion import RATE_CONTEXT
from tests.concurrency import in_threads
from tests.fx_support import (
    COVERS,
    CSV,
    NAME,
    START,
    gap_file,
    published_rows,
    rates,
    rates_from_rows,
    refusal,
    served_by,
)


ECB = fx.ECBRates.bundled()
SNAPSHOT = ECB.last_date
WIDE = ["USD", "JPY", "GBP", "CHF", "CNY", "AUD", "CAD", "SEK", "KRW", "INR", "EUR"]
"""Currencies with rates from 2009 on, and no gaps of more than a week."""


def ratio(numerator: str, denominator: str) -> Decimal:
    """The quotient at the documented precision."""
    context = decimal.Context(prec=fx.RATE_DIGITS, rounding=decimal.ROUND_HALF_EVEN)
    return context.divide(Decimal(numerator), Decimal(denominator))


class TestPublishedDays:
    def test_euro_to_currency_is_the_published_rate(self) -> None:
        """EUR to USD on a publication day is the ECB's figure, exactly."""
        record = fx.rate("EUR", "USD", on=date(2023, 12, 11))

        assert Decimal("1.0757") == record.rate
        assert "exact" == record.method
        assert date(2023, 12, 11) == record.observed

    def test_currency_to_euro_is_the_inverse(self) -> None:
        """USD to EUR is 1 / 1.0757, to 28 significant digits."""
        record = fx.rate("USD", "EUR", on=date(2023, 12, 11))

        assert ratio("1", "1.0757") == record.rate
        assert (
            fx.EuroRate("USD", Decimal("1.0757"), date(2023, 12, 11)),
        ) == record.legs

    def test_cross_rate_goes_through_the_euro(self) -> None:
        """USD to JPY is the JPY rate over the USD rate, with both legs recorded."""
        record = fx.rate("USD", "JPY", on=date(2023, 12, 11))

        assert ratio("157.54", "1.0757") == record.rate
        assert "cross_via_eur" == record.method
        assert ("USD", "JPY") == tuple(leg.currency for leg in record.legs)

    def test_provenance_names_the_source_and_version(self) -> None:
        """The record names the ECB source and the snapshot's date and hash."""
        record = fx.rate("EUR", "USD", on=date(2023, 12, 11))

        assert "ECB euro reference rates" == record.source
        assert f"{SNAPSHOT.isoformat()} sha256:{ECB.sha256[:12]}" == record.version

    def test_caller_decimal_context_does_not_matter(self) -> None:
        """A low-precision thread context does not round the rate."""
        with decimal.localcontext(decimal.Context(prec=3)):
            record = fx.rate("USD", "EUR", on=date(2023, 12, 11))

        assert ratio("1", "1.0757") == record.rate

    def test_str_shows_the_rate_date_and_source(self) -> None:
        """str() reads as a sentence with the date of the rate used."""
        record = fx.rate("EUR", "USD", on=date(2023, 12, 9))

        assert str(record).startswith(
            "1 EUR = 1.0777 USD on 2023-12-09 (last_known: rate of 2023-12-08; "
            "ECB euro reference rates "
        )

    def test_identity_is_one(self) -> None:
        """A currency converts to itself at 1, on any date, without a source."""
        record = fx.rate("EUR", "EUR", on=date(1990, 1, 1))

        assert (Decimal(1), "identity") == (record.rate, record.method)

    def test_identity_of_a_currency_the_ecb_does_not_publish(self) -> None:
        """AED to AED is 1, even though the ECB has no AED rates."""
        assert Decimal(1) == fx.rate("AED", "AED", on=date(2023, 1, 2)).rate


class TestStaleness:
    def test_weekend_uses_friday(self) -> None:
        """Saturday 2023-11-04 uses Friday's rate, never Monday's."""
        record = fx.rate("EUR", "USD", on=date(2023, 11, 4))

        assert (Decimal("1.0702"), date(2023, 11, 3)) == (record.rate, record.observed)
        assert ("last_known", 1) == (record.method, record.age_days)

    def test_cross_rate_on_a_weekend_has_last_known_legs(self) -> None:
        """A cross rate on a Sunday records the Friday of both legs."""
        record = fx.rate("USD", "JPY", on=date(2023, 11, 5))

        assert "cross_via_eur" == record.method
        assert date(2023, 11, 3) == record.observed
        assert {date(2023, 11, 3)} == {leg.published for leg in record.legs}

    def test_stale_limit_is_configurable(self) -> None:
        """With max_stale_days=0, a Saturday has no rate."""
        strict = fx.ECBRates.bundled(max_stale_days=0)

        with pytest.raises(RateUnavailableError, match="max_stale_days is 0"):
            strict.rate("EUR", "USD", on=date(2023, 11, 4))

    def test_no_rate_after_the_snapshot(self) -> None:
        """The day after the snapshot raises: what was published next is unknown."""
        with pytest.raises(RateUnavailableError) as raised:
            fx.rate("EUR", "USD", on=SNAPSHOT + timedelta(days=1))

        assert "the last day with rates in the data" in str(raised.value)
        assert f"snapshot {SNAPSHOT.isoformat()}" in str(raised.value)

    def test_beyond_the_limit_after_the_snapshot(self) -> None:
        """Eight days after the snapshot raise, naming it and from_file()."""
        with pytest.raises(RateUnavailableError) as raised:
            fx.rate("EUR", "USD", on=SNAPSHOT + timedelta(days=8))

        assert f"snapshot {SNAPSHOT.isoformat()}" in str(raised.value)
        assert "ECBRates.from_file()" in str(raised.value)

    @pytest.mark.parametrize("limit", [-1, True, 1.5])
    def test_limit_must_be_a_natural_number(self, limit: object) -> None:
        """A negative, bool or float limit is refused."""
        with pytest.raises(ValueError, match="max_stale_days"):
            fx.ECBRates.bundled(max_stale_days=limit)  # type: ignore[arg-type]


@settings(max_examples=150, deadline=None)
@given(rows=published_rows, stale=st.integers(0, 8))
def test_a_rate_serves_only_days_without_any_publication(
    rows: list[tuple[int, list[str | None]]], stale: int
) -> None:
    """On any file, a rate serves a date exactly when the plain rule says so."""
    source = rates_from_rows(rows, stale)
    for code in source.currencies:
        for day in range(-1, 45):
            expected = served_by(rows, code, day, stale)
            on = START + timedelta(days=day)
            try:
                found = source.rate(code, "EUR", on=on).observed
            except RateUnavailableError:
                assert expected is None, (code, on)
            else:
                assert START + timedelta(days=expected or 0) == found, (code, on)
                assert expected is not None


class TestUnavailable:
    def test_before_the_first_rate(self) -> None:
        """CNY in 2003 raises with CNY's covered range and the snapshot date."""
        with pytest.raises(RateUnavailableError) as raised:
            fx.rate("CNY", "USD", on=date(2003, 1, 1))

        message = str(raised.value)
        assert "CNY rates cover 2005-04-01 to " in message
        assert f"snapshot {SNAPSHOT.isoformat()}" in message

    def test_inside_a_gap(self) -> None:
        """ISK in 2012 falls in the 2008-2018 gap, which the message shows."""
        with pytest.raises(RateUnavailableError) as raised:
            fx.rate("ISK", "EUR", on=date(2012, 5, 2))

        message = str(raised.value)
        assert "the last one is from 2008-12-09" in message
        assert "the next from 2018-02-01" in message

    def test_first_day_of_a_gap(self) -> None:
        """ISK on the day after its last rate of 2008, a weekday with other rates."""
        with pytest.raises(RateUnavailableError) as raised:
            fx.rate("ISK", "EUR", on=date(2008, 12, 10))

        message = str(raised.value)
        assert "the last one is from 2008-12-09, and the next from 2018-02-01" in (
            message
        )
        assert "on 2008-12-10 the ECB euro reference rates have other" in message

    def test_after_a_series_ends(self) -> None:
        """HRK after the euro changeover says the series stopped."""
        with pytest.raises(
            RateUnavailableError, match="stopped publishing HRK rates after 2022-12-30"
        ):
            fx.rate("HRK", "EUR", on=date(2023, 6, 1))

    @pytest.mark.parametrize("day", [date(2022, 3, 2), date(2022, 3, 5)])
    def test_the_days_after_a_series_ends(self, day: date) -> None:
        """RUB's last rate is of 2022-03-01; the next weekday had other rates only."""
        with pytest.raises(
            RateUnavailableError, match="stopped publishing RUB rates after 2022-03-01"
        ):
            fx.rate("RUB", "EUR", on=day)

    @pytest.mark.parametrize(("base", "quote"), [("USD", "RUB"), ("RUB", "USD")])
    def test_either_leg_of_a_cross_rate_past_its_end(
        self, base: str, quote: str
    ) -> None:
        """A cross rate with an ended leg raises, naming that leg."""
        with pytest.raises(RateUnavailableError, match=r"^no RUB rate on 2022-03-02"):
            fx.rate(base, quote, on=date(2022, 3, 2))

    def test_the_weekend_after_a_series_ends(self) -> None:
        """The last HRK rate serves the weekend after it, when nothing was published."""
        record = fx.rate("HRK", "EUR", on=date(2023, 1, 1))

        assert ("last_known", date(2022, 12, 30)) == (record.method, record.observed)

    def test_currency_the_ecb_does_not_publish(self) -> None:
        """AED is a currency, but not one the ECB publishes."""
        with pytest.raises(RateUnavailableError, match="have no AED rates"):
            fx.rate("AED", "EUR", on=date(2023, 6, 1))

    def test_unknown_code(self) -> None:
        """A lowercase code is a CurrencyError with a hint."""
        with pytest.raises(CurrencyError, match="did you mean 'USD'"):
            fx.rate("usd", "EUR", on=date(2023, 6, 1))

    def test_is_an_aiecosys_lookup_error(self) -> None:
        """RateUnavailableError is both an AiecosysError and a LookupError."""
        with pytest.raises(LookupError):
            fx.rate("CNY", "EUR", on=date(2003, 1, 1))
        with pytest.raises(AiecosysError):
            fx.rate("CNY", "EUR", on=date(2003, 1, 1))


class TestDates:
    def test_datetime_counts_as_its_own_calendar_date(self) -> None:
        """A late-evening datetime far east of UTC keeps its own date."""
        late = datetime(2023, 12, 11, 23, 30, tzinfo=timezone(timedelta(hours=14)))

        assert date(2023, 12, 11) == fx.rate("EUR", "USD", on=late).on

    @pytest.mark.parametrize("bad", ["2023-12-11", (2023, 12, 11), None, 20231211])
    def test_anything_else_is_refused(self, bad: object) -> None:
        """Text, tuples, None and numbers raise DateError, a TypeError."""
        with pytest.raises(DateError, match=r"must be a datetime\.date") as raised:
            fx.rate("EUR", "USD", on=bad)  # type: ignore[arg-type]

        assert isinstance(raised.value, TypeError)

    def test_text_gets_a_hint(self) -> None:
        """An ISO string is answered with the date() call to write instead."""
        with pytest.raises(DateError, match=r"pass date\(2023, 12, 11\)"):
            fx.rate("EUR", "USD", on="2023-12-11")  # type: ignore[arg-type]


class TestBundle:
    def test_covers_every_ecb_currency(self) -> None:
        """The 41 currencies the ECB has published since 1999 are there."""
        assert 41 == len(ECB.currencies)
        assert {"USD", "JPY", "CNY", "ISK", "HRK", "RUB"} <= set(ECB.currencies)

    def test_starts_in_1999(self) -> None:
        """The euro's first reference rates are from 4 January 1999."""
        assert date(1999, 1, 4) == ECB.first_date

    def test_coverage(self) -> None:
        """CNY starts in April 2005; EUR covers the whole file."""
        assert date(2005, 4, 1) == ECB.coverage("CNY")[0]
        assert (ECB.first_date, SNAPSHOT) == ECB.coverage("EUR")

    def test_repr_shows_version_and_policy(self) -> None:
        """The repr names the data version and the staleness limit."""
        assert f"ECBRates(version={ECB.version!r}, max_stale_days=7)" == repr(ECB)

    def test_not_loaded_on_import(self) -> None:
        """Importing aiecosys.fx reads no rates and imports no numpy."""
        code = (
            "import sys, aiecosys, aiecosys.fx\n"
            "from aiecosys.fx import _ecb\n"
            "print(_ecb._bundle is None, 'numpy' in sys.modules)"
        )
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )

        assert "True False" == result.stdout.strip()

    def test_concurrent_first_use(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Eight threads using the rates for the first time get the same answers."""
        monkeypatch.setattr(_ecb, "_bundle", None)
        monkeypatch.setattr(_conversion, "_default", None)
        days = [date(2001, 5, 5) + timedelta(days=97 * i) for i in range(60)]
        pairs = [(code, day) for day in days for code in ("USD", "GBP", "CHF")]

        results = in_threads(lambda: [fx.rate(c, "JPY", on=d).rate for c, d in pairs])

        assert 8 == len(results)
        assert all(results[0] == other for other in results)
        assert isinstance(results[0], list)


class TestAgainstCurrencyConverter:
    def test_every_published_rate_agrees(self) -> None:
        """On publication days of every currency, CurrencyConverter agrees."""
        cc = pytest.importorskip("currency_converter")
        converter = cc.CurrencyConverter()
        worst = 0.0
        for code in ECB.currencies:
            series = ECB.table.series.get(code) or ECB.table.load(code)
            for ordinal in series.days[::3]:
                day = date.fromordinal(ordinal)
                ours = float(fx.rate(code, "EUR", on=day).rate)
                theirs = converter.convert(1, code, "EUR", date=day)
                worst = max(worst, abs(ours - theirs) / theirs)

        assert worst < 1e-12

    def test_cross_rates_agree(self) -> None:
        """Cross rates between major currencies agree on sampled publication days."""
        cc = pytest.importorskip("currency_converter")
        converter = cc.CurrencyConverter()
        series = ECB.table.series.get("CNY") or ECB.table.load("CNY")
        worst = 0.0
        for ordinal in series.days[::11]:
            day = date.fromordinal(ordinal)
            for base, quote in [
                ("USD", "JPY"),
                ("GBP", "CNY"),
                ("CNY", "USD"),
                ("EUR", "KRW"),
            ]:
                ours = float(fx.rate(base, quote, on=day).rate)
                theirs = converter.convert(1, base, quote, date=day)
                worst = max(worst, abs(ours - theirs) / theirs)

        assert worst < 1e-12


days_with_rates = st.dates(date(2009, 1, 5), SNAPSHOT)
currencies = st.sampled_from(WIDE)


class TestProperties:
    @given(
        base=currencies,
        quote=currencies,
        day=days_with_rates,
        amount=st.decimals(1, 10**12, places=2),
    )
    @settings(max_examples=300)
    def test_there_and_back(
        self, base: str, quote: str, day: date, amount: Decimal
    ) -> None:
        """A to B and back gives the amount within the rounding of the two rates."""
        there = fx.rate(base, quote, on=day).rate
        back = fx.rate(quote, base, on=day).rate

        assert abs(amount * there * back - amount) <= amount * Decimal("1e-26")

    @given(
        day=days_with_rates.filter(lambda day: day.weekday() >= 5),
        quote=st.sampled_from(WIDE[:-1]),
    )
    def test_weekend_uses_the_previous_business_day(
        self, day: date, quote: str
    ) -> None:
        """A weekend uses the last weekday with a rate before it, within a week."""
        record = fx.rate("EUR", quote, on=day)
        friday = record.observed

        assert friday < day
        assert friday.weekday() < 5
        assert (day - friday).days <= 7
        assert record.rate == fx.rate("EUR", quote, on=friday).rate
        for later in range(1, (day - friday).days + 1):
            assert (
                friday
                == fx.rate("EUR", quote, on=friday + timedelta(days=later)).observed
            )

    @given(base=currencies, quote=currencies, day=st.dates(date(1999, 1, 4), SNAPSHOT))
    def test_last_known_never_looks_ahead(
        self, base: str, quote: str, day: date
    ) -> None:
        """No rate, and no leg of a rate, is from after the requested date."""
        try:
            record = fx.rate(base, quote, on=day)
        except RateUnavailableError:
            return

        assert record.observed <= day
        assert all(leg.published <= day for leg in record.legs)
        assert record.observed == min(
            (leg.published for leg in record.legs), default=day
        )


class TestMoreEdges:
    def test_date_subclass(self) -> None:
        """A subclass of date is a date."""

        class Day(date):
            pass

        assert date(2023, 12, 11) == fx.rate("EUR", "USD", on=Day(2023, 12, 11)).on

    def test_text_that_is_not_a_date(self) -> None:
        """Text that is not even a date gets the general hint."""
        with pytest.raises(DateError, match=r"such as date\(2023, 12, 11\)"):
            fx.rate("EUR", "USD", on="last Tuesday")  # type: ignore[arg-type]

    def test_cross_rate_with_a_missing_second_leg(self) -> None:
        """USD to CNY in 2003 fails on the CNY leg."""
        with pytest.raises(RateUnavailableError, match="no CNY rate on 2003-01-02"):
            fx.rate("USD", "CNY", on=date(2003, 1, 2))


class TestEuroLegs:
    def test_exact(self, path: Path) -> None:
        """A euro rate published that day is exact, with that day's one leg."""
        record = rates(path).rate("EUR", "USD", on=date(2023, 12, 11))
        assert (Decimal("1.0757"), "exact", date(2023, 12, 11), NAME) == (
            record.rate,
            record.method,
            record.observed,
            record.source,
        )
        assert (EuroRate("USD", Decimal("1.0757"), date(2023, 12, 11)),) == record.legs

    def test_last_known_up_to_the_limit(self, path: Path) -> None:
        """A rate as old as the staleness limit still serves, as last known."""
        record = rates(path, stale=2).rate("EUR", "USD", on=date(2023, 12, 10))
        assert ("last_known", date(2023, 12, 8), 2) == (
            record.method,
            record.observed,
            record.age_days,
        )
        assert Decimal("1.0765") == record.rate

    def test_inverse(self, path: Path) -> None:
        """A rate to the euro is the inverse in the rate context, the same each time."""
        record = rates(path).rate("USD", "EUR", on=date(2023, 12, 11))
        assert RATE_CONTEXT.divide(Decimal(1), Decimal("1.0757")) == record.rate
        assert ("USD", "EUR", "exact") == (record.base, record.quote, record.method)
        again = rates(path).rate("USD", "EUR", on=date(2023, 12, 11))
        assert record.rate == again.rate

    def test_a_datetime_is_its_date(self, path: Path) -> None:
        """A datetime is looked up at its own calendar date."""
        late = datetime(2023, 12, 11, 23, 59, tzinfo=UTC)
        assert date(2023, 12, 11) == rates(path).rate("EUR", "USD", on=late).on


class TestCrossRates:
    def test_both_legs_of_the_last_publication_day(self, path: Path) -> None:
        """A cross rate takes both legs from the same last publication day."""
        source = rates(path)
        there = source.rate("USD", "JPY", on=date(2023, 12, 10))
        back = source.rate("JPY", "USD", on=date(2023, 12, 10))
        assert ("cross_via_eur", date(2023, 12, 8)) == (there.method, there.observed)
        assert ("cross_via_eur", date(2023, 12, 8)) == (back.method, back.observed)
        assert RATE_CONTEXT.divide(Decimal("156.00"), Decimal("1.0765")) == there.rate
        assert (
            EuroRate("USD", Decimal("1.0765"), date(2023, 12, 8)),
            EuroRate("JPY", Decimal("156.00"), date(2023, 12, 8)),
        ) == there.legs

    def test_a_leg_past_its_series_end(self, path: Path) -> None:
        """A cross rate with a leg past its series' end is refused either way."""
        source = rates(path)
        day = date(2023, 12, 11)
        for base, quote in (("USD", "JPY"), ("JPY", "USD")):
            assert refusal(source, base, quote, day).startswith(
                "no JPY rate on 2023-12-11: the last one is from 2023-12-08; the "
                "test rates stopped publishing JPY rates after 2023-12-08"
            )

    def test_either_leg_missing(self, path: Path) -> None:
        """A cross rate is refused naming whichever leg has no rate."""
        source = rates(path, stale=1)
        day = date(2023, 12, 11)
        assert refusal(source, "USD", "JPY", day).startswith(
            "no JPY rate on 2023-12-11"
        )
        assert refusal(source, "JPY", "USD", day).startswith(
            "no JPY rate on 2023-12-11"
        )
        early = date(2023, 11, 19)
        assert refusal(source, "USD", "JPY", early).startswith("no USD rate on")
        assert refusal(source, "JPY", "USD", early).startswith("no JPY rate on")


class TestIdentity:
    def test_same_currency(self, path: Path) -> None:
        """A currency to itself is 1, published or not."""
        source = rates(path)
        for code in ("EUR", "USD", "GBP"):
            record = source.rate(code, code, on=date(2023, 12, 10))
            assert (Decimal(1), "identity", code) == (
                record.rate,
                record.method,
                record.quote,
            )

    def test_unknown_code(self, path: Path) -> None:
        """An unknown code is refused even to itself."""
        with pytest.raises(CurrencyError, match="'XYZ'"):
            rates(path).rate("XYZ", "XYZ", on=date(2023, 12, 10))


class TestRefusals:
    def test_before_the_first_rate(self, path: Path) -> None:
        """A day before the first rate is refused, with the currency's coverage."""
        assert (
            "no USD rate on 2023-11-19: it is before the first one; USD "
            + COVERS.format("2023-12-11")
        ) == refusal(rates(path), "EUR", "USD", date(2023, 11, 19))

    def test_older_than_the_limit(self, path: Path) -> None:
        """A rate older than the limit is refused, naming its age and the next."""
        assert (
            "no USD rate on 2023-12-10: the last one is from 2023-12-08, 2 days "
            "earlier, more than the 1-day limit, and the next from 2023-12-11; USD "
            + COVERS.format("2023-12-11")
        ) == refusal(rates(path, stale=1), "USD", "EUR", date(2023, 12, 10))

    def test_no_staleness_allowed(self, path: Path) -> None:
        """With max_stale_days 0, the day after a rate is refused, naming the limit."""
        assert (
            "no USD rate on 2023-12-09: the last one is from 2023-12-08, 1 day "
            "earlier, and max_stale_days is 0, and the next from 2023-12-11; USD "
            + COVERS.format("2023-12-11")
        ) == refusal(rates(path, stale=0), "EUR", "USD", date(2023, 12, 9))

    def test_after_the_snapshot(self, path: Path) -> None:
        """A day after the snapshot is refused, saying how to load newer rates."""
        for day in (date(2023, 12, 12), date(2023, 12, 20)):
            assert (
                f"no USD rate on {day}: the last one is from 2023-12-11, the last "
                "day with rates in the data: no later rate is known; load newer "
                "rates with ECBRates.from_file(); USD " + COVERS.format("2023-12-11")
            ) == refusal(rates(path), "EUR", "USD", day)

    def test_a_currency_no_longer_published(self, path: Path) -> None:
        """A rate is never carried past the end of its currency's series."""
        for day in (date(2023, 12, 11), date(2023, 12, 20)):
            assert (
                f"no RUB rate on {day}: the last one is from 2023-12-08; the test "
                "rates stopped publishing RUB rates after 2023-12-08 (on 2023-12-11 "
                "the test rates have other currencies but not RUB), and a rate is "
                "never carried past the end of its series; RUB "
                + COVERS.format("2023-12-08")
            ) == refusal(rates(path), "RUB", "EUR", day)

    def test_the_weekend_after_a_series_ends(self, path: Path) -> None:
        """The weekend after a series' last day is served the last rate."""
        record = rates(path).rate("RUB", "EUR", on=date(2023, 12, 10))
        assert ("last_known", date(2023, 12, 8)) == (record.method, record.observed)

    def test_inside_a_gap(self, tmp_path: Path) -> None:
        """A day inside a gap of one series is refused; the days around it serve."""
        file = gap_file(tmp_path)
        served = [
            rates(file).rate("ISK", "EUR", on=day).observed
            for day in (date(2023, 12, 10), date(2023, 12, 12))
        ]
        assert [date(2023, 12, 8), date(2023, 12, 12)] == served
        assert (
            "no ISK rate on 2023-12-11: the last one is from 2023-12-08, and the "
            "next from 2023-12-12: a gap in the ISK series (on 2023-12-11 the test "
            "rates have other currencies but not ISK), and a rate is never carried "
            "across a gap; ISK rates cover 2023-12-08 to 2023-12-12 (test rates, "
            "snapshot 2023-12-12)"
        ) == refusal(rates(file), "ISK", "USD", date(2023, 12, 11))

    def test_a_currency_never_published(self, path: Path) -> None:
        """A currency never published is refused, listing those covered."""
        assert (
            "the test rates have no XAF rates; they cover EUR and JPY, RUB, USD "
            "(snapshot 2023-12-11). For another currency, state a rate with FixedRates"
        ) == refusal(rates(path), "EUR", "XAF", date(2023, 12, 11))


class TestDescription:
    def test_properties(self, path: Path) -> None:
        """A source read from a file has its name, digest, version, dates and codes."""
        source = rates(path)
        sha256 = hashlib.sha256(CSV.encode()).hexdigest()
        assert (
            NAME,
            sha256,
            f"2023-12-11 sha256:{sha256[:12]}",
            date(2023, 11, 20),
            date(2023, 12, 11),
            ("JPY", "RUB", "USD"),
        ) == (
            source.name,
            source.sha256,
            source.version,
            source.first_date,
            source.last_date,
            source.currencies,
        )
        assert (
            f"ECBRates(version='2023-12-11 sha256:{sha256[:12]}', max_stale_days=3)"
            == repr(rates(path, stale=3))
        )

    def test_coverage(self, path: Path) -> None:
        """Each currency's coverage runs from its first to its last rate."""
        source = rates(path)
        assert (date(2023, 11, 20), date(2023, 12, 11)) == source.coverage("EUR")
        assert (date(2023, 11, 20), date(2023, 12, 8)) == source.coverage("RUB")
        assert (date(2023, 11, 20), date(2023, 12, 11)) == source.coverage("USD")

    @pytest.mark.parametrize("stale", [-1, True, 1.5])
    def test_staleness_must_be_a_count_of_days(self, path: Path, stale: object) -> None:
        """A staleness limit that is not a natural int is refused, naming it."""
        with pytest.raises(ValueError) as caught:
            rates(path, stale=stale)  # type: ignore[arg-type]
        assert f"max_stale_days must be an int of 0 or more, not {stale}" == str(
            caught.value
        )


KEPT_PAIRS = [("EUR", "USD"), ("USD", "EUR"), ("USD", "JPY"), ("GBP", "GBP")]
KEPT_DAYS = [date(2023, 11, 3) + timedelta(days=n) for n in range(12)]
"""A Friday, a weekend, and the days after: exact, last-known and cross rates."""


def _made_afresh(base: str, quote: str, day: date, stale: int) -> fx.Conversion:
    """The record of a table that has kept nothing: every record made anew."""
    fresh = fx.ECBRates(_ecb.read_bundle(_ecb.BUNDLE_PATH), stale)
    return fresh._rate(base, quote, day)


class TestKeptRecords:
    def test_kept_records_equal_records_made_afresh(self) -> None:
        """A second, kept answer is the record a fresh table makes, field for field."""
        for stale in (0, 1, 7):
            source = fx.ECBRates.bundled(max_stale_days=stale)
            for base, quote in KEPT_PAIRS:
                for day in KEPT_DAYS:
                    try:
                        expected = _made_afresh(base, quote, day, stale)
                    except RateUnavailableError:
                        with pytest.raises(RateUnavailableError):
                            source.rate(base, quote, on=day)
                        continue
                    assert expected == source.rate(base, quote, on=day)
                    assert expected == source.rate(base, quote, on=day)
                    assert str(expected) == str(
                        fx.rate(base, quote, on=day, source=source)
                    )

    def test_default_source_keeps_records_per_policy(self) -> None:
        """The default source's kept records never answer for another policy."""
        friday, sunday = date(2023, 11, 3), date(2023, 11, 5)
        assert "last_known" == fx.rate("USD", "EUR", on=sunday).method
        strict = fx.ECBRates.bundled(max_stale_days=0)
        with pytest.raises(RateUnavailableError, match="max_stale_days is 0"):
            strict.rate("USD", "EUR", on=sunday)
        assert friday == fx.rate("USD", "EUR", on=sunday).observed

    def test_kept_records_are_bounded(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """No more than RECORDS_KEPT records are kept; the oldest goes first."""
        monkeypatch.setattr(_ecb, "RECORDS_KEPT", 5)
        source = fx.ECBRates(_ecb.read_bundle(_ecb.BUNDLE_PATH))
        for day in KEPT_DAYS:
            source.rate("EUR", "USD", on=day)
        kept = source.table.records
        assert 5 == len(kept)
        assert [day for _, _, day, _ in kept] == KEPT_DAYS[-5:]

    def test_subclasses_are_not_kept_and_a_datetime_is_kept_as_its_date(self) -> None:
        """A subclass of date or str gets its record unkept; a datetime, its date's."""

        class Day(date):
            pass

        class Code(str):
            __slots__ = ()

        source = fx.ECBRates(_ecb.read_bundle(_ecb.BUNDLE_PATH))
        assert type(source.rate("EUR", "USD", on=Day(2023, 11, 3)).on) is Day
        assert type(source.rate(Code("EUR"), "USD", on=date(2023, 11, 6)).base) is Code
        assert {} == source.table.records
        noon = datetime(2023, 11, 3, 12, tzinfo=UTC)
        record = source.rate("EUR", "USD", on=noon)
        assert [("EUR", "USD", date(2023, 11, 3), 7)] == list(source.table.records)
        assert record is source.rate("EUR", "USD", on=date(2023, 11, 3))

    def test_unhashable_codes_are_refused_as_currencies(self) -> None:
        """A list where a code belongs is a CurrencyError, from any source."""
        source = fx.ECBRates(_ecb.read_bundle(_ecb.BUNDLE_PATH))
        day = date(2023, 11, 3)
        for base, quote in ((["USD"], "EUR"), ("USD", ["EUR"]), (["USD"], ["USD"])):
            with pytest.raises(CurrencyError, match="not list"):
                source.rate(base, quote, on=day)  # type: ignore[arg-type]
            with pytest.raises(CurrencyError, match="not list"):
                fx.rate(base, quote, on=day)  # type: ignore[arg-type]

    def test_records_kept_under_a_tiny_decimal_context_are_exact(self) -> None:
        """A record first made in a caller's 3-digit context is the one made afresh."""
        source = fx.ECBRates(_ecb.read_bundle(_ecb.BUNDLE_PATH))
        with decimal.localcontext(prec=3, rounding=decimal.ROUND_FLOOR):
            made = [
                source.rate("USD", quote, on=day)
                for quote in WIDE
                for day in KEPT_DAYS[:3]
            ]
        afresh = [
            _made_afresh("USD", quote, day, 7)
            for quote in WIDE
            for day in KEPT_DAYS[:3]
        ]
        assert afresh == made
        assert made == [
            source.rate("USD", quote, on=day) for quote in WIDE for day in KEPT_DAYS[:3]
        ]

    def test_threads_sharing_a_small_store_get_the_same_records(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Eight threads filling and emptying a store of three records agree."""
        monkeypatch.setattr(_ecb, "RECORDS_KEPT", 3)
        source = fx.ECBRates(_ecb.read_bundle(_ecb.BUNDLE_PATH))
        expected = [
            _made_afresh(base, quote, day, 7)
            for base, quote in KEPT_PAIRS
            for day in KEPT_DAYS
        ]

        def work() -> list[fx.Conversion]:
            return [
                source.rate(base, quote, on=day)
                for _ in range(5)
                for base, quote in KEPT_PAIRS
                for day in KEPT_DAYS
            ]

        for result in in_threads(work):
            assert expected * 5 == result
        assert len(source.table.records) <= 3


def test_parsed_days_are_stored_as_c_ints() -> None:
    """Days and positions are arrays of C ints, for the bundle and for a file alike."""
    table = _ecb.read_bundle(_ecb.BUNDLE_PATH)
    series = table.load("USD")
    for days in (series.days, series.latest, table.published()):
        assert isinstance(days, array)
        assert "i" == days.typecode
    assert date(1999, 1, 4) == date.fromordinal(series.days[0])
    assert date.fromordinal(series.days[-1]) == table.last
