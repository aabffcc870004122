"""Money: exact amounts, one currency at a time."""

from __future__ import annotations

import decimal
import pickle
import random
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, localcontext
from pathlib import Path

import babel
import pytest
from babel import Locale
from babel.localedata import locale_identifiers
from hypothesis import given
from hypothesis import strategies as st

from aiecosys import (
    AiecosysError,
    CurrencyError,
    CurrencyMismatchError,
    InvalidArithmeticError,
    Money,
    ParseError,
    _money,
)
from aiecosys import _currency as currency_module
from aiecosys import _currency_names as written_names
from aiecosys import _money as money_module
from aiecosys._amounts import MAX_TEXT_LENGTH, Lang
from aiecosys._currency import currency_codes, minor_units
from aiecosys._money import SCALE_LIKE_SYMBOLS
from aiecosys.fx import rate
from tests.strategies import any_decimals, money


LANGS: list[Lang] = ["en", "fr"]


class TestConstruction:
    def test_decimal_int_and_str_are_exact(self) -> None:
        """Decimal, int and str amounts are kept exactly as given."""
        assert Decimal("0.1") == Money("0.1", "EUR").amount
        assert Decimal(385000000) == Money(385000000, "EUR").amount
        assert Decimal("1.005") == Money(Decimal("1.005"), "EUR").amount

    def test_float_is_refused_with_the_alternative(self) -> None:
        """A float raises TypeError naming Money.from_float."""
        with pytest.raises(TypeError, match=r"Money\.from_float"):
            Money(0.1, "EUR")  # type: ignore[arg-type]

    def test_bool_and_other_types_are_refused(self) -> None:
        """Neither a bool nor a list is an amount."""
        with pytest.raises(TypeError, match="bool"):
            Money(True, "EUR")
        with pytest.raises(TypeError, match="list"):
            Money([1], "EUR")  # type: ignore[arg-type]

    def test_int_subclass_is_accepted(self) -> None:
        """Subclasses of int (an IntEnum, say) are read as their value."""

        class Count(int):
            pass

        assert Decimal(3) == Money(Count(3), "EUR").amount

    @pytest.mark.parametrize("text", ["NaN", "Infinity", "-inf", "sNaN"])
    def test_non_finite_amounts_are_refused(self, text: str) -> None:
        """NaN and infinities are not amounts of money."""
        with pytest.raises(ParseError, match="finite"):
            Money(text, "EUR")
        with pytest.raises(ParseError, match="finite"):
            Money(Decimal(text), "EUR")

    @pytest.mark.parametrize(
        "amount", ["1e30", "-1e30", "1e999999", "1e-61", "1e-999999", 10**31]
    )
    def test_absurd_amounts_are_refused(self, amount: str | int) -> None:
        """Amounts too large or too fine to be money are refused, not kept."""
        with pytest.raises(ParseError, match="out of range"):
            Money(amount, "EUR")

    def test_zeros_are_written_as_zero(self) -> None:
        """-0 and 0E-999999 are both plain 0."""
        assert "Money('0', 'EUR')" == repr(Money("-0", "EUR"))
        assert "Money('0', 'EUR')" == repr(Money("0E-999999", "EUR"))

    def test_unreadable_string_points_to_parse(self) -> None:
        """Text that is not a plain decimal suggests Money.parse()."""
        with pytest.raises(ParseError, match=r"Money\.parse"):
            Money("385 M€", "EUR")

    def test_unknown_currency_gets_a_suggestion(self) -> None:
        """A near-miss code is answered with the likely code."""
        with pytest.raises(CurrencyError, match="did you mean 'USD'"):
            Money(1, "usd")
        with pytest.raises(CurrencyError, match="did you mean 'EUR'"):
            Money(1, "EURO")

    def test_currency_must_be_a_string(self) -> None:
        """A currency is a code, not a number."""
        with pytest.raises(CurrencyError, match="ISO 4217"):
            Money(1, 978)  # type: ignore[arg-type]

    def test_errors_are_aiecosys_errors(self) -> None:
        """Currency errors can be caught as AiecosysError and ValueError."""
        with pytest.raises(AiecosysError):
            Money(1, "XYZ")
        with pytest.raises(ValueError, match="XYZ"):
            Money(1, "XYZ")

    def test_historic_codes_are_known(self) -> None:
        """CLDR's historic codes (French francs) are valid currencies."""
        assert "FRF" == Money(1, "FRF").currency

    def test_from_float_keeps_stated_digits(self) -> None:
        """from_float rounds to the significant digits asked for."""
        assert Money("0.300000", "USD") == Money.from_float(0.1 + 0.2, "USD", digits=6)
        assert Money(120, "USD") == Money.from_float(123.456, "USD", digits=2)
        assert Decimal(385000000) == Money.from_float(385e6, "EUR", digits=3).amount

    def test_from_float_refuses_nonsense(self) -> None:
        """from_float needs a finite float and a positive digit count."""
        with pytest.raises(ParseError):
            Money.from_float(float("nan"), "USD", digits=3)
        with pytest.raises(ValueError, match="digits"):
            Money.from_float(1.5, "USD", digits=0)
        with pytest.raises(TypeError):
            Money.from_float("1.5", "USD", digits=3)  # type: ignore[arg-type]

    def test_is_frozen_hashable_and_picklable(self) -> None:
        """Money is an immutable value."""
        m = Money("1.50", "EUR")

        assert {m, Money("1.5", "EUR")} == {m}
        assert m == pickle.loads(pickle.dumps(m))
        with pytest.raises(AttributeError):
            m.amount = Decimal(2)  # type: ignore[misc]

    def test_repr_and_str(self) -> None:
        """repr() round-trips in code; str() groups thousands."""
        m = Money("385000000", "EUR")

        assert "Money('385000000', 'EUR')" == repr(m)
        assert "385,000,000 EUR" == str(m)
        assert "-1,234.56 USD" == str(Money("-1234.56", "USD"))


