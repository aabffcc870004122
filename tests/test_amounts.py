"""The number reader: numbers in text and in files, read exactly or refused.

Covers `aiecosys._amounts`: digits, group and decimal marks, languages and
locales, scale words, signs, bounds, plain numbers of files, and the exact
message of every refusal.
"""

from __future__ import annotations

from collections.abc import Callable
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


def refusal(read: Callable[[], object]) -> str:
    """The message of the ParseError that *read* raises."""
    with pytest.raises(ParseError) as caught:
        read()
    return str(caught.value)


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

    @pytest.mark.parametrize(
        ("text", "lang"),
        [
            ("1,2345,678", None),
            ("1.234,567.8", None),
            ("1,234.567,8", None),
            ("1,2.345", None),
            ("1.2,345", None),
            ("1'2.345", None),
            ("1 234'567,5", "fr"),
        ],
    )
    def test_malformed_groups_message(self, text: str, lang: str | None) -> None:
        """Mixed group marks or short groups: refused, saying how to group."""
        advice = (
            "group thousands by three ('385,000,000' or '385 000 000')"
            if lang is None
            else f"group the digits as {lang} writes them ('385\u202f000\u202f000')"
        )
        assert (
            f"cannot read {text!r} as a number: the digit groups {text!r} are "
            f"malformed; {advice}, with no lone 0 as the first group"
        ) == refusal(lambda: value(text, lang))

    def test_malformed_groups_advice_follows_the_locale(self) -> None:
        """Indian grouping is advised under en_IN, not the English one."""
        message = refusal(
            lambda: read_scaled_number("12,345,67", what="a number", locale="en_IN")
        )
        assert "group the digits as en_IN writes them ('38,50,00,000')" in message

    @pytest.mark.parametrize("lang", [None, "fr"])
    def test_groups_after_the_decimal_mark(self, lang: str | None) -> None:
        """A group after the decimal mark is refused, whatever the language."""
        assert (
            "cannot read '1,5 000' as a number: malformed number '1,5 000'; its "
            "decimal mark must come once, after the groups"
        ) == refusal(lambda: value("1,5 000", lang))


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

    def test_without_a_scale_word(self) -> None:
        """A number with no scale word has no scale, no unscaled value, no glue."""
        read = read_scaled_number("5 EUR", what="money")
        assert (Decimal(5), "", None, False, "EUR") == (
            read.value,
            read.scale,
            read.unscaled,
            read.glued,
            read.after,
        )

    @pytest.mark.parametrize(
        ("text", "scale", "after", "glued"),
        [
            ("3 M EUR", "M", "EUR", False),
            ("3 T$", "T", "$", True),
            ("3 M", "M", "", False),
        ],
    )
    def test_scale_word_glued_to_the_text_after(
        self, text: str, scale: str, after: str, glued: bool
    ) -> None:
        """A scale word followed by text with no space is glued to it."""
        read = read_scaled_number(text, what="money")
        assert (Decimal(3), scale, after, glued) == (
            read.unscaled,
            read.scale,
            read.after,
            read.glued,
        )

    def test_underscore_between_digits(self) -> None:
        """An underscore between digits is refused, with the ways to group."""
        assert (
            "cannot read '1_000' as a number: an underscore does not group digits; "
            "write '1000', '1,000' or '1 000'"
        ) == refusal(lambda: value("1_000"))

    def test_underscore_in_the_words_after(self) -> None:
        """An underscore away from the digits belongs to the text after."""
        read = read_scaled_number("5 x_y", what="a number")
        assert (Decimal(5), "x_y") == (read.value, read.after)

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
        """Indian grouping accepts 12,34,567 and refuses 123,4567 and 1,234,567."""
        with pytest.raises(ParseError, match="malformed"):
            read_scaled_number("123,4567", what="a number", locale="en_IN")
        with pytest.raises(ParseError, match="malformed"):
            read_scaled_number("1,234,567", what="a number", locale="en_IN")

    def test_a_locale_without_groups_refuses_them(self) -> None:
        """A locale that writes no group marks refuses grouped digits."""
        with pytest.raises(ParseError, match="the digit groups '1,234' are malformed"):
            read_scaled_number("1,234", what="a number", locale="en_US_POSIX")

    @pytest.mark.parametrize(
        ("text", "after"),
        [
            ("1.234,50-", ""),
            ("1.234,50- EUR", "EUR"),
            ("1.234,50-EUR", "EUR"),
            ("1.234,50\u2212 EUR", "EUR"),
        ],
    )
    def test_trailing_minus(self, text: str, after: str) -> None:
        """A locale that writes the minus after the amount reads it so."""
        read = read_scaled_number(text, what="money", locale="fy")
        assert (Decimal("-1234.50"), after) == (read.value, read.after)

    def test_trailing_minus_and_a_leading_sign(self) -> None:
        """A sign before and a minus after are two signs: refused."""
        assert (
            "cannot read '-1.234,50-' as money: it has more than one sign; write "
            "one, such as '-5 EUR'"
        ) == refusal(
            lambda: read_scaled_number("-1.234,50-", what="money", locale="fy")
        )

    def test_a_mark_after_the_decimal_mark(self) -> None:
        """A second mark after the language's decimal mark is refused."""
        assert (
            "cannot read '1,5,6' as a number: malformed number '1,5,6'; fr writes "
            "',' as the decimal mark, once, after the groups; write the number so, "
            "or give another locale="
        ) == refusal(lambda: value("1,5,6", "fr"))

    def test_marks_of_an_unknown_locale(self) -> None:
        """An unknown locale is a ParseError, not Babel's error."""
        with pytest.raises(ParseError, match="unknown locale"):
            marks_for("zz_ZZ")

    def test_locale_marks_without_a_locale_are_refused(self) -> None:
        """Arabic marks need the locale that writes them."""
        assert (
            "cannot read '1\u066b5' as a number: the marks of '1\u066b5' depend on "
            "the locale; give locale= (such as locale='ar' or locale='fa')"
        ) == refusal(lambda: value("1\u066b5"))


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

    def test_a_dot_names_both_conventions(self) -> None:
        """The message for a dot names who groups with it and who points."""
        assert (
            "cannot read '385.000' as a number: '385.000' could be 385,000 (a dot "
            "groups thousands in de, it, es, nl, pt) or 385.000 (a dot is the decimal "
            "mark in en); give lang= or locale=, or write 385000 or 385.000"
        ) == refusal(lambda: value("385.000"))

    def test_a_comma_names_both_conventions(self) -> None:
        """The message for a comma names who groups with it and who points."""
        assert (
            "cannot read '1,234' as a number: '1,234' could be 1,234 (a comma groups "
            "thousands in en) or 1.234 (a comma is the decimal mark in fr, de, it, "
            "es, nl, pt); give lang= or locale=, or write 1234 or 1.234"
        ) == refusal(lambda: value("1,234"))

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

    @pytest.mark.parametrize(
        "read", [value, lambda text: read_plain_number(text, what="a number")]
    )
    def test_long_text_message(self, read: Callable[[str], object]) -> None:
        """The length refusal quotes the first 40 characters and names the bound."""
        assert (
            f"cannot read {'1' * 40!r}... as a number: it is 1,001 characters "
            "long, and aiecosys reads at most 1,000 characters as a number; "
            "write the number alone"
        ) == refusal(lambda: read("1" * 1001))

    def test_whitespace_runs_are_folded(self) -> None:
        """A run of spaces is one space, however long."""
        read = read_scaled_number("5" + " \t\n" * 300 + "EUR", what="money")
        assert ("5", "EUR") == (str(read.value), read.after)

    @pytest.mark.parametrize("text", ["1e99999", "5e10000 k"])
    def test_exponents_are_bounded(self, text: str) -> None:
        """An exponent has at most four digits in text."""
        with pytest.raises(ParseError, match=r"exponent .* out of range"):
            value(text)

    def test_exponent_bound_message(self) -> None:
        """Four exponent digits are read; five are refused, naming the bound."""
        assert "1E+9999" == value("1e9999")
        assert (
            "cannot read '1e99999' as a number: the exponent '99999' is out of "
            "range; aiecosys reads exponents of at most 4 digits"
        ) == refusal(lambda: value("1e99999"))

    @pytest.mark.parametrize("text", ["1,5e3", "1.2.3e4", "1 234e5"])
    def test_an_exponent_follows_plain_digits(self, text: str) -> None:
        """'1,5e3', '1.2.3e4' and '1 234e5' are refused, with the way to write them."""
        assert (
            f"cannot read {text!r} as a number: an exponent follows plain digits "
            "with an optional decimal point, such as '1.5e9'"
        ) == refusal(lambda: value(text))


