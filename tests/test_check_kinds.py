"""A check kind is one module: registered, it is read, validated, checked, written."""

from __future__ import annotations

import inspect
import pkgutil
from collections.abc import Iterator
from typing import ClassVar

import attrs
import pytest

import aiecosys
from aiecosys import (
    DataError,
    Ecosystem,
    Organisation,
    ParseError,
    Source,
    Verdict,
    check_all,
    loads_claims,
)
from aiecosys.claims import (
    KINDS,
    Context,
    Evidence,
    Outcome,
    Published,
    ValueCheck,
    checks,
    dumps_claims,
    read_text,
    register,
    unknown_names,
    unregister,
)


@attrs.frozen
class FoundedInCountryCheck:
    """An organisation was founded in a country: the recorded one is the one stated."""

    kind: ClassVar[str] = "founded_in_country"
    of: str
    country: str

    def evaluate(self, context: Context) -> Outcome:
        """SUPPORTED if the organisation's country is the one stated."""
        organisation = context.eco.organisation(self.of)
        recorded = organisation.country
        evidence = (
            Evidence(
                f"{organisation.name}: country",
                recorded or "unknown",
                organisation.sources,
            ),
        )
        if recorded is None:
            return Outcome(
                Verdict.NOT_ENOUGH_INFO,
                f"{organisation.name}'s country is not recorded.",
                evidence,
            )
        if recorded == self.country.upper():
            return Outcome(
                Verdict.SUPPORTED, f"{organisation.name} is in {recorded}.", evidence
            )
        return Outcome(
            Verdict.REFUTED,
            f"{organisation.name} is in {recorded}, not {self.country}.",
            evidence,
        )


def validate_founded_in_country(
    check: FoundedInCountryCheck, eco: Ecosystem, _published: Published | None
) -> Iterator[tuple[str, str]]:
    """The organisation must be in the knowledge base."""
    yield from unknown_names([("of", check.of, eco.organisation)])


SOURCES = (Source("kb", title="Company announcements"),)
ECO = Ecosystem(
    organisations=(
        Organisation("Mistral AI", "company", country="FR", sources=SOURCES),
        Organisation("01.AI", "company", country="CN", sources=SOURCES),
        Organisation("Example Labs", "company", sources=SOURCES),
    )
)
CLAIMS = """
[sources.article]
title = "An article"
published = "2024-02"

[[claims]]
id = "mistral-french"
quote = "la pépite française Mistral AI"
restatement = "Mistral AI is French."
source = "article"
check = { kind = "founded_in_country", of = "Mistral AI", country = "FR" }

[[claims]]
id = "01ai-french"
quote = "01.AI, société française"
restatement = "01.AI is French."
source = "article"
check = { kind = "founded_in_country", of = "01.AI", country = "FR" }

[[claims]]
id = "example-french"
quote = "Example Labs, à Paris"
restatement = "Example Labs is French."
source = "article"
check = { kind = "founded_in_country", of = "Example Labs", country = "FR" }
"""


@pytest.fixture
def founded_in_country() -> Iterator[None]:
    """Register the extra kind for one test, and forget it afterwards."""
    register(FoundedInCountryCheck, validate_founded_in_country)
    yield
    unregister(FoundedInCountryCheck)


@pytest.mark.usefixtures("founded_in_country")
def test_a_registered_kind_is_read_and_checked() -> None:
    """A claims file using the registered kind loads; each claim gets its verdict."""
    claims = loads_claims(CLAIMS, ECO)

    evaluations = check_all(claims, ECO)

    assert [(e.claim.id, e.verdict, e.explanation) for e in evaluations] == [
        ("mistral-french", Verdict.SUPPORTED, "Mistral AI is in FR."),
        ("01ai-french", Verdict.REFUTED, "01.AI is in CN, not FR."),
        (
            "example-french",
            Verdict.NOT_ENOUGH_INFO,
            "Example Labs's country is not recorded.",
        ),
    ]
    assert [str(item) for item in evaluations[0].evidence] == [
        "Mistral AI: country = FR [kb]"
    ]


