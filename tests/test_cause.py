"""The cause check: supported only by a source that states the cause, never inferred."""

from __future__ import annotations

import pytest

from aiecosys import CauseCheck, DataError, Verdict
from tests.kinds_support import evaluate


CHECK = '{ kind = "cause", effect = "Mistral AI\'s move", cause = "the tax law" }'


def stated(stance: str = "states", form: str = "cause", source: str = "paper") -> str:
    """A statement that the tax law caused Mistral AI's move."""
    return f"""
[[statements]]
subject = "Mistral AI's move"
says = "the tax law"
form = "{form}"
stance = "{stance}"
quote = "Mistral AI moved because of the tax law"
sources = ["{source}"]
"""


def test_a_stated_cause_supports_and_its_absence_does_not_refute() -> None:
    """One source stating the cause supports it; with none the claim stays open."""
    assert evaluate(stated(), CHECK).verdict is Verdict.SUPPORTED
    missing = evaluate("", CHECK)
    assert missing.verdict is Verdict.NOT_ENOUGH_INFO
    assert "not a denial" in missing.explanation


def test_an_attribution_is_not_a_stated_cause() -> None:
    """A statement of another form does not support a cause."""
    assert evaluate(stated(form="attribution"), CHECK).verdict is (
        Verdict.NOT_ENOUGH_INFO
    )


def test_a_denied_cause_is_refuted_unless_another_source_states_it() -> None:
    """A sourced denial refutes; a denial and a statement leave it open."""
    assert evaluate(stated("denies"), CHECK).verdict is Verdict.REFUTED
    both = stated() + stated("denies", source="wire")
    assert evaluate(both, CHECK).verdict is Verdict.NOT_ENOUGH_INFO


def test_at_least_asks_for_more_sources() -> None:
    """at_least = 2 needs a second independent source."""
    check = CHECK.replace("}", ", at_least = 2 }")

    assert evaluate(stated(), check).verdict is Verdict.NOT_ENOUGH_INFO
    assert evaluate(stated() + stated(source="wire"), check).verdict is (
        Verdict.SUPPORTED
    )


def test_the_evidence_quotes_the_source() -> None:
    """The evidence is the statement, with its quote and its source."""
    (evidence,) = evaluate(stated(), CHECK).evidence

    assert "because of the tax law" in evidence.value


def test_a_missing_field_is_named() -> None:
    """Without its cause, the check is refused, naming the field."""
    with pytest.raises(DataError, match=r"check\.cause.*required"):
        evaluate("", '{ kind = "cause", effect = "x" }')


def test_the_check_is_built_in_python() -> None:
    """The class needs one source by default."""
    assert CauseCheck("a move", "a law").at_least == 1
