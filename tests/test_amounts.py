"""Exact readings of numbers in text and files: every form, every refusal."""

from __future__ import annotations

from decimal import Decimal, localcontext
from pathlib import Path

import pytest

import aiecosys
from aiecosys import DataError, ParseError, Tolerance
from aiecosys._amounts import (
    MAX_TEXT_LENGTH,
    drop_preposition,
    marks_for,
    normalise_text,
    read_plain_number,
    read_scaled_number,
    strip_accents,
)
from aiecosys.fx import ECBRates, FixedRates


def value(text: str, lang: str | None = None) -> str:
    """The number read from *text*, written exactly as the parser keeps it."""
    return str(read_scaled_number(text, what="a number", lang=lang).value)  # type: ignore[arg-type]


class TestPrepositions:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("de paramètres", "paramètres"),
            ("De  paramètres", "paramètres"),
            ("d'euros", "euros"),
            ("D' euros", "euros"),
            ("des dollars", "dollars"),
            ("DES dollars ", "dollars"),
            ("deux euros", "deux euros"),
            ("dollars", "dollars"),
            ("de", "de"),
        ],
    )
    def test_drop_preposition(self, text: str, expected: str) -> None:
        """A leading de, d' or des is dropped, in any case; other words stay."""
        assert expected == drop_preposition(text)

    def test_strip_accents_folds_case_and_marks(self) -> None:
        """Case and accents are folded for look-ups."""
        assert "etats-unis strasse" == strip_accents("ÉTATS-UNIS Straße")
        assert "yuan" == strip_accents("Yuán")

    def test_normalise_text(self) -> None:
        """Typeset spaces, apostrophes and invisible marks are folded."""
        assert "1 234'5" == normalise_text("\u200f 1\u202f234\u20195 \ufeff")


class TestDigits:
    @pytest.mark.parametrize(
        ("text", "lang", "expected"),
        [
            ("1e3", None, "1E+3"),
            ("1.5E3", None, "1.5E+3"),
            ("385 000 000,00", None, "385000000.00"),
            ("1 234.5", None, "1234.5"),
            ("1 234", None, "1234"),
            ("1'234'567", None, "1234567"),
            ("1,234.5", None, "1234.5"),
            ("1.234,5", None, "1234.5"),
            ("1,234", "en", "1234"),
            ("1,234", "fr", "1.234"),
            ("1,23", "fr", "1.23"),
            ("1,2345", None, "1.2345"),
            ("1,234,567", "en", "1234567"),
            ("1,234,567.25", "en", "1234567.25"),
            ("1.234.567", None, "1234567"),
            ("1.234.567,5", None, "1234567.5"),
            ("1.5", None, "1.5"),
            ("12.345", "en", "12.345"),
            ("12.345", "fr", "12345"),
            ("1234,567", None, "1234.567"),
            ("0,500", None, "0.500"),
            ("0.001", None, "0.001"),
            ("7", None, "7"),
            ("007", None, "7"),
            ("0,5", "fr", "0.5"),
            ("123,456,789", "en", "123456789"),
            ("1 234,567", "fr", "1234.567"),
            ("1 234,5", None, "1234.5"),
        ],
    )
    def test_reads_exactly(self, text: str, lang: str | None, expected: str) -> None:
        """Each form is read to its exact Decimal."""
        assert expected == value(text, lang)

    @pytest.mark.parametrize(
        "text",
        [
            "1,2345,678",
            "1234,567,890",
            "0,500,000",
            "1.234.56",
            "12,34,567",
            "1,23,456.5",
        ],
    )
    def test_malformed_groups(self, text: str) -> None:
        """Groups not sized as thousands are refused."""
        with pytest.raises(ParseError, match=r"the digit groups .* are malformed"):
            value(text)

    @pytest.mark.parametrize("text", ["1,234.5.6", "1.234,5,6"])
    def test_malformed_fraction(self, text: str) -> None:
        """A second decimal mark, or groups after it, make malformed digits."""
        with pytest.raises(ParseError, match=rf"cannot read '{text}' as a number: .*"):
            value(text)
        with pytest.raises(ParseError, match="malformed number"):
            value(text, "en")


