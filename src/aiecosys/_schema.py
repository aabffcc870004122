"""The JSON Schemas of aiecosys's files, generated from the classes they hold.

Three schemas, one per kind of file: knowledge bases
(``docs/schema/ecosystem.schema.json``), claims files
(``docs/schema/claims.schema.json``, every check kind a branch tagged by its
``kind``) and combined files, a knowledge base with its claims and opinions
(``docs/schema/combined.schema.json``). They are published with the
documentation, so that editors can check TOML and JSON files as they are typed
(Taplo and Even Better TOML read a ``#:schema`` first line, JSON editors a
``$schema`` key). Regenerate them with ``python -m aiecosys._schema FOLDER``.

Values that people may write in several forms (``"€385M"``, ``"34B"``,
``"June 2023"``) are strings described in words: a pattern cannot say what the
number reader accepts, and the loader gives the precise message.
"""

from __future__ import annotations

import ast
import datetime as dt
import enum
import functools
import inspect
import itertools
import sys
import textwrap
import types
import typing
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

import attrs

from aiecosys._compare import Tolerance
from aiecosys._dates import PartialDate, Period
from aiecosys._ecosystem import COLLECTIONS
from aiecosys._estimate import Estimate, Status
from aiecosys._files import FORMAT_VERSION
from aiecosys._money import Money
from aiecosys._precision import Precision
from aiecosys._source import Source
from aiecosys._units import Quantity
from aiecosys.claims import RelativeDate


__all__ = ["SCHEMAS", "claims_json_schema", "combined_json_schema", "json_schema"]

_NUMBER: Final = r"-?[0-9][0-9_]*(\.[0-9_]+)?([eE][-+]?[0-9]+)?"
_DATE: Final = {
    "type": ["string", "integer"],
    "pattern": r"^([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?|.*[^0-9][0-9]{4})$",
    "description": (
        "A date to the precision known: '2009', '2023-06' or '2023-12-11', or "
        "the month in English or French words: 'June 2023', 'juin 2023', "
        "'8 December 2023'."
    ),
}
_LOCALE: Final = {
    "type": "string",
    "minLength": 1,
    "description": (
        "How the file writes numbers: 'en' or 'fr' (decimal mark and scale "
        "words), or a CLDR locale such as 'de_CH'. Settles '1,5' and '385.000'."
    ),
}
_TRANSLATIONS: Final = {
    "type": "object",
    "description": (
        "Translations of the file's own texts, by language ('fr'): each key is "
        "a text the file holds (a restatement, a note, a role title), written "
        "exactly, and its value the text in that language. "
        "A language aiecosys does not write in is kept, unused."
    ),
    "propertyNames": {"minLength": 1},
    "additionalProperties": {
        "type": "object",
        "propertyNames": {"minLength": 1},
        "additionalProperties": {"type": "string", "minLength": 1},
    },
}
_MONEY: Final = {
    "type": "string",
    "minLength": 1,
    "description": (
        "An amount of money: '105000000 EUR' as aiecosys writes it, or as "
        "Money.parse reads it: '€385M', '$415 million', \"385 millions "
        "d'euros\", '1,5 milliard de dollars'."
    ),
}
_QUANTITY: Final = {
    "type": "string",
    "minLength": 1,
    "description": (
        "A quantity: '34000000000 parameter' as aiecosys writes it, or a "
        "scaled count: '34B parameters', '1.8T tokens', '2.1e25 FLOP'. "
        "Fields of one unit (parameters, tokens, compute) also take a count "
        "with no unit: '34B'."
    ),
}
_PRINTED: Final = {
    "type": "string",
    "pattern": r"^(between |at least |at most |unknown|.*\([a-z]+\)$)",
    "description": (
        "An estimate as aiecosys prints it: 'between 250,000,000 EUR and "
        "300,000,000 EUR (estimated)', 'at least 1B parameters', "
        "'unknown (undisclosed)'."
    ),
}
_SCALARS: Final[dict[Any, dict[str, Any]]] = {
    str: {"type": "string", "minLength": 1},
    bool: {"type": "boolean"},
    int: {"type": "integer"},
    Decimal: {
        "type": ["string", "integer"],
        "pattern": f"^{_NUMBER}$",
        "description": "An exact number, written as a string: '76.3'.",
    },
    PartialDate: _DATE,
    dt.date: {"type": "string", "format": "date"},
    Money: _MONEY,
    Quantity: _QUANTITY,
    Source: {"type": "string", "description": "The key of a source in [sources]."},
    Tolerance: {
        "type": ["string", "integer"],
        "description": (
            "How far off a value may be and still agree: '5%' (relative), or a "
            "margin: '5', '±5 points', '10000000 EUR', '€10M', '31 days'."
        ),
    },
}
_UNIONS: Final[dict[frozenset[Any], dict[str, Any]]] = {
    frozenset({Money, Quantity, Decimal, int, Precision}): {
        "type": ["string", "integer"],
        "description": (
            "The value the text states: exactly, as a number ('0.5'), an amount "
            "of money ('385000000 EUR') or a quantity ('34000000000 parameter'); "
            "or as people write it, with the precision of its words ('€385M', "
            "'nearly 300 million EUR', 'about $200 million')."
        ),
    },
    frozenset({Decimal, Precision}): {
        "type": ["string", "integer"],
        "description": (
            "A multiple: exact ('0.5', with a tolerance), or with the words "
            "that state it ('about 0.5', 'nearly 0.5', 'over 2')."
        ),
    },
    frozenset({PartialDate, Period}): {
        "type": ["string", "integer"],
        "description": (
            "A date ('2023-06', 'June 2023'), or the period it lies in, its ends "
            "joined by 'to' ('2023-04 to 2023-05', '2016 to …')."
        ),
    },
    frozenset({PartialDate, Period, RelativeDate}): {
        "description": (
            "When: a date ('2023-06', 'June 2023'), words relative to the "
            "source's publication ('last June', 'end of last year'), or a period "
            "{ start = '2023', end = '2024' } with either end optional."
        ),
        "anyOf": [
            {"type": ["string", "integer"]},
            {
                "type": "object",
                "additionalProperties": False,
                "minProperties": 1,
                "properties": {"start": _DATE, "end": _DATE},
            },
        ],
    },
}


