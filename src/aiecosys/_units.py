"""Dimension-safe quantities for model specifications: parameters, tokens, FLOP, bytes.

Units come from a private pint registry built from aiecosys's own small
definitions file (``data/units.txt``), not from pint's default file: built from a
Python form of that file, without pint's definitions parser, it takes under a
millisecond; it has no collisions (in pint's default registry ``"7B"`` is seven
*bytes*), keeps factors exact as ``Decimal``, and never touches pint's
application registry. It is built once, on first use, under a lock, so
concurrent first use from many threads is safe.

Magnitudes are exact ``Decimal`` values. pint is used only to understand unit
names and to find conversion factors; those are cached per unit, so arithmetic
does not go through pint at all once a unit has been seen.
"""

from __future__ import annotations

import decimal
import functools
import re
import typing
from decimal import Decimal
from typing import TYPE_CHECKING, Final

import attrs

from aiecosys._amounts import (
    Lang,
    drop_preposition,
    read_plain_number,
    read_scaled_number,
    strip_accents,
)
from aiecosys._contexts import EXACT
from aiecosys._errors import DataError, DimensionMismatchError, ParseError
from aiecosys._i18n import N_
from aiecosys._i18n import gettext as _
from aiecosys._locks import new_lock


if TYPE_CHECKING:
    from collections.abc import Callable

    import pint


__all__ = [
    "Quantity",
    "flop",
    "parameters",
    "quantity",
    "read_quantity",
    "tokens",
    "unit_info",
    "unit_registry",
]

_lock: Final = new_lock()
_registry: pint.UnitRegistry[Decimal] | None = None


def unit_registry() -> pint.UnitRegistry[Decimal]:
    """Return aiecosys's private pint registry, building it on first use.

    It knows ``parameter`` (``param``), ``token`` (``tok``),
    ``floating_point_operation`` (``FLOP``), ``byte`` (``B``), ``bit``,
    ``second``, ``day``, ``petaflop_s_day`` (``pfs_day``), SI prefixes from
    ``k`` to ``Y`` and binary prefixes ``Ki`` to ``Ti``. Use it only with
    aiecosys quantities: quantities of different pint registries do not mix.

    Examples:
        >>> registry = unit_registry()
        >>> str(registry.Unit("Gparam"))
        'gigaparameter'
        >>> unit_registry() is registry
        True
    """
    global _registry  # noqa: PLW0603 - a build-once cache, guarded by _lock
    if _registry is not None:
        return _registry
    with _lock:
        if _registry is None:
            with decimal.localcontext(_QUOTIENT):
                _registry = _build_registry()
        return _registry


def _build_registry() -> pint.UnitRegistry[Decimal]:
    """Build the registry from ``data/units.txt``'s definitions, without a parser.

    pint's definitions parser costs milliseconds whatever the size of the file;
    the definitions it reads from ``data/units.txt`` are kept as Python tuples
    (written by ``scripts/units_definitions.py``, checked by the test suite) and
    handed to pint as the definition objects its parser would have made.
    """
    import pint
    from pint.facets.plain import PrefixDefinition, ScaleConverter, UnitDefinition
    from pint.util import UnitsContainer

    from aiecosys._units_definitions import PREFIXES, UNITS

    registry: pint.UnitRegistry[Decimal] = pint.UnitRegistry(
        filename=None, non_int_type=Decimal
    )
    # pint annotates define() as taking str | type, and the values as float or
    # Number; it documents and accepts definition objects, and Decimal values
    # in a registry with non_int_type=Decimal.
    define = typing.cast("Callable[[object], None]", registry.define)
    for name, value, symbol in PREFIXES:
        define(PrefixDefinition(name, Decimal(value), symbol))  # type: ignore[arg-type]
    for name, symbol, aliases, scale, reference in UNITS:
        units = {unit: Decimal(power) for unit, power in reference}
        converter = ScaleConverter(Decimal(scale))  # type: ignore[arg-type]
        container = UnitsContainer(units, non_int_type=Decimal)
        define(UnitDefinition(name, symbol, aliases, converter, container))
    return registry


@attrs.frozen
class _UnitInfo:
    name: str
    factor: Decimal
    base: str
    dimensions: str


