"""The attribution check: enough independent sources say it, each with its quote."""

from __future__ import annotations

import decimal

import pytest

from aiecosys import (
    AttributionCheck,
    DataError,
    Ecosystem,
    Source,
    Stance,
    Statement,
    StatementForm,
    Verdict,
    dumps,
    json_schema,
    loads,
)
from aiecosys._statements import parties_of, tally
from tests.kinds_support import SOURCES, evaluate


GAFAM = (
    '{ kind = "attribution", subject = "BATX", says = "the Chinese GAFAM", '
    'form = "label", hedge = "%s" }'
)


def said(sources: str, stance: str = "states") -> str:
    """A label statement on the BATX, cited to *sources*."""
    return f"""
[[statements]]
subject = "BATX"
says = "the Chinese GAFAM"
form = "label"
stance = "{stance}"
quote = "the BATX, China's GAFAM"
sources = [{sources}]
"""


def test_many_needs_two_independent_publishers() -> None:
    """Two publishers support "many"; one leaves it open: a second source flips it."""
    one = said('"paper"')
    two = one + said('"wire"')

    assert evaluate(one, GAFAM % "many").verdict is Verdict.NOT_ENOUGH_INFO
    assert evaluate(two, GAFAM % "many").verdict is Verdict.SUPPORTED


def test_sometimes_needs_one_publisher() -> None:
    """One publisher supports "sometimes"; none recorded is not a refutation."""
    assert evaluate(said('"paper"'), GAFAM % "sometimes").verdict is Verdict.SUPPORTED
    assert evaluate("", GAFAM % "sometimes").verdict is Verdict.NOT_ENOUGH_INFO


def test_at_least_overrides_the_hedge() -> None:
    """at_least = 3 asks for three publishers, whatever the hedge."""
    check = GAFAM.replace("}", ", at_least = 3 }") % "sometimes"
    two = said('"paper"') + said('"wire"')

    assert evaluate(two, check).verdict is Verdict.NOT_ENOUGH_INFO


def test_a_syndicated_copy_is_not_independent() -> None:
    """The wire and its syndicated copy count once: "many" stays open."""
    evaluation = evaluate(said('"wire"') + said('"copy"'), GAFAM % "many")

    assert evaluation.verdict is Verdict.NOT_ENOUGH_INFO
    assert "The Wire / The Daily (The Wire)" in evaluation.explanation


def test_one_publisher_citing_twice_counts_once() -> None:
    """Two statements from one publisher are one source."""
    evaluation = evaluate(said('"paper"') + said('"paper"'), GAFAM % "many")

    assert evaluation.verdict is Verdict.NOT_ENOUGH_INFO


def test_a_source_without_a_publisher_counts_for_none() -> None:
    """A source naming no publisher cannot be shown independent, and is said so."""
    evaluation = evaluate(said('"paper"') + said('"blog"'), GAFAM % "many")

    assert evaluation.verdict is Verdict.NOT_ENOUGH_INFO
    assert "name no publisher" in evaluation.explanation


def test_a_denial_refutes_only_when_no_source_states_it() -> None:
    """A denial alone refutes; a denial beside a statement leaves it open."""
    denied = said('"wire"', "denies")

    assert evaluate(denied, GAFAM % "sometimes").verdict is Verdict.REFUTED
    mixed = evaluate(said('"paper"') + denied, GAFAM % "sometimes")
    assert mixed.verdict is Verdict.NOT_ENOUGH_INFO
    assert "disagree" in mixed.explanation


def test_the_evidence_quotes_each_source() -> None:
    """Each statement is evidence, with its exact quote and its sources."""
    evaluation = evaluate(said('"paper"'), GAFAM % "sometimes")

    (evidence,) = evaluation.evidence
    assert "the BATX, China's GAFAM" in evidence.value
    assert [source.key for source in evidence.sources] == ["paper"]


