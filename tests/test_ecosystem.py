"""The Ecosystem: look-ups, queries, totals, changed copies, validation."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest

import aiecosys
from aiecosys import (
    ConversionPolicy,
    DataError,
    Ecosystem,
    Estimate,
    FundingRound,
    ModelSpec,
    Money,
    Organisation,
    PartialDate,
    Person,
    Role,
    Source,
    Status,
    UnknownEntityError,
    normalise_name,
    parameters,
)


SMALL = Path(__file__).parent / "data" / "small.toml"
SOURCE = (Source("s", title="A source"),)


@pytest.fixture(scope="module")
def eco() -> Ecosystem:
    return aiecosys.load(SMALL)


class TestLookups:
    @pytest.mark.parametrize("name", ["mistral ai", "MISTRAL AI", "  Mistral   AI "])
    def test_case_and_spaces_do_not_matter(self, eco: Ecosystem, name: str) -> None:
        """Names are found whatever their case and spacing."""
        assert "Mistral AI" == eco.organisation(name).name

    def test_aliases_and_scripts(self, eco: Ecosystem) -> None:
        """Aliases in other scripts find the same organisation and person."""
        assert ("01.AI", "Kai-Fu Lee") == (
            eco.organisation("零一万物").name,
            eco.person("李开复").name,
        )

    def test_accents_do_not_matter(self) -> None:
        """'Saadé' and 'saade' name the same person."""
        eco = Ecosystem(people=(Person("Rodolphe Saadé", sources=SOURCE),))

        assert "Rodolphe Saadé" == eco.person("RODOLPHE SAADE").name
        assert "rodolphe saade" == normalise_name("Rodolphe  Saadé")

    def test_unknown_name_suggests_the_closest(self, eco: Ecosystem) -> None:
        """An unknown name raises UnknownEntityError with a suggestion."""
        with pytest.raises(UnknownEntityError, match="did you mean 'Mistral AI'"):
            eco.organisation("Mistal AI")

    def test_model(self, eco: Ecosystem) -> None:
        """Models are found by name in any case."""
        assert "Yi-34B" == eco.model("yi-34b").name


class TestQueries:
    def test_rounds_of(self, eco: Ecosystem) -> None:
        """The rounds of an organisation come earliest first."""
        assert ["seed", "series-a"] == [
            r.kind.value for r in eco.rounds_of("Mistral AI")
        ]

    def test_models_of(self, eco: Ecosystem) -> None:
        """The models of a developer are found through any of its names."""
        assert ["Yi-34B"] == [m.name for m in eco.models_of("零一万物")]

    def test_members_and_groups(self, eco: Ecosystem) -> None:
        """A group's members and an organisation's groups answer each other."""
        assert (["01.AI"], ["BATX"]) == (
            [o.name for o in eco.members_of("batx")],
            [o.name for o in eco.groups_of("01.AI")],
        )

    def test_investments_of(self, eco: Ecosystem) -> None:
        """The rounds an investor joined are found through aliases too."""
        assert 2 == len(eco.investments_of("xavier niel"))
        assert 1 == len(eco.investments_of("Lightspeed"))

    def test_roles_at(self, eco: Ecosystem) -> None:
        """The people who held a role at an organisation are listed with it."""
        assert [("Arthur Mensch", "CEO")] == [
            (person.name, role.title) for person, role in eco.roles_at("Mistral AI")
        ]

    def test_funds_of(self, eco: Ecosystem) -> None:
        """Fund facts are found by firm."""
        assert 1 == len(eco.funds_of("Lightspeed"))

    def test_sources(self, eco: Ecosystem) -> None:
        """Every cited source is listed once, sorted by key."""
        assert ["gpt4-size", "mistral-seed", "mistral-series-a", "zero-one"] == [
            source.key for source in eco.sources
        ]


class TestTotalRaised:
    def test_same_currency_needs_no_conversion(self, eco: Ecosystem) -> None:
        """Amounts already in the currency are added exactly, with no conversion."""
        total = eco.total_raised("Mistral AI", "EUR")

        assert Estimate.exact(Money(490_000_000, "EUR")).low == total.total.low
        assert Status.DISCLOSED is total.total.status
        assert () == total.conversions

    def test_each_at_its_own_date(self, eco: Ecosystem) -> None:
        """By default each amount is converted at its own round's date, recorded."""
        total = eco.total_raised("Mistral AI", "USD")

        assert ConversionPolicy.AT_EACH_DATE is total.policy
        assert [dt.date(2023, 6, 13), dt.date(2023, 12, 11)] == [
            item.converted_on for item in total.items
        ]
        assert [dt.date(2023, 6, 13), dt.date(2023, 12, 11)] == [
            conversion.on for conversion in total.conversions
        ]
        expected = sum(
            (
                Money(a, "EUR").to("USD", on=d)
                for a, d in [
                    (105_000_000, dt.date(2023, 6, 13)),
                    (385_000_000, dt.date(2023, 12, 11)),
                ]
            ),
            start=Money(0, "USD"),
        )
        assert Estimate.exact(expected) == attrs.evolve(total.total, sources=())

    def test_all_at_one_date(self, eco: Ecosystem) -> None:
        """With on=..., every amount is converted at that one date."""
        on = dt.date(2024, 1, 2)

        total = eco.total_raised("Mistral AI", "USD", on=on)

        assert (ConversionPolicy.AT_ONE_DATE, on) == (total.policy, total.on)
        assert {on} == {conversion.on for conversion in total.conversions}
        assert Money(490_000_000, "EUR").to("USD", on=on) == total.total.low

    def test_undisclosed_amount_makes_a_lower_bound(self, eco: Ecosystem) -> None:
        """An undisclosed round makes the total 'at least', never a silent zero."""
        total = eco.total_raised("01.AI", "EUR")

        assert (Money(0, "EUR"), None, Status.UNDISCLOSED) == (
            total.total.low,
            total.total.high,
            total.total.status,
        )
        assert 1 == len(total.undisclosed)

    def test_no_rounds_is_not_zero(self, eco: Ecosystem) -> None:
        """With no recorded round, the total is unbounded above, not zero."""
        total = eco.total_raised("OpenAI")

        assert total.total.high is None
        assert "no funding round is recorded" == total.total.note

    def test_until_and_kinds(self, eco: Ecosystem) -> None:
        """Rounds can be limited by date and kind."""
        assert [Money(105_000_000, "EUR"), Money(385_000_000, "EUR")] == [
            eco.total_raised("Mistral AI", until=dt.date(2023, 7, 1)).total.low,
            eco.total_raised("Mistral AI", kinds=["series-a"]).total.low,
        ]

    def test_round_straddling_until_counts_from_zero(self, eco: Ecosystem) -> None:
        """A round dated only by month, straddling 'until', may or may not count."""
        changed = eco.replace(
            eco.rounds[0], attrs.evolve(eco.rounds[0], announced=PartialDate(2023, 6))
        )

        total = changed.total_raised("Mistral AI", until=dt.date(2023, 6, 15))

        assert (Money(0, "EUR"), Money(105_000_000, "EUR")) == (
            total.total.low,
            total.total.high,
        )
        assert not total.items[0].certainly_included


