"""Money's messages, boundaries and caches, checked exactly (from mutation testing)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest

from aiecosys import CurrencyError, CurrencyMismatchError, Money, ParseError, _money
from aiecosys._currency import currency_codes
from aiecosys.fx import rate


EUR = Money("1", "EUR")
MISMATCH = (
    "cannot {} EUR and USD without a conversion: convert one amount at a stated "
    "date first, for example Money('1', 'USD').to('EUR', on=date(2023, 12, 11))"
)


class Subclass(Money):
    """Takes Money's general comparison path, not its same-type fast path."""


class TestMessages:
    @pytest.mark.parametrize(
        ("action", "operation"),
        [
            ("add", lambda a, b: a + b),
            ("subtract", lambda a, b: a - b),
            ("divide", lambda a, b: a / b),
            ("compare", lambda a, b: a < b),
            ("compare", lambda a, b: a <= b),
            ("compare", lambda a, b: a > b),
            ("compare", lambda a, b: a >= b),
        ],
    )
    def test_currency_mismatch(self, action: str, operation: object) -> None:
        """Messages: currency mismatch."""
        with pytest.raises(CurrencyMismatchError) as caught:
            operation(EUR, Money("1", "USD"))  # type: ignore[operator]
        assert MISMATCH.format(action) == str(caught.value)

    def test_float_factor(self) -> None:
        """Messages: float factor."""
        with pytest.raises(TypeError) as caught:
            EUR * 1.5  # type: ignore[operator]
        assert (
            "cannot multiply Money by float 1.5; floats are refused, "
            "pass a Decimal or an int"
        ) == str(caught.value)
        with pytest.raises(TypeError) as caught:
            EUR / 2.0  # type: ignore[operator]
        assert str(caught.value).startswith("cannot divide Money by float 2.0; floats")

    def test_other_factor(self) -> None:
        """Messages: other factor."""
        with pytest.raises(TypeError) as caught:
            EUR / "2"  # type: ignore[operator]
        assert "cannot divide Money by str '2'" == str(caught.value)
        with pytest.raises(TypeError) as caught:
            EUR * True
        assert "cannot multiply Money by bool True" == str(caught.value)

    def test_comparison_with_a_number(self) -> None:
        """Messages: comparison with a number."""
        operations: list[Callable[[], object]] = [
            lambda: EUR < 1,  # type: ignore[operator]
            lambda: EUR <= 1,  # type: ignore[operator]
            lambda: EUR > 1,  # type: ignore[operator]
            lambda: EUR >= 1,  # type: ignore[operator]
        ]
        for operation in operations:
            with pytest.raises(TypeError) as caught:
                operation()
            assert (
                "cannot compare Money with int; compare two Money values in the "
                "same currency"
            ) == str(caught.value)

    def test_out_of_range_text_is_cut_after_40_characters(self) -> None:
        # repr of 38 nines is 40 characters: written in full.
        """Messages: out of range text is cut after 40 characters."""
        with pytest.raises(ParseError) as caught:
            Money("9" * 38, "EUR")
        assert str(caught.value).startswith(f"the amount '{'9' * 38}' is out of range")
        # repr of 39 nines is 41 characters: its first 37, then "...".
        with pytest.raises(ParseError) as caught:
            Money("9" * 39, "EUR")
        assert str(caught.value).startswith(
            f"the amount '{'9' * 36}... is out of range: aiecosys keeps amounts "
            "below 10^30 in size and with digits no finer than 10^-60"
        )

    def test_finest_digit(self) -> None:
        """Messages: finest digit."""
        assert Decimal("1e-60") == Money("1e-60", "EUR").amount
        with pytest.raises(ParseError, match="out of range"):
            Money("1e-61", "EUR")


class TestComparisonPaths:
    @pytest.mark.parametrize("other", [Money("1", "EUR"), Subclass("1", "EUR")])
    def test_equal_amounts(self, other: Money) -> None:
        """Comparison paths: equal amounts."""
        assert (True, False, True, False) == (
            EUR <= other,
            EUR < other,
            EUR >= other,
            EUR > other,
        )

    @pytest.mark.parametrize("other", [Money("2", "EUR"), Subclass("2", "EUR")])
    def test_smaller_amount(self, other: Money) -> None:
        """Comparison paths: smaller amount."""
        assert (True, True, False, False) == (
            EUR <= other,
            EUR < other,
            EUR >= other,
            EUR > other,
        )


