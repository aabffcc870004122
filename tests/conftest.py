"""Shared fixtures, and a Hypothesis profile for mutation testing (`nox -s mutate`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, settings

from tests.fx_support import CSV


if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path


# mutmut runs the same tests again and again in forked processes: examples are
# derandomised so that a mutant's verdict is reproducible, and fewer, so that
# each of thousands of runs stays short.
settings.register_profile(
    "mutmut",
    derandomize=True,
    database=None,
    deadline=None,
    max_examples=40,
    suppress_health_check=[HealthCheck.differing_executors, HealthCheck.too_slow],
)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """A rates file in the ECB layout holding `tests.fx_support.CSV`."""
    file = tmp_path / "rates.csv"
    file.write_text(CSV, encoding="utf-8")
    return file


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str], str]:
    """Write a file in a temporary folder and return its path as text."""

    def write_file(name: str, text: str) -> str:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return str(path)

    return write_file


@pytest.fixture
def taiwanese_claim() -> str:
    """A claims file of one claim, kfl: Kai-Fu Lee is Taiwanese, citing the article.

    The file's one source is [sources.article], published in 2024-02; reading it
    needs a knowledge base that knows the person Kai-Fu Lee.
    """
    return """
[sources.article]
title = "Kai-Fu Lee, architecte d'un futur ouvert"
published = "2024-02"

[[claims]]
id = "kfl"
quote = "taïwanais"
restatement = "Kai-Fu Lee is Taiwanese."
source = "article"

[claims.check]
kind = "attribute"
of = "Kai-Fu Lee"
field = "nationality"
one_of = ["TW"]
"""