# The units a model specification mostly uses, with SI prefixes, resolved
# without importing pint (which costs about 100 ms); the test suite checks that
# this table and the registry agree on every entry.
_BASES: Final = {
    "parameter": ("parameter", "[parameter]"),
    "param": ("parameter", "[parameter]"),
    "token": ("token", "[token]"),
    "tok": ("token", "[token]"),
    "FLOP": ("FLOP", "[compute]"),
    "floating_point_operation": ("FLOP", "[compute]"),
    "byte": ("byte", "[information]"),
    "B": ("byte", "[information]"),
}
_PREFIXES: Final = {
    "": ("", 0),
    "k": ("kilo", 3),
    "kilo": ("kilo", 3),
    "M": ("mega", 6),
    "mega": ("mega", 6),
    "G": ("giga", 9),
    "giga": ("giga", 9),
    "T": ("tera", 12),
    "tera": ("tera", 12),
    "P": ("peta", 15),
    "peta": ("peta", 15),
    "E": ("exa", 18),
    "exa": ("exa", 18),
    "Z": ("zetta", 21),
    "zetta": ("zetta", 21),
    "Y": ("yotta", 24),
    "yotta": ("yotta", 24),
}


def _simple_unit(unit: str) -> _UnitInfo | None:
    """Resolve a prefixed base unit ("Gparam", "teratoken") from the table."""
    for base, (name, dimensions) in _BASES.items():
        if unit.endswith(base):
            prefix = _PREFIXES.get(unit[: -len(base)])
            if prefix is not None:
                return _UnitInfo(
                    prefix[0] + name, _EXACT.scaleb(_ONE, prefix[1]), name, dimensions
                )
    return None


@functools.lru_cache(maxsize=1024)
def unit_info(unit: str) -> _UnitInfo:
    """Resolve a unit once: its canonical name, factor to base units, dimensions."""
    simple = _simple_unit(unit)
    if simple is not None:
        return simple
    return _registry_unit_info(unit)


MAX_UNIT_LENGTH: Final = 100
"""The longest unit name aiecosys reads, in characters."""
_MAX_TERMS: Final = 4
_ONE: Final = Decimal(1)
_NAMES: Final = {
    "parameter": "param",
    "token": "tok",
    "FLOP": "flop",
    "floating_point_operation": "",
    "byte": "B",
    "bit": "",
    "second": "s",
    "minute": "min",
    "hour": "h",
    "day": "d",
    "petaflop_s_day": "pfs_day",
}
_BASE_NAMES: Final = frozenset(_NAMES) | {short for short in _NAMES.values() if short}
_BINARY_PREFIXES: Final = ("Ki", "Mi", "Gi", "Ti", "kibi", "mebi", "gibi", "tebi")
_ALL_PREFIXES: Final = tuple(p for p in _PREFIXES if p) + _BINARY_PREFIXES
_TERM: Final = re.compile(r"(?P<name>[A-Za-z_]+)(?:\^(?P<power>-?[1-9][0-9]?))?")
_ACCEPTED: Final = N_(
    "aiecosys knows parameter (param), token (tok), FLOP, byte (B), bit, "
    "second (s), minute (min), hour (h), day (d) and petaflop_s_day (pfs_day), "
    "with an SI prefix (k, M, G, T, P, E, Z, Y or kilo to yotta) or a binary one "
    "(Ki, Mi, Gi, Ti), the long names also in the plural, and products or "
    "quotients of up to {terms} of them with '*', '/' and '**', such as "
    "'Gparam', 'byte / parameter' or 'B/param'"
)


def _known_name(name: str) -> bool:
    """Whether a word is a unit of the registry, with an optional prefix."""
    for candidate in (name, name.removesuffix("s")):
        if candidate in _BASE_NAMES:
            return candidate == name or candidate in _NAMES
        for prefix in _ALL_PREFIXES:
            base = candidate[len(prefix) :]
            if candidate.startswith(prefix) and base in _BASE_NAMES:
                return candidate == name or base in _NAMES
    return False


def check_unit(unit: str) -> str:
    """Check a unit against aiecosys's unit grammar before pint reads it.

    A unit is a known name with an optional prefix, or a product or quotient
    of a few of them (``"byte / parameter"``, ``"FLOP / second"``), each with
    an optional integer power (``"parameter ** 2"``); ``"1 / second"`` too.

    Raises:
        ParseError: anything else, listing what is accepted.

    Examples:
        >>> check_unit("B/param")
        'B/param'
        >>> check_unit("param;tok")
        Traceback (most recent call last):
        ...
        aiecosys.ParseError: unknown unit 'param;tok': aiecosys knows parameter ...
    """
    if len(unit) > MAX_UNIT_LENGTH:
        raise ParseError(
            _(
                "unknown unit {unit!r}...: a unit has at most {most} characters; "
                "{accepted}"
            ).format(unit=unit[:40], most=MAX_UNIT_LENGTH, accepted=_accepted())
        )
    folded = re.sub(r" *\*\* *", "^", unit.strip())
    terms = re.split(r" *[*/] *", folded)
    valid = 0 < len(terms) <= _MAX_TERMS and all(
        (index == 0 and term == "1" and len(terms) > 1)
        or (
            (match := _TERM.fullmatch(term)) is not None
            and _known_name(match.group("name"))
        )
        for index, term in enumerate(terms)
    )
    if not valid:
        raise _unknown_unit(unit)
    return unit


