"""Organisations in hierarchies: a subsidiary, lab or division counts for its parent."""

from __future__ import annotations

import attrs
import pytest

import aiecosys
from aiecosys import (
    AttributeCheck,
    DataError,
    Denial,
    Ecosystem,
    ExistenceCheck,
    FundingRound,
    MembershipCheck,
    ModelSpec,
    Organisation,
    PartialDate,
    Period,
    Person,
    Role,
    RoleCheck,
    Verdict,
)
from tests.kinds_support import SOURCE, organisation, verdict_of


ALPHABET = organisation("Alphabet")
GOOGLE = organisation("Google", parent="Alphabet")
DEEPMIND = organisation("Google DeepMind", "research-lab", parent="Google")
ALIBABA = organisation("Alibaba")
CLOUD = organisation("Alibaba Cloud", "corporate-division", parent="Alibaba")


def _eco(*organisations: Organisation) -> Ecosystem:
    """A knowledge base with these organisations' parents (or none)."""
    by_name = {
        o.name: o
        for o in (ALPHABET, GOOGLE, DEEPMIND, ALIBABA, CLOUD, organisation("01.AI"))
    }
    by_name.update((o.name, o) for o in organisations)
    return Ecosystem(
        organisations=(
            *by_name.values(),
            organisation("Consortium", "group", members=("Google DeepMind",)),
        ),
        people=(
            Person(
                "Arthur Mensch",
                roles=(Role("researcher", "Google DeepMind", end=PartialDate(2023)),),
                sources=(SOURCE,),
            ),
        ),
        rounds=(
            FundingRound(
                "01.AI",
                PartialDate(2023, 11),
                "undisclosed",
                investors=("Alibaba Cloud",),
                sources=(SOURCE,),
            ),
        ),
        models=(
            ModelSpec(
                "Gemma",
                developers=("Google DeepMind",),
                released=PartialDate(2024, 2, 21),
                openness="open-weights",
                sources=(SOURCE,),
            ),
        ),
    )


ORPHANS = (attrs.evolve(DEEPMIND, parent=None), attrs.evolve(CLOUD, parent=None))
"""The same organisations with no parent recorded."""


class TestLookUps:
    def test_ancestry_walks_up_the_parents(self) -> None:
        """Google DeepMind is part of Google, part of Alphabet."""
        names = [o.name for o in _eco().ancestry("google deepmind")]

        assert names == ["Google DeepMind", "Google", "Alphabet"]

    def test_part_of_gives_the_path(self) -> None:
        """The path up to an organisation, or None when it is not above."""
        eco = _eco()
        path = eco.part_of("Google DeepMind", "Alphabet")

        assert path is not None
        assert [o.name for o in path] == ["Google DeepMind", "Google", "Alphabet"]
        assert eco.part_of("Alphabet", "Google DeepMind") is None

    def test_a_cycle_of_parents_is_refused(self) -> None:
        """Alphabet cannot be part of Google DeepMind, which is part of it."""
        with pytest.raises(DataError, match="the parents form a cycle"):
            _eco(attrs.evolve(ALPHABET, parent="Google DeepMind"))


class TestRoles:
    GOOGLE_ROLE = RoleCheck("Arthur Mensch", "Google")

    def test_a_role_at_a_lab_counts_for_its_parent(self) -> None:
        """A role at Google DeepMind is a role at Google, with the path shown."""
        verdict, why = verdict_of(self.GOOGLE_ROLE, _eco())

        assert verdict is Verdict.SUPPORTED
        assert "researcher at Google DeepMind, part of Google" in why
        assert verdict_of(self.GOOGLE_ROLE, _eco(*ORPHANS))[0] is (
            Verdict.NOT_ENOUGH_INFO
        )

    def test_a_role_counts_up_the_whole_chain(self) -> None:
        """A role at Google DeepMind is a role at Alphabet."""
        _, why = verdict_of(RoleCheck("Arthur Mensch", "Alphabet"), _eco())

        assert "Google DeepMind, part of Google, part of Alphabet" in why

    def test_exact_asks_for_the_organisation_itself(self) -> None:
        """With exact, a role at Google DeepMind is not one at Google."""
        exact = attrs.evolve(self.GOOGLE_ROLE, exact=True)
        at_lab = RoleCheck("Arthur Mensch", "Google DeepMind", exact=True)

        assert verdict_of(exact, _eco())[0] is Verdict.NOT_ENOUGH_INFO
        assert verdict_of(at_lab, _eco())[0] is Verdict.SUPPORTED

    def test_a_role_ending_within_the_period_counts(self) -> None:
        """A role of unknown start ending in 2023 was held during 2015-2023."""
        during = attrs.evolve(
            self.GOOGLE_ROLE, during=Period(PartialDate(2015), PartialDate(2023))
        )

        assert verdict_of(during, _eco())[0] is Verdict.SUPPORTED


