"""Quantities for model specifications: exact, dimension-safe, thread-safe."""

from __future__ import annotations

import subprocess
import sys
import threading
from decimal import Decimal, localcontext
from pathlib import Path

import pint
import pytest
from hypothesis import given
from hypothesis import strategies as st

import aiecosys._units as units_module
from aiecosys import (
    DataError,
    DimensionMismatchError,
    ParseError,
    Quantity,
    flop,
    parameters,
    quantity,
    tokens,
)
from aiecosys._units import unit_registry


ROOT = Path(__file__).resolve().parents[1]


class TestConstructors:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (34e9, 34_000_000_000),
            (34_000_000_000, 34_000_000_000),
            (Decimal("34e9"), 34_000_000_000),
            ("34B", 34_000_000_000),
            ("34 B", 34_000_000_000),
            ("34bn", 34_000_000_000),
            ("34 billion", 34_000_000_000),
            ("34 billion parameters", 34_000_000_000),
            ("34B params", 34_000_000_000),
            ("34 milliards de paramètres", 34_000_000_000),
            ("1.8T", 1_800_000_000_000),
            ("6.6B active parameters".replace(" active", ""), 6_600_000_000),
            ("175000000000", 175_000_000_000),
            ("7e9", 7_000_000_000),
        ],
    )
    def test_parameters(self, value: object, expected: int) -> None:
        """Counts are read from numbers and from text; 'B' means billion."""
        q = parameters(value)  # type: ignore[arg-type]

        assert Decimal(expected) == q.to("parameter").magnitude
        assert "[parameter]" == q.dimensions

    def test_b_is_never_bytes_in_a_count(self) -> None:
        """'7B' is seven billion parameters, not seven bytes."""
        assert parameters(7e9) == parameters("7B")

    def test_tokens_and_flop(self) -> None:
        """tokens() and flop() build their own dimensions."""
        assert quantity(3, "Ttok") == tokens("3T tokens")
        assert quantity(21, "YFLOP") == flop(2.1e25)
        assert "[compute]" == flop("3e23 FLOP").dimensions

    @pytest.mark.parametrize("text", ["34 bananas", "B34", "34 tokens", "lots"])
    def test_unreadable_counts(self, text: str) -> None:
        """Text that is not a parameter count raises ParseError."""
        with pytest.raises(ParseError):
            parameters(text)

    @pytest.mark.parametrize("value", [float("nan"), float("inf"), "NaN", "x"])
    def test_non_finite_or_non_numbers(self, value: object) -> None:
        """A quantity must be a finite number."""
        with pytest.raises(ParseError):
            quantity(value, "parameter")  # type: ignore[arg-type]

    def test_wrong_types(self) -> None:
        """Neither a bool nor a list nor a non-str unit is accepted."""
        with pytest.raises(TypeError):
            quantity(True, "parameter")
        with pytest.raises(TypeError):
            quantity([1], "parameter")  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            quantity(1, 3)  # type: ignore[arg-type]

    def test_unknown_unit_lists_the_known_ones(self) -> None:
        """An unknown unit names the units aiecosys knows."""
        with pytest.raises(ParseError, match="parameter \\(param\\)"):
            quantity(1, "meter")


class TestUnitGrammar:
    @pytest.mark.parametrize(
        ("unit", "name"),
        [
            ("B/param", "byte / parameter"),
            ("byte / parameter", "byte / parameter"),
            ("parameters", "parameter"),
            ("GiB", "gibibyte"),
            ("teratokens", "teratoken"),
            ("FLOP / second", "FLOP / second"),
            ("1 / second", "1 / second"),
            ("parameter ** 2", "parameter ** 2"),
            ("pfs_day", "petaflop_s_day"),
        ],
    )
    def test_known_names_and_simple_compounds(self, unit: str, name: str) -> None:
        """Registry names with prefixes, and products and quotients of a few."""
        assert name == quantity(1, unit).unit

    @pytest.mark.parametrize(
        "unit",
        [
            "param/0",
            ".",
            "g{",
            "param;tok",
            "param tok",
            "meter",
            "xparam",
            "Bs",
            "param ** 999",
            "param * tok * B * bit * s",
            "param" * 30,
            "",
        ],
    )
    def test_anything_else_is_refused_listing_what_is_accepted(self, unit: str) -> None:
        """pint never sees a unit outside aiecosys's grammar."""
        with pytest.raises(ParseError, match="aiecosys knows parameter"):
            quantity(1, unit)


