"""Reading claims files: sources, claims and their checks, every problem listed."""

from __future__ import annotations

import contextlib
import decimal
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Final, Literal

import attrs

from aiecosys._dates import PartialDate, Period
from aiecosys._ecosystem import COLLECTIONS, Ecosystem
from aiecosys._errors import AiecosysError, DataError, ParseError, Problem
from aiecosys._files import format_of, parse_document, reading_locale
from aiecosys._source import Publication, Source
from aiecosys.claims._claim import Claim, check, validate
from aiecosys.claims._context import DECIMALS
from aiecosys.claims._fields import (
    InvalidError,
    Parser,
    Reader,
    message_of,
    parse_date,
    parse_partial_date,
    parse_text,
)
from aiecosys.claims._formats import (
    FORMAT_VERSION,
    FORMAT_VERSIONS,
    OLD_NAMES,
    document_version,
    notify,
    upgraded,
)
from aiecosys.claims._registry import KINDS


__all__ = [
    "claims_from_document",
    "facts_of",
    "id_clash",
    "load_claims",
    "load_with_claims",
    "loads_claims",
]


def _parse_published(raw: Any, reader: Reader, path: str) -> PartialDate | Period:
    """Read a publication date, or the range it lies in when it is not known.

    A range is ``"2024-01 to 2024-03"`` or ``{ earliest = ..., latest = ... }``.
    """
    if isinstance(raw, dict):
        extra = set(raw) - {"earliest", "latest"}
        if extra:
            raise ParseError(
                f"a range of dates takes earliest and latest, not "
                f"{', '.join(sorted(map(str, extra)))}"
            )
        if set(raw) != {"earliest", "latest"}:
            raise ParseError(
                "a range of dates needs both earliest and latest: the earliest and "
                "the latest date it may have been published"
            )
        return Period(
            parse_partial_date(raw["earliest"], reader, path),
            parse_partial_date(raw["latest"], reader, path),
        )
    if isinstance(raw, str) and " to " in raw:
        earliest, _, latest = raw.partition(" to ")
        return Period(
            parse_partial_date(earliest.strip(), reader, path),
            parse_partial_date(latest.strip(), reader, path),
        )
    return parse_partial_date(raw, reader, path)


_SOURCE_FIELDS: Final[dict[str, Parser]] = {
    "title": parse_text,
    "url": parse_text,
    "publisher": parse_text,
    "published": _parse_published,
    "accessed": parse_date,
    "author": parse_text,
    "kind": parse_text,
    "archived_url": parse_text,
    "language": parse_text,
    "licence": parse_text,
    "published_source": parse_text,
    "published_note": parse_text,
}
_PUBLICATION_FIELDS: Final = frozenset(
    {"language", "licence", "published_source", "published_note"}
)
"""The fields only a publication has: a source with one is a Publication."""
_CLAIM_FIELDS: Final = ("id", "quote", "lang", "restatement", "source", "check", "note")
_REQUIRED: Final = ("id", "quote", "restatement")


def _check(raw: Any, reader: Reader, path: str) -> Any:
    if not isinstance(raw, dict):
        reader.problem(path, "must be a table with a kind")
        raise InvalidError
    named = raw.get("kind")
    kind = KINDS.get(named) if isinstance(named, str) else None
    if kind is None:
        reader.problem(
            f"{path}.kind",
            f"unknown check kind {raw.get('kind')!r}; use one of {', '.join(KINDS)}",
        )
        raise InvalidError
    return reader.build(kind.check, kind.fields, raw, path, tag="kind")


def _sources(
    raw: Any, reader: Reader, known: Mapping[str, Source]
) -> dict[str, Source]:
    if not isinstance(raw, dict):
        reader.problem("sources", "must be a table of sources by key")
        return {}
    found: dict[str, Source] = {}
    evidence: dict[str, str] = {}
    for key, fields in raw.items():
        reader.entry = f"sources.{key}"
        if not isinstance(fields, dict):
            reader.problem(None, "must be a table")
            continue
        values = _source_values(fields, reader)
        if isinstance(values.get("published_source"), str):
            evidence[key] = values.pop("published_source")
        try:
            found[key] = _source(key, values)
        except (AiecosysError, ValueError, TypeError) as error:
            reader.problem(None, message_of(error))
    everything = {**known, **found}
    for key, cited in evidence.items():
        reader.entry = f"sources.{key}"
        if key not in found:
            continue
        if cited not in everything or cited == key:
            reader.problem(
                "published_source",
                f"unknown source {cited!r}: give the key of another source, the "
                "evidence for the publication date, defined in a "
                f"[sources.{cited}] table",
            )
            continue
        try:
            found[key] = _source(
                key, {**_fields_of(found[key]), "published_source": everything[cited]}
            )
        except (AiecosysError, ValueError, TypeError) as error:
            reader.problem(None, message_of(error))
    reader.entry = None
    return found