class TestInvestments:
    ALIBABA_INVESTED = MembershipCheck(members=("Alibaba",), investors_of="01.AI")

    def test_a_division_invests_for_its_parent(self) -> None:
        """Alibaba Cloud's investment is Alibaba's, with the path shown."""
        verdict, why = verdict_of(self.ALIBABA_INVESTED, _eco())

        assert verdict is Verdict.SUPPORTED
        assert why == (
            "Alibaba (via Alibaba Cloud, part of Alibaba) is among the investors "
            "in 01.AI."
        )
        assert verdict_of(self.ALIBABA_INVESTED, _eco(*ORPHANS))[0] is (
            Verdict.NOT_ENOUGH_INFO
        )

    def test_exact_counts_the_investor_itself(self) -> None:
        """With exact, Alibaba Cloud's investment is not Alibaba's."""
        exact = attrs.evolve(self.ALIBABA_INVESTED, exact=True)

        assert verdict_of(exact, _eco())[0] is Verdict.NOT_ENOUGH_INFO

    def test_a_parent_is_not_its_division(self) -> None:
        """Alibaba's own investment would not be Alibaba Cloud's."""
        eco = _eco()
        (seed,) = eco.rounds
        by_parent = eco.replace(seed, attrs.evolve(seed, investors=("Alibaba",)))
        cloud = MembershipCheck(members=("Alibaba Cloud",), investors_of="01.AI")

        assert verdict_of(cloud, eco)[0] is Verdict.SUPPORTED
        assert verdict_of(cloud, by_parent)[0] is Verdict.NOT_ENOUGH_INFO

    def test_a_denial_about_a_parent_covers_its_divisions(self) -> None:
        """ "Google did not invest" refutes that Google DeepMind did."""
        deepmind = MembershipCheck(members=("Google DeepMind",), investors_of="01.AI")
        denial = Denial("01.AI", "investor", subject="Google", sources=(SOURCE,))

        assert verdict_of(deepmind, _eco())[0] is Verdict.NOT_ENOUGH_INFO
        assert verdict_of(deepmind, _eco().add(denial))[0] is Verdict.REFUTED

    def test_a_denial_contradicted_by_a_division_is_refused(self) -> None:
        """ "Alibaba did not invest" contradicts Alibaba Cloud's recorded investment."""
        denial = Denial("01.AI", "investor", subject="Alibaba", sources=(SOURCE,))

        with pytest.raises(DataError, match=r"Alibaba Cloud invested in 01\.AI"):
            _eco().add(denial)


class TestMembership:
    def test_a_lab_member_counts_for_its_parent(self) -> None:
        """Google DeepMind's membership is Google's."""
        google = MembershipCheck(members=("Google",), group="Consortium")

        assert verdict_of(google, _eco())[0] is Verdict.SUPPORTED
        assert verdict_of(google, _eco(*ORPHANS))[0] is Verdict.NOT_ENOUGH_INFO


