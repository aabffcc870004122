"""Write aiecosys's unit definitions as Python, so pint needs no parser to load them.

Run: python scripts/units_definitions.py [OUTPUT_FILE]
(default: src/aiecosys/_units_definitions.py)

pint's definitions parser costs a few milliseconds whatever the size of the file;
the registry is built instead from the definitions this script reads from
src/aiecosys/data/units.txt with that parser and writes out as plain tuples.
The module is committed; tests/test_units.py checks that this script would
write it unchanged, and that both forms give the same registry.
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path

import pint
from pint.facets.plain import PrefixDefinition, ScaleConverter, UnitDefinition


ROOT = Path(__file__).resolve().parents[1]
DEFINITIONS = ROOT / "src" / "aiecosys" / "data" / "units.txt"
OUTPUT = ROOT / "src" / "aiecosys" / "_units_definitions.py"
HEADER = '''\
"""aiecosys's unit definitions, as pint reads them from ``data/units.txt``.

Written by ``scripts/units_definitions.py``: edit ``data/units.txt`` and run the
script, never this file. The registry is built from these tuples without pint's
definitions parser; the test suite checks that they match ``data/units.txt``.
"""

from __future__ import annotations

from typing import Final, TypeAlias


Prefix: TypeAlias = tuple[str, str, str | None]
"""A prefix: its name, its value and its symbol."""
Unit: TypeAlias = tuple[
    str, str | None, tuple[str, ...], str, tuple[tuple[str, str], ...]
]
"""A unit: its name, symbol, aliases, scale, and the units (or dimension) it is
that scale of, each with its exponent."""

'''


def _definitions() -> tuple[list[PrefixDefinition], list[UnitDefinition]]:
    """The prefixes and units of units.txt, as pint's parser reads them."""
    registry: pint.UnitRegistry[Decimal] = pint.UnitRegistry(
        filename=None, non_int_type=Decimal
    )
    parser = registry._def_parser  # noqa: SLF001 - the parser the registry uses
    assert parser is not None
    parsed = parser.parse_file(DEFINITIONS)
    prefixes: list[PrefixDefinition] = []
    units: list[UnitDefinition] = []
    for definition in parser.iter_parsed_project(parsed):
        if isinstance(definition, PrefixDefinition):
            prefixes.append(definition)
        elif isinstance(definition, UnitDefinition):
            units.append(definition)
        else:
            message = f"{DEFINITIONS.name}: cannot write {definition!r} as Python"
            raise TypeError(message)
    return prefixes, units


def _literal(value: object) -> str:
    """Python source for a str, None or tuple of them, in the project's style."""
    if isinstance(value, tuple):
        items = ", ".join(map(_literal, value))
        return f"({items},)" if len(value) == 1 else f"({items})"
    if isinstance(value, str):
        return json.dumps(value)
    if value is None:
        return "None"
    message = f"cannot write {value!r} as a literal"
    raise TypeError(message)


def _prefix(definition: PrefixDefinition) -> str:
    if definition.aliases:
        message = f"prefix {definition.name}: aliases are not written out"
        raise ValueError(message)
    fields = (definition.name, str(definition.value), definition.defined_symbol)
    return f"    {_literal(fields)},\n"


def _unit(definition: UnitDefinition) -> str:
    converter = definition.converter
    if type(converter) is not ScaleConverter or definition.reference is None:
        message = f"unit {definition.name}: only a scale of other units is written"
        raise ValueError(message)
    reference = tuple(
        (name, str(power)) for name, power in definition.reference.items()
    )
    fields = (
        definition.name,
        definition.defined_symbol,
        tuple(definition.aliases),
        str(converter.scale),
        reference,
    )
    return (
        "    (\n"
        + "".join(f"        {_literal(field)},\n" for field in fields)
        + "    ),\n"
    )


def module_text() -> str:
    """The text of the module, from units.txt as it is now."""
    prefixes, units = _definitions()
    return (
        HEADER
        + "PREFIXES: Final[tuple[Prefix, ...]] = (\n"
        + "".join(map(_prefix, prefixes))
        + ")\nUNITS: Final[tuple[Unit, ...]] = (\n"
        + "".join(map(_unit, units))
        + ")\n"
    )


def main() -> int:
    """Write the module to the file named on the command line, or the default."""
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT
    output.write_text(module_text(), encoding="utf-8")
    print(f"wrote {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
