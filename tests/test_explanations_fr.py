"""Explanations of the value, ratio, attribute, benchmark, date, existence and
ordering checks in French, and unchanged in English.

Numbers, amounts and ranges are written by aiecosys._readable in the reader's
language: the expected texts take them from it, so that they hold whichever
way it writes them.
"""

from __future__ import annotations

import datetime as dt

import pytest

import aiecosys
from aiecosys import Claim, Evaluation, Measure, Source, ValueCheck
from aiecosys._article import Article
from aiecosys._compare import describe
from aiecosys._readable import readable_date, readable_estimate, readable_number
from aiecosys.claims._claim import validate
from aiecosys.claims._context import or_list, semicolon_list


KINDS = ("value", "ratio", "attribute", "benchmark", "date", "existence", "ordering")
NB = "\u00a0"
"""The no-break space French puts before a colon and inside « »."""


@pytest.fixture(scope="module")
def article() -> Article:
    """The bundled article, its claims and its knowledge base."""
    return aiecosys.load_article()


def _check(article: Article, claim_id: str, lang: str) -> Evaluation:
    with aiecosys.language(lang):
        return aiecosys.check(article.claim(claim_id), article.ecosystem)


def _quoted(text: str) -> str:
    return f"«{NB}{text}{NB}»"


def test_an_attribute_is_explained_in_french(article: Article) -> None:
    """A nationality found as claimed: the field named in French, the value as is."""
    evaluation = _check(article, "kfl-taiwanese", "fr")
    assert evaluation.explanation == (
        f"Kai-Fu Lee, nationalité{NB}: Taïwan, comme affirmé (Taïwan)."
    )
    assert evaluation.evidence[0].label == f"Kai-Fu Lee{NB}: nationalité"


def test_the_values_of_an_attribute_are_translated(article: Article) -> None:
    """An openness and a kind of organisation are written in French words."""
    assert _check(article, "yi-open-source", "fr").explanation == (
        f"Yi-34B, ouverture{NB}: à poids ouverts, comme affirmé "
        "(open source ou à poids ouverts)."
    )
    assert _check(article, "kyutai-non-profit", "fr").explanation == (
        f"Kyutai, catégorie{NB}: laboratoire à but non lucratif, comme affirmé "
        "(laboratoire à but non lucratif)."
    )


def test_a_parent_is_explained_in_french(article: Article) -> None:
    """An organisation part of another, and a parent not recorded, in French."""
    evaluation = _check(article, "sv-institute-attached-to-vc", "fr")
    assert evaluation.explanation == (
        "Sinovation Ventures AI Institute fait partie de Sinovation Ventures, "
        "comme affirmé (Sinovation Ventures)."
    )
    assert [item.value for item in evaluation.evidence] == [
        "Sinovation Ventures",
        "non enregistré",
    ]


def test_a_relative_date_is_explained_in_french(article: Article) -> None:
    """A founding within "15 years ago": the label quoted, the period resolved."""
    assert _check(article, "kfl-15-years", "fr").explanation == (
        f"{_quoted(f'Sinovation Ventures{NB}: fondation')}{NB}: 7 sept. 2009, dans la "
        f"période {_quoted('il y a 15 ans')}, soit 2009."
    )


def test_an_existence_is_explained_in_french(article: Article) -> None:
    """An organisation of a kind, founded by a person: agreed in the feminine."""
    assert _check(article, "kyutai-launched-by-niel", "fr").explanation == (
        f"Kyutai{NB}: organisation (laboratoire à but non lucratif) fondée par "
        "Xavier Niel, dans la période novembre 2023."
    )


def test_a_benchmark_is_explained_in_french(article: Article) -> None:
    """Scores compared within a tolerance, the relation said in French."""
    assert _check(article, "mistral-competitive-model", "fr").explanation == (
        "Sur MMLU, Mixtral 8x7B obtient 70,6 et ChatGPT 70,0, tolérance ±5"
        f"{NB}: {_quoted('comparable')} vérifié."
    )


def test_a_ratio_is_explained_in_french(article: Article) -> None:
    """Less than half, the tolerance and the ratio: each sentence in French."""
    evaluation = _check(article, "yi-half-gpt4", "fr")
    comparison = evaluation.comparison
    assert comparison is not None
    assert comparison.accepted is not None
    assert comparison.ratio is not None
    assert comparison.tolerance is not None
    with aiecosys.language("fr"):
        yi = readable_estimate(comparison.first)
        gpt4 = readable_estimate(comparison.second)
        accepted = readable_estimate(comparison.accepted)
        low = readable_number(comparison.ratio.low or 0, 2)
        high = readable_number(comparison.ratio.high or 0, 2)
        half = describe(comparison.factor)
        tolerance = f"±10{NB}%"
    assert evaluation.explanation == (
        f"{_quoted(f'Yi-34B-Chat{NB}: paramètres')} ({yi}) est inférieur à la "
        f"moitié de {_quoted(f'GPT-4{NB}: paramètres')} ({gpt4}), donc "
        f"{_quoted(f'{half} fois')} n’est pas vérifié. Avec une tolérance de "
        f"{tolerance}, toute valeur {accepted} serait jugée égale à la moitié. "
        f"Le rapport est de {low} à {high}. Le chiffre "
        f"{_quoted(f'GPT-4{NB}: paramètres')} provient de rumeurs{NB}: il n’a pas "
        "été divulgué."
    )


