"""Conversion records, date checks, and the scalar `rate` and `convert` functions."""

from __future__ import annotations

import decimal
from datetime import date, datetime
from typing import TYPE_CHECKING, Final, Literal

import attrs

from aiecosys._contexts import EXACT
from aiecosys._errors import DataError
from aiecosys._i18n import gettext as _
from aiecosys._money import AMOUNT_LIMIT, MAX_PLACES, converted
from aiecosys.fx._dates import as_date


if TYPE_CHECKING:
    from aiecosys._money import Money
    from aiecosys.fx._ecb import ECBRates
    from aiecosys.fx._sources import RateSource


__all__ = [
    "DEFAULT_MAX_STALE_DAYS",
    "RATE_DIGITS",
    "Conversion",
    "EuroRate",
    "Method",
    "convert",
    "identity",
    "rate",
]

RATE_DIGITS: Final = 28
"""Significant digits of a rate that aiecosys computes (an inverse or a cross rate).

Published rates are used as published; `1 / rate` and `rate_b / rate_a` are
rounded half-even to this many significant digits, far beyond the five or six
that the European Central Bank publishes.
"""

DEFAULT_MAX_STALE_DAYS: Final = 7
"""How old a rate may be, in days, before it is refused (weekends and holidays)."""

RATE_CONTEXT: Final = decimal.Context(
    prec=RATE_DIGITS, rounding=decimal.ROUND_HALF_EVEN, traps=[decimal.InvalidOperation]
)
"""The Decimal context of every rate division (never the caller's thread context)."""

_EXACT: Final = EXACT
_multiply: Final = _EXACT.multiply
_ONE: Final = decimal.Decimal(1)
_LARGEST: Final = AMOUNT_LIMIT.adjusted()

Method = Literal["exact", "last_known", "cross_via_eur", "fixed", "identity"]
"""How a rate was obtained.

- ``"exact"``: a rate published for the requested date itself;
- ``"last_known"``: the last rate published before the requested date, within
  the source's staleness limit, across days on which the source published no
  rate at all (a weekend, a holiday);
- ``"cross_via_eur"``: two euro rates combined, ``rate_quote / rate_base``; each
  [leg][aiecosys.fx.Conversion.legs] has its own publication date, so a cross
  rate built from last-known legs has an [observed][aiecosys.fx.Conversion.observed]
  date before the requested one;
- ``"fixed"``: a rate stated by the user ([FixedRates][aiecosys.fx.FixedRates]);
- ``"identity"``: the base and quote currencies are the same, and the rate is 1.
"""


@attrs.frozen(slots=False)
class EuroRate:
    """One published euro reference rate: how many units of a currency buy 1 EUR.

    The [legs][aiecosys.fx.Conversion.legs] of a conversion are the euro rates it
    was computed from, so that anyone can redo the arithmetic.

    Examples:
        >>> from datetime import date
        >>> import aiecosys.fx as fx
        >>> fx.rate("EUR", "USD", on=date(2023, 12, 11)).legs
        (EuroRate(currency='USD', rate=Decimal('1.0757'),
                  published=datetime.date(2023, 12, 11)),)
    """

    currency: str
    """The currency code, such as ``"USD"``."""
    rate: decimal.Decimal
    """Units of the currency for 1 EUR, exactly as published."""
    published: date
    """The date the rate was published for."""