class TestFromFloat:
    @pytest.mark.parametrize(
        ("value", "digits", "expected"),
        [
            (0.1 + 0.2, 6, "Money('0.300000', 'USD')"),
            (3850.0, 3, "Money('3850', 'USD')"),
            (385e6, 3, "Money('385000000', 'USD')"),
            (1e-7, 2, "Money('1.0E-7', 'USD')"),
            (0.25, 1, "Money('0.2', 'USD')"),
            (1.5e29, 2, "Money('150000000000000000000000000000', 'USD')"),
            (2.5, 4, "Money('2.500', 'USD')"),
        ],
    )
    def test_keeps_the_stated_digits(
        self, value: float, digits: int, expected: str
    ) -> None:
        """From float: keeps the stated digits."""
        assert expected == repr(Money.from_float(value, "USD", digits=digits))

    def test_refusals(self) -> None:
        """From float: refusals."""
        with pytest.raises(TypeError) as caught:
            Money.from_float(True, "USD", digits=2)
        assert "from_float() needs a float, not bool" == str(caught.value)
        with pytest.raises(TypeError) as caught:
            Money.from_float("1.5", "USD", digits=2)  # type: ignore[arg-type]
        assert "from_float() needs a float, not str" == str(caught.value)
        with pytest.raises(ValueError) as value_error:
            Money.from_float(1.0, "USD", digits=0)
        assert "digits must be a positive int, not 0" == str(value_error.value)
        with pytest.raises(ParseError) as parse_error:
            Money.from_float(float("inf"), "USD", digits=2)
        assert "an amount of money must be finite, not inf" == str(parse_error.value)

    def test_an_int_is_accepted(self) -> None:
        """From float: an int is accepted."""
        assert Money("7", "USD") == Money.from_float(7, "USD", digits=3)


class TestParse:
    def test_a_code_starting_with_x(self) -> None:
        """Parse: a code starting with x."""
        assert Money("1000", "XAF") == Money.parse("XAF 1000")

    def test_minus_sign_before_the_symbol(self) -> None:
        """Parse: minus sign before the symbol."""
        assert Money("-5", "EUR") == Money.parse("\u2212€5")
        assert Money("-5", "EUR") == Money.parse("-€5")

    def test_assumed_currency_for_a_symbol_after_the_number(self) -> None:
        """Parse: assumed currency for a symbol after the number."""
        assert Money("1000", "JPY") == Money.parse("1000 ¥", assume="JPY")

    def test_no_number(self) -> None:
        """Parse: no number."""
        with pytest.raises(ParseError) as caught:
            Money.parse("abc")
        assert str(caught.value).startswith(
            "cannot read 'abc' as an amount of money; it has no number."
        )

    def test_no_currency(self) -> None:
        """Parse: no currency."""
        with pytest.raises(ParseError) as caught:
            Money.parse("1000")
        assert (
            "cannot read '1000' as an amount of money: no currency found; add a "
            "code, a symbol or a name, such as 'EUR', '€' or 'euros'"
        ) == str(caught.value)

    def test_unknown_currency_names_the_fragment(self) -> None:
        """Parse: unknown currency names the fragment."""
        with pytest.raises(ParseError) as caught:
            Money.parse("1000 Zorkmid")
        assert str(caught.value).startswith(
            "cannot read '1000 Zorkmid' as an amount of money: 'Zorkmid' is not a "
            "currency aiecosys knows (unknown currency code 'Zorkmid'"
        )


class TestFormat:
    def test_default_locale_and_fraction_digits(self) -> None:
        """Format: default locale and fraction digits."""
        amount = Money("1234567", "EUR")
        assert "€1.23M" == amount.format(style="compact")
        assert "€1,234,567.00" == amount.format()
        assert "1.23 million euros" == amount.format(style="long")

    def test_long_form_starts_at_one_million(self) -> None:
        """Format: long form starts at one million."""
        assert "1 million euros" == Money("1000000", "EUR").format("en", style="long")
        assert "999,999 euros" == Money("999999", "EUR").format("en", style="long")

    @pytest.mark.parametrize(
        ("amount", "locale", "currency", "expected"),
        [
            ("2", "fr", "EUR", "2 euros"),
            ("1.5", "fr", "EUR", "1,5 euro"),
            ("1.5", "en", "EUR", "1.5 euros"),
            ("1", "en", "EUR", "1 euro"),
            ("1", "fr", "USD", "1 dollar"),
            ("2", "fr", "USD", "2 dollars"),
            ("2", "fr", "GBP", "2 livres sterling"),
            ("1", "fr", "GBP", "1 livre sterling"),
            ("1", "en", "CNY", "1 yuan"),
            ("-2", "fr", "EUR", "-2 euros"),
        ],
    )
    def test_singular_and_plural(
        self, amount: str, locale: str, currency: str, expected: str
    ) -> None:
        """Format: singular and plural."""
        assert expected == Money(amount, currency).format(locale, style="long")


