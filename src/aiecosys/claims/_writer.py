"""Writing claims files, which the reader reads back into the same claims."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, Literal

import attrs

from aiecosys._compare import Tolerance
from aiecosys._dates import Period
from aiecosys._files import (
    converter,
    full_source,
    unknown_format,
    write_document,
)
from aiecosys._money import Money
from aiecosys._precision import Precision
from aiecosys._source import Publication, Source
from aiecosys._units import Quantity
from aiecosys.claims._claim import Claim
from aiecosys.claims._context import DECIMALS
from aiecosys.claims._formats import FORMAT_VERSION
from aiecosys.claims._measure import Measure


__all__ = ["dumps_claims"]


def dumps_claims(
    claims: Iterable[Claim],
    *,
    format: Literal["toml", "json"] = "toml",  # noqa: A002 - the name used by loads()
) -> str:
    """Write claims as TOML or JSON text, with the sources they cite.

    [loads_claims][aiecosys.loads_claims] reads the text back into the same
    claims. Every value is written exactly: numbers and amounts as strings,
    dates as ISO text.

    Examples:
        >>> from aiecosys import Claim, DateCheck, Measure, PartialDate, Source
        >>> from aiecosys.claims import dumps_claims
        >>> print(
        ...     dumps_claims(
        ...         [
        ...             Claim(
        ...                 "kyutai-2023",
        ...                 "lancé fin 2023",
        ...                 "Kyutai was founded in 2023.",
        ...                 Source("k", title="Kyutai", published=PartialDate(2024)),
        ...                 DateCheck(Measure("Kyutai", "founded"), PartialDate(2023)),
        ...             )
        ...         ]
        ...     )
        ... )
        format_version = 2
        <BLANKLINE>
        [sources.k]
        title = "Kyutai"
        published = "2024"
        <BLANKLINE>
        [[claims]]
        id = "kyutai-2023"
        quote = "lancé fin 2023"
        restatement = "Kyutai was founded in 2023."
        source = "k"
        <BLANKLINE>
        [claims.check]
        kind = "date"
        within = "2023"
        <BLANKLINE>
        [claims.check.event]
        of = "Kyutai"
        field = "founded"
        <BLANKLINE>
    """
    if format not in {"toml", "json"}:
        unknown_format(format)
    return write_document(_claims_document(claims), format)


def _claims_document(claims: Iterable[Claim]) -> dict[str, Any]:
    converter()  # builds the functions of full_source
    sources: dict[str, Any] = {}
    entries: list[dict[str, Any]] = []
    for claim in claims:
        _add_source(sources, claim.source)
        entry: dict[str, Any] = {"id": claim.id}
        if claim.lang is not None and claim.lang != _language(claim.source):
            entry["lang"] = claim.lang
        entry.update(
            quote=claim.quote, restatement=claim.restatement, source=claim.source.key
        )
        if claim.note is not None:
            entry["note"] = claim.note
        entry["check"] = {"kind": claim.check.kind, **_fields(claim.check)}
        entries.append(entry)
    return {"format_version": FORMAT_VERSION, "sources": sources, "claims": entries}


def _language(source: Source) -> str | None:
    return source.language if isinstance(source, Publication) else None


def _add_source(sources: dict[str, Any], source: Source) -> None:
    """Write a source's table, and that of the evidence for its date."""
    if not isinstance(source, Publication):
        fields = full_source.unstructure(source)
        del fields["key"]
        sources[source.key] = fields
        return
    fields = {
        field.name: getattr(source, field.name)
        for field in attrs.fields(Publication)
        if field.name != "key" and getattr(source, field.name) is not None
    }
    if source.published_between is not None:
        fields["published"] = str(source.published_between)
        del fields["published_between"]
    elif source.published is not None:
        fields["published"] = str(source.published)
    if source.accessed is not None:
        fields["accessed"] = source.accessed.isoformat()
    if source.kind is not None:
        fields["kind"] = source.kind.value
    if source.published_source is not None:
        fields["published_source"] = source.published_source.key
        _add_source(sources, source.published_source)
    sources[source.key] = fields


def _fields(value: Any) -> dict[str, Any]:
    """The fields of a check or a measure that differ from their defaults."""
    return {
        field.name: _written(getattr(value, field.name))
        for field in attrs.fields(type(value))
        if getattr(value, field.name) != field.default
    }


def _written(value: Any) -> Any:
    """A value as the claims reader reads it back."""
    if isinstance(value, tuple):
        return [_written(item) for item in value]
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Tolerance):
        if value.fraction is not None:
            return f"{_plain(value.fraction.scaleb(2, DECIMALS))}%"
        if isinstance(value.margin, dt.timedelta):
            return f"{value.margin.days} days"
        return _written(value.margin)
    if isinstance(value, Period):
        return {
            name: str(bound)
            for name, bound in (("start", value.start), ("end", value.end))
            if bound is not None
        }
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Measure) or getattr(value, "written_as_table", False):
        return _fields(value)  # a table within a check: a measure, an event
    return _amount_text(value)


def _amount_text(value: Any) -> str:
    """An amount, a size or a number as text; anything else (text, dates) as is."""
    if isinstance(value, Precision):
        return value.written
    if isinstance(value, Money):
        return f"{_plain(value.amount)} {value.currency}"
    if isinstance(value, Quantity):
        return f"{_plain(value.magnitude)} {value.unit}"
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        return _plain(Decimal(value))
    return str(value)


def _plain(number: Decimal) -> str:
    return format(number, "f")
