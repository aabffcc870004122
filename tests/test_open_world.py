"""The open world: what a knowledge base does not record is not known to be false."""

from __future__ import annotations

import decimal
from typing import Literal

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from aiecosys import (
    Complete,
    DataError,
    Denial,
    Ecosystem,
    ExistenceCheck,
    FundingRound,
    MembershipCheck,
    ModelSpec,
    PartialDate,
    Period,
    Person,
    Role,
    RoleCheck,
    Source,
    Verdict,
    dumps,
    loads,
    loads_claims,
)
from aiecosys.claims import Check
from tests.kinds_support import SOURCE, organisation, verdict_of


LIST = Source("all", title="The complete list")


def _eco(*extra: object, **replaced: object) -> Ecosystem:
    """A small knowledge base whose every list is open, with *extra* facts."""
    organisations = {
        name: organisation(name)
        for name in ("01.AI", "Alibaba", "Baidu", "Tencent", "Apple", "Kyutai")
    }
    organisations["BATX"] = organisation(
        "BATX", "group", members=("Baidu", "Alibaba", "Tencent")
    )
    organisations.update(replaced)  # type: ignore[arg-type]
    eco = Ecosystem(
        organisations=tuple(organisations.values()),
        people=(
            Person(
                "Kai-Fu Lee",
                roles=(
                    Role(
                        "executive",
                        "Apple",
                        start=PartialDate(1990),
                        end=PartialDate(1996),
                    ),
                ),
                sources=(SOURCE,),
            ),
        ),
        rounds=(
            FundingRound(
                "01.AI",
                PartialDate(2023, 11),
                "undisclosed",
                investors=("Alibaba",),
                sources=(SOURCE,),
            ),
        ),
    )
    return eco.add(*extra) if extra else eco  # type: ignore[arg-type]


BAIDU_INVESTED = MembershipCheck(members=("Baidu",), investors_of="01.AI")
LEE_AT_TENCENT = RoleCheck("Kai-Fu Lee", "Tencent")
KYUTAI_MODELS = ExistenceCheck(
    "model",
    developer="Kyutai",
    openness=("open-weights",),
    within=Period(None, PartialDate(2024, 2)),
)


