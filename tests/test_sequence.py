"""The sequence check: one dated event before or after another, dates as ranges."""

from __future__ import annotations

import pytest

from aiecosys import DataError, EventRef, SequenceCheck, Verdict
from tests import kinds_support
from tests.kinds_support import evaluate


RELEASED = '{ of = "Mistral 7B", field = "released" }'
SEED = '{ of = "Mistral AI", field = "announced", round = "seed" }'
SERIES_A = '{ of = "Mistral AI", field = "announced", round = "series-a" }'


def check(first: str, relation: str, then: str) -> str:
    """A sequence check."""
    return (
        f'{{ kind = "sequence", first = {first}, relation = "{relation}", '
        f"then = {then} }}"
    )


def test_after_and_before_are_settled_by_disjoint_dates() -> None:
    """Released in September, after the June seed round and before the December one."""
    assert evaluate("", check(RELEASED, "after", SEED)).verdict is Verdict.SUPPORTED
    assert evaluate("", check(RELEASED, "before", SEED)).verdict is Verdict.REFUTED
    assert evaluate("", check(RELEASED, "before", SERIES_A)).verdict is (
        Verdict.SUPPORTED
    )


def test_overlapping_dates_are_not_ordered() -> None:
    """Founded "2023-04" and a round of "2023": either may be first."""
    facts = """
[[organisations]]
name = "Kyutai"
kind = "non-profit-lab"
founded = "2023"
sources = ["paper"]
"""
    founded = '{ of = "Kyutai", field = "founded" }'
    evaluation = evaluate(facts, check(founded, "after", SEED))

    assert evaluation.verdict is Verdict.NOT_ENOUGH_INFO
    assert "overlap" in evaluation.explanation


def test_the_same_day_is_not_ordered() -> None:
    """Released on the seed round's day: the dates do not say which came first."""
    facts = """
[[models]]
name = "Mistral 0"
developers = ["Mistral AI"]
released = "2023-06-13"
sources = ["paper"]
"""
    released = '{ of = "Mistral 0", field = "released" }'
    evaluation = evaluate(facts, check(released, "after", SEED))

    assert evaluation.verdict is Verdict.NOT_ENOUGH_INFO
    assert "same day" in evaluation.explanation


def test_an_unrecorded_date_gives_not_enough_info() -> None:
    """A person with no birth date recorded cannot be placed."""
    born = '{ of = "Arthur Mensch", field = "born" }'
    evaluation = evaluate("", check(born, "before", SEED))

    assert evaluation.verdict is Verdict.NOT_ENOUGH_INFO
    assert "not recorded" in evaluation.explanation


WITH_MENSCH = '{ of = "Mistral AI", field = "announced", investor = "Arthur Mensch" }'


def test_a_round_is_picked_by_its_investor(monkeypatch: pytest.MonkeyPatch) -> None:
    """With every round recorded, the round with Arthur Mensch followed the release."""
    complete = kinds_support.ORGANISATIONS.replace(
        'country = "FR"\n', 'country = "FR"\ncomplete = { rounds = "paper" }\n', 1
    )
    monkeypatch.setattr(kinds_support, "ORGANISATIONS", complete)

    evaluation = evaluate("", check(RELEASED, "before", WITH_MENSCH))

    assert evaluation.verdict is Verdict.SUPPORTED


def test_open_rounds_leave_the_first_round_with_an_investor_open() -> None:
    """Rounds not said complete: an earlier round with the investor may be missing."""
    evaluation = evaluate("", check(RELEASED, "before", WITH_MENSCH))

    assert evaluation.verdict is Verdict.NOT_ENOUGH_INFO
    assert (
        "2023-12 or earlier: the rounds of Mistral AI are an open list"
        in evaluation.explanation
    )


def test_open_rounds_still_support_what_a_recorded_round_settles() -> None:
    """A recorded round before the release proves "after raising", open list or not."""
    with_lightspeed_seed = (
        '{ of = "Mistral AI", field = "announced", investor = "Lightspeed", '
        'round = "seed" }'
    )

    evaluation = evaluate("", check(RELEASED, "after", with_lightspeed_seed))

    assert evaluation.verdict is Verdict.SUPPORTED


def test_an_investor_in_several_rounds_is_ambiguous() -> None:
    """Lightspeed is in both rounds: the file is refused until the round is named."""
    with_lightspeed = (
        '{ of = "Mistral AI", field = "announced", investor = "Lightspeed" }'
    )

    with pytest.raises(DataError, match="2 round"):
        evaluate("", check(RELEASED, "after", with_lightspeed))
    named = with_lightspeed.replace("}", ', round = "seed" }')
    assert evaluate("", check(RELEASED, "after", named)).verdict is Verdict.SUPPORTED


def test_an_investor_of_no_round_is_not_enough_info() -> None:
    """A known organisation that invested in no round of it leaves the claim open."""
    facts = """
[[organisations]]
name = "Baidu"
kind = "company"
sources = ["paper"]
"""
    with_baidu = '{ of = "Mistral AI", field = "announced", investor = "Baidu" }'

    assert evaluate(facts, check(RELEASED, "after", with_baidu)).verdict is (
        Verdict.NOT_ENOUGH_INFO
    )


def test_a_field_that_is_not_a_date_is_refused() -> None:
    """parameters is not an event."""
    size = '{ of = "Mistral 7B", field = "parameters" }'

    with pytest.raises(DataError, match="is not a date"):
        evaluate("", check(size, "after", SEED))


def test_an_unknown_relation_or_investor_is_named() -> None:
    """relation = "during" lists the relations; an unknown investor is reported."""
    with pytest.raises(DataError, match="'during' is not one of 'before', 'after'"):
        evaluate("", check(RELEASED, "during", SEED))
    unknown = '{ of = "Mistral AI", field = "announced", investor = "Nobody" }'
    with pytest.raises(DataError, match="no organisation or person is named 'Nobody'"):
        evaluate("", check(RELEASED, "after", unknown))


def test_only_an_announcement_takes_an_investor() -> None:
    """An investor on a founding date makes no sense, and is refused."""
    with pytest.raises(ValueError, match="only a round's announcement"):
        EventRef("Mistral AI", "founded", investor="Lightspeed")


def test_the_check_is_built_in_python() -> None:
    """The class takes two events and a relation."""
    check_ = SequenceCheck(EventRef("M", "released"), "after", EventRef("O", "founded"))

    assert check_.kind == "sequence"
