"""The credits page is the one scripts/credits_page.py writes today."""

from __future__ import annotations

import runpy
from collections.abc import Callable
from pathlib import Path
from typing import cast


ROOT = Path(__file__).resolve().parents[1]


def _page() -> str:
    script = runpy.run_path(str(ROOT / "scripts" / "credits_page.py"))
    return cast("Callable[[], str]", script["page"])()


def test_credits_page_is_current() -> None:
    """docs/credits.md matches what scripts/credits_page.py writes now."""
    written = _page()

    assert (ROOT / "docs" / "credits.md").read_text(encoding="utf-8") == written, (
        "docs/credits.md is out of date: run python scripts/credits_page.py"
    )


def test_every_source_and_both_datasets_are_credited() -> None:
    """Each source of the article's knowledge base, the ECB and Epoch AI appear."""
    from aiecosys import load_article

    text = _page()

    assert "European Central Bank" in text
    assert "Creative Commons Attribution 4.0" in text
    assert 'Epoch AI, "Data on AI Models"' in text
    for source in load_article().ecosystem.sources:
        assert f"`{source.key}`" in text