class TestChangedCopies:
    def test_replace_changes_one_fact(self, eco: Ecosystem) -> None:
        """replace() gives a changed copy and leaves the original alone."""
        seed = eco.rounds_of("Mistral AI")[0]
        bigger = attrs.evolve(seed, amount=Estimate.exact(Money(200_000_000, "EUR")))

        changed = eco.replace(seed, bigger)

        assert Money(585_000_000, "EUR") == changed.total_raised("Mistral AI").total.low
        assert Money(490_000_000, "EUR") == eco.total_raised("Mistral AI").total.low

    def test_add_and_remove(self, eco: Ecosystem) -> None:
        """add() and remove() are inverse."""
        kyutai = Organisation("Kyutai", "non-profit-lab", sources=SOURCE)

        assert eco == eco.add(kyutai).remove(kyutai)

    def test_changed_copies_are_checked(self, eco: Ecosystem) -> None:
        """A changed copy is validated like any ecosystem."""
        with pytest.raises(DataError, match="unknown organisation 'Nowhere'"):
            eco.add(FundingRound("Nowhere", PartialDate(2024), "seed", sources=SOURCE))

    def test_remove_unknown(self, eco: Ecosystem) -> None:
        """Removing what is not there is an error."""
        with pytest.raises(UnknownEntityError):
            eco.remove(Organisation("Kyutai", "non-profit-lab"))


