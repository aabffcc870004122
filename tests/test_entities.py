"""Organisations, people, roles and offices."""

from __future__ import annotations

from typing import Any

import pytest

from aiecosys import (
    DataError,
    Office,
    Organisation,
    OrganisationKind,
    PartialDate,
    Person,
    Role,
)


class TestOrganisation:
    def test_kind_from_text(self) -> None:
        """The kind may be given as its text value."""
        assert OrganisationKind.VENTURE_CAPITAL_FIRM is (
            Organisation("Sinovation Ventures", "venture-capital-firm").kind
        )

    def test_names_include_aliases(self) -> None:
        """An organisation answers to its name and every alias."""
        assert ("01.AI", "零一万物") == Organisation(
            "01.AI", "company", aliases=("零一万物",)
        ).names

    @pytest.mark.parametrize(
        ("fields", "field"),
        [
            ({"country": "France"}, "country"),
            ({"country": "fr"}, "country"),
            ({"aliases": ("a", "a")}, "aliases"),
            ({"members": ("Baidu",)}, "members"),
            ({"founded": "2023"}, "founded"),
        ],
    )
    def test_invalid_fields(self, fields: dict[str, Any], field: str) -> None:
        """Each invalid field is a DataError naming it (members only for groups)."""
        with pytest.raises(DataError) as caught:
            Organisation("Mistral AI", "company", **fields)

        assert field == caught.value.problems[0].field

    def test_group_members(self) -> None:
        """A group lists its members."""
        batx = Organisation(
            "BATX", "group", members=("Baidu", "Alibaba", "Tencent", "Xiaomi")
        )

        assert 4 == len(batx.members)


class TestRoleAndOffice:
    def test_role_period(self) -> None:
        """A role's period runs from its start to its end."""
        role = Role(
            "president", "Google China", start=PartialDate(2005), end=PartialDate(2009)
        )

        assert role.period.contains(PartialDate(2007))
        assert not role.period.overlaps(PartialDate(2010))

    def test_role_ending_before_it_starts_refused(self) -> None:
        """A role cannot end before it starts."""
        with pytest.raises(DataError) as caught:
            Role("CEO", "01.AI", start=PartialDate(2023), end=PartialDate(2022))

        assert "end" == caught.value.problems[0].field

    def test_office_closing_before_it_opens_refused(self) -> None:
        """An office cannot close before it opens."""
        with pytest.raises(DataError, match="before it starts"):
            Office("Silicon Valley", opened=PartialDate(2019), closed=PartialDate(2009))


def test_person() -> None:
    """A person holds roles and answers to aliases."""
    lee = Person(
        "Kai-Fu Lee",
        aliases=("李开复",),
        nationality="TW",
        roles=(Role("founder", "Sinovation Ventures", start=PartialDate(2009)),),
    )

    assert ("Kai-Fu Lee", "李开复") == lee.names
    assert "Sinovation Ventures" == lee.roles[0].organisation
