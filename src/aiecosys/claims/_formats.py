"""The versions of the claims format: format 1 read as format 2, and rewritten.

Format 2 names a claim's words ``quote`` (in the publication's language,
tagged by ``lang``) and ``restatement``; format 1 named them ``quote_fr`` and
``claim_en`` (and an opinion's ``quote_fr`` and ``statement_en``), the quote
being French. A format 1 document is read by renaming its keys, with a
[FormatNotice][aiecosys.FormatNotice]; [migrate_text][aiecosys.claims.migrate_text]
rewrites a file's text in format 2.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Mapping
from typing import Any, Final, Literal

from aiecosys._errors import DataError, FormatNotice, Problem
from aiecosys._files import parse_document
from aiecosys._i18n import gettext as _


__all__ = [
    "FORMAT_VERSION",
    "FORMAT_VERSIONS",
    "OLD_NAMES",
    "deprecated",
    "document_version",
    "migrate_text",
    "notify",
    "upgraded",
]


FORMAT_VERSION: Final = 2
"""The claims format written."""
FORMAT_VERSIONS: Final = (1, 2)
"""The claims formats read."""
_RENAMED: Final = {"quote_fr": "quote", "claim_en": "restatement"}
_OPINION_RENAMED: Final = {"quote_fr": "quote", "statement_en": "restatement"}
OLD_NAMES: Final = {**_RENAMED, **_OPINION_RENAMED}
"""Each format 1 key, by the format 2 key it became (for problems' fields)."""
_FORMAT_1_LANGUAGE: Final = "fr"
"""The language format 1 quotes are in, unless their source says otherwise."""


def document_version(document: Mapping[str, Any]) -> int:
    """The claims format of a parsed document: its format_version, else by its keys.

    A document that does not say is format 1 if a claim or an opinion uses a
    format 1 key (``quote_fr``, ``claim_en``, ``statement_en``), else format
    2: the two formats name their keys differently, so the keys tell. A
    version that is not a known one is returned as 0, for the reader to refuse.

    Examples:
        >>> from aiecosys.claims import document_version
        >>> document_version({"claims": [{"quote_fr": "..."}]})
        1
        >>> document_version({"format_version": 2})
        2
    """
    version = document.get("format_version")
    if version is None:
        old = any(
            isinstance(entry, dict) and entry.keys() & OLD_NAMES.keys()
            for name in ("claims", "opinions")
            for entry in _entries(document, name)
        )
        return 1 if old else FORMAT_VERSION
    if type(version) is int and version in FORMAT_VERSIONS:
        return version
    return 0


def _entries(document: Mapping[str, Any], name: str) -> list[Any]:
    entries = document.get(name, [])
    return entries if isinstance(entries, list) else []


def upgraded(document: Mapping[str, Any], *, file: str | None = None) -> dict[str, Any]:
    """A format 1 document as format 2: its keys renamed, its quotes tagged French.

    A quote whose source gives no ``language`` is tagged ``lang = "fr"``, the
    language format 1 assumed; a source that gives one keeps it. A format 1
    claim that also uses a format 2 key is refused, not guessed at.

    Raises:
        DataError: A claim or an opinion mixes the two formats' keys.

    Examples:
        >>> from aiecosys.claims import upgraded
        >>> upgraded(
        ...     {
        ...         "format_version": 1,
        ...         "claims": [{"id": "x", "quote_fr": "oui", "claim_en": "Yes."}],
        ...     }
        ... )
        {'format_version': 2,
         'claims': [{'id': 'x', 'lang': 'fr', 'quote': 'oui', 'restatement': 'Yes.'}]}
    """
    result = dict(document)
    result["format_version"] = FORMAT_VERSION
    sources = document.get("sources")
    problems: list[Problem] = []
    for name, renamed in (("claims", _RENAMED), ("opinions", _OPINION_RENAMED)):
        if isinstance(document.get(name), list):
            result[name] = [
                _upgraded_entry(
                    entry,
                    _label(entry, f"{name}[{number}]"),
                    renamed,
                    sources,
                    tag=name == "claims",
                    file=file,
                    problems=problems,
                )
                for number, entry in enumerate(document[name])
            ]
    if problems:
        raise DataError(problems)
    return result


def _label(entry: Any, position: str) -> str:
    found = entry.get("id") if isinstance(entry, dict) else None
    return found if isinstance(found, str) else position


def _upgraded_entry(
    entry: Any,
    label: str,
    renamed: Mapping[str, str],
    sources: Any,
    *,
    tag: bool,
    file: str | None,
    problems: list[Problem],
) -> Any:
    """An entry with its keys renamed, and if *tag*, its quote's language."""
    if not isinstance(entry, dict):
        return entry
    problems.extend(
        Problem(
            _(
                "is a format 2 key, in a format 1 file: write format 1's {old}, "
                "or set format_version = 2 and use {new}"
            ).format(old=", ".join(renamed), new=", ".join(renamed.values())),
            file=file,
            entry=label,
            field=key,
        )
        for key in sorted(entry.keys() & {*renamed.values(), "lang"})
    )
    result: dict[str, Any] = {}
    for key, value in entry.items():
        if (
            key == "quote_fr"
            and tag
            and not _has_language(sources, entry.get("source"))
        ):
            result["lang"] = _FORMAT_1_LANGUAGE
        result[renamed.get(key, key)] = value
    return result


def _has_language(sources: Any, key: Any) -> bool:
    if not isinstance(sources, dict) or not isinstance(key, str):
        return False
    table = sources.get(key)
    return isinstance(table, dict) and "language" in table


def deprecated(old: str, new: str) -> None:
    """Warn that the format 1 name *old* is deprecated, naming *new*.

    Examples:
        >>> import warnings
        >>> from aiecosys.claims import deprecated
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     deprecated("Claim.quote_fr", "Claim.quote")
        >>> print(caught[0].message)
        Claim.quote_fr is deprecated and will be removed: use Claim.quote
    """
    warnings.warn(
        f"{old} is deprecated and will be removed: use {new}",
        DeprecationWarning,
        stacklevel=3,
    )


def notify(file: str | None) -> None:
    """Warn, with a [FormatNotice][aiecosys.FormatNotice], that *file* is format 1.

    Examples:
        >>> import warnings
        >>> from aiecosys.claims import notify
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     notify("claims.toml")
        >>> print(caught[0].message)  # doctest: +NORMALIZE_WHITESPACE
        claims.toml: format 1, read as format 2; run `aiecosys migrate
        claims.toml` to update it
    """
    if file is None:
        message = _(
            "the claims: format 1, read as format 2; run `aiecosys migrate FILE` "
            "to update it"
        )
    else:
        message = _(
            "{file}: format 1, read as format 2; run `aiecosys migrate {file}` "
            "to update it"
        ).format(file=file)
    warnings.warn(FormatNotice(message), stacklevel=2)


_VERSION_LINE: Final = re.compile(r"(?m)^(\s*format_version\s*=\s*)1(\s*(?:#.*)?)$")
_KEY_LINE: Final = re.compile(
    r"(?P<indent>[ \t]*)(?P<key>quote_fr|claim_en|statement_en)\s*="
)
_OPENING: Final = re.compile(r"(?:[ \t]*#[^\n]*\n)*")
_HEADER: Final = re.compile(r"\s*\[\[?\s*(?P<name>[A-Za-z0-9_-]+)")


def migrate_text(
    text: str,
    *,
    format: Literal["toml", "json"],  # noqa: A002 - the name used by loads()
    file: str | None = None,
) -> str:
    r"""Rewrite the text of a format 1 claims file (or combined file) as format 2.

    TOML is rewritten key by key, so that comments and layout stay: the
    format 1 keys are renamed, ``format_version = 1`` becomes ``2``, and a
    ``lang = "fr"`` line is added before a quote whose source gives no
    language. The result is read back and must be the format 2 reading of
    the original, or the file is refused. JSON is written anew.

    Raises:
        DataError: The text is not a claims file, is not format 1, or is
            written in a way the key by key rewrite does not follow (say, a
            claim as an inline table); the message says what to do.

    Examples:
        >>> from aiecosys.claims import migrate_text
        >>> print(
        ...     migrate_text(
        ...         '''format_version = 1  # the old names
        ... [[claims]]
        ... id = "x"
        ... quote_fr = "oui"  # the exact words
        ... claim_en = "Yes."
        ... ''',
        ...         format="toml",
        ...     )
        ... )
        format_version = 2  # the old names
        [[claims]]
        id = "x"
        lang = "fr"
        quote = "oui"  # the exact words
        restatement = "Yes."
        <BLANKLINE>
    """
    document = parse_document(text, format=format, file=file, versions=FORMAT_VERSIONS)
    if not isinstance(document.get("claims"), list):
        raise DataError(
            [
                Problem(
                    _(
                        "is not a claims file (it has no [[claims]] array): migrate "
                        "rewrites claims files only"
                    ),
                    file=file,
                )
            ]
        )
    version = document_version(document)
    if version != 1:
        shown = document.get("format_version", version)
        raise DataError(
            [
                Problem(
                    _(
                        "is format {version}, not format 1: there is nothing to migrate"
                    ).format(version=repr(shown)),
                    file=file,
                    field="format_version",
                )
            ]
        )
    wanted = upgraded(document, file=file)
    if format == "json":
        import json

        return json.dumps(wanted, ensure_ascii=False, indent=2) + "\n"
    rewritten = _rewritten_toml(text, wanted)
    try:
        again = parse_document(
            rewritten, format="toml", file=file, versions=FORMAT_VERSIONS
        )
    except DataError:
        again = None
    if again != wanted:
        raise DataError(
            [
                Problem(
                    _(
                        "cannot be rewritten key by key, keeping its comments (a "
                        "claim or an opinion is written as an inline table, or a key "
                        "is quoted or dotted): rename quote_fr to quote, claim_en "
                        'and statement_en to restatement, add lang = "fr" to the '
                        "claims whose source gives no language, and set "
                        "format_version = 2 by hand"
                    ),
                    file=file,
                )
            ]
        )
    return rewritten


def _rewritten_toml(text: str, wanted: Mapping[str, Any]) -> str:
    langs = iter(
        entry.get("lang") if isinstance(entry, dict) else None
        for entry in wanted["claims"]
    )
    lines: list[str] = []
    table = ""
    for line in text.splitlines(keepends=True):
        header = _HEADER.match(line)
        if header is not None:
            table = header["name"]
        match = _KEY_LINE.match(line)
        if match is not None:
            indent, old = match["indent"], match["key"]
            if old == "quote_fr" and table == "claims":
                lang = next(langs, None)
                if lang is not None:
                    ending = line[len(line.rstrip("\r\n")) :] or "\n"
                    lines.append(f'{indent}lang = "{lang}"{ending}')
            lines.append(f"{indent}{OLD_NAMES[old]}{line[match.end('key') :]}")
        else:
            lines.append(line)
    text = "".join(lines)
    if _VERSION_LINE.search(text):
        return _VERSION_LINE.sub(rf"\g<1>{FORMAT_VERSION}\g<2>", text, count=1)
    # The version goes after the opening comments, before the first table or key.
    head = _OPENING.match(text)
    end = head.end() if head is not None else 0
    return f"{text[:end]}format_version = {FORMAT_VERSION}\n{text[end:]}"
