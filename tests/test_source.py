"""Sources: citations."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from aiecosys import (
    DataError,
    Ecosystem,
    Estimate,
    Evidence,
    ModelSpec,
    Organisation,
    PartialDate,
    Period,
    Person,
    Publication,
    Role,
    Source,
    SourceKind,
    check,
    dumps,
    loads,
    loads_claims,
    parameters,
    strongest_first,
    weak_facts,
)


def test_str_cites_the_source() -> None:
    """A source prints as a citation: author, publisher, title, date, address."""
    source = Source(
        "braune-2024",
        title="Kai-Fu Lee, architecte d'un futur ouvert",
        author="Eric Braune",
        publisher="The Conversation",
        published=PartialDate(2024, 2),
        url="https://theconversation.com/",
    )

    assert (
        'Eric Braune, The Conversation, "Kai-Fu Lee, architecte d\'un futur ouvert", '
        "2024-02, https://theconversation.com/"
    ) == str(source)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"key": "has space", "title": "t"}, "key"),
        ({"key": "k", "title": " "}, "title"),
        ({"key": "k", "title": "t", "url": "ftp://x"}, "url"),
        (
            {
                "key": "k",
                "title": "t",
                "published": PartialDate(2024, 3),
                "accessed": dt.date(2024, 2, 1),
            },
            "accessed",
        ),
        ({"key": "k", "title": "t", "kind": "wiki"}, "kind"),
        ({"key": "k", "title": "t", "kind": 3}, "kind"),
        (
            {"key": "k", "title": "t", "archived_url": "web.archive.org/x"},
            "archived_url",
        ),
    ],
)
def test_invalid_fields(fields: dict[str, Any], field: str) -> None:
    """Each invalid field is a DataError naming that field."""
    with pytest.raises(DataError) as caught:
        Source(**fields)

    assert field == caught.value.problems[0].field


def test_sources_are_values() -> None:
    """Two sources with the same fields are equal and hash alike."""
    assert len({Source("k", title="t"), Source("k", title="t")}) == 1


EARLY_2024 = Period(PartialDate(2024, 1), PartialDate(2024, 3))


@pytest.mark.parametrize(
    ("fields", "field", "says"),
    [
        ({"language": "xx"}, "language", "not a language tag CLDR knows"),
        ({"language": 7}, "language", "such as 'fr'"),
        ({"licence": " "}, "licence", "non-empty text"),
        (
            {"published_between": Period(PartialDate(2024), None)},
            "published_between",
            "both ends",
        ),
        (
            {"published": PartialDate(2024, 2), "published_between": EARLY_2024},
            "published_between",
            "keep the date if it is known, else the range",
        ),
        ({"published_note": "assumed"}, "published_note", "give published too"),
        (
            {"published_source": Source("p", title="p")},
            "published_source",
            "give published too",
        ),
        (
            {"published": PartialDate(2024), "published_source": "p"},
            "published_source",
            "must be a Source",
        ),
    ],
)
def test_invalid_publication_fields(
    fields: dict[str, Any], field: str, says: str
) -> None:
    """Each invalid field of a publication is a DataError naming it, saying why."""
    with pytest.raises(DataError) as caught:
        Publication("k", title="t", **fields)

    (problem,) = caught.value.problems
    assert (field, True) == (problem.field, says in problem.message)


def test_a_publication_is_a_source_with_more() -> None:
    """A publication is a source: cited, printed and compared as one."""
    page = Source("page", title="The publisher's page")
    article = Publication(
        "a",
        title="t",
        published_between=EARLY_2024,
        published_note="Not on the page; inferred from its contents.",
        language="fr",
        licence="CC BY-ND 4.0",
    )
    dated = Publication(
        "b", title="t", published=PartialDate(2024, 2, 5), published_source=page
    )

    assert isinstance(article, Source)
    assert EARLY_2024 == article.publication_date
    assert PartialDate(2024, 2, 5) == dated.publication_date
    assert article != Source("a", title="t")
    assert '"t", 2024-01 to 2024-03' == str(article)


# -- kinds and archived copies ---------------------------------------------------------

WIKI = Source("wiki", title="M (model)", kind=SourceKind.REFERENCE)
SCRAPER = Source("facts", title="Facts about M", kind="aggregator")
PAPER = Source("paper", title="M: a model", kind="primary")
NEWS = Source("news", title="M is out", kind="news")
POST = Source("post", title="M is out!", kind="social")
BOOK = Source("book", title="The M story", kind="secondary")
UNSTATED = Source("unstated", title="A page of unknown kind")


def test_kinds_are_ordered_strongest_first() -> None:
    """The kinds run from primary to social; only reference and aggregator are weak."""
    assert ["primary", "news", "secondary", "reference", "aggregator", "social"] == [
        kind.value for kind in SourceKind
    ]
    assert {SourceKind.REFERENCE, SourceKind.AGGREGATOR} == {
        kind for kind in SourceKind if kind.weak
    }


def test_a_kind_may_be_written_as_its_value() -> None:
    """A kind given as text is read as the member; an unstated kind is None."""
    assert SourceKind.AGGREGATOR is SCRAPER.kind
    assert UNSTATED.kind is None
    assert Publication("p", title="t", kind="news").kind is SourceKind.NEWS


def test_an_unknown_kind_lists_the_kinds() -> None:
    """An unknown kind is refused, naming every kind and how to leave it out."""
    with pytest.raises(DataError) as caught:
        Source("k", title="t", kind="blog")

    (problem,) = caught.value.problems
    assert "primary, news, secondary, reference, aggregator, social" in problem.message
    assert "leave kind out" in problem.message


KNOWLEDGE = """
[sources.wiki]
title = "M (model)"
kind = "reference"

