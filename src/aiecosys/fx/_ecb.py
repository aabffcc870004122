"""The European Central Bank's euro reference rates: the bundled snapshot and ECB files.

The bundled snapshot is a file next to this module, written by
``scripts/update_ecb_rates.py``. It starts with a few lines of ASCII text::

    aiecosys-ecb-rates 1
    name ECB euro reference rates
    sha256 <SHA-256 of the eurofxref-hist.csv it was built from>
    dates <first date> <last date>
    days <size>
    blocks AUD:<size> BGN:<size> ... ZAR:<size>

then an empty line, a zlib block of *size* bytes holding the days on which the
ECB published any rate (the first as a proleptic ordinal, then the gap in days
to each next one), and for each currency in that order a zlib block of *size*
bytes. A currency's block holds two lines of text: its publication days,
written the same way, and its rates, exactly as the ECB wrote them. zlib's
checksum catches a damaged block, and the sizes catch a truncated file. A
currency's block is read only when that currency is first used, so a first
conversion reads three blocks (the days and two currencies), not 42.
"""

from __future__ import annotations

import contextlib
import os
import re
import zlib
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from itertools import accumulate, chain, pairwise, repeat
from typing import Any, Final, Self, TypeAlias

import attrs

from aiecosys._amounts import read_plain_number
from aiecosys._errors import DataError, ParseError, Problem, RateUnavailableError
from aiecosys._i18n import N_, ngettext
from aiecosys._i18n import gettext as _
from aiecosys._locks import new_lock
from aiecosys.fx._conversion import (
    _ONE,
    DEFAULT_MAX_STALE_DAYS,
    RATE_CONTEXT,
    Conversion,
    EuroRate,
    identity,
)
from aiecosys.fx._dates import as_date


__all__ = ["BUNDLE_PATH", "DEFAULT_MAX_STALE_DAYS", "ECBRates", "write_bundle"]

BUNDLE_PATH: Final = os.path.join(os.path.dirname(__file__), "eurofxref.bin")  # noqa: PTH118, PTH120 - pathlib costs import time

_FORMAT: Final = "aiecosys-ecb-rates 2"
_NAME: Final = "ECB euro reference rates"
_CODE: Final = re.compile(r"[A-Z]{3}\Z")
_ISO_DAY: Final = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_MAX_PROBLEMS: Final = 50
_NONE: Final = frozenset({"", "N/A"})


Days: TypeAlias = Sequence[int]
"""Days as proleptic ordinals, oldest first: an `array` of C ints once parsed."""

_DAY: Final = "i"
"""The array type of a day, or of a position among days: a C int (4 bytes;
ordinals stay below 3,652,060). Kept in a Python list, each day would cost a
pointer and an int object, 36 bytes instead of 4: for the 42 currencies since
1999, about 8 MB more (benchmarks/bench_memory.py, "every currency parsed")."""


def _compact(days: Days) -> array[int]:
    return days if isinstance(days, array) else array(_DAY, days)


class _Series:
    """One currency's published rates, oldest first."""

    __slots__ = ("code", "days", "first", "latest", "legs", "span", "texts")

    def __init__(
        self, code: str, days: Days, texts: list[str], published: Days
    ) -> None:
        self.code = code
        self.days = _compact(days)
        """Publication days, as proleptic ordinals (`date.toordinal()`)."""
        self.first = days[0]
        self.latest = _latest(days, published)
        """For each day from the first publication on, the position of the rate
        that serves it, or -1 on a day no rate serves: a look-up without a
        search. A rate serves the days after it up to the next day on which
        the source published anything; a day on which the source published
        other currencies but not this one ends it (a gap, or the series' end)."""
        self.span = len(self.latest)
        self.texts = texts
        """The rates as published, parallel to `days`."""
        self.legs: list[EuroRate | None] = [None] * len(days)
        """Each day's rate as a record, built on first use and kept."""

    def at(self, ordinal: int, stale: int) -> EuroRate | None:
        """Return the rate to use on *ordinal*, at most *stale* days old, or None."""
        offset = ordinal - self.first
        index = self.latest[offset] if 0 <= offset < self.span else -1
        if index < 0 or ordinal - self.days[index] > stale:
            return None
        return self.legs[index] or self.leg(index)

    def leg(self, index: int) -> EuroRate:
        leg = EuroRate(
            self.code, Decimal(self.texts[index]), date.fromordinal(self.days[index])
        )
        self.legs[index] = leg
        return leg


def _next_published(published: Days, day: int) -> int | None:
    """Return the first day after *day* on which the source published anything."""
    after = bisect_right(published, day)
    return published[after] if after < len(published) else None


