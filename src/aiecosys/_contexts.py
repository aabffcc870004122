"""The `decimal` contexts aiecosys computes in, never the caller's.

A program may set ``decimal.getcontext().prec = 3`` for its own reasons; the
amounts, sizes, rates and verdicts aiecosys gives must not change with it. Every
Decimal operation of the library names one of these contexts.
"""

from __future__ import annotations

import decimal
from typing import Final


__all__ = ["DEFAULT", "DIVISION", "DIVISION_DIGITS", "EXACT"]

EXACT: Final = decimal.Context(
    prec=decimal.MAX_PREC,
    Emax=decimal.MAX_EMAX,
    Emin=decimal.MIN_EMIN,
    traps=[decimal.InvalidOperation, decimal.Overflow, decimal.DivisionByZero],
)
"""Exact arithmetic: sums, differences and products never round."""

DIVISION_DIGITS: Final = 50
"""Significant digits of a quotient that does not end (1/3)."""

DIVISION: Final = decimal.Context(
    prec=DIVISION_DIGITS,
    rounding=decimal.ROUND_HALF_EVEN,
    Emax=decimal.MAX_EMAX,
    Emin=decimal.MIN_EMIN,
)
"""Quotients, rounded half-even to `DIVISION_DIGITS` significant digits."""

DEFAULT: Final = decimal.Context(
    prec=28,
    rounding=decimal.ROUND_HALF_EVEN,
    Emin=-999_999,
    Emax=999_999,
    capitals=1,
    clamp=0,
    flags=[],
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)
"""Python's default context, written out: claims are read and evaluated in it,
and each command runs in it, whatever the caller's context (or a change made to
``decimal.DefaultContext``) says. `decimal.localcontext` works on a copy."""
