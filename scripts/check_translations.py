"""Check the French translations of the bundled files' texts against those files.

Each data file ends with its table ``[translations.fr]``, mapping a text of
the file to its French. Every key must be a text the data file holds outside
its translations, exactly as tomllib reads it; every translation must follow
French typography (a no-break space before ``:`` and inside « », a narrow or
plain no-break space before ``; ? !``, no English quotes); every restatement,
note, reason and description of the file must have its translation. Run from
anywhere::

    python scripts/check_translations.py
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path
from typing import Any

from aiecosys._files import file_texts


ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "aiecosys" / "data"
FILES = ("article_claims.toml", "article.toml")
"""The data files whose texts are translated."""

TRANSLATED = frozenset({"restatement", "note", "reason", "description"})
"""The fields whose texts must all be translated (``published_note`` is a note)."""

_PLAIN_SPACE_BEFORE = re.compile(r"[^\S\u00a0\u202f][:;?!»]|«[^\S\u00a0\u202f]")
_NO_BREAK_BEFORE = re.compile(r"[^\u00a0]:|[^\u00a0\u202f][;?!]|[^\u00a0]»|«[^\u00a0]")
_ENGLISH_QUOTES = re.compile(r'"|\u201c|\u201d')


def _load(path: Path) -> dict[str, Any]:
    with path.open("rb") as file:
        return tomllib.load(file)


def _without_translations(data_name: str) -> dict[str, Any]:
    data = _load(DATA / data_name)
    data.pop("translations", None)
    return data


def texts(data_name: str) -> set[str]:
    """The texts of data file *data_name*, its translations left out."""
    return file_texts(_load(DATA / data_name))


def prose(value: object) -> list[str]:
    """The restatements, notes, reasons and descriptions *value* holds, however deep.

    A field counts by its name, or the end of its name after ``_``
    (``published_note``); each text is listed once.
    """
    found: dict[str, None] = {}
    pending = [value]
    while pending:
        item = pending.pop(0)
        if isinstance(item, dict):
            for key, field in item.items():
                if isinstance(field, str) and key.rsplit("_", 1)[-1] in TRANSLATED:
                    found[field] = None
                else:
                    pending.append(field)
        elif isinstance(item, list):
            pending.extend(item)
    return list(found)


def untranslated(data_name: str) -> list[str]:
    """The restatements, notes, reasons and descriptions of *data_name* untranslated."""
    french = table(data_name)
    return [
        text for text in prose(_without_translations(data_name)) if text not in french
    ]


def table(data_name: str) -> dict[str, Any]:
    """The French table of data file *data_name*, its own ``[translations.fr]``."""
    document = _load(DATA / data_name)
    return dict(document.get("translations", {}).get("fr", {}))


def typography(french: str) -> bool:
    """Whether *french* follows French typography as this project writes it."""
    return not any(
        pattern.search(french)
        for pattern in (_PLAIN_SPACE_BEFORE, _NO_BREAK_BEFORE, _ENGLISH_QUOTES)
    )


def problems(data_name: str) -> list[str]:
    """What is wrong with one file's table: keys the file lacks, typography, gaps."""
    held = texts(data_name)
    found = []
    for english, french in table(data_name).items():
        if english not in held:
            found.append(f"{data_name}: not a text of the file: {english!r}")
        if not isinstance(french, str) or not french:
            found.append(f"{data_name}: no French for {english!r}")
        elif not typography(french):
            found.append(f"{data_name}: typography of {french!r}")
    found.extend(
        f"{data_name}: no translation of {text!r}" for text in untranslated(data_name)
    )
    return found


def main() -> int:
    """Check every table; print what is wrong and how many texts each translates."""
    found = []
    for data_name in FILES:
        wrong = problems(data_name)
        found.extend(wrong)
        count = len(table(data_name))
        print(f"{data_name}: {count} texts translated, {len(wrong)} problems")
    for problem in found:
        print(problem)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