[sources.paper]
title = "M: a model"
url = "https://example.org/m"
kind = "primary"
archived_url = "https://web.archive.org/web/2024/https://example.org/m"

[sources.news]
title = "M is out"
kind = "news"

[[organisations]]
name = "Lab"
kind = "company"
sources = ["paper"]

[[models]]
name = "M"
developers = ["Lab"]
sources = ["wiki", "paper"]
parameters = { value = "7000000000", status = "disclosed", sources = ["paper", "news"] }
"""


@pytest.fixture
def eco() -> Ecosystem:
    """A small knowledge base whose sources have kinds and an archived copy."""
    return loads(KNOWLEDGE, file="kb.toml")


def test_files_keep_kinds_and_archived_copies(eco: Ecosystem) -> None:
    """A knowledge base reads a source's kind and archived copy, and writes both."""
    paper = next(source for source in eco.sources if source.key == "paper")

    assert SourceKind.PRIMARY is paper.kind
    assert (
        "https://web.archive.org/web/2024/https://example.org/m" == paper.archived_url
    )
    assert eco == loads(dumps(eco))


@pytest.mark.parametrize(
    ("field", "value"),
    [("kind", "wiki"), ("archived_url", "ftp://archive.org/m")],
)
def test_a_bad_kind_or_archive_in_a_file_is_located(field: str, value: str) -> None:
    """A bad kind or archived copy names the file, the source and the field."""
    text = KNOWLEDGE.replace('kind = "reference"', f'{field} = "{value}"', 1)

    with pytest.raises(DataError) as caught:
        loads(text, file="kb.toml")

    problem = caught.value.problems[0]
    assert ("kb.toml", "sources.wiki", field) == (
        problem.file,
        problem.entry,
        problem.field,
    )


def test_claims_files_read_kinds(eco: Ecosystem) -> None:
    """A claims file's sources take a kind and an archived copy too."""
    (claim,) = loads_claims(CLAIM, eco)

    assert SourceKind.NEWS is claim.source.kind
    assert "https://web.archive.org/web/2024/a" == claim.source.archived_url


def test_claims_files_refuse_an_unknown_kind(eco: Ecosystem) -> None:
    """An unknown kind in a claims file is a problem naming the source and the kind."""
    with pytest.raises(DataError) as caught:
        loads_claims(CLAIM.replace('"news"', '"blog"'), eco, file="claims.toml")

    problem = caught.value.problems[0]
    assert ("claims.toml", "sources.art", "kind") == (
        problem.file,
        problem.entry,
        problem.field,
    )
    assert problem.message.startswith("'blog' is not one of 'primary', 'news'")


# -- evidence: strongest first, each source once ---------------------------------------

CLAIM = """
[sources.art]
title = "An article"
kind = "news"
archived_url = "https://web.archive.org/web/2024/a"

[[claims]]
id = "m-7b"
quote = "M has 7 billion parameters"
restatement = "M has 7 billion parameters."
source = "art"
check.kind = "value"
check.measure = { of = "M", field = "parameters" }
check.stated = "7000000000 parameters"
"""