class TestArithmetic:
    def test_same_currency(self) -> None:
        """+, -, unary minus, abs and scaling work within one currency."""
        a, b = Money("105000000", "EUR"), Money("385000000", "EUR")

        assert Money("490000000", "EUR") == a + b
        assert Money("280000000", "EUR") == b - a
        assert Money("-105000000", "EUR") == -a
        assert a == +a
        assert a == abs(-a)
        assert Money("210000000", "EUR") == a * 2
        assert Money("210000000", "EUR") == 2 * a
        assert Money("52500000", "EUR") == a / 2
        assert Money("52500000.0", "EUR") == a * Decimal("0.5")

    def test_ratio_is_a_decimal(self) -> None:
        """Money / Money is a Decimal ratio."""
        assert Decimal(11) == Money(385, "EUR") / Money(35, "EUR")

    def test_division_rounds_only_past_fifty_digits(self) -> None:
        """A repeating quotient keeps 50 significant digits."""
        third = Money(1, "EUR") / 3

        assert isinstance(third, Money)
        assert 50 == len(third.amount.as_tuple().digits)

    @pytest.mark.parametrize(
        "operation",
        [
            lambda a, b: a + b,
            lambda a, b: a - b,
            lambda a, b: a / b,
            lambda a, b: a < b,
            lambda a, b: a <= b,
            lambda a, b: a > b,
            lambda a, b: a >= b,
        ],
    )
    def test_mixing_currencies_raises(self, operation: object) -> None:
        """Any operation across currencies asks for a dated conversion."""
        with pytest.raises(CurrencyMismatchError, match=r"\.to\('EUR', on=date"):
            operation(Money(1, "EUR"), Money(1, "USD"))  # type: ignore[operator]

    def test_equality_across_currencies_is_false(self) -> None:
        """1 EUR is not 1 USD, and asking is not an error."""
        assert Money(1, "EUR") != Money(1, "USD")

    def test_floats_and_plain_numbers_are_refused(self) -> None:
        """Scaling by a float, or adding a bare number, raises TypeError."""
        m = Money(1, "EUR")
        with pytest.raises(TypeError, match="floats are refused"):
            m * 1.5  # type: ignore[operator]
        with pytest.raises(TypeError, match="floats are refused"):
            m / 1.5  # type: ignore[operator]
        with pytest.raises(TypeError):
            m + 1  # type: ignore[operator]
        with pytest.raises(TypeError):
            m * m  # type: ignore[operator]
        with pytest.raises(TypeError, match="bool"):
            m * True
        with pytest.raises(TypeError, match="compare Money with int"):
            assert m < 2  # type: ignore[operator]

    def test_ordering_within_a_currency(self) -> None:
        """Comparisons order amounts of one currency."""
        small, large = Money(105, "EUR"), Money(385, "EUR")

        assert small < large
        assert small <= large
        assert large > small
        assert large >= small
        assert max(small, large) is large
        assert not Money(0, "EUR")
        assert Money("0.01", "EUR")

    @given(money("EUR"), money("EUR"), money("EUR"))
    def test_addition_is_exact_commutative_associative(
        self, a: Money, b: Money, c: Money
    ) -> None:
        """Sums are exact, commutative and associative, and undo with subtraction."""
        assert a + b == b + a
        assert (a + b) + c == a + (b + c)
        assert (a + b) - b == a
        assert a.amount + b.amount == (a + b).amount

    @given(any_decimals, any_decimals)
    def test_addition_never_rounds(self, x: Decimal, y: Decimal) -> None:
        """Even amounts with many digits add without rounding."""
        total = Money(x, "USD") + Money(y, "USD")

        assert total - Money(y, "USD") == Money(x, "USD")

    @given(money("JPY"), st.integers(-1000, 1000), st.decimals(-100, 100, places=3))
    def test_no_operation_returns_a_float(self, m: Money, n: int, d: Decimal) -> None:
        """Every result is Money or Decimal, never a float."""
        results: list[object] = [m + m, m - m, -m, m * n, n * m, m * d, abs(m)]
        if n:
            results += [m / n, m / Money(n, "JPY")]
        results += [m.quantize(), round(m)]

        assert all(isinstance(r, Money | Decimal) for r in results)
        assert all(
            isinstance(r.amount, Decimal) for r in results if isinstance(r, Money)
        )


class TestRounding:
    def test_half_even_to_minor_units_by_default(self) -> None:
        """quantize() uses CLDR minor units and banker's rounding."""
        assert Money("2.68", "EUR") == Money("2.675", "EUR").quantize()
        assert Money("2.66", "EUR") == Money("2.665", "EUR").quantize()
        assert "2.66" == str(Money("2.665", "EUR").quantize().amount)
        assert Money(1234, "JPY") == Money("1234.5", "JPY").quantize()
        assert "1.234" == str(Money("1.2345", "KWD").quantize().amount)
        assert "1.236" == str(Money("1.2355", "KWD").quantize().amount)

    def test_mode_and_digits_are_arguments(self) -> None:
        """The rounding mode and the number of places can be chosen."""
        assert Money("2.67", "EUR") == Money("2.665", "EUR").quantize(ROUND_HALF_UP)
        assert Money("2.6", "EUR") == Money("2.69", "EUR").quantize(
            ROUND_DOWN, digits=1
        )
        assert Money("385000000", "EUR") == round(Money("385000000.4", "EUR"), 0)

    def test_round_builtin(self) -> None:
        """round() rounds half-even to minor units."""
        assert Money("0.12", "USD") == round(Money("0.125", "USD"))


