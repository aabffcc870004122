"""Claims: every check kind, verdicts that follow the facts, and claims files."""

from __future__ import annotations

import datetime as dt
import decimal
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from aiecosys import (
    AttributeCheck,
    BenchmarkCheck,
    BenchmarkScore,
    Claim,
    Complete,
    DataError,
    DateCheck,
    Ecosystem,
    Estimate,
    Event,
    EventOf,
    ExistenceCheck,
    FundFact,
    FundingRound,
    Measure,
    MembershipCheck,
    ModelSpec,
    Money,
    Office,
    OrderingCheck,
    Organisation,
    PartialDate,
    Period,
    Person,
    RatioCheck,
    RelativeDate,
    Role,
    RoleCheck,
    Source,
    Status,
    Tolerance,
    ValueCheck,
    Verdict,
    check,
    check_all,
    load_claims,
    load_with_claims,
    loads_claims,
    parameters,
)
from aiecosys.claims import Check, Context
from tests.kinds_support import evaluate


S = (Source("s", title="A source"),)
ARTICLE = Source(
    "article",
    title="Kai-Fu Lee, architecte d'un futur ouvert",
    publisher="The Conversation",
    published=PartialDate(2024, 2),
)
TEN_PERCENT = Tolerance.relative("0.1")


def _organisation(name: str, kind: str = "company", **fields: object) -> Organisation:
    return Organisation(name, kind, sources=S, **fields)  # type: ignore[arg-type]


def _eco() -> Ecosystem:
    return Ecosystem(
        organisations=(
            _organisation(
                "Sinovation Ventures",
                "venture-capital-firm",
                founded=PartialDate(2009, 9, 7),
                offices=(Office("Silicon Valley", closed=PartialDate(2019)),),
            ),
            _organisation(
                "01.AI", founded=PartialDate(2023, 3), complete=Complete(investors=S[0])
            ),
            *(_organisation(n) for n in ("Baidu", "Alibaba", "Tencent", "Xiaomi")),
            _organisation(
                "BATX",
                "group",
                members=("Baidu", "Alibaba", "Tencent", "Xiaomi"),
                complete=Complete(members=S[0]),
            ),
            _organisation("Mistral AI", founded=PartialDate(2023, 4)),
            _organisation(
                "Kyutai",
                "non-profit-lab",
                founded=PartialDate(2023, 11),
                complete=Complete(models=S[0]),
            ),
            _organisation("OpenAI"),
            _organisation("Google China", "corporate-division"),
        ),
        people=(
            Person(
                "Kai-Fu Lee",
                nationality="TW",
                roles=(
                    Role(
                        "president",
                        "Google China",
                        start=PartialDate(2005, 7),
                        end=PartialDate(2009, 9),
                    ),
                    Role("founder", "Sinovation Ventures", start=PartialDate(2009)),
                ),
                complete=Complete(roles=S[0]),
                sources=S,
            ),
        ),
        rounds=(
            FundingRound(
                "Mistral AI",
                PartialDate(2023, 6, 13),
                "seed",
                amount=Estimate.exact(Money(105_000_000, "EUR")),
                sources=S,
            ),
            FundingRound(
                "Mistral AI",
                PartialDate(2023, 12, 11),
                "series-a",
                amount=Estimate.exact(Money(385_000_000, "EUR")),
                valuation=Estimate.exact(
                    Money(2_000_000_000, "USD"), status=Status.REPORTED
                ),
                sources=S,
            ),
            FundingRound(
                "Kyutai",
                PartialDate(2023, 11, 17),
                "donation",
                amount=Estimate.exact(Money(300_000_000, "EUR")),
                sources=S,
            ),
            FundingRound(
                "01.AI",
                PartialDate(2023, 11),
                "undisclosed",
                investors=("Alibaba", "Sinovation Ventures"),
                sources=S,
            ),
        ),
        funds=(
            FundFact(
                "Sinovation Ventures",
                PartialDate(2024),
                assets_under_management=Estimate.exact(Money(3_000_000_000, "USD")),
                portfolio_size=Estimate.exact(400),
                sources=S,
            ),
        ),
        models=(
            ModelSpec(
                "Yi-34B",
                developers=("01.AI",),
                family="Yi",
                released=PartialDate(2023, 11, 2),
                parameters=Estimate.exact(parameters("34B")),
                openness="open-weights",
                benchmarks=(
                    BenchmarkScore("MMLU", Decimal("76.3"), sources=S),
                    BenchmarkScore("AlpacaEval", Decimal("94.08"), sources=S),
                ),
                sources=S,
            ),
            ModelSpec(
                "GPT-4",
                developers=("OpenAI",),
                released=PartialDate(2023, 3, 14),
                parameters=Estimate.between(
                    parameters("1T"), parameters("1.8T"), status=Status.REPORTED
                ),
                openness="api-only",
                benchmarks=(
                    BenchmarkScore("MMLU", Decimal("86.4"), sources=S),
                    BenchmarkScore("AlpacaEval", Decimal("95.28"), sources=S),
                ),
                sources=S,
            ),
        ),
    )