@functools.cache
def _attribute_docs(cls: type) -> dict[str, str]:
    """Read the docstrings written below each field of an attrs class."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))
    body = tree.body[0].body  # type: ignore[attr-defined]
    docs = {}
    for field, after in itertools.pairwise(body):
        if (
            isinstance(field, ast.AnnAssign)
            and isinstance(field.target, ast.Name)
            and isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
        ):
            docs[field.target.id] = " ".join(after.value.value.split())
    return docs


def _schema_of(kind: Any) -> dict[str, Any]:
    if kind in _SCALARS:
        return dict(_SCALARS[kind])
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin is typing.Literal:
        return {"enum": list(args)}
    if origin in {types.UnionType, typing.Union}:
        return _union_schema([arg for arg in args if arg is not type(None)])
    if origin is tuple:
        return {"type": "array", "items": _schema_of(args[0])}
    if origin is Estimate:
        return _estimate_schema(args[0])
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return {"enum": [member.value for member in kind]}
    if attrs.has(kind):
        return {"$ref": f"#/$defs/{kind.__name__}"}
    raise TypeError(f"no schema for {kind!r}")


def _union_schema(kinds: list[Any]) -> dict[str, Any]:
    """An optional value's schema, or one of the unions claims files hold."""
    if len(kinds) == 1:
        return _schema_of(kinds[0])
    if frozenset(kinds) in _UNIONS:
        return dict(_UNIONS[frozenset(kinds)])
    if all(_check_kind(kind) for kind in kinds):
        return {"$ref": "#/$defs/Check"}
    if all(attrs.has(kind) for kind in kinds):
        return {"anyOf": [_schema_of(kind) for kind in kinds]}
    raise TypeError(f"no schema for {kinds!r}")


def _estimate_schema(value_kind: Any) -> dict[str, Any]:
    value = _schema_of(value_kind)
    return {
        "description": (
            "An estimate: a plain value (exact and disclosed), or a table with "
            "'value' or 'low'/'high'/'best', a 'status', 'sources' and a 'note'."
        ),
        "anyOf": [
            value,
            _PRINTED,
            {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "value": value,
                    "low": value,
                    "high": value,
                    "best": value,
                    "status": {"enum": [status.value for status in Status]},
                    "sources": {"type": "array", "items": _SCALARS[Source]},
                    "note": {"type": "string"},
                },
                "not": {
                    "anyOf": [
                        {"required": ["value", name]}
                        for name in ("low", "high", "best")
                    ]
                },
            },
        ],
    }


