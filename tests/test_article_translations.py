"""The French of the bundled article's texts: keys, coverage, typography, output."""

from __future__ import annotations

import tomllib
from types import ModuleType

import pytest

from aiecosys import _i18n
from aiecosys._cli import main
from tests.scripts_support import ROOT, script


SCRIPT = ROOT / "scripts" / "check_translations.py"
DATA = ROOT / "src" / "aiecosys" / "data"

pytestmark = pytest.mark.skipif(
    not SCRIPT.exists(),
    reason="scripts/check_translations.py is in the repository, not the package",
)


@pytest.fixture(scope="module", name="script")
def checker() -> ModuleType:
    """scripts/check_translations.py, loaded as a module."""
    return script("check_translations")


@pytest.fixture(scope="module")
def claims() -> dict[str, object]:
    """The bundled claims file, as tomllib reads it."""
    with (DATA / "article_claims.toml").open("rb") as file:
        return tomllib.load(file)


@pytest.fixture(scope="module")
def french(script: ModuleType) -> dict[str, dict[str, str]]:
    """The French tables of both bundled files, merged as a reader would."""
    return {
        "fr": {**script.table("article.toml"), **script.table("article_claims.toml")}
    }


@pytest.mark.parametrize("data_name", ["article_claims.toml", "article.toml"])
def test_every_key_is_a_text_of_its_file_and_every_translation_is_french(
    script: ModuleType, data_name: str
) -> None:
    """A key is a text of its data file exactly; its French keeps French typography."""
    assert script.table(data_name), f"{data_name} has no French table"
    assert script.problems(data_name) == []


@pytest.mark.parametrize("data_name", ["article_claims.toml", "article.toml"])
def test_every_restatement_note_reason_and_description_is_translated(
    script: ModuleType, data_name: str
) -> None:
    """An English text edited without its French fails here, the text named."""
    assert script.untranslated(data_name) == []


def test_the_check_finds_every_kind_of_text_however_deep(
    script: ModuleType,
) -> None:
    """Restatements, notes (a value's, a published_note), reasons, descriptions."""
    document = {
        "sources": {"article": {"published_note": "When."}},
        "claims": [{"id": "c", "restatement": "It is.", "note": "Why."}],
        "opinions": [{"restatement": "It is.", "reason": "A judgement."}],
        "people": [{"name": "A", "description": "Someone.", "roles": [{"title": "t"}]}],
        "funds": [{"assets_under_management": {"value": "1 USD", "note": "Said."}}],
    }
    assert sorted(script.prose(document)) == [
        "A judgement.",
        "It is.",
        "Said.",
        "Someone.",
        "When.",
        "Why.",
    ]


