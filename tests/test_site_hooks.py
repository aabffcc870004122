"""The site's build hooks: charts drawn in English and French, the French navigation.

The hooks need the docs dependency group (MkDocs, matplotlib); without it,
as in `nox -s tests`, these tests are skipped (`nox -s docs` runs the hooks).
"""

from __future__ import annotations

from types import ModuleType, SimpleNamespace
from typing import Any

import pytest

from tests.scripts_support import hook


pytest.importorskip("matplotlib")
InclusionLevel = pytest.importorskip("mkdocs.structure.files").InclusionLevel


@pytest.fixture(scope="module")
def charts() -> ModuleType:
    return hook("charts")


@pytest.fixture(scope="module")
def drawn(charts: ModuleType) -> dict[str, dict[str, Any]]:
    """The charts, drawn once in each language."""
    return {lang: charts.draw(lang) for lang in ("en", "fr")}


class TestCharts:
    def test_each_language_has_its_own_files(
        self, drawn: dict[str, dict[str, Any]]
    ) -> None:
        """NAME.svg in English, NAME.fr.svg in French, shown on each page."""
        assert "assets/charts/funding.svg" == drawn["en"]["funding"].path
        assert "assets/charts/funding.fr.svg" == drawn["fr"]["funding"].path
        assert 'src="../../assets/charts/timeline.fr.svg"' in (
            drawn["fr"]["timeline"].figure_html(2)
        )

    def test_the_funding_chart_in_french(
        self, drawn: dict[str, dict[str, Any]]
    ) -> None:
        """French words, dates and numbers: 114 M$, 1,0872, 23 janvier 2024."""
        chart = drawn["fr"]["funding"]

        assert (
            "Mistral AI, tour d'amorçage (105\u00a0M\u00a0EUR, 2023-06-13)"
            "\u00a0: 114\u00a0M$"
        ) in chart.alt
        assert "Kyutai, dotation (de 250 à 300\u00a0M\u00a0EUR" in chart.alt
        assert "1\u00a0EUR = 1,0872\u00a0USD" in chart.caption
        assert "Banque centrale européenne du 23 janvier 2024" in chart.caption
        assert "Sources\u00a0:" in chart.caption

    def test_the_model_chart_in_french(self, drawn: dict[str, dict[str, Any]]) -> None:
        """Sizes in milliards (Md), with a decimal comma, and French statuses."""
        chart = drawn["fr"]["model-sizes"]

        assert "Mistral 7B\u00a0: 7,3\u00a0Md (divulgué)" in chart.alt
        assert "Moshi\u00a0: au moins 7\u00a0Md (divulgué)" in chart.alt
        assert "GPT-4\u00a0: de 1\u202f000\u00a0Md à 1\u202f800\u00a0Md" in chart.alt
        assert "ChatGPT\u00a0: non divulguée" in chart.alt

    def test_the_timeline_in_french(self, drawn: dict[str, dict[str, Any]]) -> None:
        """Roles, founding and rounds are said in French."""
        chart = drawn["fr"]["timeline"]

        assert "Kai-Fu Lee chez Apple, de 1990 à 1996" in chart.alt
        assert "Mistral AI\u00a0: fondation" in chart.alt
        assert chart.alt.startswith("Chronologie. ")
        assert chart.caption.startswith("En haut\u00a0: les fonctions de Kai-Fu Lee")

    def test_english_is_as_it_was(self, drawn: dict[str, dict[str, Any]]) -> None:
        """The English charts keep their words: $114M, seed, 2024-01-23."""
        funding = drawn["en"]["funding"]

        assert "Mistral AI seed (105 M EUR, 2023-06-13): $114M" in funding.alt
        assert "at the rate of 2024-01-23: " in funding.alt
        assert "(1 EUR = 1.0872 USD)" in funding.caption
        assert "Mistral 7B: 7,300,000,000 (disclosed)" in drawn["en"]["model-sizes"].alt

    def test_both_languages_say_the_same_things(self, charts: ModuleType) -> None:
        """Every chart text has its French, with the same fields."""
        english, french = charts.TEXTS["en"], charts.TEXTS["fr"]

        assert set(english) - {"trillions"} == set(french)
        for key, template in french.items():
            assert _fields(template) == _fields(english[key]), key


def _fields(template: str) -> set[str]:
    import string

    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


class _File(SimpleNamespace):
    inclusion = InclusionLevel.UNDEFINED


class _Files:
    def __init__(self, *files: _File) -> None:
        self.files = files

    def documentation_pages(self) -> tuple[_File, ...]:
        return self.files


def _config(building: str) -> SimpleNamespace:
    plugin = SimpleNamespace(current_language=building, default_language="en")
    return SimpleNamespace(plugins={"i18n": plugin})


class TestLanguages:
    def test_untranslated_pages_are_left_out_of_the_french_nav(self) -> None:
        """French build: English fallbacks are "not in nav", French pages stay."""
        english, french = _File(locale="en"), _File(locale="fr")

        hook("languages").on_files(_Files(english, french), _config("fr"))

        assert InclusionLevel.NOT_IN_NAV == english.inclusion
        assert InclusionLevel.UNDEFINED == french.inclusion

    def test_the_english_build_is_untouched(self) -> None:
        """In the English build, a page left out of the nav is still warned of."""
        page = _File(locale="en")

        hook("languages").on_files(_Files(page), _config("en"))

        assert InclusionLevel.UNDEFINED == page.inclusion