class TestModels:
    GOOGLE_MODELS = ExistenceCheck(
        "model", developer="Google", openness=("open-weights",)
    )

    def test_a_lab_model_counts_for_its_parent(self) -> None:
        """Gemma, by Google DeepMind, is an open model by Google."""
        verdict, why = verdict_of(self.GOOGLE_MODELS, _eco())

        assert verdict is Verdict.SUPPORTED
        assert "Gemma (via Google DeepMind, part of Google)" in why
        assert verdict_of(self.GOOGLE_MODELS, _eco(*ORPHANS))[0] is (
            Verdict.NOT_ENOUGH_INFO
        )

    def test_exact_counts_the_developer_itself(self) -> None:
        """With exact, Google DeepMind's models are not Google's own."""
        exact = attrs.evolve(self.GOOGLE_MODELS, exact=True)

        assert verdict_of(exact, _eco())[0] is Verdict.NOT_ENOUGH_INFO

    def test_models_of_several_parts_come_in_the_order_recorded(self) -> None:
        """Models by Google and its lab are listed as recorded, each by its
        shortest path, and another group's models are not."""

        def model(name: str, *developers: str) -> ModelSpec:
            return ModelSpec(name, developers=developers, sources=(SOURCE,))

        eco = _eco()
        eco = attrs.evolve(
            eco,
            models=(
                model("PaLM 2", "Google"),
                *eco.models,
                model("Qwen", "Alibaba Cloud"),
                model("Gemini", "Google DeepMind", "Google"),
            ),
        )

        by_google = verdict_of(ExistenceCheck("model", developer="Google"), eco)[1]
        by_alphabet = verdict_of(ExistenceCheck("model", developer="Alphabet"), eco)[1]

        assert by_google.startswith(
            "PaLM 2, Gemma (via Google DeepMind, part of Google), Gemini: "
        )
        assert by_alphabet.startswith(
            "PaLM 2 (via Google, part of Alphabet), Gemma (via Google DeepMind, "
            "part of Google, part of Alphabet), Gemini (via Google, part of "
            "Alphabet): "
        )


class TestParent:
    def test_any_organisation_up_the_chain(self) -> None:
        """Google DeepMind is part of Alphabet, through Google."""
        claim = AttributeCheck("Google DeepMind", "parent", ("Alphabet",))

        verdict, why = verdict_of(claim, _eco())

        assert verdict is Verdict.SUPPORTED
        assert why.startswith("Google DeepMind is part of Google, part of Alphabet")

    def test_exact_is_the_recorded_parent(self) -> None:
        """With exact, Google DeepMind's parent is Google, not Alphabet."""
        alphabet = AttributeCheck(
            "Google DeepMind", "parent", ("Alphabet",), exact=True
        )
        google = attrs.evolve(alphabet, one_of=("Google",))

        assert verdict_of(alphabet, _eco())[0] is Verdict.REFUTED
        assert verdict_of(google, _eco())[0] is Verdict.SUPPORTED

    def test_an_organisation_above_the_recorded_chain_is_not_known(self) -> None:
        """No parent of Alphabet is recorded: whether it has one is not known."""
        claim = AttributeCheck("Google DeepMind", "parent", ("Alibaba",))

        verdict, why = verdict_of(claim, _eco())

        assert verdict is Verdict.NOT_ENOUGH_INFO
        assert "no parent of Alphabet is recorded" in why

    def test_a_part_cannot_be_the_parent(self) -> None:
        """Google DeepMind, part of Google, cannot be Google's parent."""
        claim = AttributeCheck("Google", "parent", ("Google DeepMind",))

        assert verdict_of(claim, _eco())[0] is Verdict.REFUTED


class TestTheArticle:
    def test_mensch_worked_at_google(self) -> None:
        """The bundled knowledge base places Google DeepMind under Google."""
        eco = aiecosys.load_article().ecosystem
        during = RoleCheck(
            "Arthur Mensch",
            "Google",
            during=Period(PartialDate(2015), PartialDate(2023)),
        )

        verdict, why = verdict_of(during, eco)

        assert verdict is Verdict.SUPPORTED
        assert "Google DeepMind, part of Google" in why

    def test_alibaba_invested_in_01ai_through_its_cloud(self) -> None:
        """Alibaba Cloud, part of Alibaba, invested in 01.AI."""
        eco = aiecosys.load_article().ecosystem
        claim = MembershipCheck(members=("Alibaba",), investors_of="01.AI")

        assert verdict_of(claim, eco)[0] is Verdict.SUPPORTED
