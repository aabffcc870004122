"""Claims that cannot be checked, each refused with its exact field and message.

Found by mutation testing: the other tests check that a message contains some
words; these check every word, so that a changed message or field is caught.
"""

from __future__ import annotations

from typing import Any

import pytest

from aiecosys import DataError, claims_from_document
from tests.test_claims_files import ECO, FILE, _document


SIZE = {"of": "Yi-34B", "field": "parameters"}
RAISED = {"of": "Mistral AI", "field": "total_raised"}
FOUNDED = {"of": "Kyutai", "field": "founded"}


def problems(check: dict[str, Any], *, published: bool = True) -> list[tuple[str, str]]:
    """The (field, message) of every problem of a one-claim document."""
    document = _document(check)
    if not published:
        document["sources"] = {"a": {"title": "An article"}}
    with pytest.raises(DataError) as caught:
        claims_from_document(document, ECO, file=FILE)
    assert {(FILE, "c1")} == {(p.file, p.entry) for p in caught.value.problems}
    return [(p.field or "", p.message) for p in caught.value.problems]


def accepted(check: dict[str, Any]) -> None:
    claims_from_document(_document(check), ECO, file=FILE)


DIFFERENT = "they measure different things"
PARAMETERS = "a quantity of [parameter]"


class TestComparedKinds:
    @pytest.mark.parametrize(
        ("stated", "kind"),
        [
            ("105000000 EUR", "money"),
            ("5 GBP", "money"),
            ("3 token", "a quantity of [token]"),
            ("5 day", "a quantity of [time]"),
            (5, "a plain number"),
        ],
    )
    def test_value_of_another_kind(self, stated: object, kind: str) -> None:
        check = {"kind": "value", "measure": SIZE, "stated": stated}
        assert [
            (
                "check.stated",
                f"compares {PARAMETERS} (measure) with {kind}: {DIFFERENT}",
            )
        ] == problems(check)

    def test_a_date_compared_as_a_value(self) -> None:
        check = {"kind": "value", "measure": FOUNDED, "stated": "5"}
        assert [
            (
                "check.stated",
                f"compares a date (measure) with a plain number: {DIFFERENT}",
            )
        ] == problems(check)

    def test_two_dates_compared_as_values(self) -> None:
        check = {
            "kind": "ordering",
            "left": [FOUNDED],
            "right": [{"of": "Mistral AI", "field": "founded"}],
            "relation": "less",
        }
        assert [
            (
                "check.left[0]",
                "is a date: use a date check to say when something happened",
            )
        ] == problems(check)

    def test_ratio_of_two_kinds(self) -> None:
        check = {
            "kind": "ratio",
            "numerator": SIZE,
            "denominator": RAISED,
            "ratio": "0.5",
            "tolerance": "10%",
        }
        assert [
            (
                "check.denominator",
                f"compares {PARAMETERS} (numerator) with money: {DIFFERENT}",
            )
        ] == problems(check)

    def test_ordering_of_two_kinds(self) -> None:
        check = {
            "kind": "ordering",
            "left": [SIZE],
            "right": [RAISED],
            "relation": "less",
        }
        assert [
            (
                "check.right[0]",
                f"compares a quantity of [parameter] (left[0]) with money: {DIFFERENT}",
            )
        ] == problems(check)

    def test_an_unknown_currency(self) -> None:
        check = {"kind": "value", "measure": SIZE, "stated": "5 XYZ"}
        ((field, message),) = problems(check)
        assert "check.stated" == field
        assert message.startswith("unknown currency code 'XYZ'")


