"""The article's claims and opinions: the packaged file, verdicts, malformed files."""

from __future__ import annotations

import decimal
from importlib import resources
from pathlib import Path

import attrs
import pytest

import aiecosys
from aiecosys import (
    Article,
    DataError,
    Ecosystem,
    Estimate,
    Evaluation,
    Money,
    PartialDate,
    Period,
    Problem,
    Publication,
    UnknownEntityError,
    Verdict,
    parameters,
)
from aiecosys._article import article_from


ARTICLE = Path(__file__).parents[1] / ".." / "shared" / "seed" / "article.fr.txt"
CLAIMS = Path(str(resources.files("aiecosys") / "data" / "article_claims.toml"))
needs_article = pytest.mark.skipif(
    not ARTICLE.exists(), reason="the article's text is not present"
)


@pytest.fixture(scope="module")
def article() -> Article:
    return aiecosys.load_article()


@pytest.fixture(scope="module")
def verdicts(article: Article) -> dict[str, Evaluation]:
    return {evaluation.claim.id: evaluation for evaluation in article.check()}


def _verdict(article: Article, claim_id: str, eco: Ecosystem) -> Verdict:
    return aiecosys.check(article.claim(claim_id), eco).verdict


class TestTheArticle:
    def test_verdicts_do_not_depend_on_the_decimal_context(
        self, article: Article, verdicts: dict[str, Evaluation]
    ) -> None:
        """A caller's Decimal context of 3 digits changes no verdict nor explanation."""
        with decimal.localcontext() as context:
            context.prec = 3
            context.rounding = decimal.ROUND_DOWN
            low = article.check()

        assert [(e.claim.id, e.verdict, e.explanation, e.comparison) for e in low] == [
            (e.claim.id, e.verdict, e.explanation, e.comparison)
            for e in verdicts.values()
        ]

    def test_loading_does_not_depend_on_the_decimal_context(
        self, article: Article
    ) -> None:
        """The claims read under a caller's 3-digit Decimal context are the same."""
        text = CLAIMS.read_text(encoding="utf-8")
        with decimal.localcontext() as context:
            context.prec = 3
            context.traps[decimal.Inexact] = True
            low = article_from(article.ecosystem, text)

        assert low.claims == article.claims

    def test_load_article_is_cached(self, article: Article) -> None:
        """The files are read once: later calls return the same article."""
        assert aiecosys.load_article() is article

    def test_the_article_is_immutable(self, article: Article) -> None:
        """The article cannot be changed in place."""
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            article.claims = ()  # type: ignore[misc]

    def test_the_source_is_the_article(self, article: Article) -> None:
        """Every claim cites the article, published between January and March 2024."""
        assert article.source.publisher == "The Conversation"
        assert article.source.author == "Eric Braune"
        assert article.source.published is None
        assert isinstance(article.source, Publication)
        assert article.source.published_between == Period(
            PartialDate(2024, 1, 23), PartialDate(2024, 3, 14)
        )
        assert {claim.source for claim in article.claims} == {article.source}

    def test_claim_by_id(self, article: Article) -> None:
        """A claim is found by its id."""
        assert article.claim("yi-half-gpt4").id == "yi-half-gpt4"

    def test_unknown_claim_id_names_the_known_ones(self, article: Article) -> None:
        """An unknown id raises, listing the ids there are."""
        with pytest.raises(UnknownEntityError, match="yi-half-gpt4") as raised:
            article.claim("yi-half-gpt-4")

        assert "'yi-half-gpt-4'" in str(raised.value)