ECO = _eco()


def _claim(check_: Check, claim_id: str = "c") -> Claim:
    return Claim(claim_id, "citation", "A claim.", ARTICLE, check_)


def _verdict(check_: Check, eco: Ecosystem = ECO) -> Verdict:
    return check(_claim(check_), eco).verdict


def _swap(eco: Ecosystem, old: object, **changes: object) -> Ecosystem:
    return eco.replace(old, attrs.evolve(old, **changes))  # type: ignore[arg-type, misc]


def _model(name: str) -> ModelSpec:
    return ECO.model(name)


def _round(kind: str) -> FundingRound:
    return next(r for r in ECO.rounds if r.kind.value == kind)


class TestValue:
    def test_a_disclosed_size(self) -> None:
        """Yi-34B has 34 billion parameters."""
        value = ValueCheck(Measure("Yi-34B", "parameters"), parameters("34B"))

        assert Verdict.SUPPORTED is _verdict(value)

    def test_changing_the_fact_changes_the_verdict(self) -> None:
        """If Yi had 6B parameters, the claim would be refuted."""
        value = ValueCheck(Measure("Yi-34B", "parameters"), parameters("34B"))
        changed = _swap(
            ECO, _model("Yi-34B"), parameters=Estimate.exact(parameters("6B"))
        )

        assert Verdict.REFUTED is _verdict(value, changed)

    def test_an_undisclosed_amount(self) -> None:
        """01.AI's undisclosed round leaves "some 200 million dollars" open."""
        value = ValueCheck(
            Measure("01.AI", "total_raised", at=PartialDate(2023, 12)),
            Money(200_000_000, "USD"),
            tolerance=Tolerance.relative("0.2"),
        )
        evaluation = check(_claim(value), ECO)

        assert Verdict.NOT_ENOUGH_INFO is evaluation.verdict
        assert "undisclosed" in evaluation.evidence[0].value

    def test_a_tolerance_and_a_conversion(self) -> None:
        """A valuation of 2B USD is "about 1.8B EUR", converted on a stated date."""
        value = ValueCheck(
            Measure("Mistral AI", "valuation", round="series-a"),
            Money(1_850_000_000, "EUR"),
            tolerance=Tolerance.relative("0.05"),
            on=dt.date(2023, 12, 11),
        )
        evaluation = check(_claim(value), ECO)

        assert Verdict.SUPPORTED is evaluation.verdict
        assert [dt.date(2023, 12, 11)] == [c.on for c in evaluation.conversions]
        assert "reported, not disclosed" in evaluation.explanation

    def test_a_count_as_of_a_date(self) -> None:
        """Sinovation's portfolio counts 400 companies in 2024."""
        value = ValueCheck(
            Measure("Sinovation Ventures", "portfolio_size", at=PartialDate(2024)),
            Decimal(400),
        )
        changed = _swap(ECO, ECO.funds[0], portfolio_size=Estimate.exact(350))

        assert (Verdict.SUPPORTED, Verdict.REFUTED) == (
            _verdict(value),
            _verdict(value, changed),
        )

    def test_a_missing_round(self) -> None:
        """A round that is not recorded is a missing fact, not a refutation."""
        value = ValueCheck(
            Measure("Kyutai", "amount", round="series-b"), Money(1, "EUR")
        )
        evaluation = check(_claim(value), ECO)

        assert Verdict.NOT_ENOUGH_INFO is evaluation.verdict
        assert "no round of Kyutai matches" in evaluation.explanation


class TestRatio:
    HALF = RatioCheck(
        Measure("Yi-34B", "parameters"),
        Measure("GPT-4", "parameters"),
        "0.5",
        tolerance=TEN_PERCENT,
    )

    def test_half_of_gpt4_is_refuted_though_its_size_is_unknown(self) -> None:
        """The acceptance example: all estimates put the ratio far below."""
        evaluation = check(_claim(self.HALF), ECO)

        assert Verdict.REFUTED is evaluation.verdict
        assert ["Yi-34B: parameters", "GPT-4: parameters"] == [
            e.label for e in evaluation.evidence
        ]
        assert "The ratio is 0.019 to 0.034" in evaluation.explanation

    def test_an_unknown_size_leaves_it_open(self) -> None:
        """If GPT-4's size were wholly unknown, nothing could be said."""
        changed = _swap(ECO, _model("GPT-4"), parameters=Estimate.unknown())

        assert Verdict.NOT_ENOUGH_INFO is _verdict(self.HALF, changed)

    def test_a_size_that_makes_it_true(self) -> None:
        """If GPT-4 had 68 billion parameters, "half" would hold."""
        changed = _swap(
            ECO, _model("GPT-4"), parameters=Estimate.exact(parameters("68B"))
        )

        assert Verdict.SUPPORTED is _verdict(self.HALF, changed)


