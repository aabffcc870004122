"""Bulk conversion: float64 results that match the exact scalar path."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aiecosys import CurrencyError, RateUnavailableError
from aiecosys._errors import DateError
from aiecosys.fx import (
    ChainedRates,
    Conversion,
    ECBRates,
    FixedRates,
    _ecb,
    convert_many,
    rate,
)
from tests.concurrency import in_threads
from tests.fx_support import (
    CODES as FILE_CODES,
)
from tests.fx_support import (
    START,
    careless_decimal_context,
    gap_file,
    published_rows,
    rates_from_rows,
)


np = pytest.importorskip("numpy")

CODES = ["EUR", "USD", "GBP", "JPY", "CNY", "CHF", "CAD", "KRW", "INR", "AUD"]


def rows(count: int, seed: int = 7) -> tuple[Any, Any, Any]:
    """Amounts, integer currency codes into CODES, and datetime64[D] dates."""
    generator = np.random.default_rng(seed)
    amounts = generator.lognormal(14, 2, count)
    codes = generator.integers(0, len(CODES), count)
    first = np.datetime64("2000-01-01")
    span = (np.datetime64("2026-10-30") - first).astype(int) + 1
    days = first + generator.integers(0, span, count)
    return amounts, codes, days


def scalar(amount: float, code: str, day: Any, to: str) -> tuple[float, Any]:
    """The exact path, for comparison: the amount converted, and the rate's date."""
    record = rate(code, to, on=day.astype(object))
    converted = float(Decimal(amount) * record.rate)
    return converted, np.datetime64(record.observed, "D")


def assert_agreement(source: ECBRates, rows: list[tuple[str, date]], to: str) -> None:
    """Each row has a rate in bulk exactly when the scalar path has one, the same."""
    codes = [code for code, _ in rows]
    days = [day for _, day in rows]
    result = convert_many(
        [100.0] * len(rows), codes, days, to=to, source=source, on_missing="nan"
    )
    for position, (code, day) in enumerate(rows):
        try:
            record = rate(code, to, on=day, source=source)
        except RateUnavailableError:
            assert result.missing[position], (code, day, to)
            continue
        assert not result.missing[position], (code, day, to)
        expected = float(Decimal(100) * record.rate)
        assert abs(result.amounts[position] - expected) <= 1e-12 * expected
        assert np.datetime64(record.observed, "D") == result.observed[position]


