"""Write the site's pages on the article's claims, from the claims themselves.

Run: python scripts/article_pages.py [OUTPUT_FOLDER]   (default: docs/article)

Each claim gets its French quote, its restatement, the check as it is
written in the claims file, the Python that evaluates it with the verdict and
explanation as doctest output, and the evidence with links to its sources.
The pages are committed; the test suite runs their examples (so a changed
verdict fails until the pages are written again) and checks that this script
would write them unchanged.

Every page is written in English (``NAME.md``) and in French (``NAME.fr.md``):
the claims are evaluated within ``aiecosys.language(...)``, so verdict names,
explanations and evidence come in the package's own words for that language
(its gettext catalog), and the files' own texts (restatements, notes) in
their translations where the files give one. The pages' headings and the
sentences around the evaluations are this script's, in ``WORDS``.
"""

from __future__ import annotations

import sys
import textwrap
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

import attrs

from aiecosys import Article, Evaluation, language, load_article
from aiecosys._dates import readable_period
from aiecosys._i18n import current, text, texts


ROOT = Path(__file__).resolve().parents[1]
CLAIMS_FILE = ROOT / "src" / "aiecosys" / "data" / "article_claims.toml"

LANGUAGES = ("en", "fr")
"""The languages of the pages: English, then French (``NAME.fr.md``)."""

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
WORDS: dict[str, dict[str, str]] = {
    "en": {
        "quote": "> « {quote} »",
        "check": "The check, as written in the claims file:",
        "evidence": "Evidence:",
        "conversions": "Conversions:",
        "evidence item": "- **{label}**: {value}",
        "index title": "# The article's claims",
        "index intro": (
            "*{title}*, by Eric Braune (The Conversation, early 2024), is the "
            "worked case\n"
            "of aiecosys: every checkable statement in it is a claim with its exact "
            "French\n"
            "words, their restatement in English and a check, and its verdict is "
            "computed\n"
            "from sourced facts each time it is asked for.\n"
            "Statements of opinion or forecast are listed at the end,\n"
            "with why they are not checked."
        ),
        "claims header": "| claim | page | verdict | what the article says |",
        "opinions title": "## Opinions and forecasts, read but not checked",
        "opinions header": "| statement | why it is not checked |",
        "comparisons": "The comparisons",
    },
    "fr": {
        "quote": "> «\u00a0{quote}\u00a0»",
        "check": "La vérification, telle qu'elle est écrite dans le fichier "
        "d'affirmations\u00a0:",
        "evidence": "Éléments de preuve\u00a0:",
        "conversions": "Conversions\u00a0:",
        "evidence item": "- **{label}**\u00a0: {value}",
        "index title": "# Les affirmations de l'article",
        "index intro": (
            "*{title}*, d'Eric Braune (The Conversation, début 2024), est le cas\n"
            "d'école d'aiecosys\u00a0: chaque énoncé vérifiable de l'article y est "
            "une\n"
            "affirmation, avec ses mots exacts, leur reformulation et une "
            "vérification,\n"
            "et son verdict est calculé à partir de faits sourcés chaque fois qu'on "
            "le\n"
            "demande. Les opinions et les prévisions sont listées à la fin, avec la\n"
            "raison pour laquelle elles ne sont pas vérifiées."
        ),
        "claims header": "| affirmation | page | verdict | ce que dit l'article |",
        "opinions title": "## Opinions et prévisions, lues mais non vérifiées",
        "opinions header": "| énoncé | pourquoi il n'est pas vérifié |",
        "comparisons": "Les comparaisons",
    },
}
"""The pages' own sentences, by language (the verdicts and explanations are
the package's)."""
TITLES_FR = {
    "kai-fu-lee": "La carrière de Kai-Fu Lee",
    "sinovation": "Sinovation Ventures",
    "01-ai-and-yi": "01.AI et Yi",
    "mistral-and-kyutai": "Mistral AI et Kyutai",
}
INTRO_FR = {
    "kai-fu-lee": "Ce que l'article dit de la carrière de Kai-Fu Lee avant 01.AI.",
    "sinovation": "Sinovation Ventures, ses fonds, ses bureaux et son institut d'IA.",
    "01-ai-and-yi": (
        "01.AI, ses financements, et ses modèles Yi parmi les modèles ouverts "
        "et propriétaires."
    ),
    "mistral-and-kyutai": "Le versant français\u00a0: Mistral AI, Kyutai et "
    "leurs financements.",
    "comparisons": (
        "Les comparaisons de l'article\u00a0: taille des modèles, performances et "
        "argent. Les valeurs non divulguées sont des intervalles, et une "
        "comparaison n'est tranchée que si toutes les valeurs que permettent les "
        "éléments de preuve s'accordent."
    ),
}
SETUP_FR = """```python
>>> import aiecosys
>>> from aiecosys import check, load_article
>>> article = load_article()
```
"""
SUFFIXES = {"en": ".md", "fr": ".fr.md"}


def _words(key: str, **fields: object) -> str:
    """One of the pages' own sentences, in the current language."""
    return WORDS[current()][key].format(**fields)


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


def _evaluation_example(evaluation: Evaluation) -> list[str]:
    """The Python that evaluates the claim, with its output, in the language."""
    claim_id = evaluation.claim.id
    if current() == "en":
        return [
            f'>>> evaluation = check(article.claim("{claim_id}"), article.ecosystem)',
            ">>> evaluation.verdict",
            f"<Verdict.{evaluation.verdict.name}: '{evaluation.verdict.value}'>",
            ">>> print(evaluation.explanation)",
            _doctest_text(evaluation.explanation),
        ]
    return [
        f'>>> with aiecosys.language("{current()}"):',
        f'...     evaluation = article.evaluation("{claim_id}")',
        "...     print(evaluation.verdict.label)",
        "...     print(evaluation.explanation)",
        evaluation.verdict.label,
        _doctest_text(evaluation.explanation),
    ]