class TestOrdering:
    GREATER = OrderingCheck(
        (Measure("Mistral AI", "total_raised"), Measure("Kyutai", "total_raised")),
        (Measure("01.AI", "total_raised"),),
        "greater",
        currency="EUR",
        on=dt.date(2024, 2, 1),
    )

    def test_an_undisclosed_total_leaves_it_open(self) -> None:
        """01.AI's undisclosed funding may be anything, so nothing can be said."""
        evaluation = check(_claim(self.GREATER), ECO)

        assert Verdict.NOT_ENOUGH_INFO is evaluation.verdict
        assert "cannot tell" in evaluation.explanation

    def test_a_disclosed_total_settles_it(self) -> None:
        """With 01.AI's round at 200M USD, 790M EUR is more, converted on one date."""
        changed = _swap(
            ECO,
            _round("undisclosed"),
            amount=Estimate.exact(Money(200_000_000, "USD")),
        )
        evaluation = check(_claim(self.GREATER), changed)

        assert Verdict.SUPPORTED is evaluation.verdict
        assert {dt.date(2024, 2, 1)} == {c.on for c in evaluation.conversions}

    def test_a_larger_total_refutes_it(self) -> None:
        """With 01.AI's round at 1B USD, the claim is refuted."""
        changed = _swap(
            ECO,
            _round("undisclosed"),
            amount=Estimate.exact(Money(1_000_000_000, "USD")),
        )

        assert Verdict.REFUTED is _verdict(self.GREATER, changed)


