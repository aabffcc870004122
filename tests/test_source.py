"""Sources: citations."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from aiecosys import DataError, PartialDate, Period, Publication, Source


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


EARLY_2024 = Period(PartialDate(2024, 1), PartialDate(2024, 3))


@pytest.mark.parametrize(
    ("fields", "field", "says"),
    [
        ({"language": "xx"}, "language", "not a language tag CLDR knows"),
        ({"language": 7}, "language", "such as 'fr'"),
        ({"licence": " "}, "licence", "non-empty text"),
        (
            {"published_between": Period(PartialDate(2024), None)},
            "published_between",
            "both ends",
        ),
        (
            {"published": PartialDate(2024, 2), "published_between": EARLY_2024},
            "published_between",
            "keep the date if it is known, else the range",
        ),
        ({"published_note": "assumed"}, "published_note", "give published too"),
        (
            {"published_source": Source("p", title="p")},
            "published_source",
            "give published too",
        ),
        (
            {"published": PartialDate(2024), "published_source": "p"},
            "published_source",
            "must be a Source",
        ),
    ],
)
def test_invalid_publication_fields(
    fields: dict[str, Any], field: str, says: str
) -> None:
    """Each invalid field of a publication is a DataError naming it, saying why."""
    with pytest.raises(DataError) as caught:
        Publication("k", title="t", **fields)

    (problem,) = caught.value.problems
    assert (field, True) == (problem.field, says in problem.message)


def test_a_publication_is_a_source_with_more() -> None:
    """A publication is a source: cited, printed and compared as one."""
    page = Source("page", title="The publisher's page")
    article = Publication(
        "a",
        title="t",
        published_between=EARLY_2024,
        published_note="Not on the page; inferred from its contents.",
        language="fr",
        licence="CC BY-ND 4.0",
    )
    dated = Publication(
        "b", title="t", published=PartialDate(2024, 2, 5), published_source=page
    )

    assert isinstance(article, Source)
    assert EARLY_2024 == article.publication_date
    assert PartialDate(2024, 2, 5) == dated.publication_date
    assert article != Source("a", title="t")
    assert '"t", 2024-01 to 2024-03' == str(article)