class TestArithmeticRefusals:
    @pytest.mark.parametrize("divisor", [0, Decimal(0), Decimal("-0")])
    def test_division_by_zero(self, divisor: Decimal | int) -> None:
        """Dividing by zero is refused with an aiecosys error."""
        with pytest.raises(DataError, match="by zero"):
            parameters(5) / divisor
        with pytest.raises(DataError, match="by zero"):
            parameters(5) / quantity(divisor, "token")

    def test_ratio_to_zero(self) -> None:
        """A ratio to a zero quantity is refused."""
        with pytest.raises(DataError, match="by zero"):
            parameters(5).ratio(parameters(0))

    @pytest.mark.parametrize("value", ["NaN", "inf", Decimal("sNaN"), float("inf")])
    def test_non_finite_magnitudes(self, value: object) -> None:
        """NaN and infinities are no magnitudes."""
        with pytest.raises(ParseError, match="finite"):
            Quantity(value, "parameter")

    def test_results_out_of_range(self) -> None:
        """Products and quotients beyond 10^100 are refused, never infinite."""
        huge = quantity(Decimal("1e90"), "parameter")
        with pytest.raises(ParseError, match="out of range"):
            huge * huge
        with pytest.raises(ParseError, match="out of range"):
            huge / Decimal("1e-20")
        with pytest.raises(ParseError, match="out of range"):
            quantity("1e999999", "parameter")

    @pytest.mark.parametrize("text", ["1_0", "0_5", "1,000", " ", "0x10"])
    def test_magnitudes_from_text_are_plain_numbers(self, text: str) -> None:
        """Text magnitudes are plain digits: no underscores or group marks."""
        with pytest.raises(ParseError, match="plain digits"):
            quantity(text, "parameter")

    def test_results_ignore_the_callers_decimal_context(self) -> None:
        """A caller's low precision changes no count, sum, product or ratio."""
        with localcontext(prec=3):
            assert parameters(1001) != parameters(1000)
            assert Decimal(2001) == (parameters(1001) + parameters(1000)).magnitude
            assert Decimal(1002001) == (parameters(1001) * 1001).magnitude
            assert Decimal("1.001") == parameters(1001).ratio(parameters(1000))
            assert Decimal("1.001") == parameters(1001).to("kparam").magnitude

    def test_a_lone_zero_group_is_a_fraction(self) -> None:
        """'0,500B' is half a billion: no thousands group starts with a lone 0."""
        assert parameters(500_000_000) == parameters("0,500B")

    def test_counts_with_two_readings_need_a_hint(self) -> None:
        """'1.834T' is refused alone and read with lang= or locale=."""
        with pytest.raises(ParseError, match="lang= or locale="):
            parameters("1.834T")
        assert parameters(1_834_000_000_000) == parameters("1.834T", lang="en")
        assert tokens(1_834_000_000_000_000) == tokens("1.834T", locale="de")
        assert flop(1.5e24) == flop("1.5e24", lang="en")