class TestDate:
    def test_a_year(self) -> None:
        """Sinovation was launched in 2009, not 2010."""
        event = Measure("Sinovation Ventures", "founded")

        assert (Verdict.SUPPORTED, Verdict.REFUTED) == (
            _verdict(DateCheck(event, PartialDate(2009))),
            _verdict(DateCheck(event, PartialDate(2010))),
        )

    def test_last_june_is_resolved_against_the_publication(self) -> None:
        """Published in February 2024, "last June" is June 2023."""
        founded = DateCheck(Measure("01.AI", "founded"), RelativeDate("last June"))
        changed = _swap(ECO, ECO.organisation("01.AI"), founded=PartialDate(2023, 6))
        evaluation = check(_claim(founded), changed)

        assert Verdict.SUPPORTED is evaluation.verdict
        assert '"last June", that is 2023-06' in evaluation.explanation
        assert Verdict.REFUTED is _verdict(founded)

    @pytest.mark.parametrize(
        ("phrase", "resolved"),
        [
            ("last June", "2023-06"),
            ("in February", "2023-02 to 2024-02"),
            ("end of last year", "2023-10 to 2023-12"),
            ("this year", "2024"),
        ],
    )
    def test_a_relative_date_in_a_text_of_unknown_date_is_a_range(
        self, phrase: str, resolved: str
    ) -> None:
        """Against January to March 2024, a relative date is every date it may be."""
        published = Period(PartialDate(2024, 1), PartialDate(2024, 3))

        assert resolved == str(RelativeDate(phrase).resolve(published))

    @pytest.mark.parametrize("month", range(1, 13))
    def test_every_month_is_read_by_its_english_name(self, month: int) -> None:
        """ "last <month>" and "in <month>" name each month, by its English name."""
        name = dt.date(2024, month, 1).strftime("%B")  # the C locale's: English
        published = PartialDate(2024, 12)

        for phrase in (f"last {name}", f"in {name.lower()}"):
            resolved = RelativeDate(phrase).resolve(published)
            assert str(resolved).endswith(f"-{month:02d}"), phrase

    def test_an_open_range_resolves_nothing(self) -> None:
        """A range with no latest date gives no date: a ValueError saying so."""
        with pytest.raises(ValueError, match="without both ends"):
            RelativeDate("last June").resolve(Period(PartialDate(2024, 1), None))

    def test_a_date_too_coarse_to_tell(self) -> None:
        """Founded "in 2023" may or may not be "in June 2023"."""
        founded = DateCheck(Measure("01.AI", "founded"), PartialDate(2023, 6))
        changed = _swap(ECO, ECO.organisation("01.AI"), founded=PartialDate(2023))

        assert Verdict.NOT_ENOUGH_INFO is _verdict(founded, changed)

    def test_an_office_closed(self) -> None:
        """Sinovation closed its Silicon Valley office in 2019."""
        closed = DateCheck(
            Measure("Sinovation Ventures", "office_closed", office="Silicon Valley"),
            PartialDate(2019),
        )
        sinovation = ECO.organisation("Sinovation Ventures")
        changed = _swap(
            ECO,
            sinovation,
            offices=(Office("Silicon Valley", closed=PartialDate(2020)),),
        )

        assert (Verdict.SUPPORTED, Verdict.REFUTED) == (
            _verdict(closed),
            _verdict(closed, changed),
        )

    LAUNCHED = DateCheck(
        EventOf("01.AI", word="lancé", lang="fr"), PartialDate(2023, 6)
    )

    def test_recording_when_operations_started_settles_a_launch(self) -> None:
        """With the start of operations recorded, "launched in June" holds."""
        zero_one = ECO.organisation("01.AI")
        started = Event("operations-started", PartialDate(2023, 6), sources=S)
        changed = _swap(ECO, zero_one, events=(started,))

        assert (Verdict.NOT_ENOUGH_INFO, Verdict.SUPPORTED) == (
            _verdict(self.LAUNCHED),
            _verdict(self.LAUNCHED, changed),
        )

    def test_disagreeing_readings_are_each_shown(self) -> None:
        """The natural reading decides; the announcement, which disagrees, is shown."""
        zero_one = ECO.organisation("01.AI")
        started = Event("operations-started", PartialDate(2023, 6), sources=S)
        evaluation = check(
            _claim(self.LAUNCHED), _swap(ECO, zero_one, events=(started,))
        )

        assert Verdict.SUPPORTED is evaluation.verdict
        assert (
            "read as operations started (2023-06): SUPPORTED; read as launched or "
            "unveiled: not recorded (NOT_ENOUGH_INFO); read as announced (2023-03): "
            "REFUTED" in evaluation.explanation
        )
        assert "read as announced, the verdict would differ" in evaluation.explanation
        assert ["01.AI: operations started", "01.AI: announced"] == [
            item.label for item in evaluation.evidence
        ]

    def test_an_unrecorded_natural_reading_is_not_enough_info(self) -> None:
        """Only the announcement recorded: the launch is unknown, never refuted."""
        evaluation = check(_claim(self.LAUNCHED), ECO)

        assert Verdict.NOT_ENOUGH_INFO is evaluation.verdict
        assert "operations started, is not recorded" in evaluation.explanation
        assert "read as announced (2023-03): REFUTED" in evaluation.explanation

    def test_a_changed_reading_flips_the_verdict(self) -> None:
        """Read as the announcement, the same facts refute what the launch supports."""
        zero_one = ECO.organisation("01.AI")
        started = Event("operations-started", PartialDate(2023, 6), sources=S)
        changed = _swap(ECO, zero_one, events=(started,))
        announced = DateCheck(EventOf("01.AI", "announced"), PartialDate(2023, 6))

        assert (Verdict.SUPPORTED, Verdict.REFUTED) == (
            _verdict(self.LAUNCHED, changed),
            _verdict(announced, changed),
        )

    def test_a_named_event_not_recorded(self) -> None:
        """Naming an event nobody recorded gives NOT_ENOUGH_INFO, saying so."""
        evaluation = check(
            _claim(DateCheck(EventOf("01.AI", "incorporated"), PartialDate(2023))),
            ECO,
        )

        assert Verdict.NOT_ENOUGH_INFO is evaluation.verdict
        assert "01.AI: incorporated is not recorded" in evaluation.explanation

    def test_a_model_launched_is_read_as_released(self) -> None:
        """A model "launched" in January is refuted by its November release."""
        yi = _model("Yi-34B")
        weights = Event("weights-released", PartialDate(2023, 11, 2), sources=S)
        changed = _swap(ECO, yi, events=(weights,))
        launched = DateCheck(EventOf("Yi-34B", word="launched"), PartialDate(2024, 1))
        evaluation = check(_claim(launched), changed)

        assert Verdict.REFUTED is evaluation.verdict
        assert "the recorded readings agree" in evaluation.explanation

    def test_released_reads_the_released_event(self) -> None:
        """A model whose release is recorded as an event is dated by it."""
        yi = _model("Yi-34B")
        november = Event("released", PartialDate(2023, 11, 2), sources=S)
        changed = _swap(ECO, yi, released=None, events=(november,))
        released = DateCheck(Measure("Yi-34B", "released"), PartialDate(2023, 11))

        assert Verdict.SUPPORTED is _verdict(released, changed)

    def test_a_period_of_dates_for_an_event(self) -> None:
        """Incorporated in April or May: "in April" is not settled, "in spring" is."""
        zero_one = ECO.organisation("01.AI")
        spring = Event("incorporated", Period.parse("2023-04 to 2023-05"), sources=S)
        changed = _swap(ECO, zero_one, events=(spring,))
        incorporated = EventOf("01.AI", "incorporated")

        assert (Verdict.NOT_ENOUGH_INFO, Verdict.SUPPORTED) == (
            _verdict(DateCheck(incorporated, PartialDate(2023, 4)), changed),
            _verdict(
                DateCheck(incorporated, Period.parse("2023-03 to 2023-06")), changed
            ),
        )

    def test_the_callers_decimal_context_changes_nothing(self) -> None:
        """A three-digit context gives the same evaluation of a word."""
        first = check(_claim(self.LAUNCHED), ECO)
        with decimal.localcontext() as context:
            context.prec = 3
            second = check(_claim(self.LAUNCHED), ECO)

        assert first == second