def _latest(days: Days, published: Days) -> array[int]:
    """Map each day from ``days[0]`` to the position of the rate serving it (-1: none).

    *published* holds every day on which the source published any rate, so
    that a day this series lacks among them is told from a weekend.
    """
    end = _next_published(published, days[-1])
    lengths = [later - earlier for earlier, later in pairwise(days)]
    lengths.append(1 if end is None else end - days[-1])
    latest = array(_DAY, chain.from_iterable(map(repeat, range(len(days)), lengths)))
    first = days[0]
    inside = bisect_right(published, days[-1]) - bisect_left(published, first)
    if inside != len(days):  # the source published days this series lacks
        for earlier, later in pairwise(days):
            stop = _next_published(published, earlier)
            if stop is not None and stop < later:
                latest[stop - first : later - first] = array(
                    _DAY, repeat(-1, later - stop)
                )
    return latest


RECORDS_KEPT: Final = 4096
"""How many conversion records a table keeps for reuse (about 3 MB when full).

A warm conversion is then a dictionary look-up (see benchmarks/bench_fx.py,
"Warm scalar conversion at a date"); a loop over more distinct dates and
pairs than this simply makes each record again.
"""


class _Table:
    """The rates of one ECB file, each currency parsed on first use."""

    def __init__(  # noqa: PLR0917 - built in two places only
        self,
        name: str,
        sha256: str,
        first: date,
        last: date,
        blocks: dict[str, memoryview | tuple[Days, list[str]]],
        published: memoryview | Days,
        file: str,
    ) -> None:
        self.name = name
        self.sha256 = sha256
        self.first = first
        self.last = last
        self.version = f"{last.isoformat()} sha256:{sha256[:12]}"
        self.codes = tuple(sorted(blocks))
        self.known = frozenset(self.codes)
        self.file = file
        self.series: dict[str, _Series] = {}
        """The currencies parsed so far, by code."""
        self._blocks = blocks
        self._published = published
        self._lock = new_lock()
        self.bulk: dict[Any, Any] = {}
        """Columns for bulk conversion, keyed and filled by `_bulk`."""
        self.bulk_lock = new_lock()
        self.records: dict[tuple[str, str, date, int], Conversion] = {}
        """Conversion records already made, keyed on the pair, the requested
        date and the staleness limit; at most `RECORDS_KEPT`, oldest dropped."""

    def remember(self, key: tuple[str, str, date, int], record: Conversion) -> None:
        """Keep *record* for *key*, dropping the oldest record when full.

        A record is an immutable value determined by its key (the table's
        data, name and version never change), so any thread may read
        `records` at any time; writes take the lock, so that two threads
        never drop the same record. Only keys of plain `str` and `date` are
        kept, so that a record's fields never come from a subclass's instance.
        """
        records = self.records
        with self._lock:
            if len(records) >= RECORDS_KEPT:
                del records[next(iter(records))]
            records[key] = record

    def published(self) -> Days:
        """Return the days on which the source published any rate, oldest first."""
        with self._lock:
            return self._published_days()

    def _published_days(self) -> Days:
        published = self._published
        if isinstance(published, memoryview):
            published = self._published = _parse_days(published, self.file)
        elif not isinstance(published, array):
            published = self._published = _compact(published)
        return published

    def load(self, code: str) -> _Series:
        """Return the series of *code*, parsing it on first use."""
        with self._lock:
            series = self.series.get(code)
            if series is not None:
                return series
            if code not in self._blocks:
                raise self._not_published(code)
            block = self._blocks[code]
            days, texts = (
                _parse_block(code, block, self.file)
                if isinstance(block, memoryview)
                else block
            )
            series = _Series(code, days, texts, self._published_days())
            self.series[code] = series
            del self._blocks[code]
            return series

    def _not_published(self, code: str) -> Exception:
        from aiecosys._currency import validate_currency

        validate_currency(code)
        return RateUnavailableError(
            _(
                "the {name} have no {code} rates; they cover EUR and {codes} "
                "(snapshot {snapshot}). For another currency, state a rate with "
                "FixedRates"
            ).format(
                name=self.name,
                code=code,
                codes=", ".join(self.codes),
                snapshot=self.last.isoformat(),
            )
        )


# -- the bundled snapshot ----------------------------------------------------

_bundle_lock: Final = new_lock()
_bundle: _Table | None = None


def _bundled_table() -> _Table:
    global _bundle  # noqa: PLW0603 - a load-once cache, guarded by _bundle_lock
    with _bundle_lock:
        if _bundle is None:
            _bundle = read_bundle(BUNDLE_PATH)
        return _bundle