@attrs.frozen(slots=False)
class Conversion:
    """Where an exchange rate came from: the provenance of one conversion.

    `1 base = rate quote`, using the rate published on
    [observed][aiecosys.fx.Conversion.observed] for a conversion requested on
    [on][aiecosys.fx.Conversion.on]. [rate][aiecosys.fx.rate] returns it, and a
    converted [Money][aiecosys.Money] carries it as its
    [conversion][aiecosys.Money.conversion].

    Examples:
        >>> from datetime import date
        >>> import aiecosys.fx as fx
        >>> record = fx.rate("USD", "EUR", on=date(2023, 11, 4))  # a Saturday
        >>> record.rate
        Decimal('0.9344047841524948607736871613')
        >>> record.observed, record.method, record.age_days
        (datetime.date(2023, 11, 3), 'last_known', 1)
        >>> print(record)
        1 USD = 0.9344047841524948607736871613 EUR on 2023-11-04
        (last_known: rate of 2023-11-03; ECB euro reference rates ...)
    """

    rate: decimal.Decimal
    """How many units of the quote currency buy one unit of the base currency."""
    base: str
    """The currency converted from."""
    quote: str
    """The currency converted to."""
    on: date
    """The date the conversion was asked for."""
    observed: date
    """The date whose published rate was used; for a cross rate, the earlier of
    the two legs' dates. Never after [on][aiecosys.fx.Conversion.on]."""
    method: Method
    """How the rate was obtained: see [Method][aiecosys.fx.Method]."""
    source: str
    """The name of the source that gave the rate."""
    version: str
    """The version of the source's data: for ECB data, its last date and the
    start of the SHA-256 of the file."""
    legs: tuple[EuroRate, ...] = ()
    """The published euro rates the rate was computed from: one for a conversion
    from or to EUR, two for a cross rate, none for a fixed or identity rate."""

    @property
    def age_days(self) -> int:
        """Days between the requested date and the date of the rate used.

        Examples:
            >>> from datetime import date
            >>> import aiecosys.fx as fx
            >>> fx.rate("EUR", "JPY", on=date(2023, 12, 25)).age_days  # Christmas
            3
        """
        return (self.on - self.observed).days

    def __str__(self) -> str:
        detail: str = self.method
        if self.observed != self.on:
            detail += f": rate of {self.observed.isoformat()}"
        return (
            f"1 {self.base} = {self.rate} {self.quote} on {self.on.isoformat()} "
            f"({detail}; {self.source} {self.version})"
        )


def identity(currency: str, on: date) -> Conversion:
    """Return the record of converting *currency* to itself: a rate of 1.

    Examples:
        >>> from datetime import date
        >>> identity("EUR", date(2023, 12, 11)).rate
        Decimal('1')
    """
    return Conversion(_ONE, currency, currency, on, on, "identity", "identity", "")


_default: ECBRates | None = None
_default_records: dict[tuple[str, str, date, int], Conversion] = {}
"""The records the default source keeps (`ECBRates.rate`), read here directly
so that a warm conversion is one dictionary look-up (benchmarks/bench_fx.py)."""


def _default_source() -> ECBRates:
    global _default, _default_records  # noqa: PLW0603 - set once; ECBRates.bundled() is itself guarded
    from aiecosys.fx._ecb import ECBRates

    default = ECBRates.bundled()
    _default_records = default.table.records
    _default = default
    return default


def rate(
    base: str,
    quote: str,
    *,
    on: date | datetime,
    source: RateSource | None = None,
) -> Conversion:
    """Return the rate from *base* to *quote* for a date, with its provenance.

    By default the rate comes from the bundled European Central Bank reference
    rates: the rate published for *on*, or else the last one published before
    it, at most 7 days earlier. A `datetime` counts as its own calendar date
    (`on.date()`, with no time-zone shift).

    Args:
        base: The ISO 4217 code converted from, such as ``"USD"``.
        quote: The ISO 4217 code converted to.
        on: The date of the conversion.
        source: Where rates come from; the bundled ECB rates when None.

    Returns:
        The rate (a `Decimal`: 1 *base* = rate *quote*) and where it came from.

    Raises:
        RateUnavailableError: The source has no rate for the pair at that date.
        CurrencyError: A code is not an ISO 4217 code.
        DateError: *on* is not a date.

    Examples:
        >>> from datetime import date
        >>> import aiecosys.fx as fx
        >>> record = fx.rate("EUR", "USD", on=date(2023, 12, 11))
        >>> record.rate, record.method, record.observed
        (Decimal('1.0757'), 'exact', datetime.date(2023, 12, 11))
        >>> fx.rate("CNY", "USD", on=date(2003, 1, 1))
        Traceback (most recent call last):
        ...
        aiecosys.RateUnavailableError: no CNY rate on 2003-01-01: ...
    """
    if source is None:
        return _known(base, quote, on) or (_default or _default_source()).rate(
            base, quote, on=on
        )
    return source.rate(base, quote, on=on)