class TestAgreement:
    @pytest.mark.parametrize("to", ["EUR", "USD", "JPY"])
    def test_matches_the_exact_path(self, to: str) -> None:
        """Every row agrees with the Decimal conversion within 1e-12, with its date."""
        amounts, codes, days = rows(3000)
        result = convert_many(
            amounts, codes, days, to=to, categories=CODES, on_missing="nan"
        )
        worst = 0.0
        checked = 0
        for row in range(len(amounts)):
            try:
                expected, observed = scalar(
                    amounts[row], CODES[codes[row]], days[row], to
                )
            except RateUnavailableError:
                assert result.missing[row]
                continue
            checked += 1
            worst = max(worst, abs(result.amounts[row] - expected) / expected)
            assert observed == result.observed[row]

        assert checked > 2500
        assert worst < 1e-12

    @pytest.mark.parametrize("to", ["EUR", "USD", "RUB", "ISK"])
    def test_matches_the_exact_path_at_the_ends_of_series(self, to: str) -> None:
        """Gaps, ends of series and the snapshot's end: bulk and scalar agree."""
        edges = [
            ("ISK", date(2008, 12, 9)),
            ("ISK", date(2008, 12, 10)),
            ("ISK", date(2008, 12, 13)),
            ("ISK", date(2018, 2, 1)),
            ("RUB", date(2022, 3, 1)),
            ("RUB", date(2022, 3, 2)),
            ("RUB", date(2022, 3, 5)),
            ("HRK", date(2022, 12, 30)),
            ("HRK", date(2023, 1, 1)),
            ("HRK", date(2023, 1, 2)),
            ("USD", date(2022, 3, 2)),
            ("USD", date(2008, 12, 10)),
            ("USD", ECBRates.bundled().last_date),
            ("USD", ECBRates.bundled().last_date + timedelta(days=1)),
            ("CNY", date(2005, 3, 31)),
        ]
        assert_agreement(ECBRates.bundled(), edges, to)

    def test_matches_the_exact_path_on_a_file_with_a_gap(self, tmp_path: Any) -> None:
        """A rates file's gap and end are kept by the bulk path as by the scalar."""
        source = ECBRates.from_file(gap_file(tmp_path))
        edges = [
            (code, date(2023, 12, 7) + timedelta(days=offset))
            for code in ("USD", "ISK", "RUB")
            for offset in range(8)
        ]
        for to in ("EUR", "USD", "ISK", "RUB"):
            assert_agreement(source, edges, to)

    @settings(max_examples=60, deadline=None)
    @given(
        rows=published_rows,
        stale=st.integers(0, 8),
        to=st.sampled_from(["EUR", *FILE_CODES]),
    )
    def test_matches_the_exact_path_on_any_file(
        self, rows: list[tuple[int, list[str | None]]], stale: int, to: str
    ) -> None:
        """Gaps and ends anywhere, any limit: bulk and scalar agree row by row."""
        source = rates_from_rows(rows, stale)
        edges = [
            (code, START + timedelta(days=day))
            for code in ("EUR", *source.currencies)
            for day in range(-1, 45)
        ]
        assert_agreement(source, edges, to)

    def test_string_codes_give_the_same_result(self) -> None:
        """Numpy strings, lists of str and integer codes agree exactly."""
        amounts, codes, days = rows(500)
        names = np.array(CODES)[codes]
        by_code = convert_many(amounts, codes, days, categories=CODES, on_missing="nan")

        for currencies in (names, names.tolist(), names.astype(object)):
            by_name = convert_many(amounts, currencies, days, on_missing="nan")
            assert by_code.amounts.tobytes() == by_name.amounts.tobytes()

    def test_python_dates_give_the_same_result(self) -> None:
        """date and datetime objects count as their calendar dates."""
        amounts, codes, days = rows(200)
        reference = convert_many(
            amounts, codes, days, categories=CODES, on_missing="nan"
        )
        python_days = days.astype(object).tolist()
        late = [datetime.combine(day, datetime.max.time()) for day in python_days]

        for dates in (python_days, late, tuple(python_days)):
            found = convert_many(
                amounts, codes, dates, categories=CODES, on_missing="nan"
            )
            assert reference.observed.tolist() == found.observed.tolist()

    def test_times_are_dropped(self) -> None:
        """A datetime64 with a time counts as its calendar date."""
        late = np.array(["2023-11-03T23:59"], dtype="datetime64[m]")
        result = convert_many([1.0], ["USD"], late)

        assert np.datetime64("2023-11-03") == result.observed[0]


def test_caller_decimal_context_does_not_matter() -> None:
    """A 3-digit context that traps rounding changes no bulk result and no table."""
    pytest.importorskip("pandas")
    from aiecosys.fx import rates_frame

    def run() -> tuple[bytes, bytes, list[Decimal]]:
        ecb = ECBRates(_ecb.read_bundle(_ecb.BUNDLE_PATH))  # nothing computed yet
        stated = ChainedRates(FixedRates("AED", "USD", "0.2723"), ecb)
        result = convert_many(
            [1.5, 2.5, 3.5],
            ["AED", "JPY", "EUR"],
            [date(2023, 12, 9)] * 3,
            to="USD",
            source=stated,
        )
        frame = rates_frame(ecb, currencies=["USD", "JPY"])
        return result.amounts.tobytes(), result.observed.tobytes(), list(frame.rate)

    with careless_decimal_context():
        found = run()

    assert run() == found


class TestPandas:
    def test_categorical_series(self) -> None:
        """A categorical Series of currencies and a datetime Series work."""
        pd = pytest.importorskip("pandas")
        amounts, codes, days = rows(300)
        frame = pd.DataFrame(
            {
                "amount": amounts,
                "currency": pd.Categorical.from_codes(codes, CODES),
                "day": days,
            }
        )
        reference = convert_many(
            amounts, codes, days, categories=CODES, on_missing="nan"
        )
        result = convert_many(
            frame["amount"], frame["currency"], frame["day"], on_missing="nan"
        )

        assert reference.amounts.tobytes() == result.amounts.tobytes()

    def test_string_series(self) -> None:
        """An object Series of codes works like a list."""
        pd = pytest.importorskip("pandas")
        result = convert_many(
            pd.Series([1.0, 2.0]),
            pd.Series(["USD", "EUR"]),
            pd.Series([date(2023, 12, 11)] * 2),
        )

        assert [pytest.approx(1 / 1.0757, rel=1e-15), 2.0] == result.amounts.tolist()