class TestInvestors:
    def test_an_investor_not_recorded_is_not_known(self) -> None:
        """Baidu is not recorded among 01.AI's investors: the list is open."""
        verdict, why = verdict_of(BAIDU_INVESTED, _eco())

        assert verdict is Verdict.NOT_ENOUGH_INFO
        assert "open list" in why
        assert 'complete = { investors = "source-key" } on 01.AI' in why

    def test_a_complete_list_refutes(self) -> None:
        """A source listing every investor makes Baidu's absence a fact."""
        complete = organisation("01.AI", complete=Complete(investors=LIST))

        verdict, why = verdict_of(BAIDU_INVESTED, _eco(**{"01.AI": complete}))

        assert verdict is Verdict.REFUTED
        assert "Baidu is not among the investors in 01.AI" in why
        assert "The complete list (all)" in why

    def test_a_denial_refutes(self) -> None:
        """A sourced denial that Baidu invested refutes the claim."""
        denial = Denial("01.AI", "investor", subject="Baidu", sources=(LIST,))

        verdict, why = verdict_of(BAIDU_INVESTED, _eco(denial))

        assert verdict is Verdict.REFUTED
        assert "a source says Baidu did not invest in 01.AI (all)" in why

    def test_a_denial_of_an_earlier_time_does_not_reach_the_claim(self) -> None:
        """A denial up to 2022 says nothing of a claim up to 2024."""
        denial = Denial(
            "01.AI", "investor", subject="Baidu", end=PartialDate(2022), sources=(LIST,)
        )
        claim = attrs.evolve(BAIDU_INVESTED, until=PartialDate(2024, 2))

        assert verdict_of(claim, _eco(denial))[0] is Verdict.NOT_ENOUGH_INFO
        assert verdict_of(claim, _eco(attrs.evolve(denial, end=None)))[0] is (
            Verdict.REFUTED
        )

    def test_a_dated_complete_list_settles_no_later_question(self) -> None:
        """A list of every investor as of 2023 says nothing of 2024's rounds."""
        dated = Source(
            "list-2023", title="Investors in 2023", published=PartialDate(2023)
        )
        complete = organisation("01.AI", complete=Complete(investors=dated))
        eco = _eco(**{"01.AI": complete})

        by_2023 = attrs.evolve(BAIDU_INVESTED, until=PartialDate(2023, 12))
        by_2024 = attrs.evolve(BAIDU_INVESTED, until=PartialDate(2024, 6))

        assert verdict_of(by_2023, eco)[0] is Verdict.REFUTED
        verdict, why = verdict_of(by_2024, eco)
        assert verdict is Verdict.NOT_ENOUGH_INFO
        assert "Investors in 2023 (list-2023) lists them all as of 2023 only" in why

    def test_complete_rounds_with_complete_investors_close_the_list(self) -> None:
        """Every round known, each with every investor: the investors are known."""
        complete = organisation("01.AI", complete=Complete(rounds=LIST))
        eco = _eco(**{"01.AI": complete})
        (only,) = eco.rounds
        closed = eco.replace(
            only, attrs.evolve(only, complete=Complete(investors=LIST))
        )

        assert verdict_of(BAIDU_INVESTED, eco)[0] is Verdict.NOT_ENOUGH_INFO
        assert verdict_of(BAIDU_INVESTED, closed)[0] is Verdict.REFUTED

    def test_a_recorded_investment_contradicting_a_denial_is_refused(self) -> None:
        """A denial that a recorded round contradicts is a problem of the file."""
        denial = Denial("01.AI", "investor", subject="Alibaba", sources=(LIST,))

        with pytest.raises(DataError, match=r"Alibaba invested in 01\.AI contradicts"):
            _eco(denial)


class TestGroups:
    EXACTLY = MembershipCheck(
        members=("Baidu", "Alibaba", "Tencent"), group="BATX", quantifier="exactly"
    )

    def test_open_members_may_include_others(self) -> None:
        """Members not said to be complete may include others: not settled."""
        verdict, why = verdict_of(self.EXACTLY, _eco())

        assert verdict is Verdict.NOT_ENOUGH_INFO
        assert "others may belong too" in why

    def test_complete_members_are_exactly_those(self) -> None:
        """A source giving every member makes "exactly" hold."""
        batx = organisation(
            "BATX",
            "group",
            members=("Baidu", "Alibaba", "Tencent"),
            complete=Complete(members=LIST),
        )

        assert verdict_of(self.EXACTLY, _eco(BATX=batx))[0] is Verdict.SUPPORTED

    def test_a_member_denied(self) -> None:
        """A denial that Apple is a member refutes that it is one."""
        claim = MembershipCheck(members=("Apple",), group="BATX")
        denial = Denial("BATX", "member", subject="Apple", sources=(LIST,))

        assert verdict_of(claim, _eco())[0] is Verdict.NOT_ENOUGH_INFO
        assert verdict_of(claim, _eco(denial))[0] is Verdict.REFUTED