class TestMembership:
    def test_a_group_is_exactly_its_members(self) -> None:
        """The BATX are Baidu, Alibaba, Tencent and Xiaomi."""
        batx = MembershipCheck(
            members=("Baidu", "Alibaba", "Tencent", "Xiaomi"),
            group="BATX",
            quantifier="exactly",
        )
        group = ECO.organisation("BATX")
        changed = _swap(ECO, group, members=("Baidu", "Alibaba", "Tencent"))

        assert (Verdict.SUPPORTED, Verdict.REFUTED) == (
            _verdict(batx),
            _verdict(batx, changed),
        )

    def test_investors(self) -> None:
        """Money "from the BATX": only Alibaba is a recorded investor."""
        every = MembershipCheck(members_of="BATX", investors_of="01.AI")
        some = MembershipCheck(
            members_of="BATX", investors_of="01.AI", quantifier="any"
        )

        assert (Verdict.REFUTED, Verdict.SUPPORTED) == (
            _verdict(every),
            _verdict(some),
        )

    def test_an_open_list_of_investors_leaves_it_open(self) -> None:
        """Investors no source gives in full may include any of them."""
        every = MembershipCheck(members_of="BATX", investors_of="01.AI")
        changed = _swap(ECO, ECO.organisation("01.AI"), complete=Complete())

        assert Verdict.NOT_ENOUGH_INFO is _verdict(every, changed)


class TestRole:
    PRESIDENT = RoleCheck(
        "Kai-Fu Lee",
        "Google China",
        titles=("president",),
        during=Period(PartialDate(2006), PartialDate(2008)),
    )

    def test_a_title_during_a_period(self) -> None:
        """Kai-Fu Lee was president of Google China from 2005 to 2009."""
        lee = ECO.person("Kai-Fu Lee")
        changed = _swap(
            ECO, lee, roles=(Role("engineer", "Google China"), *lee.roles[1:])
        )

        assert (Verdict.SUPPORTED, Verdict.REFUTED) == (
            _verdict(self.PRESIDENT),
            _verdict(self.PRESIDENT, changed),
        )

    def test_vague_dates_leave_it_open(self) -> None:
        """A role with no start date may or may not have been held then."""
        lee = ECO.person("Kai-Fu Lee")
        changed = _swap(
            ECO, lee, roles=(Role("president", "Google China"), *lee.roles[1:])
        )

        assert Verdict.NOT_ENOUGH_INFO is _verdict(self.PRESIDENT, changed)

    def test_one_title_of_a_joint_title(self) -> None:
        """A role recorded as "co-founder and president" counts for "president"."""
        lee = ECO.person("Kai-Fu Lee")
        president = lee.roles[0]
        joint = _swap(
            ECO,
            lee,
            roles=(
                attrs.evolve(president, title="co-founder and president"),
                *lee.roles[1:],
            ),
        )
        other = _swap(
            ECO,
            lee,
            roles=(
                attrs.evolve(president, title="co-founder and engineer"),
                *lee.roles[1:],
            ),
        )

        assert (Verdict.SUPPORTED, Verdict.REFUTED) == (
            _verdict(self.PRESIDENT, joint),
            _verdict(self.PRESIDENT, other),
        )