class TestTheClaims:
    def test_there_are_at_least_30_claims(self, article: Article) -> None:
        """Every checkable statement is a claim: at least 30 of them."""
        assert len(article.claims) >= 30

    def test_ids_are_unique(self, article: Article) -> None:
        """No two claims, and no two opinions, share an id."""
        ids = [c.id for c in article.claims] + [o.id for o in article.opinions]

        assert len(ids) == len(set(ids))

    def test_every_claim_is_explained_in_english(self, article: Article) -> None:
        """Every claim has its French words and an English rendering."""
        for claim in article.claims:
            assert claim.quote.strip()
            assert claim.restatement.strip()

    @needs_article
    def test_every_quote_stands_in_the_article(self, article: Article) -> None:
        """Every quote, of a claim or an opinion, is the article's exact words."""
        text = ARTICLE.read_text(encoding="utf-8")
        quotes = [c.quote for c in article.claims]
        quotes += [o.quote for o in article.opinions]

        assert [quote for quote in quotes if quote not in text] == []

    def test_every_claim_has_a_verdict(
        self, article: Article, verdicts: dict[str, Evaluation]
    ) -> None:
        """Every claim evaluates, without error, to one of the three verdicts."""
        assert list(verdicts) == [claim.id for claim in article.claims]
        for evaluation in verdicts.values():
            assert evaluation.verdict in set(Verdict)
            assert evaluation.explanation.strip()

    def test_every_verdict_rests_on_sourced_evidence(
        self, verdicts: dict[str, Evaluation]
    ) -> None:
        """Every evaluation cites at least one fact with a source."""
        for evaluation in verdicts.values():
            assert any(item.sources for item in evaluation.evidence), (
                evaluation.claim.id
            )

    def test_verdicts_kept_from_reading_equal_a_new_evaluation(
        self, article: Article
    ) -> None:
        """The evaluations made when the claims were read are those of the facts."""
        kept = article.check()
        built = Article(article.source, article.ecosystem, article.claims, ())

        assert kept == aiecosys.check_all(article.claims, article.ecosystem)
        assert built.check() == kept
        assert all(e.claim is c for e, c in zip(kept, article.claims, strict=True))


class TestKeyVerdicts:
    @pytest.mark.parametrize(
        ("claim_id", "verdict"),
        [
            ("yi-half-gpt4", Verdict.REFUTED),
            ("yi-twice-fewer-parameters", Verdict.REFUTED),
            ("mistral-series-a-385m", Verdict.SUPPORTED),
            ("mistral-seed-105m", Verdict.SUPPORTED),
            ("kyutai-models-early-2024", Verdict.REFUTED),
            ("kyutai-november-2023", Verdict.SUPPORTED),
            ("yi-multimodal-january", Verdict.SUPPORTED),
            ("yi-launched-january", Verdict.SUPPORTED),
            ("oa-launched-june", Verdict.SUPPORTED),
            ("oa-raised-from-batx", Verdict.NOT_ENOUGH_INFO),
            ("oa-raised-200m", Verdict.NOT_ENOUGH_INFO),
            ("resources-exceed-01ai", Verdict.NOT_ENOUGH_INFO),
            ("sv-portfolio-400", Verdict.NOT_ENOUGH_INFO),
            ("kfl-based-beijing", Verdict.SUPPORTED),
            ("sv-closure-trade-war", Verdict.SUPPORTED),
            ("oa-launched-after-raising", Verdict.NOT_ENOUGH_INFO),
            ("batx-chinese-gafam", Verdict.SUPPORTED),
            ("yi-adopted-by-developers", Verdict.NOT_ENOUGH_INFO),
            ("china-privacy-law-2021", Verdict.SUPPORTED),
            ("yi-competitive-data", Verdict.NOT_ENOUGH_INFO),
            ("kfl-google-china", Verdict.SUPPORTED),
            ("silicon-valley-closed-models", Verdict.SUPPORTED),
            ("silicon-valley-closed-models-google", Verdict.SUPPORTED),
            ("sv-funds-startups", Verdict.NOT_ENOUGH_INFO),
            ("french-experts-at-meta", Verdict.NOT_ENOUGH_INFO),
            ("kyutai-open-source", Verdict.SUPPORTED),
            ("kyutai-launched-by-niel", Verdict.SUPPORTED),
            ("kyutai-launched-by-saade", Verdict.SUPPORTED),
            ("kyutai-launched-by-schmidt", Verdict.SUPPORTED),
            ("google-proprietary", Verdict.SUPPORTED),
            ("sv-aum-3bn", Verdict.REFUTED),
        ],
    )
    def test_verdict(
        self, verdicts: dict[str, Evaluation], claim_id: str, verdict: Verdict
    ) -> None:
        """The engine's verdict on the claims that matter most."""
        assert verdicts[claim_id].verdict is verdict

    def test_a_refutation_says_what_is_true(
        self, verdicts: dict[str, Evaluation]
    ) -> None:
        """Refuting "half of GPT-4" gives GPT-4's estimated size, with its sources."""
        evaluation = verdicts["yi-half-gpt4"]
        gpt4 = [item for item in evaluation.evidence if item.label.startswith("GPT-4")]

        assert "1 to 1.8 trillion parameters" in evaluation.explanation
        assert gpt4
        assert len(gpt4[0].sources) > 1

    def test_missing_facts_are_named(self, verdicts: dict[str, Evaluation]) -> None:
        """When facts cannot settle a claim, the explanation names the missing one."""
        explanation = verdicts["oa-raised-200m"].explanation

        assert "01.AI: total raised" in explanation
        assert "undisclosed" in explanation

    def test_a_sum_shows_each_of_its_terms(
        self, verdicts: dict[str, Evaluation]
    ) -> None:
        """Comparing resources lists what each organisation raised, with sources."""
        evaluation = verdicts["resources-exceed-01ai"]
        labels = [item.label for item in evaluation.evidence]

        assert labels == [
            "Mistral AI: total raised (2024-02)",
            "Kyutai: total raised (2024-02)",
            "01.AI: total raised (2024-02)",
        ]
        assert all(item.sources for item in evaluation.evidence)


