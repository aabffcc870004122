"""Events: dated, sourced events of organisations and models; the readings of words."""

from __future__ import annotations

import pytest

from aiecosys import (
    Claim,
    DataError,
    DateCheck,
    Ecosystem,
    Event,
    EventKind,
    EventOf,
    ModelSpec,
    Office,
    Organisation,
    ParseError,
    PartialDate,
    Period,
    Source,
    check,
    dumps,
    events_of,
    load_article,
    loads,
    loads_claims,
    readings,
)
from aiecosys.claims import dumps_claims


S = (Source("s", title="A source"),)
BLOOMBERG = Source("bloomberg", title="AI Pioneer Kai-Fu Lee Builds $1 Billion Startup")


@pytest.fixture
def zero_one() -> Organisation:
    """01.AI with its founding date, its start of operations and its incorporation."""
    return Organisation(
        "01.AI",
        "company",
        founded=PartialDate(2023, 3),
        sources=S,
        events=(
            Event("operations-started", PartialDate(2023, 6), sources=(BLOOMBERG,)),
            Event(
                "incorporated",
                Period.parse("2023-04 to 2023-05"),
                note="Sources differ.",
            ),
        ),
    )


@pytest.fixture
def eco(zero_one: Organisation) -> Ecosystem:
    """A knowledge base of 01.AI and one model with its weights' release."""
    yi = ModelSpec(
        "Yi-34B",
        developers=("01.AI",),
        released=PartialDate(2023, 11, 2),
        events=(Event("weights-released", PartialDate(2023, 11, 2), sources=S),),
        sources=S,
    )
    return Ecosystem(organisations=(zero_one,), models=(yi,))


class TestEvent:
    def test_a_kind_may_be_written_as_text(self) -> None:
        """Event("operations-started", ...) holds the enum member."""
        event = Event("operations-started", PartialDate(2023, 6))

        assert event.kind is EventKind.OPERATIONS_STARTED
        assert str(event) == "operations started: 2023-06"

    def test_a_period_with_no_end_dates_nothing(self) -> None:
        """An event at any time at all is refused, saying what to give."""
        with pytest.raises(DataError, match="give its start, its end or both"):
            Event("announced", Period())

    def test_a_date_must_be_a_date(self) -> None:
        """A date as text is refused: parse it first."""
        with pytest.raises(DataError, match="PartialDate or a Period, not str"):
            Event("announced", "2023-06")  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("kind", "message"),
        [
            ("released", "'released' is not an event of an organisation"),
            ("office-opened", "in offices, with its location"),
        ],
    )
    def test_an_organisation_records_only_its_own_events(
        self, kind: str, message: str
    ) -> None:
        """A model's event, or an office's, is refused in an organisation's events."""
        with pytest.raises(DataError, match=message) as error:
            Organisation("01.AI", "company", events=(Event(kind, PartialDate(2023)),))

        assert error.value.problems[0].field == "events[0].kind"

    def test_each_kind_once(self) -> None:
        """Two announcements are refused: record one, with a period if need be."""
        twice = (
            Event("announced", PartialDate(2023, 3)),
            Event("announced", PartialDate(2023, 4)),
        )
        with pytest.raises(DataError, match="gives the announced event twice"):
            Organisation("01.AI", "company", events=twice)

    def test_a_released_event_agrees_with_released(self) -> None:
        """A model cannot be released on two dates."""
        with pytest.raises(DataError, match="differs from released"):
            ModelSpec(
                "Yi-34B",
                released=PartialDate(2023, 11, 2),
                events=(Event("released", PartialDate(2023, 11, 5)),),
            )


class TestEventsOf:
    def test_founded_stands_for_the_announcement(self, zero_one: Organisation) -> None:
        """With no announcement recorded, the founding date is the announcement."""
        (announced,) = events_of(zero_one, EventKind.ANNOUNCED)

        assert announced.date == PartialDate(2023, 3)
        assert announced.sources == S

    def test_a_recorded_event_comes_before_founded(
        self, zero_one: Organisation
    ) -> None:
        """A recorded announcement is read, not the founding date."""
        recorded = Event("announced", PartialDate(2023, 3, 19))
        changed = Organisation(
            "01.AI", "company", founded=zero_one.founded, events=(recorded,)
        )

        assert events_of(changed, EventKind.ANNOUNCED) == (recorded,)

    def test_released_stands_for_the_release(self, eco: Ecosystem) -> None:
        """A model's released date is its released event, with its sources."""
        (released,) = events_of(eco.model("Yi-34B"), EventKind.RELEASED)

        assert (released.date, released.sources) == (PartialDate(2023, 11, 2), S)

    def test_offices_give_their_openings(self) -> None:
        """Each office opened is an event, named by its location."""
        firm = Organisation(
            "Sinovation Ventures",
            "venture-capital-firm",
            offices=(
                Office("Beijing", opened=PartialDate(2009)),
                Office("Silicon Valley", opened=PartialDate(2013), sources=S),
            ),
        )

        assert [
            (str(e.date), e.note) for e in events_of(firm, EventKind.OFFICE_OPENED)
        ] == [
            ("2009", "Beijing"),
            ("2013", "Silicon Valley"),
        ]

    def test_an_unrecorded_event_is_none(self, zero_one: Organisation) -> None:
        """Nothing recorded, nothing invented."""
        assert events_of(zero_one, EventKind.DISSOLVED) == ()


