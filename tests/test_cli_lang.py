"""The command line in French: --lang, the environment, and the files' translations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import aiecosys
from aiecosys import Verdict, load_article, load_with_claims
from aiecosys._cli import main
from aiecosys._files import dumps, loads
from tests.test_cli import run


if TYPE_CHECKING:
    from collections.abc import Callable


NBSP = "\u00a0"
NNBSP = "\u202f"

KNOWLEDGE = """
[sources.k]
title = "Kyutai is launched"
published = "2023-11-17"

[[organisations]]
name = "Kyutai"
kind = "non-profit-lab"
founded = "2023-11"
sources = ["k"]

[[people]]
name = "Patrick Pérez"
sources = ["k"]
roles = [{ title = "chief executive", organisation = "Kyutai", sources = ["k"] }]

[translations.fr]
"chief executive" = "directeur général"
"""
"""A knowledge base of one lab and its chief executive, whose title it translates."""

CLAIMS = """
format_version = 2

[[claims]]
id = "kyutai-nov-2023"
quote = "en novembre 2023, du laboratoire non lucratif Kyutai"
lang = "fr"
restatement = "Kyutai was launched in November 2023."
note = "The launch was announced in Paris."
source = "k"
[claims.check]
kind = "date"
event = { of = "Kyutai", field = "founded" }
within = "2023-11"

[[claims]]
id = "perez-ceo"
quote = "Patrick Pérez, who runs Kyutai"
lang = "en"
restatement = "Patrick Pérez is the chief executive of Kyutai."
source = "k"
check = { kind = "role", person = "Patrick Pérez", organisation = "Kyutai" }

[translations.fr]
"Kyutai was launched in November 2023." = "Kyutai a été lancé en novembre 2023."
"The launch was announced in Paris." = "Le lancement a été annoncé à Paris."
"Patrick Pérez is the chief executive of Kyutai." = "Patrick Pérez dirige Kyutai."
"""
"""Two claims, both supported; the file translates their restatements and note."""


FIRST_CLAIM = CLAIMS.split('[[claims]]\nid = "perez-ceo"', maxsplit=1)[0]
"""The claims file's first claim alone."""


@pytest.fixture
def files(write: Callable[[str, str], str]) -> tuple[str, str]:
    """The knowledge base and the claims file, written to a temporary folder."""
    return write("kb.toml", KNOWLEDGE), write("claims.toml", CLAIMS)