def test_subjects_match_by_any_name_of_an_entity() -> None:
    """A subject naming an organisation matches its aliases, in any case."""
    facts = """
[[organisations]]
name = "BATX"
aliases = ["BAT"]
kind = "group"
sources = ["paper"]
""" + said('"paper"')
    check = GAFAM.replace('"BATX"', '"bat"') % "sometimes"

    assert evaluate(facts, check).verdict is Verdict.SUPPORTED


def test_a_different_label_is_not_stated() -> None:
    """Another label is another statement: not recorded, so not enough info."""
    check = GAFAM.replace("the Chinese GAFAM", "the Chinese FAANG") % "sometimes"

    assert evaluate(said('"paper"'), check).verdict is Verdict.NOT_ENOUGH_INFO


def test_a_cause_is_refused_as_an_attribution() -> None:
    """form = "cause" belongs to the cause kind, and the message says so."""
    with pytest.raises(DataError, match="kind = 'cause'"):
        evaluate("", GAFAM.replace('"label"', '"cause"') % "many")


def test_an_unknown_hedge_names_the_allowed_ones() -> None:
    """hedge = "often" is refused, listing many and sometimes."""
    with pytest.raises(DataError, match="'many', 'sometimes'"):
        evaluate("", GAFAM % "often")


def test_at_least_must_be_a_positive_count() -> None:
    """at_least = 0 could never fail, and is refused."""
    with pytest.raises(DataError, match="out of range"):
        evaluate("", GAFAM.replace("}", ", at_least = 0 }") % "many")


def test_the_verdict_ignores_the_callers_decimal_context() -> None:
    """A tiny precision in the caller's context changes nothing."""
    with decimal.localcontext(decimal.Context(prec=1)):
        assert evaluate(said('"paper"'), GAFAM % "sometimes").verdict is (
            Verdict.SUPPORTED
        )


def test_statements_are_read_written_and_in_the_schema() -> None:
    """A statement loads, dumps and reads back equal; the schema knows it."""
    eco = loads(SOURCES + said('"paper"', "denies"))

    (statement,) = eco.statements
    assert statement.form is StatementForm.LABEL
    assert statement.stance is Stance.DENIES
    assert loads(dumps(eco)) == eco
    assert "Statement" in json_schema()["$defs"]


def test_a_statement_needs_a_quote_and_a_source() -> None:
    """Without its quote it is refused; without a source the knowledge base refuses."""
    with pytest.raises(DataError, match="quote"):
        loads(
            SOURCES
            + said('"paper"').replace('quote = "the BATX, China\'s GAFAM"\n', "")
        )
    with pytest.raises(DataError, match="no source"):
        Ecosystem(statements=(Statement("BATX", "GAFAM", quote="q"),))


def test_parties_of_a_publisher_in_brackets() -> None:
    """ "A (B)" speaks for A and B; a tally groups sources sharing one."""
    copy = Source("c", title="t", publisher="The Daily (The Wire)")
    wire = Source("w", title="t", publisher="The Wire")

    assert parties_of(copy) == {"the daily", "the wire"}
    statements = [Statement("X", "Y", quote="q", sources=(copy, wire))]
    assert tally(statements).stating == ("The Daily (The Wire) / The Wire",)


def test_the_check_is_built_in_python() -> None:
    """The class takes strings for its enums and counts its default need."""
    assert AttributionCheck("BATX", "GAFAM").needed == 2
    assert AttributionCheck("BATX", "GAFAM", hedge="sometimes").needed == 1
    assert AttributionCheck("BATX", "GAFAM", at_least=4).needed == 4


def test_a_typographic_apostrophe_matches_a_plain_one() -> None:
    """“Yi’s” in a claim matches “Yi's” in a statement."""
    facts = said('"paper"').replace('subject = "BATX"', 'subject = "Yi\'s data"')
    check = GAFAM.replace('"BATX"', '"Yi’s data"') % "sometimes"

    assert evaluate(facts, check).verdict is Verdict.SUPPORTED
