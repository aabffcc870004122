"""Checking 1,000 claims against a knowledge base of 10,000 entities.

Run: python benchmarks/bench_claims.py [--quick]

The knowledge base is bench_load's synthetic one (organisations, people,
rounds with exact, ranged and undisclosed amounts, fund facts, models with
parameter estimates and benchmark scores). The claims cycle through the check
kinds a typical article needs: values, ratios, dates, attributes, roles,
membership, existence and benchmark comparisons. Totals over every round of
several organisations (the ordering check) are timed apart: they add up every
round, converting currencies at a stated date. The peer is a plain Python
dictionary look-up and Decimal comparison per claim, the least a check can do.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any


sys.path.insert(0, str(Path(__file__).parent))

from _timing import Figure, per_call, report
from bench_load import document


def _claim(n: int, check: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": f"claim-{n}",
        "quote": f"citation {n}",
        "restatement": f"Claim {n}.",
        "source": "article",
        "check": check,
    }


def _typical(n: int, organisations: int, models: int) -> dict[str, Any]:
    company, model = f"Company {n % organisations}", f"Model-{n % models}"
    kinds: list[dict[str, Any]] = [
        {
            "kind": "value",
            "measure": {"of": model, "field": "parameters"},
            "stated": "34000000000 parameter",
            "tolerance": "5%",
        },
        {
            "kind": "ratio",
            "numerator": {"of": model, "field": "parameters"},
            "denominator": {"of": f"Model-{(n + 1) % models}", "field": "parameters"},
            "ratio": "0.5",
            "tolerance": "10%",
        },
        {
            "kind": "date",
            "event": {"of": model, "field": "released"},
            "within": "last November",
        },
        {
            "kind": "attribute",
            "of": model,
            "field": "openness",
            "one_of": ["open-weights"],
        },
        {
            "kind": "role",
            "person": f"Person {n % organisations}",
            "organisation": company,
            "titles": ["founder"],
            "during": {"start": "2021-06-10", "end": "2021-06-20"},
        },
        {
            "kind": "membership",
            "members": [f"Company {(n + 1) % organisations}"],
            "investors_of": company,
            "until": "2024",
        },
        {
            "kind": "existence",
            "what": "model",
            "developer": company,
            "openness": ["open-weights"],
            "within": {"end": "2024-02"},
        },
        {
            "kind": "benchmark",
            "first": model,
            "second": f"Model-{(n + 1) % models}",
            "benchmarks": ["MMLU"],
            "tolerance": "5",
        },
        {
            "kind": "date",
            "event": {"of": company, "field": "founded"},
            "within": "15 years ago",
        },
    ]
    return kinds[n % len(kinds)]


def _ordering(n: int, organisations: int) -> dict[str, Any]:
    return {
        "kind": "ordering",
        "left": [
            {"of": f"Company {n % organisations}", "field": "total_raised"},
            {"of": f"Company {(n + 7) % organisations}", "field": "total_raised"},
        ],
        "right": [
            {"of": f"Company {(n + 3) % organisations}", "field": "total_raised"}
        ],
        "relation": "greater",
        "currency": "EUR",
        "on": "2024-02-01",
    }


def run(*, quick: bool = False) -> list[str]:
    import aiecosys

    entities = 1_000 if quick else 10_000
    count = 100 if quick else 1_000
    repeat = 1 if quick else 5
    kb = document(entities)
    eco = aiecosys.from_document(kb)
    organisations, models = len(eco.organisations), len(eco.models)
    article = {"article": {"title": "An article", "published": "2024-02"}}
    typical_doc = {
        "sources": article,
        "claims": [_claim(n, _typical(n, organisations, models)) for n in range(count)],
    }
    totals_doc = {
        "sources": article,
        "claims": [_claim(n, _ordering(n, organisations)) for n in range(count // 10)],
    }
    typical = aiecosys.claims_from_document(typical_doc, eco)
    totals = aiecosys.claims_from_document(totals_doc, eco)
    verdicts = {e.verdict for e in aiecosys.check_all(typical, eco)}
    assert len(verdicts) == 3, verdicts  # every verdict occurs

    # The peer: look a value up in a dict and compare it with a Decimal.
    sizes = {m.name: m.parameters.low for m in eco.models}
    stated = aiecosys.parameters("34B")
    names = [f"Model-{n % models}" for n in range(count)]

    def plain() -> object:
        return [sizes[name] == stated for name in names]

    def per_claim(name: str, fn: Callable[[], object], claims: int) -> Figure:
        figure = per_call(name, fn, number=1, repeat=repeat)
        return Figure(
            figure.name,
            figure.median / claims,
            figure.low / claims,
            figure.high / claims,
        )

    check_typical = per_claim(
        f"check (typical claim, {count:,} claims, {entities:,} entities)",
        lambda: aiecosys.check_all(typical, eco),
        count,
    )
    check_totals = per_claim(
        "check (sum of totals raised, with conversions)",
        lambda: aiecosys.check_all(totals, eco),
        len(totals),
    )
    load = per_claim(
        "claims_from_document (parse and validate, per claim)",
        lambda: aiecosys.claims_from_document(typical_doc, eco),
        count,
    )
    baseline = per_claim("dict look-up and compare", plain, count)
    rows = [
        (check_typical, baseline, "≤ 100 µs per claim"),
        (check_totals, baseline, "ratio reported"),
        (load, baseline, "ratio reported"),
    ]
    lines = report("Checking claims", rows)
    by_kind: dict[str, list[Any]] = {}
    for claim in typical:
        by_kind.setdefault(claim.check.kind, []).append(claim)
    for kind, claims in sorted(by_kind.items()):
        figure = per_claim(
            f"check ({kind})", lambda c=claims: aiecosys.check_all(c, eco), len(claims)
        )
        line = figure.describe()
        print(line)
        lines.append(line)
    return lines


if __name__ == "__main__":
    run(quick="--quick" in sys.argv)
