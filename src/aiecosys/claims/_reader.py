"""Reading claims files: sources, claims and their checks, every problem listed."""

from __future__ import annotations

import contextlib
import decimal
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final, Literal

from aiecosys._ecosystem import COLLECTIONS, Ecosystem
from aiecosys._errors import AiecosysError, DataError, ParseError
from aiecosys._files import format_of, parse_document
from aiecosys._source import Source
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
from aiecosys.claims._registry import KINDS


__all__ = [
    "FORMAT_VERSION",
    "claims_from_document",
    "id_clash",
    "load_claims",
    "load_with_claims",
    "loads_claims",
]


FORMAT_VERSION: Final = 1


_SOURCE_FIELDS: Final[dict[str, Parser]] = {
    "title": parse_text,
    "url": parse_text,
    "publisher": parse_text,
    "published": parse_partial_date,
    "accessed": parse_date,
    "author": parse_text,
}
_CLAIM_FIELDS: Final = ("id", "quote_fr", "claim_en", "source", "check", "note")


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


def _sources(raw: Any, reader: Reader) -> dict[str, Source]:
    if not isinstance(raw, dict):
        reader.problem("sources", "must be a table of sources by key")
        return {}
    found = {}
    for key, fields in raw.items():
        reader.entry = f"sources.{key}"
        if not isinstance(fields, dict):
            reader.problem(None, "must be a table")
            continue
        values: dict[str, Any] = {}
        for name, value in fields.items():
            parser = _SOURCE_FIELDS.get(name)
            if parser is None:
                reader.problem(
                    name,
                    f"unknown field {name!r}; a source takes "
                    f"{', '.join(_SOURCE_FIELDS)}",
                )
                continue
            try:
                values[name] = parser(value, reader, name)
            except (AiecosysError, ValueError, TypeError) as error:
                reader.problem(name, message_of(error))
        try:
            found[key] = Source(key, **values)
        except (AiecosysError, ValueError, TypeError) as error:
            reader.problem(None, message_of(error))
    reader.entry = None
    return found


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
        ...                 "quote_fr": "34 milliards de paramètres",
        ...                 "claim_en": "Yi has 34 billion parameters.",
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
    reader = Reader(file, None, [])
    version = document.get("format_version", FORMAT_VERSION)
    if version != FORMAT_VERSION:
        reader.problem(
            "format_version", f"format_version {version!r} is not {FORMAT_VERSION}"
        )
    known = {"format_version", "sources", "claims", *COLLECTIONS}
    for key in document:
        if key not in known:
            reader.entry = key
            reader.problem(
                None, f"unknown top-level key {key!r}; expected sources and claims"
            )
    reader.entry = None
    sources = {source.key: source for source in eco.sources}
    sources.update(_sources(document.get("sources", {}), reader))
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
    for name in ("id", "quote_fr", "claim_en", "note"):
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
    for name in ("id", "quote_fr", "claim_en"):
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
        >>> loads_claims("[[claims]]\nid = 'x'\nquote = 'oops'\n", Ecosystem())
        Traceback (most recent call last):
        ...
        aiecosys.DataError: 5 problems found:
          - entry 'x', field 'quote': unknown field 'quote'; a claim takes id,
            quote_fr, claim_en, source, check, note
          ...
    """
    document = parse_document(text, format=format, file=file)
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
        >>> _ = path.write_text("format_version = 1\n", encoding="utf-8")
        >>> load_claims(path, Ecosystem())
        ()
    """
    from aiecosys._files import read_text

    path = Path(path)
    text = read_text(path)
    return loads_claims(text, eco, format=format_of(path), file=str(path))


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
        ... quote_fr = "en novembre 2023, du laboratoire non lucratif Kyutai"
        ... claim_en = "Kyutai was launched in November 2023."
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
    document = parse_document(read_text(path), format=format_of(path), file=str(path))
    eco = from_document(document, file=str(path), ignore=frozenset({"claims"}))
    return eco, claims_from_document(document, eco, file=str(path))
