"""Precision from the words: what a stated figure covers, in claims and in facts."""

from __future__ import annotations

import decimal
from decimal import Decimal
from typing import Any

import pytest

import aiecosys
from aiecosys import (
    Ecosystem,
    Estimate,
    Money,
    Status,
    ValueCheck,
    Verdict,
    check,
    claims_from_document,
    parameters,
)
from aiecosys._precision import Precision, qualifier_of
from aiecosys.claims import dumps_claims
from tests.kinds_support import claims_document


KB = """
[sources.s]
title = "A source"

[[organisations]]
name = "Mistral AI"
kind = "company"
founded = "2023-04"
sources = ["s"]

[[organisations]]
name = "Kyutai"
kind = "non-profit-lab"
founded = "2023-11"
sources = ["s"]

[[rounds]]
organisation = "Mistral AI"
announced = "2023-12-11"
kind = "series-a"
amount = "385000000 EUR"
sources = ["s"]

[[rounds]]
organisation = "Mistral AI"
announced = "2023-06-13"
kind = "seed"
amount = "285000000 EUR"
sources = ["s"]

[[rounds]]
organisation = "Kyutai"
announced = "2023-11-17"
kind = "endowment"
amount = "nearly 300000000 EUR (disclosed)"
sources = ["s"]

[[models]]
name = "Mistral 7B"
released = "2023-09-27"
parameters = "7300000000 parameter"
sources = ["s"]

[[models]]
name = "Yi-34B"
released = "2023-11-02"
parameters = "34000000000 parameter"
sources = ["s"]

[[models]]
name = "Llama 2-70B"
released = "2023-07-18"
parameters = "70000000000 parameter"
sources = ["s"]
"""


@pytest.fixture(scope="module")
def eco() -> Ecosystem:
    """A small knowledge base: two rounds of Mistral AI, Kyutai's endowment."""
    return aiecosys.loads(KB)


SERIES_A = {"of": "Mistral AI", "field": "amount", "round": "series-a"}
SEED = {"of": "Mistral AI", "field": "amount", "round": "seed"}


def _evaluate(eco: Ecosystem, measure: dict[str, Any], **fields: Any) -> Any:
    """Evaluate one value check, from a claims document published 8 Dec 2023."""
    return _evaluate_check(eco, {"kind": "value", "measure": measure, **fields})


def _evaluate_check(eco: Ecosystem, check_: dict[str, Any]) -> Any:
    """Evaluate one check, from a claims document published 8 Dec 2023."""
    document = claims_document(check_, published="2023-12-08")
    (claim,) = claims_from_document(document, eco, file="claims.toml")
    return check(claim, eco)


class TestTheRule:
    """How each wording is read."""

    @pytest.mark.parametrize(
        ("written", "low", "high"),
        [
            ("$415 million", "414500000", "415500000"),
            ("$415,000,000", "414500000", "415500000"),
            ("$2 billion", "1950000000", "2050000000"),
            ("$1.5 billion", "1450000000", "1550000000"),
            ("about $200 million", "180000000", "220000000"),
            ("quelque 200 millions de dollars", "180000000", "220000000"),
            ("nearly $300 million", "270000000", "300000000"),
            ("près de 300 millions de dollars", "270000000", "300000000"),
            ("exactly $415,000,000", "415000000", "415000000"),
        ],
    )
    def test_bounds(self, written: str, low: str, high: str) -> None:
        """Each wording covers the documented bounds."""
        stated = Precision.read(written, Money.parse)
        assert (stated.low, stated.high) == (Money(low, "USD"), Money(high, "USD"))

    @pytest.mark.parametrize(
        ("written", "low", "high"),
        [
            ("over $300 million", "300000000", None),
            ("plus de 300 millions de dollars", "300000000", None),
            ("at least $300 million", "300000000", None),
            ("up to $200 million", None, "200000000"),
        ],
    )
    def test_open_bounds(self, written: str, low: str | None, high: str | None) -> None:
        """'Over', 'at least' and 'up to' leave one side open."""
        stated = Precision.read(written, Money.parse)
        assert stated.low == (None if low is None else Money(low, "USD"))
        assert stated.high == (None if high is None else Money(high, "USD"))

    def test_qualifier_words_are_read_whatever_their_case(self) -> None:
        """'Nearly' opens a sentence as 'nearly' does the middle of one."""
        assert qualifier_of("Nearly 300 million")[0] == "nearly"

    def test_the_reading_is_said(self) -> None:
        """The reading names the bounds and the rule that gave them."""
        reading = Precision.read("$2 billion", Money.parse).reading()
        assert reading == (
            "'$2 billion' is read as $1.95 to $2.05 billion (a round figure: half "
            "a unit of its last significant digit either side)"
        )