def _hints(cls: type) -> dict[str, Any]:
    """The resolved annotations of *cls*; a claim's ``Check`` is the checks' union."""
    from aiecosys.claims.checks import Check

    return typing.get_type_hints(cls, localns={"Check": Check})


def _class_schema(cls: type, *, skip: frozenset[str] = frozenset()) -> dict[str, Any]:
    hints = _hints(cls)
    docs = _attribute_docs(cls)
    properties = {}
    required = []
    for field in attrs.fields(cls):
        if field.name in skip or not field.init:
            continue
        schema = _schema_of(hints[field.name])
        if field.name in docs:
            schema["description"] = docs[field.name]
        properties[field.name] = schema
        if field.default is attrs.NOTHING:
            required.append(field.name)
    doc = (inspect.getdoc(cls) or "").split("\n\n")[0]
    return {
        "type": "object",
        "description": " ".join(doc.split()),
        "additionalProperties": False,
        "required": required,
        "properties": properties,
    }


def _check_kind(cls: Any) -> str | None:
    """The tag of a check class in claims files (``"value"``), or None."""
    kind = getattr(cls, "kind", None) if attrs.has(cls) else None
    return kind if isinstance(kind, str) else None


def _claims_definitions(found: dict[str, type]) -> dict[str, Any]:
    """The tagged union of check kinds, each branch with its ``kind``."""
    branches = []
    definitions = {}
    for name, cls in found.items():
        kind = _check_kind(cls)
        if kind is None:
            continue
        schema = _class_schema(cls)
        schema["properties"] = {"kind": {"const": kind}, **schema["properties"]}
        schema["required"] = ["kind", *schema["required"]]
        definitions[name] = schema
        branches.append((kind, name))
    if not branches:
        return {}
    from aiecosys.claims import KINDS

    order = list(KINDS)
    definitions["Check"] = {
        "description": "How a claim is checked: one kind of check, named by 'kind'.",
        "oneOf": [
            {"$ref": f"#/$defs/{name}"}
            for _, name in sorted(branches, key=lambda pair: order.index(pair[0]))
        ],
    }
    return definitions


def _nested_classes(cls: type, found: dict[str, type]) -> None:
    for kind in _hints(cls).values():
        for candidate in (kind, *typing.get_args(kind)):
            if (
                attrs.has(candidate)
                and candidate not in _SCALARS
                and not any(candidate in members for members in _UNIONS)
                and typing.get_origin(candidate) is None
                and candidate.__name__ not in found
            ):
                found[candidate.__name__] = candidate
                _nested_classes(candidate, found)


def _publications(source: dict[str, Any]) -> int:
    """Let a claims file's sources be publications; return the claims format.

    A claims file's sources may say the article's language and licence, what
    its publication date rests on, and a range of dates when the day is not
    known (`aiecosys.Publication`).
    """
    from aiecosys.claims._formats import FORMAT_VERSION as CLAIMS_VERSION

    text = {"type": "string"}
    source["properties"].update(
        {
            "language": {
                **text,
                "description": "The language it is written in (a BCP 47 tag: 'fr').",
            },
            "licence": {**text, "description": "Its licence ('CC BY-ND 4.0')."},
            "published_source": {
                **text,
                "description": "The key of the source its publication date rests on.",
            },
            "published_note": {
                **text,
                "description": "How its publication date is known (or assumed).",
            },
        }
    )
    published = source["properties"]["published"]
    source["properties"]["published"] = {
        "description": published["description"]
        + " A range when the day is not known: '2024-01 to 2024-03' or "
        "{ earliest = '2024-01', latest = '2024-03' }.",
        "anyOf": [
            {key: value for key, value in published.items() if key != "description"},
            {"type": "string", "pattern": " to "},
            {
                "type": "object",
                "additionalProperties": False,
                "required": ["earliest", "latest"],
                "properties": {"earliest": text, "latest": text},
            },
        ],
    }
    return CLAIMS_VERSION


