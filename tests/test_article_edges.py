"""The article's claims file: malformed opinions and documents."""

from __future__ import annotations

import pytest

import aiecosys
from aiecosys import DataError, Problem
from aiecosys._article import article_from


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

CLAIMS = """
[sources.article]
title = "Kai-Fu Lee, architecte d'un futur ouvert"
published = "2024-02"

[[claims]]
id = "kfl"
quote_fr = "taïwanais"
claim_en = "Kai-Fu Lee is Taiwanese."
source = "article"

[claims.check]
kind = "attribute"
of = "Kai-Fu Lee"
field = "nationality"
one_of = ["TW"]
"""

OPINION = """
[[opinions]]
id = "copy"
quote_fr = "Une excellente idée ?"
statement_en = "An excellent idea?"
reason = "A recommendation."
"""


def _problems(text: str) -> list[Problem]:
    with pytest.raises(DataError) as caught:
        article_from(ECO, text)
    return list(caught.value.problems)


def test_a_valid_article() -> None:
    """Claims and opinions load; the article's source is that of its claims."""
    article = article_from(ECO, CLAIMS + OPINION)

    assert ("kfl", "copy") == (article.claims[0].id, article.opinions[0].id)
    assert "article" == article.source.key


def test_opinions_not_an_array() -> None:
    """The opinions key must hold an array of tables."""
    assert [Problem("must be an array of tables", FILE, "opinions")] == _problems(
        'opinions = "none"\n' + CLAIMS
    )


def test_an_opinion_that_is_not_a_table() -> None:
    """An opinion that is not a table is named by its position."""
    assert [Problem("must be a table", FILE, "opinions[0]")] == _problems(
        'opinions = ["copy"]\n' + CLAIMS
    )


def test_an_opinion_id_used_twice() -> None:
    """Two opinions with one id are refused, naming the id."""
    assert [
        Problem("the id 'copy' is used by another opinion", FILE, "copy", "id")
    ] == _problems(CLAIMS + OPINION + OPINION)


def test_an_opinion_field_that_is_not_text() -> None:
    """An opinion whose reason is not text is refused, naming the opinion."""
    (problem,) = _problems(CLAIMS + OPINION.replace('"A recommendation."', "3"))

    assert (FILE, "copy", "reason") == (problem.file, problem.entry, problem.field)
    assert "must be non-empty text, not 3" == problem.message


def test_opinion_ids_that_differ_only_by_case() -> None:
    """Two opinions whose ids differ only by case are refused, naming the second."""
    assert [
        Problem(
            "the id 'Copy' differs from the id 'copy' of another opinion only by "
            "case: give the opinions ids that differ by more",
            FILE,
            "Copy",
            "id",
        )
    ] == _problems(CLAIMS + OPINION + OPINION.replace('"copy"', '"Copy"'))


def test_an_opinion_with_the_id_of_a_claim() -> None:
    """An opinion may not take a claim's id, in any case."""
    assert [
        Problem(
            "the id 'KFL' is the claim 'kfl''s: give the opinion an id of its own",
            FILE,
            "KFL",
            "id",
        )
    ] == _problems(CLAIMS + OPINION.replace('"copy"', '"KFL"'))


def test_problems_in_opinions_and_claims_are_listed_together() -> None:
    """A bad opinion does not hide a bad claim: every problem is listed at once."""
    problems = _problems(
        CLAIMS.replace('one_of = ["TW"]', "one_of = []") + OPINION + OPINION
    )

    assert [("copy", "id"), ("kfl", "check.one_of")] == [
        (p.entry, p.field) for p in problems
    ]


def test_not_valid_toml() -> None:
    """Text that is not TOML is a DataError naming the file."""
    (problem,) = _problems("[[claims]\n")

    assert FILE == problem.file
    assert problem.message.startswith("not valid TOML")


def test_no_claim_cites_the_article() -> None:
    """Claims must cite the [sources.article] table."""
    assert [Problem("no claim cites the [sources.article]", FILE)] == _problems(
        CLAIMS.replace("article", "blog")
    )


def test_opinion_problems_name_the_file_given() -> None:
    """A problem in an opinion names the file article_from was given."""
    with pytest.raises(DataError) as caught:
        article_from(ECO, CLAIMS + OPINION + OPINION, file="mine.toml")

    assert ["mine.toml"] == [p.file for p in caught.value.problems]