class TestRoles:
    def test_a_role_not_recorded_is_not_known(self) -> None:
        """No role at Tencent is recorded, which does not say there was none."""
        verdict, why = verdict_of(LEE_AT_TENCENT, _eco())

        assert verdict is Verdict.NOT_ENOUGH_INFO
        assert "Kai-Fu Lee is not recorded in any role at Tencent" in why
        assert 'complete = { roles = "source-key" } on Kai-Fu Lee' in why

    def test_complete_roles_refute(self) -> None:
        """A source listing every role refutes a role at Tencent."""
        eco = _eco()
        lee = eco.person("Kai-Fu Lee")
        closed = eco.replace(lee, attrs.evolve(lee, complete=Complete(roles=LIST)))

        assert verdict_of(LEE_AT_TENCENT, closed)[0] is Verdict.REFUTED

    def test_a_role_denied_for_the_period(self) -> None:
        """A denial covering the claim's period refutes it; a shorter one does not."""
        during = attrs.evolve(
            LEE_AT_TENCENT, during=Period(PartialDate(2000), PartialDate(2005))
        )
        denial = Denial(
            "Kai-Fu Lee",
            "role",
            subject="Tencent",
            start=PartialDate(1995),
            end=PartialDate(2010),
            sources=(LIST,),
        )
        short = attrs.evolve(denial, end=PartialDate(2003))

        assert verdict_of(during, _eco(denial))[0] is Verdict.REFUTED
        assert verdict_of(during, _eco(short))[0] is Verdict.NOT_ENOUGH_INFO

    def test_a_recorded_role_outside_the_period_leaves_it_open(self) -> None:
        """A role at Apple until 1996 does not say there was none in 2000."""
        in_2000 = RoleCheck("Kai-Fu Lee", "Apple", during=PartialDate(2000))
        eco = _eco()
        lee = eco.person("Kai-Fu Lee")
        closed = eco.replace(lee, attrs.evolve(lee, complete=Complete(roles=LIST)))

        verdict, why = verdict_of(in_2000, eco)

        assert verdict is Verdict.NOT_ENOUGH_INFO
        assert "(recorded: executive at Apple, 1990 to 1996)" in why
        assert verdict_of(in_2000, closed)[0] is Verdict.REFUTED

    def test_a_role_that_ended_within_the_period_was_held_in_it(self) -> None:
        """A role of unknown start that ended in 2023 was held during 2015-2023."""
        eco = _eco()
        lee = eco.person("Kai-Fu Lee")
        ended = Role("adviser", "Tencent", end=PartialDate(2023))
        later = Role("adviser", "Tencent", end=PartialDate(2024))
        during = attrs.evolve(
            LEE_AT_TENCENT, during=Period(PartialDate(2015), PartialDate(2023))
        )

        def with_role(role: Role) -> Ecosystem:
            return eco.replace(lee, attrs.evolve(lee, roles=(*lee.roles, role)))

        assert verdict_of(during, with_role(ended))[0] is Verdict.SUPPORTED
        assert verdict_of(during, with_role(later))[0] is Verdict.NOT_ENOUGH_INFO

    def test_a_role_with_no_recorded_end_is_not_assumed_to_continue(self) -> None:
        """Begun in 2015 with no end recorded: held in 2015, not known for 2020."""
        eco = _eco()
        lee = eco.person("Kai-Fu Lee")
        open_ended = eco.replace(
            lee,
            attrs.evolve(
                lee,
                roles=(*lee.roles, Role("adviser", "Tencent", start=PartialDate(2015))),
            ),
        )

        def during(year: int) -> RoleCheck:
            return attrs.evolve(LEE_AT_TENCENT, during=PartialDate(year))

        assert verdict_of(during(2015), open_ended)[0] is Verdict.SUPPORTED
        assert verdict_of(during(2020), open_ended)[0] is Verdict.NOT_ENOUGH_INFO