class TestWordingFlipsTheVerdict:
    """Pairs of wordings of one figure whose verdicts differ, as they should."""

    def test_a_round_figure_against_an_exact_one(self, eco: Ecosystem) -> None:
        """€385 million is '$415 million', not 'exactly $415,000,000'."""
        rounded = _evaluate(eco, SERIES_A, stated="$415 million")
        exact = _evaluate(eco, SERIES_A, stated="exactly $415,000,000")
        assert (rounded.verdict, exact.verdict) == (Verdict.SUPPORTED, Verdict.REFUTED)

    def test_nearly_against_a_round_figure(self, eco: Ecosystem) -> None:
        """€285 million is 'nearly €300 million', not '€300 million'."""
        nearly = _evaluate(eco, SEED, stated="nearly 300 million EUR")
        rounded = _evaluate(eco, SEED, stated="300 million EUR")
        assert (nearly.verdict, rounded.verdict) == (Verdict.SUPPORTED, Verdict.REFUTED)

    def test_nearly_is_never_above(self, eco: Ecosystem) -> None:
        """€385 million is not 'nearly €380 million', though it is 'about' it."""
        nearly = _evaluate(eco, SERIES_A, stated="nearly 380 million EUR")
        about = _evaluate(eco, SERIES_A, stated="about 380 million EUR")
        assert (nearly.verdict, about.verdict) == (Verdict.REFUTED, Verdict.SUPPORTED)

    def test_over_excludes_the_figure_and_at_least_does_not(
        self, eco: Ecosystem
    ) -> None:
        """€385 million is 'at least €385 million', not 'over €385 million'."""
        over = _evaluate(eco, SERIES_A, stated="over 385000000 EUR")
        at_least = _evaluate(eco, SERIES_A, stated="at least 385000000 EUR")
        assert (over.verdict, at_least.verdict) == (Verdict.REFUTED, Verdict.SUPPORTED)

    def test_an_explicit_tolerance_wins(self, eco: Ecosystem) -> None:
        """A tolerance given in the check replaces the precision of the words."""
        words = _evaluate(eco, SERIES_A, stated="€400 million")
        tolerance = _evaluate(eco, SERIES_A, stated="€400 million", tolerance="5%")
        assert (words.verdict, tolerance.verdict) == (
            Verdict.REFUTED,
            Verdict.SUPPORTED,
        )

    def test_the_canonical_form_is_exact(self, eco: Ecosystem) -> None:
        """'415000000 USD', as files are written, is the figure to the dollar."""
        evaluation = _evaluate(eco, SERIES_A, stated="415000000 USD")
        assert evaluation.verdict is Verdict.REFUTED


class TestCrossCurrency:
    """A figure in another currency is judged in its own currency, at its precision."""

    def test_euros_against_a_round_dollar_figure(self, eco: Ecosystem) -> None:
        """€385 million is '$415 million' at the ECB rate, and the text says why."""
        evaluation = _evaluate(eco, SERIES_A, stated="$415 million")
        assert evaluation.verdict is Verdict.SUPPORTED
        assert evaluation.explanation == (
            "Mistral AI: series-a amount is €385 million, as stated ('$415 "
            "million'). €385 million = $414.9 million at 1 EUR = 1.0777 USD (ECB, "
            "8 Dec 2023). '$415 million' is read as $414.5 to $415.5 million (a "
            "round figure: half a unit of its last significant digit either side)."
        )
        (conversion,) = evaluation.conversions
        assert conversion.rate == Decimal("1.0777")


class TestStatedText:
    """What the explanation says, whatever the caller's decimal context."""

    def test_a_difference_is_never_hidden_by_rounding(self, eco: Ecosystem) -> None:
        """7.3 billion against '7 billion parameters': refuted, no 'ratio is 1.0'."""
        measure = {"of": "Mistral 7B", "field": "parameters"}
        evaluation = _evaluate(eco, measure, stated="7 billion parameters")
        assert evaluation.verdict is Verdict.REFUTED
        assert "6.95 to 7.05 billion parameters" in evaluation.explanation
        assert "1.0" not in evaluation.explanation

    def test_the_callers_context_changes_nothing(self, eco: Ecosystem) -> None:
        """A caller's three-digit context gives the same verdict and text."""
        expected = _evaluate(eco, SERIES_A, stated="$415 million")
        with decimal.localcontext() as context:
            context.prec = 3
            got = _evaluate(eco, SERIES_A, stated="$415 million")
        assert (got.verdict, got.explanation) == (
            expected.verdict,
            expected.explanation,
        )

    def test_the_words_are_written_back(self, eco: Ecosystem) -> None:
        """A claims file writes a worded figure as it was written."""
        evaluation = _evaluate(eco, SERIES_A, stated="nearly 300 million EUR")
        assert isinstance(evaluation.claim.check, ValueCheck)
        assert 'stated = "nearly 300 million EUR"' in dumps_claims([evaluation.claim])