class TestExistence:
    KYUTAI = ExistenceCheck(
        "model",
        developer="Kyutai",
        openness=("open-source", "open-weights"),
        within=Period(None, PartialDate(2024, 2)),
    )

    def test_kyutai_had_no_models_in_early_2024(self) -> None:
        """No open model by Kyutai is recorded by February 2024."""
        evaluation = check(_claim(self.KYUTAI), ECO)

        assert Verdict.REFUTED is evaluation.verdict
        assert (
            "No open-source or open-weights model by Kyutai" in evaluation.explanation
        )

    def test_a_model_makes_it_true(self) -> None:
        """Had Kyutai released an open model in January 2024, the claim would hold."""
        magnet = ModelSpec(
            "MAGNeT",
            developers=("Kyutai",),
            released=PartialDate(2024, 1, 9),
            openness="open-weights",
            sources=S,
        )

        assert Verdict.SUPPORTED is _verdict(self.KYUTAI, ECO.add(magnet))

    def test_a_model_of_unknown_date_leaves_it_open(self) -> None:
        """A model with no release date may or may not have existed yet."""
        moshi = ModelSpec(
            "Moshi", developers=("Kyutai",), openness="open-weights", sources=S
        )

        assert Verdict.NOT_ENOUGH_INFO is _verdict(self.KYUTAI, ECO.add(moshi))


class TestBenchmark:
    def test_comparable_on_all_benchmarks(self) -> None:
        """Yi-34B and GPT-4 are close on AlpacaEval but ten points apart on MMLU."""
        both = BenchmarkCheck(
            "Yi-34B",
            "GPT-4",
            benchmarks=("MMLU", "AlpacaEval"),
            tolerance=Tolerance.absolute(5),
        )
        any_ = attrs.evolve(both, quantifier="any")
        evaluation = check(_claim(both), ECO)

        assert Verdict.REFUTED is evaluation.verdict
        assert "On MMLU, Yi-34B scores 76.3 and GPT-4 86.4" in evaluation.explanation
        assert Verdict.SUPPORTED is _verdict(any_)

    def test_a_better_score_changes_the_verdict(self) -> None:
        """Had Yi-34B scored 84 on MMLU, the two would be comparable."""
        mmlu = BenchmarkCheck(
            "Yi-34B", "GPT-4", benchmarks=("MMLU",), tolerance=Tolerance.absolute(5)
        )
        changed = _swap(
            ECO,
            _model("Yi-34B"),
            benchmarks=(BenchmarkScore("MMLU", Decimal(84), sources=S),),
        )

        assert Verdict.SUPPORTED is _verdict(mmlu, changed)

    def test_a_missing_score(self) -> None:
        """No score on a benchmark: not enough information."""
        missing = BenchmarkCheck(
            "Yi-34B", "GPT-4", benchmarks=("C-Eval",), tolerance=Tolerance.absolute(5)
        )

        assert Verdict.NOT_ENOUGH_INFO is _verdict(missing)


class TestAttribute:
    def test_nationality(self) -> None:
        """Kai-Fu Lee is Taiwanese; had he no recorded nationality, we could not say."""
        taiwanese = AttributeCheck("Kai-Fu Lee", "nationality", ("TW",))
        changed = _swap(ECO, ECO.person("Kai-Fu Lee"), nationality=None)

        assert (Verdict.SUPPORTED, Verdict.NOT_ENOUGH_INFO) == (
            _verdict(taiwanese),
            _verdict(taiwanese, changed),
        )

    def test_openness(self) -> None:
        """Yi is open; GPT-4 is not."""
        open_models = ("open-source", "open-weights")

        assert (Verdict.SUPPORTED, Verdict.REFUTED) == (
            _verdict(AttributeCheck("Yi-34B", "openness", open_models)),
            _verdict(AttributeCheck("GPT-4", "openness", open_models)),
        )