@pytest.mark.usefixtures("founded_in_country")
def test_a_registered_kind_has_its_fields_and_validator_applied() -> None:
    """An unknown field and an unknown organisation are refused, naming the field."""
    bad = CLAIMS.replace('of = "01.AI"', 'of = "02.AI"').replace(
        'of = "Example Labs", country', 'of = "Example Labs", countri'
    )

    with pytest.raises(DataError) as caught:
        loads_claims(bad, ECO, file="claims.toml")

    assert [(p.entry, p.field, p.message) for p in caught.value.problems] == [
        (
            "01ai-french",
            "check.of",
            "no organisation is named '02.AI' (did you mean '01.AI'?)",
        ),
        (
            "example-french",
            "check.countri",
            "unknown field 'countri'; FoundedInCountryCheck takes of, country",
        ),
        ("example-french", "check.country", "is required but missing"),
    ]


@pytest.mark.usefixtures("founded_in_country")
def test_a_registered_kind_is_written_and_read_back() -> None:
    """Claims of the registered kind are written to a file and read back equal."""
    claims = loads_claims(CLAIMS, ECO)

    for format in ("toml", "json"):  # noqa: A001 - the name loads_claims takes
        text = dumps_claims(claims, format=format)
        assert loads_claims(text, ECO, format=format) == claims


def test_an_unregistered_kind_is_refused() -> None:
    """Without registration, the kind is unknown, and the known kinds are named."""
    with pytest.raises(DataError, match="unknown check kind 'founded_in_country'"):
        loads_claims(CLAIMS, ECO)


def test_a_tag_is_registered_once() -> None:
    """Another class under a registered tag is refused, saying how to fix it."""

    @attrs.frozen
    class OtherValueCheck(FoundedInCountryCheck):
        kind: ClassVar[str] = "value"

    with pytest.raises(ValueError, match="already ValueCheck: give the new kind"):
        register(OtherValueCheck, validate_founded_in_country)
    assert KINDS["value"].check is ValueCheck


def test_each_shipped_kind_is_one_module() -> None:
    """Each module of aiecosys.claims.checks registers its class and its own readers."""
    modules = sorted(
        info.name
        for info in pkgutil.iter_modules(checks.__path__, checks.__name__ + ".")
    )

    assert sorted(kind.check.__module__ for kind in KINDS.values()) == modules
    assert all(
        getattr(aiecosys, kind.check.__name__) is kind.check for kind in KINDS.values()
    )
    assert all(
        set(kind.fields) <= set(inspect.signature(kind.check).parameters)
        for kind in KINDS.values()
    )


def _country_code(raw: object) -> str:
    """Read an ISO 3166 code in capitals, refusing anything else."""
    code = read_text(raw)
    if len(code) != 2 or not code.isalpha() or not code.isupper():
        raise ParseError(f"{code!r} is not a country code such as 'FR'")
    return code


@pytest.fixture
def founded_in_country_code() -> Iterator[None]:
    """Register the kind with its own reader of the country, for one test."""
    register(
        FoundedInCountryCheck,
        validate_founded_in_country,
        fields={"country": _country_code},
    )
    yield
    unregister(FoundedInCountryCheck)


@pytest.mark.usefixtures("founded_in_country_code")
def test_a_kind_s_own_field_reader_is_used() -> None:
    """A field given its own reader is read by it, and its refusal names the field."""
    bad = CLAIMS.replace('of = "01.AI", country = "FR"', 'of = "01.AI", country = "fr"')

    with pytest.raises(DataError) as caught:
        loads_claims(bad, ECO, file="claims.toml")

    assert [(p.entry, p.field, p.message) for p in caught.value.problems] == [
        ("01ai-french", "check.country", "'fr' is not a country code such as 'FR'")
    ]