def _source_values(fields: dict[str, Any], reader: Reader) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name, value in fields.items():
        parser = _SOURCE_FIELDS.get(name)
        if parser is None:
            reader.problem(
                name,
                f"unknown field {name!r}; a source takes {', '.join(_SOURCE_FIELDS)}",
            )
            continue
        try:
            values[name] = parser(value, reader, name)
        except (AiecosysError, ValueError, TypeError) as error:
            reader.problem(name, message_of(error))
    return values


def _source(key: str, values: dict[str, Any]) -> Source:
    """A Source, or a Publication if a field says more than a source does."""
    if isinstance(values.get("published"), Period):
        values = dict(values)
        values["published_between"] = values.pop("published")
    if values.keys() & {*_PUBLICATION_FIELDS, "published_between"}:
        return Publication(key, **values)
    return Source(key, **values)


def _fields_of(source: Source) -> dict[str, Any]:
    fields = {name: getattr(source, name) for name in attrs.fields_dict(type(source))}
    del fields["key"]
    return {name: value for name, value in fields.items() if value is not None}


def claims_from_document(
    document: Mapping[str, Any], eco: Ecosystem, *, file: str | None = None
) -> tuple[Claim, ...]:
    """Build claims from a parsed document, and check them against *eco*.

    Every problem in every claim is collected into one
    [DataError][aiecosys.DataError], each naming the file, the claim's id and
    the field: an unknown field or check kind, an unknown entity, a check that
    compares incompatible things (money with parameters), a relative date with
    no publication date to resolve it, an id used twice (or differing only by
    case), a check that could not fail (an empty period, an empty list, a fact
    compared with itself, a ratio of zero), a number out of range or a margin
    of days that is not whole. Each claim is then evaluated once, so that a
    check these facts cannot answer fails here, not when it is checked.

    Raises:
        DataError: The claims are invalid; every problem is listed.

    Examples:
        >>> from aiecosys import Ecosystem, claims_from_document
        >>> claims_from_document(
        ...     {
        ...         "sources": {"a": {"title": "An article", "published": "2024-02"}},
        ...         "claims": [
        ...             {
        ...                 "id": "yi-size",
        ...                 "quote": "34 milliards de paramètres",
        ...                 "restatement": "Yi has 34 billion parameters.",
        ...                 "source": "a",
        ...                 "check": {
        ...                     "kind": "value",
        ...                     "measure": {"of": "Yi-34B", "field": "parameters"},
        ...                     "stated": "34000000000 parameter",
        ...                 },
        ...             }
        ...         ],
        ...     },
        ...     Ecosystem(),
        ... )
        Traceback (most recent call last):
        ...
        aiecosys.DataError: 1 problem found:
          - entry 'yi-size', field 'check.measure.of': no model is named 'Yi-34B'
    """
    with decimal.localcontext(DECIMALS):
        return _claims_from_document(document, eco, file)


def _claims_from_document(
    document: Mapping[str, Any], eco: Ecosystem, file: str | None
) -> tuple[Claim, ...]:
    version = document_version(document)
    if version == 1:
        notify(file)
        document = upgraded(document, file=file)
        try:
            return _read(document, eco, file)
        except DataError as error:
            raise DataError(_as_format_1(error.problems)) from None
    return _read(document, eco, file)


def _as_format_1(problems: Iterable[Problem]) -> list[Problem]:
    """Problems in a format 1 file, naming its own keys (quote_fr, not quote)."""
    back = {new: old for old, new in OLD_NAMES.items() if old != "statement_en"}
    return [
        attrs.evolve(problem, field=back.get(problem.field or "", problem.field))
        for problem in problems
    ]


def _read(
    document: Mapping[str, Any], eco: Ecosystem, file: str | None
) -> tuple[Claim, ...]:
    """Read the claims in the file's ``locale``, which settles decimal marks."""
    locale = document.get("locale")
    if locale is not None and not isinstance(locale, str):
        message = f"locale must be text such as 'fr' or 'en', not {locale!r}"
        raise DataError([Problem(message, file=file, field="locale")])
    with reading_locale(locale):
        return _read_claims(document, eco, file)


