"""Estimates at their boundaries, with exact messages (found by mutation testing)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import pytest

from aiecosys import (
    DataError,
    DimensionMismatchError,
    Estimate,
    InvalidArithmeticError,
    Ordering,
    ParseError,
    Source,
    Status,
    parameters,
    tokens,
)
from aiecosys._estimate import check_estimate, check_optional_estimate


S1, S2, S3 = (Source(key=f"s{n}", title=f"Source {n}") for n in (1, 2, 3))


def bounds(estimate: Estimate[Any]) -> tuple[object, object, object]:
    return estimate.low, estimate.high, estimate.best


def problem(error: DataError) -> tuple[str, str | None]:
    (only,) = error.problems
    return only.message, only.field


class TestStatus:
    def test_weakest(self) -> None:
        assert Status.DISCLOSED is Status.weakest([])
        assert Status.UNDISCLOSED is Status.weakest(list(Status))
        assert Status.RUMOURED is Status.weakest([Status.RUMOURED, Status.REPORTED])
        assert Status.REPORTED is Status.weakest([Status.DISCLOSED, Status.REPORTED])


class TestValidation:
    @pytest.mark.parametrize(
        ("fields", "message"),
        [
            ({"low": 1.5}, "the float 1.5 as its low"),
            ({"high": True}, "the bool True as its high"),
            ({"best": 2.0}, "the float 2.0 as its best"),
        ],
    )
    def test_floats_and_bools_are_refused(
        self, fields: dict[str, object], message: str
    ) -> None:
        with pytest.raises(TypeError) as caught:
            Estimate(**fields)  # type: ignore[arg-type]
        assert (
            f"an Estimate refuses {message}: pass a Decimal, an int, Money or a "
            "Quantity (binary floats cannot hold most decimal values exactly)"
        ) == str(caught.value)

    @pytest.mark.parametrize("field", ["low", "high", "best"])
    def test_non_finite_decimals_are_refused(self, field: str) -> None:
        with pytest.raises(ParseError) as caught:
            Estimate(**{field: Decimal("Infinity")})  # type: ignore[arg-type]
        assert (
            f"an Estimate's {field} must be a finite number, not Decimal('Infinity')"
            == str(caught.value)
        )

    def test_low_above_high(self) -> None:
        with pytest.raises(DataError) as caught:
            Estimate.between(3, 1)
        assert ("the low bound 3 is above the high bound 1", "low") == problem(
            caught.value
        )
        assert (2, 2, None) == bounds(Estimate.between(2, 2))
        assert (None, 1, None) == bounds(Estimate(None, 1))
        assert (1, None, None) == bounds(Estimate(1, None))

    @pytest.mark.parametrize(
        ("low", "high", "best", "text"),
        [
            (1, 3, 0, "the best value 0 lies outside 1 to 3"),
            (1, 3, 4, "the best value 4 lies outside 1 to 3"),
            (1, None, 0, "the best value 0 lies outside 1 to None"),
            (None, 3, 4, "the best value 4 lies outside None to 3"),
        ],
    )
    def test_best_outside_the_bounds(
        self, low: int | None, high: int | None, best: int, text: str
    ) -> None:
        with pytest.raises(DataError) as caught:
            Estimate(low, high, best)
        assert (text, "best") == problem(caught.value)

    @pytest.mark.parametrize("best", [1, 2, 3])
    def test_best_on_or_inside_the_bounds(self, best: int) -> None:
        assert best == Estimate.between(1, 3, best).best
        assert best == Estimate(1, None, best).best
        assert best == Estimate(None, 3, best).best

    def test_status_and_note_types(self) -> None:
        with pytest.raises(TypeError):
            Estimate(1, 2, status="estimated")  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            Estimate(1, 2, note=5)  # type: ignore[arg-type]

    def test_attrs_validators(self) -> None:
        @attrs.frozen
        class Holder:
            value: object = attrs.field(validator=check_estimate)
            maybe: object = attrs.field(default=None, validator=check_optional_estimate)

        Holder(Estimate.exact(1))
        Holder(Estimate.exact(1), Estimate.unknown())
        with pytest.raises(DataError) as caught:
            Holder(5)
        assert ("must be an Estimate", "value") == problem(caught.value)
        with pytest.raises(DataError) as caught:
            Holder(Estimate.exact(1), 5)
        assert ("must be an Estimate", "maybe") == problem(caught.value)


class TestConstructors:
    def test_defaults(self) -> None:
        assert (
            Status.DISCLOSED,
            Status.ESTIMATED,
            Status.REPORTED,
            Status.REPORTED,
            Status.UNDISCLOSED,
            Status.ESTIMATED,
        ) == (
            Estimate.exact(1).status,
            Estimate.between(1, 2).status,
            Estimate.at_least(1).status,
            Estimate.at_most(1).status,
            Estimate.unknown().status,
            Estimate().status,
        )

    def test_every_field_is_passed_on(self) -> None:
        kw: dict[str, Any] = {
            "status": Status.RUMOURED,
            "sources": (S1,),
            "note": "n",
        }
        made = [
            Estimate.exact(5, **kw),
            Estimate.between(1, 9, 5, **kw),
            Estimate.at_least(1, **kw),
            Estimate.at_most(9, **kw),
            Estimate.unknown(**kw),
        ]
        for estimate in made:
            assert (Status.RUMOURED, (S1,), "n") == (
                estimate.status,
                estimate.sources,
                estimate.note,
            )
        assert [(5, 5, 5), (1, 9, 5), (1, None, None), (None, 9, None)] == [
            bounds(estimate) for estimate in made[:4]
        ]
        assert (None, None, None) == bounds(made[4])

    def test_predicates(self) -> None:
        assert Estimate.exact(0).is_exact
        assert not Estimate.between(1, 2).is_exact
        assert not Estimate.unknown().is_exact
        assert not Estimate.at_most(1).is_exact
        assert Estimate.unknown().is_unknown
        assert not Estimate.at_least(1).is_unknown
        assert not Estimate.at_most(1).is_unknown

    @pytest.mark.parametrize(
        ("estimate", "inside", "outside"),
        [
            (Estimate.between(1, 3), [1, 2, 3], [0, 4]),
            (Estimate.at_least(1), [1, 10**9], [0]),
            (Estimate.at_most(3), [-(10**9), 3], [4]),
            (Estimate.unknown(), [-5, 0, 5], []),
        ],
    )
    def test_contains(
        self, estimate: Estimate[int], inside: list[int], outside: list[int]
    ) -> None:
        assert all(estimate.contains(value) for value in inside)
        assert not any(estimate.contains(value) for value in outside)


class TestArithmetic:
    def test_sum_merges_sources_in_order_and_drops_the_note(self) -> None:
        left = Estimate.between(1, 2, sources=(S1, S2), note="left")
        right = Estimate.exact(3, status=Status.RUMOURED, sources=(S2, S3))
        total = left + right
        assert (4, 5, None) == bounds(total)
        assert ((S1, S2, S3), Status.RUMOURED, None) == (
            total.sources,
            total.status,
            total.note,
        )

    def test_sum_with_best_values(self) -> None:
        total = Estimate.between(1, 2, 2) + Estimate.between(3, 4, 3)
        assert (4, 6, 5) == bounds(total)
        assert (4, None, None) == bounds(Estimate.at_least(1) + Estimate.exact(3))

    def test_sum_of_a_list_starts_from_zero(self) -> None:
        parts = [Estimate.exact(1), Estimate.exact(2)]
        assert (3, 3, 3) == bounds(sum(parts))  # type: ignore[arg-type]
        one = Estimate.exact(1)
        assert one is one.__radd__(0)
        assert NotImplemented is one.__radd__(1)
        assert NotImplemented is one.__radd__(False)
        assert NotImplemented is one.__add__(1)  # type: ignore[operator]
        assert NotImplemented is one.__sub__(1)  # type: ignore[operator]

    def test_difference_pairs_opposite_bounds(self) -> None:
        result = Estimate.between(5, 10, 8, sources=(S1,)) - Estimate.between(
            1, 2, 1, status=Status.REPORTED, sources=(S2,)
        )
        assert (3, 9, 7) == bounds(result)
        assert ((S1, S2), Status.ESTIMATED) == (result.sources, result.status)
        assert (None, 9, None) == bounds(Estimate.at_most(10) - Estimate.at_least(1))

    def test_scaling(self) -> None:
        base = Estimate.between(
            1, 3, 2, status=Status.REPORTED, sources=(S1,), note="x"
        )
        assert (-6, -2, -4) == bounds(base * -2)
        assert (0, 0, 0) == bounds(base * 0)
        assert (2, 6, 4) == bounds(2 * base)
        scaled = base * 2
        assert (Status.REPORTED, (S1,), None) == (
            scaled.status,
            scaled.sources,
            scaled.note,
        )
        assert (None, -2, None) == bounds(Estimate.at_least(1) * -2)

    def test_scaling_refuses_other_types(self) -> None:
        for factor in (1.5, True, "2"):
            with pytest.raises(TypeError) as caught:
                Estimate.exact(1) * factor  # type: ignore[operator]
            assert str(caught.value).startswith(
                "an Estimate can only be scaled by an int or a Decimal, not "
                f"{type(factor).__name__}"
            )
            with pytest.raises(TypeError, match="can only be scaled by"):
                Estimate.exact(1) / factor  # type: ignore[operator]

    def test_division_by_a_number(self) -> None:
        low: object = (Estimate.exact(1) / 3).low
        assert Decimal("0." + "3" * 50) == low
        assert isinstance(low, Decimal)
        assert (Decimal(-2), Decimal(-1), None) == bounds(Estimate.between(2, 4) / -2)
        with pytest.raises(InvalidArithmeticError) as caught:
            Estimate.exact(1) / 0
        assert "cannot divide an Estimate by zero; check the divisor first" == str(
            caught.value
        )

    def test_map_keeps_everything_but_the_values(self) -> None:
        base = Estimate(1, None, 1, Status.RUMOURED, (S1,), "kept")
        mapped = base.map(lambda n: n * 10)
        assert (10, None, 10) == bounds(mapped)
        assert (Status.RUMOURED, (S1,), "kept") == (
            mapped.status,
            mapped.sources,
            mapped.note,
        )


class TestRatio:
    @pytest.mark.parametrize(
        ("numerator", "denominator", "expected"),
        [
            (Estimate.between(2, 4), Estimate.between(1, 2), (1, 4, None)),
            (
                Estimate.between(2, 4, 3),
                Estimate.between(1, 2, 2),
                (1, 4, Decimal("1.5")),
            ),
            (Estimate.between(2, 4), Estimate.at_least(1), (0, 4, None)),
            (Estimate.at_least(2), Estimate.between(1, 2), (1, None, None)),
            (Estimate.between(2, 4), Estimate.between(-2, -1), (-4, -1, None)),
            (Estimate.at_most(4), Estimate.between(-2, -1), (-4, None, None)),
            (Estimate.at_most(4), Estimate.between(1, 2), (None, 4, None)),
            (Estimate.between(-4, -2), Estimate.at_most(-1), (0, 4, None)),
            (Estimate.unknown(), Estimate.exact(2), (None, None, None)),
            (Estimate.exact(6), Estimate.exact(3), (2, 2, 2)),
        ],
    )
    def test_bounds(
        self,
        numerator: Estimate[int],
        denominator: Estimate[int],
        expected: tuple[object, object, object],
    ) -> None:
        assert expected == bounds(numerator / denominator)

    @pytest.mark.parametrize(
        "denominator",
        [
            Estimate.between(-1, 1),
            Estimate.between(0, 1),
            Estimate.between(-1, 0),
            Estimate.at_least(0),
            Estimate.at_most(0),
            Estimate.at_least(-1),
            Estimate.at_most(5),
            Estimate.unknown(),
        ],
    )
    def test_divisor_that_may_be_zero_gives_unknown(
        self, denominator: Estimate[int]
    ) -> None:
        result = Estimate.exact(1, sources=(S1,)).ratio(denominator)
        assert result.is_unknown
        assert result.best is None
        assert (S1,) == result.sources
        assert Status.weakest([Status.DISCLOSED, denominator.status]) is result.status

    def test_ratio_keeps_the_weakest_status_and_every_source(self) -> None:
        result = Estimate.exact(4, sources=(S1,)) / Estimate.exact(
            2, status=Status.RUMOURED, sources=(S2,)
        )
        assert (Status.RUMOURED, (S1, S2)) == (result.status, result.sources)

    def test_ratio_of_two_dimensions(self) -> None:
        with pytest.raises(DimensionMismatchError) as caught:
            Estimate.exact(parameters("34B")) / Estimate.exact(tokens("3T"))
        assert (
            "cannot divide an estimate of a quantity of [parameter] and one of a "
            "quantity of [token]: they measure different things"
        ) == str(caught.value)

    def test_ratio_of_one_dimension_is_a_number(self) -> None:
        result = Estimate.exact(parameters("34B")) / Estimate.between(
            parameters("1T"), parameters("1.7T")
        )
        assert Decimal("0.02") == result.low
        assert Decimal("0.034") == result.high
        assert isinstance(result.low, Decimal)


class TestText:
    @pytest.mark.parametrize(
        ("estimate", "text"),
        [
            (Estimate.exact(5), "5 (disclosed)"),
            (Estimate.exact(0), "0 (disclosed)"),
            (Estimate.between(1, 3), "between 1 and 3 (estimated)"),
            (Estimate.between(1, 3, 2), "between 1 and 3, most likely 2 (estimated)"),
            (Estimate.at_least(100), "at least 100 (reported)"),
            (Estimate.at_most(10), "at most 10 (reported)"),
            (Estimate(None, 10, 10), "at most 10 (estimated)"),
            (Estimate.unknown(), "unknown (undisclosed)"),
        ],
    )
    def test_str(self, estimate: Estimate[int], text: str) -> None:
        assert text == str(estimate)


class TestAgainstAPlainValue:
    def test_ordering(self) -> None:
        assert Ordering.GREATER is Estimate.between(5, 6).ordering(3)
        assert Ordering.LESS is Estimate.between(1, 2).ordering(3)
        assert Ordering.EQUAL is Estimate.exact(5).ordering(5)
        assert Ordering.INDETERMINATE is Estimate.between(1, 5).ordering(3)

    def test_division_by_a_fraction_keeps_the_order(self) -> None:
        assert (Decimal(2), Decimal(6), Decimal(4)) == bounds(
            Estimate.between(1, 3, 2) / Decimal("0.5")
        )
