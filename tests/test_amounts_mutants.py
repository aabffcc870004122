"""Exact readings of numbers in text: the details mutation testing found untested."""

from __future__ import annotations

from decimal import Decimal

import pytest

from aiecosys import ParseError
from aiecosys._amounts import (
    drop_preposition,
    normalise_text,
    read_scaled_number,
    strip_accents,
)


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
        assert expected == drop_preposition(text)

    def test_strip_accents_folds_case_and_marks(self) -> None:
        assert "etats-unis strasse" == strip_accents("ÉTATS-UNIS Straße")
        assert "yuan" == strip_accents("Yuán")

    def test_normalise_text(self) -> None:
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
        with pytest.raises(ParseError) as caught:
            read_scaled_number("lots of money", what="an amount of money")
        assert (
            "cannot read 'lots of money' as an amount of money; it has no number. "
            "Write one number with an optional scale word, such as '385 millions "
            "d'euros', '€385M', '$200 million' or '34B'"
        ) == str(caught.value)

    def test_more_than_one_number(self) -> None:
        with pytest.raises(ParseError, match=r"; it has more than one number\. Write"):
            read_scaled_number("3 or 4 M€", what="money")

    def test_more_than_one_sign(self) -> None:
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
        assert Decimal(-5) == read_scaled_number("X-5", what="money").value

    def test_not_text(self) -> None:
        with pytest.raises(TypeError) as caught:
            read_scaled_number(5, what="money")  # type: ignore[arg-type]
        assert "expected text to read as money, got int" == str(caught.value)

    @pytest.mark.parametrize(
        ("text", "expected"),
        [("-5", "-5"), ("\u22125", "-5"), ("+5", "5"), ("- 5", "-5"), ("5", "5")],
    )
    def test_signs(self, text: str, expected: str) -> None:
        assert expected == value(text)

    def test_parts_around_the_number_are_stripped(self) -> None:
        read = read_scaled_number("  USD  1.2 bn.  raised ", what="money")
        assert ("USD", "raised", "en") == (read.before, read.after, read.lang)
        assert "1200000000" == str(read.value)

    def test_scale_word_is_case_insensitive(self) -> None:
        assert "3000000" == value("3 MILLION")
        assert "3000000" == value("3 Mln")

    def test_scale_word_must_end_the_word(self) -> None:
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
        read = read_scaled_number(text, what="a number", lang=lang)  # type: ignore[arg-type]
        assert (expected, read_as) == (str(read.value), read.lang)

    def test_whole_results_are_written_in_full(self) -> None:
        assert "1500000000" == value("1.5 bn")
        assert "1234.5" == value("1.2345 k")
        assert "0.0012" == value("0.0000012 k")

    def test_long_numbers_are_never_rounded(self) -> None:
        digits = "1234567890123456789012345678901234.5"
        assert "1234567890123456789012345678901234500" == value(f"{digits} k")
        assert "12345678901234567890123456789012345.678" == value(
            "12345678901234567890123456789012.345678 k"
        )
