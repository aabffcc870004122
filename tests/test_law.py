"""The law check: a law adopted, or in force, within a period, in a jurisdiction."""

from __future__ import annotations

import pytest

from aiecosys import (
    DataError,
    Law,
    LawCheck,
    PartialDate,
    Verdict,
    dumps,
    json_schema,
    loads,
)
from tests.kinds_support import SOURCES, evaluate


PIPL = """
[[laws]]
name = "Personal Information Protection Law"
jurisdiction = "CN"
aliases = ["PIPL"]
adopted = "2021-08-20"
in_force = "2021-11-01"
sources = ["paper"]
"""


def check(field: str, within: str, jurisdiction: str = "CN") -> str:
    """A law check on the PIPL."""
    return (
        f'{{ kind = "law", law = "PIPL", field = "{field}", within = "{within}", '
        f'jurisdiction = "{jurisdiction}" }}'
    )


def test_in_force_within_a_year_and_not_another() -> None:
    """In force in 2021, so not in 2022: the date settles it either way."""
    assert evaluate(PIPL, check("in_force", "2021")).verdict is Verdict.SUPPORTED
    assert evaluate(PIPL, check("in_force", "2022")).verdict is Verdict.REFUTED


def test_adopted_and_in_force_are_different_dates() -> None:
    """Adopted in August 2021, in force from November: each month reads its own."""
    assert evaluate(PIPL, check("adopted", "2021-08")).verdict is Verdict.SUPPORTED
    assert evaluate(PIPL, check("in_force", "2021-08")).verdict is Verdict.REFUTED


def test_another_jurisdiction_is_refuted() -> None:
    """A law of CN is not a law of FR."""
    evaluation = evaluate(PIPL, check("in_force", "2021", "FR"))

    assert evaluation.verdict is Verdict.REFUTED
    assert "a law of CN, not FR" in evaluation.explanation


def test_an_unrecorded_date_gives_not_enough_info() -> None:
    """A law whose date in force is not recorded leaves the claim open."""
    facts = PIPL.replace('in_force = "2021-11-01"\n', "")

    assert evaluate(facts, check("in_force", "2021")).verdict is (
        Verdict.NOT_ENOUGH_INFO
    )


def test_a_year_only_date_is_not_placed_in_a_month() -> None:
    """In force "2021" may or may not be in November 2021."""
    facts = PIPL.replace('in_force = "2021-11-01"', 'in_force = "2021"')

    assert evaluate(facts, check("in_force", "2021-11")).verdict is (
        Verdict.NOT_ENOUGH_INFO
    )


def test_relative_dates_count_from_the_publication() -> None:
    """ "3 years ago" from an article of 2024 is 2021."""
    evaluation = evaluate(PIPL, check("in_force", "3 years ago"), "2024-02")

    assert evaluation.verdict is Verdict.SUPPORTED


def test_an_unknown_law_and_jurisdiction_are_named() -> None:
    """A law the knowledge base lacks, and a made-up country code, are reported."""
    with pytest.raises(DataError) as raised:
        evaluate(PIPL, check("in_force", "2021", "XX").replace("PIPL", "GDPR"))

    text = str(raised.value)
    assert "no law is named 'GDPR'" in text
    assert "'XX' is not an ISO 3166 country code" in text


def test_an_unknown_field_names_the_two() -> None:
    """field = "passed" is refused, naming adopted and in_force."""
    with pytest.raises(DataError, match=r"adopted.*in_force"):
        evaluate(PIPL, check("passed", "2021"))


def test_laws_are_read_written_and_in_the_schema() -> None:
    """A law loads by any name, dumps and reads back equal; the schema knows it."""
    eco = loads(SOURCES + PIPL)

    assert eco.law("pipl").in_force == PartialDate(2021, 11, 1)
    assert loads(dumps(eco)) == eco
    assert "Law" in json_schema()["$defs"]


def test_a_law_in_force_before_adoption_is_refused() -> None:
    """The dates are checked against each other."""
    with pytest.raises(DataError, match="before it was adopted"):
        loads(SOURCES + PIPL.replace("2021-11-01", "2021-01-01"))


def test_a_law_of_the_european_union() -> None:
    """EU is a jurisdiction of laws, though not a country."""
    law = Law("AI Act", "EU", in_force=PartialDate(2024, 8, 1))

    assert law.jurisdiction == "EU"
    with pytest.raises(DataError, match="ISO 3166"):
        Law("A law", "XX")


def test_the_check_is_built_in_python() -> None:
    """The class takes a date for its period."""
    assert LawCheck("PIPL", "in_force", PartialDate(2021)).kind == "law"