def _known(base: str, quote: str, on: date) -> Conversion | None:
    """Return the default source's record for the key, if it has one."""
    try:
        return _default_records.get((base, quote, on, DEFAULT_MAX_STALE_DAYS))
    except TypeError:  # an unhashable code, refused by the source
        return None


def convert(
    money: Money,
    quote: str,
    *,
    on: date | datetime,
    source: RateSource | None = None,
) -> Money:
    """Convert *money* into *quote* at the rate for a date, keeping the provenance.

    The amount is multiplied by the [rate][aiecosys.fx.rate] exactly, with no
    rounding; round when you present it. The result's
    [conversion][aiecosys.Money.conversion] records the rate used. Converting to
    the money's own currency returns *money* itself, unchanged: no conversion
    takes place, so no new record is made.

    Args:
        money: The amount to convert.
        quote: The ISO 4217 code to convert to.
        on: The date of the conversion.
        source: Where rates come from; the bundled ECB rates when None.

    Returns:
        The converted amount, whose ``conversion`` says how it was converted.

    Raises:
        RateUnavailableError: The source has no rate for the pair at that date.
        CurrencyError: *quote* is not an ISO 4217 code.
        DateError: *on* is not a date.

    Examples:
        >>> from datetime import date
        >>> from aiecosys import Money
        >>> from aiecosys.fx import convert
        >>> usd = convert(Money("385000000", "EUR"), "USD", on=date(2023, 12, 11))
        >>> usd
        Money('414144500.0000', 'USD')
        >>> usd.conversion.rate, usd.conversion.observed
        (Decimal('1.0757'), datetime.date(2023, 12, 11))
    """
    currency = money.currency
    if currency == quote:
        as_date(on)
        return money
    record = None
    if source is None:  # _known(), inlined: a warm conversion is this look-up
        try:  # noqa: SIM105 - contextlib.suppress costs a context manager per call
            record = _default_records.get((currency, quote, on, DEFAULT_MAX_STALE_DAYS))
        except TypeError:  # an unhashable code, refused by the source
            pass
    if record is None:
        record = (source or _default or _default_source()).rate(currency, quote, on=on)
    amount = _multiply(money.amount, record.rate)
    if not -MAX_PLACES <= amount.adjusted() < _LARGEST and amount:
        raise _out_of_range(money, record, amount)
    return converted(amount, quote, record)


def _out_of_range(
    money: Money, record: Conversion, amount: decimal.Decimal
) -> DataError:
    """Refuse a converted amount that no Money can hold, naming the bounds."""
    too_large = _(
        "converting {money!r} to {quote} at {rate} gives an amount of the order of "
        "10^{power} {quote}, too large: amounts of money are kept below 10^{most} "
        "in size, with digits no finer than 10^-{finest}; check the amount's "
        "exponent or scale word"
    )
    too_small = _(
        "converting {money!r} to {quote} at {rate} gives an amount of the order of "
        "10^{power} {quote}, too small: amounts of money are kept below 10^{most} "
        "in size, with digits no finer than 10^-{finest}; check the amount's "
        "exponent or scale word"
    )
    return DataError(
        (too_large if amount.adjusted() >= _LARGEST else too_small).format(
            money=money,
            quote=record.quote,
            rate=record.rate,
            power=amount.adjusted(),
            most=_LARGEST,
            finest=MAX_PLACES,
        )
    )