def _claim_section(evaluation: Evaluation, lines: list[str]) -> str:
    claim = evaluation.claim
    out = [
        f"## `{claim.id}`: {evaluation.verdict.label} {{#{claim.id}}}",
        "",
        _words("quote", quote=claim.quote),
        "",
        f"*{text(claim.restatement)}*",
        "",
    ]
    if claim.note:
        out += [text(claim.note), ""]
    out += [
        _words("check"),
        "",
        "```toml",
        _check_text(claim.id, lines),
        "```",
        "",
        "```python",
        *_evaluation_example(evaluation),
        "```",
        "",
        _words("evidence"),
        "",
    ]
    for item in evaluation.evidence:
        out.append(_words("evidence item", label=item.label, value=item.value))
        for source in item.sources:
            title = source.title.replace("[", "(").replace("]", ")")
            link = f"[{title}]({source.url})" if source.url else title
            published = source.published
            details = ", ".join(
                part
                for part in (
                    source.publisher,
                    None if published is None else readable_period(published),
                )
                if part
            )
            out.append(f"    - {link}" + (f", {details}" if details else ""))
    if evaluation.conversions:
        out += ["", _words("conversions"), ""]
        out += [f"- {conversion}" for conversion in evaluation.conversions]
    return "\n".join(out) + "\n"


def pages() -> dict[str, str]:
    """Return the pages in every language by file name: NAME.md, NAME.fr.md."""
    result: dict[str, str] = {}
    for lang in LANGUAGES:
        with language(lang):
            written = _pages_in_current_language()
        result.update(
            {f"{name}{SUFFIXES[lang]}": page for name, page in written.items()}
        )
    return result


def _files_texts(article: Article) -> dict[str, dict[str, str]]:
    """The translations of the files' own texts the article carries, if any.

    Files may translate their texts (``[translations.fr]``); an article read
    with them keeps them: its knowledge base's, then its claims file's.
    """
    merged: dict[str, dict[str, str]] = {}
    for holder in (article.ecosystem, article):
        found = getattr(holder, "translations", None)
        if isinstance(found, Mapping):
            for lang, table in found.items():
                merged.setdefault(lang, {}).update(table)
    return merged


def _evaluate(article: Article) -> tuple[Evaluation, ...]:
    """The article's evaluations, made now, in the current language."""
    if current() == "en":
        return article.check()
    # An article keeps the evaluations made when it was read: evaluate afresh.
    return attrs.evolve(article).check()


def _pages_in_current_language() -> dict[str, str]:
    """The pages in the current language, by name without suffix."""
    article = load_article()
    lines = CLAIMS_FILE.read_text(encoding="utf-8").splitlines()
    with texts(_files_texts(article)):
        evaluations = _evaluate(article)
        grouped: dict[str, list[Evaluation]] = {}
        for evaluation in evaluations:
            grouped.setdefault(group_of(evaluation.claim.id), []).append(evaluation)
        titles = _titles()
        setup = SETUP if current() == "en" else SETUP_FR
        intro = INTRO if current() == "en" else INTRO_FR
        result: dict[str, str] = {}
        for slug, title in titles.items():
            body = [f"# {title}", "", intro[slug], "", setup]
            body += [_claim_section(e, lines) for e in grouped.get(slug, [])]
            result[slug] = "\n".join(body)
        result["index"] = _index(article, evaluations, titles)
    return result


def _titles() -> dict[str, str]:
    """The pages' titles in the current language, by slug."""
    if current() == "en":
        titles = {slug: title for slug, (title, _) in GROUPS.items()}
    else:
        titles = dict(TITLES_FR)
    titles["comparisons"] = _words("comparisons")
    return titles


def _index(
    article: Article, evaluations: tuple[Evaluation, ...], titles: dict[str, str]
) -> str:
    counts = Counter(e.verdict.value for e in evaluations)
    out = [
        _words("index title"),
        "",
        _words("index intro", title=article.source.title),
        "",
        SETUP,
        "```python",
        ">>> from collections import Counter",
        ">>> counts = Counter(e.verdict.value for e in article.check())",
        ">>> counts['SUPPORTED'], counts['REFUTED'], counts['NOT_ENOUGH_INFO']",
        f"({counts['SUPPORTED']}, {counts['REFUTED']}, {counts['NOT_ENOUGH_INFO']})",
        "```",
        "",
        _words("claims header"),
        "| --- | --- | --- | --- |",
    ]
    for evaluation in evaluations:
        slug = group_of(evaluation.claim.id)
        anchor = evaluation.claim.id
        out.append(
            f"| [`{anchor}`]({slug}.md#{anchor}) | {titles[slug]} "
            f"| **{evaluation.verdict.label}** | {text(evaluation.claim.restatement)} |"
        )
    out += ["", _words("opinions title"), ""]
    out += [_words("opinions header"), "| --- | --- |"]
    out += [
        f"| {_words('quote', quote=opinion.quote).removeprefix('> ')} "
        f"({text(opinion.restatement)}) | {text(opinion.reason)} |"
        for opinion in article.opinions
    ]
    return "\n".join(out) + "\n"


def main() -> int:
    """Write the pages into the folder given, or docs/article."""
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "article"
    folder.mkdir(parents=True, exist_ok=True)
    for name, page in pages().items():
        (folder / name).write_text(page, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
