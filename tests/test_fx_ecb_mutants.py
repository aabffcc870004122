"""ECB rates on a small file: every path of a rate and every refusal, word for word.

Found by mutation testing. A file of four days keeps the expected values
independent of the bundled snapshot.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from aiecosys import CurrencyError, DataError, RateUnavailableError
from aiecosys.fx import ECBRates, EuroRate
from aiecosys.fx._conversion import RATE_CONTEXT
from aiecosys.fx._ecb import read_bundle, write_bundle
from tests.fx_support import gap_file


CSV = """Date,USD,JPY,RUB,
2023-12-11,1.0757,N/A,N/A,
2023-12-08,1.0765,156.00,98.5,
2023-12-01,1.0900,160.00,99.0,
2023-11-20,1.0800,161.00,99.5,
"""
NAME = "test rates"
COVERS = "rates cover 2023-11-20 to {} (test rates, snapshot 2023-12-11)"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    file = tmp_path / "rates.csv"
    file.write_text(CSV, encoding="utf-8")
    return file


def rates(path: Path, stale: int = 7) -> ECBRates:
    return ECBRates.from_file(path, max_stale_days=stale, name=NAME)


def refusal(source: ECBRates, base: str, quote: str, on: date) -> str:
    with pytest.raises(RateUnavailableError) as caught:
        source.rate(base, quote, on=on)
    return str(caught.value)


class TestEuroLegs:
    def test_exact(self, path: Path) -> None:
        record = rates(path).rate("EUR", "USD", on=date(2023, 12, 11))
        assert (Decimal("1.0757"), "exact", date(2023, 12, 11), NAME) == (
            record.rate,
            record.method,
            record.observed,
            record.source,
        )
        assert (EuroRate("USD", Decimal("1.0757"), date(2023, 12, 11)),) == record.legs

    def test_last_known_up_to_the_limit(self, path: Path) -> None:
        record = rates(path, stale=2).rate("EUR", "USD", on=date(2023, 12, 10))
        assert ("last_known", date(2023, 12, 8), 2) == (
            record.method,
            record.observed,
            record.age_days,
        )
        assert Decimal("1.0765") == record.rate

    def test_inverse(self, path: Path) -> None:
        record = rates(path).rate("USD", "EUR", on=date(2023, 12, 11))
        assert RATE_CONTEXT.divide(Decimal(1), Decimal("1.0757")) == record.rate
        assert ("USD", "EUR", "exact") == (record.base, record.quote, record.method)
        again = rates(path).rate("USD", "EUR", on=date(2023, 12, 11))
        assert record.rate == again.rate

    def test_a_datetime_is_its_date(self, path: Path) -> None:
        late = datetime(2023, 12, 11, 23, 59, tzinfo=UTC)
        assert date(2023, 12, 11) == rates(path).rate("EUR", "USD", on=late).on


class TestCrossRates:
    def test_both_legs_of_the_last_publication_day(self, path: Path) -> None:
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
        source = rates(path)
        day = date(2023, 12, 11)
        for base, quote in (("USD", "JPY"), ("JPY", "USD")):
            assert refusal(source, base, quote, day).startswith(
                "no JPY rate on 2023-12-11: the last one is from 2023-12-08; the "
                "test rates stopped publishing JPY rates after 2023-12-08"
            )

    def test_either_leg_missing(self, path: Path) -> None:
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
        source = rates(path)
        for code in ("EUR", "USD", "GBP"):
            record = source.rate(code, code, on=date(2023, 12, 10))
            assert (Decimal(1), "identity", code) == (
                record.rate,
                record.method,
                record.quote,
            )

    def test_unknown_code(self, path: Path) -> None:
        with pytest.raises(CurrencyError, match="'XYZ'"):
            rates(path).rate("XYZ", "XYZ", on=date(2023, 12, 10))


class TestRefusals:
    def test_before_the_first_rate(self, path: Path) -> None:
        assert (
            "no USD rate on 2023-11-19: it is before the first one; USD "
            + COVERS.format("2023-12-11")
        ) == refusal(rates(path), "EUR", "USD", date(2023, 11, 19))

    def test_older_than_the_limit(self, path: Path) -> None:
        assert (
            "no USD rate on 2023-12-10: the last one is from 2023-12-08, 2 days "
            "earlier, more than the 1-day limit, and the next from 2023-12-11; USD "
            + COVERS.format("2023-12-11")
        ) == refusal(rates(path, stale=1), "USD", "EUR", date(2023, 12, 10))

    def test_no_staleness_allowed(self, path: Path) -> None:
        assert (
            "no USD rate on 2023-12-09: the last one is from 2023-12-08, 1 day "
            "earlier, and max_stale_days is 0, and the next from 2023-12-11; USD "
            + COVERS.format("2023-12-11")
        ) == refusal(rates(path, stale=0), "EUR", "USD", date(2023, 12, 9))

    def test_after_the_snapshot(self, path: Path) -> None:
        for day in (date(2023, 12, 12), date(2023, 12, 20)):
            assert (
                f"no USD rate on {day}: the last one is from 2023-12-11, the last "
                "day with rates in the data: no later rate is known; load newer "
                "rates with ECBRates.from_file(); USD " + COVERS.format("2023-12-11")
            ) == refusal(rates(path), "EUR", "USD", day)

    def test_a_currency_no_longer_published(self, path: Path) -> None:
        for day in (date(2023, 12, 11), date(2023, 12, 20)):
            assert (
                f"no RUB rate on {day}: the last one is from 2023-12-08; the test "
                "rates stopped publishing RUB rates after 2023-12-08 (on 2023-12-11 "
                "the test rates have other currencies but not RUB), and a rate is "
                "never carried past the end of its series; RUB "
                + COVERS.format("2023-12-08")
            ) == refusal(rates(path), "RUB", "EUR", day)

    def test_the_weekend_after_a_series_ends(self, path: Path) -> None:
        record = rates(path).rate("RUB", "EUR", on=date(2023, 12, 10))
        assert ("last_known", date(2023, 12, 8)) == (record.method, record.observed)

    def test_inside_a_gap(self, tmp_path: Path) -> None:
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
        assert (
            "the test rates have no XAF rates; they cover EUR and JPY, RUB, USD "
            "(snapshot 2023-12-11). For another currency, state a rate with FixedRates"
        ) == refusal(rates(path), "EUR", "XAF", date(2023, 12, 11))


class TestDescription:
    def test_properties(self, path: Path) -> None:
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
        source = rates(path)
        assert (date(2023, 11, 20), date(2023, 12, 11)) == source.coverage("EUR")
        assert (date(2023, 11, 20), date(2023, 12, 8)) == source.coverage("RUB")
        assert (date(2023, 11, 20), date(2023, 12, 11)) == source.coverage("USD")

    @pytest.mark.parametrize("stale", [-1, True, 1.5])
    def test_staleness_must_be_a_count_of_days(self, path: Path, stale: object) -> None:
        with pytest.raises(ValueError) as caught:
            rates(path, stale=stale)  # type: ignore[arg-type]
        assert f"max_stale_days must be an int of 0 or more, not {stale}" == str(
            caught.value
        )


class TestBundle:
    def bundle(self, path: Path) -> Path:
        target = path.parent / "rates.bin"
        write_bundle(path, target)
        return target

    def test_round_trip(self, path: Path) -> None:
        table = read_bundle(str(self.bundle(path)))
        sha256 = hashlib.sha256(CSV.encode()).hexdigest()
        assert (
            "ECB euro reference rates",
            sha256,
            date(2023, 11, 20),
            date(2023, 12, 11),
            "rates.bin",
            ("JPY", "RUB", "USD"),
        ) == (
            table.name,
            table.sha256,
            table.first,
            table.last,
            table.file,
            table.codes,
        )
        record = ECBRates(table).rate("USD", "JPY", on=date(2023, 12, 8))
        assert rates(path).rate("USD", "JPY", on=date(2023, 12, 8)).rate == record.rate
        day = date(2023, 12, 11)  # JPY's series has ended: the bundle knows it too
        assert refusal(ECBRates.from_file(path), "USD", "JPY", day) == refusal(
            ECBRates(table), "USD", "JPY", day
        )

    def damaged(self, target: Path) -> tuple[str | None, str]:
        with pytest.raises(DataError) as caught:
            read_bundle(str(target))
        (problem,) = caught.value.problems
        return problem.file, problem.message

    def test_not_a_bundle(self, path: Path) -> None:
        target = self.bundle(path)
        lines = target.read_bytes().split(b"\n")
        for broken in (
            b"\n".join([lines[0], *lines[2:]]),  # a header line missing
            b"\n".join([lines[0], lines[1], b"name again", *lines[2:]]),  # one more
            b"\n".join([lines[0], b"title x", *lines[2:]]),  # a wrong line
        ):
            target.write_bytes(broken)
            assert (
                "rates.bin",
                (
                    "not an aiecosys rates bundle (expected 'aiecosys-ecb-rates 2' and "
                    "its header); reinstall aiecosys, or rebuild the file"
                ),
            ) == self.damaged(target)

    def test_damaged_header(self, path: Path) -> None:
        target = self.bundle(path)
        data = target.read_bytes()
        target.write_bytes(data.replace(b"dates 2023-11-20 ", b"dates 2023-11-31 "))
        assert (
            "rates.bin",
            "the bundle's header is damaged; reinstall aiecosys, or rebuild the file",
        ) == self.damaged(target)

    def test_wrong_size(self, path: Path) -> None:
        target = self.bundle(path)
        data = target.read_bytes()
        target.write_bytes(data + b"x")
        assert (
            "rates.bin",
            (
                f"the bundle holds {len(data) + 1} bytes, its header says {len(data)}; "
                "reinstall aiecosys, or rebuild the file"
            ),
        ) == self.damaged(target)

    def test_missing(self, tmp_path: Path) -> None:
        assert (
            "gone.bin",
            (
                "cannot read the bundled rates: cannot read the file: No such file or "
                "directory; reinstall aiecosys, or rebuild the file"
            ),
        ) == self.damaged(tmp_path / "gone.bin")

    def test_a_name_that_is_not_ascii_is_kept_readable(self, path: Path) -> None:
        target = self.bundle(path)
        data = target.read_bytes()
        target.write_bytes(data.replace(b"name ECB", b"name \xffECB"))
        assert "\ufffdECB euro reference rates" == read_bundle(str(target)).name


LAYOUT = (
    "the ECB layout is a header 'Date,USD,JPY,...' and then one line per day, "
    "'2023-12-11,1.0757,157.01,...'"
)
NOT_A_RATE = "is not a rate: expected a positive number between 1E-12 and 1E+12, or N/A"


class TestFileProblems:
    """Each problem of an ECB file: (entry, field, message), and the file's name."""

    def problems(
        self, tmp_path: Path, content: str | bytes
    ) -> list[tuple[str | None, str | None, str]]:
        file = tmp_path / "r.csv"
        if isinstance(content, bytes):
            file.write_bytes(content)
        else:
            file.write_text(content, encoding="utf-8")
        with pytest.raises(DataError) as caught:
            ECBRates.from_file(file)
        assert {str(file)} == {p.file for p in caught.value.problems}
        return [(p.entry, p.field, p.message) for p in caught.value.problems]

    @pytest.mark.parametrize(
        ("content", "expected"),
        [
            (
                "",
                [
                    (
                        "line 1",
                        None,
                        f"expected 'Date' as the first column, found '': {LAYOUT}",
                    )
                ],
            ),
            (
                "Day,USD\n2023-12-11,1\n",
                [
                    (
                        "line 1",
                        None,
                        f"expected 'Date' as the first column, found 'Day': {LAYOUT}",
                    )
                ],
            ),
            (
                "Date,usd,EUR,USD\n",
                [
                    (
                        "line 1",
                        "column 2",
                        f"'usd' is not a currency code such as 'USD': {LAYOUT}",
                    ),
                    (
                        "line 1",
                        "column 3",
                        f"'EUR' is not a currency code such as 'USD': {LAYOUT}",
                    ),
                ],
            ),
            (
                "Date,USD,USD,\n2023-12-11,1,1,\n",
                [("line 1", "USD", "this currency has two columns")],
            ),
            ("Date,\n", [("line 1", None, f"no currency columns: {LAYOUT}")]),
            (
                "Date,USD,JPY,\n2023-12-11,1.0757,\n",
                [
                    (
                        "line 2",
                        None,
                        (
                            "expected 4 fields, a date and a rate for each of the 2 "
                            "currencies as in the header, found 3: the line is cut "
                            "short or does not follow the header"
                        ),
                    )
                ],
            ),
            (
                "Date,USD,\n2023-13-11,1.0757,\n",
                [("line 2", "Date", "'2023-13-11' is not a date written YYYY-MM-DD")],
            ),
            (
                "Date,USD,\n2023-12-11,abc,\n",
                [("line 2", "USD", f"'abc' {NOT_A_RATE}")],
            ),
            (
                "Date,USD,\n2023-12-11,1e-12,\n",
                [("line 2", "USD", f"'1e-12' {NOT_A_RATE}")],
            ),
            (
                "Date,USD,\n2023-12-11,1e12,\n",
                [("line 2", "USD", f"'1e12' {NOT_A_RATE}")],
            ),
            (
                "Date,USD,\n2023-12-11,1,\n2023-12-11,2,\n",
                [("line 3", "Date", "2023-12-11 already appears on line 2")],
            ),
            ("Date,USD,\n", [(None, None, "the file has a header but no rates")]),
            (
                b"Date,USD,\n2023-12-11,\xff,\n",
                [(None, None, "not UTF-8 text (byte 21): not an ECB rates file")],
            ),
        ],
    )
    def test_problem(
        self,
        tmp_path: Path,
        content: str | bytes,
        expected: list[tuple[str | None, str | None, str]],
    ) -> None:
        assert expected == self.problems(tmp_path, content)

    def test_rates_just_inside_the_bounds(self, tmp_path: Path) -> None:
        file = tmp_path / "r.csv"
        file.write_text("\ufeffDate,USD,\n2023-12-11,1.1e-12,\n2023-12-12,9e11,\n")
        source = ECBRates.from_file(file)
        assert Decimal("9e11") == source.rate("EUR", "USD", on=date(2023, 12, 12)).rate
        assert str(file) == source.table.file

    def test_problems_stop_at_fifty(self, tmp_path: Path) -> None:
        found = self.problems(
            tmp_path, "Date,USD,\n" + "".join(f"x{n},1,\n" for n in range(60))
        )
        assert 51 == len(found)
        assert ("line 51", "Date", "'x49' is not a date written YYYY-MM-DD") == found[
            49
        ]
        assert (None, None, "stopped after 50 problems") == found[50]