def test_strongest_first_orders_by_kind_and_drops_repeats() -> None:
    """Primary, news, secondary, reference, aggregator, social, unstated; keys once."""
    given = [UNSTATED, POST, SCRAPER, WIKI, BOOK, NEWS, PAPER, WIKI, NEWS]

    assert ["paper", "news", "book", "wiki", "facts", "post", "unstated"] == [
        source.key for source in strongest_first(given)
    ]


def test_strongest_first_keeps_the_order_within_a_kind() -> None:
    """Sources of one kind, or of no stated kind, keep the order they were given in."""
    other = Source("other", title="Another wiki", kind="reference")
    later = Source("later", title="Another page")

    assert ["other", "wiki", "later", "unstated"] == [
        source.key for source in strongest_first([later, other, UNSTATED, WIKI])
    ]


def test_a_repeated_key_is_listed_once_as_first_given() -> None:
    """Two sources under one key are one source: the first is kept."""
    again = Source("wiki", title="M (model), revised", kind="reference")

    assert (WIKI,) == strongest_first([WIKI, again])


def test_evidence_lists_sources_strongest_first() -> None:
    """Evidence orders its sources however they were gathered, without repeats."""
    evidence = Evidence("M: parameters", "7 billion", (WIKI, UNSTATED, NEWS, WIKI))

    assert (NEWS, WIKI, UNSTATED) == evidence.sources


def test_a_verdict_cites_the_strongest_source_first(eco: Ecosystem) -> None:
    """A model cited by a wiki and a paper, its size by news too: the paper first."""
    (claim,) = loads_claims(CLAIM, eco)

    (fact,) = check(claim, eco).evidence

    assert ["paper", "news", "wiki"] == [source.key for source in fact.sources]


# -- weak facts ------------------------------------------------------------------------


def _person(*sources: Source, roles: tuple[Role, ...] = ()) -> Ecosystem:
    companies = tuple(
        Organisation(role.organisation, "company", sources=(PAPER,)) for role in roles
    )
    person = Person("Kai-Fu Lee", roles=roles, sources=sources)
    return Ecosystem(organisations=companies, people=(person,))


def test_a_fact_resting_on_a_wiki_and_a_scraper_is_weak() -> None:
    """Reference works and aggregators alone make a weak fact, strongest first."""
    (fact,) = weak_facts(_person(SCRAPER, WIKI, SCRAPER))

    assert ("people[0]: Kai-Fu Lee", "sources", (WIKI, SCRAPER)) == (
        fact.entry,
        fact.field,
        fact.sources,
    )
    assert "wiki: reference, facts: aggregator" in fact.message
    assert "cite a primary or news source" in fact.message
    assert fact.problem("kb.toml").file == "kb.toml"


@pytest.mark.parametrize("other", [PAPER, NEWS, BOOK, POST, UNSTATED])
def test_one_source_not_known_to_be_weak_is_enough(other: Source) -> None:
    """A primary, news, secondary, social or unstated source beside a wiki: not weak."""
    assert () == weak_facts(_person(WIKI, other))


def test_sources_of_unstated_kind_are_not_weak() -> None:
    """A fact whose sources have no stated kind is not listed: none is known weak."""
    assert () == weak_facts(_person(UNSTATED))


def test_a_value_with_its_own_weak_sources_is_listed() -> None:
    """An estimate citing a wiki, on an entity cited by a wiki, is its own weak fact."""
    model = ModelSpec(
        "M",
        parameters=Estimate.exact(parameters(7e9), sources=(SCRAPER,)),
        sources=(WIKI,),
    )

    facts = weak_facts(Ecosystem(models=(model,)))

    assert [("sources", (WIKI,)), ("parameters", (WIKI, SCRAPER))] == [
        (fact.field, fact.sources) for fact in facts
    ]


def test_a_role_with_a_strong_source_is_not_weak() -> None:
    """A role citing a paper, of a person cited by a wiki: only the person is weak."""
    role = Role("founder", "Sinovation Ventures", sources=(PAPER,))
    weak_role = Role("president", "Google China", sources=(SCRAPER,))

    facts = weak_facts(_person(WIKI, roles=(role, weak_role)))

    assert [("sources", (WIKI,)), ("roles[1]", (WIKI, SCRAPER))] == [
        (fact.field, fact.sources) for fact in facts
    ]