class TestMoney:
    def test_money_needs_a_date_to_convert_at(self) -> None:
        check = {"kind": "value", "measure": RAISED, "stated": "490000000 EUR"}
        assert [
            (
                "check.on",
                (
                    "money may need converting: give the date to convert at (on), or a "
                    "publication date to the claim's source"
                ),
            )
        ] == problems(check, published=False)
        accepted(check)
        with_date = {**check, "on": "2023-12-11"}
        claims_from_document(
            {**_document(with_date), "sources": {"a": {"title": "An article"}}},
            ECO,
            file=FILE,
        )

    def test_margin_must_be_money(self) -> None:
        check = {
            "kind": "value",
            "measure": RAISED,
            "stated": "490000000 EUR",
            "tolerance": "5",
        }
        assert [
            (
                "check.tolerance",
                "the margin ±5 is not money, and the values compared are",
            )
        ] == problems(check)
        accepted({**check, "tolerance": "5 EUR"})
        accepted({**check, "tolerance": "10%"})
        assert [
            (
                "check.tolerance",
                (
                    "the margin ±5 USD is in USD, and the values are compared in EUR: "
                    "write the margin in EUR, or as a percentage such as '10%'"
                ),
            )
        ] == problems({**check, "tolerance": "5 USD"})

    def test_margin_in_another_unit(self) -> None:
        check = {
            "kind": "value",
            "measure": SIZE,
            "stated": "34000000000 parameter",
            "tolerance": "5 days",
        }
        assert [
            (
                "check.tolerance",
                (
                    "the tolerance ±5 days is not in the unit of the values compared, "
                    "which are a quantity of [parameter]"
                ),
            )
        ] == problems(check)
        accepted({**check, "tolerance": "10%"})
        accepted({**check, "tolerance": "1000000000 parameter"})


class TestFields:
    @pytest.mark.parametrize(
        ("field", "value", "allowed"),
        [
            (
                "openness",
                "secret",
                "'open-source', 'open-weights', 'api-only', 'closed'",
            ),
            ("modalities", "smell", "'text', 'image', 'audio', 'video'"),
        ],
    )
    def test_unknown_enum_values(self, field: str, value: str, allowed: str) -> None:
        check = {"kind": "existence", "what": "model", field: [value]}
        assert [
            (f"check.{field}", f"[{value!r}]: each must be one of {allowed}")
        ] == problems(check)

    def test_known_enum_values(self) -> None:
        accepted({"kind": "existence", "what": "model", "openness": ["open-weights"]})
        accepted(
            {
                "kind": "existence",
                "what": "organisation",
                "organisation_kinds": ["company", "group"],
            }
        )

    @pytest.mark.parametrize(
        ("ratio", "message"),
        [
            (True, 'write the number as a string, such as "0.5", not True'),
            ([1], 'write the number as a string, such as "0.5", not [1]'),
            ("inf", "'inf' is not a finite number"),
            ("half", "cannot read 'half' as a number"),
        ],
    )
    def test_unreadable_ratios(self, ratio: object, message: str) -> None:
        check = {
            "kind": "ratio",
            "numerator": SIZE,
            "denominator": SIZE,
            "ratio": ratio,
            "tolerance": "10%",
        }
        assert [("check.ratio", message)] == problems(check)

    def test_ratio_as_an_int_or_text(self) -> None:
        check = {
            "kind": "ratio",
            "numerator": SIZE,
            "denominator": {"of": "GPT-4", "field": "parameters"},
        }
        accepted({**check, "ratio": 1, "tolerance": "10%"})
        accepted({**check, "ratio": "0.5", "tolerance": "10%"})

    def test_period_with_unknown_bounds(self) -> None:
        check = {
            "kind": "date",
            "event": FOUNDED,
            "within": {"start": "2023", "stop": "2024", "zz": 1},
        }
        assert [
            ("check.within", "a period takes start and end, not stop, zz")
        ] == problems(check)
        accepted({"kind": "date", "event": FOUNDED, "within": {"end": "2024"}})
        accepted({"kind": "date", "event": FOUNDED, "within": {"start": "2023"}})

    def test_date_of_something_that_is_not_a_date(self) -> None:
        check = {"kind": "date", "event": SIZE, "within": "2023"}
        assert [
            (
                "check.event.field",
                (
                    "'parameters' is not a date; use released, announced, founded, "
                    "office_opened, office_closed or born"
                ),
            )
        ] == problems(check)