class TestChangedFacts:
    def test_a_disclosed_gpt4_size_of_68b_would_support_half(
        self, article: Article
    ) -> None:
        """Had GPT-4 68 billion parameters, "half of GPT-4" would hold."""
        eco = article.ecosystem
        gpt4 = eco.model("GPT-4")
        smaller = attrs.evolve(
            gpt4, parameters=Estimate.exact(parameters("68B"), sources=gpt4.sources)
        )
        changed = eco.replace(gpt4, smaller)

        assert _verdict(article, "yi-half-gpt4", eco) is Verdict.REFUTED
        assert _verdict(article, "yi-half-gpt4", changed) is Verdict.SUPPORTED

    def test_a_kyutai_model_of_january_2024_would_support_its_models(
        self, article: Article
    ) -> None:
        """Had Moshi come out in January 2024, Kyutai's open models would exist."""
        eco = article.ecosystem
        (moshi,) = eco.models_of(eco.organisation("Kyutai"))
        earlier = attrs.evolve(moshi, released=PartialDate(2024, 1, 15))
        (no_model,) = eco.denials  # the source of this denial would be wrong too
        changed = attrs.evolve(
            article, ecosystem=eco.remove(no_model).replace(moshi, earlier)
        )

        verdicts = {e.claim.id: e.verdict for e in changed.check()}

        assert verdicts["kyutai-models-early-2024"] is Verdict.SUPPORTED
        assert _verdict(article, "kyutai-models-early-2024", eco) is Verdict.REFUTED

    def test_without_a_google_model_its_share_of_several_giants_is_open(
        self, article: Article
    ) -> None:
        """Without PaLM 2 and Gemini 1.0, Google's closed models are open."""
        eco = article.ecosystem
        without = eco.remove(eco.model("PaLM 2")).remove(eco.model("Gemini 1.0 Pro"))

        assert _verdict(article, "silicon-valley-closed-models-google", eco) is (
            Verdict.SUPPORTED
        )
        assert _verdict(article, "silicon-valley-closed-models-google", without) is (
            Verdict.NOT_ENOUGH_INFO
        )
        assert _verdict(article, "silicon-valley-closed-models", without) is (
            Verdict.SUPPORTED
        )

    def test_google_s_tools_are_read_as_its_generative_models(
        self, article: Article
    ) -> None:
        """Google's tools are proprietary on Gemini 1.0; were it open, refuted."""
        eco = article.ecosystem
        gemini = eco.model("Gemini 1.0 Pro")
        opened = eco.replace(gemini, attrs.evolve(gemini, openness="open-weights"))

        assert _verdict(article, "google-proprietary", eco) is Verdict.SUPPORTED
        assert _verdict(article, "google-proprietary", opened) is Verdict.REFUTED

    def test_sinovation_s_assets_rest_on_the_latest_sourced_figure(
        self, article: Article
    ) -> None:
        """USD 2 billion (2020) refutes USD 3 billion; a 2022 figure would not."""
        eco = article.ecosystem
        (latest,) = [f for f in eco.funds if f.as_of == PartialDate(2020, 10, 15)]
        later = attrs.evolve(
            latest,
            as_of=PartialDate(2022, 12),
            assets_under_management=Estimate.exact(Money("3000000000", "USD")),
            portfolio_size=None,
        )
        with_2022 = eco.add(later)
        evaluation = aiecosys.check(article.claim("sv-aum-3bn"), eco)

        assert evaluation.verdict is Verdict.REFUTED
        assert "as of 2020-10-15 ($2 billion)" in evaluation.explanation
        assert _verdict(article, "sv-aum-3bn", with_2022) is Verdict.SUPPORTED

    def test_kyutai_commitment_rests_on_its_launch_not_on_moshi(
        self, article: Article
    ) -> None:
        """Kyutai's commitment needs two publishers at its launch, not Moshi."""
        eco = article.ecosystem
        kyutai = [s for s in eco.statements if s.subject == "Kyutai"]
        one_publisher = eco
        for statement in kyutai[1:]:
            one_publisher = one_publisher.remove(statement)
        (moshi,) = eco.models_of(eco.organisation("Kyutai"))
        evaluation = aiecosys.check(article.claim("kyutai-open-source"), eco)

        assert evaluation.verdict is Verdict.SUPPORTED
        assert all(moshi.name not in item.label for item in evaluation.evidence)
        assert _verdict(article, "kyutai-open-source", one_publisher) is (
            Verdict.NOT_ENOUGH_INFO
        )