def test_a_missing_round_is_explained_in_french(article: Article) -> None:
    """A round the knowledge base lacks: what is missing, and what would help."""
    claim = Claim(
        "mistral-series-c",
        "série C",
        "Mistral AI raised a series C.",
        Source("a", title="An article"),
        ValueCheck(
            Measure("Mistral AI", "amount", round="series-c"), aiecosys.Money(1, "EUR")
        ),
    )
    with aiecosys.language("fr"):
        evaluation = aiecosys.check(claim, article.ecosystem)
    assert evaluation.explanation == (
        f"Il manque un fait nécessaire à la vérification{NB}: aucun tour de "
        "financement de Mistral AI ne correspond à "
        f"{_quoted(f'Mistral AI{NB}: montant (série C)')}\u202f; précisez le type "
        "ou la date du tour."
    )


def test_a_publication_dated_by_a_range_is_explained_in_french(
    article: Article,
) -> None:
    """Money converted at both ends of the article's range: said in French."""
    claim = Claim(
        "mistral-in-dollars",
        "420 millions de dollars",
        "Mistral AI raised $420 million in its series A.",
        article.source,
        ValueCheck(
            Measure("Mistral AI", "amount", round="series-a"),
            aiecosys.Money(420_000_000, "USD"),
            tolerance=aiecosys.Tolerance.relative("0.1"),
        ),
    )
    with aiecosys.language("fr"):
        evaluation = aiecosys.check(claim, article.ecosystem)
        first, last = (
            readable_date(dt.date(2024, 1, 23)),
            readable_date(dt.date(2024, 3, 14)),
        )
    assert evaluation.verdict is aiecosys.Verdict.SUPPORTED
    assert f"L’article a été publié entre le {first} et le {last}\u202f; " in (
        evaluation.explanation
    )
    assert evaluation.explanation.endswith("), le verdict est le même.")
    assert " au taux de 1 USD = " in evaluation.explanation


def test_statuses_and_lists_are_written_in_french() -> None:
    """Alternatives and clauses: French words and spacing."""
    with aiecosys.language("fr"):
        assert or_list(["A", "B"]) == "A ou B"
        assert semicolon_list(["a", "b", "c"]) == "a\u202f; b\u202f; c"


def test_english_explanations_read_as_before(article: Article) -> None:
    """English stays as it was: the labels, the findings, the statuses."""
    assert _check(article, "kfl-taiwanese", "en").explanation == (
        "Kai-Fu Lee's nationality is Taiwan, as claimed (Taiwan)."
    )
    assert _check(article, "kyutai-launched-by-niel", "en").explanation == (
        "Kyutai: non-profit-lab organisation founded by Xavier Niel within 2023-11."
    )
    assert _check(article, "yi-half-gpt4", "en").explanation == (
        "Yi-34B-Chat: parameters (34 billion parameters) is less than half of "
        'GPT-4: parameters (1 to 1.8 trillion parameters), so "0.5 times" does not '
        "hold. With a tolerance of ±10%, 450 to 990 billion parameters would count "
        "as half. The ratio is 0.019 to 0.034. GPT-4: parameters is rumoured, not "
        "disclosed."
    )
    assert _check(article, "oa-launched-june", "en").explanation.endswith(
        "The natural reading, operations started, decides; read as announced, the "
        "verdict would differ."
    )


def test_every_explanation_of_these_kinds_is_written_in_french(
    article: Article,
) -> None:
    """Each claim of these kinds is explained otherwise in French than in English.

    The French explanations are printed (``pytest -s``), to be read.
    """
    claims = [claim for claim in article.claims if claim.check.kind in KINDS]
    english = [aiecosys.check(claim, article.ecosystem) for claim in claims]
    with aiecosys.language("fr"):
        french = [aiecosys.check(claim, article.ecosystem) for claim in claims]
    for evaluation in french:
        print(f"{evaluation.claim.id}: {evaluation.explanation}")  # noqa: T201
    assert [e.verdict for e in french] == [e.verdict for e in english]
    same = [
        f.claim.id
        for f, e in zip(french, english, strict=True)
        if f.explanation == e.explanation
    ]
    assert not same


def test_a_check_written_wrong_is_refused_in_french(article: Article) -> None:
    """Validating a check: each problem said in French, its field named as is."""
    claim = Claim(
        "yi-half-itself",
        "moitié",
        "Yi has half as many parameters as itself.",
        article.source,
        aiecosys.RatioCheck(
            Measure("Yi-34B", "parameters"), Measure("Yi-34B", "parameters"), "0.5"
        ),
    )
    with aiecosys.language("fr"):
        problems = dict(validate(claim, article.ecosystem))
        with pytest.raises(ValueError, match=r"^champ inconnu 'size'\u202f; "):
            Measure("Yi-34B", "size")
    assert problems["check.denominator"] == (
        f"lit le même fait que numerator (Yi-34B{NB}: paramètres){NB}: un fait "
        "comparé à lui-même ou compté deux fois ne prouve rien\u202f; nommez un "
        "autre fait"
    )
    assert problems["check.tolerance"].startswith(
        "un rapport exact de 0.5 demande une tolérance"
    )