def _accepted() -> str:
    return _(_ACCEPTED).format(terms=_MAX_TERMS)


def _unknown_unit(unit: str) -> ParseError:
    return ParseError(
        _("unknown unit {unit!r}: {accepted}").format(unit=unit, accepted=_accepted())
    )


def _registry_unit_info(unit: str) -> _UnitInfo:
    """Resolve a unit of aiecosys's grammar, compound ones included."""
    import pint

    check_unit(unit)
    registry = unit_registry()
    try:
        # pint computes the factor with Decimals: in aiecosys's context, never
        # the caller's (a 3-digit context made a tebibyte 1.10e12 bytes).
        with decimal.localcontext(_QUOTIENT):
            parsed = registry.parse_units(unit)
            factor, base = registry.get_base_units(parsed)
    except (pint.errors.PintError, ArithmeticError, ValueError, TypeError):
        raise _unknown_unit(unit) from None
    dimensions = str(parsed.dimensionality) or "dimensionless"
    return _UnitInfo(
        str(parsed), _EXACT.create_decimal(str(factor)), str(base), dimensions
    )


@functools.lru_cache(maxsize=1024)
def _combined_unit(left: str, right: str, operator: str) -> str:
    registry = unit_registry()
    a, b = registry.Unit(left), registry.Unit(right)
    return str(a * b if operator == "*" else a / b)


_EXACT: Final = EXACT
"""Sums, differences and products of magnitudes, exact whatever the caller's
`decimal` context says."""
_QUOTIENT_DIGITS: Final = 28
_QUOTIENT: Final = decimal.Context(
    prec=_QUOTIENT_DIGITS,
    Emax=decimal.MAX_EMAX,
    Emin=decimal.MIN_EMIN,
    traps=[decimal.InvalidOperation, decimal.Overflow, decimal.DivisionByZero],
)
"""Quotients, to 28 significant digits (the `decimal` module's default)."""
MAGNITUDE_LIMIT: Final = Decimal("1e100")
"""Magnitudes must be smaller than this in size: far above any count of
parameters, tokens or FLOP (10^25 for the largest training runs)."""


def _to_magnitude(value: object) -> Decimal:
    if isinstance(value, bool):
        raise TypeError(_("a quantity's magnitude cannot be a bool"))
    if isinstance(value, Decimal):
        magnitude = value
    elif isinstance(value, int):
        magnitude = _EXACT.create_decimal(value)
    elif isinstance(value, float):
        # Counts arrive as floats (34e9); their shortest repr is what was meant.
        magnitude = Decimal(repr(value))
    elif isinstance(value, str):
        magnitude = read_plain_number(value, what=N_("a quantity's magnitude"))
    else:
        raise TypeError(
            _("a quantity's magnitude must be a number, not {type}").format(
                type=type(value).__name__
            )
        )
    if not magnitude.is_finite():
        raise ParseError(
            _("a quantity must be finite, not {value!r}").format(value=value)
        )
    if magnitude and abs(magnitude.adjusted()) >= MAGNITUDE_LIMIT.adjusted():
        raise ParseError(
            _(
                "the magnitude {magnitude} is out of range: aiecosys keeps "
                "magnitudes between 10^-{power} and 10^{power} in size"
            ).format(magnitude=str(magnitude)[:40], power=MAGNITUDE_LIMIT.adjusted())
        )
    return magnitude