class TestExactness:
    def test_quantize_keeps_every_digit_of_a_large_amount(self) -> None:
        """Exactness: quantize keeps every digit of a large amount."""
        big = Money("123456789012345678901234567.891", "EUR")
        assert "Money('123456789012345678901234567.89', 'EUR')" == repr(big.quantize())
        assert "Money('123456789012345678901234568', 'JPY')" == repr(
            Money("123456789012345678901234567.891", "JPY").quantize()
        )

    def test_converted_checks_its_currency(self) -> None:
        """Exactness: converted checks its currency."""
        record = rate("EUR", "USD", on=date(2023, 12, 11))
        with pytest.raises(CurrencyError, match="'XYZ'"):
            _money.converted(Decimal(1), "XYZ", record)
        made = _money.converted(Decimal("1.0757"), "USD", record)
        assert (Decimal("1.0757"), "USD") == (made.amount, made.currency)
        assert record is made.conversion


class TestCaches:
    def test_conversion_function_is_loaded_once_and_kept(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Caches: conversion function is loaded once and kept."""
        monkeypatch.setattr(_money, "_fx_convert", [])
        day = date(2023, 12, 11)
        first = EUR.to("USD", on=day)
        assert 1 == len(_money._fx_convert)
        assert callable(_money._fx_convert[0])
        assert first == EUR.to("USD", on=day)
        assert Money("1.0757", "USD") == first

    def test_currency_names_table(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Caches: currency names table."""
        monkeypatch.setattr(_money, "_names", {})
        names = _money._currency_names()
        assert names is _money._names
        expected = {
            "euro": "EUR",  # English, one
            "euros": "EUR",  # English, several
            "dollar des etats-unis": "USD",  # French, one, accents folded
            "dollars des etats-unis": "USD",  # French, several
            "livres sterling": "GBP",
            "us dollars": "USD",
            "₹": "INR",  # a symbol
            "a$": "AUD",  # an English symbol, case-folded
            "$ca": "CAD",  # a French symbol
            "€": "EUR",
        }
        assert expected == {key: names.get(key) for key in expected}
        assert "¥" not in names  # ambiguous: JPY or CNY
        assert "kr" not in names
        assert all(key == key.casefold() for key in names)
        assert set(names.values()) <= {*currency_codes()}
        assert names is _money._currency_names()


class TestGeneralComparisonPath:
    """Two instances of a subclass: neither is exactly Money, so no fast path."""

    def test_equal_amounts(self) -> None:
        """General comparison path: equal amounts."""
        one, other = Subclass("1", "EUR"), Subclass("1", "EUR")
        assert (True, False, True, False) == (
            one <= other,
            one < other,
            one >= other,
            one > other,
        )

    def test_smaller_amount(self) -> None:
        """General comparison path: smaller amount."""
        one, two = Subclass("1", "EUR"), Subclass("2", "EUR")
        assert (True, True, False, False) == (
            one <= two,
            one < two,
            one >= two,
            one > two,
        )


class TestConstruction:
    def test_refusals_word_for_word(self) -> None:
        """Construction: refusals word for word."""
        with pytest.raises(ParseError) as parse_error:
            Money("abc", "EUR")
        assert (
            "cannot read 'abc' as a decimal amount; write digits such as '385000000' "
            "or '1.5', or use Money.parse() for text such as '385 millions d'euros'"
        ) == str(parse_error.value)
        with pytest.raises(TypeError) as caught:
            Money(1.5, "EUR")  # type: ignore[arg-type]
        assert (
            "Money refuses the float 1.5: binary floats cannot hold most decimal "
            "amounts exactly. Pass a Decimal, an int or a str, or say how many "
            "significant digits to keep with Money.from_float(value, currency, "
            "digits=...)"
        ) == str(caught.value)
        with pytest.raises(TypeError) as caught:
            Money(True, "EUR")
        assert "Money refuses a bool as an amount; pass a Decimal, int or str" == str(
            caught.value
        )
        with pytest.raises(TypeError) as caught:
            Money(None, "EUR")  # type: ignore[arg-type]
        assert "Money needs a Decimal, int or str amount, not NoneType" == str(
            caught.value
        )

    def test_a_conversion_record_is_kept(self) -> None:
        """Construction: a conversion record is kept."""
        record = rate("EUR", "USD", on=date(2023, 12, 11))
        assert record is Money("1.0757", "USD", conversion=record).conversion

    def test_a_code_that_is_not_text(self) -> None:
        """Construction: a code that is not text."""
        with pytest.raises(CurrencyError):
            Money("1", 978)  # type: ignore[arg-type]