class TestParse:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("385 millions d'euros", Money("385000000", "EUR")),
            ("385 millions d’euros", Money("385000000", "EUR")),
            ("385 M€", Money("385000000", "EUR")),
            ("385\u00a0M\u00a0€", Money("385000000", "EUR")),
            ("€385M", Money("385000000", "EUR")),
            ("$200 million", Money("200000000", "USD")),
            ("200 millions de dollars", Money("200000000", "USD")),
            ("3 milliards de dollars", Money("3000000000", "USD")),
            ("USD 1.2bn", Money("1200000000", "USD")),
            ("105 million euros", Money("105000000", "EUR")),
            ("1,2 milliard d'euros", Money("1200000000", "EUR")),
            ("2 billion dollars", Money("2000000000", "USD")),
            ("2 billions de dollars", Money("2000000000000", "USD")),
            ("1,5 Md $US", Money("1500000000", "USD")),
            ("US$1.2bn", Money("1200000000", "USD")),
            ("£10m", Money("10000000", "GBP")),
            ("CN¥2.1B", Money("2100000000", "CNY")),
            ("2,1 Md CNY", Money("2100000000", "CNY")),
            ("10 milliards de yuans", Money("10000000000", "CNY")),
            ("€385,000,000.00", Money("385000000", "EUR")),
            ("385\u202f000\u202f000,00\u00a0€", Money("385000000", "EUR")),
            ("385,000,000 EUR", Money("385000000", "EUR")),
            ("-€1,234.50", Money("-1234.5", "EUR")),
            ("-1 234,50 €", Money("-1234.5", "EUR")),
            ("EUR 300m", Money("300000000", "EUR")),
            ("300 k€", Money("300000", "EUR")),
            ("1.5 trillion yen", Money("1500000000000", "JPY")),
            ("300 million US dollars", Money("300000000", "USD")),
            ("300 millions de dollars des États-Unis", Money("300000000", "USD")),
        ],
    )
    def test_news_forms(self, text: str, expected: Money) -> None:
        """Amounts are read as newspapers write them, in English and French."""
        assert expected == Money.parse(text)

    def test_assume_supplies_a_missing_or_ambiguous_currency(self) -> None:
        """assume= gives the currency where the text has none or only ¥."""
        assert Money(300, "CNY") == Money.parse("¥300", assume="CNY")
        assert Money(385, "EUR") == Money.parse("385", assume="EUR")
        assert Money(385, "CAD") == Money.parse("$385", assume="CAD")

    def test_lang_forces_the_reading_of_billion(self) -> None:
        """lang='fr' reads 'billion' as 10^12, lang='en' as 10^9."""
        assert Money(10**12, "EUR") == Money.parse("1 billion EUR", lang="fr")
        assert Money(10**9, "EUR") == Money.parse("1 billion EUR", lang="en")

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("a lot of money", "no number"),
            ("385", "no currency"),
            ("385 M", "no currency"),
            ("1 and 2 EUR", "more than one number"),
            ("¥300", "JPY or CNY"),
            ("300 zorkmids", "not a currency"),
            ("$300 EUR", "two currencies"),
            ("1,00,000 EUR", "digit groups"),
            ("1.000.5 EUR", "malformed"),
        ],
    )
    def test_unreadable_text_raises_quoting_it(self, text: str, message: str) -> None:
        """Unparseable text raises ParseError quoting the text."""
        with pytest.raises(ParseError, match=message) as info:
            Money.parse(text)

        assert repr(text) in str(info.value)

    def test_non_text_is_a_type_error(self) -> None:
        """parse() reads text only."""
        with pytest.raises(TypeError):
            Money.parse(385)  # type: ignore[arg-type]