class TestReadings:
    @pytest.mark.parametrize(
        ("word", "lang"), [("launched", None), ("Lancé", "fr"), ("LANCEE", "fr-FR")]
    )
    def test_launched_is_read_as_operations_started(
        self, word: str, lang: str | None
    ) -> None:
        """In English and French, any case, with or without accents."""
        found = readings(word, "organisation", lang)

        assert found.natural is EventKind.OPERATIONS_STARTED
        assert EventKind.ANNOUNCED in found.others
        assert found.word == word

    def test_a_model_launched_is_released(self) -> None:
        """The same word reads differently of a model."""
        assert readings("lancé", "model").natural is EventKind.RELEASED

    def test_founded_and_created_have_several_readings(self) -> None:
        """Founded, fondée, created, créée: incorporated first, announced also."""
        for word in ("founded", "fondée", "created", "créée"):
            found = readings(word, "organisation")
            assert found.all[:2] == (EventKind.INCORPORATED, EventKind.ANNOUNCED)

    def test_an_unknown_word_lists_the_known_ones(self) -> None:
        """A word with no readings is refused, naming the words and the events."""
        with pytest.raises(ParseError, match="no readings of 'baptised'") as error:
            readings("baptised", "organisation")

        assert "launched" in str(error.value)
        assert "operations-started" in str(error.value)

    def test_a_long_text_is_refused_naming_the_bound(self) -> None:
        """A word of a million characters is refused at once, saying the limit."""
        with pytest.raises(ParseError, match="has at most 40"):
            readings("launched" * 125_000, "organisation")

    def test_an_unknown_subject_is_refused(self) -> None:
        """Words are said of an organisation or a model, nothing else."""
        with pytest.raises(ParseError, match="'organisation' or 'model'"):
            readings("launched", "person")  # type: ignore[arg-type]

    def test_a_word_in_the_wrong_language(self) -> None:
        """ "lancé" is French: asked for in English, it has no readings."""
        with pytest.raises(ParseError, match="in 'en'"):
            readings("lancé", "organisation", "en")


class TestFiles:
    def test_events_round_trip(self, eco: Ecosystem) -> None:
        """Events, a period and notes included, are written and read back equal."""
        text = dumps(eco)

        assert 'date = "2023-04 to 2023-05"' in text
        assert loads(text) == eco
        assert loads(dumps(eco, format="json"), format="json") == eco

    def test_event_sources_are_written(self, eco: Ecosystem) -> None:
        """An event's own source is among the knowledge base's sources."""
        assert BLOOMBERG in eco.sources
        assert "[sources.bloomberg]" in dumps(eco)

    def test_a_file_without_events_loads_unchanged(self) -> None:
        """Older files, with founded alone, load as before."""
        eco = loads(
            'format_version = 1\n[sources.s]\ntitle = "A source"\n'
            '[[organisations]]\nname = "Kyutai"\nkind = "non-profit-lab"\n'
            'founded = "2023-11-17"\nsources = ["s"]\n'
        )

        assert eco.organisation("Kyutai").events == ()

    @pytest.mark.parametrize(
        ("event", "field", "message"),
        [
            (
                'kind = "bogus"\ndate = "2023"',
                "events[0].kind",
                "'bogus' is not one of",
            ),
            ('kind = "announced"\ndate = "2024 to 2023"', "events[0].date.end", "ends"),
            ('kind = "announced"\ndate = "… to …"', "events[0].date", "start"),
            ('kind = "released"\ndate = "2023"', "events[0].kind", "not an event"),
        ],
    )
    def test_a_bad_event_names_its_field(
        self, event: str, field: str, message: str
    ) -> None:
        """A bad event in a file names the entry, the event and the field."""
        text = (
            'format_version = 1\n[[organisations]]\nname = "01.AI"\nkind = "company"\n'
            f"[[organisations.events]]\n{event}\n"
        )
        with pytest.raises(DataError, match=message) as error:
            loads(text, file="kb.toml")

        (problem,) = error.value.problems
        assert (problem.file, problem.field) == ("kb.toml", field)