class TestEvaluation:
    def test_verdicts_are_computed_not_stored(self) -> None:
        """The same claim gives another verdict against another ecosystem."""
        claim = _claim(AttributeCheck("Yi-34B", "openness", ("open-weights",)))
        closed = _swap(ECO, _model("Yi-34B"), openness="closed")

        assert [Verdict.SUPPORTED, Verdict.REFUTED] == [
            e.verdict for e in check_all([claim, claim], ECO)[:1]
        ] + [check(claim, closed).verdict]

    def test_an_entity_missing_at_evaluation(self) -> None:
        """A claim about an entity this ecosystem lacks has not enough information."""
        evaluation = check(
            _claim(AttributeCheck("Yi-34B", "openness", ("open-weights",))),
            Ecosystem(),
        )

        assert Verdict.NOT_ENOUGH_INFO is evaluation.verdict
        assert "no model is named 'Yi-34B'" in evaluation.explanation

    def test_evidence_cites_sources(self) -> None:
        """Every fact in the evidence carries its sources."""
        evaluation = check(_claim(TestRatio.HALF), ECO)

        assert all(e.sources == S for e in evaluation.evidence)

    # Checks built in Python skip the checks a claims file gets at load.
    UNKNOWN_CURRENCY = OrderingCheck(
        (Measure("Mistral AI", "total_raised"),),
        (Measure("Kyutai", "total_raised"),),
        "greater",
        currency="XYZ",
    )
    HUGE_RATIO = attrs.evolve(TestRatio.HALF, ratio="1e999999")

    def test_a_check_that_fails_names_its_claim(self) -> None:
        """An error while evaluating is a DataError naming the claim and its check."""
        with pytest.raises(DataError) as caught:
            check(_claim(self.UNKNOWN_CURRENCY, "raised-more"), ECO)

        (problem,) = caught.value.problems
        assert ("raised-more", "check") == (problem.entry, problem.field)
        assert "unknown currency code 'XYZ'" in problem.message
        assert problem.message.endswith("correct the check, or the facts it reads")

    def test_an_arithmetic_failure_names_its_claim(self) -> None:
        """A computation too large for any context is a DataError naming the claim."""
        with pytest.raises(DataError) as caught:
            check(_claim(self.HUGE_RATIO, "huge"), ECO)

        (problem,) = caught.value.problems
        assert ("huge", "check") == (problem.entry, problem.field)
        assert "is out of range" in problem.message

    def test_check_all_names_every_claim_that_fails(self) -> None:
        """One failing claim does not hide the others: each failure is listed by id."""
        good = _claim(TestRatio.HALF, "good")
        claims = [
            good,
            _claim(self.UNKNOWN_CURRENCY, "first"),
            good,
            _claim(self.HUGE_RATIO, "second"),
        ]

        with pytest.raises(DataError) as caught:
            check_all(claims, ECO)

        assert [("first", "check"), ("second", "check")] == [
            (p.entry, p.field) for p in caught.value.problems
        ]

    def test_evaluating_ignores_the_callers_decimal_context(self) -> None:
        """Each check kind's evaluate gives the same outcome under a 2-digit context."""
        context = Context(ECO, ARTICLE.published)
        before = TestRatio.HALF.evaluate(context)

        with decimal.localcontext() as caller:
            caller.prec = 2
            after = TestRatio.HALF.evaluate(context)
            assert 2 == decimal.getcontext().prec

        assert before == after

    def test_a_relative_date_without_a_publication_date(self) -> None:
        """A relative date that cannot be resolved is the claim's error, named by id."""
        claim = Claim(
            "undated",
            "citation",
            "A claim.",
            S[0],
            DateCheck(Measure("Kyutai", "founded"), RelativeDate("last June")),
        )

        with pytest.raises(DataError, match=r"undated.*relative"):
            check(claim, ECO)


CLAIMS = """
[sources.article]
title = "Kai-Fu Lee, architecte d'un futur ouvert"
published = "2024-02"

[[claims]]
id = "yi-half-gpt4"
quote = "soit moitié moins que ChatGPT4"
restatement = "Yi has half as many parameters as GPT-4."
source = "article"

[claims.check]
kind = "ratio"
numerator = { of = "Yi-34B", field = "parameters" }
denominator = { of = "GPT-4", field = "parameters" }
ratio = "0.5"
tolerance = "10%"

[[claims]]
id = "oa-launched-june"
quote = "En juin dernier, Kai-Fu Lee a lancé une nouvelle start-up, 01.AI"
restatement = "In June 2023, Kai-Fu Lee launched 01.AI."
source = "article"

[claims.check]
kind = "date"
event = { of = "01.AI", field = "founded" }
within = "last June"

[[claims]]
id = "kyutai-300m"
quote = "Kyutai a déjà levé 300 millions d’euros"
restatement = "Kyutai has raised EUR 300 million."
source = "article"

[claims.check]
kind = "value"
measure = { of = "Kyutai", field = "total_raised" }
stated = "300000000 EUR"
"""