def _compute(operation: str, left: Decimal, right: Decimal) -> Decimal:
    """Exact +, -, * and a 28-digit /, refusing what no quantity can be."""
    try:
        if operation == "/":
            return _QUOTIENT.divide(left, right)
        if operation == "*":
            return _EXACT.multiply(left, right)
        return _EXACT.add(left, right if operation == "+" else _EXACT.minus(right))
    except decimal.DivisionByZero:
        raise DataError(
            _(
                "cannot divide {left} by zero: a quantity divided by 0 has no value"
            ).format(left=left)
        ) from None
    except (decimal.InvalidOperation, decimal.Overflow):
        raise DataError(
            _(
                "cannot compute {left} {operation} {right}: the result is not a "
                "finite number"
            ).format(left=left, operation=operation, right=right)
        ) from None


def _canonical_unit(unit: str) -> str:
    if not isinstance(unit, str):
        raise TypeError(
            _("a unit must be a str such as 'parameter', not {unit!r}").format(
                unit=unit
            )
        )
    return unit_info(unit).name


_MISMATCHES: Final = {
    "add": N_(
        "cannot add {left_dimensions} and {right_dimensions}: {left} and {right} "
        "measure different things"
    ),
    "subtract": N_(
        "cannot subtract {left_dimensions} and {right_dimensions}: {left} and "
        "{right} measure different things"
    ),
    "divide": N_(
        "cannot divide {left_dimensions} and {right_dimensions}: {left} and "
        "{right} measure different things"
    ),
    "compare": N_(
        "cannot compare {left_dimensions} and {right_dimensions}: {left} and "
        "{right} measure different things"
    ),
}
"""What cannot be done with two dimensions, by the action refused."""
_NOT_QUANTITIES: Final = {
    "add": N_("cannot add a quantity ({quantity}) and {type} {other!r}"),
    "subtract": N_("cannot subtract a quantity ({quantity}) and {type} {other!r}"),
    "divide": N_("cannot divide a quantity ({quantity}) and {type} {other!r}"),
    "compare": N_("cannot compare a quantity ({quantity}) and {type} {other!r}"),
}
_NOT_SCALARS: Final = {
    "multiply": N_("cannot multiply a quantity by {type}"),
    "divide": N_("cannot divide a quantity by {type}"),
}


def _mismatch(action: str, left: Quantity, right: Quantity) -> DimensionMismatchError:
    return DimensionMismatchError(
        _(_MISMATCHES[action]).format(
            left_dimensions=left.dimensions,
            right_dimensions=right.dimensions,
            left=left,
            right=right,
        )
    )