class TestTheOpinions:
    def test_opinions_are_listed(self, article: Article) -> None:
        """The statements of opinion or forecast are read and listed."""
        ids = {opinion.id for opinion in article.opinions}

        assert {"winning-ecosystem", "copy-the-model"} <= ids

    def test_every_opinion_says_why_it_is_not_checked(self, article: Article) -> None:
        """Every opinion has an English rendering and a reason."""
        for opinion in article.opinions:
            assert opinion.restatement.strip()
            assert opinion.reason.strip()


class TestMalformedClaims:
    def test_a_malformed_claim_fails_with_its_id_and_field(
        self, article: Article
    ) -> None:
        """A claim naming an unknown model fails at load time, saying where."""
        text = CLAIMS.read_text(encoding="utf-8").replace(
            'of = "Yi-34B-Chat", field = "parameters" }, stated',
            'of = "Yi-35B-Chat", field = "parameters" }, stated',
            1,
        )

        with pytest.raises(DataError) as raised:
            article_from(article.ecosystem, text)

        message = str(raised.value)
        assert "entry 'yi-34b-parameters'" in message
        assert "field 'check.measure.of'" in message
        assert "Yi-35B-Chat" in message

    def test_an_opinion_without_a_reason_fails(self, article: Article) -> None:
        """An opinion must say why it is not checked."""
        text = CLAIMS.read_text(encoding="utf-8").replace(
            'reason = "A recommendation, put as a question."', "", 1
        )

        with pytest.raises(DataError, match="copy-the-model"):
            article_from(article.ecosystem, text)

    def test_the_shipped_file_builds_the_same_article(self, article: Article) -> None:
        """Building from the shipped text gives the article load_article returns."""
        rebuilt = article_from(article.ecosystem, CLAIMS.read_text(encoding="utf-8"))

        assert rebuilt == article


FILE = "article_claims.toml"

ECO = aiecosys.loads(
    """
[sources.s]
title = "A source"

[[people]]
name = "Kai-Fu Lee"
nationality = "TW"
sources = ["s"]
"""
)