class TestScaledNumbers:
    def test_no_number(self) -> None:
        """Text without a number is refused with examples."""
        with pytest.raises(ParseError) as caught:
            read_scaled_number("lots of money", what="an amount of money")
        assert (
            "cannot read 'lots of money' as an amount of money; it has no number. "
            "Write one number with an optional scale word, such as '385 millions "
            "d'euros', '€385M', '$200 million' or '34B'"
        ) == str(caught.value)

    def test_more_than_one_number(self) -> None:
        """Two numbers are refused."""
        with pytest.raises(ParseError, match=r"; it has more than one number\. Write"):
            read_scaled_number("3 or 4 M€", what="money")

    def test_more_than_one_sign(self) -> None:
        """Two signs are refused, with the way to write one."""
        with pytest.raises(ParseError) as caught:
            read_scaled_number("-\u22125 EUR", what="money")
        assert (
            "cannot read '-\u22125 EUR' as money: it has more than one sign; write "
            "one, such as '-5 EUR'"
        ) == str(caught.value)
        with pytest.raises(ParseError, match="more than one sign"):
            read_scaled_number("+ -5 EUR", what="money")

    def test_a_hyphen_before_the_text_is_not_a_second_sign(self) -> None:
        # The sign search stops where the number's own sign is matched.
        """A hyphen in the text before is the number's own sign."""
        assert Decimal(-5) == read_scaled_number("X-5", what="money").value

    def test_not_text(self) -> None:
        """Only text is read."""
        with pytest.raises(TypeError) as caught:
            read_scaled_number(5, what="money")  # type: ignore[arg-type]
        assert "expected text to read as money, got int" == str(caught.value)

    @pytest.mark.parametrize(
        ("text", "expected"),
        [("-5", "-5"), ("\u22125", "-5"), ("+5", "5"), ("- 5", "-5"), ("5", "5")],
    )
    def test_signs(self, text: str, expected: str) -> None:
        """Minus, the minus sign and plus, spaced or not."""
        assert expected == value(text)

    def test_parts_around_the_number_are_stripped(self) -> None:
        """The text before and after is kept, stripped."""
        read = read_scaled_number("  USD  1.2 bn.  raised ", what="money")
        assert ("USD", "raised", "en") == (read.before, read.after, read.lang)
        assert "1200000000" == str(read.value)

    def test_scale_word_is_case_insensitive(self) -> None:
        """Scale words are read in any case."""
        assert "3000000" == value("3 MILLION")
        assert "3000000" == value("3 Mln")

    def test_scale_word_must_end_the_word(self) -> None:
        """A scale letter that begins a word is not a scale."""
        read = read_scaled_number("3 mice", what="a count")
        assert ("3", "mice") == (str(read.value), read.after)

    @pytest.mark.parametrize(
        ("text", "lang", "expected", "read_as"),
        [
            ("1 billion", None, "1000000000", "en"),
            ("1 billion d'euros", None, "1000000000000", "fr"),
            ("1 billion", "fr", "1000000000000", "fr"),
            ("1 billion de dollars", "en", "1000000000", "en"),
            ("2 trillions", "fr", "2000000000000000000", "fr"),
            ("2 trillion", None, "2000000000000", "en"),
            ("2\u202f000 k", None, "2000000", "fr"),
            ("1,5 milliard", None, "1500000000", "fr"),
            ("5 mille", None, "5000", "fr"),
        ],
    )
    def test_language_of_scale_words(
        self, text: str, lang: str | None, expected: str, read_as: str
    ) -> None:
        """Billion and trillion follow the language, given or guessed."""
        read = read_scaled_number(text, what="a number", lang=lang)  # type: ignore[arg-type]
        assert (expected, read_as) == (str(read.value), read.lang)

    def test_whole_results_are_written_in_full(self) -> None:
        """Whole results have no exponent."""
        assert "1500000000" == value("1.5 bn")
        assert "1234.5" == value("1.2345 k")
        assert "0.0012" == value("0.0000012 k")

    def test_long_numbers_are_never_rounded(self) -> None:
        """Every digit of a long number is kept."""
        digits = "1234567890123456789012345678901234.5"
        assert "1234567890123456789012345678901234500" == value(f"{digits} k")
        assert "12345678901234567890123456789012345.678" == value(
            "12345678901234567890123456789012.345678 k"
        )


