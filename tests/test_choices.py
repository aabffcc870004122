"""Enumerations: an unknown value is refused with aiecosys's error naming the values."""

from __future__ import annotations

import enum
import importlib
import pkgutil

import pytest

import aiecosys
from aiecosys import ModelSpec, Openness, Organisation, ParseError, Source, Status
from aiecosys._choices import Choice


def _enumerations() -> list[type[enum.Enum]]:
    """Every enumeration defined in aiecosys's modules (``__main__`` runs the CLI)."""
    modules = [
        importlib.import_module(module.name)
        for module in pkgutil.walk_packages(aiecosys.__path__, "aiecosys.")
        if module.name != "aiecosys.__main__"
    ]
    found = {
        kind
        for module in modules
        for kind in vars(module).values()
        if isinstance(kind, type)
        and issubclass(kind, enum.Enum)
        and kind.__module__.startswith("aiecosys.")
        and kind is not Choice
    }
    return sorted(found, key=lambda kind: kind.__qualname__)


ENUMERATIONS = _enumerations()


def test_every_enumeration_is_a_choice() -> None:
    """No enumeration of aiecosys falls back on Python's own refusal."""
    assert len(ENUMERATIONS) >= 15
    assert [kind for kind in ENUMERATIONS if not issubclass(kind, Choice)] == []


@pytest.mark.parametrize("kind", ENUMERATIONS, ids=lambda kind: kind.__qualname__)
def test_an_unknown_value_names_every_value_allowed(kind: type[enum.Enum]) -> None:
    """The refusal is a ParseError, still a ValueError, listing each value."""
    with pytest.raises(ParseError) as caught:
        kind("no such value")

    assert isinstance(caught.value, ValueError)
    message = str(caught.value)
    assert message.startswith("'no such value' is not one of ")
    assert all(repr(member.value) in message for member in kind)


def test_a_known_value_and_a_member_are_read_as_before() -> None:
    """Values and members still give the member itself."""
    assert Openness("open-weights") is Openness.OPEN_WEIGHTS
    assert Openness(Openness.CLOSED) is Openness.CLOSED


def test_a_value_of_another_type_is_refused_alike() -> None:
    """A number or a list is refused with the same message, not a TypeError."""
    for value in (5, ["open-weights"], None):
        with pytest.raises(ParseError, match=r"is not one of 'disclosed', 'reported'"):
            Status(value)


def test_a_constructor_refuses_an_unknown_kind_naming_the_field_s_values() -> None:
    """ModelSpec and Organisation, built in Python, say what openness and kind take."""
    source = (Source("s", title="A source"),)

    with pytest.raises(ParseError) as openness:
        ModelSpec("Yi-34B", openness="api", sources=source)
    with pytest.raises(ParseError) as kind:
        Organisation("01.AI", "compagny", sources=source)

    assert str(openness.value) == (
        "'api' is not one of 'open-source', 'open-weights', 'api-only', 'closed'"
    )
    assert "'compagny' is not one of 'company', " in str(kind.value)


def test_the_refusal_is_in_the_reader_s_language() -> None:
    """In French, the message is the French catalog's."""
    with aiecosys.language("fr"), pytest.raises(ParseError) as caught:
        Openness("api")

    assert str(caught.value).startswith("'api' n\u2019est pas l\u2019une des valeurs ")
