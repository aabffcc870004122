"""The location check: based in a city or a country, at a date, from sourced facts."""

from __future__ import annotations

import pytest

from aiecosys import (
    DataError,
    Location,
    LocationCheck,
    PartialDate,
    Verdict,
    dumps,
    json_schema,
    loads,
)
from tests import kinds_support
from tests.kinds_support import SOURCES, evaluate


def based(
    city: str = "Paris",
    since: str = "2023",
    until: str | None = None,
    of: str = "Mistral AI",
) -> str:
    """A location of Mistral AI."""
    end = "" if until is None else f'until = "{until}"\n'
    return f"""
[[locations]]
of = "{of}"
city = "{city}"
country = "FR"
since = "{since}"
{end}sources = ["paper"]
"""


def check(place: str = 'city = "Paris"', at: str = "") -> str:
    """A location check on Mistral AI."""
    return f'{{ kind = "location", of = "Mistral AI", {place}{at} }}'


@pytest.fixture
def every_place(monkeypatch: pytest.MonkeyPatch) -> None:
    """A source gives every place Mistral AI was based in: its list is complete."""
    monkeypatch.setattr(
        kinds_support,
        "ORGANISATIONS",
        kinds_support.ORGANISATIONS.replace(
            'country = "FR"\n',
            'country = "FR"\ncomplete = { locations = "paper" }\n',
            1,
        ),
    )


@pytest.mark.usefixtures("every_place")
def test_the_recorded_city_supports_and_another_refutes() -> None:
    """Based in Paris, every place recorded: Paris holds, Lyon does not."""
    assert evaluate(based(), check()).verdict is Verdict.SUPPORTED
    assert evaluate(based(), check('city = "Lyon"')).verdict is Verdict.REFUTED


def test_another_place_is_open_while_the_places_are() -> None:
    """Based in Paris, the list open: it may be based in Lyon too."""
    evaluation = evaluate(based(), check('city = "Lyon"'))

    assert evaluation.verdict is Verdict.NOT_ENOUGH_INFO
    assert (
        "Mistral AI is recorded as based in Paris, France at 2024-02; but the places "
        "Mistral AI is based in are an open list"
    ) in evaluation.explanation


def test_a_place_not_recorded_is_not_a_denial() -> None:
    """No location recorded: not enough info, never refuted."""
    evaluation = evaluate("", check('city = "Lyon"'))

    assert evaluation.verdict is Verdict.NOT_ENOUGH_INFO
    assert "not a denial" in evaluation.explanation


@pytest.mark.usefixtures("every_place")
def test_the_country_alone_is_checked() -> None:
    """Based in FR holds; based in CN does not."""
    assert evaluate(based(), check('country = "FR"')).verdict is Verdict.SUPPORTED
    assert evaluate(based(), check('country = "cn"')).verdict is Verdict.REFUTED


def test_the_date_is_the_publication_unless_given() -> None:
    """Based in Paris since 2023: not known for 2022, known for the article's 2024."""
    assert evaluate(based(), check()).verdict is Verdict.SUPPORTED
    assert evaluate(based(), check(at=', at = "2022"')).verdict is (
        Verdict.NOT_ENOUGH_INFO
    )


@pytest.mark.usefixtures("every_place")
def test_a_move_is_dated() -> None:
    """Lyon until 2023, Paris from 2024: each year reads its own place."""
    facts = based("Lyon", "2020", "2023") + based("Paris", "2024")

    assert evaluate(facts, check(at=', at = "2024"')).verdict is Verdict.SUPPORTED
    assert evaluate(facts, check(at=', at = "2021"')).verdict is Verdict.REFUTED


def test_a_period_that_may_not_cover_the_date_is_open() -> None:
    """Paris "until 2024" may not cover all of 2024."""
    facts = based(since="2020", until="2024-06")

    assert evaluate(facts, check('city = "Lyon"', ', at = "2024"')).verdict is (
        Verdict.NOT_ENOUGH_INFO
    )


def test_cities_compare_without_case_or_accents() -> None:
    """ "pÉkin" is "Pékin"."""
    facts = based("Pékin")

    assert evaluate(facts, check('city = "pÉkin"')).verdict is Verdict.SUPPORTED


def test_a_person_is_located_too() -> None:
    """Locations are of people as well as organisations."""
    facts = based(of="Arthur Mensch")
    person = check().replace("Mistral AI", "Arthur Mensch")

    assert evaluate(facts, person).verdict is Verdict.SUPPORTED


def test_a_check_without_a_place_or_with_a_bad_code_is_refused() -> None:
    """Neither city nor country, or a made-up country code, is reported."""
    with pytest.raises(DataError, match="give the city, the country or both"):
        evaluate("", '{ kind = "location", of = "Mistral AI" }')
    with pytest.raises(DataError, match="not an ISO 3166 country code"):
        evaluate("", check('country = "XX"'))


def test_locations_are_read_written_and_in_the_schema() -> None:
    """A location loads, dumps and reads back equal; the schema knows it."""
    facts = SOURCES + "\n[[people]]\nname = 'A'\nsources = ['paper']\n"
    eco = loads(facts + based(of="A"))

    assert eco.locations[0].place == "Paris, FR"
    assert loads(dumps(eco)) == eco
    assert "Location" in json_schema()["$defs"]


def test_a_location_is_checked_when_built() -> None:
    """A location ending before it starts, or naming no place, is refused."""
    with pytest.raises(DataError, match="before it starts"):
        Location("A", city="Paris", since=PartialDate(2024), until=PartialDate(2023))
    with pytest.raises(DataError, match="city, the country or both"):
        Location("A")


def test_the_check_is_built_in_python() -> None:
    """The class takes a city, a country or both."""
    assert LocationCheck("A", country="FR").kind == "location"
