"""The site's pages on the article's claims are those the script writes today."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest


ROOT = Path(__file__).resolve().parents[1]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "article_pages", ROOT / "scripts" / "article_pages.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_pages_are_current() -> None:
    """docs/article/ matches what scripts/article_pages.py writes now."""
    written = _script().pages()

    for name, text in written.items():
        page = ROOT / "docs" / "article" / name
        assert page.read_text(encoding="utf-8") == text, (
            f"docs/article/{name} is out of date: run python scripts/article_pages.py"
        )


def test_every_claim_has_a_page() -> None:
    """Each claim belongs to one group, and the index lists them all."""
    from aiecosys import load_article

    script = _script()
    index = script.pages()["index.md"]

    for claim in load_article().claims:
        assert script.group_of(claim.id)
        assert f"[`{claim.id}`]" in index


def test_a_claim_outside_every_group_is_an_error() -> None:
    """A new claim id that fits no group is reported, not dropped."""
    with pytest.raises(ValueError, match="belongs to no group"):
        _script().group_of("unheard-of-claim")