class TestLocales:
    @pytest.mark.parametrize(
        ("text", "locale", "expected"),
        [
            ("385.000", "de", "385000"),
            ("385.000", "en", "385.000"),
            ("385 000,5", "fr", "385000.5"),
            ("12,34,567.5", "en_IN", "1234567.5"),
            ("1'234.5", "de_CH", "1234.5"),
            ("1\u00a0234,5", "fr_CH", "1234.5"),
            ("1\u060c234\u066b5", "bgn", "1234.5"),
            ("1\u2e41234.5", "ff_Adlm", "1234.5"),
        ],
    )
    def test_locale_marks(self, text: str, locale: str, expected: str) -> None:
        """A locale's own decimal mark and groups are read."""
        read = read_scaled_number(text, what="a number", locale=locale)
        assert expected == str(read.value)

    def test_locale_sets_the_language_of_scale_words(self) -> None:
        """A French locale reads 'billion' as 10^12, any other as 10^9."""
        assert "fr" == read_scaled_number("1 billion", what="n", locale="fr_CA").lang
        assert "en" == read_scaled_number("1 billion", what="n", locale="de").lang

    def test_indian_groups_are_checked(self) -> None:
        """Indian grouping accepts 12,34,567 and refuses 123,4567."""
        with pytest.raises(ParseError, match="malformed"):
            read_scaled_number("123,4567", what="a number", locale="en_IN")

    def test_marks_of_an_unknown_locale(self) -> None:
        """An unknown locale is a ParseError, not Babel's error."""
        with pytest.raises(ParseError, match="unknown locale"):
            marks_for("zz_ZZ")

    def test_locale_marks_without_a_locale_are_refused(self) -> None:
        """Arabic marks need the locale that writes them."""
        with pytest.raises(ParseError, match="give locale="):
            value("1\u066b5")


class TestAmbiguity:
    @pytest.mark.parametrize(
        ("text", "group", "point"),
        [
            ("385.000", "385,000", "385.000"),
            ("1,234", "1,234", "1.234"),
            ("12.500", "12,500", "12.500"),
        ],
    )
    def test_both_readings_and_the_way_out(
        self, text: str, group: str, point: str
    ) -> None:
        """One mark between 1-3 digits and three: both readings, lang= or locale=."""
        with pytest.raises(ParseError) as caught:
            value(text)
        message = str(caught.value)
        assert f"could be {group}" in message
        assert f"or {point}" in message
        assert "give lang= or locale=" in message

    @pytest.mark.parametrize("text", ["0,500", "0.500", "1234.567", "1,2345"])
    def test_forms_that_cannot_group_are_decimal(self, text: str) -> None:
        """A lone 0 or four digits before the mark cannot be a thousands group."""
        assert Decimal(text.replace(",", ".")) == Decimal(value(text))


