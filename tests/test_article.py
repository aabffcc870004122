"""The knowledge base of the article, as shipped inside the package."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest

import aiecosys
from aiecosys import (
    Ecosystem,
    OrganisationKind,
    PartialDate,
    RoundKind,
    Source,
    SourceKind,
    Status,
    UnknownEntityError,
)


PACKAGED = Path(str(resources.files("aiecosys") / "data" / "article.toml"))
ARTICLE = Path(__file__).parent.parent.parent / "shared" / "seed" / "article.fr.txt"

# The names as the article writes them, with the kind of entity each one names.
ORGANISATIONS = [
    "Sinovation",
    "Microsoft Research Asia",
    "Google",
    "Apple",
    "Silicon Graphics",
    "01.AI",
    "01.Ai",
    "BATX",
    "Baidu",
    "Alibaba",
    "Tencent",
    "Meta",
    "Mistral AI",
    "Kyutai",
    "AT&T",
    "IBM",
    "Institut Sinovation Ventures pour l’IA",
]
PEOPLE = ["Kai-Fu Lee", "Xavier Niel", "Rodolphe Saadé", "Eric Schmidt"]
MODELS = ["GPT-4", "ChatGPT4", "ChatGPT", "LlaMA"]
# Named by the brief and the sources rather than in the article's own words.
OTHER_ORGANISATIONS = [
    "Sinovation Ventures",
    "Sinovation Ventures AI Institute",
    "Xiaomi",
    "OpenAI",
    "零一万物",
    "Lingyi Wanwu",
    "Alibaba Cloud",
    "Iliad",
    "CMA CGM",
]
OTHER_MODELS = ["Yi-34B", "Yi-6B", "Yi-VL-34B", "Llama 2", "Mistral 7B", "Mixtral 8x7B"]


@pytest.fixture(scope="module")
def eco() -> Ecosystem:
    return aiecosys.load_article().ecosystem


def _variants(name: str) -> list[str]:
    """The name, upper-cased, lower-cased and without accents."""
    bare = "".join(
        ch
        for ch in unicodedata.normalize("NFKD", name)
        if not unicodedata.combining(ch)
    )
    return [name, name.upper(), name.lower(), bare]


def _facts(eco: Ecosystem) -> Iterator[tuple[str, tuple[Source, ...]]]:
    """Every fact with the sources it may rely on (its own and its entity's)."""
    for organisation in eco.organisations:
        yield organisation.name, organisation.sources
        for office in organisation.offices:
            label = f"{organisation.name} office {office.location}"
            yield label, office.sources + organisation.sources
    for person in eco.people:
        yield person.name, person.sources
        for role in person.roles:
            label = f"{person.name} at {role.organisation}"
            yield label, role.sources + person.sources
    for funding in eco.rounds:
        yield f"{funding.organisation} {funding.announced}", funding.sources
    for fund in eco.funds:
        yield f"{fund.organisation} {fund.as_of}", fund.sources
    for model in eco.models:
        yield model.name, model.sources
        for score in model.benchmarks:
            yield f"{model.name} {score.benchmark}", score.sources


class TestLoading:
    def test_the_packaged_file_loads(self) -> None:
        """The file inside the package loads with the public loader."""
        eco = aiecosys.load(PACKAGED)

        assert eco.organisations
        assert eco.people
        assert eco.rounds
        assert eco.funds
        assert eco.models

    def test_load_article_returns_the_packaged_file(self, eco: Ecosystem) -> None:
        """load_article reads the same knowledge base, once."""
        assert eco == aiecosys.load(PACKAGED)
        assert aiecosys.load_article().ecosystem is eco

    def test_round_trip(self, eco: Ecosystem) -> None:
        """Dumping and loading the knowledge base again changes nothing."""
        assert aiecosys.loads(aiecosys.dumps(eco)) == eco


class TestNames:
    @pytest.mark.parametrize("name", ORGANISATIONS + OTHER_ORGANISATIONS)
    def test_organisations_are_found(self, eco: Ecosystem, name: str) -> None:
        """Every organisation is found by name in any case, with or without accents."""
        found = {eco.organisation(variant).name for variant in _variants(name)}

        assert len(found) == 1

    @pytest.mark.parametrize("name", PEOPLE)
    def test_people_are_found(self, eco: Ecosystem, name: str) -> None:
        """Every person is found by name in any case, with or without accents."""
        found = {eco.person(variant).name for variant in _variants(name)}

        assert len(found) == 1

    @pytest.mark.parametrize("name", MODELS + OTHER_MODELS)
    def test_models_are_found(self, eco: Ecosystem, name: str) -> None:
        """Every model is found by name or alias in any case."""
        found = {eco.model(variant).name for variant in _variants(name)}

        assert len(found) == 1

    @pytest.mark.skipif(not ARTICLE.exists(), reason="the article is not present")
    def test_names_are_the_article_s(self) -> None:
        """The names looked up as the article's stand in the article."""
        text = ARTICLE.read_text(encoding="utf-8")

        missing = [name for name in ORGANISATIONS + PEOPLE + MODELS if name not in text]

        assert missing == []

    def test_yi_is_a_family_of_01ai(self, eco: Ecosystem) -> None:
        """The article's "Yi" is 01.AI's family of models."""
        family = [model for model in eco.models if model.family == "Yi"]

        assert family
        assert all(model.developers == ("01.AI",) for model in family)

    def test_the_misspelling_xiamoi_is_not_a_name(self, eco: Ecosystem) -> None:
        """The article's "Xiamoi" is for a claim to note, not an alias of Xiaomi."""
        with pytest.raises(UnknownEntityError):
            eco.organisation("Xiamoi")

    def test_batx_members(self, eco: Ecosystem) -> None:
        """The BATX is a group of four Chinese companies, Xiaomi among them."""
        batx = eco.organisation("BATX")
        members = eco.members_of(batx)

        assert batx.kind is OrganisationKind.GROUP
        assert eco.organisation("Xiaomi") in members
        assert {member.country for member in members} == {"CN"}


class TestUndisclosedFigures:
    def test_gpt4_parameters_are_a_range(self, eco: Ecosystem) -> None:
        """GPT-4's size was never disclosed: a range of estimates, not a point."""
        parameters = eco.model("GPT-4").parameters

        assert parameters.low is not None
        assert parameters.high is not None
        assert parameters.low < parameters.high
        assert not parameters.is_exact
        assert parameters.status is not Status.DISCLOSED
        assert len(parameters.sources) > 1

    def test_01ai_november_round_amount_is_not_a_point(self, eco: Ecosystem) -> None:
        """01.AI's round of November 2023 has no made-up amount."""
        (november,) = [
            funding
            for funding in eco.rounds_of("01.AI")
            if funding.announced == PartialDate(2023, 11)
        ]

        assert not november.amount.is_exact
        assert november.amount.best is None
        assert november.amount.status is Status.UNDISCLOSED
        assert november.lead is not None
        assert eco.organisation(november.lead) == eco.organisation("Alibaba Cloud")

    def test_kyutai_was_endowed_not_funded_by_a_venture_round(
        self, eco: Ecosystem
    ) -> None:
        """Kyutai is a non-profit lab: its founding money is an endowment."""
        kyutai = eco.organisation("Kyutai")
        kinds = {funding.kind for funding in eco.rounds_of(kyutai)}

        assert kyutai.kind is OrganisationKind.NON_PROFIT_LAB
        assert kinds == {RoundKind.ENDOWMENT}

    def test_kyutai_models_are_later_than_its_founding(self, eco: Ecosystem) -> None:
        """Kyutai's models came out after the lab was founded, not before."""
        kyutai = eco.organisation("Kyutai")
        models = eco.models_of(kyutai)

        assert kyutai.founded is not None
        assert models
        for model in models:
            assert model.released is not None
            assert kyutai.founded.precedes(model.released)


class TestSources:
    def test_every_fact_cites_a_source_with_an_address(self, eco: Ecosystem) -> None:
        """Every fact has at least one source that can be read on the web."""
        unread = [
            label for label, sources in _facts(eco) if not any(s.url for s in sources)
        ]

        assert unread == []

    def test_no_fact_rests_only_on_weak_sources(self, eco: Ecosystem) -> None:
        """Every fact cites a primary, news or secondary source besides any wiki."""
        assert aiecosys.weak_facts(eco) == ()

    def test_kai_fu_lee_s_nationality_rests_on_news_sources(
        self, eco: Ecosystem
    ) -> None:
        """Kai-Fu Lee's Taiwanese nationality is cited by the press, not only wikis."""
        person = eco.person("Kai-Fu Lee")
        news = {s.key for s in person.sources if s.kind is SourceKind.NEWS}

        assert person.nationality == "TW"
        assert {"foreignpolicy-lee-2013", "scmp-lee-2013"} <= news

    def test_every_source_is_described(self, eco: Ecosystem) -> None:
        """Every source names its publisher."""
        assert all(source.publisher for source in eco.sources)

    def test_epoch_ai_is_credited(self, eco: Ecosystem) -> None:
        """Model data taken from Epoch AI's database cites it."""
        epoch = [s for s in eco.sources if s.url == "https://epoch.ai/data/ai-models"]

        assert epoch
        assert all(source.publisher == "Epoch AI" for source in epoch)
