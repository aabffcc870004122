"""Dates in French sentences: events, figures' dates, facts' labels and data errors.

English keeps ISO 8601 (see test_dates.py); French writes a day ``11 déc. 2023``,
a month ``juin 2023`` and a year ``2009``, between the words of its sentences.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

import aiecosys
from aiecosys import (
    DataError,
    Estimate,
    Event,
    EventKind,
    Law,
    Measure,
    Metric,
    PartialDate,
    Period,
    Source,
)
from aiecosys._openworld import too_early


NBSP = "\u00a0"


def test_an_event_and_its_period() -> None:
    """An event names its date, or its period with French words between the ends."""
    announced = Event(EventKind.ANNOUNCED, PartialDate(2023, 3))
    spread = Event(
        EventKind.ANNOUNCED, Period(PartialDate(2023, 3), PartialDate(2023, 12, 11))
    )
    assert str(announced) == "announced: 2023-03"
    with aiecosys.language("fr"):
        assert str(announced) == f"annonce{NBSP}: mars 2023"
        assert str(spread) == f"annonce{NBSP}: de mars 2023 à 11 déc. 2023"


def test_the_date_of_a_figure() -> None:
    """A metric's date and a measure's date read as French readers write them."""
    metric = Metric("01.AI", "headcount", PartialDate(2024, 2), Estimate.exact(100))
    measure = Measure("01.AI", "total_raised", at=PartialDate(2024, 2))
    assert measure.label == "01.AI: total raised (2024-02)"
    with aiecosys.language("fr"):
        assert metric.label == f"01.AI{NBSP}: effectif (février 2024)"
        assert measure.label == f"01.AI{NBSP}: total levé (février 2024)"


def test_a_list_too_old() -> None:
    """A complete list's source dated to the month: the month in words."""
    source = Source("bio", title="A biography", published=PartialDate(2020, 6))
    assert too_early(source) == "A biography (bio) lists them all as of 2020-06 only"
    with aiecosys.language("fr"):
        assert too_early(source) == (
            "A biography (bio) ne les recense tous que jusqu’en juin 2020"
        )


@pytest.mark.parametrize(
    ("make", "english", "french"),
    [
        (
            lambda: Source(
                "bio",
                title="A biography",
                published=PartialDate(2020, 6),
                accessed=dt.date(2020, 1, 5),
            ),
            "accessed on 2020-01-05, before it was published (2020-06)",
            "consulté le 5 janv. 2020, avant sa publication (juin 2020)",
        ),
        (
            lambda: Law(
                "PIPL",
                jurisdiction="CN",
                adopted=PartialDate(2021, 8, 20),
                in_force=PartialDate(2021, 1),
            ),
            "in force (2021-01) before it was adopted (2021-08-20)",
            "en vigueur (janvier 2021) avant d’avoir été adoptée (20 août 2021)",
        ),
    ],
)
def test_dates_in_data_errors(
    make: Callable[[], object], english: str, french: str
) -> None:
    """Dates out of order: the error names both dates, in the reader's language."""
    with pytest.raises(DataError) as caught:
        make()
    assert english in str(caught.value)
    with aiecosys.language("fr"), pytest.raises(DataError) as caught:
        make()
    assert french in str(caught.value)


def test_a_source_as_listed() -> None:
    """A source's publication date, as ``aiecosys sources`` lists it."""
    source = Source(
        "lsvp", title="Building With Mistral", published=PartialDate(2023, 12)
    )
    assert str(source) == '"Building With Mistral", 2023-12'
    with aiecosys.language("fr"):
        assert str(source) == '"Building With Mistral", décembre 2023'