class TestMissing:
    def test_raises_by_default(self) -> None:
        """Rows without a rate raise, counting them and explaining the first."""
        with pytest.raises(RateUnavailableError) as raised:
            convert_many([1.0, 2.0, 3.0], ["CNY", "USD", "CNY"], [date(2003, 1, 1)] * 3)

        message = str(raised.value)
        assert (
            "for 2 of 3 rows; the first is row 0: no CNY rate on 2003-01-01" in message
        )
        assert "on_missing='nan'" in message

    def test_nan_and_mask(self) -> None:
        """With on_missing='nan', missing rows are NaN and NaT, and marked."""
        result = convert_many(
            [1.0, 2.0], ["CNY", "USD"], [date(2003, 1, 1)] * 2, on_missing="nan"
        )

        assert [True, False] == result.missing.tolist()
        assert np.isnan(result.amounts[0])
        assert np.isnat(result.observed[0])
        assert [-1, 0] == result.source_index.tolist()

    def test_nat_has_no_rate(self) -> None:
        """A row whose date is NaT has no rate."""
        days = np.array(["NaT", "2023-12-11"], dtype="datetime64[D]")
        result = convert_many([1.0, 1.0], ["EUR", "USD"], days, on_missing="nan")

        assert [True, False] == result.missing.tolist()

    def test_currency_the_source_lacks(self) -> None:
        """A real currency without ECB rates gives missing rows."""
        result = convert_many([1.0], ["AED"], [date(2023, 12, 11)], on_missing="nan")

        assert [True] == result.missing.tolist()

    def test_quote_the_source_lacks(self) -> None:
        """Into a currency without ECB rates, only rows already in it convert."""
        result = convert_many(
            [1.0, 5.0],
            ["USD", "AED"],
            [date(2023, 12, 11)] * 2,
            to="AED",
            on_missing="nan",
        )

        assert [True, False] == result.missing.tolist()
        assert 5.0 == result.amounts[1]

    def test_same_currency_on_any_date(self) -> None:
        """EUR into EUR is 1, even before 1999, dated by the row itself."""
        result = convert_many([7.0], ["EUR"], [date(1990, 1, 1)])

        assert [7.0] == result.amounts.tolist()
        assert np.datetime64("1990-01-01") == result.observed[0]

    def test_no_rate_past_the_end_of_a_series_or_of_the_data(self) -> None:
        """A gap, an ended series and the day after the snapshot have no rate."""
        after = ECBRates.bundled().last_date + timedelta(days=1)
        result = convert_many(
            [1.0] * 4,
            ["ISK", "RUB", "USD", "HRK"],
            [date(2008, 12, 10), date(2022, 3, 2), after, date(2023, 1, 1)],
            on_missing="nan",
        )

        assert [True, True, True, False] == result.missing.tolist()
        assert np.datetime64("2022-12-30") == result.observed[3]

    def test_stale_limit_matches_the_scalar_path(self) -> None:
        """With max_stale_days=0, a Saturday is missing in bulk too."""
        strict = ECBRates.bundled(max_stale_days=0)
        days = [date(2023, 11, 3), date(2023, 11, 4)]
        result = convert_many(
            [1.0, 1.0], ["USD", "USD"], days, source=strict, on_missing="nan"
        )

        assert [False, True] == result.missing.tolist()


class TestSources:
    def test_fixed_rates(self) -> None:
        """A stated rate converts its pair, within its dates."""
        stated = FixedRates("USD", "EUR", "0.92", valid_until=date(2023, 12, 31))
        days = [date(2023, 12, 11), date(2024, 1, 1), date(2023, 12, 11)]
        result = convert_many(
            [100.0, 100.0, 100.0],
            ["USD", "USD", "GBP"],
            days,
            source=stated,
            on_missing="nan",
        )

        assert [False, True, True] == result.missing.tolist()
        assert 92.0 == result.amounts[0]

    def test_chain_names_the_source_of_each_row(self) -> None:
        """In a chain, each row records which source gave its rate."""
        chain = ChainedRates(FixedRates("AED", "EUR", "0.25"), ECBRates.bundled())
        result = convert_many(
            [4.0, 1.0, 1.0],
            ["AED", "USD", "SAR"],
            [date(2023, 12, 11)] * 3,
            source=chain,
            on_missing="nan",
        )

        assert [0, 1, -1] == result.source_index.tolist()
        assert ("stated rate", "ECB euro reference rates") == result.sources
        assert 1.0 == result.amounts[0]