class TestFiles:
    def test_load(self, tmp_path: Path) -> None:
        """A claims file loads against the ecosystem and its claims evaluate."""
        path = tmp_path / "claims.toml"
        path.write_text(CLAIMS, encoding="utf-8")
        claims = load_claims(path, ECO)

        assert [
            ("yi-half-gpt4", Verdict.REFUTED),
            ("oa-launched-june", Verdict.REFUTED),
            ("kyutai-300m", Verdict.SUPPORTED),
        ] == [(e.claim.id, e.verdict) for e in check_all(claims, ECO)]
        assert RelativeDate("last June") == claims[1].check.within  # type: ignore[union-attr]

    def test_json(self) -> None:
        """JSON files have the same shape."""
        import json
        import tomllib

        text = json.dumps(tomllib.loads(CLAIMS))

        assert loads_claims(CLAIMS, ECO) == loads_claims(text, ECO, format="json")

    def test_every_problem_is_listed_with_the_claim_and_field(self) -> None:
        """Unknown field, unknown entity, incompatible comparison: one error, all."""
        bad = (
            CLAIMS.replace("ratio = ", "ratoi = ")
            .replace('of = "01.AI"', 'of = "01.IA"')
            .replace('stated = "300000000 EUR"', 'stated = "300000000 parameter"')
        )
        with pytest.raises(DataError) as caught:
            loads_claims(bad, ECO, file="claims.toml")

        assert [
            ("yi-half-gpt4", "check.ratoi"),
            ("yi-half-gpt4", "check.ratio"),
            ("oa-launched-june", "check.event.of"),
            ("kyutai-300m", "check.stated"),
        ] == [(p.entry, p.field) for p in caught.value.problems]
        assert {"claims.toml"} == {p.file for p in caught.value.problems}
        assert "compares money (measure) with a quantity of [parameter]" in str(
            caught.value
        )

    def test_unknown_entity(self) -> None:
        """An unknown entity is named, with the closest known one."""
        with pytest.raises(
            DataError, match=r"no model is named 'GPT-5' \(did you mean"
        ):
            loads_claims(CLAIMS.replace('of = "GPT-4"', 'of = "GPT-5"'), ECO)

    def test_relative_dates_need_a_publication_date(self) -> None:
        """ "last June" cannot be resolved without the article's date."""
        with pytest.raises(DataError, match="give the claim's source a publication"):
            loads_claims(CLAIMS.replace('published = "2024-02"\n', ""), ECO)

    def test_duplicate_ids_and_unknown_kinds(self) -> None:
        """An id used twice and an unknown check kind are both reported."""
        bad = CLAIMS.replace('id = "kyutai-300m"', 'id = "yi-half-gpt4"').replace(
            'kind = "date"', 'kind = "when"'
        )
        with pytest.raises(DataError) as caught:
            loads_claims(bad, ECO)

        assert [("oa-launched-june", "check.kind"), ("yi-half-gpt4", "id")] == [
            (p.entry, p.field) for p in caught.value.problems
        ]

    def test_knowledge_base_and_claims_in_one_file(self, tmp_path: Path) -> None:
        """A file may hold both the knowledge base and its claims."""
        path = tmp_path / "both.toml"
        path.write_text(
            CLAIMS.split("[[claims]]", maxsplit=1)[0]
            + """
[[organisations]]
name = "Kyutai"
kind = "non-profit-lab"
sources = ["article"]

[[rounds]]
organisation = "Kyutai"
announced = "2023-11-17"
kind = "donation"
amount = "300000000 EUR"
sources = ["article"]

[[claims]]"""
            + CLAIMS.split("[[claims]]")[3],
            encoding="utf-8",
        )
        eco, claims = load_with_claims(path)

        assert [Verdict.SUPPORTED] == [e.verdict for e in check_all(claims, eco)]


class TestPublishedWithinARange:
    """An article dated only within a range: money converted at both of its ends."""

    ROUND = """
[[rounds]]
organisation = "Mistral AI"
announced = "2023-12-10"
kind = "series-b"
amount = "385000000 EUR"
sources = ["paper"]
"""

    @staticmethod
    def stated(text: str) -> str:
        """A value check of the round's amount, as stated in dollars."""
        return (
            '{ kind = "value", measure = { of = "Mistral AI", field = "amount", '
            f'round = "series-b" }}, stated = "{text}" }}'
        )

    def test_a_verdict_that_turns_on_the_day_is_not_settled(self) -> None:
        """'$415 million' holds at the 8 Dec 2023 rate, not at the 14 Mar 2024 one."""
        on_the_day = evaluate(self.ROUND, self.stated("$415 million"), "2023-12-08")
        in_a_range = evaluate(
            self.ROUND, self.stated("$415 million"), "2023-12-08 to 2024-03-14"
        )

        assert on_the_day.verdict is Verdict.SUPPORTED
        assert in_a_range.verdict is Verdict.NOT_ENOUGH_INFO
        assert in_a_range.explanation.startswith(
            "The article was published between 8 Dec 2023 and 14 Mar 2024, and the "
            "verdict turns on the day money is converted at."
        )
        assert 2 == len(in_a_range.conversions)

    def test_a_verdict_both_days_give_stands(self) -> None:
        """'about $415 million' holds at either end of the range, and says so."""
        evaluation = evaluate(
            self.ROUND, self.stated("about $415 million"), "2023-12-08 to 2024-03-14"
        )

        assert evaluation.verdict is Verdict.SUPPORTED
        assert (
            "The article was published between 8 Dec 2023 and 14 Mar 2024; at the "
            "rates of its last day too (1 EUR = "
        ) in evaluation.explanation