class TestModels:
    def test_no_model_recorded_is_not_known(self) -> None:
        """No open model by Kyutai is recorded, which does not say there was none."""
        verdict, why = verdict_of(KYUTAI_MODELS, _eco())

        assert verdict is Verdict.NOT_ENOUGH_INFO
        assert 'complete = { models = "source-key" } on Kyutai' in why

    def test_complete_models_refute(self) -> None:
        """A source listing every model of Kyutai refutes an unrecorded one."""
        kyutai = organisation(
            "Kyutai", "non-profit-lab", complete=Complete(models=LIST)
        )

        assert verdict_of(KYUTAI_MODELS, _eco(Kyutai=kyutai))[0] is Verdict.REFUTED

    def test_a_denial_of_any_model_refutes(self) -> None:
        """ "Kyutai released no model before July 2024" refutes an open one by then."""
        denial = Denial("Kyutai", "model", end=PartialDate(2024, 6), sources=(LIST,))

        verdict, why = verdict_of(KYUTAI_MODELS, _eco(denial))

        assert verdict is Verdict.REFUTED
        assert "Kyutai developed no model (… to 2024-06)" in why

    def test_a_denial_of_another_openness_does_not_refute(self) -> None:
        """No open-source model says nothing of open-weights ones."""
        denial = Denial("Kyutai", "model", subject="open-source", sources=(LIST,))
        weights = attrs.evolve(denial, subject="open-weights")

        assert verdict_of(KYUTAI_MODELS, _eco(denial))[0] is Verdict.NOT_ENOUGH_INFO
        assert verdict_of(KYUTAI_MODELS, _eco(weights))[0] is Verdict.REFUTED

    def test_a_model_denial_names_an_openness(self) -> None:
        """A model denial's subject that is not an openness is refused."""
        denial = Denial("Kyutai", "model", subject="Moshi", sources=(LIST,))

        with pytest.raises(DataError, match="subject is an openness"):
            _eco(denial)

    def test_without_a_developer_models_are_never_all_known(self) -> None:
        """No open model recorded anywhere is not a fact about the world."""
        anywhere = ExistenceCheck("model", openness=("open-weights",))

        verdict, why = verdict_of(anywhere, _eco())

        assert verdict is Verdict.NOT_ENOUGH_INFO
        assert "does not list every model" in why


class TestSentences:
    def test_names_are_joined_as_a_sentence_joins_them(self) -> None:
        """Several names read "A, B and C", and none is left hanging."""
        claim = MembershipCheck(
            members=("Baidu", "Tencent", "Apple"), investors_of="01.AI"
        )
        complete = organisation("01.AI", complete=Complete(investors=LIST))

        _, why = verdict_of(claim, _eco(**{"01.AI": complete}))

        assert why.startswith(
            "Baidu, Tencent and Apple are not among the investors in 01.AI: "
        )
        assert not why.endswith(" not.")

    def test_explanations_do_not_depend_on_the_decimal_context(self) -> None:
        """A caller's three-digit context changes no verdict or explanation."""
        expected = verdict_of(BAIDU_INVESTED, _eco())
        with decimal.localcontext() as context:
            context.prec = 3
            assert verdict_of(BAIDU_INVESTED, _eco()) == expected


class TestFiles:
    TEXT = """
[sources.s]
title = "A source"

[sources.all]
title = "The complete list"

[[organisations]]
name = "01.AI"
kind = "company"
complete = { investors = "all" }
sources = ["s"]

[[organisations]]
name = "Baidu"
kind = "company"
sources = ["s"]

[[denials]]
entity = "01.AI"
relation = "investor"
subject = "Baidu"
end = "2024-02"
note = "Baidu said it had not invested."
sources = ["s"]
"""

    def test_complete_and_denials_are_read_and_written(self) -> None:
        """A complete table and a denial survive a round trip through TOML."""
        eco = loads(self.TEXT)

        assert eco.organisation("01.AI").complete.investors == LIST
        assert str(eco.denials[0]) == "Baidu did not invest in 01.AI (… to 2024-02)"
        assert loads(dumps(eco)) == eco

    def test_a_list_an_entry_does_not_hold_is_refused(self) -> None:
        """A person has no investors: saying they are complete is a problem."""
        text = self.TEXT + (
            '\n[[people]]\nname = "Lee"\ncomplete = { investors = "all" }\n'
            'sources = ["s"]\n'
        )

        with pytest.raises(
            DataError, match=r"people\[0\]: Lee', field 'complete'"
        ) as error:
            loads(text)
        assert "it may name roles" in str(error.value)

    def test_complete_written_as_text_is_refused(self) -> None:
        """``complete = "all"`` says which list? It must be a table."""
        text = self.TEXT.replace('complete = { investors = "all" }', 'complete = "all"')

        with pytest.raises(DataError, match="'complete': must be a table"):
            loads(text)

    def test_a_member_denial_names_a_group(self) -> None:
        """Only a group has members, so only a group's membership is denied."""
        denial = Denial("Apple", "member", subject="Baidu", sources=(LIST,))

        with pytest.raises(DataError, match="Apple is a company, not a group"):
            _eco(denial)

    def test_an_unknown_source_in_complete_is_refused(self) -> None:
        """A complete table cites a source by its key, which must be defined."""
        with pytest.raises(DataError, match="unknown source 'nowhere'"):
            loads(self.TEXT.replace('investors = "all"', 'investors = "nowhere"'))

    def test_exact_is_read_from_a_claims_file(self) -> None:
        """``exact = true`` is read; a string is refused."""
        text = """
format_version = 2
[sources.article]
title = "An article"
[[claims]]
id = "c"
quote = "q"
restatement = "r"
source = "article"
check = { kind = "role", person = "Kai-Fu Lee", organisation = "Apple", exact = %s }
"""
        (claim,) = loads_claims(text % "true", _eco())

        assert isinstance(claim.check, RoleCheck)
        assert claim.check.exact is True
        with pytest.raises(DataError, match="expected true or false"):
            loads_claims(text % '"yes"', _eco())