class TestValidation:
    def test_every_problem_listed(self) -> None:
        """One DataError lists every problem, each with its entry and field."""
        with pytest.raises(DataError) as caught:
            Ecosystem(
                organisations=(
                    Organisation("Mistral AI", "company", founded=PartialDate(2023, 4)),
                    Organisation(
                        "Mistral", "company", aliases=("mistral ai",), sources=SOURCE
                    ),
                ),
                people=(
                    Person(
                        "Arthur Mensch",
                        roles=(Role("CEO", "Mistrall AI"),),
                        sources=SOURCE,
                    ),
                ),
                rounds=(
                    FundingRound(
                        "Mistral AI",
                        PartialDate(2022),
                        "seed",
                        investors=("Nobody",),
                        sources=SOURCE,
                    ),
                ),
                models=(
                    ModelSpec(
                        "Mistral 7B",
                        developers=("Mistral AI",),
                        parameters=Estimate.exact(parameters("7.3B")),
                        sources=SOURCE,
                    ),
                ),
            )

        assert [
            ("organisations[1]: Mistral", "aliases"),
            ("organisations[0]: Mistral AI", "sources"),
            ("people[0]: Arthur Mensch", "roles[0].organisation"),
            ("rounds[0]: Mistral AI, 2022", "investors"),
            ("rounds[0]: Mistral AI, 2022", "announced"),
        ] == [(problem.entry, problem.field) for problem in caught.value.problems]

    def test_model_before_developer_is_fine(self) -> None:
        """Entities may be given in any order; references are resolved at the end."""
        eco = Ecosystem(
            models=(ModelSpec("Yi-34B", developers=("01.AI",), sources=SOURCE),),
            organisations=(Organisation("01.AI", "company", sources=SOURCE),),
        )

        assert 1 == len(eco.models_of("01.AI"))

    def test_benchmark_scores_need_sources(self) -> None:
        """A benchmark score must cite where it was published."""
        from decimal import Decimal

        from aiecosys import BenchmarkScore

        with pytest.raises(DataError, match="MMLU score cites no source"):
            Ecosystem(
                models=(
                    ModelSpec(
                        "Yi-34B",
                        benchmarks=(BenchmarkScore("MMLU", Decimal(76)),),
                        sources=SOURCE,
                    ),
                )
            )