@attrs.frozen(repr=False, eq=False)
class Quantity:
    """An exact magnitude with a unit: a parameter count, tokens, FLOP, bytes.

    Quantities of one dimension add, subtract, compare and convert; mixing
    dimensions (parameters with tokens) raises
    [DimensionMismatchError][aiecosys.DimensionMismatchError]. Equality is by
    value: ``34 Gparam == 34e9 param``.

    Examples:
        >>> q = Quantity(34, "Gparam")
        >>> q
        Quantity('34', 'gigaparameter')
        >>> q.to("parameter")
        Quantity('34000000000', 'parameter')
        >>> q == parameters(34e9)
        True
        >>> q / Quantity(1.8, "Tparam")
        Decimal('0.01888888888888888888888888889')
    """

    magnitude: Decimal = attrs.field(converter=_to_magnitude)
    """The exact magnitude, in [unit][aiecosys.Quantity.unit]."""
    unit: str = attrs.field(converter=_canonical_unit)
    """The unit, as pint names it (``"gigaparameter"``, ``"byte / parameter"``)."""

    @property
    def dimensions(self) -> str:
        """The dimensions, such as ``"[parameter]"`` or ``"[compute]"``."""
        return unit_info(self.unit).dimensions

    @property
    def base_magnitude(self) -> Decimal:
        """The magnitude in base units (parameters, tokens, FLOP, bytes, seconds)."""
        return _compute("*", self.magnitude, unit_info(self.unit).factor)

    def to(self, unit: str) -> Quantity:
        """Convert to another unit of the same dimension.

        Examples:
            >>> parameters(7e9).to("Gparam")
            Quantity('7', 'gigaparameter')
            >>> Quantity(3640, "pfs_day").to("FLOP")
            Quantity('314496000000000000000000', 'FLOP')
        """
        target = unit_info(_canonical_unit(unit))
        own = unit_info(self.unit)
        if own.dimensions != target.dimensions:
            raise DimensionMismatchError(
                _(
                    "cannot convert {quantity} ({dimensions}) to {unit!r} ({target})"
                ).format(
                    quantity=self,
                    dimensions=own.dimensions,
                    unit=unit,
                    target=target.dimensions,
                )
            )
        magnitude = _compute("/", self.base_magnitude, target.factor)
        return Quantity(_tidy(magnitude), target.name)

    def _same_dimension(self, other: object, action: str) -> Quantity:
        if not isinstance(other, Quantity):
            raise DimensionMismatchError(
                _(_NOT_QUANTITIES[action]).format(
                    quantity=self, type=type(other).__name__, other=other
                )
            )
        if other.dimensions != self.dimensions:
            raise _mismatch(action, self, other)
        return other

    def __add__(self, other: Quantity) -> Quantity:
        other = self._same_dimension(other, "add")
        added = _compute("+", self.magnitude, other.to(self.unit).magnitude)
        return Quantity(added, self.unit)

    def __sub__(self, other: Quantity) -> Quantity:
        other = self._same_dimension(other, "subtract")
        taken = _compute("-", self.magnitude, other.to(self.unit).magnitude)
        return Quantity(taken, self.unit)

    def __neg__(self) -> Quantity:
        return Quantity(_EXACT.minus(self.magnitude), self.unit)

    def __abs__(self) -> Quantity:
        return Quantity(_EXACT.abs(self.magnitude), self.unit)

    def __mul__(self, other: Quantity | Decimal | int) -> Quantity:
        if isinstance(other, Quantity):
            unit = _combined_unit(self.unit, other.unit, "*")
            return Quantity(_compute("*", self.magnitude, other.magnitude), unit)
        factor = _scalar(other, "multiply")
        return Quantity(_compute("*", self.magnitude, factor), self.unit)

    __rmul__ = __mul__

    def __truediv__(self, other: Quantity | Decimal | int) -> Quantity | Decimal:
        if isinstance(other, Quantity):
            if other.dimensions == self.dimensions:
                return self.ratio(other)
            unit = _combined_unit(self.unit, other.unit, "/")
            return Quantity(_compute("/", self.magnitude, other.magnitude), unit)
        divisor = _scalar(other, "divide")
        return Quantity(_compute("/", self.magnitude, divisor), self.unit)

    def ratio(self, other: Quantity) -> Decimal:
        """The ratio of two quantities of the same dimension, as a Decimal.

        Examples:
            >>> parameters("34B").ratio(parameters("1T"))
            Decimal('0.034')
        """
        other = self._same_dimension(other, "divide")
        return _compute("/", self.base_magnitude, other.base_magnitude)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Quantity):
            return NotImplemented
        return (
            self.dimensions == other.dimensions
            and self.base_magnitude == other.base_magnitude
        )

    def __hash__(self) -> int:
        return hash((self.dimensions, self.base_magnitude))

    def __lt__(self, other: Quantity) -> bool:
        return (
            self.base_magnitude < self._same_dimension(other, "compare").base_magnitude
        )

    def __le__(self, other: Quantity) -> bool:
        return (
            self.base_magnitude <= self._same_dimension(other, "compare").base_magnitude
        )

    def __gt__(self, other: Quantity) -> bool:
        return (
            self.base_magnitude > self._same_dimension(other, "compare").base_magnitude
        )

    def __ge__(self, other: Quantity) -> bool:
        return (
            self.base_magnitude >= self._same_dimension(other, "compare").base_magnitude
        )

    def __repr__(self) -> str:
        return f"Quantity({str(self.magnitude)!r}, {self.unit!r})"

    def __str__(self) -> str:
        return f"{self.magnitude:,f} {self.unit}"


def _scalar(value: object, action: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, Decimal | int | float):
        raise TypeError(_(_NOT_SCALARS[action]).format(type=type(value).__name__))
    return _to_magnitude(value)


def _tidy(value: Decimal) -> Decimal:
    """Write whole numbers without an exponent or trailing zeros."""
    if value == _EXACT.to_integral_value(value):
        return _EXACT.quantize(value, Decimal(1))
    return _EXACT.normalize(value)


def quantity(value: Decimal | float | str, unit: str) -> Quantity:
    """Build a quantity from a number and a unit name.

    Examples:
        >>> quantity(2, "byte / parameter")
        Quantity('2', 'byte / parameter')
        >>> memory = parameters(7e9) * quantity(2, "B/param")
        >>> memory.to("GB")
        Quantity('14', 'gigabyte')
    """
    return Quantity(value, unit)


_WORDS: Final = {
    "parameter": {
        "",
        "parameter",
        "parameters",
        "param",
        "params",
        "parametre",
        "parametres",
    },
    "token": {"", "token", "tokens", "tok", "jetons"},
    "FLOP": {"", "flop", "flops", "operations", "floating point operations"},
}