class TestReadings:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("0,500 M€", Money(500_000, "EUR")),
            ("0,001 bn USD", Money(1_000_000, "USD")),
            ("0.500 M€", Money(500_000, "EUR")),
            ("1,5 M€", Money(1_500_000, "EUR")),
            ("1.2345 M€", Money("1234500", "EUR")),
            ("385 000 €", Money(385_000, "EUR")),
            ("1.234,5 €", Money("1234.5", "EUR")),
        ],
    )
    def test_forms_with_one_reading(self, text: str, expected: Money) -> None:
        """Digits whose marks can be read one way only need no hint."""
        assert expected == Money.parse(text)

    @pytest.mark.parametrize(
        ("text", "readings"),
        [
            ("385.000 €", ("385,000", "385.000")),
            ("$1,200", ("1,200", "1.200")),
            ("1,234 EUR", ("1,234", "1.234")),
        ],
    )
    def test_a_mark_before_three_digits_is_refused(
        self, text: str, readings: tuple[str, str]
    ) -> None:
        """A lone dot or comma before three digits: both readings, and the way out."""
        with pytest.raises(ParseError) as caught:
            Money.parse(text)

        message = str(caught.value)
        assert all(reading in message for reading in readings)
        assert "lang= or locale=" in message

    def test_lang_or_locale_settles_the_mark(self) -> None:
        """The caller's language or locale says which mark is decimal."""
        assert Money(385_000, "EUR") == Money.parse("385.000 €", locale="de")
        assert Money(385_000, "EUR") == Money.parse("385.000 €", lang="fr")
        assert Money(385, "EUR") == Money.parse("385.000 €", lang="en")
        assert Money(1200, "USD") == Money.parse("$1,200", lang="en")
        assert Money("1234567.5", "INR") == Money.parse("₹12,34,567.50", locale="en_IN")
        assert Money("1234.5", "CHF") == Money.parse("CHF 1’234.50", locale="de_CH")

    def test_a_mark_the_locale_does_not_write_is_refused(self) -> None:
        """Under a locale, a decimal mark after its own is malformed."""
        with pytest.raises(ParseError, match="malformed number"):
            Money.parse("1.234,50 €", locale="en")

    def test_an_unknown_locale_is_a_parse_error(self) -> None:
        """A locale CLDR does not know is refused with examples."""
        with pytest.raises(ParseError, match="unknown locale 'xx_YY'"):
            Money.parse("5 EUR", locale="xx_YY")

    def test_own_output_reads_back_in_italian(self) -> None:
        """A yen amount formatted for Italian readers reads back whole."""
        m = Money("1234", "JPY")

        assert m == Money.parse(m.format("it"), locale="it")

    def test_every_babel_locale_reads_its_own_format_back(self) -> None:
        """parse(m.format(locale), locale=locale) is m in every CLDR locale."""
        rng = random.Random(20231211)  # noqa: S311 - a reproducible sample
        amounts = ["0", "1", "-1234.5", "999", "1234567.891", "-0.01", "385000000"]
        currencies = ["EUR", "USD", "JPY", "CNY", "GBP", "CHF", "KWD", "INR", "BRL"]
        failures = []
        for locale in locale_identifiers():
            for _ in range(4):
                m = Money(rng.choice(amounts), rng.choice(currencies)).quantize()
                text = m.format(locale)
                read = Money.parse(text, locale=locale)
                if read != m:
                    failures.append((locale, text, read))

        assert [] == failures

    def test_babel_grouping_from_four_digits_reads_back(self) -> None:
        """Swiss German writes 10^9 as 1000000'000.00; it reads back."""
        m = Money("1000000000", "CHF")

        assert m == Money.parse(m.format("de_CH"), locale="de_CH")
        with pytest.raises(ParseError, match="malformed"):
            Money.parse("CHF 1000'000'000.00", locale="en")

    def test_trailing_minus_of_a_locale(self) -> None:
        """Frisian writes the minus after the amount; the locale says so."""
        assert Money("-1234.5", "EUR") == Money.parse("€ 1.234,50-", locale="fy")
        with pytest.raises(ParseError):
            Money.parse("€ 1.234,50-")
        with pytest.raises(ParseError, match="more than one sign"):
            Money.parse("€ -1.234,50-", locale="fy")

    @pytest.mark.parametrize(
        ("text", "readings"),
        [
            ("100 T$", ("100,000,000,000,000 USD", "100 TOP")),
            ("1.2 $bn", ("1,200,000,000 USD", "1.2 BND")),
        ],
    )
    def test_scale_letter_and_symbol_collisions_are_refused(
        self, text: str, readings: tuple[str, str]
    ) -> None:
        """A scale letter glued to a symbol that spells a currency: both readings."""
        with pytest.raises(ParseError) as caught:
            Money.parse(text)

        assert all(reading in str(caught.value) for reading in readings)

    def test_the_table_of_scale_like_symbols_is_cldrs(self) -> None:
        """Every CLDR symbol that a scale word starts, ends or is, and no other."""
        words = ("k", "m", "b", "t", "bn", "mn", "md", "tn")
        found: dict[str, set[str]] = {}
        for locale in locale_identifiers():
            for code, symbol in Locale.parse(locale).currency_symbols.items():
                low = symbol.casefold()
                if any(
                    low.rstrip(".") == w
                    or (low.startswith(w) and not low[len(w)].isalpha())
                    or (low.endswith(w) and not low[-len(w) - 1].isalpha())
                    for w in words
                ):
                    found.setdefault(symbol, set()).add(code)

        assert found == {s: set(c) for s, c in SCALE_LIKE_SYMBOLS.items()}

    def test_assume_or_locale_settles_a_collision(self) -> None:
        """The currency stated, or the locale's own symbol, chooses one reading."""
        assert Money(100, "TOP") == Money.parse("100 T$", assume="TOP")
        assert Money(10**14, "USD") == Money.parse("100 T$", assume="USD")
        assert Money(100, "MMK") == Money.parse("100 K", locale="my")
        assert Money(100_000, "EUR") == Money.parse("€100 K")

    def test_a_bare_scale_letter_is_no_currency(self) -> None:
        """'385 M' names no currency, though M is the loti's symbol somewhere."""
        with pytest.raises(ParseError, match=r"no currency.*LSL"):
            Money.parse("385 M")

    @pytest.mark.parametrize(
        ("text", "assume", "says"),
        [
            ("¥5", "EUR", "JPY or CNY"),
            ("$5", "EUR", "USD"),
            ("€5", "USD", "names EUR"),
            ("5 EUR", "USD", "names EUR"),
        ],
    )
    def test_assume_must_be_a_meaning_of_the_text(
        self, text: str, assume: str, says: str
    ) -> None:
        """assume= never overrides a symbol or code that cannot mean it."""
        with pytest.raises(ParseError, match=says):
            Money.parse(text, assume=assume)

    def test_dollar_sign_follows_assume_and_locale(self) -> None:
        """$ is USD alone, else the dollar of assume= or of the locale."""
        assert Money(5, "USD") == Money.parse("$5")
        assert Money(5, "CAD") == Money.parse("$5", assume="CAD")
        assert Money(5, "CAD") == Money.parse("$5", locale="en_CA")
        assert Money(5, "MXN") == Money.parse("$5", locale="es_MX")

    def test_text_longer_than_the_bound_is_refused(self) -> None:
        """The bound is named; text up to it is read, spaces folded."""
        assert Money(5, "EUR") == Money.parse("5" + " " * (MAX_TEXT_LENGTH - 4) + "EUR")
        with pytest.raises(ParseError, match="at most 1,000 characters"):
            Money.parse("5" + " " * MAX_TEXT_LENGTH + "EUR")

    def test_results_ignore_the_callers_decimal_context(self) -> None:
        """A caller's low precision changes nothing that is read."""
        texts = ["1,234,567.891 USD", "385 millions d'euros", "1.2345678 bn EUR"]
        expected = [Money.parse(text) for text in texts]
        with localcontext(prec=3):
            assert expected == [Money.parse(text) for text in texts]

    def test_underscores_are_refused(self) -> None:
        """Python's digit underscores are no amount's."""
        with pytest.raises(ParseError):
            Money.parse("1_0757 EUR")


