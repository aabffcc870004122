"""Hypothesis strategies shared by the tests."""

from decimal import Decimal

from hypothesis import strategies as st

from aiecosys import Money
from aiecosys._money import AMOUNT_LIMIT, MAX_PLACES


CURRENCIES = st.sampled_from(["EUR", "USD", "CNY", "GBP", "JPY", "CHF", "KWD"])

amounts = st.decimals(
    min_value=Decimal("-1e15"),
    max_value=Decimal("1e15"),
    allow_nan=False,
    allow_infinity=False,
    places=4,
)
"""Amounts as they appear in funding news, to four decimal places."""

any_decimals = st.decimals(
    min_value=-AMOUNT_LIMIT,
    max_value=AMOUNT_LIMIT,
    allow_nan=False,
    allow_infinity=False,
).filter(lambda d: abs(d) < AMOUNT_LIMIT and (not d or d.adjusted() >= -MAX_PLACES))
"""Every Decimal Money accepts, at any precision Hypothesis can think of."""


@st.composite
def money(draw: st.DrawFn, currency: str | None = None) -> Money:
    """Money with an amount from `amounts`."""
    code = currency if currency is not None else draw(CURRENCIES)
    return Money(draw(amounts), code)
