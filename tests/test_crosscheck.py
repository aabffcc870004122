"""Cross-checks between two knowledge bases."""

from __future__ import annotations

from pathlib import Path

import pytest

import aiecosys
from aiecosys import (
    Ecosystem,
    Estimate,
    ModelSpec,
    Organisation,
    PartialDate,
    Source,
    crosscheck,
    parameters,
)
from aiecosys.importers import epoch


DATA = Path(__file__).parent / "data" / "epoch"
SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "epoch-ai"
A = Source("a", title="Source A")
B = Source("b", title="Source B")


def model(name: str, source: Source = A, **fields: object) -> ModelSpec:
    return ModelSpec(name, sources=(source,), **fields)  # type: ignore[arg-type]


def test_a_release_date_a_day_apart_is_a_disagreement() -> None:
    """Release dates a day apart disagree, with each side's value and sources."""
    found = crosscheck(
        Ecosystem(models=(model("M", released=PartialDate(2023, 7, 18)),)),
        Ecosystem(models=(model("m", B, released=PartialDate(2023, 7, 19)),)),
    )
    (disagreement,) = found.disagreements
    assert ("released", PartialDate(2023, 7, 18), PartialDate(2023, 7, 19)) == (
        disagreement.field,
        disagreement.left,
        disagreement.right,
    )
    assert ((A,), (B,)) == (disagreement.left_sources, disagreement.right_sources)
    assert "m" == disagreement.right_name


def test_a_month_agrees_with_a_day_inside_it() -> None:
    """A release month agrees with a release day inside that month."""
    found = crosscheck(
        Ecosystem(models=(model("M", released=PartialDate(2023, 3)),)),
        Ecosystem(models=(model("M", B, released=PartialDate(2023, 3, 15)),)),
    )
    assert () == found.disagreements
    assert 1 == found.matched


def test_parameter_counts_disagree_only_when_ranges_do_not_overlap() -> None:
    """Parameter counts disagree only when their ranges do not overlap."""
    between = Estimate.between(parameters("1T"), parameters("1.8T"))
    left = Ecosystem(models=(model("GPT-4", parameters=between),))
    inside = Ecosystem(
        models=(model("gpt4", B, parameters=Estimate.exact(parameters("1.5T"))),)
    )
    outside = Ecosystem(
        models=(model("GPT-4", B, parameters=Estimate.exact(parameters("2T"))),)
    )
    unknown = Ecosystem(models=(model("GPT-4", B),))
    assert () == crosscheck(left, inside).disagreements
    assert ["parameters"] == [d.field for d in crosscheck(left, outside).disagreements]
    assert () == crosscheck(left, unknown).disagreements


def test_an_organisations_country_and_founding() -> None:
    """Countries disagree; a one-sided founding does not; the unmatched are listed."""
    left = Ecosystem(
        organisations=(
            Organisation("Kyutai", "non-profit-lab", country="FR", sources=(A,)),
            Organisation("Only here", "company", sources=(A,)),
        )
    )
    right = Ecosystem(
        organisations=(
            Organisation(
                "KYUTAI",
                "non-profit-lab",
                country="US",
                founded=PartialDate(2023),
                sources=(B,),
            ),
            Organisation("Only there", "company", sources=(B,)),
        )
    )
    found = crosscheck(left, right)
    assert ["country"] == [d.field for d in found.disagreements]
    assert ("organisation Only here",) == found.only_left
    assert ("organisation Only there",) == found.only_right
    assert 1 == len(found.about("kyutai"))


def test_names_match_by_alias_case_and_accents() -> None:
    """Entities match by alias, case and accents, each matched at most once."""
    left = Ecosystem(models=(model("Modèle", aliases=("Alias",)),))
    right = Ecosystem(models=(model("ALIAS", B), model("modele", B)))
    found = crosscheck(left, right)
    assert 1 == found.matched
    assert 1 == len(found.only_right)


def test_open_source_does_not_contradict_open_weights() -> None:
    """Open source agrees with open weights but not with API only."""
    left = Ecosystem(models=(model("M", openness="open-source"),))
    weights = Ecosystem(models=(model("M", B, openness="open-weights"),))
    api = Ecosystem(models=(model("M", B, openness="api-only"),))
    assert () == crosscheck(left, weights).disagreements
    assert ["openness"] == [d.field for d in crosscheck(left, api).disagreements]


def test_epochs_llama_2_7b_error_surfaces_against_a_correct_record() -> None:
    """Epoch's 70B for Llama 2-7B disagrees with a correct record of 7B."""
    meta = Source("meta-llama-2", title="Llama 2 paper")
    correct = Ecosystem(
        models=(
            model(
                "Llama 2-7B",
                meta,
                parameters=Estimate.exact(parameters("7B")),
                released=PartialDate(2023, 7, 18),
            ),
        )
    )
    imported = epoch.load(DATA / "newer.csv").ecosystem
    found = crosscheck(correct, imported)
    (disagreement,) = found.about("Llama 2-7B")
    assert parameters("70B") == disagreement.right.low
    assert epoch.EPOCH in disagreement.right_sources
    assert str(disagreement).startswith("model Llama 2-7B, parameters: 7,000,000,000")


def test_the_article_against_the_fixture() -> None:
    """Against the Epoch fixture, the article's Mistral 7B differs in date and size."""
    found = crosscheck(
        aiecosys.load_article().ecosystem, epoch.load(DATA / "newer.csv").ecosystem
    )
    mistral = {d.field for d in found.about("Mistral 7B")}
    assert {"released", "parameters"} == mistral
    assert "model Moshi" in found.only_left
    assert str(found).startswith(f"{found.matched} entities in both")


@pytest.mark.skipif(not SHARED.is_dir(), reason=f"no Epoch data in {SHARED}")
def test_the_article_against_epochs_whole_file() -> None:
    """Against Epoch's whole file, the article's Mistral 7B differs in date and size."""
    found = crosscheck(
        aiecosys.load_article().ecosystem,
        epoch.load(SHARED / "all_ai_models.csv").ecosystem,
    )
    assert {"released", "parameters"} <= {d.field for d in found.about("Mistral 7B")}