class TestInputs:
    def test_integer_codes_need_categories(self) -> None:
        """Integer codes without categories are refused."""
        with pytest.raises(TypeError, match="categories"):
            convert_many([1.0], np.array([0]), [date(2023, 12, 11)])

    def test_integer_codes_in_range(self) -> None:
        """An integer code must index the categories."""
        with pytest.raises(ValueError, match="from -1 to 1"):
            convert_many(
                [1.0], np.array([2]), [date(2023, 12, 11)], categories=["USD", "EUR"]
            )

    def test_categories_only_with_integers(self) -> None:
        """categories= with string codes is a mistake."""
        with pytest.raises(TypeError, match="integer currency codes only"):
            convert_many([1.0], ["USD"], [date(2023, 12, 11)], categories=["USD"])

    @pytest.mark.parametrize("bad", ["usd", "US", "USDX", "XYZ", ""])
    def test_bad_codes(self, bad: str) -> None:
        """A code that is not ISO 4217 is a CurrencyError, whatever on_missing says."""
        with pytest.raises(CurrencyError):
            convert_many(
                [1.0, 1.0], ["USD", bad], [date(2023, 12, 11)] * 2, on_missing="nan"
            )

    def test_bad_category(self) -> None:
        """Categories must be ISO codes too."""
        with pytest.raises(CurrencyError):
            convert_many(
                [1.0], np.array([0]), [date(2023, 12, 11)], categories=["Euro"]
            )

    def test_text_dates_are_refused(self) -> None:
        """A date given as text is a DateError naming its row."""
        with pytest.raises(DateError, match=r"dates\[1\]"):
            convert_many([1.0, 1.0], ["USD", "USD"], [date(2023, 12, 11), "2023-12-12"])

    def test_number_dates_are_refused(self) -> None:
        """An array of numbers is not an array of dates."""
        with pytest.raises(DateError, match="int64"):
            convert_many([1.0], ["USD"], np.array([738865]))

    def test_lengths_must_match(self) -> None:
        """The three inputs must be the same length."""
        with pytest.raises(ValueError, match="same length"):
            convert_many([1.0, 2.0], ["USD"], [date(2023, 12, 11)])

    def test_on_missing_is_checked(self) -> None:
        """on_missing is 'raise' or 'nan'."""
        with pytest.raises(ValueError, match="on_missing"):
            convert_many([1.0], ["USD"], [date(2023, 12, 11)], on_missing="zero")  # type: ignore[arg-type]

    def test_empty(self) -> None:
        """No rows, no values."""
        result = convert_many([], [], [])

        assert 0 == len(result.amounts)

    @pytest.mark.parametrize("to", ["EUR", "USD"])
    def test_the_caller_s_arrays_are_read_never_written(self, to: str) -> None:
        """Integer codes and datetime64[D] days are used in place, not copied:
        they are left as they were, and no result shares their memory."""
        amounts, codes, days = rows(2_000)
        days[:3] = [
            np.datetime64("NaT", "D"),
            np.datetime64("1990-01-01"),
            np.datetime64("2090-01-01"),
        ]
        before = amounts.copy(), codes.copy(), days.copy()
        chain = ChainedRates(FixedRates("USD", "EUR", "0.9"), ECBRates.bundled())

        for source in (None, chain):
            result = convert_many(
                amounts,
                codes,
                days,
                to,
                categories=CODES,
                source=source,
                on_missing="nan",
            )

            for passed, kept in zip((amounts, codes, days), before, strict=True):
                assert passed.tobytes() == kept.tobytes()
                for made in (result.amounts, result.observed, result.missing):
                    assert not np.shares_memory(made, passed)

    def test_generator_of_dates(self) -> None:
        """Dates may come from any iterable."""
        days = (date(2023, 12, 11) + timedelta(days=i) for i in range(2))
        result = convert_many([1.0, 1.0], ["EUR", "EUR"], days)

        assert [1.0, 1.0] == result.amounts.tolist()