class TestFormat:
    def test_standard(self) -> None:
        """Standard forms follow CLDR for each locale."""
        m = Money("385000000", "EUR")

        assert "€385,000,000.00" == m.format("en")
        assert "385\u202f000\u202f000,00\u00a0€" == m.format("fr_FR")

    def test_compact(self) -> None:
        """Compact forms: €385M in English, 385 M€ (spaced) in French."""
        assert "€385M" == Money("385000000", "EUR").format(style="compact")
        assert "385\u00a0M\u00a0€" == Money("385000000", "EUR").format(
            "fr", style="compact"
        )
        assert "$1.2B" == Money("1200000000", "USD").format(style="compact")
        assert "$1.25B" == Money("1250000000", "USD").format(style="compact")

    def test_long(self) -> None:
        """Long forms spell the scale and the currency out."""
        assert "385 millions d'euros" == Money("385000000", "EUR").format(
            "fr", style="long"
        )
        assert "3 milliards de dollars" == Money("3000000000", "USD").format(
            "fr", style="long"
        )
        assert "105 million euros" == Money("105000000", "EUR").format(style="long")
        assert "1 euro" == Money("1", "EUR").format(style="long")
        assert "1 euro" == Money("1", "EUR").format("fr", style="long")
        assert "200 million US dollars" == Money("200000000", "USD").format(
            style="long"
        )
        assert "1\u202f200 yuans" == Money("1200", "CNY").format("fr", style="long")

    def test_unknown_style(self) -> None:
        """An unknown style names the valid ones."""
        with pytest.raises(ValueError, match="'compact'"):
            Money(1, "EUR").format(style="fancy")  # type: ignore[arg-type]

    @given(money(), st.sampled_from(LANGS))
    def test_parse_recovers_standard_format(self, m: Money, locale: Lang) -> None:
        """parse(format(m)) gives m back at the formatted precision.

        English CLDR writes JPY as a bare ¥, which also means CNY in Chinese
        text, so that symbol needs the currency stated.
        """
        text = m.format(locale)

        assert m.quantize() == Money.parse(text, lang=locale, assume=m.currency)
        if m.currency != "JPY":
            assert m.quantize() == Money.parse(text, lang=locale)

    @given(
        st.integers(1, 999),
        st.sampled_from([10**3, 10**6, 10**9]),
        st.sampled_from(["EUR", "USD"]),
        st.sampled_from(["en", "fr"]),
        st.sampled_from(["compact", "long"]),
    )
    def test_parse_recovers_compact_and_long(
        self, n: int, scale: int, code: str, locale: str, style: str
    ) -> None:
        """Compact and long forms read back to the same amount."""
        m = Money(n * scale, code)

        text = m.format(locale, style=style)  # type: ignore[arg-type]
        assert m == Money.parse(text, locale=locale)

    def test_str_reads_back(self) -> None:
        """str(m) is itself parseable."""
        m = Money("1234567.891", "USD")

        assert m == Money.parse(str(m))


# -- arithmetic that stays valid --------------------------------------------------

EUR_1 = Money(1, "EUR")


