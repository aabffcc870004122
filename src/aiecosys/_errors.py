"""The exception hierarchy: every error aiecosys raises derives from AiecosysError."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from aiecosys._i18n import gettext as _
from aiecosys._i18n import ngettext


__all__ = [
    "AiecosysError",
    "CurrencyError",
    "CurrencyMismatchError",
    "DataError",
    "DateError",
    "DimensionMismatchError",
    "FormatNotice",
    "InvalidArithmeticError",
    "ParseError",
    "Problem",
    "RateUnavailableError",
    "UnknownEntityError",
]


class AiecosysError(Exception):
    """The root of every error that aiecosys raises on purpose.

    Catch this to handle any problem aiecosys reports; each subclass also derives
    from the closest built-in exception (`ValueError`, `TypeError`, `LookupError`),
    so code written against the built-ins keeps working.

    Examples:
        >>> import aiecosys
        >>> try:
        ...     aiecosys.Money("1", "EURO")
        ... except aiecosys.AiecosysError as error:
        ...     print(type(error).__name__)
        CurrencyError
    """


class CurrencyError(AiecosysError, ValueError):
    """A currency code that is not a known ISO 4217 code.

    Examples:
        >>> import aiecosys
        >>> aiecosys.Money("1", "usd")
        Traceback (most recent call last):
        ...
        aiecosys.CurrencyError: unknown currency code 'usd': ...
    """


class CurrencyMismatchError(AiecosysError, ValueError):
    """Two amounts in different currencies were combined without a conversion.

    aiecosys never applies an implicit exchange rate: convert one amount at a
    stated date first (`money.to("USD", on=date(...))`).

    Examples:
        >>> import aiecosys
        >>> aiecosys.Money(1, "EUR") + aiecosys.Money(1, "USD")
        Traceback (most recent call last):
        ...
        aiecosys.CurrencyMismatchError: cannot add EUR and USD ...
    """


class DateError(AiecosysError, TypeError):
    """A value given where a date is required is not a `datetime.date`.

    Exchange rates change every day, so conversions take a `date` (a
    `datetime` counts as its own calendar date). Text, tuples and None are
    refused rather than guessed.

    Examples:
        >>> import aiecosys.fx
        >>> aiecosys.fx.rate("USD", "EUR", on="2023-11-06")
        Traceback (most recent call last):
        ...
        aiecosys.DateError: on must be a datetime.date, not the str '2023-11-06'; ...
    """


class DimensionMismatchError(AiecosysError, TypeError):
    """Quantities of different dimensions were mixed (parameters with tokens, ...).

    Examples:
        >>> import aiecosys
        >>> aiecosys.parameters(7e9) + aiecosys.tokens(7e9)
        Traceback (most recent call last):
        ...
        aiecosys.DimensionMismatchError: cannot add [parameter] and [token] ...
    """


class InvalidArithmeticError(AiecosysError, ArithmeticError, ValueError):
    """Arithmetic with no valid answer: a zero divisor, a NaN, a result out of range.

    aiecosys never builds an infinite, NaN or out-of-range value (a factor
    that is not a finite number, a result too large or too fine for Money):
    it refuses the operation, naming the operand at fault and the bound that
    was passed. It is also an `ArithmeticError` (like `ZeroDivisionError`) and a
    `ValueError`.

    Examples:
        >>> import aiecosys
        >>> aiecosys.Money(1, "EUR") / 0
        Traceback (most recent call last):
        ...
        aiecosys.InvalidArithmeticError: cannot divide Money('1', 'EUR') by zero; ...
    """


class ParseError(AiecosysError, ValueError):
    """A text or value aiecosys cannot read as an amount, quantity, date or choice.

    The message quotes the text and shows forms that are understood; for a
    choice (a status, a kind, an openness), the values allowed.

    Examples:
        >>> import aiecosys
        >>> aiecosys.Money.parse("a lot of money")
        Traceback (most recent call last):
        ...
        aiecosys.ParseError: cannot read 'a lot of money' as an amount of money; ...
    """


class RateUnavailableError(AiecosysError, LookupError):
    """No exchange rate can honestly be given for a currency pair at a date.

    The message names the currency's covered range and the data's snapshot date.

    Examples:
        >>> from datetime import date
        >>> import aiecosys
        >>> aiecosys.Money(1, "CNY").to("EUR", on=date(2003, 1, 1))
        Traceback (most recent call last):
        ...
        aiecosys.RateUnavailableError: no CNY rate on 2003-01-01: ...
    """


class UnknownEntityError(AiecosysError, LookupError):
    """A look-up named an organisation, person or model that is not known.

    Examples:
        >>> import aiecosys
        >>> aiecosys.load_article().ecosystem.organisation("Mistal AI")
        ... # doctest: +NORMALIZE_WHITESPACE
        Traceback (most recent call last):
        ...
        aiecosys.UnknownEntityError: no organisation is named 'Mistal AI'
        (did you mean 'Mistral AI'?)
    """


@attrs.frozen
class Problem:
    """One problem found in input data, with where it was found.

    Examples:
        >>> print(
        ...     Problem(
        ...         "must not be negative",
        ...         file="kb.toml",
        ...         entry="mistral-ai",
        ...         field="amount",
        ...     )
        ... )
        kb.toml: entry 'mistral-ai', field 'amount': must not be negative
    """

    message: str
    """What is wrong, and how to fix it."""
    file: str | None = None
    """The file the entry came from, if any."""
    entry: str | None = None
    """The entry (an id, a name, or a row number) that holds the problem."""
    field: str | None = None
    """The field of the entry that holds the problem."""

    def __str__(self) -> str:
        if self.entry is not None and self.field is not None:
            place = _("entry {entry!r}, field {field!r}").format(
                entry=self.entry, field=self.field
            )
        elif self.entry is not None:
            place = _("entry {entry!r}").format(entry=self.entry)
        elif self.field is not None:
            place = _("field {field!r}").format(field=self.field)
        else:
            place = None
        text = self.message
        for where in (place, self.file):
            if where is not None:
                # Translators: where a problem is (file, entry, field), then what.
                text = _("{where}: {message}").format(where=where, message=text)
        return text


class DataError(AiecosysError, ValueError):
    """Input data (a file, an entry, a value) is invalid.

    It carries every problem found, not just the first, so that one run shows
    everything to fix. Each [Problem][aiecosys.Problem] names the file, the
    entry and the field.

    Examples:
        >>> error = DataError(
        ...     [
        ...         Problem(
        ...             "unknown organisation 'Mistal AI'",
        ...             file="kb.toml",
        ...             entry="round-1",
        ...             field="organisation",
        ...         )
        ...     ]
        ... )
        >>> print(error)  # doctest: +NORMALIZE_WHITESPACE
        1 problem found:
          - kb.toml: entry 'round-1', field 'organisation':
            unknown organisation 'Mistal AI'
        >>> len(error.problems)
        1
    """

    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem] | str) -> None:
        if isinstance(problems, str):
            problems = [Problem(problems)]
        self.problems = tuple(problems)
        count = len(self.problems)
        lines = [
            ngettext("{count} problem found:", "{count} problems found:", count).format(
                count=count
            )
        ]
        lines.extend(f"  - {problem}" for problem in self.problems)
        super().__init__("\n".join(lines))


class FormatNotice(UserWarning):
    """A file in an older format was read, and can be updated.

    The file is read into the current model all the same; the notice says
    which command rewrites it in the current format.

    Examples:
        >>> import warnings
        >>> from aiecosys import FormatNotice
        >>> issubclass(FormatNotice, UserWarning)
        True
    """


# Tracebacks name the public path users import from: aiecosys.CurrencyError.
for _cls in (
    AiecosysError,
    CurrencyError,
    CurrencyMismatchError,
    DataError,
    DateError,
    DimensionMismatchError,
    FormatNotice,
    InvalidArithmeticError,
    ParseError,
    RateUnavailableError,
    UnknownEntityError,
):
    _cls.__module__ = "aiecosys"
