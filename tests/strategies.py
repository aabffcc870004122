"""Hypothesis strategies shared by the tests."""

from decimal import Decimal

from hypothesis import strategies as st

from aiecosys import Money


CURRENCIES = st.sampled_from(["EUR", "USD", "CNY", "GBP", "JPY", "CHF", "KWD"])

amounts = st.decimals(
    min_value=Decimal("-1e15"),
    max_value=Decimal("1e15"),
    allow_nan=False,
    allow_infinity=False,
    places=4,
)
"""Amounts as they appear in funding news, to four decimal places."""

any_decimals = st.decimals(allow_nan=False, allow_infinity=False)
"""Every finite Decimal Hypothesis can think of, however large or small."""


@st.composite
def money(draw: st.DrawFn, currency: str | None = None) -> Money:
    """Money with an amount from `amounts`."""
    code = currency if currency is not None else draw(CURRENCIES)
    return Money(draw(amounts), code)