class TestClaimsFiles:
    CLAIM = (
        'format_version = 2\n[sources.a]\ntitle = "A"\npublished = "2024-02"\n'
        '[[claims]]\nid = "x"\nquote = "q"\nrestatement = "r"\nsource = "a"\n'
        'check = {{ kind = "date", event = {event}, within = "last June" }}\n'
    )

    def test_a_word_is_read_and_checked(self, eco: Ecosystem) -> None:
        """{ of, word, lang } is read, and the natural reading decides."""
        (claim,) = loads_claims(
            self.CLAIM.format(event='{ of = "01.AI", word = "lancé", lang = "fr" }'),
            eco,
        )

        assert check(claim, eco).verdict.value == "SUPPORTED"

    def test_a_word_and_an_event_are_written_back(self, eco: Ecosystem) -> None:
        """dumps_claims writes { of, word, lang } and { of, event } as they are read."""
        claims = [
            Claim(
                f"c{number}",
                "q",
                "r",
                Source("a", title="A", published=PartialDate(2024, 2)),
                DateCheck(event, PartialDate(2023, 6)),
            )
            for number, event in enumerate(
                (
                    EventOf("01.AI", word="lancé", lang="fr"),
                    EventOf("01.AI", "operations-started"),
                )
            )
        ]
        text = dumps_claims(claims)

        assert 'event = "operations-started"' in text
        assert loads_claims(text, eco) == tuple(claims)

    @pytest.mark.parametrize(
        ("event", "field", "message"),
        [
            ('{ of = "01.AI", word = "baptisé" }', "check.event.word", "no readings"),
            (
                '{ of = "01.AI", event = "released" }',
                "check.event.event",
                "not an event of an organisation",
            ),
            ('{ of = "01.AI", event = "x" }', "check.event", "'x' is not one of"),
            (
                '{ of = "01.AI", event = "announced", word = "lancé" }',
                "check.event.word",
                "one of the two",
            ),
            (
                '{ of = "01.AI", event = "announced", lang = "fr" }',
                "check.event.lang",
                "only a word",
            ),
            (
                '{ of = "Nobody", word = "lancé" }',
                "check.event.of",
                "no model or organisation",
            ),
        ],
    )
    def test_a_bad_event_is_refused_at_loading(
        self, eco: Ecosystem, event: str, field: str, message: str
    ) -> None:
        """Each mistake is named, with its field, when the claims are loaded."""
        with pytest.raises(DataError, match=message) as error:
            loads_claims(self.CLAIM.format(event=event), eco)

        (problem,) = error.value.problems
        assert problem.field == field

    def test_a_name_shared_by_a_model_and_an_organisation(self) -> None:
        """An event of a name both a model and an organisation bear is refused."""
        eco = Ecosystem(
            organisations=(Organisation("Falcon", "company", sources=S),),
            models=(ModelSpec("Falcon", sources=S),),
        )
        with pytest.raises(DataError, match="names both the model") as error:
            loads_claims(
                self.CLAIM.format(event='{ of = "Falcon", word = "launched" }'), eco
            )

        assert error.value.problems[0].field == "check.event.of"

    def test_an_office_among_several_must_be_named(self) -> None:
        """ "An office opened", of a firm with two, is refused: name the office."""
        eco = Ecosystem(
            organisations=(
                Organisation(
                    "Sinovation Ventures",
                    "venture-capital-firm",
                    offices=(
                        Office("Beijing", opened=PartialDate(2009)),
                        Office("Silicon Valley", opened=PartialDate(2013)),
                    ),
                    sources=S,
                ),
            )
        )
        event = '{ of = "Sinovation Ventures", event = "office-opened" }'
        with pytest.raises(
            DataError, match="Beijing \\(2009\\), Silicon Valley"
        ) as error:
            loads_claims(self.CLAIM.format(event=event), eco)

        assert error.value.problems[0].field == "check.event"

    def test_an_event_without_sources_cites_its_entity(self, eco: Ecosystem) -> None:
        """An event with no source of its own cites its organisation's sources."""
        (claim,) = loads_claims(
            self.CLAIM.format(event='{ of = "01.AI", word = "founded" }'), eco
        )
        (incorporated,) = check(claim, eco).evidence[:1]

        assert incorporated.label == "01.AI: incorporated"
        assert incorporated.sources == S


class TestArticle:
    def test_01ai_records_its_announcement_and_start(self) -> None:
        """01.AI was announced in March 2023 and started operations in June, sourced."""
        zero_one = load_article().ecosystem.organisation("01.AI")
        dates = {
            event.kind.value: (str(event.date), [s.key for s in event.sources])
            for event in zero_one.events
        }

        assert dates == {
            "announced": ("2023-03-19", ["equalocean-project-ai2"]),
            "operations-started": ("2023-06", ["bloomberg-01ai"]),
        }
