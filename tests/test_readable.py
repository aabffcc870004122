"""Numbers people can read: every explanation of the bundled claims, at human scale."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest

import aiecosys
from aiecosys import (
    Estimate,
    Money,
    Quantity,
    Status,
    check_all,
    claims_from_document,
    load_article,
)
from aiecosys._readable import (
    readable,
    readable_estimate,
    readable_number,
    readable_rate,
)
from aiecosys.claims import Evaluation


ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "kyutai-open-releases"

MAX_SIGNIFICANT = 6
"""More significant digits than a reader takes in at a glance."""
MAX_NUMBER_CHARACTERS = 12
"""More characters than a reader takes in as one number."""
_NUMBER = re.compile(r"\d(?:[\d,.]*\d)?")


def _evaluations() -> list[Evaluation]:
    article = load_article()
    example_eco = aiecosys.load(EXAMPLE / "knowledge.toml")
    document = tomllib.loads((EXAMPLE / "claims.toml").read_text(encoding="utf-8"))
    document.pop("opinions", None)  # the article format's, checked elsewhere
    example = claims_from_document(document, example_eco, file="claims.toml")
    return [
        *check_all(article.claims, article.ecosystem),
        *check_all(example, example_eco),
    ]


def _rendered(evaluation: Evaluation) -> list[str]:
    """Everything a reader sees of one evaluation, but the sources' addresses."""
    return [
        evaluation.explanation,
        *(f"{item.label} = {item.value}" for item in evaluation.evidence),
        *(readable_rate(conversion) for conversion in evaluation.conversions),
    ]


def _too_long(text: str) -> list[str]:
    found = []
    for number in _NUMBER.findall(text):
        digits = number.replace(",", "").replace(".", "").strip("0")
        if len(digits) > MAX_SIGNIFICANT or len(number) > MAX_NUMBER_CHARACTERS:
            found.append(number)
    return found


@pytest.mark.parametrize(
    "evaluation", _evaluations(), ids=lambda evaluation: evaluation.claim.id
)
def test_every_explanation_has_numbers_a_reader_can_take_in(
    evaluation: Evaluation,
) -> None:
    """No number of an explanation, its evidence or its rates is too long to read."""
    for text in _rendered(evaluation):
        assert not _too_long(text), text
        assert "at least 0 " not in text, text
        assert "[]" not in text, text


def test_the_check_refuses_what_it_should() -> None:
    """The reading test itself flags a rate to 28 digits and digits written out."""
    assert _too_long("1 USD = 0.9344047841524948607736871613 EUR")
    assert _too_long("610,000,000,000 trillion FLOP")
    assert not _too_long("1 EUR = 1.0777 USD (ECB, 8 Dec 2023)")


class TestNumbers:
    """Each kind of value, written at human scale."""

    @pytest.mark.parametrize(
        ("value", "text"),
        [
            (Money(385_000_000, "EUR"), "€385 million"),
            (Money("414914500", "USD"), "$414.9 million"),
            (Quantity("6.1e23", "FLOP"), "6.1 × 10²³ FLOP"),
            (aiecosys.parameters("34B"), "34 billion parameters"),
            (Decimal("73.46"), "73.46"),
            (dt.date(2023, 12, 8), "2023-12-08"),
        ],
    )
    def test_values(self, value: object, text: str) -> None:
        """Money with its symbol, sizes with their scale word, powers of ten."""
        assert readable(value) == text

    def test_an_undisclosed_amount_is_said_so(self) -> None:
        """An undisclosed total is 'undisclosed', not 'at least 0 USD'."""
        estimate = Estimate(Money(0, "USD"), None, None, Status.UNDISCLOSED)
        assert readable_estimate(estimate) == "undisclosed"

    def test_the_callers_context_changes_nothing(self) -> None:
        """A caller's three-digit context writes the same digits."""
        import decimal

        with decimal.localcontext() as context:
            context.prec = 3
            assert readable_number(Decimal(414914500)) == "414.9 million"

    def test_a_number_written_again_is_written_for_its_digits(self) -> None:
        """A number written before, with other significant digits, gets its own text."""
        written = [readable_number(Decimal(2345678), digits) for digits in (4, 2, 4)]
        small = [readable_number(12_345, digits) for digits in (4, 2, 4)]

        assert written == ["2.346 million", "2.3 million", "2.346 million"]
        assert small == ["12,350", "12,000", "12,350"]