def _document_schema(
    title: str,
    description: str,
    classes: dict[str, type],
    collections: dict[str, Any],
) -> dict[str, Any]:
    """A file's schema: its top-level keys, sources, and one array per collection."""
    found = dict(classes)
    for cls in classes.values():
        _nested_classes(cls, found)
    definitions = {name: _class_schema(cls) for name, cls in sorted(found.items())}
    definitions.update(_claims_definitions(found))
    definitions["Source"] = _class_schema(Source, skip=frozenset({"key"}))
    version = FORMAT_VERSION
    if "Claim" in classes:
        version = _publications(definitions["Source"])
    properties: dict[str, Any] = {
        "format_version": {"const": version},
        "locale": _LOCALE,
        "translations": _TRANSLATIONS,
        "sources": {
            "type": "object",
            "description": "Every source cited, by key.",
            "additionalProperties": {"$ref": "#/$defs/Source"},
        },
    }
    for collection, cls in collections.items():
        properties[collection] = {
            "type": "array",
            "items": {"$ref": f"#/$defs/{cls.__name__}"},
        }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": title,
        "description": description,
        "type": "object",
        "additionalProperties": False,
        "properties": properties,
        "$defs": dict(sorted(definitions.items())),
    }


def json_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of knowledge-base files.

    Examples:
        >>> from aiecosys import json_schema
        >>> schema = json_schema()
        >>> sorted(schema["properties"])
        ['denials', 'format_version', 'funds', 'laws', 'locale', 'locations',
         'metrics', 'models', 'organisations', 'people', 'rounds', 'sources',
         'statements', 'translations']
        >>> schema["$defs"]["FundingRound"]["required"]
        ['organisation', 'announced', 'kind']
    """
    return _document_schema(
        "aiecosys knowledge base",
        "Sourced, dated facts about the AI industry (aiecosys.load).",
        {cls.__name__: cls for cls in COLLECTIONS.values()},
        dict(COLLECTIONS),
    )


def _claim_classes() -> dict[str, type]:
    from aiecosys import Claim, Opinion

    return {"Claim": Claim, "Opinion": Opinion}


def claims_json_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of claims files.

    A claims file holds its sources, its ``[[claims]]`` and, for an article,
    the ``[[opinions]]`` it reads but does not check. Each claim's ``check``
    is one branch per check kind, chosen by its ``kind``.

    Examples:
        >>> from aiecosys._schema import claims_json_schema
        >>> schema = claims_json_schema()
        >>> sorted(schema["properties"])
        ['claims', 'format_version', 'locale', 'opinions', 'sources',
         'translations']
        >>> [branch["$ref"] for branch in schema["$defs"]["Check"]["oneOf"]][:2]
        ['#/$defs/AttributeCheck', '#/$defs/AttributionCheck']
        >>> schema["$defs"]["ValueCheck"]["properties"]["kind"]
        {'const': 'value'}
    """
    classes = _claim_classes()
    return _document_schema(
        "aiecosys claims file",
        "Claims of a text, each with the check that tests it (aiecosys.load_claims).",
        classes,
        {"claims": classes["Claim"], "opinions": classes["Opinion"]},
    )


def combined_json_schema() -> dict[str, Any]:
    """Return the JSON Schema of a file holding a knowledge base and its claims.

    Examples:
        >>> from aiecosys._schema import combined_json_schema
        >>> "claims" in combined_json_schema()["properties"]
        True
    """
    classes = {cls.__name__: cls for cls in COLLECTIONS.values()}
    classes.update(_claim_classes())
    return _document_schema(
        "aiecosys knowledge base with claims",
        "Facts, and the claims checked against them (aiecosys.load_with_claims).",
        classes,
        {
            **COLLECTIONS,
            "claims": classes["Claim"],
            "opinions": classes["Opinion"],
        },
    )


SCHEMAS: Final = {
    "ecosystem.schema.json": json_schema,
    "claims.schema.json": claims_json_schema,
    "combined.schema.json": combined_json_schema,
}
"""Each published schema's file name, and the function that generates it."""


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema into *folder*; return the paths written."""
    import json

    written = []
    for name, schema in SCHEMAS.items():
        path = folder / name
        text = json.dumps(schema(), indent=2, ensure_ascii=False) + "\n"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str]) -> int:
    """Write the schemas into a folder (``python -m aiecosys._schema FOLDER``)."""
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        sys.stderr.write("usage: python -m aiecosys._schema FOLDER\n")
        return 2
    write_schemas(Path(argv[0]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