class TestArithmetic:
    def test_conversions_are_exact(self) -> None:
        """Conversions between prefixes keep Decimal exactness."""
        assert quantity(34, "Gparam") == parameters(34e9)
        assert "34" == str(parameters(34e9).to("Gparam").magnitude)
        assert quantity("3.14496e23", "FLOP") == quantity(3640, "pfs_day").to("FLOP")

    def test_memory_at_two_bytes_per_parameter(self) -> None:
        """7e9 parameters at 2 bytes per parameter is 14 GB."""
        memory = parameters(7e9) * quantity(2, "byte / parameter")

        assert quantity(14, "GB") == memory
        assert quantity(14, "gigabyte") == memory.to("GB")
        assert Decimal(14) == memory.to("GB").magnitude

    def test_same_dimension_ops(self) -> None:
        """Add, subtract, scale, divide and order within a dimension."""
        yi, gpt4 = parameters("34B"), parameters("1.8T")

        assert parameters("1.834T", lang="en") == yi + gpt4
        assert parameters("1.766T", locale="en") == gpt4 - yi
        assert parameters("68B") == yi * 2 == 2 * yi
        assert parameters("17B") == yi / 2
        assert parameters("17B") == yi * Decimal("0.5")
        assert yi < gpt4
        assert yi <= gpt4
        assert gpt4 > yi
        assert gpt4 >= yi
        assert -yi == parameters(-34e9)
        assert yi == abs(-yi)
        assert Decimal("0.5") == quantity(17, "Gparam") / yi

    def test_ratio_of_yi_to_gpt4_estimates(self) -> None:
        """34B against 1T to 1.8T parameters is far less than half."""
        yi = parameters("34B")

        assert Decimal("0.034") == yi / parameters("1T")
        assert yi.ratio(parameters("1.8T")) < Decimal("0.019")

    def test_different_dimensions_over_each_other(self) -> None:
        """Dividing different dimensions makes a compound unit."""
        rate = tokens("2T") / parameters("1B")

        assert isinstance(rate, Quantity)
        assert Decimal(2000) == rate.magnitude

    @pytest.mark.parametrize(
        "operation",
        [
            lambda a, b: a + b,
            lambda a, b: a - b,
            lambda a, b: a < b,
            lambda a, b: a <= b,
            lambda a, b: a > b,
            lambda a, b: a >= b,
        ],
    )
    def test_mixing_dimensions_raises(self, operation: object) -> None:
        """Parameters and tokens never mix."""
        with pytest.raises(
            DimensionMismatchError, match=r"\[parameter\] and \[token\]"
        ):
            operation(parameters(7e9), tokens(7e9))  # type: ignore[operator]

    def test_mixing_with_plain_numbers_raises(self) -> None:
        """Adding a bare number to a quantity is a dimension error."""
        with pytest.raises(DimensionMismatchError):
            parameters(7e9) + 7  # type: ignore[operator]
        with pytest.raises(TypeError):
            parameters(7e9) * "2"  # type: ignore[operator]

    def test_conversion_to_another_dimension_raises(self) -> None:
        """Parameters cannot be converted to bytes without a factor."""
        with pytest.raises(DimensionMismatchError, match="to 'GB'"):
            parameters(7e9).to("GB")

    def test_equality_hash_repr(self) -> None:
        """Equal values hash alike whatever their prefix; repr is readable."""
        assert {quantity(1, "Gparam"), parameters(1e9)} == {parameters(1e9)}
        assert parameters(1) != tokens(1)
        assert parameters(1) != 1
        assert "Quantity('34000000000', 'parameter')" == repr(parameters("34B"))
        assert "34,000,000,000 parameter" == str(parameters("34B"))

    @given(
        st.decimals(0, 10**15, places=3),
        st.decimals(0, 10**15, places=3),
        st.sampled_from(["param", "kparam", "Mparam", "Gparam", "Tparam"]),
    )
    def test_addition_is_exact_across_prefixes(
        self, a: Decimal, b: Decimal, unit: str
    ) -> None:
        """Sums in any prefix equal the sum of base magnitudes."""
        total = quantity(a, unit) + quantity(b, "param")

        with localcontext(prec=100):
            assert total.base_magnitude == quantity(a, unit).base_magnitude + b