# -- the property: a fact added to an open list never makes a refutation ----------

_ORGANISATIONS = ("Alpha", "Beta", "Gamma")
_YEARS = st.integers(2015, 2024)


def _period(years: tuple[int, int] | None) -> Period | None:
    if years is None:
        return None
    return Period(PartialDate(min(years)), PartialDate(max(years)))


@st.composite
def _checks(draw: st.DrawFn) -> Check:
    members = tuple(
        draw(
            st.lists(
                st.sampled_from(_ORGANISATIONS), min_size=1, max_size=3, unique=True
            )
        )
    )
    quantifier: Literal["all", "any"] = draw(st.sampled_from(("all", "any")))
    exact = draw(st.booleans())
    during = _period(draw(st.none() | st.tuples(_YEARS, _YEARS)))
    organisation = draw(st.sampled_from(_ORGANISATIONS))
    checks: list[Check] = [
        MembershipCheck(
            members=members,
            investors_of="Target",
            quantifier=quantifier,
            exact=exact,
        ),
        MembershipCheck(
            members=members, group="Group", quantifier=quantifier, exact=exact
        ),
        RoleCheck("Person", organisation, during=during, exact=exact),
        ExistenceCheck(
            "model",
            developer=organisation,
            openness=draw(st.sampled_from([(), ("open-weights",)])),
            within=during,
            exact=exact,
        ),
    ]
    return draw(st.sampled_from(checks))


@attrs.frozen
class _World:
    """A small knowledge base: which of its lists are complete, and one denial."""

    roles: list[tuple[str, int, int]]
    investors: list[str]
    closed: frozenset[str]
    """The complete lists: investors, members, roles, and "models of NAME"."""
    denial: Denial | None

    def build(self) -> Ecosystem:
        def complete(key: str, **lists: Source) -> Complete:
            return Complete(**lists) if key in self.closed else Complete()

        return Ecosystem(
            organisations=(
                organisation("Target", complete=complete("investors", investors=LIST)),
                *(
                    organisation(
                        name, complete=complete(f"models of {name}", models=LIST)
                    )
                    for name in _ORGANISATIONS
                ),
                organisation(
                    "Alpha Lab",
                    "research-lab",
                    parent="Alpha",
                    complete=complete("models of Alpha Lab", models=LIST),
                ),
                organisation(
                    "Group",
                    "group",
                    members=("Beta",),
                    complete=complete("members", members=LIST),
                ),
            ),
            people=(
                Person(
                    "Person",
                    roles=tuple(
                        Role(
                            "staff",
                            name,
                            start=PartialDate(start),
                            end=PartialDate(end),
                        )
                        for name, start, end in self.roles
                    ),
                    complete=complete("roles", roles=LIST),
                    sources=(SOURCE,),
                ),
            ),
            rounds=(
                FundingRound(
                    "Target",
                    PartialDate(2020),
                    "seed",
                    investors=tuple(self.investors),
                    sources=(SOURCE,),
                ),
            ),
            denials=() if self.denial is None else (self.denial,),
        )


