"""French explanations of memberships, roles, sequences, sources' statements, laws,
metrics and locations: the bundled article's claims read in French, English unchanged.

Parts that other texts fill in (the files' own texts, dates, other checks' labels)
are matched loosely here: those are tested where they are written.
"""

from __future__ import annotations

import re

import pytest

import aiecosys
from aiecosys import (
    Article,
    Denial,
    Evaluation,
    Event,
    EventKind,
    MetricKind,
    PartialDate,
    Source,
    Stance,
)
from aiecosys._openworld import closed_by, in_clauses, in_words, too_early


NBSP = "\u00a0"
NNBSP = "\u202f"
KINDS = (
    "membership",
    "role",
    "sequence",
    "attribution",
    "cause",
    "law",
    "metric",
    "location",
)


@pytest.fixture(scope="module")
def article() -> Article:
    return aiecosys.load_article()


def _french(article: Article, claim_id: str) -> Evaluation:
    with aiecosys.language("fr"):
        return aiecosys.check(article.claim(claim_id), article.ecosystem)


def _english(article: Article, claim_id: str) -> Evaluation:
    return aiecosys.check(article.claim(claim_id), article.ecosystem)


class TestMembership:
    def test_a_group_s_members_in_french(self, article: Article) -> None:
        """The BATX's members are listed with "et", and the evidence names them."""
        evaluation = _french(article, "batx-members")
        assert evaluation.explanation == (
            "Baidu, Alibaba, Tencent et Xiaomi figurent parmi les membres de BATX."
        )
        labels = [evidence.label for evidence in evaluation.evidence]
        assert labels == [
            f"BATX{NBSP}: membres",
            f"les membres de BATX{NBSP}: liste complète",
        ]
        assert evaluation.evidence[1].value == (
            "la liste est complète, selon BATX (wikipedia-batx)"
        )

    def test_investors_in_french(self, article: Article) -> None:
        """Mistral AI's funders are among its investors, in French."""
        assert _french(article, "mistral-launch-funders").explanation == (
            "Xavier Niel, Rodolphe Saadé et Eric Schmidt figurent parmi les "
            "investisseurs de Mistral AI."
        )

    def test_an_open_list_of_investors_in_french(self, article: Article) -> None:
        """Investors not recorded leave the list open; French says what settles it."""
        explanation = _french(article, "oa-raised-from-batx").explanation
        assert explanation.startswith("Alibaba (")
        assert explanation.endswith(
            f"figure parmi les investisseurs de 01.AI{NNBSP}; Baidu, Tencent et Xiaomi "
            "ne figurent pas parmi les investisseurs de 01.AI dans la base de "
            "connaissances, mais les investisseurs de 01.AI forment une liste ouverte, "
            f"qu’aucune source ne dit complète{NNBSP}; une source qui les recense tous "
            '(complete = { investors = "source-key" } dans l’entrée 01.AI) '
            'ou un démenti sourcé (relation = "investor") trancherait la question.'
        )

    def test_english_is_unchanged(self, article: Article) -> None:
        """English explanations read as they always have, serial comma excluded."""
        assert _english(article, "batx-members").explanation == (
            "Baidu, Alibaba, Tencent and Xiaomi are among the members of BATX."
        )
        assert _english(article, "oa-raised-from-batx").explanation.endswith(
            "Baidu, Tencent and Xiaomi are not recorded among the investors in 01.AI, "
            "but the investors in 01.AI are an open list, which no source says is "
            "complete; a source listing them all "
            '(complete = { investors = "source-key" } on 01.AI) '
            'or a sourced denial (relation = "investor") would settle it.'
        )


class TestRole:
    def test_a_role_not_recorded_in_french(self, article: Article) -> None:
        """A role not recorded, with the person's roles an open list, in French."""
        explanation = _french(article, "french-experts-at-meta").explanation
        assert explanation.startswith("Aucun poste de ")
        assert " chez Meta n’est enregistré pour Guillaume Lample pendant la " in (
            explanation
        )
        assert explanation.endswith(
            f"{NNBSP}; mais les postes occupés par Guillaume Lample forment une liste "
            f"ouverte, qu’aucune source ne dit complète{NNBSP}; une source qui les "
            'recense tous (complete = { roles = "source-key" } dans l’entrée '
            'Guillaume Lample) ou un démenti sourcé (relation = "role") trancherait '
            "la question."
        )

    def test_a_role_held_in_french(self, article: Article) -> None:
        """A role held reads as a sentence in the past, at the organisation."""
        explanation = _french(article, "kfl-google-china").explanation
        assert re.fullmatch(
            r"Kai-Fu Lee a été .+ chez Google China \(.+\)\.", explanation
        )

    def test_english_is_unchanged(self, article: Article) -> None:
        """English role explanations read as they always have."""
        assert _english(article, "kfl-google-china").explanation == (
            "Kai-Fu Lee was president at Google China (2005-07 to 2009-09-04)."
        )