class TestArithmeticRefusals:
    @pytest.mark.parametrize(
        "factor",
        [Decimal("NaN"), Decimal("sNaN"), Decimal("Infinity"), Decimal("-Infinity")],
        ids=str,
    )
    def test_a_factor_that_is_not_finite(self, factor: Decimal) -> None:
        """Scaling by NaN or an infinity is refused, never an invalid Money."""
        with pytest.raises(InvalidArithmeticError, match="must be finite"):
            EUR_1 * factor
        with pytest.raises(InvalidArithmeticError, match="must be finite"):
            factor * EUR_1
        with pytest.raises(InvalidArithmeticError, match="must be finite"):
            EUR_1 / factor

    @pytest.mark.parametrize("zero", [0, Decimal(0), Decimal("-0.00")], ids=repr)
    def test_division_by_zero(self, zero: Decimal | int) -> None:
        """A zero divisor is refused with an aiecosys error, not a decimal one."""
        with pytest.raises(InvalidArithmeticError, match="by zero; check the divisor"):
            EUR_1 / zero
        with pytest.raises(InvalidArithmeticError, match="ratio to zero is undefined"):
            EUR_1 / Money(zero, "EUR")

    def test_a_zero_divisor_is_still_an_arithmetic_error(self) -> None:
        """Code catching ArithmeticError or ValueError keeps working."""
        with pytest.raises(ArithmeticError):
            EUR_1 / 0
        with pytest.raises(ValueError, match="by zero"):
            EUR_1 / 0

    @pytest.mark.parametrize(
        ("operation", "says"),
        [
            (lambda: Money("1e29", "EUR") * Decimal("1e100"), "about 10^129 EUR"),
            (lambda: Money("9e29", "EUR") + Money("9e29", "EUR"), "about 10^30 EUR"),
            (lambda: Money("-9e29", "EUR") - Money("9e29", "EUR"), "about 10^30 EUR"),
            (lambda: Money("1e-60", "EUR") / 100, "about 10^-62 EUR"),
            (lambda: Money("1e-60", "EUR") * Decimal("0.1"), "about 10^-61 EUR"),
            (
                lambda: Money("1.5e-60", "EUR") - Money("1.4e-60", "EUR"),
                "about 10^-61 EUR",
            ),
            (lambda: Money("9.6e29", "EUR").quantize(digits=-29), "about 10^30 EUR"),
            (lambda: Money("9e29", "EUR") / Decimal("1e-999999"), "10^1000028 EUR"),
            (
                lambda: EUR_1 * Decimal("1e999999999999999999"),
                "about 10^999999999999999999 EUR",
            ),
        ],
    )
    def test_results_out_of_range(
        self, operation: Callable[[], object], says: str
    ) -> None:
        """A result past AMOUNT_LIMIT or finer than MAX_PLACES is refused."""
        with pytest.raises(InvalidArithmeticError) as caught:
            operation()
        assert says in str(caught.value)
        assert "out of Money's range (below 10^30 in size" in str(caught.value)

    def test_a_zero_result_is_zero(self) -> None:
        """A product that is zero is plain 0, whatever its exponent."""
        assert Decimal(0) == (Money(0, "EUR") * Decimal("1e-100")).amount
        assert "0" == str((Money(0, "EUR") * Decimal("1e-100")).amount)

    @pytest.mark.parametrize("digits", [61, -31, 10**9])
    def test_rounding_past_the_places_money_keeps(self, digits: int) -> None:
        """quantize() and round() take digits from -30 to 60 only."""
        with pytest.raises(InvalidArithmeticError, match="from -30 to 60"):
            EUR_1.quantize(digits=digits)
        with pytest.raises(InvalidArithmeticError, match="from -30 to 60"):
            round(EUR_1, digits)

    def test_rounding_needs_int_digits(self) -> None:
        """digits given as text or a bool is a TypeError."""
        with pytest.raises(TypeError, match="digits must be an int"):
            EUR_1.quantize(digits="2")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="digits must be an int"):
            EUR_1.quantize(digits=True)

    def test_from_float_digits_are_bounded(self) -> None:
        """from_float keeps at most the 90 digits an amount can have."""
        with pytest.raises(InvalidArithmeticError, match="at most 90"):
            Money.from_float(0.1, "EUR", digits=10**9)
        assert Money("0.1000000000000000055511151231", "EUR") == Money.from_float(
            0.1, "EUR", digits=28
        )


class TestArithmeticContext:
    def test_results_ignore_the_callers_decimal_context(self) -> None:
        """Sums, products, quotients and rounding are the same at prec=3."""

        def results() -> list[object]:
            a, b = Money("385000000.55", "EUR"), Money("105000000.45", "EUR")
            return [
                a + b,
                a - b,
                a * Decimal("1.0757"),
                -a,
                abs(-a),
                a / 7,
                a / b,
                a.quantize(),
                round(a, 1),
                Money.from_float(0.1 + 0.2, "USD", digits=6),
                a < b,
            ]

        expected = results()
        with decimal.localcontext() as context:
            context.prec = 3
            context.rounding = decimal.ROUND_FLOOR
            assert expected == results()
        assert Money("490000001.00", "EUR") == expected[0]


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


class TestParseEdges:
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


class TestFormatEdges:
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


class TestConstructionEdges:
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


