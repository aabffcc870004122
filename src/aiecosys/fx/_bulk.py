"""Bulk conversion of numpy arrays and pandas columns, in float64.

numpy is imported only when [convert_many][aiecosys.fx.convert_many] is called.
For ECB rates, a dense matrix of (day, currency) rates is built once per data
file, quote currency and staleness limit, a column at a time as currencies are
first asked for, and kept on the data (its days are bounded by the longest span
of dates a rates file may have); each call is then a few vectorised
look-ups into it.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, Final, Literal

import attrs

from aiecosys._errors import DateError, RateUnavailableError
from aiecosys._i18n import gettext as _
from aiecosys.fx._conversion import _ONE, RATE_CONTEXT
from aiecosys.fx._ecb import ECBRates
from aiecosys.fx._sources import ChainedRates, FixedRates


if TYPE_CHECKING:
    from collections.abc import Sequence

    import numpy as np
    import numpy.typing as npt

    from aiecosys.fx._ecb import _Table
    from aiecosys.fx._sources import RateSource

    Floats = npt.NDArray[np.float64]
    Days = npt.NDArray[np.int64]
    Codes = npt.NDArray[np.intp]
    Which = npt.NDArray[np.int8]


__all__ = ["BulkConversion", "convert_many"]

_EPOCH: Final = date(1970, 1, 1).toordinal()
_NAT: Final = -(2**63)  # numpy's NaT as int64
_LETTERS: Final = 26
_KEYS: Final = _LETTERS**3


@attrs.frozen(slots=False, eq=False)
class BulkConversion:
    """The result of [convert_many][aiecosys.fx.convert_many], with provenance per row.

    Examples:
        >>> import numpy as np
        >>> from aiecosys.fx import convert_many
        >>> result = convert_many(
        ...     np.array([100.0, 100.0]),
        ...     np.array(["USD", "JPY"]),
        ...     np.array(["2023-11-04", "2023-11-06"], dtype="datetime64[D]"),
        ... )
        >>> result.amounts.round(4)
        array([93.4405,  0.6216])
        >>> result.observed
        array(['2023-11-03', '2023-11-06'], dtype='datetime64[D]')
    """

    amounts: npt.NDArray[np.float64]
    """The converted amounts, float64; NaN where a row has no rate."""
    observed: npt.NDArray[np.datetime64]
    """Per row, the date of the rate used (datetime64[D]): for a cross rate the
    earlier of its two legs' dates, for a row already in the target currency its
    own date; NaT where a row has no rate."""
    missing: npt.NDArray[np.bool_]
    """True for the rows that have no rate (only when ``on_missing="nan"``)."""
    quote: str
    """The currency converted to."""
    sources: tuple[str, ...]
    """The names of the sources, in the order tried."""
    source_index: npt.NDArray[np.int8]
    """Per row, the position in [sources][aiecosys.fx.BulkConversion.sources] of
    the source that gave the rate; -1 for a row that needed none or had none."""


def convert_many(
    amounts: npt.ArrayLike,
    currencies: Any,
    dates: Any,
    to: str = "EUR",
    *,
    categories: Sequence[str] | None = None,
    source: RateSource | None = None,
    on_missing: Literal["raise", "nan"] = "raise",
) -> BulkConversion:
    """Convert many amounts, each in its currency at its date, into one currency.

    The rates are those of the scalar [rate][aiecosys.fx.rate] with the same
    source and staleness limit, as float64: results agree with the exact
    `Decimal` conversion to a relative 1e-12.

    Args:
        amounts: The amounts: a numpy array, a pandas Series or a sequence of
            numbers.
        currencies: The currency of each row: ISO codes as a numpy string
            array, a pandas Series or a list of str; a pandas categorical (the
            fastest); or integer codes into *categories*.
        dates: The date of each row: a datetime64 array or Series (times are
            dropped: each counts as its own calendar date), or a sequence of
            `date` or `datetime` objects. NaT gives a row without a rate.
        to: The currency to convert into.
        categories: The currency codes that integer *currencies* index.
        source: Where rates come from; the bundled ECB rates when None.
        on_missing: ``"raise"`` to raise when any row has no rate, ``"nan"`` to
            return NaN for those rows, marked in
            [missing][aiecosys.fx.BulkConversion.missing].

    Returns:
        The converted values, and per row the date of the rate used.

    Raises:
        RateUnavailableError: Some rows have no rate and *on_missing* is
            ``"raise"``; the message counts them and explains the first.
        CurrencyError: A currency is not an ISO 4217 code.
        DateError: A date is not a date.

    Examples:
        >>> import numpy as np
        >>> from aiecosys.fx import convert_many
        >>> result = convert_many(
        ...     [105e6, 200e6],
        ...     ["EUR", "CNY"],
        ...     np.array(["2023-06-13", "2003-01-01"], dtype="datetime64[D]"),
        ...     to="USD",
        ...     on_missing="nan",
        ... )
        >>> result.amounts.round(-3), result.missing
        (array([1.13326e+08,         nan]), array([False,  True]))
    """
    import numpy as np

    from aiecosys._currency import validate_currency
    from aiecosys.fx._conversion import _default, _default_source

    if on_missing not in {"raise", "nan"}:
        raise ValueError(
            _("on_missing must be 'raise' or 'nan', not {value!r}").format(
                value=on_missing
            )
        )
    quote = validate_currency(to)
    if source is None:
        source = _default or _default_source()
    values = np.asarray(amounts, dtype=np.float64)
    codes, names = _currency_codes(currencies, categories)
    days = _epoch_days(dates)
    if not values.ndim == codes.ndim == days.ndim == 1 or not (
        len(values) == len(codes) == len(days)
    ):
        raise ValueError(
            _(
                "amounts, currencies and dates must be one-dimensional and of the "
                "same length, not {amounts}, {currencies} and {dates}"
            ).format(amounts=values.shape, currencies=codes.shape, dates=days.shape)
        )
    rates, observed, which = _rates(source, names, codes, days, quote)
    missing = np.isnan(rates)
    if on_missing == "raise" and missing.any():
        raise _missing_error(source, names, codes, days, quote, missing)
    rates *= values
    return BulkConversion(
        rates,
        observed.view("datetime64[D]"),
        missing,
        quote,
        tuple(s.name for s in source.sources)
        if isinstance(source, ChainedRates)
        else (source.name,),
        which,
    )


# -- input ---------------------------------------------------------------------


def _currency_codes(
    currencies: Any, categories: Sequence[str] | None
) -> tuple[Codes, list[str]]:
    """Return each row's index into a list of codes (-1 for none), and the list."""
    import numpy as np

    from aiecosys._currency import validate_currency

    pandas_codes = getattr(getattr(currencies, "cat", currencies), "codes", None)
    if pandas_codes is not None and categories is None:
        cat = getattr(currencies, "cat", currencies)
        codes = np.asarray(pandas_codes, dtype=np.intp)
        names = [validate_currency(code) for code in cat.categories]
        return codes, names
    array = np.asarray(currencies)
    if array.size == 0:
        return np.zeros(0, dtype=np.intp), []
    if array.dtype.kind in "iu":
        if categories is None:
            raise TypeError(
                _("integer currency codes need categories=[...], the codes they index")
            )
        names = [validate_currency(code) for code in categories]
        # Used in place, as the days are (see _epoch_days).
        codes = array.astype(np.intp, copy=False)
        if len(codes) and (codes.min() < -1 or codes.max() >= len(names)):
            raise ValueError(
                _(
                    "integer currency codes must be from -1 to {last}, positions in "
                    "categories (-1 for none)"
                ).format(last=len(names) - 1)
            )
        return codes, names
    if categories is not None:
        raise TypeError(_("categories= goes with integer currency codes only"))
    if array.dtype.kind == "O":
        array = array.astype(str)
    if array.dtype.kind != "U":
        raise TypeError(
            _(
                "currencies must be ISO codes (str), a categorical or integer codes, "
                "not {dtype}"
            ).format(dtype=array.dtype)
        )
    return _letter_codes(np.ascontiguousarray(array))