class TestFacts:
    """Words of precision in a knowledge base."""

    def test_nearly_in_a_fact_is_a_range_below(self, eco: Ecosystem) -> None:
        """'nearly 300000000 EUR' is an estimate from €270 to €300 million."""
        (endowment,) = (r for r in eco.rounds if r.organisation == "Kyutai")
        assert endowment.amount == Estimate(
            Money(270_000_000, "EUR"),
            Money(300_000_000, "EUR"),
            None,
            Status.DISCLOSED,
        )

    def test_about_in_a_size(self) -> None:
        """'about 7000000000 parameter' is ±10% of 7 billion parameters."""
        eco = aiecosys.loads(
            KB.replace('"7300000000 parameter"', '"about 7000000000 parameter"')
        )
        model = eco.model("Mistral 7B")
        assert model.parameters == Estimate(
            parameters("6.3B"), parameters("7.7B"), None, Status.ESTIMATED
        )


def _ratio(stated: object, **fields: Any) -> Any:
    """Evaluate 'Yi-34B has {stated} times the parameters of Llama 2-70B'."""
    ratio = {
        "kind": "ratio",
        "numerator": {"of": "Yi-34B", "field": "parameters"},
        "denominator": {"of": "Llama 2-70B", "field": "parameters"},
        "ratio": stated,
        **fields,
    }
    return _evaluate_check(aiecosys.loads(KB), ratio)


class TestRatios:
    """A multiple stated in words: 34 billion is about half of 70 billion."""

    def test_about_half_against_nearly_half(self) -> None:
        """34/70 = 0.486 is 'about 0.5' and 'nearly 0.5', not 'over 0.5'."""
        verdicts = [_ratio(words).verdict for words in ("about 0.5", "over 0.5")]
        assert verdicts == [Verdict.SUPPORTED, Verdict.REFUTED]
        assert _ratio("nearly 0.5").verdict is Verdict.SUPPORTED

    def test_the_explanation_states_the_ratio_and_the_reading(self) -> None:
        """The text gives the ratio, then how the words were read."""
        assert _ratio("about 0.5").explanation == (
            "The ratio of Yi-34B: parameters (34 billion parameters) to Llama "
            "2-70B: parameters (70 billion parameters) is 0.49, as stated ('about "
            "0.5'). 'about 0.5' is read as 0.45 to 0.55 ('about': 10% either side "
            "of the figure)."
        )

    def test_an_exact_ratio_needs_a_tolerance(self) -> None:
        """'0.5' alone is refused, saying to give a tolerance or the words."""
        with pytest.raises(aiecosys.DataError, match=r"about 0\.5"):
            _ratio("0.5")

    def test_a_tolerance_wins_over_the_words(self) -> None:
        """With a tolerance of 1%, 'about 0.5' is refuted for 0.486."""
        assert _ratio("about 0.5", tolerance="1%").verdict is Verdict.REFUTED


class TestRefusals:
    """What a figure in Python cannot be."""

    def test_a_float_is_refused(self) -> None:
        """A binary float is refused, saying to build a Decimal from a string."""
        with pytest.raises(TypeError, match=r"Decimal\('0\.5'\)"):
            Precision.of(0.5, "about", written="about 0.5")

    def test_an_unknown_qualifier_is_refused(self) -> None:
        """A qualifier the rule does not know is refused, naming those it does."""
        with pytest.raises(aiecosys.ParseError, match="nearly"):
            Precision.of(Decimal(5), "roughly", written="roughly 5")


class TestFrenchReadings:
    """How the words were read, said in French."""

    @pytest.mark.parametrize(
        ("written", "reading"),
        [
            (
                "$415 million",
                (
                    "«\u00a0$415 million\u00a0» se lit\u00a0: entre 414,5 et 415,5 "
                    "millions de dollars (un chiffre rond\u00a0: une demi-unité de son "
                    "dernier chiffre significatif de part et d'autre)"
                ),
            ),
            (
                "près de 300 millions d'euros",
                (
                    "«\u00a0près de 300 millions d'euros\u00a0» se lit\u00a0: entre "
                    "270 et 300 millions d'euros («\u00a0près de\u00a0»\u00a0: jusqu'à "
                    "10\u00a0% sous le chiffre, jamais au-dessus)"
                ),
            ),
            (
                "plus de 100 millions d'euros",
                (
                    "«\u00a0plus de 100 millions d'euros\u00a0» se lit\u00a0: plus de "
                    "100 millions d'euros («\u00a0plus de\u00a0»\u00a0: au-dessus du "
                    "chiffre, sans l'égaler)"
                ),
            ),
            (
                "au plus 10 millions d'euros",
                (
                    "«\u00a0au plus 10 millions d'euros\u00a0» se lit\u00a0: au plus "
                    "10 millions d'euros"
                ),
            ),
            (
                "exactement 415 000 000 $",
                (
                    "«\u00a0exactement 415 000 000 $\u00a0» se lit\u00a0: exactement "
                    "415 millions de dollars"
                ),
            ),
        ],
    )
    def test_readings(self, written: str, reading: str) -> None:
        """Each rule's reading, in French words, quotes and numbers."""
        with aiecosys.language("fr"):
            assert Precision.parse(written).reading() == reading

    def test_english_quotes_stay_english(self) -> None:
        """In English, the words keep their single quotes, as before."""
        assert Precision.parse("about 400").reading() == (
            "'about 400' is read as 360 to 440 ('about': 10% either side of the figure)"
        )
