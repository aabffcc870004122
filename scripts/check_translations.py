"""Check the French tables of translations/ against the data files they translate.

Every key of a table must be a text its data file holds, exactly as tomllib
reads it; every translation must follow French typography (a no-break space
before ``:`` and inside « », a narrow or plain no-break space before ``; ? !``,
no English quotes). Run from the repository's root::

    python scripts/check_translations.py
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path
from typing import Any


ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "aiecosys" / "data"
TRANSLATIONS = ROOT / "translations"
TABLES = {
    "article_claims.fr.toml": "article_claims.toml",
    "article.fr.toml": "article.toml",
}
_PLAIN_SPACE_BEFORE = re.compile(r"[^\S\u00a0\u202f][:;?!»]|«[^\S\u00a0\u202f]")
_NO_BREAK_BEFORE = re.compile(r"[^\u00a0]:|[^\u00a0\u202f][;?!]|[^\u00a0]»|«[^\u00a0]")
_ENGLISH_QUOTES = re.compile(r'"|\u201c|\u201d')


def strings(value: Any) -> set[str]:
    """Every string *value* holds, however deep in tables and arrays."""
    if isinstance(value, str):
        return {value}
    if isinstance(value, dict):
        return set().union(*(strings(item) for item in value.values()))
    if isinstance(value, list):
        return set().union(*(strings(item) for item in value))
    return set()


def problems(table_name: str, data_name: str) -> list[str]:
    """What is wrong with one table: keys its file lacks, typography."""
    with (TRANSLATIONS / table_name).open("rb") as file:
        table = tomllib.load(file)
    with (DATA / data_name).open("rb") as file:
        held = strings(tomllib.load(file))
    if set(table) != {"translations"} or set(table["translations"]) != {"fr"}:
        return [f"{table_name}: holds more than [translations.fr]"]
    found = []
    for english, french in table["translations"]["fr"].items():
        if english not in held:
            found.append(f"{table_name}: not in {data_name}: {english!r}")
        if not isinstance(french, str) or not french:
            found.append(f"{table_name}: no French for {english!r}")
            continue
        for pattern in (_PLAIN_SPACE_BEFORE, _NO_BREAK_BEFORE, _ENGLISH_QUOTES):
            if pattern.search(french):
                found.append(f"{table_name}: typography of {french!r}")
                break
    return found


def main() -> int:
    """Check every table; print what is wrong and how many texts each translates."""
    found = []
    for table_name, data_name in TABLES.items():
        wrong = problems(table_name, data_name)
        found.extend(wrong)
        with (TRANSLATIONS / table_name).open("rb") as file:
            count = len(tomllib.load(file)["translations"]["fr"])
        print(f"{table_name}: {count} texts of {data_name}, {len(wrong)} problems")
    for problem in found:
        print(problem)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