class TestRegistry:
    def test_private_and_small(self) -> None:
        """The registry is aiecosys's own: no metres, no pint application registry."""
        import pint

        registry = unit_registry()

        assert registry is not pint.get_application_registry().get()  # type: ignore[no-untyped-call]
        with pytest.raises(pint.errors.UndefinedUnitError):
            registry.Unit("meter")

    def test_concurrent_first_use(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Eight threads using units for the first time at once all succeed alike."""
        monkeypatch.setattr(units_module, "_registry", None)
        units_module.unit_info.cache_clear()
        barrier = threading.Barrier(8)
        results: list[object] = []
        lock = threading.Lock()

        def work() -> None:
            barrier.wait()
            try:
                value: object = (parameters("7B") * quantity(2, "B/param")).to("GB")
            except Exception as error:  # noqa: BLE001 - the test reports any failure
                value = error
            with lock:
                results.append(value)

        threads = [threading.Thread(target=work) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

        assert [quantity(14, "GB")] * 8 == results
        assert units_module._registry is unit_registry()


@pytest.mark.parametrize(
    "unit",
    [
        prefix + base
        for prefix in ["", "k", "M", "G", "T", "P", "E", "Z", "Y", "giga", "tera"]
        for base in ["parameter", "param", "token", "tok", "FLOP", "byte", "B"]
    ],
)
def test_fast_unit_table_agrees_with_the_registry(unit: str) -> None:
    """Units resolved without pint have pint's name, factor and dimensions."""
    assert units_module._registry_unit_info(unit) == units_module._simple_unit(unit)


def test_python_definitions_match_the_definitions_file(tmp_path: Path) -> None:
    """The committed Python form of data/units.txt is what the script writes now."""
    written = tmp_path / "_units_definitions.py"
    script = ROOT / "scripts" / "units_definitions.py"
    subprocess.run([sys.executable, script, written], check=True, capture_output=True)
    committed = Path(units_module.__file__).with_name("_units_definitions.py")
    assert committed.read_text(encoding="utf-8") == written.read_text("utf-8"), (
        "src/aiecosys/_units_definitions.py is out of date: "
        "run python scripts/units_definitions.py"
    )


@pytest.fixture(scope="module")
def parsed_registry() -> pint.UnitRegistry[Decimal]:
    """A registry that pint's parser builds from data/units.txt itself."""
    registry: pint.UnitRegistry[Decimal] = pint.UnitRegistry(
        filename=None, non_int_type=Decimal
    )
    registry.load_definitions(
        str(Path(units_module.__file__).with_name("data") / "units.txt")
    )
    return registry


def _every_prefixed_unit() -> list[str]:
    """Every name, symbol and alias of units.txt, bare and with every prefix."""
    from aiecosys._units_definitions import PREFIXES, UNITS

    prefixes = [""] + [p for name, _, symbol in PREFIXES for p in (name, symbol) if p]
    names = [
        label
        for name, symbol, aliases, _, _ in UNITS
        for label in (name, symbol, *aliases)
        if label
    ]
    return [prefix + name for prefix in prefixes for name in names]


def test_built_registry_matches_the_parsed_file(
    parsed_registry: pint.UnitRegistry[Decimal],
) -> None:
    """Every unit, with every prefix, has the parsed file's name, factor and base."""
    built = units_module._build_registry()
    for unit in [*_every_prefixed_unit(), "byte / parameter", "FLOP / second"]:
        ours, theirs = built.parse_units(unit), parsed_registry.parse_units(unit)
        assert (str(theirs), str(theirs.dimensionality)) == (
            str(ours),
            str(ours.dimensionality),
        ), unit
        factor, base = built.get_base_units(ours)
        expected_factor, expected_base = parsed_registry.get_base_units(theirs)
        assert (expected_factor, str(expected_base)) == (factor, str(base)), unit


def test_unit_factors_do_not_depend_on_the_decimal_context() -> None:
    """A tebibyte is 1,099,511,627,776 bytes, even first met in a 3-digit context."""
    import decimal

    units_module.unit_info.cache_clear()
    with decimal.localcontext() as context:
        context.prec = 3
        in_bytes = Quantity(1, "TiB").to("B")
    assert Quantity("1099511627776", "byte") == in_bytes