def _damaged(file: str, what: str) -> DataError:
    return DataError(
        [
            Problem(
                _("{problem}; reinstall aiecosys, or rebuild the file").format(
                    problem=what
                ),
                file=file,
            )
        ]
    )


def read_bundle(path: str) -> _Table:
    """Read the header of a bundle from `write_bundle`; blocks are parsed later."""
    from aiecosys._reading import read_bytes

    file = os.path.basename(path)  # noqa: PTH119 - pathlib costs import time
    try:
        data = read_bytes(path)
    except DataError as error:
        what = error.problems[0].message
        raise _damaged(
            file, _("cannot read the bundled rates: {reason}").format(reason=what)
        ) from error
    end = data.find(b"\n\n")
    lines = data[: max(end, 0)].decode("ascii", "replace").split("\n")
    starts = (_FORMAT, "name ", "sha256 ", "dates ", "days ", "blocks ")
    if len(lines) != len(starts) or not all(
        line.startswith(start) for line, start in zip(lines, starts, strict=True)
    ):
        raise _damaged(
            file,
            _(
                "not an aiecosys rates bundle (expected {format!r} and its header)"
            ).format(format=_FORMAT),
        )
    try:
        first, last = (date.fromisoformat(text) for text in lines[3][6:].split(" "))
        days = int(lines[4][5:])
        sizes = [
            (code, int(size))
            for code, size in (item.split(":") for item in lines[5][7:].split(" "))
        ]
    except ValueError:
        raise _damaged(file, _("the bundle's header is damaged")) from None
    view = memoryview(data)
    offset = end + 2 + days
    published = view[end + 2 : offset]
    blocks: dict[str, memoryview | tuple[Days, list[str]]] = {}
    for code, size in sizes:
        blocks[code] = view[offset : offset + size]
        offset += size
    if offset != len(data):
        raise _damaged(
            file,
            _("the bundle holds {size} bytes, its header says {said}").format(
                size=len(data), said=offset
            ),
        )
    return _Table(lines[1][5:], lines[2][7:], first, last, blocks, published, file)


_BLOCK_LIMIT: Final = 4 * 1024 * 1024
"""The most bytes one block of a bundle inflates to (4 MiB): some fifty times
the largest block, a currency's rates since 1999."""


def _inflate(block: memoryview, file: str, code: str | None) -> bytes:
    """Decompress one block of a bundle, refusing more than `_BLOCK_LIMIT` bytes.

    *code* is the currency whose rates the block holds, None for the days
    the rates were published.
    """
    inflater = zlib.decompressobj()
    try:
        data = inflater.decompress(block, _BLOCK_LIMIT)
    except zlib.error:
        data = b""
    if not inflater.eof and len(data) == _BLOCK_LIMIT:
        message = (
            _("the publication days inflate to more than {limit} bytes")
            if code is None
            else _("the {code} rates inflate to more than {limit} bytes")
        )
        raise _damaged(file, message.format(code=code, limit=f"{_BLOCK_LIMIT:,}"))
    if not inflater.eof or inflater.unused_data:
        raise _damaged(file, _block_damaged(code))
    return data


def _block_damaged(code: str | None) -> str:
    if code is None:
        return _("the publication days are damaged")
    return _("the {code} rates are damaged").format(code=code)


def _parse_days(block: memoryview, file: str) -> Days:
    data = _inflate(block, file, None)
    try:
        gaps = list(map(int, data.split(b",")))
    except ValueError:
        gaps = []
    if min(gaps[1:], default=1) < 1 or not gaps:
        raise _damaged(file, _block_damaged(None))
    return array(_DAY, accumulate(gaps))


def _parse_block(code: str, block: memoryview, file: str) -> tuple[Days, list[str]]:
    data = _inflate(block, file, code)
    try:
        deltas, rates = data.decode("ascii").split("\n")
        gaps = list(map(int, deltas.split(",")))
        texts = rates.split(",")
    except (UnicodeDecodeError, ValueError):
        raise _damaged(file, _block_damaged(code)) from None
    if len(gaps) != len(texts) or min(gaps[1:], default=1) < 1:
        raise _damaged(file, _block_damaged(code))
    return array(_DAY, accumulate(gaps)), texts


def _deltas(days: Days) -> str:
    """Write days as the first ordinal, then the gap to each next one."""
    return ",".join(
        map(str, [days[0], *(later - earlier for earlier, later in pairwise(days))])
    )