def test_concurrent_first_use() -> None:
    """Eight threads building the same matrix at once get identical results."""
    amounts, codes, days = rows(20_000, seed=3)
    source = ECBRates(_ecb.read_bundle(_ecb.BUNDLE_PATH))  # nothing parsed yet

    def work() -> bytes:
        found = convert_many(
            amounts,
            codes,
            days,
            to="USD",
            categories=CODES,
            source=source,
            on_missing="nan",
        )
        return found.amounts.tobytes() + found.observed.tobytes()

    results = in_threads(work)

    assert 8 == len(results)
    assert all(isinstance(result, bytes) for result in results)
    assert 1 == len(set(results))


class TestEdges:
    def test_pandas_nat_among_dates(self) -> None:
        """pandas.NaT among date objects gives a row without a rate."""
        pd = pytest.importorskip("pandas")
        dates = [date(2023, 12, 11), pd.NaT]
        result = convert_many([1.0, 1.0], ["USD", "USD"], dates, on_missing="nan")

        assert [False, True] == result.missing.tolist()

    def test_nat_is_explained(self) -> None:
        """A NaT row that raises says it has no date."""
        days = np.array(["NaT"], dtype="datetime64[D]")

        with pytest.raises(RateUnavailableError, match=r"no date \(NaT\)"):
            convert_many([1.0], ["USD"], days)

    def test_missing_category_is_explained(self) -> None:
        """A categorical row with no currency (code -1) says so."""
        pd = pytest.importorskip("pandas")
        currencies = pd.Categorical(["USD", None])

        with pytest.raises(RateUnavailableError, match="has no currency"):
            convert_many([1.0, 1.0], currencies, [date(2023, 12, 11)] * 2)

    def test_short_codes(self) -> None:
        """Two-letter codes are refused."""
        with pytest.raises(CurrencyError):
            convert_many([1.0], ["US"], [date(2023, 12, 11)])

    def test_numbers_are_not_currencies(self) -> None:
        """A float array is not a column of currencies."""
        with pytest.raises(TypeError, match="currencies must be"):
            convert_many([1.0], np.array([1.5]), [date(2023, 12, 11)])

    def test_first_source_answers_every_row(self) -> None:
        """A chain whose first source answers everything asks no other."""
        chain = ChainedRates(ECBRates.bundled(), FixedRates("AED", "EUR", "0.25"))
        result = convert_many([1.0], ["USD"], [date(2023, 12, 11)], source=chain)

        assert [0] == result.source_index.tolist()

    def test_fixed_rates_start_and_identity(self) -> None:
        """A stated rate applies from its first date; its quote needs no rate."""
        stated = FixedRates("USD", "EUR", "0.92", valid_from=date(2023, 1, 1))
        result = convert_many(
            [1.0, 1.0],
            ["USD", "EUR"],
            [date(2022, 12, 31)] * 2,
            source=stated,
            on_missing="nan",
        )

        assert [True, False] == result.missing.tolist()

    def test_own_source_without_a_rate(self) -> None:
        """A source of one's own that raises gives missing rows."""
        stated = FixedRates("USD", "EUR", "0.92")

        class Wrapped:
            name = "wrapped"

            def rate(self, base: str, quote: str, *, on: date) -> Conversion:
                return stated.rate(base, quote, on=on)

        days = np.array(["2023-12-11", "NaT", "2023-12-11"], dtype="datetime64[D]")
        result = convert_many(
            [1.0, 1.0, 1.0],
            ["USD", "USD", "GBP"],
            days,
            source=Wrapped(),
            on_missing="nan",
        )

        assert [False, True, True] == result.missing.tolist()

    def test_own_source_with_no_usable_row(self) -> None:
        """When no row has a date, a source of one's own is not asked."""
        days = np.array(["NaT"], dtype="datetime64[D]")
        result = convert_many(
            [1.0], ["USD"], days, source=FixedRatesLike(), on_missing="nan"
        )

        assert [True] == result.missing.tolist()

    def test_bulk_names_are_listed(self) -> None:
        """dir() lists the lazily imported names."""
        from aiecosys import fx

        assert {"convert_many", "BulkConversion"} <= set(dir(fx))


class FixedRatesLike:
    """A source of one's own that must not be asked."""

    name = "never"

    def rate(self, base: str, quote: str, *, on: date) -> Conversion:
        raise AssertionError(on)
