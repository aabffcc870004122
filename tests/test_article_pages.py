"""The site's pages on the article's claims are those the script writes today."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from tests.scripts_support import script


ROOT = Path(__file__).resolve().parents[1]


def _script() -> ModuleType:
    return script("article_pages")


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


def test_every_page_is_written_in_english_and_in_french() -> None:
    """Each page NAME.md has its French NAME.fr.md, and nothing else is written."""
    names = set(_script().pages())

    english = {name for name in names if not name.endswith(".fr.md")}
    assert {name.removesuffix(".md") + ".fr.md" for name in english} == (
        names - english
    )
    assert "index.fr.md" in names


def test_french_pages_name_verdicts_in_french() -> None:
    """The French pages give the verdicts in French, and their headings too."""
    written = _script().pages()
    comparisons = written["comparisons.fr.md"]
    index = written["index.fr.md"]

    assert comparisons.startswith("# Les comparaisons\n")
    assert "## `yi-half-gpt4`: RÉFUTÉ {#yi-half-gpt4}\n" in comparisons
    assert "Éléments de preuve\u00a0:" in comparisons
    assert '>>> with aiecosys.language("fr"):' in comparisons
    assert index.startswith("# Les affirmations de l'article\n")
    assert "| affirmation | page | verdict | ce que dit l'article |" in index
    assert "| La carrière de Kai-Fu Lee | **CONFIRMÉ** |" in index
    assert "**RÉFUTÉ**" in index
    assert "**INFORMATIONS INSUFFISANTES**" in index
    assert "SUPPORTED**" not in index


def test_english_pages_keep_english_verdicts() -> None:
    """The English pages are untouched by the French ones: English verdict names."""
    written = _script().pages()

    assert "## `yi-half-gpt4`: REFUTED {#yi-half-gpt4}\n" in written["comparisons.md"]
    assert "RÉFUTÉ" not in written["comparisons.md"]