def write_bundle(
    source: str | os.PathLike[str], target: str | os.PathLike[str]
) -> ECBRates:
    """Rebuild the bundle at *target* from an ECB ``eurofxref-hist`` CSV or zip.

    Returns the rates read from *source*, so that the caller can report them.
    The output is reproducible: the same input gives the same bytes.
    """
    rates = ECBRates.from_file(source)
    table = rates.table
    days = zlib.compress(_deltas(table.published()).encode("ascii"), 9)
    blocks = []
    for code in table.codes:
        series = table.load(code)
        text = _deltas(series.days) + "\n" + ",".join(series.texts)
        blocks.append((code, zlib.compress(text.encode("ascii"), 9)))
    header = [
        _FORMAT,
        f"name {table.name}",
        f"sha256 {table.sha256}",
        f"dates {table.first.isoformat()} {table.last.isoformat()}",
        f"days {len(days)}",
        "blocks " + " ".join(f"{code}:{len(block)}" for code, block in blocks),
    ]
    with open(target, "wb") as stream:  # noqa: PTH123
        stream.write("\n".join(header).encode("ascii") + b"\n\n")
        stream.write(days)
        stream.writelines(block for _, block in blocks)
    return rates


# -- ECB files -----------------------------------------------------------------


def _read_file(path: str | os.PathLike[str]) -> tuple[bytes, str]:
    """Return the CSV bytes of an ECB file, a CSV or a zip holding one CSV.

    The file, and the CSV inside a zip, are read only up to
    `FILE_LIMIT <aiecosys._reading.FILE_LIMIT>` bytes: a zip member's declared
    size is checked first, then it is read through a bounded stream, as a
    small zip can hold gigabytes.
    """
    import io
    import zipfile

    from aiecosys._reading import FILE_LIMIT, read_bytes

    name = os.fspath(path)
    data = read_bytes(name)
    if not data.startswith(b"PK\x03\x04"):
        return data, name
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = [
                info for info in archive.infolist() if info.filename.endswith(".csv")
            ]
            if len(members) != 1:
                message = _("expected one .csv file in the zip, found {count}").format(
                    count=len(members)
                )
                raise DataError([Problem(message, file=name)])
            member = members[0]
            where = f"{name}:{member.filename}"
            too_large = DataError(
                [
                    Problem(
                        _(
                            "the CSV in the zip is larger than {limit} bytes, the "
                            "most aiecosys reads; split it into smaller files"
                        ).format(limit=f"{FILE_LIMIT:,}"),
                        file=where,
                    )
                ]
            )
            if member.file_size > FILE_LIMIT:
                raise too_large
            with archive.open(member) as stream:
                text = stream.read(FILE_LIMIT + 1)
            if len(text) > FILE_LIMIT:
                raise too_large
            return text, where
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        EOFError,
        OSError,
        NotImplementedError,
        RuntimeError,
        ValueError,
    ) as error:
        if isinstance(error, DataError):
            raise
        raise DataError(
            [
                Problem(
                    _("not a readable zip file ({error})").format(error=error),
                    file=name,
                )
            ]
        ) from error


_SPAN_LIMIT: Final = 200 * 366
"""The most days from a rates file's first date to its last (200 years): far more
than any series of daily rates, and a bound on the look-up tables built per
currency, which have one entry per calendar day."""


def _parse_csv(data: bytes, file: str, name: str) -> _Table:
    """Parse the ECB layout, checking everything before building anything."""
    import hashlib

    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        message = _("not UTF-8 text (byte {byte}): not an ECB rates file").format(
            byte=error.start
        )
        raise DataError([Problem(message, file=file)]) from None
    lines = text.splitlines()
    codes, width = _parse_header(lines[0] if lines else "", file)
    rows: list[tuple[int, list[str]]] = []
    seen: dict[int, int] = {}
    problems: list[Problem] = []
    for number, line in enumerate(lines[1:], start=2):
        if len(problems) >= _MAX_PROBLEMS:
            problems.append(
                Problem(
                    _("stopped after {count} problems").format(count=_MAX_PROBLEMS),
                    file=file,
                )
            )
            break
        if line.strip():
            row = _parse_row(line, codes, width, Problem(file=file, message=""), number)
            if isinstance(row, list):
                problems.extend(row)
            elif row[0] in seen:
                problems.append(
                    Problem(
                        _("{date} already appears on line {line}").format(
                            date=row[1][0], line=seen[row[0]]
                        ),
                        file=file,
                        entry=f"line {number}",
                        field="Date",
                    )
                )
            else:
                seen[row[0]] = number
                rows.append(row)
    if not rows and not problems:
        problems.append(Problem(_("the file has a header but no rates"), file=file))
    if problems:
        raise DataError(problems)
    rows.sort()
    _check_span(rows, seen, file)
    sha256 = hashlib.sha256(data).hexdigest()
    first, last = date.fromordinal(rows[0][0]), date.fromordinal(rows[-1][0])
    blocks, published = _columns(codes, rows)
    return _Table(name, sha256, first, last, blocks, published, file)


