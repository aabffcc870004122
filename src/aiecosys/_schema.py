"""The JSON Schema of knowledge-base files, generated from the entity classes.

The schema is written to ``docs/schema/ecosystem.schema.json`` and published
with the documentation, so that editors can check TOML and JSON files as they
are typed (Taplo and Even Better TOML read a ``#:schema`` comment or a
``$schema`` key). Regenerate it with ``python -m aiecosys._schema PATH``.
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

from aiecosys._dates import PartialDate
from aiecosys._ecosystem import COLLECTIONS
from aiecosys._estimate import Estimate, Status
from aiecosys._files import FORMAT_VERSION
from aiecosys._money import Money
from aiecosys._source import Source
from aiecosys._units import Quantity


__all__ = ["json_schema"]

_NUMBER: Final = r"-?[0-9][0-9_]*(\.[0-9_]+)?([eE][-+]?[0-9]+)?"
_DATE: Final = {
    "type": "string",
    "pattern": r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$",
    "description": "A date to the precision known: '2009', '2023-06' or '2023-12-11'.",
}
_SCALARS: Final[dict[Any, dict[str, Any]]] = {
    str: {"type": "string", "minLength": 1},
    int: {"type": "integer"},
    Decimal: {
        "type": ["string", "integer"],
        "pattern": f"^{_NUMBER}$",
        "description": "An exact number, written as a string: '76.3'.",
    },
    PartialDate: _DATE,
    dt.date: {"type": "string", "format": "date"},
    Money: {
        "type": "string",
        "pattern": f"^{_NUMBER} [A-Z]{{3}}$",
        "description": "An amount and an ISO 4217 code: '105000000 EUR'.",
    },
    Quantity: {
        "type": "string",
        "pattern": f"^{_NUMBER} .+$",
        "description": "A magnitude and a unit: '34000000000 parameter'.",
    },
    Source: {"type": "string", "description": "The key of a source in [sources]."},
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
    if origin in {types.UnionType, typing.Union}:
        (inner,) = [arg for arg in args if arg is not type(None)]
        return _schema_of(inner)
    if origin is tuple:
        return {"type": "array", "items": _schema_of(args[0])}
    if origin is Estimate:
        return _estimate_schema(args[0])
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return {"enum": [member.value for member in kind]}
    if attrs.has(kind):
        return {"$ref": f"#/$defs/{kind.__name__}"}
    raise TypeError(f"no schema for {kind!r}")


def _estimate_schema(value_kind: Any) -> dict[str, Any]:
    value = _schema_of(value_kind)
    return {
        "description": (
            "An estimate: a plain value (exact and disclosed), or a table with "
            "'value' or 'low'/'high'/'best', a 'status', 'sources' and a 'note'."
        ),
        "oneOf": [
            value,
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


def _class_schema(cls: type, *, skip: frozenset[str] = frozenset()) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
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


def _nested_classes(cls: type, found: dict[str, type]) -> None:
    for kind in typing.get_type_hints(cls).values():
        for candidate in (kind, *typing.get_args(kind)):
            if (
                attrs.has(candidate)
                and candidate not in _SCALARS
                and typing.get_origin(candidate) is None
                and candidate.__name__ not in found
            ):
                found[candidate.__name__] = candidate
                _nested_classes(candidate, found)


def json_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of knowledge-base files.

    Examples:
        >>> from aiecosys import json_schema
        >>> schema = json_schema()
        >>> sorted(schema["properties"])
        ['format_version', 'funds', 'models', 'organisations', 'people', 'rounds',
         'sources']
        >>> schema["$defs"]["FundingRound"]["required"]
        ['organisation', 'announced', 'kind']
    """
    classes: dict[str, type] = {}
    for cls in COLLECTIONS.values():
        classes[cls.__name__] = cls
        _nested_classes(cls, classes)
    definitions = {name: _class_schema(cls) for name, cls in sorted(classes.items())}
    definitions["Source"] = _class_schema(Source, skip=frozenset({"key"}))
    properties: dict[str, Any] = {
        "format_version": {"const": FORMAT_VERSION},
        "sources": {
            "type": "object",
            "description": "Every source cited, by key.",
            "additionalProperties": {"$ref": "#/$defs/Source"},
        },
    }
    for collection, cls in COLLECTIONS.items():
        properties[collection] = {
            "type": "array",
            "items": {"$ref": f"#/$defs/{cls.__name__}"},
        }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "aiecosys knowledge base",
        "description": "Sourced, dated facts about the AI industry (aiecosys.load).",
        "type": "object",
        "additionalProperties": False,
        "properties": properties,
        "$defs": definitions,
    }


def main(argv: list[str]) -> int:
    """Write the schema to the path given (``python -m aiecosys._schema PATH``)."""
    import json

    if len(argv) != 1:
        sys.stderr.write("usage: python -m aiecosys._schema PATH\n")
        return 2
    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    Path(argv[0]).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