class TestStatements:
    def test_a_label_in_french(self, article: Article) -> None:
        """A name sources give is counted in French, with the sources needed."""
        evaluation = _french(article, "kyutai-open-source")
        assert evaluation.explanation.startswith(f"L’appellation «{NBSP}")
        assert evaluation.explanation.endswith(
            f"» pour Kyutai{NBSP}: affirmée par 3 sources indépendantes "
            "(Numerama, Stratégies, Frandroid), 2 requises."
        )
        assert evaluation.evidence[0].label.startswith(f"affirme{NBSP}: Kyutai, ")
        assert evaluation.evidence[0].value.startswith(f"«{NBSP}le laboratoire")

    def test_too_few_sources_in_french(self, article: Article) -> None:
        """One source of two needed leaves it open: a missing source is no denial."""
        explanation = _french(article, "yi-competitive-data").explanation
        assert explanation.startswith(f"L’attribution de «{NBSP}")
        assert explanation.endswith(
            ": affirmée par 1 source indépendante (01.AI (arXiv)), 2 requises"
            f"{NNBSP}; l’absence d’une source n’est pas un démenti."
        )

    def test_a_cause_in_french(self, article: Article) -> None:
        """A stated cause is an explanation of the effect by the cause."""
        explanation = _french(article, "sv-closure-trade-war").explanation
        assert explanation.startswith(f"L’explication de «{NBSP}")
        assert explanation.endswith(
            ": affirmée par 1 source indépendante (CNBC), 1 requise."
        )

    def test_english_is_unchanged(self, article: Article) -> None:
        """English statement explanations read as they always have."""
        assert _english(article, "batx-chinese-gafam").explanation == (
            "BATX called “the Chinese GAFAM”: stated by 3 independent source(s) "
            "(Géoconfluences (ENS de Lyon), Jeune Afrique, France Culture), 1 needed."
        )


class TestMetricLocationSequenceLaw:
    def test_a_metric_not_recorded_in_french(self, article: Article) -> None:
        """No figure for the date: French names the metric and where it is measured."""
        evaluation = _french(article, "yi-adopted-by-developers")
        assert evaluation.explanation == (
            f"Aucun chiffre «{NBSP}modèles dérivés{NBSP}» de Yi-34B sur Hugging Face "
            f"n’est enregistré pour février 2024 (dates enregistrées{NBSP}: aucune)"
            f"{NNBSP}; un chiffre non enregistré n’est pas un démenti."
        )
        assert evaluation.evidence[0].label == (
            f"Yi-34B{NBSP}: modèles dérivés sur Hugging Face"
        )
        assert evaluation.evidence[0].value == "non enregistré"

    def test_a_location_in_french(self, article: Article) -> None:
        """Based in Beijing when the article was published, in French."""
        explanation = _french(article, "kfl-based-beijing").explanation
        assert re.fullmatch(
            "La base de connaissances situe Kai-Fu Lee à Pékin à la date de "
            r"publication de l’article \(.+\)\.",
            explanation,
        )

    def test_a_sequence_in_french(self, article: Article) -> None:
        """A round that may not be the first leaves the order open, in French."""
        explanation = _french(article, "oa-launched-after-raising").explanation
        assert f"{NNBSP}; 01.AI{NBSP}: annonce du tour avec Alibaba Cloud, " in (
            explanation
        )
        assert explanation.endswith(
            f"ou avant{NBSP}: les tours de 01.AI forment une liste ouverte, qu’aucune "
            "source ne dit complète, donc un tour antérieur avec Alibaba Cloud peut "
            'manquer (complete = { rounds = "source-key" } dans l’entrée 01.AI '
            f"trancherait la question){NBSP}: les dates se chevauchent, l’un ou "
            "l’autre peut être venu en premier."
        )

    def test_a_law_s_date_in_french(self, article: Article) -> None:
        """The evidence names which of a law's dates it reads."""
        evaluation = _french(article, "china-privacy-law-2021")
        assert evaluation.evidence[0].label == (
            f"Personal Information Protection Law{NBSP}: entrée en vigueur"
        )

    def test_english_is_unchanged(self, article: Article) -> None:
        """English metric, location and sequence explanations read as they did."""
        assert _english(article, "yi-adopted-by-developers").explanation == (
            "No measurement of derived-models of Yi-34B on Hugging Face is recorded "
            "for 2024-02 (recorded: none); a figure not recorded is not a denial."
        )
        assert _english(article, "kfl-based-beijing").explanation == (
            "Kai-Fu Lee is recorded as based in Beijing when the article was "
            "published (2024-01-23 to 2024-03-14)."
        )