class TestBounds:
    def test_long_text_is_refused_naming_the_bound(self) -> None:
        """Text longer than the bound is refused; the message names it."""
        with pytest.raises(ParseError, match="at most 1,000 characters"):
            value("1" * (MAX_TEXT_LENGTH + 1))
        assert "1" * MAX_TEXT_LENGTH == value("1" * MAX_TEXT_LENGTH)

    def test_whitespace_runs_are_folded(self) -> None:
        """A run of spaces is one space, however long."""
        read = read_scaled_number("5" + " \t\n" * 300 + "EUR", what="money")
        assert ("5", "EUR") == (str(read.value), read.after)

    @pytest.mark.parametrize("text", ["1e99999", "5e10000 k"])
    def test_exponents_are_bounded(self, text: str) -> None:
        """An exponent has at most four digits in text."""
        with pytest.raises(ParseError, match=r"exponent .* out of range"):
            value(text)

    def test_an_exponent_follows_plain_digits(self) -> None:
        """'1,5e3' and '1.2.3e4' are refused."""
        for text in ("1,5e3", "1.2.3e4"):
            with pytest.raises(ParseError, match="an exponent follows"):
                value(text)


class TestPlainNumbers:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [("1.0757", "1.0757"), (" -5 ", "-5"), ("7e9", "7E+9"), (".5", "0.5")],
    )
    def test_reads(self, text: str, expected: str) -> None:
        """Digits, a sign, a decimal point and an exponent."""
        assert Decimal(expected) == read_plain_number(text, what="a rate")

    @pytest.mark.parametrize(
        "text",
        ["1_0757", "0_5", "1,5", "1 000", "", "+", "0x10", "1e", "١", "1e1234567"],
    )
    def test_refuses(self, text: str) -> None:
        """Underscores, group marks, other digits, huge exponents: refused."""
        with pytest.raises(ParseError, match=r"cannot read .* as a rate"):
            read_plain_number(text, what="a rate")

    @pytest.mark.parametrize("text", ["NaN", "-inf", "Infinity", "sNaN"])
    def test_non_finite(self, text: str) -> None:
        """NaN and infinities are named as not finite."""
        with pytest.raises(ParseError, match="not a finite number"):
            read_plain_number(text, what="a rate")

    def test_long_text(self) -> None:
        """The length bound holds for plain numbers too."""
        with pytest.raises(ParseError, match="1,000 characters"):
            read_plain_number("1" * 1001, what="a rate")


class TestPlainNumbersInFiles:
    def test_knowledge_base_amounts(self) -> None:
        """An amount with an underscore in a knowledge base is a DataError naming it."""
        text = (
            '[sources.s]\ntitle = "A source"\n[[organisations]]\nname = "A"\n'
            'kind = "company"\nsources = ["s"]\n[[rounds]]\norganisation = "A"\n'
            'announced = "2023"\nkind = "seed"\namount = "1_000 EUR"\nsources = ["s"]\n'
        )
        with pytest.raises(DataError, match="1_000 EUR"):
            aiecosys.loads(text, file="kb.toml")

    def test_rates_file(self, tmp_path: Path) -> None:
        """A rate with an underscore in a rates file is refused."""
        path = tmp_path / "rates.csv"
        path.write_text("Date,USD,\n2023-12-11,1_0757,\n", encoding="utf-8")
        with pytest.raises(DataError, match="1_0757"):
            ECBRates.from_file(path)

    @pytest.mark.parametrize("rate", ["0_92", "1,5", "NaN"])
    def test_stated_rates(self, rate: str) -> None:
        """A stated rate is a plain number."""
        with pytest.raises(ParseError, match="as a rate"):
            FixedRates("USD", "EUR", rate)

    def test_tolerances(self) -> None:
        """Tolerances read plain numbers, whatever the decimal context."""
        with pytest.raises(ParseError, match="as a tolerance"):
            Tolerance.parse("1_0%")
        with pytest.raises(ParseError, match="as a tolerance"):
            Tolerance.parse("1.5 days")
        with pytest.raises(ParseError, match="as a tolerance"):
            Tolerance.parse("1e999999 days")
        with localcontext(prec=1):
            assert Decimal("0.12345") == Tolerance.parse("12.345%").fraction