class TestReport:
    def test_the_table_in_french(
        self, capsys: pytest.CaptureFixture[str], files: tuple[str, str]
    ) -> None:
        """Headings, verdicts, restatements and the summary are French."""
        status, out, _ = run(capsys, "check", *files, "--lang", "fr")

        lines = out.splitlines()
        assert 0 == status
        assert lines[0].split() == ["ID", "VERDICT", "AFFIRMATION", "/", "POURQUOI"]
        assert (
            f"«{NBSP}en novembre 2023, du laboratoire non lucratif Kyutai{NBSP}»"
            in (lines[2])
        )
        assert "CONFIRMÉ" in lines[2]
        assert lines[4].endswith("Patrick Pérez dirige Kyutai.")
        assert (
            f"2 affirmations{NBSP}: 2 CONFIRMÉ, 0 RÉFUTÉ, 0 INFORMATIONS INSUFFISANTES"
            == lines[-1]
        )

    def test_the_table_in_english_is_unchanged(
        self, capsys: pytest.CaptureFixture[str], files: tuple[str, str]
    ) -> None:
        """Without --lang and with no locale, the report is the English one."""
        _, out, _ = run(capsys, "check", *files)

        lines = out.splitlines()
        assert "ID               VERDICT          CLAIM / WHY" == lines[0]
        assert lines[2].startswith("kyutai-nov-2023  SUPPORTED        Kyutai was")
        assert "2 claims: 2 SUPPORTED, 0 REFUTED, 0 NOT_ENOUGH_INFO" == lines[-1]

    def test_explain_in_french(
        self, capsys: pytest.CaptureFixture[str], files: tuple[str, str]
    ) -> None:
        """--explain's labels line up in French, with the translated texts."""
        argv = ("check", *files, "--lang", "fr", "--explain", "kyutai-nov-2023")
        status, out, _ = run(capsys, *argv)

        assert 0 == status
        quote = "en novembre 2023, du laboratoire non lucratif Kyutai"
        assert out.splitlines()[:5] == [
            f"kyutai-nov-2023{NBSP}: CONFIRMÉ",
            f"  citation{NBSP}:     «{NBSP}{quote}{NBSP}»",
            f"  affirmation{NBSP}:  Kyutai a été lancé en novembre 2023.",
            f"  source{NBSP}:       Kyutai is launched",
            f"  note{NBSP}:         Le lancement a été annoncé à Paris.",
        ]
        assert f"Éléments de preuve{NBSP}:" in out.splitlines()

    def test_explain_in_english_is_unchanged(
        self, capsys: pytest.CaptureFixture[str], files: tuple[str, str]
    ) -> None:
        """In English, --explain shows the file's own texts, as before."""
        _, out, _ = run(capsys, "check", *files, "--explain", "kyutai-nov-2023")

        assert out.splitlines()[:5] == [
            "kyutai-nov-2023: SUPPORTED",
            "  quoted:  « en novembre 2023, du laboratoire non lucratif Kyutai »",
            "  claim:   Kyutai was launched in November 2023.",
            "  source:  Kyutai is launched",
            "  note:    The launch was announced in Paris.",
        ]
        assert "Evidence:" in out.splitlines()

    def test_markdown_in_french(
        self, capsys: pytest.CaptureFixture[str], files: tuple[str, str]
    ) -> None:
        """The Markdown table's headings and verdicts are French."""
        _, out, _ = run(capsys, "check", *files, "--lang", "fr", "--format", "markdown")

        lines = out.splitlines()
        assert "| id | affirmation | verdict | pourquoi |" == lines[0]
        assert lines[3].startswith(
            "| perez-ceo | Patrick Pérez dirige Kyutai. | **CONFIRMÉ** |"
        )

    def test_json_stays_for_programs(
        self, capsys: pytest.CaptureFixture[str], files: tuple[str, str]
    ) -> None:
        """--format json keeps English keys, verdict values and the file's texts."""
        _, out, _ = run(capsys, "check", *files, "--lang", "fr", "--format", "json")

        first = json.loads(out)[0]
        assert "SUPPORTED" == first["verdict"]
        assert "Kyutai was launched in November 2023." == first["restatement"]

    def test_claimreview_in_french(
        self, capsys: pytest.CaptureFixture[str], files: tuple[str, str]
    ) -> None:
        """The review says its language; the appearance keeps the article's."""
        argv = ("--format", "claimreview", "--date", "2024-03-01", "--lang", "fr")
        _, out, _ = run(capsys, "claims", *argv)

        reviews = json.loads(out)
        assert {"fr"} == {review["inLanguage"] for review in reviews}
        assert {"fr"} == {
            review["itemReviewed"]["appearance"]["inLanguage"] for review in reviews
        }
        scale = {
            review["reviewRating"]["alternateName"]: review["reviewRating"][
                "ratingValue"
            ]
            for review in reviews
        }
        assert {"RÉFUTÉ": 1, "INFORMATIONS INSUFFISANTES": 2, "CONFIRMÉ": 3} == scale

    def test_claimreview_in_english(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An English review is marked en, its verdicts named as their values."""
        _, out, _ = run(capsys, "claims", "--format", "claimreview", "--lang", "en")

        reviews = json.loads(out)
        assert {"en"} == {review["inLanguage"] for review in reviews}
        assert {review["reviewRating"]["alternateName"] for review in reviews} <= {
            verdict.value for verdict in Verdict
        }


class TestCounts:
    @pytest.mark.parametrize(
        ("lang", "summary", "valid"),
        [
            (
                "en",
                "1 claim: 1 SUPPORTED, 0 REFUTED, 0 NOT_ENOUGH_INFO",
                "2 files are valid: 1 organisation, 1 person, 1 claim",
            ),
            (
                "fr",
                (
                    f"1 affirmation{NBSP}: 1 CONFIRMÉ, 0 RÉFUTÉ, 0 INFORMATIONS "
                    "INSUFFISANTES"
                ),
                (
                    f"2 fichiers sont valides{NBSP}: 1 organisation, 1 personne, "
                    "1 affirmation"
                ),
            ),
        ],
    )
    def test_one_claim_is_singular(
        self,
        capsys: pytest.CaptureFixture[str],
        write: Callable[[str, str], str],
        lang: str,
        summary: str,
        valid: str,
    ) -> None:
        """One claim is "1 claim" in English and "1 affirmation" in French."""
        kb = write("kb.toml", KNOWLEDGE)
        claims = write(
            "one.toml",
            FIRST_CLAIM + '[translations.fr]\n"Kyutai was launched in November 2023." '
            '= "Kyutai a été lancé en novembre 2023."\n',
        )

        _, out, _ = run(capsys, "check", kb, claims, "--lang", lang)
        assert summary == out.splitlines()[-1]
        _, out, _ = run(capsys, "validate", kb, claims, "--lang", lang)
        assert valid == out.strip()


class TestEnvironment:
    @pytest.mark.parametrize(
        ("environment", "options", "summary"),
        [
            ({"LANG": "fr_FR.UTF-8"}, (), f"2 affirmations{NBSP}:"),
            ({"LANG": "fr_FR.UTF-8", "LC_ALL": "C"}, (), "2 claims:"),
            ({"LC_MESSAGES": "fr_FR.UTF-8"}, ("--lang", "en"), "2 claims:"),
            ({"LANG": "en_GB.UTF-8"}, ("--lang", "fr"), f"2 affirmations{NBSP}:"),
        ],
        ids=["LANG-fr", "LC_ALL-C-wins", "--lang-en-wins", "--lang-fr-wins"],
    )
    def test_the_language_chosen(
        self,
        *,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
        files: tuple[str, str],
        environment: dict[str, str],
        options: tuple[str, ...],
        summary: str,
    ) -> None:
        """--lang decides, else LC_ALL, LC_MESSAGES, LANG; C means English."""
        for name, value in environment.items():
            monkeypatch.setenv(name, value)

        _, out, _ = run(capsys, "check", *files, *options)

        assert out.splitlines()[-1].startswith(summary)

    def test_the_language_is_only_the_commands(
        self, capsys: pytest.CaptureFixture[str], files: tuple[str, str]
    ) -> None:
        """After a French command, the caller's language is as it was."""
        run(capsys, "check", *files, "--lang", "fr")

        assert "en" == aiecosys._i18n.current()


class TestErrors:
    def test_an_unknown_claim_in_french(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The command's own errors are French, on one line."""
        status, _, err = run(capsys, "claims", "--lang", "fr", "--explain", "nope")

        assert 2 == status
        assert err.startswith(
            f"aiecosys claims{NBSP}: erreur{NBSP}: aucune affirmation n’a "
            f"l’identifiant 'nope'\u202f; les affirmations sont{NBSP}: "
        )

    def test_a_bad_date_in_french(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A value the command line refuses is explained in French too."""
        with pytest.raises(SystemExit):
            main(["claims", "--lang=fr", "--date", "2024-13-01"])

        assert "'2024-13-01' n’est pas une date" in capsys.readouterr().err

    def test_nothing_to_check_in_english(
        self, capsys: pytest.CaptureFixture[str], write: Callable[[str, str], str]
    ) -> None:
        """English errors are as they were."""
        status, _, err = run(capsys, "check", write("kb.toml", KNOWLEDGE))

        assert 2 == status
        assert err.startswith(
            "aiecosys check: error: none of the files has a [[claims]] array"
        )


class TestTranslationsTables:
    def test_a_knowledge_base_keeps_its_translations(self) -> None:
        """[translations.fr] is read into Ecosystem.translations, and written back."""
        eco = loads(KNOWLEDGE)

        assert {"fr": {"chief executive": "directeur général"}} == eco.translations
        assert eco.translations == loads(dumps(eco)).translations

    def test_a_combined_file_keeps_both(self, write: Callable[[str, str], str]) -> None:
        """A file holding facts and claims translates texts of both."""
        facts = KNOWLEDGE.split("[translations.fr]", maxsplit=1)[0]
        text = (
            "format_version = 2\n"
            + facts
            + CLAIMS.replace("format_version = 2\n", "")
            + '"chief executive" = "directeur général"\n'
        )
        path = write("both.toml", text)

        eco, claims = load_with_claims(path)

        assert "directeur général" == eco.translations["fr"]["chief executive"]
        assert (
            "Patrick Pérez dirige Kyutai."
            == (eco.translations["fr"][claims[1].restatement])
        )

    def test_a_key_that_is_not_a_text_of_the_file(
        self, capsys: pytest.CaptureFixture[str], write: Callable[[str, str], str]
    ) -> None:
        """A mistyped key is a problem naming the file, the table and the key."""
        kb = write("kb.toml", KNOWLEDGE)
        claims = write(
            "claims.toml",
            CLAIMS + '"Kyutai was launched in 2023." = "Kyutai a été lancé en 2023."\n',
        )

        status, _, err = run(capsys, "validate", kb, claims)

        assert 2 == status
        assert [
            (
                f"aiecosys validate: error: {claims}: entry 'translations.fr', field "
                "'Kyutai was launched in 2023.': is not a text of this file; a key "
                "is a text the file holds (a restatement, a note, a title), "
                "written exactly as the file writes it (did you mean 'Kyutai was "
                "launched in November 2023.'?)"
            )
        ] == err.splitlines()

    def test_a_translation_that_is_not_text(
        self, capsys: pytest.CaptureFixture[str], write: Callable[[str, str], str]
    ) -> None:
        """A translation must be text: a number is a problem."""
        kb = write("kb.toml", KNOWLEDGE.replace('"directeur général"', "3"))

        status, _, err = run(capsys, "validate", kb)

        assert 2 == status
        assert (
            f"{kb}: entry 'translations.fr', field 'chief executive': the "
            "translation must be text, not 3"
        ) in err

    def test_a_language_table_that_is_not_a_table(
        self, capsys: pytest.CaptureFixture[str], write: Callable[[str, str], str]
    ) -> None:
        """translations.fr must be a table of texts."""
        kb = write("kb.toml", KNOWLEDGE.split("[translations.fr]", maxsplit=1)[0])
        bad = write("bad.toml", 'translations = { fr = "bonjour" }\n')

        status, _, err = run(capsys, "validate", kb, bad)

        assert 2 == status
        assert f"{bad}: entry 'translations.fr': must be a table of texts" in err

    def test_another_language_is_kept_unused(
        self, capsys: pytest.CaptureFixture[str], write: Callable[[str, str], str]
    ) -> None:
        """A language aiecosys does not write in is valid, kept, and not shown."""
        text = KNOWLEDGE + '[translations.de]\n"chief executive" = "Geschäftsführer"\n'

        eco = loads(text)
        status, _, err = run(capsys, "validate", write("kb.toml", text))

        assert "Geschäftsführer" == eco.translations["de"]["chief executive"]
        assert (0, "") == (status, err)

    def test_a_regional_tag_is_its_language(self) -> None:
        """[translations.fr-FR] translates into French."""
        eco = loads(KNOWLEDGE.replace("[translations.fr]", '[translations."fr-FR"]'))

        assert ["fr"] == list(eco.translations)


class TestArticle:
    def test_evaluations_are_kept_per_language(self) -> None:
        """The article evaluates its claims once per language, not once for all."""
        article = load_article()

        english = article.check()
        with aiecosys.language("fr"):
            french = article.check()
            assert french is article.check()
        assert english is article.check()
        assert [e.verdict for e in english] == [e.verdict for e in french]


class TestMigrate:
    def test_format_1_in_french(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """The notice of a format 1 file, and migrate's report, are French."""
        from tests.test_cli_migrate import DATA, FORMAT_1

        kb, old = tmp_path / "kb.toml", tmp_path / "old.toml"
        kb.write_text((DATA / "small.toml").read_text(encoding="utf-8"), "utf-8")
        old.write_text(FORMAT_1, encoding="utf-8")

        _, _, err = run(capsys, "check", str(kb), str(old), "--lang", "fr")
        status, out, _ = run(capsys, "migrate", str(old), "--lang", "fr")

        assert (
            f"{old}{NBSP}: format 1, lu comme format 2\u202f; lancer `aiecosys "
            f"migrate {old}` pour le mettre à jour\n"
        ) == err
        assert (0, f"{old}{NBSP}: réécrit au format 2\n") == (status, out)


class TestOtherCommands:
    @pytest.mark.parametrize(
        ("argv", "expected"),
        [
            (
                ("parse", "385 M EUR"),
                "Money('385000000', 'EUR')  (385 millions d'euros)",
            ),
            (
                ("convert", "385 M EUR", "USD", "--on", "2023-12-11"),
                f"le 11 déc. 2023\ntaux utilisé{NBSP}: ",
            ),
            (
                ("convert", "385 M EUR", "USD", "--on", "2023-12-11"),
                (
                    f"385{NNBSP}000{NNBSP}000,00{NBSP}€ = "
                    f"414{NNBSP}144{NNBSP}500,00{NBSP}$US"
                ),
            ),
            (
                ("convert", "385 M EUR", "USD", "--on", "2023-12-11"),
                "1 EUR = 1,0757 USD (BCE, 11 déc. 2023)",
            ),
            (
                ("compare", "Yi-34B", "GPT-4"),
                f"\n  Yi-34B{NBSP}: ",
            ),
            (("compare", "Yi-34B", "GPT-4"), "paramètres de Yi-34B"),
            (("sources",), "dont 0 sans nature précisée"),
            (
                ("sources", "--weak"),
                (
                    "aucun fait ne repose seulement sur des ouvrages de référence "
                    "ou des agrégateurs"
                ),
            ),
        ],
        ids=[
            "parse",
            "convert",
            "convert-amounts",
            "convert-rate",
            "compare-values",
            "compare-labels",
            "sources",
            "sources-weak",
        ],
    )
    def test_in_french(
        self,
        capsys: pytest.CaptureFixture[str],
        argv: tuple[str, ...],
        expected: str,
    ) -> None:
        """Each command that writes sentences writes them in French with --lang fr."""
        status, out, _ = run(capsys, *argv, "--lang", "fr")

        assert 0 == status
        assert expected in out


ARTICLE_CLAIMS = (
    FIRST_CLAIM.replace('source = "k"', 'source = "article"')
    + """
[sources.article]
title = "Kyutai, un laboratoire ouvert"
published = "2023-12"
language = "fr"

[[opinions]]
id = "open-is-better"
quote = "l'ouverture est la bonne voie"
restatement = "Openness is the right way."
reason = "A judgement: no fact settles it."

[translations.fr]
"Kyutai was launched in November 2023." = "Kyutai a été lancé en novembre 2023."
"A judgement: no fact settles it." = "Un jugement : aucun fait ne le tranche."
"""
)
"""An article's claims file: one claim, one opinion, both translated."""


class TestArticleTranslations:
    def test_an_article_keeps_its_claims_files_translations(self) -> None:
        """An opinion's reason and a claim's restatement may both be translated."""
        from aiecosys._article import article_from

        article = article_from(loads(KNOWLEDGE), ARTICLE_CLAIMS)

        assert {
            "Kyutai was launched in November 2023.",
            "A judgement: no fact settles it.",
        } == set(article.translations["fr"])
        assert (
            "directeur général"
            == (article.ecosystem.translations["fr"]["chief executive"])
        )

    def test_a_bad_key_of_an_article(self) -> None:
        """A key the article's claims file does not hold is one problem."""
        from aiecosys._article import article_from

        text = ARTICLE_CLAIMS + '"Openness is right." = "L\'ouverture a raison."\n'

        with pytest.raises(aiecosys.DataError) as info:
            article_from(loads(KNOWLEDGE), text)

        [problem] = info.value.problems
        assert ("translations.fr", "Openness is right.") == (
            problem.entry,
            problem.field,
        )
        assert "did you mean 'Openness is the right way.'?" in problem.message
