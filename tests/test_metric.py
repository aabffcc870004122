"""The metric check: a dated measurement compared with the figure a claim states."""

from __future__ import annotations

import decimal
from decimal import Decimal

import pytest

from aiecosys import (
    DataError,
    Estimate,
    Metric,
    MetricCheck,
    MetricKind,
    PartialDate,
    Verdict,
    dumps,
    json_schema,
    loads,
)
from tests.kinds_support import SOURCES, evaluate


def measured(value: str, as_of: str = "2024-01", where: str = "Hugging Face") -> str:
    """A count of models derived from Mistral 7B."""
    return f"""
[[metrics]]
of = "Mistral 7B"
metric = "derived-models"
as_of = "{as_of}"
value = {value}
where = "{where}"
sources = ["paper"]
"""


def check(stated: str, relation: str = "equal", extra: str = "") -> str:
    """A metric check on the models derived from Mistral 7B."""
    return (
        f'{{ kind = "metric", of = "Mistral 7B", metric = "derived-models", '
        f'stated = "{stated}", relation = "{relation}"{extra} }}'
    )


def test_an_exact_figure_equals_or_not() -> None:
    """500 derived models: a claim of 500 holds, one of 600 does not."""
    assert evaluate(measured('"500"'), check("500")).verdict is Verdict.SUPPORTED
    assert evaluate(measured('"500"'), check("600")).verdict is Verdict.REFUTED


def test_a_tolerance_widens_equality() -> None:
    """With 10%, 450 is as good as 500; without, it is not."""
    assert evaluate(measured('"500"'), check("450")).verdict is Verdict.REFUTED
    tolerant = check("450", extra=', tolerance = "12%"')
    assert evaluate(measured('"500"'), tolerant).verdict is Verdict.SUPPORTED


def test_a_lower_bound_supports_more_than_but_not_equal() -> None:
    """At least 1,000: more than 100 holds; exactly 1,000 is not settled."""
    bound = measured('{ low = "1000", status = "reported" }')

    assert evaluate(bound, check("100", "greater")).verdict is Verdict.SUPPORTED
    assert evaluate(bound, check("1000")).verdict is Verdict.NOT_ENOUGH_INFO


def test_an_unrecorded_metric_is_not_enough_info_with_evidence() -> None:
    """No measurement: the claim stays open, and the evidence names what is missing."""
    evaluation = evaluate("", check("100", "greater"))

    assert evaluation.verdict is Verdict.NOT_ENOUGH_INFO
    assert "not a denial" in evaluation.explanation
    assert evaluation.evidence[0].value == "not recorded"


def test_a_measurement_of_another_date_is_not_used() -> None:
    """A count of January 2024 says nothing of 2023: only one within at counts."""
    facts = measured('"500"', "2024-01")

    assert evaluate(facts, check("500", extra=', at = "2023"')).verdict is (
        Verdict.NOT_ENOUGH_INFO
    )
    assert evaluate(facts, check("500", extra=', at = "2024"')).verdict is (
        Verdict.SUPPORTED
    )


def test_without_a_date_the_latest_by_publication_is_read() -> None:
    """Of two counts, the latest before the article is compared; a later one is not."""
    facts = measured('"100"', "2023-10") + measured('"900"', "2024-06")

    assert evaluate(facts, check("100"), "2024-02").verdict is Verdict.SUPPORTED
    assert evaluate(facts, check("900"), "2024-12").verdict is Verdict.SUPPORTED


def test_the_platform_must_match_when_named() -> None:
    """A count on Hugging Face is not a count on another platform."""
    extra = ', where = "ModelScope"'

    assert evaluate(measured('"500"'), check("500", extra=extra)).verdict is (
        Verdict.NOT_ENOUGH_INFO
    )


def test_the_callers_decimal_context_changes_nothing() -> None:
    """With a precision of 3, 1,000,001 is still more than 1,000,000."""
    facts = measured('"1000001"')
    with decimal.localcontext(decimal.Context(prec=3)):
        evaluation = evaluate(facts, check("1000000", "greater"))

    assert evaluation.verdict is Verdict.SUPPORTED


def test_an_unknown_metric_or_entity_is_named() -> None:
    """A made-up metric lists the real ones; an unknown model is reported."""
    with pytest.raises(DataError, match="'downloads'"):
        evaluate("", check("1").replace("derived-models", "likes"))
    with pytest.raises(DataError, match="no model, organisation or person"):
        evaluate("", check("1").replace("Mistral 7B", "Mistral 9B"))


def test_a_negative_figure_is_refused() -> None:
    """A count below zero could never be measured."""
    with pytest.raises(DataError, match="below zero"):
        evaluate("", check("-1"))


def test_metrics_are_read_written_and_in_the_schema() -> None:
    """A metric loads, dumps and reads back equal; the schema knows it."""
    eco = loads(
        SOURCES
        + "\n[[models]]\nname = 'M'\nsources = ['paper']\n"
        + measured('"500"').replace("Mistral 7B", "M")
    )

    (metric,) = eco.metrics
    assert metric.value == Estimate.exact(Decimal(500))
    assert loads(dumps(eco)) == eco
    assert "Metric" in json_schema()["$defs"]


def test_a_metric_of_an_unknown_entity_is_refused() -> None:
    """The knowledge base names the unknown model, organisation or person."""
    with pytest.raises(DataError, match="unknown model or organisation or person"):
        loads(SOURCES + measured('"500"'))


def test_a_metric_takes_whole_numbers_in_python() -> None:
    """Estimate.exact(100) is read as Decimal 100."""
    metric = Metric("M", "headcount", PartialDate(2024), Estimate.exact(100))

    assert metric.metric is MetricKind.HEADCOUNT
    assert metric.value.low == Decimal(100)
    assert MetricCheck("M", "users", Decimal(5)).relation == "equal"


def test_a_figure_out_of_range_is_refused() -> None:
    """A figure of 10^999999 is refused, naming the bound, before any comparison."""
    with pytest.raises(DataError, match="out of range"):
        loads(SOURCES + measured('"1e999999"').replace("Mistral 7B", "M"))