_LISTS = (
    "investors",
    "members",
    "roles",
    *(f"models of {name}" for name in (*_ORGANISATIONS, "Alpha Lab")),
)


@st.composite
def _worlds(draw: st.DrawFn) -> _World:
    denial = draw(
        st.none()
        | st.builds(
            Denial,
            st.just("Target"),
            st.just("investor"),
            subject=st.sampled_from(_ORGANISATIONS),
            sources=st.just((LIST,)),
        )
        | st.builds(
            Denial,
            st.sampled_from(_ORGANISATIONS),
            st.just("model"),
            end=st.builds(PartialDate, _YEARS),
            sources=st.just((LIST,)),
        )
    )
    return _World(
        draw(_ROLES),
        draw(st.lists(st.sampled_from(_ORGANISATIONS), max_size=2, unique=True)),
        frozenset(draw(st.lists(st.sampled_from(_LISTS), max_size=3))),
        denial,
    )


@st.composite
def _facts(draw: st.DrawFn) -> tuple[str, object]:
    """A recorded fact, with the list it is added to."""
    name = draw(st.sampled_from((*_ORGANISATIONS, "Alpha Lab")))
    year = draw(_YEARS)
    return draw(
        st.sampled_from(
            [
                (
                    "investors",
                    FundingRound(
                        "Target",
                        PartialDate(year),
                        "seed",
                        investors=(name,),
                        sources=(SOURCE,),
                    ),
                ),
                (
                    f"models of {name}",
                    ModelSpec(
                        f"Model {year}",
                        developers=(name,),
                        released=PartialDate(year),
                        openness=draw(st.sampled_from(("open-weights", "api-only"))),
                        sources=(SOURCE,),
                    ),
                ),
                (
                    "roles",
                    Role("staff", name, start=PartialDate(year), end=PartialDate(year)),
                ),
                ("members", name),
            ]
        )
    )


_ROLES = st.lists(
    st.tuples(st.sampled_from(_ORGANISATIONS), _YEARS, _YEARS).map(
        lambda role: (role[0], min(role[1:]), max(role[1:]))
    ),
    max_size=2,
)


def _added(eco: Ecosystem, fact: object) -> Ecosystem:
    if isinstance(fact, Role):
        person = eco.person("Person")
        return eco.replace(person, attrs.evolve(person, roles=(*person.roles, fact)))
    if isinstance(fact, str):
        group = eco.organisation("Group")
        members = tuple(dict.fromkeys((*group.members, fact)))
        return eco.replace(group, attrs.evolve(group, members=members))
    return eco.add(fact)  # type: ignore[arg-type]


@given(world=_worlds(), claim=_checks(), fact=_facts())
def test_a_fact_added_to_an_open_list_never_refutes(
    world: _World, claim: Check, fact: tuple[str, object]
) -> None:
    """A recorded fact added to an open list never turns a verdict into REFUTED.

    The knowledge base may hold complete lists and a denial; the fact goes to
    a list that is open (for a model, its developer's and every organisation
    it is part of).
    """
    listed, added = fact
    touched = {listed}
    if listed == "models of Alpha Lab":
        touched.add("models of Alpha")
    assume(not touched & world.closed)
    try:
        eco = world.build()
        changed = _added(eco, added)
    except DataError:
        assume(False)  # the denial says the fact did not happen
        raise

    before, _ = verdict_of(claim, eco)
    after, why = verdict_of(claim, changed)

    assert before is Verdict.REFUTED or after is not Verdict.REFUTED, why


@given(
    roles=_ROLES, investors=st.lists(st.sampled_from(_ORGANISATIONS)), claim=_checks()
)
def test_without_a_complete_list_or_a_denial_nothing_is_refuted(
    roles: list[tuple[str, int, int]], investors: list[str], claim: Check
) -> None:
    """Whatever the recorded facts, an open list never refutes these checks."""
    world = _World(roles, list(dict.fromkeys(investors)), frozenset(), None)

    verdict, why = verdict_of(claim, world.build())

    assert verdict is not Verdict.REFUTED, why