def _columns(
    codes: list[str], rows: list[tuple[int, list[str]]]
) -> tuple[dict[str, memoryview | tuple[Days, list[str]]], list[int]]:
    """Return each currency's days and rates, and the days with any rate at all."""
    blocks: dict[str, memoryview | tuple[Days, list[str]]] = {}
    for column, code in enumerate(codes, 1):
        kept = [
            (day, fields[column]) for day, fields in rows if fields[column] not in _NONE
        ]
        if kept:
            blocks[code] = ([day for day, _ in kept], [rate for _, rate in kept])
    published = [
        day for day, fields in rows if not _NONE.issuperset(fields[1 : len(codes) + 1])
    ]
    return blocks, published


def _check_span(
    rows: list[tuple[int, list[str]]], seen: dict[int, int], file: str
) -> None:
    """Refuse a file whose dates, oldest first in *rows*, span more than the limit."""
    first, last = rows[0][0], rows[-1][0]
    if last - first >= _SPAN_LIMIT:
        message = _(
            "the dates run from {first} to {last}, more than {limit} days (200 "
            "years), the longest span aiecosys reads from one rates file; correct "
            "the dates in error, or split the file"
        ).format(
            first=date.fromordinal(first),
            last=date.fromordinal(last),
            limit=f"{_SPAN_LIMIT:,}",
        )
        where = f"line {seen[last]}"
        raise DataError([Problem(message, file=file, entry=where, field="Date")])


def _parse_header(header: str, file: str) -> tuple[list[str], int]:
    names = [field.strip() for field in header.split(",")]
    width = len(names)
    if names and not names[-1]:
        names.pop()  # ECB lines end with a comma
    layout = _(
        "the ECB layout is a header 'Date,USD,JPY,...' and then one line per day, "
        "'2023-12-11,1.0757,157.01,...'"
    )
    if not names or names[0] != "Date":
        first = names[0] if names else ""
        raise DataError(
            [
                Problem(
                    _(
                        "expected 'Date' as the first column, found {first!r}: {layout}"
                    ).format(first=first, layout=layout),
                    file=file,
                    entry="line 1",
                )
            ]
        )
    codes = names[1:]
    problems = [
        Problem(
            _("{code!r} is not a currency code such as 'USD': {layout}").format(
                code=code, layout=layout
            ),
            file=file,
            entry="line 1",
            field=f"column {column}",
        )
        for column, code in enumerate(codes, start=2)
        if not _CODE.match(code) or code == "EUR"
    ]
    problems.extend(
        Problem(
            _("this currency has two columns"), file=file, entry="line 1", field=code
        )
        for code in sorted({code for code in codes if codes.count(code) > 1})
    )
    if not codes:
        problems.append(
            Problem(
                _("no currency columns: {layout}").format(layout=layout),
                file=file,
                entry="line 1",
            )
        )
    if problems:
        raise DataError(problems)
    return codes, width


def _ordinal(text: str) -> int | None:
    if _ISO_DAY.match(text):
        with contextlib.suppress(ValueError):
            return date.fromisoformat(text).toordinal()
    return None


def _is_rate(text: str) -> bool:
    try:
        value = read_plain_number(text, what=N_("a rate"))
    except ParseError:
        return False
    return value.is_finite() and _RATE_LOW < value < _RATE_HIGH


# Published rates run from about 1e-4 (a euro in a strong currency) to about
# 1e5 (a euro in rupiah or rials); these bounds leave room for any real rate and
# refuse what can only be a mistake (an exponent, a misplaced decimal mark).
_RATE_LOW: Final = Decimal("1e-12")
_RATE_HIGH: Final = Decimal("1e12")