NBSP = "\u00a0"
"""A no-break space."""
NNBSP = "\u202f"
"""A narrow no-break space: Babel's French group separator."""


class TestFrench:
    """The same values, as French readers read them."""

    @pytest.mark.parametrize(
        ("value", "text"),
        [
            (Money(385_000_000, "EUR"), "385 millions d'euros"),
            (Money("414914500", "USD"), "414,9 millions de dollars"),
            (Money(5, "CHF"), "5 francs suisses"),
            (Money("1.8e12", "USD"), f"1{NNBSP}800 milliards de dollars"),
            (Quantity("6.1e23", "FLOP"), "6,1 × 10²³ FLOP"),
            (aiecosys.parameters("34B"), "34 milliards de paramètres"),
            (aiecosys.parameters("1T"), f"1{NNBSP}000 milliards de paramètres"),
            (aiecosys.tokens("3T"), f"3{NNBSP}000 milliards de jetons"),
            (Quantity(12_345, "parameter"), f"12{NNBSP}350 paramètres"),
            (Quantity("1.5", "token"), "1,5 jeton"),
            (Quantity("1e12", "byte"), f"1{NNBSP}000 milliards d'octets"),
            (Decimal("73.46"), "73,46"),
            (dt.timedelta(days=31), "31 jours"),
            (dt.date(2023, 12, 8), "2023-12-08"),
        ],
    )
    def test_values(self, value: object, text: str) -> None:
        """Amounts by their currency's name, milliards from 10^12, "de" after them."""
        with aiecosys.language("fr"):
            assert readable(value) == text

    @pytest.mark.parametrize(
        ("estimate", "text"),
        [
            (
                Estimate.between(
                    aiecosys.parameters("1T"), aiecosys.parameters("1.8T")
                ),
                f"entre 1{NNBSP}000 et 1{NNBSP}800 milliards de paramètres",
            ),
            (
                Estimate.between(Money(250_000_000, "EUR"), Money(300_000_000, "EUR")),
                "entre 250 et 300 millions d'euros",
            ),
            (Estimate.at_least(Money(5, "EUR")), "au moins 5 euros"),
            (
                Estimate.at_most(aiecosys.parameters("70B")),
                "au plus 70 milliards de paramètres",
            ),
            (Estimate(Money(0, "USD"), None, None, Status.UNDISCLOSED), "non divulgué"),
        ],
    )
    def test_estimates(self, estimate: Estimate[object], text: str) -> None:
        """Ranges are "entre X et Y", saying their scale word and unit once."""
        with aiecosys.language("fr"):
            assert readable_estimate(estimate) == text

    def test_a_rate_names_the_ecb_in_french(self) -> None:
        """The issue's rate: ``1 EUR = 1,0777 USD (BCE, 8 déc. 2023)``."""
        from aiecosys import fx

        conversion = fx.rate("EUR", "USD", on=dt.date(2023, 12, 8))
        with aiecosys.language("fr"):
            assert readable_rate(conversion) == "1 EUR = 1,0777 USD (BCE, 8 déc. 2023)"
        assert readable_rate(conversion) == "1 EUR = 1.0777 USD (ECB, 8 Dec 2023)"

    def test_english_stays_as_it_was_after_french(self) -> None:
        """A number written in French first is still written in English after."""
        with aiecosys.language("fr"):
            readable_number(Decimal(2345678))
        assert readable_number(Decimal(2345678)) == "2.346 million"
        assert readable(Money(385_000_000, "EUR")) == "€385 million"