class TestExactRefusals:
    """The exact messages and bounds of Money's refusals."""

    RANGE = (
        "is out of Money's range (below 10^30 in size, digits no finer than "
        "10^-60); check the operands"
    )

    def test_overflowing_sums_name_both_operands(self) -> None:
        """A sum or difference out of range names both operands in order."""
        big = Money(Decimal("9E+29"), "USD")
        with pytest.raises(InvalidArithmeticError) as caught:
            big + big
        assert (
            "cannot add Money('9E+29', 'USD') to Money('9E+29', 'USD'): the result, "
            f"about 10^30 USD, {self.RANGE}"
        ) == str(caught.value)
        with pytest.raises(InvalidArithmeticError) as caught:
            big - Money(Decimal("-8E+29"), "USD")
        assert (
            "cannot subtract Money('-8E+29', 'USD') from Money('9E+29', 'USD'): the "
            f"result, about 10^30 USD, {self.RANGE}"
        ) == str(caught.value)

    def test_overflowing_products_name_the_factor(self) -> None:
        """A product or quotient out of range names the amount and the factor."""
        big = Money(Decimal("9E+29"), "USD")
        with pytest.raises(InvalidArithmeticError) as caught:
            big * 10
        assert (
            "cannot multiply Money('9E+29', 'USD') by 10: the result, about 10^30 "
            f"USD, {self.RANGE}"
        ) == str(caught.value)
        with pytest.raises(InvalidArithmeticError) as caught:
            big / Decimal("0.1")
        assert (
            "cannot divide Money('9E+29', 'USD') by Decimal('0.1'): the result, "
            f"about 10^30 USD, {self.RANGE}"
        ) == str(caught.value)

    def test_products_past_any_exponent(self) -> None:
        """A product past the decimal exponent limit is refused with its size."""
        big = Money(Decimal("9E+29"), "USD")
        with pytest.raises(InvalidArithmeticError) as caught:
            big * Decimal("1E+999999999")
        assert (
            "cannot multiply Money('9E+29', 'USD') by Decimal('1E+999999999'): the "
            f"result, about 10^1000000028 USD, {self.RANGE}"
        ) == str(caught.value)
        with pytest.raises(InvalidArithmeticError) as caught:
            big / Decimal("1E-999999999")
        assert (
            "cannot divide Money('9E+29', 'USD') by Decimal('1E-999999999'): the "
            f"result, about 10^1000000028 USD, {self.RANGE}"
        ) == str(caught.value)

    def test_rounding_up_out_of_range(self) -> None:
        """Rounding that carries past the range names the amount and places."""
        with pytest.raises(InvalidArithmeticError) as caught:
            Money(Decimal("9E+29"), "USD").quantize(digits=-30)
        assert (
            "cannot round Money('9E+29', 'USD') to -30 places: the result, about "
            f"10^30 USD, {self.RANGE}"
        ) == str(caught.value)
        with localcontext() as context:
            context.prec = 3
            assert Money("0", "USD") == Money(Decimal("4E+29"), "USD").quantize(
                digits=-30
            )

    def test_the_finest_and_coarsest_places(self) -> None:
        """Rounding keeps digits from -30 to 60 places, both ends included."""
        assert Decimal("1." + "0" * 60) == Money("1", "USD").quantize(digits=60).amount
        assert Decimal(0) == Money("1.5", "USD").quantize(digits=-30).amount
        assert Money(Decimal("1E-60"), "USD") == Money(Decimal("1E-59"), "USD") / 10
        with pytest.raises(InvalidArithmeticError) as caught:
            Money(Decimal("1E-60"), "USD") / 10
        assert (
            "cannot divide Money('1E-60', 'USD') by 10: the result, about 10^-61 "
            f"USD, {self.RANGE}"
        ) == str(caught.value)
        zero = Money(Decimal("1E-60"), "USD") * 0
        assert (Decimal(0), "USD") == (zero.amount, zero.currency)

    def test_digits_of_another_type(self) -> None:
        """Digits that are not an int are refused, naming their type."""
        with pytest.raises(TypeError) as caught:
            Money("1", "USD").quantize(digits="2")  # type: ignore[arg-type]
        assert "digits must be an int, such as 2 for cents, not str" == str(
            caught.value
        )

    def test_factors_that_are_not_finite(self) -> None:
        """A NaN or infinite factor is refused with how to write a finite one."""
        with pytest.raises(InvalidArithmeticError) as caught:
            Money("1", "USD") * Decimal("NaN")
        assert (
            "cannot multiply Money by Decimal('NaN'): the number must be finite; "
            "pass a Decimal such as Decimal('1.5') or an int"
        ) == str(caught.value)
        with pytest.raises(InvalidArithmeticError) as caught:
            Money("1", "USD") / Decimal("Infinity")
        assert (
            "cannot divide Money by Decimal('Infinity'): the number must be finite; "
            "pass a Decimal such as Decimal('1.5') or an int"
        ) == str(caught.value)

    def test_a_symbol_that_names_another_currency(self) -> None:
        """A symbol of one currency against assume= says to drop assume=."""
        with pytest.raises(ParseError) as caught:
            Money.parse("1 €", assume="USD")
        assert (
            "cannot read '1 €' as an amount of money in USD: '€' names EUR; drop "
            "assume= or correct the text"
        ) == str(caught.value)

    def test_a_shared_symbol_against_assume(self) -> None:
        """A shared symbol that assume= does not choose lists its currencies."""
        with pytest.raises(ParseError) as caught:
            Money.parse("1 kr", assume="USD")
        assert (
            "cannot read '1 kr' as an amount of money in USD: 'kr' means SEK, NOK, "
            "DKK or ISK; give one of these as assume=, or write the ISO code"
        ) == str(caught.value)

    def test_a_shared_symbol_alone(self) -> None:
        """A shared symbol with no assume= lists its currencies and an example."""
        with pytest.raises(ParseError) as caught:
            Money.parse("1 kr")
        assert (
            "cannot read '1 kr' as an amount of money: 'kr' can mean SEK, NOK, DKK "
            "or ISK; write the ISO code, or give the currency as assume= (such as "
            "assume='SEK')"
        ) == str(caught.value)

    def test_a_scale_letter_that_is_a_symbol(self) -> None:
        """A scale letter that is also a symbol, and no currency, is refused."""
        with pytest.raises(ParseError) as caught:
            Money.parse("100 K")
        assert (
            "cannot read '100 K' as an amount of money: no currency found after "
            "the scale word 'K', which is also the symbol of MMK, PGK or ZMW in "
            "some locales; add a code such as 'EUR', or give locale= or assume="
        ) == str(caught.value)

    def test_a_scale_letter_that_is_the_assumed_symbol(self) -> None:
        """A scale letter that is the assumed currency's symbol has two readings."""
        with pytest.raises(ParseError) as caught:
            Money.parse("100 K", assume="ZMW")
        assert (
            "cannot read '100 K' as an amount of money: it could be 100,000 ZMW or "
            "100 ZMW, as a scale letter and a currency symbol share letters; write "
            "the ISO code with a space before the scale word, such as 'USD 100 "
            "trillion' or '100 TOP', or give the currency as assume="
        ) == str(caught.value)

    def test_scale_and_symbol_glued(self) -> None:
        """T$ and $bn are refused with both readings, in English and French."""
        tail = (
            "as a scale letter and a currency symbol share letters; write the ISO "
            "code with a space before the scale word, such as 'USD 100 trillion' or "
            "'100 TOP', or give the currency as assume="
        )
        with pytest.raises(ParseError) as caught:
            Money.parse("100 T$")
        assert (
            "cannot read '100 T$' as an amount of money: it could be "
            f"100,000,000,000,000 USD or 100 TOP, {tail}"
        ) == str(caught.value)
        with pytest.raises(ParseError) as caught:
            Money.parse("1,2 $bn", lang="fr")
        assert (
            "cannot read '1,2 $bn' as an amount of money: it could be "
            f"1,200,000,000 USD or 1.2 BND, {tail}"
        ) == str(caught.value)
        with pytest.raises(ParseError) as caught:
            Money.parse("1.2 $bn", assume="BND")
        assert (
            "cannot read '1.2 $bn' as an amount of money: it could be "
            f"1,200,000,000 BND or 1.2 BND, {tail}"
        ) == str(caught.value)

    def test_the_most_digits_of_a_float(self) -> None:
        """from_float keeps up to 90 digits, the float's exact value, and no more."""
        assert Decimal(99999999999999991433150857216) == (
            Money.from_float(1e29, "USD", digits=90).amount
        )
        with pytest.raises(InvalidArithmeticError) as caught:
            Money.from_float(1e29, "USD", digits=91)
        assert (
            "digits must be at most 90, not 91: Money keeps amounts below 10^30 with "
            "digits no finer than 10^-60 (and a float holds about 17 significant "
            "digits)"
        ) == str(caught.value)