def _parse_row(
    line: str, codes: list[str], width: int, where: Problem, number: int
) -> tuple[int, list[str]] | list[Problem]:
    """Return the day and fields of one line, or the problems found in it."""
    fields = [field.strip() for field in line.split(",")]
    entry = f"line {number}"
    if len(fields) != width:
        message = _(
            "expected {width} fields, a date and a rate for each of the {count} "
            "currencies as in the header, found {found}: the line is cut short or "
            "does not follow the header"
        ).format(width=width, count=len(codes), found=len(fields))
        return [attrs.evolve(where, message=message, entry=entry)]
    problems = []
    day = _ordinal(fields[0])
    if day is None:
        message = _("{text!r} is not a date written YYYY-MM-DD").format(text=fields[0])
        problems.append(attrs.evolve(where, message=message, entry=entry, field="Date"))
    for code, text in zip(codes, fields[1:], strict=False):
        if text not in _NONE and not _is_rate(text):
            message = _(
                "{text!r} is not a rate: expected a positive number between {low} "
                "and {high}, or N/A"
            ).format(text=text, low=_RATE_LOW, high=_RATE_HIGH)
            problems.append(
                attrs.evolve(where, message=message, entry=entry, field=code)
            )
    if problems or day is None:
        return problems
    return day, fields


# -- the source ----------------------------------------------------------------


def _check_stale_days(
    _instance: ECBRates, _attribute: attrs.Attribute[int], value: int
) -> None:
    if type(value) is not int or value < 0:
        raise ValueError(
            _("max_stale_days must be an int of 0 or more, not {value!r}").format(
                value=value
            )
        )