class TestWords:
    def test_lists_are_joined_as_each_language_joins_them(self) -> None:
        """English: A, B and C (no serial comma); French: A, B et C; "or" lists too."""
        names = ["Baidu", "Tencent", "Xiaomi"]
        assert in_words(names) == "Baidu, Tencent and Xiaomi"
        assert in_words(names, style="or") == "Baidu, Tencent or Xiaomi"
        assert in_clauses(["a", "b"]) == "a; b"
        with aiecosys.language("fr"):
            assert in_words(names) == "Baidu, Tencent et Xiaomi"
            assert in_words(names[:2], style="or") == "Baidu ou Tencent"
            assert in_clauses(["a", "b"]) == f"a{NNBSP}; b"

    def test_denials_and_complete_lists_in_french(self) -> None:
        """A denial, the fact that closes a list, and a list too old, in French."""
        source = Source("bio", title="A biography", published=PartialDate(2020))
        with aiecosys.language("fr"):
            assert str(Denial("01.AI", "investor", subject="Baidu")) == (
                "Baidu n’a pas investi dans 01.AI"
            )
            assert str(Denial("BATX", "member", subject="Huawei")) == (
                "Huawei n’est pas membre de BATX"
            )
            assert str(Denial("Kyutai", "model", subject="open-weights")) == (
                "Kyutai n’a développé aucun modèle open-weights"
            )
            assert closed_by(
                None, Denial("Kai-Fu Lee", "role", subject="Baidu", sources=(source,))
            ) == (
                "selon une source, Kai-Fu Lee n’a occupé aucun poste chez Baidu (bio)"
            )
            assert closed_by(None, None) == "rien n’indique que la liste est complète"
            assert too_early(source).startswith(
                "A biography (bio) ne les recense tous que jusqu’en "
            )

    def test_labels_of_events_metrics_and_stances(self) -> None:
        """Enum values stay English; their labels are translated."""
        with aiecosys.language("fr"):
            assert EventKind.OPERATIONS_STARTED.label == "début des activités"
            assert EventKind("operations-started").value == "operations-started"
            assert str(Event("released", PartialDate(2023, 11))).startswith(
                f"sortie{NBSP}: "
            )
            assert MetricKind.DOWNLOADS.label == "téléchargements"
            assert Stance.DENIES.label == "dément"
        assert EventKind.OPERATIONS_STARTED.label == "operations started"
        assert MetricKind.PORTFOLIO_COMPANIES.label == "portfolio-companies"


def test_every_explanation_of_these_kinds_is_french(article: Article) -> None:
    """No explanation of these kinds keeps an English sentence of its own in French."""
    english = re.compile(
        r"\b(is|are|among|recorded|stated|needed|denial|the first|would settle)\b"
    )
    for claim in article.claims:
        if claim.check.kind not in KINDS or claim.check.kind in {"law", "sequence"}:
            continue
        explanation = _french(article, claim.id).explanation
        quoted = re.sub(r"«[^»]*»|\([^()]*\)", "", explanation)
        assert not english.search(quoted), (claim.id, explanation)


class TestProblems:
    def test_a_word_without_readings_in_french(self) -> None:
        """A word with no readings is refused in French, naming those that have some."""
        with aiecosys.language("fr"), pytest.raises(aiecosys.ParseError) as raised:
            aiecosys.readings("baptised", "model")
        assert str(raised.value).startswith(
            f"aucune lecture de 'baptised' dit d’un modèle{NNBSP}; les mots qui ont "
            "des lectures sont "
        )

    def test_a_check_built_wrong_in_french(self) -> None:
        """A location with neither city nor country is refused in French."""
        with (
            aiecosys.language("fr"),
            pytest.raises(ValueError, match=r"^donner la ville"),
        ):
            aiecosys.LocationCheck("Mistral AI")
        with pytest.raises(ValueError, match=r"^give the city, the country or both$"):
            aiecosys.LocationCheck("Mistral AI")
