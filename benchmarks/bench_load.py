"""Loading a knowledge base of 10,000 entities, against plain json.load and tomllib.

Run: python benchmarks/bench_load.py [--quick]

The knowledge base is synthetic but shaped like the article's: organisations
with aliases, people with roles, funding rounds with exact, ranged and
undisclosed amounts, fund facts, and models with parameter estimates and
benchmark scores, citing 200 sources. aiecosys.load parses the file, builds
and validates every entity, then checks every reference across entities;
the peers only parse.
"""

from __future__ import annotations

import json
import sys
import tempfile
import tomllib
from collections.abc import Callable
from pathlib import Path


sys.path.insert(0, str(Path(__file__).parent))

from _timing import Figure, interleaved, once, report


def document(entities: int) -> dict[str, object]:
    """A knowledge-base document with about *entities* entities."""
    share = entities // 10
    sources = {
        f"source-{n}": {
            "title": f"Announcement {n}",
            "publisher": "Example News",
            "url": f"https://example.org/{n}",
            "published": f"20{10 + n % 14}-{1 + n % 12:02d}",
        }
        for n in range(200)
    }

    def cite(n: int) -> list[str]:
        return [f"source-{n % 200}"]

    organisations = [
        {
            "name": f"Company {n}",
            "aliases": [f"Co{n}", f"公司{n}"],
            "kind": "company" if n % 5 else "venture-capital-firm",
            "country": ["CN", "FR", "US", "TW"][n % 4],
            "founded": f"{2000 + n % 20}",
            "sources": cite(n),
        }
        for n in range(2 * share)
    ]
    people = [
        {
            "name": f"Person {n}",
            "nationality": ["CN", "FR", "US", "TW"][n % 4],
            "roles": [
                {"title": "founder", "organisation": f"Company {n}", "start": "2021-06"}
            ],
            "sources": cite(n),
        }
        for n in range(2 * share)
    ]
    amounts: list[object] = [
        "105000000 EUR",
        {"low": "180000000 USD", "high": "220000000 USD", "status": "reported"},
        {"status": "undisclosed"},
    ]
    rounds = [
        {
            "organisation": f"Company {n % (2 * share)}",
            "announced": f"2023-{1 + n % 12:02d}-{1 + n % 28:02d}",
            "kind": ["seed", "series-a", "strategic"][n % 3],
            "amount": amounts[n % 3],
            "investors": [
                f"Company {(n + 1) % (2 * share)}",
                f"Person {n % (2 * share)}",
            ],
            "sources": cite(n),
        }
        for n in range(3 * share)
    ]
    funds = [
        {
            "organisation": f"Company {5 * (n % (2 * share // 5))}",
            "as_of": "2024",
            "assets_under_management": "3000000000 USD",
            "portfolio_size": 400,
            "sources": cite(n),
        }
        for n in range(share // 2)
    ]
    models = [
        {
            "name": f"Model-{n}",
            "developers": [f"Company {n % (2 * share)}"],
            "released": "2023-11",
            "parameters": (
                "34000000000 parameter"
                if n % 2
                else {
                    "low": "1000000000000 parameter",
                    "high": "1800000000000 parameter",
                    "status": "estimated",
                }
            ),
            "openness": "open-weights",
            "benchmarks": [{"benchmark": "MMLU", "score": "76.3", "sources": cite(n)}],
            "sources": cite(n),
        }
        for n in range(entities - 7 * share - share // 2)
    ]
    return {
        "sources": sources,
        "organisations": organisations,
        "people": people,
        "rounds": rounds,
        "funds": funds,
        "models": models,
    }


def run(*, quick: bool = False) -> list[str]:
    import tomli_w

    import aiecosys

    entities = 1_000 if quick else 10_000
    repeat = 1 if quick else 7
    doc = document(entities)
    folder = Path(tempfile.mkdtemp())
    as_json, as_toml = folder / "kb.json", folder / "kb.toml"
    as_json.write_text(json.dumps(doc), encoding="utf-8")
    as_toml.write_text(tomli_w.dumps(doc), encoding="utf-8")

    def json_load() -> object:
        with as_json.open(encoding="utf-8") as file:
            return json.load(file)

    def toml_load() -> object:
        with as_toml.open("rb") as file:
            return tomllib.load(file)

    eco = aiecosys.load(as_json)
    counted = sum(
        len(getattr(eco, name))
        for name in ("organisations", "people", "rounds", "funds", "models")
    )
    assert counted == entities, counted

    samplers = [
        (
            f"aiecosys.load (JSON, {entities:,} entities)",
            lambda: aiecosys.load(as_json),
        ),
        (
            f"aiecosys.load (TOML, {entities:,} entities)",
            lambda: aiecosys.load(as_toml),
        ),
        ("json.load", json_load),
        ("tomllib.load", toml_load),
        ("aiecosys.dumps (TOML)", lambda: aiecosys.dumps(eco)),
        ("json.dumps", lambda: json.dumps(doc)),
        *_faster_toml_reader(as_toml),
    ]
    figures = interleaved([(name, once(call)) for name, call in samplers], repeat)
    load_json, load_toml, plain_json, plain_toml, dump_toml, dump_json, *faster = (
        figures
    )

    sizes = f"JSON {as_json.stat().st_size / 1e6:.1f} MB, TOML {as_toml.stat().st_size / 1e6:.1f} MB"
    rows: list[tuple[Figure, Figure, str]] = [
        (load_json, plain_json, "well under 1 s"),
        (load_toml, plain_toml, "<= 1.5x"),
        (load_toml, plain_json, "ratio reported"),
        (dump_toml, dump_json, "ratio reported"),
    ]
    rows += [
        (rtoml, plain_toml, "informational (aiecosys reads with it)")
        for rtoml in faster
    ]
    return [*report(f"Loading a knowledge base ({sizes})", rows)]


def _faster_toml_reader(path: Path) -> list[tuple[str, Callable[[], object]]]:
    """rtoml alone, the compiled reader aiecosys reads TOML with, beside tomllib."""
    import rtoml

    text = path.read_text(encoding="utf-8")
    if rtoml.loads(text) != tomllib.loads(text):
        raise SystemExit("rtoml and tomllib read the knowledge base differently")

    def rtoml_load() -> object:
        with path.open(encoding="utf-8") as file:
            return rtoml.load(file)

    return [("rtoml.load", rtoml_load)]


if __name__ == "__main__":
    run(quick="--quick" in sys.argv)