_COUNTED: Final = {word: unit for unit, words in _WORDS.items() for word in words}


def read_quantity(
    text: str,
    *,
    unit: str | None = None,
    lang: Lang | None = None,
    locale: str | None = None,
) -> Quantity:
    """Read a scaled count as people write it: ``"1.8T parameters"``, ``"34 billion"``.

    Counted units are named by their words in English or French ("parameters",
    "paramètres", "tokens", "jetons", "FLOP"); other units by their registry
    names ("2 TB"). A count with no unit is read in *unit*, and refused when
    *unit* is None.

    Raises:
        ParseError: The number cannot be read (two readings need *lang* or
            *locale*), or the text names no unit where one is needed.

    Examples:
        >>> read_quantity("1.8T parameters")
        Quantity('1800000000000', 'parameter')
        >>> read_quantity("34B", unit="parameter")
        Quantity('34000000000', 'parameter')
    """
    number = read_scaled_number(text, what="a quantity", lang=lang, locale=locale)
    words = strip_accents(drop_preposition(number.after))
    if number.before or (not words and unit is None):
        raise ParseError(
            _(
                "cannot read {text!r} as a quantity: write a number and its unit, "
                "such as '34000000000 parameter', '34B parameters' or '2 TB'"
            ).format(text=text)
        )
    if not words:
        return Quantity(number.value, typing.cast("str", unit))
    return Quantity(number.value, _COUNTED.get(words) or number.after)


_COUNTS: Final = {
    "parameter": (
        N_("a number of parameters"),
        N_(
            "cannot read {value!r} as a number of parameters; write it as '34B', "
            "'34 billion', '7e9' or '1.8T parameters'"
        ),
    ),
    "token": (
        N_("a number of tokens"),
        N_(
            "cannot read {value!r} as a number of tokens; write it as '34B', "
            "'34 billion', '7e9' or '1.8T tokens'"
        ),
    ),
    "FLOP": (
        N_("a number of FLOPs"),
        N_(
            "cannot read {value!r} as a number of FLOPs; write it as '34B', "
            "'34 billion', '7e9' or '1.8T FLOPs'"
        ),
    ),
}
"""What a count of each unit is, and its refusal, in whole sentences."""


def _counted(
    value: Decimal | float | str,
    unit: str,
    lang: Lang | None = None,
    locale: str | None = None,
) -> Quantity:
    if not isinstance(value, str):
        return Quantity(value, unit)
    what, refusal = _COUNTS[unit]
    number = read_scaled_number(value, what=what, lang=lang, locale=locale)
    if (
        number.before
        or strip_accents(drop_preposition(number.after)) not in _WORDS[unit]
    ):
        raise ParseError(_(refusal).format(value=value))
    return Quantity(number.value, unit)


def parameters(
    value: Decimal | float | str,
    *,
    lang: Lang | None = None,
    locale: str | None = None,
) -> Quantity:
    """A parameter count: ``parameters(34e9)``, ``parameters("34B")``.

    In text, ``B`` and ``bn`` mean billion (never bytes), ``T`` trillion,
    ``M`` million. Text is read by the same grammar as amounts of money: a
    number with two readings (``"1.834T"``) needs *lang* or *locale*.

    Examples:
        >>> parameters("34B")
        Quantity('34000000000', 'parameter')
        >>> parameters("1.8T") == parameters(1.8e12)
        True
        >>> parameters("34 milliards de paramètres")
        Quantity('34000000000', 'parameter')
        >>> parameters("1.834T", lang="en")
        Quantity('1834000000000', 'parameter')
    """
    return _counted(value, "parameter", lang, locale)


def tokens(
    value: Decimal | float | str,
    *,
    lang: Lang | None = None,
    locale: str | None = None,
) -> Quantity:
    """A token count: ``tokens(3e12)``, ``tokens("3T tokens")``.

    Examples:
        >>> tokens("3T tokens").to("Ttok")
        Quantity('3', 'teratoken')
    """
    return _counted(value, "token", lang, locale)


def flop(
    value: Decimal | float | str,
    *,
    lang: Lang | None = None,
    locale: str | None = None,
) -> Quantity:
    """An amount of compute in floating-point operations: ``flop(2.1e25)``.

    Examples:
        >>> flop(2.1e25).to("YFLOP")
        Quantity('21', 'yottaFLOP')
    """
    return _counted(value, "FLOP", lang, locale)
