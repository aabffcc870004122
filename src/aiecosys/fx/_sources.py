"""The rate-source protocol, rates stated by the user, and chains of sources."""

from __future__ import annotations

import decimal
from datetime import date
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import attrs

from aiecosys._amounts import read_plain_number
from aiecosys._dates import readable_period
from aiecosys._errors import RateUnavailableError
from aiecosys._i18n import N_
from aiecosys._i18n import gettext as _
from aiecosys.fx._conversion import _ONE, RATE_CONTEXT, Conversion, identity
from aiecosys.fx._dates import as_date


if TYPE_CHECKING:
    from decimal import Decimal


__all__ = ["ChainedRates", "FixedRates", "RateSource"]


@runtime_checkable
class RateSource(Protocol):
    """Anything that gives dated exchange rates with their provenance.

    [ECBRates][aiecosys.fx.ECBRates], [FixedRates][aiecosys.fx.FixedRates] and
    [ChainedRates][aiecosys.fx.ChainedRates] are rate sources; so is any class
    of your own with a ``name`` and this ``rate`` method. A source that has no
    rate for a pair at a date raises
    [RateUnavailableError][aiecosys.RateUnavailableError], which lets a chain
    try the next source.

    Examples:
        >>> from aiecosys.fx import ECBRates, FixedRates, RateSource
        >>> isinstance(ECBRates.bundled(), RateSource)
        True
        >>> isinstance(FixedRates("USD", "EUR", "0.92"), RateSource)
        True
    """

    @property
    def name(self) -> str:
        """The source's name, recorded in each [Conversion][aiecosys.fx.Conversion]."""
        ...

    def rate(self, base: str, quote: str, *, on: date) -> Conversion:
        """Return the rate from *base* to *quote* for the date *on*."""
        ...


def _validate_code(_instance: object, _attribute: object, value: str) -> None:
    from aiecosys._currency import validate_currency

    validate_currency(value)


def _to_rate(given: decimal.Decimal | int | str) -> Decimal:
    value: object = given  # checked here, whatever the annotations say
    if isinstance(value, float):
        raise TypeError(
            _(
                "a stated rate must be exact: pass the str {text!r} or a Decimal, "
                "not the float {value!r}"
            ).format(text=str(value), value=value)
        )
    if isinstance(value, bool) or not isinstance(value, str | int | decimal.Decimal):
        raise TypeError(
            _("a stated rate is a Decimal, an int or a str, not {type}").format(
                type=type(value).__name__
            )
        )
    if isinstance(value, str):
        rate = read_plain_number(value, what=N_("a rate, a positive number"))
    else:
        rate = decimal.Decimal(value)
    if not rate.is_finite() or rate <= 0:
        raise ValueError(
            _("a rate must be a positive number, not {value!r}").format(value=value)
        )
    return rate


def _optional_date(value: date | None) -> date | None:
    return None if value is None else as_date(value, N_("a validity date"))


