"""Reading claims files: sources, claims and their checks, every problem listed."""

from __future__ import annotations

import decimal
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Final, Literal

import attrs

from aiecosys._ecosystem import COLLECTIONS, Ecosystem
from aiecosys._errors import DataError, Problem
from aiecosys._files import (
    TRANSLATIONS,
    document_problems,
    format_of,
    parse_document,
    reading_locale,
    source_table,
    structure_entry,
    translations_of,
)
from aiecosys._i18n import N_, texts
from aiecosys._i18n import gettext as _
from aiecosys._source import Source
from aiecosys.claims._claim import Claim, Evaluation, check, validate
from aiecosys.claims._context import DECIMALS
from aiecosys.claims._fields import (
    is_range,
    publication_only,
    source_class,
    structures,
    table_of,
)
from aiecosys.claims._formats import (
    FORMAT_VERSIONS,
    OLD_NAMES,
    document_version,
    notify,
    upgraded,
)


__all__ = [
    "claims_from_document",
    "evaluated_claims",
    "facts_of",
    "id_clash",
    "load_claims",
    "load_with_claims",
    "loads_claims",
]


def _sources(
    raw: object, known: Mapping[str, Source], file: str | None, problems: list[Problem]
) -> dict[str, Source]:
    """Read a file's sources: a Source, or a Publication if a field says more.

    A publication's ``published_source`` names another source, of the file or
    of the knowledge base, so it is read once every source is.
    """
    if not isinstance(raw, dict):
        message = _("must be a table of sources by key")
        problems.append(Problem(message, file=file, field="sources"))
        return {}
    found: dict[str, Source] = {}
    tables: dict[str, dict[str, Any]] = {}
    for key, fields in raw.items():
        entry = f"sources.{key}"
        if not isinstance(fields, dict):
            problems.append(Problem(_("must be a table"), file=file, entry=entry))
            continue
        table = table_of(key, fields)
        if "published_source" in table:
            tables[key] = table
            table = dict(table)
            del table["published_source"]
        source = _source(table, file, entry, problems)
        if source is not None:
            found[key] = source
    everything = {**known, **found}
    for key, table in tables.items():
        if key not in found:
            continue
        if table["published_source"] == key:
            message = _(
                "cites the source itself: give the key of another source, the "
                "evidence for the publication date"
            )
            problems.append(
                Problem(
                    message, file=file, entry=f"sources.{key}", field="published_source"
                )
            )
            del found[key]
            continue
        with source_table(everything):
            source = _source(table, file, f"sources.{key}", problems)
        if source is None:
            del found[key]
        else:
            found[key] = source
    return found


def _source(
    table: dict[str, Any], file: str | None, entry: str, problems: list[Problem]
) -> Source | None:
    """Structure a source's table; a range of dates is named ``published``."""
    found: list[Problem] = []
    source = structure_entry(
        structures(source_class(table)), table, file=file, entry=entry, problems=found
    )
    problems.extend(
        attrs.evolve(problem, field="published")
        if (problem.field or "").startswith("published_between")
        else problem
        for problem in found
    )
    return source  # type: ignore[no-any-return]


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
    return tuple(
        evaluation.claim for evaluation in evaluated_claims(document, eco, file=file)
    )


def evaluated_claims(
    document: Mapping[str, Any], eco: Ecosystem, *, file: str | None = None
) -> tuple[Evaluation, ...]:
    """Build claims from a parsed document, with their evaluations against *eco*.

    As [claims_from_document][aiecosys.claims_from_document], which keeps
    only the claims: reading a claim evaluates it once (with the bundled
    exchange rates), so a caller that shows the verdicts need not evaluate
    the claims again (in ``aiecosys claims``, a second evaluation of the
    article's 55 claims took 7 ms of about 190).

    Raises:
        DataError: The claims are invalid; every problem is listed.

    Examples:
        >>> from aiecosys import Ecosystem
        >>> from aiecosys.claims._reader import evaluated_claims
        >>> evaluated_claims({"claims": []}, Ecosystem())
        ()
    """
    with decimal.localcontext(DECIMALS):
        return _claims_from_document(document, eco, file)


def _claims_from_document(
    document: Mapping[str, Any], eco: Ecosystem, file: str | None
) -> tuple[Evaluation, ...]:
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
) -> tuple[Evaluation, ...]:
    """Read the claims in the file's ``locale``, which settles decimal marks."""
    locale = document.get("locale")
    if locale is not None and not isinstance(locale, str):
        message = _("locale must be text such as 'fr' or 'en', not {locale!r}").format(
            locale=locale
        )
        raise DataError([Problem(message, file=file, field="locale")])
    with reading_locale(locale):
        return _read_claims(document, eco, file)