class TestPlainNumbers:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("1.0757", "1.0757"),
            (" -5 ", "-5"),
            ("\t2.5\r\n", "2.5"),
            ("7e9", "7E+9"),
            (".5", "0.5"),
            ("1e99999", "1E+99999"),
            ("1e-999999", "1E-999999"),
        ],
    )
    def test_reads(self, text: str, expected: str) -> None:
        """Digits, a sign, a decimal point and an exponent."""
        assert Decimal(expected) == read_plain_number(text, what="a rate")

    @pytest.mark.parametrize(
        "text",
        [
            "1_0757",
            "0_5",
            "1,5",
            "1 000",
            "",
            "+",
            "0x10",
            "1e",
            "١",
            "1e1234567",
            "2X",
            "X2",
            "\u00a01.5",
            "1.5\x0c",
        ],
    )
    def test_refuses(self, text: str) -> None:
        """Underscores, group marks, other digits, huge exponents: refused."""
        with pytest.raises(ParseError, match=r"cannot read .* as a rate"):
            read_plain_number(text, what="a rate")

    @pytest.mark.parametrize("text", ["NaN", "-inf", "Infinity", "sNaN"])
    def test_non_finite(self, text: str) -> None:
        """NaN and infinities are named as not finite."""
        assert (
            f"cannot read {text!r} as a rate: {text!r} is not a finite number; "
            "write digits such as '1.0757'"
        ) == refusal(lambda: read_plain_number(text, what="a rate"))

    def test_refusal_message(self) -> None:
        """A malformed plain number is refused, saying what a plain number is."""
        assert (
            "cannot read '1,5' as a rate: write plain digits with an optional sign, "
            "decimal point and exponent, such as '1.0757', '-5' or '7e9' (no "
            "underscores, group marks, NaN or infinity)"
        ) == refusal(lambda: read_plain_number("1,5", what="a rate"))

    def test_exponent_bound(self) -> None:
        """A plain number's exponent has at most six digits; the message says so."""
        assert (
            "cannot read '1e1234567' as a rate: the exponent '1234567' is out of "
            "range; aiecosys reads exponents of at most 6 digits"
        ) == refusal(lambda: read_plain_number("1e1234567", what="a rate"))

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