def _read_claims(
    document: Mapping[str, Any], eco: Ecosystem, file: str | None
) -> tuple[Claim, ...]:
    reader = Reader(file, None, [])
    if document_version(document) == 0:
        reader.problem(
            "format_version",
            f"format_version {document['format_version']!r} is not one of "
            f"{', '.join(map(str, FORMAT_VERSIONS))}: write {FORMAT_VERSION}",
        )
    known = {"format_version", "locale", "sources", "claims", *COLLECTIONS}
    for key in document:
        if key not in known:
            reader.entry = key
            reader.problem(
                None, f"unknown top-level key {key!r}; expected sources and claims"
            )
    reader.entry = None
    sources = {source.key: source for source in eco.sources}
    sources.update(_sources(document.get("sources", {}), reader, sources))
    entries = document.get("claims", [])
    if not isinstance(entries, list):
        reader.problem("claims", "must be an array of tables")
        entries = []
    claims: list[Claim] = []
    seen: dict[str, str] = {}
    for number, raw in enumerate(entries):
        claim = _claim(raw, number, sources, eco, reader)
        if claim is None:
            continue
        clash = id_clash(claim.id, seen, "claim")
        if clash is not None:
            reader.problem("id", clash)
        claims.append(claim)
    if reader.problems:
        raise DataError(reader.problems)
    return tuple(claims)


def id_clash(new: str, seen: dict[str, str], what: str) -> str | None:
    """Why *new* clashes with an id in *seen* (by case-folded id), if it does.

    Ids that differ only by case clash: a reader (or a file system, or a
    search) may take one for the other. *new* is added to *seen*.

    Examples:
        >>> from aiecosys.claims import id_clash
        >>> seen: dict[str, str] = {}
        >>> id_clash("yi-size", seen, "claim") is None
        True
        >>> print(id_clash("Yi-Size", seen, "claim"))
        the id 'Yi-Size' differs from the id 'yi-size' of another claim only by
        case: give the claims ids that differ by more
    """
    other = seen.get(new.casefold())
    if other is None:
        seen[new.casefold()] = new
        return None
    if other == new:
        return f"the id {new!r} is used by another {what}"
    return (
        f"the id {new!r} differs from the id {other!r} of another {what} only by "
        f"case: give the {what}s ids that differ by more"
    )


def _claim(
    raw: Any,
    number: int,
    sources: Mapping[str, Source],
    eco: Ecosystem,
    reader: Reader,
) -> Claim | None:
    reader.entry = f"claims[{number}]"
    if not isinstance(raw, dict):
        reader.problem(None, "must be a table")
        return None
    if isinstance(raw.get("id"), str):
        reader.entry = raw["id"]
    before = len(reader.problems)
    values = _claim_values(raw, sources, reader)
    if len(reader.problems) > before:
        return None
    try:
        claim = Claim(**values)
    except (AiecosysError, ValueError, TypeError) as error:
        reader.problem(None, message_of(error))
        return None
    for field, message in validate(claim, eco):
        reader.problem(field, message)
    if len(reader.problems) > before:
        return None
    # Whatever the rules above miss, a trial evaluation finds now, not later.
    try:
        check(claim, eco)
    except DataError as error:
        for problem in error.problems:
            reader.problem(problem.field, problem.message)
        return None
    return claim


def _claim_values(
    raw: dict[str, Any], sources: Mapping[str, Source], reader: Reader
) -> dict[str, Any]:
    for key in raw:
        if key not in _CLAIM_FIELDS:
            reader.problem(
                key, f"unknown field {key!r}; a claim takes {', '.join(_CLAIM_FIELDS)}"
            )
    values: dict[str, Any] = {}
    for name in ("id", "quote", "lang", "restatement", "note"):
        if name in raw:
            try:
                values[name] = parse_text(raw[name], reader, name)
            except ParseError as error:
                reader.problem(name, str(error))
    _claim_source(raw.get("source"), sources, reader, values)
    if "check" not in raw:
        reader.problem("check", "is required but missing")
    else:
        with contextlib.suppress(InvalidError):
            values["check"] = _check(raw["check"], reader, "check")
    for name in _REQUIRED:
        if name not in raw:
            reader.problem(name, "is required but missing")
    return values


def _claim_source(
    key: object,
    sources: Mapping[str, Source],
    reader: Reader,
    values: dict[str, Any],
) -> None:
    if key is None:
        reader.problem("source", "is required but missing: the key of the publication")
    elif not isinstance(key, str) or key not in sources:
        reader.problem(
            "source", f"unknown source {key!r}: define it in a [sources.{key}] table"
        )
    else:
        values["source"] = sources[key]