def _letter_codes(array: npt.NDArray[np.str_]) -> tuple[Codes, list[str]]:
    """Index three-letter codes without sorting: each code is a number below 26**3."""
    import numpy as np

    from aiecosys._currency import validate_currency

    width = array.dtype.itemsize // 4
    if len(array) == 0:
        return np.zeros(0, dtype=np.intp), []
    chars = array.view(np.uint32).reshape(len(array), width)
    if width < 3:  # noqa: PLR2004 - ISO codes have three letters
        valid = np.zeros(len(array), dtype=bool)
    else:
        # Unsigned arithmetic: anything below "A" wraps round to a large number.
        key = chars[:, 0] - np.uint32(ord("A"))
        valid = key < _LETTERS
        for position in (1, 2):
            letter = chars[:, position] - np.uint32(ord("A"))
            valid &= letter < _LETTERS
            key *= _LETTERS
            key += letter
        if width > 3:  # noqa: PLR2004
            valid &= ~chars[:, 3:].any(axis=1)
    if not valid.all():
        bad = str(array[int(np.argmin(valid))])
        validate_currency(bad)
        raise AssertionError(bad)  # a valid ISO code has three capital letters
    present = np.flatnonzero(np.bincount(key, minlength=_KEYS))
    lookup = np.full(_KEYS, -1, dtype=np.intp)
    lookup[present] = np.arange(len(present))
    names = []
    for number in present.tolist():
        high, low = divmod(number, _LETTERS)
        names.append(
            validate_currency(
                chr(65 + high // _LETTERS) + chr(65 + high % _LETTERS) + chr(65 + low)
            )
        )
    return lookup[key], names


def _epoch_days(dates: Any) -> Days:
    """Return each row's date as days since 1970-01-01 (int64; NaT stays NaT)."""
    import numpy as np

    if hasattr(dates, "dtype"):
        array = np.asarray(dates)
        if array.dtype.kind == "M":
            # The caller's array itself when it holds days: it is only read
            # (tested). Copying it, and the integer codes, took a third of a
            # million rows' conversion: 16 ms against 11 ms (bench_fx.py).
            return array.astype("datetime64[D]", copy=False).view(np.int64)
        if array.dtype.kind != "O":
            raise DateError(
                _(
                    "dates must be datetime64 values or date objects, not {dtype} "
                    "values"
                ).format(dtype=array.dtype)
            )
        dates = array
    items = dates if hasattr(dates, "__len__") else list(dates)
    try:
        ordinals = np.fromiter(
            (day.toordinal() for day in items), np.int64, count=len(items)
        )
    except (AttributeError, TypeError, ValueError):
        ordinals = np.fromiter(
            map(_one_ordinal, range(len(items)), items), np.int64, count=len(items)
        )
    nat = ordinals == _NAT
    ordinals -= _EPOCH
    ordinals[nat] = _NAT
    return ordinals


def _one_ordinal(row: int, day: object) -> int:
    """The slow path, with a message for the first element that is not a date."""
    if isinstance(day, date):
        try:
            return day.toordinal()
        except ValueError:  # pandas.NaT is a datetime that has no ordinal
            return _NAT
    raise DateError(
        _(
            "dates[{row}] must be a datetime.date, not {type} {day!r}; pass date "
            "objects or a datetime64 array"
        ).format(row=row, type=type(day).__name__, day=day)
    )


# -- rates ---------------------------------------------------------------------


def _rates(
    source: RateSource, names: list[str], codes: Codes, days: Days, quote: str
) -> tuple[Floats, Days, Which]:
    """Return each row's rate into *quote* (NaN when none), its date, and the source."""
    import numpy as np

    if isinstance(source, ChainedRates):
        rates, observed, which = _rates(source.sources[0], names, codes, days, quote)
        for position, later in enumerate(source.sources[1:], start=1):
            rows = np.flatnonzero(which < 0)
            if not len(rows):
                break
            found, seen, _ = _rates(later, names, codes[rows], days[rows], quote)
            rates[rows] = found
            observed[rows] = seen
            which[rows[~np.isnan(found)]] = position
        return rates, observed, which
    if isinstance(source, ECBRates):
        rates, observed = _ecb_rates(source, names, codes, days, quote)
    elif isinstance(source, FixedRates):
        rates, observed = _fixed_rates(source, names, codes, days, quote)
    else:
        rates, observed = _scalar_rates(source, names, codes, days, quote)
    which = np.isnan(rates).view(np.int8)
    np.negative(which, out=which)
    return rates, observed, which


def _ecb_rates(
    source: ECBRates, names: list[str], codes: Codes, days: Days, quote: str
) -> tuple[Floats, Days]:
    import numpy as np

    matrix = _EcbMatrix.of(source, quote)
    columns = [*(matrix.column(name) for name in names), matrix.none]
    rates, observed, local = matrix.compact(columns)
    # Days before the data, after it, or NaT land on the empty first or last row.
    flat = np.clip(days, matrix.start - 1, matrix.start + matrix.length)
    flat -= matrix.start - 1
    flat *= rates.shape[1]
    flat += local[codes]
    found, seen = rates.take(flat), observed.take(flat)
    if (
        quote in names
        and len(days)
        and (
            matrix.quote is None
            or days.min() < matrix.start
            or days.max() >= matrix.start + matrix.length
        )
    ):  # a row in the quote currency needs no rate, whatever its date
        rows = np.flatnonzero((codes == names.index(quote)) & (days != _NAT))
        found[rows] = 1.0
        seen[rows] = days[rows]
    return found, seen


class _EcbMatrix:
    """Rates into one quote currency, per day (rows) and currency (columns).

    Rows run from the data's first date to its last, with an empty row before
    and after; a cell holds the rate the scalar path gives on that day (from
    the rates that serve it within the staleness limit) and the day they were
    published, or NaN and NaT. The quote currency's own column holds 1 and the
    day itself. The rows are bounded by the longest span of dates a rates file
    may have; columns are built only for the currencies asked for, plus an
    empty one for currencies without rates.
    """

    def __init__(self, source: ECBRates, quote: str) -> None:
        import numpy as np

        self.table: _Table = source.table
        self.stale = source.max_stale_days
        first, last = self.table.first.toordinal(), self.table.last.toordinal()
        self.start = first - _EPOCH
        self.length = last - first + 1
        self.names = ("EUR", *self.table.codes)
        self.none = len(self.names)
        self.columns: dict[int, tuple[Floats, Days]] = {
            self.none: (
                np.full(self.length + 2, np.nan),
                np.full(self.length + 2, _NAT, dtype=np.int64),
            )
        }
        self.quote_name = quote
        self.quote = self._leg(quote) if quote in self.names else None
        self.compacted: dict[tuple[int, ...], tuple[Floats, Days, Codes]] = {}

    @classmethod
    def of(cls, source: ECBRates, quote: str) -> _EcbMatrix:
        table = source.table
        key = ("ecb", quote, source.max_stale_days)
        matrix: _EcbMatrix | None = table.bulk.get(key)
        if matrix is None:
            with table.bulk_lock:
                matrix = table.bulk.get(key)
                if matrix is None:
                    matrix = table.bulk[key] = cls(source, quote)
        return matrix

    def column(self, name: str) -> int:
        """Return the column of *name*, built on first use (the empty one if none)."""
        import numpy as np

        if self.quote is None or name not in self.names:
            return self.none
        index = self.names.index(name)
        if index not in self.columns:
            with self.table.bulk_lock:
                if index not in self.columns:
                    rates = np.full(self.length + 2, np.nan)
                    observed = np.full(self.length + 2, _NAT, dtype=np.int64)
                    days = slice(1, self.length + 1)
                    if name == self.quote_name:
                        rates[days] = 1.0
                        observed[days] = np.arange(self.length) + self.start
                    else:
                        leg_rates, leg_observed = self._leg(name)
                        quote_rates, quote_observed = self.quote
                        rates[days] = quote = quote_rates / leg_rates
                        observed[days] = np.where(
                            np.isnan(quote),
                            _NAT,
                            np.minimum(leg_observed, quote_observed),
                        )
                    self.columns[index] = rates, observed
        return index

    def compact(self, columns: list[int]) -> tuple[Floats, Days, Codes]:
        """Return the columns *columns* side by side, and where each column went.

        A call touches a few currencies; a narrow matrix of their columns keeps
        the random look-ups in the processor's cache.
        """
        import numpy as np

        key = tuple(columns)
        found = self.compacted.get(key)
        if found is None:
            used = sorted(set(columns))
            place = {column: position for position, column in enumerate(used)}
            local = np.array([place[column] for column in columns], dtype=np.intp)
            found = (
                np.column_stack([self.columns[column][0] for column in used]),
                np.column_stack([self.columns[column][1] for column in used]),
                local,
            )
            if len(self.compacted) > 16:  # noqa: PLR2004 - a handful of column sets in use
                self.compacted.clear()
            self.compacted[key] = found
        return found

    def _leg(self, name: str) -> tuple[Floats, Days]:
        """Units of *name* per euro on each day, from the rates the scalar path uses."""
        import numpy as np

        if name == "EUR":
            return np.ones(self.length), np.full(self.length, np.iinfo(np.int64).max)
        series = self.table.series.get(name) or self.table.load(name)
        latest = np.full(self.length, -1, dtype=np.int64)
        offset = series.first - _EPOCH - self.start
        span = min(series.span, self.length - offset)
        latest[offset : offset + span] = np.frombuffer(series.latest, np.intc)[:span]
        where = np.frombuffer(series.days, np.intc).astype(np.int64) - _EPOCH
        published = np.array(series.texts, dtype=np.float64)
        seen = where[latest]
        days = np.arange(self.start, self.start + self.length)
        fresh = (latest >= 0) & (days - seen <= self.stale)
        return np.where(fresh, published[latest], np.nan), seen


def _fixed_rates(
    source: FixedRates, names: list[str], codes: Codes, days: Days, quote: str
) -> tuple[Floats, Days]:
    import numpy as np

    forward = float(source.value)
    backward = float(RATE_CONTEXT.divide(_ONE, source.value))
    by_name = {
        (source.base, source.quote): forward,
        (source.quote, source.base): backward,
    }
    lookup = [
        1.0 if name == quote else by_name.get((name, quote), np.nan) for name in names
    ]
    rates = np.array([*lookup, np.nan])[codes]
    outside = np.zeros(len(days), dtype=bool)
    if source.valid_from is not None:
        outside |= days < source.valid_from.toordinal() - _EPOCH
    if source.valid_until is not None:
        outside |= days > source.valid_until.toordinal() - _EPOCH
    if quote in names:  # a row in the quote currency needs no rate, whatever its date
        outside &= codes != names.index(quote)
    outside |= days == _NAT
    rates[outside] = np.nan
    return rates, np.where(np.isnan(rates), _NAT, days)


def _scalar_rates(
    source: RateSource, names: list[str], codes: Codes, days: Days, quote: str
) -> tuple[Floats, Days]:
    """Any other source: ask it once per distinct (currency, day) pair."""
    import numpy as np

    rates = np.full(len(codes), np.nan)
    observed = np.full(len(codes), _NAT, dtype=np.int64)
    rows = np.flatnonzero((codes >= 0) & (days != _NAT))
    if not len(rows):
        return rates, observed
    pairs, inverse = np.unique(
        np.stack([codes[rows], days[rows]], axis=1), axis=0, return_inverse=True
    )
    found = np.full(len(pairs), np.nan)
    seen = np.full(len(pairs), _NAT, dtype=np.int64)
    for position, (code, day) in enumerate(pairs.tolist()):
        try:
            record = source.rate(names[code], quote, on=date.fromordinal(day + _EPOCH))
        except RateUnavailableError:
            continue
        found[position] = float(record.rate)
        seen[position] = record.observed.toordinal() - _EPOCH
    rates[rows] = found[inverse.ravel()]
    observed[rows] = seen[inverse.ravel()]
    return rates, observed


def _missing_error(  # noqa: PLR0917 - the parts of one conversion
    source: RateSource,
    names: list[str],
    codes: Codes,
    days: Days,
    quote: str,
    missing: npt.NDArray[np.bool_],
) -> RateUnavailableError:
    import numpy as np

    row = int(np.argmax(missing))
    count = int(missing.sum())
    if codes[row] < 0:
        reason = _("it has no currency")
    elif days[row] == _NAT:
        reason = _("it has no date (NaT)")
    else:
        day = date.fromordinal(int(days[row]) + _EPOCH)
        try:
            source.rate(names[codes[row]], quote, on=day)
        except RateUnavailableError as error:
            reason = str(error)
        else:  # pragma: no cover - the bulk and scalar paths agree
            reason = f"{names[codes[row]]} on {day.isoformat()}"
    return RateUnavailableError(
        _(
            "no rate into {quote} for {count} of {rows} rows; the first is row "
            "{row}: {reason}. Pass on_missing='nan' to get NaN and a mask for these "
            "rows"
        ).format(
            quote=quote,
            count=f"{count:,}",
            rows=f"{len(missing):,}",
            row=row,
            reason=reason,
        )
    )
