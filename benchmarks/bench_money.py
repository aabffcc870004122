"""Money and units against py-moneyed and pint, in one run.

Run: python benchmarks/bench_money.py [--quick]
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path


sys.path.insert(0, str(Path(__file__).parent))

from _timing import Figure, fresh_process_inner, per_call, report


def run(*, quick: bool = False) -> list[str]:
    import moneyed
    import pint

    import aiecosys
    from aiecosys._units import unit_info, unit_registry

    number = 2_000 if quick else 200_000
    repeat = 3 if quick else 7
    fresh = 2 if quick else 15

    a, b = aiecosys.Money("105000000", "EUR"), aiecosys.Money("385000000", "EUR")
    ma, mb = moneyed.Money("105000000", "EUR"), moneyed.Money("385000000", "EUR")

    rows: list[tuple[Figure, Figure, str]] = [
        (
            per_call(
                "Money('385000000.50', 'EUR')",
                lambda: aiecosys.Money("385000000.50", "EUR"),
                number=number,
                repeat=repeat,
            ),
            per_call(
                "moneyed.Money",
                lambda: moneyed.Money("385000000.50", "EUR"),
                number=number,
                repeat=repeat,
            ),
            "<= 1.5x",
        ),
        (
            per_call("a + b (EUR)", lambda: a + b, number=number, repeat=repeat),
            per_call("moneyed a + b", lambda: ma + mb, number=number, repeat=repeat),
            "<= 1.0x",
        ),
        (
            per_call("a < b (EUR)", lambda: a < b, number=number, repeat=repeat),
            per_call("moneyed a < b", lambda: ma < mb, number=number, repeat=repeat),
            "<= 1.0x",
        ),
    ]
    lines = report("Money against py-moneyed", rows)

    timer = "import time; t = time.perf_counter(); {}; print(time.perf_counter() - t)"
    ours_import = fresh_process_inner(
        "fresh `import aiecosys`", timer.format("import aiecosys"), repeat=fresh
    )
    pint_import = fresh_process_inner(
        "fresh `import pint; pint.UnitRegistry()`",
        timer.format("import pint; pint.UnitRegistry()"),
        repeat=fresh,
    )
    lines += report("Start-up", [(ours_import, pint_import, "<= 0.5x")])

    build_code = (
        "import time, pint, aiecosys._units as u; t = time.perf_counter(); "
        "u.unit_registry(); print(time.perf_counter() - t)"
    )
    default_code = (
        "import time, pint; t = time.perf_counter(); pint.UnitRegistry(); "
        "print(time.perf_counter() - t)"
    )
    build = fresh_process_inner("build the units registry", build_code, repeat=fresh)
    default = fresh_process_inner(
        "pint.UnitRegistry() (default file)", default_code, repeat=fresh
    )
    lines += report("Units registry", [(build, default, "<= 2 ms")])
    lines.append(
        f"Units registry build: {build.median * 1e3:.2f} ms (target <= 2 ms)\n"
    )

    unit_registry()
    ureg = pint.UnitRegistry()
    gparam = ureg.Unit("gigabyte")
    unit_info("gigaparameter")
    x, y = aiecosys.parameters("34B"), aiecosys.parameters("1.8T")
    px, py = ureg.Quantity(34.0, "gigabyte"), ureg.Quantity(1.8, "terabyte")
    rows = [
        (
            per_call(
                "Quantity(34, 'gigaparameter')",
                lambda: aiecosys.Quantity(34, "gigaparameter"),
                number=number // 4,
                repeat=repeat,
            ),
            per_call(
                "pint Quantity(34.0, Unit)",
                lambda: ureg.Quantity(34.0, gparam),
                number=number // 4,
                repeat=repeat,
            ),
            "<= 1.0x",
        ),
        (
            per_call(
                "x + y (Gparam + Tparam, exact)",
                lambda: x + y,
                number=number // 4,
                repeat=repeat,
            ),
            per_call(
                "pint x + y (GB + TB, float)",
                lambda: px + py,
                number=number // 4,
                repeat=repeat,
            ),
            "informational",
        ),
        (
            per_call("x < y", lambda: x < y, number=number // 4, repeat=repeat),
            per_call("pint x < y", lambda: px < py, number=number // 4, repeat=repeat),
            "informational",
        ),
    ]
    lines += report("Quantities against pint", rows)
    _ = Decimal
    print("\n".join(lines[-1:]))
    return lines


if __name__ == "__main__":
    run(quick="--quick" in sys.argv)