def _read_claims(
    document: Mapping[str, Any], eco: Ecosystem, file: str | None
) -> tuple[Evaluation, ...]:
    problems = document_problems(document, file, FORMAT_VERSIONS)
    known = {"format_version", "locale", "sources", "claims", TRANSLATIONS}
    known.update(COLLECTIONS)
    problems.extend(
        Problem(
            _("unknown top-level key {key!r}; expected sources and claims").format(
                key=key
            ),
            file=file,
            entry=key,
        )
        for key in document
        if key not in known
    )
    sources = {source.key: source for source in eco.sources}
    raw_sources = document.get("sources", {})
    sources.update(_sources(raw_sources, sources, file, problems))
    unread = set(raw_sources) - set(sources) if isinstance(raw_sources, dict) else set()
    entries = document.get("claims", [])
    if not isinstance(entries, list):
        problems.append(
            Problem(_("must be an array of tables"), file=file, field="claims")
        )
        entries = []
    evaluations: list[Evaluation] = []
    seen: dict[str, str] = {}
    translations = translations_of(document, file, problems)
    with source_table(sources, unread=unread), texts(translations):
        for number, raw in enumerate(entries):
            evaluation = _claim(raw, f"claims[{number}]", eco, file, problems)
            if evaluation is None:
                continue
            claim = evaluation.claim
            clash = id_clash(claim.id, seen, "claim")
            if clash is not None:
                problems.append(Problem(clash, file=file, entry=claim.id, field="id"))
            evaluations.append(evaluation)
    if problems:
        raise DataError(problems)
    return tuple(evaluations)


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
    used, by_case = _CLASHES.get(what, _CLASHES[None])
    if other == new:
        return _(used).format(new=new, what=what)
    return _(by_case).format(new=new, other=other, what=what)


_CLASHES: Final = {
    "claim": (
        N_("the id {new!r} is used by another claim"),
        N_(
            "the id {new!r} differs from the id {other!r} of another claim only "
            "by case: give the claims ids that differ by more"
        ),
    ),
    "opinion": (
        N_("the id {new!r} is used by another opinion"),
        N_(
            "the id {new!r} differs from the id {other!r} of another opinion only "
            "by case: give the opinions ids that differ by more"
        ),
    ),
    None: (
        N_("the id {new!r} is used by another {what}"),
        N_(
            "the id {new!r} differs from the id {other!r} of another {what} only "
            "by case: give the {what}s ids that differ by more"
        ),
    ),
}
"""Why two ids clash, in whole sentences for claims and opinions."""


def _claim(
    raw: object,
    position: str,
    eco: Ecosystem,
    file: str | None,
    problems: list[Problem],
) -> Evaluation | None:
    """The claim read from *raw*, evaluated; None, its problems added, if invalid."""
    if not isinstance(raw, dict):
        problems.append(Problem(_("must be a table"), file=file, entry=position))
        return None
    entry = raw["id"] if isinstance(raw.get("id"), str) else position
    found: list[Problem] = []
    claim: Claim | None = structure_entry(
        structures(Claim), raw, file=file, entry=entry, problems=found
    )
    if claim is not None:
        found.extend(
            Problem(message, file=file, entry=entry, field=field)
            for field, message in validate(claim, eco)
        )
    if claim is None or found:
        problems.extend(found)
        return None
    # Whatever the rules above miss, the evaluation finds now, not later.
    try:
        return check(claim, eco)
    except DataError as error:
        problems.extend(
            Problem(problem.message, file=file, entry=entry, field=problem.field)
            for problem in error.problems
        )
    return None


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
          - entry 'x', field 'words': unknown field 'words'; Claim takes id,
            quote, restatement, source, check, lang, note
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
    only = publication_only()
    return {
        name: value
        for name, value in table.items()
        if name not in only and not (name == "published" and is_range(value))
    }


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
    problems: list[Problem] = []
    translations = translations_of(document, str(path), problems)
    if problems:
        raise DataError(problems)
    rest = {key: value for key, value in document.items() if key != TRANSLATIONS}
    eco = from_document(facts_of(rest), file=str(path), ignore=frozenset({"claims"}))
    eco = attrs.evolve(eco, translations=translations)
    return eco, claims_from_document(rest, eco, file=str(path))