@attrs.frozen(slots=False, repr=False)
class ECBRates:
    """Euro reference rates of the European Central Bank, with a staleness policy.

    The bundled snapshot ([bundled][aiecosys.fx.ECBRates.bundled]) works
    offline; a newer ``eurofxref-hist`` file from the ECB can be loaded with
    [from_file][aiecosys.fx.ECBRates.from_file]. A rate is the one published
    for the requested date or, failing that, the last one published before it,
    at most [max_stale_days][aiecosys.fx.ECBRates.max_stale_days] earlier,
    provided the source published nothing at all in between: a day with other
    currencies but not this one means its series has ended or has a gap, and
    no date after the data's last day has a rate. Nothing is interpolated, and
    nothing published after the date is used.

    Examples:
        >>> from datetime import date
        >>> from aiecosys.fx import ECBRates
        >>> ecb = ECBRates.bundled()
        >>> ecb.rate("EUR", "CNY", on=date(2023, 6, 13)).rate
        Decimal('7.7167')
        >>> strict = ECBRates.bundled(max_stale_days=0)
        >>> strict.rate("EUR", "CNY", on=date(2023, 6, 17))  # a Saturday
        Traceback (most recent call last):
        ...
        aiecosys.RateUnavailableError: no CNY rate on 2023-06-17:
        the last one is from 2023-06-16, ...
    """

    table: _Table = attrs.field(eq=False)
    """The parsed file, shared by every policy over the same data."""
    max_stale_days: int = attrs.field(
        default=DEFAULT_MAX_STALE_DAYS, validator=_check_stale_days
    )
    """How many days old a rate may be: 7 by default, which covers weekends and
    holidays; 0 accepts only rates published for the requested date."""

    @classmethod
    def bundled(cls, *, max_stale_days: int = DEFAULT_MAX_STALE_DAYS) -> Self:
        """Return the rates bundled with aiecosys, loaded on first use.

        Examples:
            >>> from aiecosys.fx import ECBRates
            >>> ECBRates.bundled().first_date
            datetime.date(1999, 1, 4)
        """
        return cls(_bundle or _bundled_table(), max_stale_days)

    @classmethod
    def from_file(
        cls,
        path: str | os.PathLike[str],
        *,
        max_stale_days: int = DEFAULT_MAX_STALE_DAYS,
        name: str = _NAME,
    ) -> Self:
        """Load rates from a file in the ECB layout, such as a newer eurofxref-hist.

        The file is the CSV the ECB publishes, or the zip holding it: a header
        ``Date,USD,JPY,...`` and one line per day, newest or oldest first, with
        ``N/A`` where a currency has no rate. The whole file is checked before
        anything is used.

        Args:
            path: The CSV file, or a zip holding one CSV file.
            max_stale_days: How many days old a rate may be.
            name: The source's name in the provenance of each rate.

        Raises:
            DataError: The file cannot be read or does not follow the layout;
                each problem names the file, the line and the column. A file
                (or the CSV in a zip) larger than 64 MiB, or whose dates span
                more than 200 years, is refused with the bound named.

        Examples:
            >>> import pathlib, tempfile
            >>> from datetime import date
            >>> from aiecosys.fx import ECBRates
            >>> path = pathlib.Path(tempfile.mkdtemp()) / "rates.csv"
            >>> _ = path.write_text('''Date,USD,JPY,
            ... 2023-12-11,1.0757,157.01,
            ... ''')
            >>> rates = ECBRates.from_file(path)
            >>> rates.rate("USD", "JPY", on=date(2023, 12, 11)).method
            'cross_via_eur'
            >>> _ = path.write_text('''Date,USD,JPY,
            ... 2023-12-11,1.0757,
            ... ''')
            >>> ECBRates.from_file(path)
            Traceback (most recent call last):
            ...
            aiecosys.DataError: 1 problem found:
              - ...rates.csv: entry 'line 2': expected 4 fields, ... found 3: ...
        """
        data, file = _read_file(path)
        return cls(_parse_csv(data, file, name), max_stale_days)

    @property
    def name(self) -> str:
        """The source's name, as given in each rate's provenance."""
        return self.table.name

    @property
    def version(self) -> str:
        """The data's version: its last date and the start of its SHA-256.

        Examples:
            >>> from aiecosys.fx import ECBRates
            >>> ECBRates.bundled().version
            '2026-10-30 sha256:...'
        """
        return self.table.version

    @property
    def sha256(self) -> str:
        """The SHA-256 of the ECB CSV file the rates were read from."""
        return self.table.sha256

    @property
    def first_date(self) -> date:
        """The first publication date in the data."""
        return self.table.first

    @property
    def last_date(self) -> date:
        """The last publication date in the data: the snapshot's date."""
        return self.table.last

    @property
    def currencies(self) -> tuple[str, ...]:
        """The codes of the currencies with rates against the euro, sorted.

        Examples:
            >>> from aiecosys.fx import ECBRates
            >>> "CNY" in ECBRates.bundled().currencies
            True
        """
        return self.table.codes

    def coverage(self, currency: str) -> tuple[date, date]:
        """Return the first and last dates with a published rate for *currency*.

        Examples:
            >>> from aiecosys.fx import ECBRates
            >>> ECBRates.bundled().coverage("CNY")
            (datetime.date(2005, 4, 1), datetime.date(2026, 10, 30))
        """
        if currency == "EUR":
            return self.table.first, self.table.last
        series = self.table.series.get(currency) or self.table.load(currency)
        return date.fromordinal(series.days[0]), date.fromordinal(series.days[-1])

    def rate(self, base: str, quote: str, *, on: date) -> Conversion:
        """Return the rate from *base* to *quote* for a date, with its provenance.

        Rates against the euro are used as published, or inverted; other pairs
        are crossed through the euro (see [Method][aiecosys.fx.Method]).

        Raises:
            RateUnavailableError: No rate was published for the date, nor
                one that serves it: a rate serves the following days on which
                the source published nothing at all (weekends, holidays), up
                to [max_stale_days][aiecosys.fx.ECBRates.max_stale_days], and
                never past the data's last day. A day on which other
                currencies were published but not this one ends the series or
                opens a gap in it. The message says which, and gives the
                currency's covered range and the snapshot's date.

        Examples:
            >>> from datetime import date
            >>> from aiecosys.fx import ECBRates
            >>> ECBRates.bundled().rate("ISK", "EUR", on=date(2012, 5, 2))
            Traceback (most recent call last):
            ...
            aiecosys.RateUnavailableError: no ISK rate on 2012-05-02:
            the last one is from 2008-12-09, and the next from 2018-02-01:
            a gap in the ISK series (on 2008-12-10 the ECB euro reference rates
            have other currencies but not ISK), and a rate is never carried
            across a gap; ISK rates cover 1999-01-04 to ...
        """
        day = on if type(on) is date else as_date(on)
        key = (base, quote, day, self.max_stale_days)
        try:
            record = self.table.records.get(key)
        except TypeError:  # an unhashable code, such as a list
            from aiecosys._currency import validate_currency

            validate_currency(base)
            validate_currency(quote)
            raise
        if record is None:
            record = self._rate(base, quote, day)
            if type(base) is str and type(quote) is str and type(day) is date:
                self.table.remember(key, record)
        return record

    def _rate(self, base: str, quote: str, day: date) -> Conversion:
        """Make the record of `rate`, for a date already checked."""
        table = self.table
        if base == quote:
            if base != "EUR" and base not in table.known:
                from aiecosys._currency import validate_currency

                validate_currency(base)
            return identity(base, day)
        if base == "EUR" or quote == "EUR":
            code = quote if base == "EUR" else base
            series = table.series.get(code) or table.load(code)
            leg = series.at(day.toordinal(), self.max_stale_days)
            if leg is None:
                raise self._unavailable(series, day)
            return Conversion(
                leg.rate if base == "EUR" else RATE_CONTEXT.divide(_ONE, leg.rate),
                base,
                quote,
                day,
                leg.published,
                "exact" if leg.published == day else "last_known",
                table.name,
                table.version,
                (leg,),
            )
        ordinal = day.toordinal()
        first_series = table.series.get(base) or table.load(base)
        first = first_series.at(ordinal, self.max_stale_days)
        if first is None:
            raise self._unavailable(first_series, day)
        second_series = table.series.get(quote) or table.load(quote)
        second = second_series.at(ordinal, self.max_stale_days)
        if second is None:
            raise self._unavailable(second_series, day)
        return Conversion(
            RATE_CONTEXT.divide(second.rate, first.rate),
            base,
            quote,
            day,
            min(first.published, second.published),
            "cross_via_eur",
            table.name,
            table.version,
            (first, second),
        )

    def _unavailable(self, series: _Series, day: date) -> RateUnavailableError:
        """Say why no rate of *series* serves *day*, and what would."""
        # Imported on this error path only: 1.5 ms of a first conversion
        # (benchmarks/bench_fx.py, fresh process).
        from aiecosys._dates import readable_period

        code, days, table = series.code, series.days, self.table
        first, last = date.fromordinal(days[0]), date.fromordinal(days[-1])
        covered = _(
            "{code} rates cover {first} to {last} ({name}, snapshot {snapshot})"
        ).format(
            code=code,
            first=readable_period(first),
            last=readable_period(last),
            name=table.name,
            snapshot=readable_period(table.last),
        )
        ordinal = day.toordinal()
        index = bisect_right(days, ordinal) - 1
        if index < 0:
            return RateUnavailableError(
                _(
                    "no {code} rate on {day}: it is before the first one; {covered}"
                ).format(code=code, day=readable_period(day), covered=covered)
            )
        previous = date.fromordinal(days[index])
        following = date.fromordinal(days[index + 1]) if index + 1 < len(days) else None
        other = _next_published(table.published(), days[index])
        if other is not None and other <= ordinal:
            without = _(
                "on {day} the {name} have other currencies but not {code}"
            ).format(
                day=readable_period(date.fromordinal(other)), name=table.name, code=code
            )
            why = (
                _(
                    "the last one is from {previous}; the {name} stopped publishing "
                    "{code} rates after {previous} ({without}), and a rate is never "
                    "carried past the end of its series"
                )
                if following is None
                else _(
                    "the last one is from {previous}, and the next from {following}: "
                    "a gap in the {code} series ({without}), and a rate is never "
                    "carried across a gap"
                )
            ).format(
                previous=readable_period(previous),
                following=following and readable_period(following),
                name=table.name,
                code=code,
                without=without,
            )
        elif other is None:
            why = _(
                "the last one is from {previous}, the last day with rates in the "
                "data: no later rate is known; load newer rates with "
                "ECBRates.from_file()"
            ).format(previous=readable_period(previous))
        else:
            why = self._stale(previous, (day - previous).days, following)
        return RateUnavailableError(
            _("no {code} rate on {day}: {why}; {covered}").format(
                code=code, day=readable_period(day), why=why, covered=covered
            )
        )

    def _stale(self, previous: date, age: int, following: date | None) -> str:
        """Why the last rate, *age* days before, is too old to serve."""
        from aiecosys._dates import readable_period  # an error path, as above

        limit = self.max_stale_days
        if limit and following is None:
            stale = ngettext(
                "the last one is from {previous}, {age} day earlier, more than the "
                "{limit}-day limit",
                "the last one is from {previous}, {age} days earlier, more than the "
                "{limit}-day limit",
                age,
            )
        elif limit:
            stale = ngettext(
                "the last one is from {previous}, {age} day earlier, more than the "
                "{limit}-day limit, and the next from {following}",
                "the last one is from {previous}, {age} days earlier, more than the "
                "{limit}-day limit, and the next from {following}",
                age,
            )
        elif following is None:
            stale = ngettext(
                "the last one is from {previous}, {age} day earlier, and "
                "max_stale_days is 0",
                "the last one is from {previous}, {age} days earlier, and "
                "max_stale_days is 0",
                age,
            )
        else:
            stale = ngettext(
                "the last one is from {previous}, {age} day earlier, and "
                "max_stale_days is 0, and the next from {following}",
                "the last one is from {previous}, {age} days earlier, and "
                "max_stale_days is 0, and the next from {following}",
                age,
            )
        return stale.format(
            previous=readable_period(previous),
            age=age,
            limit=limit,
            following=following and readable_period(following),
        )

    def __repr__(self) -> str:
        return (
            f"ECBRates(version={self.version!r}, max_stale_days={self.max_stale_days})"
        )
