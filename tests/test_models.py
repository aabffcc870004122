"""Model specifications and benchmark scores."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from aiecosys import (
    BenchmarkScore,
    DataError,
    Estimate,
    ModelSpec,
    Openness,
    flop,
    parameters,
    tokens,
)


def test_parameters_default_to_unknown() -> None:
    """A model whose size was never disclosed has an unknown parameter count."""
    assert ModelSpec("GPT-4").parameters.is_unknown


def test_openness_from_text() -> None:
    """Openness may be given as its text value."""
    assert Openness.API_ONLY is ModelSpec("GPT-4", openness="api-only").openness


def test_active_parameters_above_total_refused() -> None:
    """A mixture of experts cannot use more parameters per token than it has."""
    with pytest.raises(DataError) as caught:
        ModelSpec(
            "Mixtral 8x7B",
            parameters=Estimate.exact(parameters("46.7B")),
            active_parameters=Estimate.exact(parameters("50B")),
        )

    assert "active_parameters" == caught.value.problems[0].field


def test_active_parameters_overlapping_total_accepted() -> None:
    """Only a certain excess is refused; overlapping ranges are accepted."""
    model = ModelSpec(
        "X",
        parameters=Estimate.between(parameters("10B"), parameters("20B")),
        active_parameters=Estimate.between(parameters("15B"), parameters("25B")),
    )

    assert model.active_parameters is not None


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("parameters", Estimate.exact(tokens("1T"))),
        ("training_tokens", Estimate.exact(parameters("1T"))),
        ("training_compute", Estimate.exact(tokens("1T"))),
        ("context_length", 0),
    ],
)
def test_sizes_must_have_the_right_dimension(field: str, value: Any) -> None:
    """Parameters, training tokens and compute are checked for their dimension."""
    with pytest.raises(DataError) as caught:
        ModelSpec("X", **{field: value})

    assert field == caught.value.problems[0].field


def test_training_compute() -> None:
    """Training compute is an estimate of FLOP."""
    model = ModelSpec("X", training_compute=Estimate.exact(flop("2.1e25")))

    assert model.training_compute == Estimate.exact(flop(Decimal("2.1e25")))


def test_score_lookup() -> None:
    """A score is found by benchmark name in any case."""
    model = ModelSpec("Yi-34B", benchmarks=(BenchmarkScore("MMLU", Decimal("76.3")),))

    assert Decimal("76.3") == model.score("mmlu").score  # type: ignore[union-attr]
    assert model.score("GSM8K") is None
