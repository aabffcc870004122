"""Shared fixtures, and a Hypothesis profile for mutation testing (`nox -s mutate`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, settings

from tests.fx_support import CSV


if TYPE_CHECKING:
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