OPINION = """
[[opinions]]
id = "copy"
quote = "Une excellente idée ?"
restatement = "An excellent idea?"
reason = "A recommendation."
"""


def _problems(text: str) -> list[Problem]:
    with pytest.raises(DataError) as caught:
        article_from(ECO, text)
    return list(caught.value.problems)


def test_a_valid_article(taiwanese_claim: str) -> None:
    """Claims and opinions load; the article's source is that of its claims."""
    article = article_from(ECO, taiwanese_claim + OPINION)

    assert ("kfl", "copy") == (article.claims[0].id, article.opinions[0].id)
    assert "article" == article.source.key


def test_opinions_not_an_array(taiwanese_claim: str) -> None:
    """The opinions key must hold an array of tables."""
    assert [Problem("must be an array of tables", FILE, "opinions")] == _problems(
        'opinions = "none"\n' + taiwanese_claim
    )


def test_an_opinion_that_is_not_a_table(taiwanese_claim: str) -> None:
    """An opinion that is not a table is named by its position."""
    assert [Problem("must be a table", FILE, "opinions[0]")] == _problems(
        'opinions = ["copy"]\n' + taiwanese_claim
    )


def test_an_opinion_id_used_twice(taiwanese_claim: str) -> None:
    """Two opinions with one id are refused, naming the id."""
    assert [
        Problem("the id 'copy' is used by another opinion", FILE, "copy", "id")
    ] == _problems(taiwanese_claim + OPINION + OPINION)


def test_an_opinion_field_that_is_not_text(taiwanese_claim: str) -> None:
    """An opinion whose reason is not text is refused, naming the opinion."""
    (problem,) = _problems(
        taiwanese_claim + OPINION.replace('"A recommendation."', "3")
    )

    assert (FILE, "copy", "reason") == (problem.file, problem.entry, problem.field)
    assert "expected text, not int 3" == problem.message


def test_opinion_ids_that_differ_only_by_case(taiwanese_claim: str) -> None:
    """Two opinions whose ids differ only by case are refused, naming the second."""
    assert [
        Problem(
            "the id 'Copy' differs from the id 'copy' of another opinion only by "
            "case: give the opinions ids that differ by more",
            FILE,
            "Copy",
            "id",
        )
    ] == _problems(taiwanese_claim + OPINION + OPINION.replace('"copy"', '"Copy"'))


def test_an_opinion_with_the_id_of_a_claim(taiwanese_claim: str) -> None:
    """An opinion may not take a claim's id, in any case."""
    assert [
        Problem(
            "the id 'KFL' is the claim 'kfl''s: give the opinion an id of its own",
            FILE,
            "KFL",
            "id",
        )
    ] == _problems(taiwanese_claim + OPINION.replace('"copy"', '"KFL"'))


def test_problems_in_opinions_and_claims_are_listed_together(
    taiwanese_claim: str,
) -> None:
    """A bad opinion does not hide a bad claim: every problem is listed at once."""
    problems = _problems(
        taiwanese_claim.replace('one_of = ["TW"]', "one_of = []") + OPINION + OPINION
    )

    assert [("copy", "id"), ("kfl", "check.one_of")] == [
        (p.entry, p.field) for p in problems
    ]


def test_not_valid_toml() -> None:
    """Text that is not TOML is a DataError naming the file."""
    (problem,) = _problems("[[claims]\n")

    assert FILE == problem.file
    assert problem.message.startswith("not valid TOML")


def test_no_claim_cites_the_article(taiwanese_claim: str) -> None:
    """Claims must cite the [sources.article] table."""
    assert [Problem("no claim cites the [sources.article]", FILE)] == _problems(
        taiwanese_claim.replace("article", "blog")
    )


def test_opinion_problems_name_the_file_given(taiwanese_claim: str) -> None:
    """A problem in an opinion names the file article_from was given."""
    with pytest.raises(DataError) as caught:
        article_from(ECO, taiwanese_claim + OPINION + OPINION, file="mine.toml")

    assert ["mine.toml"] == [p.file for p in caught.value.problems]
