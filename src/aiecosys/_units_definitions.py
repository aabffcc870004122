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

PREFIXES: Final[tuple[Prefix, ...]] = (
    ("kilo", "1000", "k"),
    ("mega", "1000000", "M"),
    ("giga", "1000000000", "G"),
    ("tera", "1000000000000", "T"),
    ("peta", "1000000000000000", "P"),
    ("exa", "1000000000000000000", "E"),
    ("zetta", "1000000000000000000000", "Z"),
    ("yotta", "1000000000000000000000000", "Y"),
    ("kibi", "1024", "Ki"),
    ("mebi", "1048576", "Mi"),
    ("gibi", "1073741824", "Gi"),
    ("tebi", "1099511627776", "Ti"),
)
UNITS: Final[tuple[Unit, ...]] = (
    (
        "parameter",
        "param",
        (),
        "1",
        (("[parameter]", "1"),),
    ),
    (
        "token",
        "tok",
        (),
        "1",
        (("[token]", "1"),),
    ),
    (
        "FLOP",
        None,
        ("floating_point_operation", "flop"),
        "1",
        (("[compute]", "1"),),
    ),
    (
        "byte",
        "B",
        (),
        "1",
        (("[information]", "1"),),
    ),
    (
        "bit",
        None,
        (),
        "0.125",
        (("byte", "1"),),
    ),
    (
        "second",
        "s",
        (),
        "1",
        (("[time]", "1"),),
    ),
    (
        "minute",
        "min",
        (),
        "60",
        (("second", "1"),),
    ),
    (
        "hour",
        "h",
        (),
        "60",
        (("minute", "1"),),
    ),
    (
        "day",
        "d",
        (),
        "24",
        (("hour", "1"),),
    ),
    (
        "petaflop_s_day",
        "pfs_day",
        (),
        "1000000000000000",
        (("FLOP", "1"), ("second", "-1"), ("day", "1")),
    ),
)