class TestCurrencyNamesTable:
    """The table of currency names is written from Babel once, and checked."""

    @pytest.fixture
    def fresh_names(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Forget the table built so far, so the next amount read builds it again."""
        monkeypatch.setattr(money_module, "_names", {})
        monkeypatch.setattr(money_module, "_dollars", set())

    def test_the_committed_table_is_what_the_script_writes(
        self, tmp_path: Path
    ) -> None:
        """src/aiecosys/_currency_names.py is what the script writes under its Babel."""
        if babel.__version__ != written_names.BABEL_VERSION:
            pytest.skip(
                f"the table was written under Babel {written_names.BABEL_VERSION}, "
                f"this is Babel {babel.__version__}: aiecosys builds it from Babel"
            )
        written = tmp_path / "_currency_names.py"
        script = Path(__file__).parents[1] / "scripts" / "currency_names.py"
        subprocess.run(
            [sys.executable, script, written], check=True, capture_output=True
        )
        committed = Path(written_names.__file__)
        assert committed.read_text(encoding="utf-8") == written.read_text("utf-8"), (
            "src/aiecosys/_currency_names.py is out of date: "
            "run python scripts/currency_names.py"
        )

    @pytest.mark.usefixtures("fresh_names")
    def test_another_babel_builds_the_table_from_its_data(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Under another Babel release than the table's, names come from Babel."""
        monkeypatch.setattr(written_names, "BABEL_VERSION", "0.0")
        names, dollars = money_module.build_currency_names()

        assert Money("385000000", "EUR") == Money.parse("385 millions d'euros")
        assert names == money_module._names
        assert dollars == money_module._dollars

    @pytest.mark.usefixtures("fresh_names")
    def test_the_written_table_is_used_under_its_babel(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Under the table's own Babel release, no Babel look-up builds it."""
        monkeypatch.setattr(written_names, "BABEL_VERSION", babel.__version__)

        def refuse() -> None:
            raise AssertionError("the table was built from Babel")

        monkeypatch.setattr(money_module, "build_currency_names", refuse)

        assert Money("2000000000", "USD") == Money.parse("2 milliards de dollars")


class TestCurrencyCodesTable:
    """The currency codes and their minor units: written from Babel, or read from it."""

    @pytest.fixture
    def fresh_tables(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Forget the tables loaded so far, so the next Money loads them again."""
        monkeypatch.setattr(currency_module, "tables", None)

    @pytest.mark.usefixtures("fresh_tables")
    def test_another_babel_builds_the_tables_from_its_data(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Under another Babel release than the tables', codes come from Babel."""
        monkeypatch.setattr(written_names, "BABEL_VERSION", "0.0")
        monkeypatch.setattr(written_names, "CODES", frozenset({"EUR"}))

        assert "JPY" == Money("1", "JPY").currency
        assert 0 == minor_units("JPY")
        assert currency_module.build_currency_tables()[0] == currency_codes()

    @pytest.mark.usefixtures("fresh_tables")
    def test_the_written_tables_are_used_under_their_babel(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Under the tables' own Babel release, no Babel look-up builds them."""
        monkeypatch.setattr(written_names, "BABEL_VERSION", babel.__version__)

        def refuse() -> None:
            raise AssertionError("the tables were built from Babel")

        monkeypatch.setattr(currency_module, "build_currency_tables", refuse)

        assert 3 == minor_units("KWD")
        assert written_names.CODES == currency_codes()
