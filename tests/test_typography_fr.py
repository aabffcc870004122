"""French typography of everything the bundled article's evaluations write.

Every explanation, evidence line and exchange rate of the bundled article,
evaluated in French: no plain space before ``: ; ? !``, no plain space
inside a number, « » with no-break spaces inside. Whether the explanations
are French through and through (no English words, no "English quotes"
around words) waits on the translation of the claims' own messages.
"""

from __future__ import annotations

import re

import pytest

import aiecosys
from aiecosys import load_article
from aiecosys._readable import readable_rate
from aiecosys.claims import Evaluation


_NO_BREAK = "\u00a0\u202f"
_SPACE_BEFORE_PUNCTUATION = re.compile(r" [:;?!]")
_SPACE_IN_NUMBER = re.compile(r"(?<![\w.,\-])\d{1,3}(?: \d{3})+(?!\d)")
_BARE_FRENCH_QUOTES = re.compile(rf"«(?![{_NO_BREAK}])|(?<![{_NO_BREAK}])»")
_ENGLISH_QUOTES = re.compile(r'(?<!= )"\w[^"]*"')
"""Words in English quotes; a value of a claims file (``= "source-key"``) is code."""
_ENGLISH_WORDS = re.compile(
    r"\b(?:is|are|was|were|the|to|of|by|within|during|among|holds|as claimed|"
    r"not recorded|read as|would|stated|ratio|tolerance|undisclosed|disclosed|"
    r"reported|rumoured|estimated)\b"
)


def _lines(evaluation: Evaluation) -> list[str]:
    """What a French reader sees of one evaluation, but the sources' addresses."""
    return [
        evaluation.explanation,
        *(f"{item.label} = {item.value}" for item in evaluation.evidence),
        *(readable_rate(conversion) for conversion in evaluation.conversions),
    ]


def _french() -> list[tuple[str, list[str]]]:
    article = load_article()
    with aiecosys.language("fr"):
        return [
            (evaluation.claim.id, _lines(evaluation)) for evaluation in article.check()
        ]


FRENCH = _french()
"""Each claim of the article, and the lines its evaluation writes in French."""

_EACH_CLAIM = pytest.mark.parametrize(
    "lines", [lines for _, lines in FRENCH], ids=[claim for claim, _ in FRENCH]
)


def _found(pattern: re.Pattern[str], lines: list[str]) -> list[str]:
    return [line for line in lines if pattern.search(line)]


@_EACH_CLAIM
def test_a_no_break_space_comes_before_double_punctuation(lines: list[str]) -> None:
    """``:``, ``;``, ``?`` and ``!`` follow a no-break space, never a plain one."""
    assert not _found(_SPACE_BEFORE_PUNCTUATION, lines)


@_EACH_CLAIM
def test_numbers_group_their_digits_with_no_break_spaces(lines: list[str]) -> None:
    """``1 800 milliards``: the groups of digits never part at the end of a line."""
    assert not _found(_SPACE_IN_NUMBER, lines)


@_EACH_CLAIM
def test_french_quotes_hold_no_break_spaces(lines: list[str]) -> None:
    """« and » are followed and preceded by a no-break space."""
    assert not _found(_BARE_FRENCH_QUOTES, lines)


_QUOTED = re.compile(r"«[^»]*»")
"""Words quoted « so »: a source's own words stay in the source's language."""


@_EACH_CLAIM
def test_the_explanations_are_french_through_and_through(lines: list[str]) -> None:
    """No English word is left outside quotes; words are quoted « so », not "so"."""
    unquoted = [_QUOTED.sub("«»", line) for line in lines]
    assert not _found(_ENGLISH_WORDS, unquoted)
    assert not _found(_ENGLISH_QUOTES, lines)


def test_the_article_is_evaluated_in_french() -> None:
    """The lines checked are French: numbers, amounts and verdicts in French."""
    text = "\n".join(line for _, lines in FRENCH for line in lines)
    assert "385 millions d'euros" in text
    assert "entre 1\u202f000 et 1\u202f800 milliards de paramètres" in text


@pytest.mark.parametrize(
    ("pattern", "wrong", "right"),
    [
        (_SPACE_BEFORE_PUNCTUATION, "rapport : 2", "rapport\u00a0: 2"),
        (_SPACE_BEFORE_PUNCTUATION, "0,5 ; donc", "0,5\u202f; donc"),
        (_SPACE_IN_NUMBER, "12 350 paramètres", "12\u202f350 paramètres"),
        (_SPACE_IN_NUMBER, "1 000 milliards", "GPT-4 860 et Mistral 7B"),
        (_BARE_FRENCH_QUOTES, "«près de»", "«\u00a0près de\u00a0»"),
        (_ENGLISH_QUOTES, 'within "last June"', 'rounds = "source-key"'),
        (_ENGLISH_WORDS, "the ratio is 2", "le rapport vaut 2"),
    ],
)
def test_the_checks_flag_what_they_should(
    pattern: re.Pattern[str], wrong: str, right: str
) -> None:
    """Each check flags a typographic fault and lets its correction pass."""
    assert pattern.search(wrong)
    assert not pattern.search(right)