class TestNames:
    def test_invisible_characters_do_not_make_a_second_name(self) -> None:
        """A zero-width space, a direction mark or a soft hyphen is the same name."""
        with pytest.raises(DataError, match="already used by 'Mistral AI'") as caught:
            Ecosystem(
                organisations=(
                    Organisation("Mistral AI", "company", sources=SOURCE),
                    Organisation(
                        "Mis\u00adtral\u200b AI\u200f", "company", sources=SOURCE
                    ),
                )
            )

        assert "organisations[1]" in (caught.value.problems[0].entry or "")

    def test_look_ups_ignore_invisible_characters(self, eco: Ecosystem) -> None:
        """A name copied with a zero-width space still finds the organisation."""
        assert "Mistral AI" == eco.organisation("Mistral\u200b AI").name

    def test_a_word_mixing_scripts_is_refused(self) -> None:
        """'Mistrаl' with a Cyrillic 'а' is refused, saying which letter."""
        with pytest.raises(
            DataError, match=r"Latin and Cyrillic letters \(Cyrillic 'а'\)"
        ):
            Ecosystem(
                organisations=(Organisation("Mistrаl AI", "company", sources=SOURCE),)
            )

    def test_names_in_different_scripts_may_sit_side_by_side(self) -> None:
        """A name may hold a word in each script, each spelled in one."""
        eco = Ecosystem(
            organisations=(
                Organisation("Yandex", "company", aliases=("Яндекс",), sources=SOURCE),
            )
        )

        assert "Yandex" == eco.organisation("яндекс").name

    def test_a_look_alike_of_another_name_is_refused(self) -> None:
        """'МЕТА' in Cyrillic letters is not a second organisation beside 'Meta'."""
        with pytest.raises(DataError, match="looks like 'Meta'") as caught:
            Ecosystem(
                organisations=(
                    Organisation("Meta", "company", sources=SOURCE),
                    Organisation("МЕТА", "company", sources=SOURCE),
                )
            )

        assert ("organisations[1]: МЕТА", "name") == (
            caught.value.problems[0].entry,
            caught.value.problems[0].field,
        )

    def test_a_look_alike_reference_gets_the_real_name_as_hint(self) -> None:
        """A round naming 'МЕТА' is told the organisation is 'Meta'."""
        with pytest.raises(
            DataError, match=r"unknown organisation 'МЕТА' \(did you mean 'Meta'\?\)"
        ):
            Ecosystem(
                organisations=(Organisation("Meta", "company", sources=SOURCE),),
                rounds=(
                    FundingRound("МЕТА", PartialDate(2020), "seed", sources=SOURCE),
                ),
            )

    def test_hints_are_capped(self) -> None:
        """Past MAX_HINTS unknown names, problems say no hint is given, and why."""
        from aiecosys._ecosystem import MAX_HINTS

        organisations = tuple(
            Organisation(f"Company {n}", "company", sources=SOURCE) for n in range(300)
        )
        rounds = tuple(
            FundingRound(f"Compnay {n}", PartialDate(2020), "seed", sources=SOURCE)
            for n in range(MAX_HINTS + 10)
        )

        with pytest.raises(DataError) as caught:
            Ecosystem(organisations=organisations, rounds=rounds)

        messages = [problem.message for problem in caught.value.problems]
        assert "did you mean 'Company 0'?" in messages[0]
        assert "did you mean 'Company 49'?" in messages[MAX_HINTS - 1]
        assert f"only the first {MAX_HINTS} unknown names get a hint" in messages[-1]


class TestDuplicates:
    def test_the_same_entity_twice_is_refused(self) -> None:
        """One organisation given twice would dump a file that does not load."""
        kyutai = Organisation(
            "Kyutai", "non-profit-lab", aliases=("K",), sources=SOURCE
        )

        with pytest.raises(DataError) as caught:
            Ecosystem(organisations=(kyutai, kyutai))

        (problem,) = caught.value.problems
        assert problem.entry == "organisations[1]: Kyutai"
        assert "listed twice" in problem.message

    def test_two_sources_under_one_key_are_refused(self) -> None:
        """A file could not tell two sources under one key apart."""
        first, second = Source("k", title="First"), Source("k", title="Second")

        with pytest.raises(DataError, match="the source key 'k' names two") as caught:
            Ecosystem(
                organisations=(
                    Organisation("Kyutai", "non-profit-lab", sources=(first,)),
                    Organisation("Mistral AI", "company", sources=(second,)),
                )
            )

        (problem,) = caught.value.problems
        assert ("organisations[1]: Mistral AI", "sources") == (
            problem.entry,
            problem.field,
        )


def test_totals_do_not_depend_on_the_decimal_context(eco: Ecosystem) -> None:
    """A caller's three-digit context changes neither a total nor its conversions."""
    import decimal

    expected = eco.total_raised("Mistral AI", "USD")
    with decimal.localcontext(prec=3, rounding=decimal.ROUND_FLOOR):
        again = eco.total_raised("Mistral AI", "USD")

    assert expected == again


def test_a_very_long_unknown_name_gets_no_hint() -> None:
    """A name far longer than any real one is reported without a costly hint."""
    with pytest.raises(UnknownEntityError) as caught:
        Ecosystem().organisation("Mistral " * 100_000)

    assert "did you mean" not in str(caught.value)
