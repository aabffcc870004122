"""Write the site's credits page from the article's knowledge base.

Run: python scripts/credits_page.py [OUTPUT_FILE]   (default: docs/credits.md)

The page credits the two datasets aiecosys uses (the ECB's euro reference rates
and Epoch AI's data on AI models), the article, and every source the article's
knowledge base cites, each with the facts it is cited for. The page is
committed; tests/test_credits_page.py checks that this script would write it
unchanged.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from aiecosys import Ecosystem, Source, load_article


ROOT = Path(__file__).resolve().parents[1]
EPOCH_KEY = "epoch-ai"
EPOCH_CREDIT = (
    'Epoch AI, "Data on AI Models". Published online at epoch.ai. '
    "Retrieved from https://epoch.ai/data/ai-models"
)
HEADER = """\
# Data sources and credits

aiecosys is built on the work of others: a central bank's published rates,
a research group's dataset, and the journalists, companies and researchers
whose publications back each fact. This page credits them all.
It is written by `scripts/credits_page.py` from the article's knowledge base.

## Exchange rates: the European Central Bank

Currency conversions use the **euro foreign exchange reference rates** of the
European Central Bank, published for each of its business days since
4 January 1999, and bundled with aiecosys (see
[Why every conversion has a date](explanation/exchange-rates.md)).
Source: [ECB euro reference exchange rates](https://www.ecb.europa.eu/stats/policy_and_exchange_rates/euro_reference_exchange_rates/html/index.en.html).
The ECB publishes these rates for information purposes only; we are grateful
for their publication and reuse.

## Model data: Epoch AI

Facts cited with the `epoch-ai` source come from Epoch AI's dataset
*Data on AI Models*, used under the
[Creative Commons Attribution 4.0 International licence](https://creativecommons.org/licenses/by/4.0/).
Credit line:

> {credit}

"""


def _sources_in(value: Any) -> Iterator[Source]:
    """Every Source inside a fact, its estimates, roles and scores included."""
    if isinstance(value, Source):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from _sources_in(item)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from _sources_in(getattr(value, field.name))


def _labels(eco: Ecosystem) -> dict[str, list[str]]:
    """For each source key, the facts that cite it, in the knowledge base's order."""
    facts: list[tuple[str, Any]] = []
    facts += [(org.name, org) for org in eco.organisations]
    facts += [(person.name, person) for person in eco.people]
    facts += [
        (f"{r.organisation} {r.kind.value} round ({r.announced})", r)
        for r in eco.rounds
    ]
    facts += [(f"{f.organisation} fund figures ({f.as_of})", f) for f in eco.funds]
    facts += [(model.name, model) for model in eco.models]
    cited: dict[str, list[str]] = {}
    for label, fact in facts:
        for source in _sources_in(fact):
            labels = cited.setdefault(source.key, [])
            if label not in labels:
                labels.append(label)
    return cited


def _entry(source: Source, cited_for: list[str]) -> str:
    title = source.title.replace("[", "(").replace("]", ")")
    text = f"[{title}]({source.url})" if source.url else f"*{title}*"
    details = [
        part
        for part in (source.author, source.publisher, str(source.published or ""))
        if part
    ]
    if details:
        text += ", " + ", ".join(details)
    if source.accessed:
        text += f" (read on {source.accessed.isoformat()})"
    facts = "; ".join(cited_for) if cited_for else "the knowledge base"
    return f"- {text}. `{source.key}`, cited for: {facts}."


def page() -> str:
    """Return the credits page."""
    article = load_article()
    eco = article.ecosystem
    cited = _labels(eco)
    epoch = cited.get(EPOCH_KEY, [])
    out = [HEADER.format(credit=EPOCH_CREDIT).rstrip(), ""]
    out += [
        "In the article's knowledge base, Epoch AI's data is cited for: "
        + ", ".join(epoch)
        + ".",
        "",
        "## The article",
        "",
        f"The worked case is {article.source}"
        + ("." if article.source.url else ", in French."),
        "Its claims, quoted in French with an English rendering, are",
        "[checked on this site](article/index.md).",
        "",
        f"## Every source the knowledge base cites ({len(eco.sources)})",
        "",
        "Each source with the facts it is cited for, by publisher.",
        "",
    ]
    ordered = sorted(
        eco.sources,
        key=lambda s: ((s.publisher or s.title).casefold(), s.title.casefold()),
    )
    out += [_entry(source, cited.get(source.key, [])) for source in ordered]
    return "\n".join(out) + "\n"


def main() -> int:
    """Write the page to the file given, or docs/credits.md."""
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "credits.md"
    target.write_text(page(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