def loads_claims(
    text: str,
    eco: Ecosystem,
    *,
    format: Literal["toml", "json"] = "toml",  # noqa: A002 - the name used by loads()
    file: str | None = None,
) -> tuple[Claim, ...]:
    r"""Read claims from TOML or JSON text, and check them against *eco*.

    Raises:
        DataError: The text is not valid TOML or JSON, or a claim is invalid;
            every problem is listed.

    Examples:
        >>> from aiecosys import Ecosystem, loads_claims
        >>> loads_claims("[[claims]]\nid = 'x'\nwords = 'oops'\n", Ecosystem())
        Traceback (most recent call last):
        ...
        aiecosys.DataError: 5 problems found:
          - entry 'x', field 'words': unknown field 'words'; a claim takes id,
            quote, lang, restatement, source, check, note
          ...
    """
    document = parse_document(text, format=format, file=file, versions=FORMAT_VERSIONS)
    return claims_from_document(document, eco, file=file)


def load_claims(path: str | Path, eco: Ecosystem) -> tuple[Claim, ...]:
    r"""Load claims from a ``.toml`` or ``.json`` file, and check them against *eco*.

    Raises:
        DataError: A claim is invalid; every problem is listed, each with the
            file, the claim's id and the field.

    Examples:
        >>> import pathlib, tempfile
        >>> from aiecosys import Ecosystem, load_claims
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "claims.toml"
        >>> _ = path.write_text("format_version = 2\n", encoding="utf-8")
        >>> load_claims(path, Ecosystem())
        ()
    """
    from aiecosys._files import read_text

    path = Path(path)
    text = read_text(path)
    return loads_claims(text, eco, format=format_of(path), file=str(path))


def facts_of(document: Mapping[str, Any]) -> dict[str, Any]:
    """The knowledge base's part of a combined file, as a knowledge base reads it.

    What only a claims file says is left out: its format_version (the claims
    format's), and what its sources say only as publications (a language, a
    licence, what the date rests on, a range of dates); the claims read them.

    Examples:
        >>> from aiecosys.claims import facts_of
        >>> facts_of(
        ...     {
        ...         "format_version": 2,
        ...         "sources": {"a": {"title": "A", "language": "fr"}},
        ...         "claims": [],
        ...     }
        ... )
        {'sources': {'a': {'title': 'A'}}, 'claims': []}
    """
    facts = {key: value for key, value in document.items() if key != "format_version"}
    sources = facts.get("sources")
    if isinstance(sources, dict):
        facts["sources"] = {
            key: _source_facts(table) if isinstance(table, dict) else table
            for key, table in sources.items()
        }
    return facts


def _source_facts(table: dict[str, Any]) -> dict[str, Any]:
    return {
        name: value
        for name, value in table.items()
        if name not in _PUBLICATION_FIELDS
        and not (name == "published" and _is_range(value))
    }


def _is_range(value: object) -> bool:
    return isinstance(value, dict) or (isinstance(value, str) and " to " in value)


def load_with_claims(path: str | Path) -> tuple[Ecosystem, tuple[Claim, ...]]:
    """Load a file that holds a knowledge base and the claims checked against it.

    Raises:
        DataError: The knowledge base or a claim is invalid; every problem is
            listed.

    Examples:
        >>> import pathlib, tempfile
        >>> from aiecosys import load_with_claims
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "both.toml"
        >>> _ = path.write_text(
        ...     '''
        ... [sources.k]
        ... title = "Kyutai is launched"
        ... published = "2023-11-17"
        ...
        ... [[organisations]]
        ... name = "Kyutai"
        ... kind = "non-profit-lab"
        ... founded = "2023-11"
        ... sources = ["k"]
        ...
        ... [[claims]]
        ... id = "kyutai-nov-2023"
        ... quote = "en novembre 2023, du laboratoire non lucratif Kyutai"
        ... restatement = "Kyutai was launched in November 2023."
        ... source = "k"
        ... [claims.check]
        ... kind = "date"
        ... event = { of = "Kyutai", field = "founded" }
        ... within = "2023-11"
        ... ''',
        ...     encoding="utf-8",
        ... )
        >>> eco, claims = load_with_claims(path)
        >>> [claim.id for claim in claims]
        ['kyutai-nov-2023']
    """
    from aiecosys._files import from_document, read_text

    path = Path(path)
    document = parse_document(
        read_text(path),
        format=format_of(path),
        file=str(path),
        versions=FORMAT_VERSIONS,
    )
    eco = from_document(
        facts_of(document), file=str(path), ignore=frozenset({"claims"})
    )
    return eco, claims_from_document(document, eco, file=str(path))