class TestEntities:
    def test_existence_filters(self) -> None:
        assert [
            (
                "check.what",
                (
                    "developer, openness, modalities and family filter models, not "
                    "organisations"
                ),
            )
        ] == problems(
            {"kind": "existence", "what": "organisation", "developer": "Mistral AI"}
        )
        assert [
            (
                "check.what",
                "organisation_kinds and founder filter organisations, not models",
            )
        ] == problems({"kind": "existence", "what": "model", "founder": "Kai-Fu Lee"})
        assert [
            ("check.developer", "no organisation is named 'Nobody'"),
            ("check.founder", "no organisation or person is named 'Noone'"),
            (
                "check.what",
                (
                    "developer, openness, modalities and family filter models, not "
                    "organisations"
                ),
            ),
        ] == problems(
            {
                "kind": "existence",
                "what": "organisation",
                "developer": "Nobody",
                "founder": "Noone",
            }
        )

    @pytest.mark.parametrize(
        ("kind", "field", "extra"),
        [
            ("existence", "within", {"what": "model"}),
            (
                "role",
                "during",
                {
                    "person": "Kai-Fu Lee",
                    "organisation": "Mistral AI",
                    "titles": ["ceo"],
                },
            ),
        ],
    )
    def test_relative_dates_need_a_publication_date(
        self, kind: str, field: str, extra: dict[str, Any]
    ) -> None:
        check = {"kind": kind, field: "last year", **extra}
        assert [
            (
                f"check.{field}",
                "'last year' is relative: give the claim's source a publication date",
            )
        ] == problems(check, published=False)

    def test_membership_of_something_that_is_not_a_group(self) -> None:
        assert [
            ("check.group", "Mistral AI is a company, not a group with members")
        ] == (
            problems(
                {"kind": "membership", "members": ["Kyutai"], "group": "Mistral AI"}
            )
        )

    def test_role_names(self) -> None:
        assert [
            ("check.person", "no person is named 'Nobody'"),
            ("check.organisation", "no organisation is named 'Nowhere'"),
        ] == problems(
            {
                "kind": "role",
                "person": "Nobody",
                "organisation": "Nowhere",
                "titles": ["ceo"],
            }
        )

    def test_benchmark_names_and_margin(self) -> None:
        check = {
            "kind": "benchmark",
            "first": "Yo",
            "second": "Ya",
            "benchmarks": ["MMLU"],
            "relation": "better",
        }
        assert [
            ("check.first", "no model is named 'Yo'"),
            ("check.second", "no model is named 'Ya'"),
        ] == problems(check)
        margin = {**check, "first": "Yi-34B", "second": "GPT-4", "tolerance": "10 EUR"}
        assert [
            (
                "check.tolerance",
                "a benchmark score is a plain number: the margin ±10 EUR is not",
            )
        ] == problems(margin)
        accepted({**margin, "tolerance": "5"})

    def test_attribute_of_an_unknown_entity(self) -> None:
        check = {
            "kind": "attribute",
            "of": "Nobody",
            "field": "country",
            "one_of": ["FR"],
        }
        assert [("check.of", "no organisation is named 'Nobody'")] == problems(check)


GROUP = {"kind": "membership", "members": ["Kyutai"], "group": "BATX"}


class TestClaimFields:
    def problems_without(self, field: str) -> list[tuple[str, str]]:
        document = _document(GROUP)
        del document["claims"][0][field]
        with pytest.raises(DataError) as caught:
            claims_from_document(document, ECO, file=FILE)
        return [(p.field or "", p.message) for p in caught.value.problems]

    def test_missing_fields(self) -> None:
        assert [
            ("source", "is required but missing: the key of the publication")
        ] == self.problems_without("source")
        assert [("check", "is required but missing")] == self.problems_without("check")
        assert [("quote_fr", "is required but missing")] == self.problems_without(
            "quote_fr"
        )

    def test_unknown_field(self) -> None:
        document = _document(GROUP)
        document["claims"][0]["extra"] = 1
        with pytest.raises(DataError) as caught:
            claims_from_document(document, ECO, file=FILE)
        assert [
            (
                "extra",
                (
                    "unknown field 'extra'; a claim takes id, quote_fr, claim_en, "
                    "source, check, note"
                ),
            )
        ] == [(p.field, p.message) for p in caught.value.problems]


class TestMembership:
    def test_members_of_something_that_is_not_a_group(self) -> None:
        assert [
            ("check.investors_of", "no organisation is named 'Nobody'"),
            ("check.members_of", "Mistral AI is a company, not a group with members"),
        ] == problems(
            {
                "kind": "membership",
                "members_of": "Mistral AI",
                "investors_of": "Nobody",
            }
        )

    def test_unknown_groups_are_named_once(self) -> None:
        assert [
            ("check.members_of", "no organisation is named 'Nobody'"),
            ("check.group", "no organisation is named 'Nothing'"),
        ] == problems(
            {"kind": "membership", "members_of": "Nobody", "group": "Nothing"}
        )
