"""Write the site's pages on the article's claims, from the claims themselves.

Run: python scripts/article_pages.py [OUTPUT_FOLDER]   (default: docs/article)

Each claim gets its French quote, its English rendering, the check as it is
written in the claims file, the Python that evaluates it with the verdict and
explanation as doctest output, and the evidence with links to its sources.
The pages are committed; the test suite runs their examples (so a changed
verdict fails until the pages are written again) and checks that this script
would write them unchanged.
"""

from __future__ import annotations

import sys
import textwrap
from collections import Counter
from pathlib import Path

from aiecosys import Evaluation, load_article


ROOT = Path(__file__).resolve().parents[1]
CLAIMS_FILE = ROOT / "src" / "aiecosys" / "data" / "article_claims.toml"

GROUPS: dict[str, tuple[str, str]] = {
    "kai-fu-lee": ("Kai-Fu Lee's career", "kfl-"),
    "sinovation": ("Sinovation Ventures", "sv-"),
    "01-ai-and-yi": (
        "01.AI and Yi",
        "oa- batx- yi- llama- openai- google- silicon-valley- china-",
    ),
    "mistral-and-kyutai": ("Mistral AI and Kyutai", "mistral- kyutai- french-"),
}
COMPARISONS: frozenset[str] = frozenset(
    {
        "yi-half-gpt4",
        "yi-twice-fewer-parameters",
        "yi-gpt4-comparable",
        "yi-small-easier-training",
        "mistral-competitive-model",
        "resources-exceed-01ai",
    }
)
INTRO = {
    "kai-fu-lee": "What the article says of Kai-Fu Lee's career before 01.AI.",
    "sinovation": "Sinovation Ventures, its funds, offices and AI institute.",
    "01-ai-and-yi": (
        "01.AI, its funding, and its Yi models among open and proprietary models."
    ),
    "mistral-and-kyutai": "The French side: Mistral AI, Kyutai and their funding.",
    "comparisons": (
        "The article's comparisons: model sizes, performance and money. "
        "Undisclosed values are ranges, and a comparison is settled only when "
        "every value the evidence allows agrees."
    ),
}
SETUP = """```python
>>> from aiecosys import check, load_article
>>> article = load_article()
```
"""


def group_of(claim_id: str) -> str:
    """Return the page a claim belongs on."""
    if claim_id in COMPARISONS:
        return "comparisons"
    for slug, (_, prefixes) in GROUPS.items():
        if claim_id.startswith(tuple(prefixes.split())):
            return slug
    raise ValueError(f"claim {claim_id!r} belongs to no group: add it to GROUPS")


def _check_text(claim_id: str, lines: list[str]) -> str:
    """The claim's check as written in the claims file."""
    start = lines.index(f'id = "{claim_id}"')
    for line in lines[start:]:
        if line.startswith("check = "):
            return line
        if line == "[[claims]]":
            break
    raise ValueError(f"claim {claim_id!r} has no one-line check")


def _doctest_text(text: str) -> str:
    return textwrap.fill(text, width=84, break_long_words=False, break_on_hyphens=False)


def _claim_section(evaluation: Evaluation, lines: list[str]) -> str:
    claim = evaluation.claim
    out = [
        f"## `{claim.id}`: {evaluation.verdict.value} {{#{claim.id}}}",
        "",
        f"> « {claim.quote} »",
        "",
        f"*{claim.restatement}*",
        "",
    ]
    if claim.note:
        out += [claim.note, ""]
    out += [
        "The check, as written in the claims file:",
        "",
        "```toml",
        _check_text(claim.id, lines),
        "```",
        "",
        "```python",
        f'>>> evaluation = check(article.claim("{claim.id}"), article.ecosystem)',
        ">>> evaluation.verdict",
        f"<Verdict.{evaluation.verdict.name}: '{evaluation.verdict.value}'>",
        ">>> print(evaluation.explanation)",
        _doctest_text(evaluation.explanation),
        "```",
        "",
        "Evidence:",
        "",
    ]
    for item in evaluation.evidence:
        out.append(f"- **{item.label}**: {item.value}")
        for source in item.sources:
            title = source.title.replace("[", "(").replace("]", ")")
            link = f"[{title}]({source.url})" if source.url else title
            details = ", ".join(
                str(part) for part in (source.publisher, source.published) if part
            )
            out.append(f"    - {link}" + (f", {details}" if details else ""))
    if evaluation.conversions:
        out += ["", "Conversions:", ""]
        out += [f"- {conversion}" for conversion in evaluation.conversions]
    return "\n".join(out) + "\n"


def pages() -> dict[str, str]:
    """Return the pages, by file name."""
    article = load_article()
    lines = CLAIMS_FILE.read_text(encoding="utf-8").splitlines()
    evaluations = article.check()
    grouped: dict[str, list[Evaluation]] = {}
    for evaluation in evaluations:
        grouped.setdefault(group_of(evaluation.claim.id), []).append(evaluation)
    titles = {slug: title for slug, (title, _) in GROUPS.items()}
    titles["comparisons"] = "The comparisons"
    result: dict[str, str] = {}
    for slug, title in titles.items():
        body = [f"# {title}", "", INTRO[slug], "", SETUP]
        body += [_claim_section(e, lines) for e in grouped.get(slug, [])]
        result[f"{slug}.md"] = "\n".join(body)
    result["index.md"] = _index(article.source.title, evaluations, titles)
    return result


def _index(
    title: str, evaluations: tuple[Evaluation, ...], titles: dict[str, str]
) -> str:
    counts = Counter(e.verdict.value for e in evaluations)
    out = [
        "# The article's claims",
        "",
        f"*{title}*, by Eric Braune (The Conversation, early 2024), is the worked case",
        "of aiecosys: every checkable statement in it is a claim with its exact French",
        "words, their restatement in English and a check, and its verdict is computed",
        "from sourced facts each time it is asked for.",
        "Statements of opinion or forecast are listed at the end,",
        "with why they are not checked.",
        "",
        SETUP,
        "```python",
        ">>> from collections import Counter",
        ">>> counts = Counter(e.verdict.value for e in article.check())",
        ">>> counts['SUPPORTED'], counts['REFUTED'], counts['NOT_ENOUGH_INFO']",
        f"({counts['SUPPORTED']}, {counts['REFUTED']}, {counts['NOT_ENOUGH_INFO']})",
        "```",
        "",
        "| claim | page | verdict | what the article says |",
        "| --- | --- | --- | --- |",
    ]
    for evaluation in evaluations:
        slug = group_of(evaluation.claim.id)
        anchor = evaluation.claim.id
        out.append(
            f"| [`{anchor}`]({slug}.md#{anchor}) | {titles[slug]} "
            f"| **{evaluation.verdict.value}** | {evaluation.claim.restatement} |"
        )
    out += ["", "## Opinions and forecasts, read but not checked", ""]
    out += ["| statement | why it is not checked |", "| --- | --- |"]
    out += [
        f"| « {opinion.quote} » ({opinion.restatement}) | {opinion.reason} |"
        for opinion in load_article().opinions
    ]
    return "\n".join(out) + "\n"


def main() -> int:
    """Write the pages into the folder given, or docs/article."""
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "article"
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in pages().items():
        (folder / name).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