@attrs.frozen(slots=False)
class FixedRates:
    """A rate that you state, such as an article's "1 USD = 0.92 EUR".

    It answers for its pair in both directions (the inverse is computed to
    [RATE_DIGITS][aiecosys.fx.RATE_DIGITS] significant digits), on every date
    from *valid_from* to *valid_until* (both included, open-ended when None).
    Its conversions have the method ``"fixed"`` and the requested date as their
    observed date. Put it first in a [ChainedRates][aiecosys.fx.ChainedRates] to
    fall back on published rates for other pairs and dates.

    Examples:
        >>> from datetime import date
        >>> from aiecosys import Money
        >>> from aiecosys.fx import FixedRates
        >>> article = FixedRates("USD", "EUR", "0.92", name="the article's rate")
        >>> eur = Money("200000000", "USD").to(
        ...     "EUR", on=date(2023, 12, 11), source=article
        ... )
        >>> eur
        Money('184000000.00', 'EUR')
        >>> print(eur.conversion)
        1 USD = 0.92 EUR on 2023-12-11 (fixed; the article's rate 1 USD = 0.92 EUR)
    """

    base: str = attrs.field(validator=_validate_code)
    """The currency of one unit: ``"USD"`` in "1 USD = 0.92 EUR"."""
    quote: str = attrs.field(validator=_validate_code)
    """The currency of the rate: ``"EUR"`` in "1 USD = 0.92 EUR"."""
    value: decimal.Decimal = attrs.field(converter=_to_rate)
    """Units of *quote* for one unit of *base*, exact (a `Decimal`, an `int` or
    a `str`; a float is refused)."""
    valid_from: date | None = attrs.field(
        default=None, kw_only=True, converter=_optional_date
    )
    """The first date the rate applies to; None for no start."""
    valid_until: date | None = attrs.field(
        default=None, kw_only=True, converter=_optional_date
    )
    """The last date the rate applies to; None for no end."""
    name: str = attrs.field(default="stated rate", kw_only=True)
    """The source's name in the provenance, such as "the article's rate"."""

    def __attrs_post_init__(self) -> None:
        if self.base == self.quote:
            raise ValueError(
                _("a stated rate needs two currencies, not {base} twice").format(
                    base=self.base
                )
            )
        if self.valid_from and self.valid_until and self.valid_from > self.valid_until:
            raise ValueError(
                _("valid_from {start} is after valid_until {end}").format(
                    start=self.valid_from, end=self.valid_until
                )
            )

    @property
    def version(self) -> str:
        """The statement itself, with its dates when they are bounded.

        Examples:
            >>> from datetime import date
            >>> from aiecosys.fx import FixedRates
            >>> FixedRates("USD", "EUR", "0.92", valid_until=date(2023, 12, 31)).version
            '1 USD = 0.92 EUR until 2023-12-31'
        """
        statement = f"1 {self.base} = {self.value} {self.quote}"
        if self.valid_from:
            statement += f" from {self.valid_from.isoformat()}"
        if self.valid_until:
            statement += f" until {self.valid_until.isoformat()}"
        return statement

    def rate(self, base: str, quote: str, *, on: date) -> Conversion:
        """Return the stated rate, or its inverse, if it applies on *on*.

        Raises:
            RateUnavailableError: The pair is another one, or the date is
                outside the dates the rate applies to.

        Examples:
            >>> from datetime import date
            >>> from aiecosys.fx import FixedRates
            >>> stated = FixedRates("USD", "EUR", "0.92")
            >>> stated.rate("EUR", "USD", on=date(2023, 12, 11)).rate
            Decimal('1.086956521739130434782608696')
        """
        day = as_date(on)
        if base == quote:
            _validate_code(None, None, base)
            return identity(base, day)
        if (base, quote) == (self.base, self.quote):
            value = self.value
        elif (base, quote) == (self.quote, self.base):
            value = RATE_CONTEXT.divide(_ONE, self.value)
        else:
            raise RateUnavailableError(
                _(
                    "no {base} to {quote} rate in {name}: it states only {version}"
                ).format(base=base, quote=quote, name=self.name, version=self.version)
            )
        if (self.valid_from and day < self.valid_from) or (
            self.valid_until and day > self.valid_until
        ):
            raise RateUnavailableError(
                _(
                    "no {base} to {quote} rate on {day} in {name}: it states {version}"
                ).format(
                    base=base,
                    quote=quote,
                    day=day.isoformat(),
                    name=self.name,
                    version=self.version,
                )
            )
        return Conversion(
            value, base, quote, day, day, "fixed", self.name, self.version
        )


@attrs.frozen(slots=False, init=False)
class ChainedRates:
    """Sources tried in order: the first that has a rate gives it.

    The [Conversion][aiecosys.fx.Conversion] names the source that answered.
    Only [RateUnavailableError][aiecosys.RateUnavailableError] moves on to the
    next source; any other error (a wrong date, an unknown currency) is raised.

    Examples:
        >>> from datetime import date
        >>> from aiecosys.fx import ChainedRates, ECBRates, FixedRates
        >>> sources = ChainedRates(FixedRates("AED", "EUR", "0.25"), ECBRates.bundled())
        >>> sources.rate("AED", "EUR", on=date(2023, 12, 11)).source
        'stated rate'
        >>> sources.rate("USD", "EUR", on=date(2023, 12, 11)).source
        'ECB euro reference rates'
    """

    sources: tuple[RateSource, ...]
    """The sources, in the order they are tried."""

    def __init__(self, *sources: RateSource) -> None:
        if not sources:
            raise ValueError(_("ChainedRates needs at least one source"))
        self.__attrs_init__(sources)

    @property
    def name(self) -> str:
        """The names of the sources, in order."""
        return ", then ".join(source.name for source in self.sources)

    def rate(self, base: str, quote: str, *, on: date) -> Conversion:
        """Return the rate of the first source that has one.

        Raises:
            RateUnavailableError: No source has a rate; the message gives each
                source's reason.
        """
        day = as_date(on)
        reasons = []
        for source in self.sources:
            try:
                return source.rate(base, quote, on=day)
            except RateUnavailableError as error:
                reasons.append(f"{source.name}: {error}")
        raise RateUnavailableError(
            _("no source has a {base} to {quote} rate on {day}:").format(
                base=base, quote=quote, day=readable_period(day)
            )
            + "\n  - "
            + "\n  - ".join(reasons)
        )
