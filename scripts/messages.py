"""Extract aiecosys's messages and bring each language's catalog up to date.

Run it after adding or changing a message in the code:

    python scripts/messages.py

It extracts every ``_()``, ``gettext()``, ``ngettext()`` and ``N_()`` of
``src/aiecosys`` with Babel into ``src/aiecosys/locale/aiecosys.pot``, then
updates ``src/aiecosys/locale/<lang>/LC_MESSAGES/aiecosys.po`` from it (Babel's
``update``: kept translations stay, new messages arrive untranslated, changed
ones are marked fuzzy). tests/test_translations.py fails while any message of
the code is untranslated, fuzzy or missing from a catalog.

``--merge FILE.po ...`` also takes the translations of other catalogs (another
branch's, say) for the messages the code still has and this catalog has not
translated.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po


ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "aiecosys"
LOCALE = PACKAGE / "locale"
DOMAIN = "aiecosys"
LANGUAGES = ("fr",)
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}
_EPOCH = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
"""A fixed date in the headers: a run that changes no message changes no file."""


def extract() -> Catalog:
    """Every message of the package's code, with where it is used."""
    template = Catalog(
        project="aiecosys",
        domain=DOMAIN,
        msgid_bugs_address="https://github.com/aiecosys/aiecosys/issues",
        creation_date=_EPOCH,
        revision_date=_EPOCH,
        fuzzy=False,
    )
    for filename, lineno, message, comments, context in extract_from_dir(
        PACKAGE,
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=("Translators:",),
        strip_comment_tags=True,
    ):
        template.add(
            message,
            locations=[(f"aiecosys/{filename}", lineno)],
            auto_comments=comments,
            context=context,
            flags=("python-brace-format",) if _has_fields(message) else (),
        )
    return template


def _has_fields(message: str | tuple[str, ...]) -> bool:
    texts = (message,) if isinstance(message, str) else message
    return any("{" in text for text in texts)


def _read(path: Path, lang: str) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, locale=lang, domain=DOMAIN)


def _write(path: Path, catalog: Catalog) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as file:
        write_po(file, catalog, width=88, sort_by_file=True, ignore_obsolete=True)


def update(lang: str, template: Catalog, merge: list[Path]) -> tuple[int, int]:
    """Update *lang*'s catalog from *template*; return (messages, untranslated)."""
    path = LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    if path.exists():
        catalog = _read(path, lang)
    else:
        catalog = Catalog(locale=lang, domain=DOMAIN, fuzzy=False)
    catalog.revision_date = _EPOCH
    catalog.creation_date = _EPOCH
    for other_path in merge:
        other = _read(other_path, lang)
        for message in other:
            if not message.id or not message.string or message.fuzzy:
                continue
            mine = catalog.get(message.id, message.context)
            if mine is None:
                catalog.add(message.id, message.string, context=message.context)
            elif not mine.string or mine.fuzzy:
                mine.string = message.string
                mine.flags.discard("fuzzy")
    catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
    catalog.fuzzy = False
    _write(path, catalog)
    untranslated = sum(
        1 for message in catalog if message.id and (not message.string or message.fuzzy)
    )
    return len(catalog), untranslated


def main(argv: list[str] | None = None) -> int:
    """Extract, then update each catalog; print what is left to translate."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--merge", nargs="*", type=Path, default=[], metavar="PO")
    args = parser.parse_args(argv)
    template = extract()
    _write(LOCALE / f"{DOMAIN}.pot", template)
    for lang in LANGUAGES:
        total, untranslated = update(lang, template, args.merge)
        print(f"{lang}: {total} messages, {untranslated} untranslated or fuzzy")
    return 0


if __name__ == "__main__":
    sys.exit(main())
