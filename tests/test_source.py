"""Sources: citations."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from aiecosys import DataError, PartialDate, Source


def test_str_cites_the_source() -> None:
    """A source prints as a citation: author, publisher, title, date, address."""
    source = Source(
        "braune-2024",
        title="Kai-Fu Lee, architecte d'un futur ouvert",
        author="Eric Braune",
        publisher="The Conversation",
        published=PartialDate(2024, 2),
        url="https://theconversation.com/",
    )

    assert (
        'Eric Braune, The Conversation, "Kai-Fu Lee, architecte d\'un futur ouvert", '
        "2024-02, https://theconversation.com/"
    ) == str(source)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"key": "has space", "title": "t"}, "key"),
        ({"key": "k", "title": " "}, "title"),
        ({"key": "k", "title": "t", "url": "ftp://x"}, "url"),
        (
            {
                "key": "k",
                "title": "t",
                "published": PartialDate(2024, 3),
                "accessed": dt.date(2024, 2, 1),
            },
            "accessed",
        ),
    ],
)
def test_invalid_fields(fields: dict[str, Any], field: str) -> None:
    """Each invalid field is a DataError naming that field."""
    with pytest.raises(DataError) as caught:
        Source(**fields)

    assert field == caught.value.problems[0].field


def test_sources_are_values() -> None:
    """Two sources with the same fields are equal and hash alike."""
    assert len({Source("k", title="t"), Source("k", title="t")}) == 1