def test_a_text_without_its_french_is_a_problem_naming_it(
    script: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A restatement missing from the table is reported by the script, quoted."""
    table = script.table
    restatement = "Sinovation manages USD 3 billion of assets."

    def without(data_name: str) -> dict[str, str]:
        return {k: v for k, v in table(data_name).items() if k != restatement}

    monkeypatch.setitem(script.problems.__globals__, "table", without)
    assert script.problems("article_claims.toml") == [
        f"article_claims.toml: no translation of {restatement!r}"
    ]


def test_the_publication_note_is_translated(
    script: ModuleType, claims: dict[str, dict[str, dict[str, str]]]
) -> None:
    """The article's published_note, shown with its uncertain date, has its French."""
    note = claims["sources"]["article"]["published_note"]
    assert script.table("article_claims.toml")[note].startswith(
        "Date inconnue au jour près\u00a0:"
    )


def test_role_titles_and_descriptions_read_in_french(
    french: dict[str, dict[str, str]],
) -> None:
    """Role titles and a description come out in French, and in English without it."""
    with _i18n.texts(french):
        assert _i18n.text("president") == "president"
        with _i18n.language("fr"):
            assert _i18n.text("president") == "président"
            assert _i18n.text("founding director") == "directeur fondateur"
            assert _i18n.text("co-founder (through Schmidt Futures)") == (
                "cofondateur (par l’intermédiaire de Schmidt Futures)"
            )
            assert _i18n.text("The French public investment bank.") == (
                "La banque publique d’investissement française."
            )


def test_claims_read_in_french_with_their_numbers_as_french_writes_them(
    french: dict[str, dict[str, str]],
) -> None:
    """Restatements keep every figure, written the French way, and French quotes."""
    with _i18n.texts(french), _i18n.language("fr"):
        assert _i18n.text(
            "Mistral AI has just closed a EUR 385 million funding round."
        ) == (
            "Mistral AI vient de boucler un tour de financement"
            " de 385 millions d’euros."
        )
        assert _i18n.text("Sinovation manages USD 3 billion of assets.") == (
            "Sinovation gère 3 milliards de dollars d’actifs."
        )
        assert _i18n.text('01.AI\'s goal was to create its first "killer apps".') == (
            "L’objectif de 01.AI était de créer ses premières"
            " «\u00a0applications tueuses\u00a0»."
        )
        assert _i18n.text("An excellent idea, and one France should copy?") == (
            "Une excellente idée, que la France devrait copier\u202f?"
        )


def test_names_and_quotes_are_not_translated(script: ModuleType) -> None:
    """Entity names and the article's own quotes are no keys of the tables."""
    keys = set(script.table("article.toml")) | set(script.table("article_claims.toml"))
    assert not keys & {
        "Kai-Fu Lee",
        "BATX",
        "Kyutai",
        "Hugging Face",
        "Sinovation Ventures",
    }
    assert "homme d’affaires taïwanais basé à Pékin" not in keys
    assert "la Chine a ses propres Gafam, les BATX" not in keys


def test_the_rewritten_texts_read_in_french(
    french: dict[str, dict[str, str]],
) -> None:
    """Kai-Fu Lee's and Hua Wang's descriptions and a statement's note, as rewritten."""
    with _i18n.texts(french), _i18n.language("fr"):
        assert _i18n.text(
            "A co-founder of Innovation Works (Sinovation Ventures), the firm"
            " Kai-Fu Lee launched in September 2009."
        ) == (
            "L’un des cofondateurs d’Innovation Works (Sinovation Ventures),"
            " la société que Kai-Fu Lee a lancée en septembre 2009."
        )
        assert _i18n.text(
            "A Taiwanese computer scientist, businessman and investor based in"
            " Beijing; born in Taiwan (in Taipei) and educated in the United States,"
            " he held US citizenship until 2011 and said in 2013 that he was not an"
            " American."
        ).startswith(
            "Informaticien, homme d’affaires et investisseur taïwanais basé à"
            " Pékin\u00a0; né à Taïwan (à Taipei) et formé aux États-Unis,"
        )
        assert _i18n.text(
            'Under the title "Les Gafam face aux BATX": the American models are'
            " the GAFAM, named just before. Wikipedia says as much: the BATX are"
            ' "often compared to GAMA (Google, Amazon, Meta (Facebook), Apple) in'
            ' the United States".'
        ) == (
            "Sous le titre «\u00a0Les Gafam face aux BATX\u00a0»\u00a0: les modèles"
            " américains sont les GAFAM, cités juste avant. Wikipédia ne dit pas"
            " autre chose\u00a0: les BATX sont «\u00a0souvent comparés aux GAMA"
            " (Google, Amazon, Meta (Facebook), Apple) aux États-Unis\u00a0»."
        )


def test_a_claim_explained_in_french_carries_its_french_texts(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """--explain google-proprietary --lang fr: the restatement and note in French."""
    assert main(["claims", "--explain", "google-proprietary", "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert (
        "affirmation\u00a0:  Comme ceux d’OpenAI, les outils d’IA développés par"
        " Google sont des modèles propriétaires.\n"
    ) in out
    assert (
        "note\u00a0:         Lue dans le cadre que pose le paragraphe, l’opposition"
        " entre modèles de langage open source et propriétaires\u00a0: "
    ) in out
    assert "Like OpenAI's" not in out
    assert "Read as" not in out
