"""Checking one claim against a small knowledge base, for each check kind's tests."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from aiecosys import (
    Claim,
    Evaluation,
    Organisation,
    PartialDate,
    Source,
    check,
    check_all,
    loads,
    loads_claims,
)
from aiecosys.claims import dumps_claims


if TYPE_CHECKING:
    from aiecosys import Ecosystem, Verdict
    from aiecosys.claims import Check


SOURCE = Source("s", title="A source")
"""The source of every fact built in Python by the tests."""
ARTICLE = Source("article", title="An article", published=PartialDate(2024, 2))
"""The article every claim built in Python comes from."""


def claims_document(
    check_: object,
    claim: Mapping[str, object] | None = None,
    *,
    published: str = "2024-02",
) -> dict[str, Any]:
    """A claims document of one claim, ``c1``, checked by *check_*.

    Its source, ``a``, was published on *published*; *claim* adds or
    replaces the claim's other keys.
    """
    return {
        "sources": {"a": {"title": "An article", "published": published}},
        "claims": [
            {
                "id": "c1",
                "quote": "citation",
                "restatement": "A claim.",
                "source": "a",
                "check": check_,
                **(claim or {}),
            }
        ],
    }


def organisation(name: str, kind: str = "company", **fields: object) -> Organisation:
    """An organisation resting on SOURCE."""
    return Organisation(name, kind, sources=(SOURCE,), **fields)  # type: ignore[arg-type]


def verdict_of(check_: Check, eco: Ecosystem) -> tuple[Verdict, str]:
    """The verdict and the explanation of one check built in Python."""
    evaluation = check(Claim("c", "q", "A claim.", ARTICLE, check_), eco)
    return evaluation.verdict, evaluation.explanation


SOURCES = """
[sources.paper]
title = "A paper"
url = "https://example.org/paper"
publisher = "The Paper"

[sources.wire]
title = "A wire story"
url = "https://example.org/wire"
publisher = "The Wire"

[sources.copy]
title = "The wire story, syndicated"
url = "https://example.org/copy"
publisher = "The Daily (The Wire)"

[sources.blog]
title = "A blog post"
url = "https://example.org/blog"
"""

ORGANISATIONS = """
[[organisations]]
name = "Mistral AI"
kind = "company"
country = "FR"
founded = "2023-04"
sources = ["paper"]

[[people]]
name = "Arthur Mensch"
sources = ["paper"]

[[rounds]]
organisation = "Mistral AI"
announced = "2023-06-13"
kind = "seed"
investors = ["Lightspeed"]
sources = ["paper"]

[[rounds]]
organisation = "Mistral AI"
announced = "2023-12"
kind = "series-a"
investors = ["Lightspeed", "Arthur Mensch"]
sources = ["paper"]

[[organisations]]
name = "Lightspeed"
kind = "venture-capital-firm"
sources = ["paper"]

[[models]]
name = "Mistral 7B"
developers = ["Mistral AI"]
released = "2023-09-27"
sources = ["paper"]
"""


def evaluate(facts: str, check: str, published: str = "2024-02") -> Evaluation:
    """Check one claim, written ``check = { ... }``, against *facts* and the basics.

    The claim is also written out and read back, to the same claim.
    """
    eco = loads(SOURCES + ORGANISATIONS + facts)
    claims = loads_claims(
        f"""
[sources.article]
title = "An article"
published = "{published}"

[[claims]]
id = "c"
quote = "q"
restatement = "r"
source = "article"
check = {check}
""",
        eco,
    )
    assert loads_claims(dumps_claims(claims), eco) == claims
    (evaluation,) = check_all(claims, eco)
    return evaluation
