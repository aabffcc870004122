"""``--format claimreview``: each verdict as schema.org ClaimReview JSON-LD."""

from __future__ import annotations

import json
from typing import Any

import pytest

from aiecosys import load_article
from tests.test_cli import run


REVIEW = ("claims", "--format", "claimreview", "--date", "2024-03-01")


@pytest.fixture
def reviews(capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    """The article's claims as ClaimReview objects, at a fixed review date."""
    status, out, _ = run(capsys, *REVIEW, "--site-url", "https://example.org/c/")
    assert 0 == status
    parsed: list[dict[str, Any]] = json.loads(out)
    return parsed


def test_fields_that_fact_check_markup_requires(reviews: list[dict[str, Any]]) -> None:
    """Each review has what schema.org and Google's fact-check markup require."""
    for review in reviews:
        assert "https://schema.org" == review["@context"]
        assert "ClaimReview" == review["@type"]
        assert review["claimReviewed"]
        assert review["url"].startswith("https://example.org/c/")
        assert "Organization" == review["author"]["@type"]
        assert review["author"]["name"]
        rating = review["reviewRating"]
        assert "Rating" == rating["@type"]
        assert rating["alternateName"] in {"SUPPORTED", "REFUTED", "NOT_ENOUGH_INFO"}
        assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
        assert "Claim" == review["itemReviewed"]["@type"]


def test_one_review_per_claim_with_the_quote(reviews: list[dict[str, Any]]) -> None:
    """Each claim of the article is reviewed once, quoting its exact words."""
    article = load_article()

    assert [c.quote for c in article.claims] == [r["claimReviewed"] for r in reviews]
    assert len({review["url"] for review in reviews}) == len(reviews)


def test_the_rating_scale(reviews: list[dict[str, Any]]) -> None:
    """1 is refuted, 2 not enough information, 3 supported."""
    scale = {
        review["reviewRating"]["alternateName"]: review["reviewRating"]["ratingValue"]
        for review in reviews
    }

    assert {"REFUTED": 1, "NOT_ENOUGH_INFO": 2, "SUPPORTED": 3} == scale
    assert {(1, 3)} == {
        (r["reviewRating"]["worstRating"], r["reviewRating"]["bestRating"])
        for r in reviews
    }


def test_the_claim_appears_in_the_article(reviews: list[dict[str, Any]]) -> None:
    """itemReviewed names the article; a date known only as a range is left out."""
    source = load_article().source
    item = reviews[0]["itemReviewed"]

    assert source.published is None
    assert "datePublished" not in item
    assert "datePublished" not in item["appearance"]
    assert source.title == item["appearance"]["headline"]
    assert "CreativeWork" == item["appearance"]["@type"]
    assert "The Conversation" == item["appearance"]["publisher"]["name"]


def test_author_and_date_are_reproducible(capsys: pytest.CaptureFixture[str]) -> None:
    """--author and --date make the output the same on every run."""
    first = run(capsys, *REVIEW, "--author", "Les Décodeurs")[1]
    second = run(capsys, *REVIEW, "--author", "Les Décodeurs")[1]
    review = json.loads(first)[0]

    assert first == second
    assert "Les Décodeurs" == review["author"]["name"]
    assert "2024-03-01" == review["datePublished"]


def test_the_default_url_is_a_placeholder(capsys: pytest.CaptureFixture[str]) -> None:
    """Without --site-url, the urls are on a reserved domain that never resolves."""
    review = json.loads(run(capsys, *REVIEW)[1])[0]

    assert review["url"].startswith("https://aiecosys.invalid/claims/")


def test_today_is_the_default_date(capsys: pytest.CaptureFixture[str]) -> None:
    """Without --date, the review is dated today (UTC)."""
    from datetime import UTC, datetime

    before = datetime.now(UTC).date().isoformat()
    review = json.loads(run(capsys, "claims", "--format", "claimreview")[1])[0]
    after = datetime.now(UTC).date().isoformat()

    assert review["datePublished"] in {before, after}


def test_a_page_url_with_a_fragment(capsys: pytest.CaptureFixture[str]) -> None:
    """A --site-url that is one page gets the claim's id as a fragment."""
    review = json.loads(
        run(capsys, *REVIEW, "--site-url", "https://example.org/page")[1]
    )[0]

    assert "https://example.org/page#kfl-taiwanese" == review["url"]


@pytest.mark.parametrize(
    "url", ["example.org/checks", "ftp://example.org/", "https:// x"]
)
def test_a_site_url_must_be_a_web_address(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A --site-url that is not an http(s) address is refused with an example."""
    with pytest.raises(SystemExit) as info:
        run(capsys, *REVIEW, "--site-url", url)

    assert 2 == info.value.code
    assert "is not a web address" in capsys.readouterr().err
