"""`aiecosys sources`: the sources cited, and the facts resting only on weak ones."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from aiecosys import SourceKind
from tests.test_cli import run


if TYPE_CHECKING:
    from collections.abc import Callable


WIKI_ONLY = """\
[sources.wiki]
title = "Kyutai"
url = "https://en.wikipedia.org/wiki/Kyutai"
publisher = "Wikipedia"
kind = "reference"

[[organisations]]
name = "Kyutai"
kind = "non-profit-lab"
sources = ["wiki"]
"""

NEWS = """
[sources.news]
title = "Xavier Niel launches Kyutai"
publisher = "Numerama"
kind = "news"
"""

OTHER = """\
[sources.page]
title = "A page of unknown kind"

[[people]]
name = "Patrick Pérez"
sources = ["page"]
"""


@pytest.fixture
def wiki_only(write: Callable[[str, str], str]) -> str:
    """A knowledge base whose one fact rests on a wiki only."""
    return write("kb.toml", WIKI_ONLY)


def test_a_fact_on_a_wiki_only_is_listed(
    capsys: pytest.CaptureFixture[str], wiki_only: str
) -> None:
    """The file, entry and field of the weak fact, its source and kind; exit 0."""
    status, out, err = run(capsys, "sources", "--weak", wiki_only)

    assert (0, "") == (status, err)
    assert (
        f"{wiki_only}: entry 'organisations[0]: Kyutai', field 'sources'\n"
        '    wiki (reference): Wikipedia, "Kyutai", https://en.wikipedia.org/wiki/Kyutai\n'
        "1 fact rests only on reference or aggregator sources: cite a primary or "
        "news source for each\n"
    ) == out


def test_a_news_source_added_makes_it_not_weak(
    capsys: pytest.CaptureFixture[str], write: Callable[[str, str], str]
) -> None:
    """With a news source beside the wiki, nothing is listed, and it says so."""
    text = WIKI_ONLY.replace('sources = ["wiki"]', 'sources = ["wiki", "news"]')
    kb = write("kb.toml", text + NEWS)

    status, out, err = run(capsys, "sources", "--weak", kb)

    assert (0, "") == (status, err)
    assert "no fact rests only on reference or aggregator sources\n" == out


def test_json_lists_the_weak_facts(
    capsys: pytest.CaptureFixture[str], wiki_only: str
) -> None:
    """--format json gives each weak fact's file, entry, field and sources."""
    status, out, _ = run(capsys, "sources", "--weak", "--format", "json", wiki_only)

    document = json.loads(out)
    assert 0 == status
    assert [] == document["kind_not_stated"]
    ((fact),) = document["weak"]
    assert (wiki_only, "organisations[0]: Kyutai", "sources") == (
        fact["file"],
        fact["entry"],
        fact["field"],
    )
    assert [("wiki", "reference")] == [(s["key"], s["kind"]) for s in fact["sources"]]


def test_json_with_nothing_to_report(
    capsys: pytest.CaptureFixture[str], write: Callable[[str, str], str]
) -> None:
    """With no weak fact, the JSON list is empty and the exit status 0."""
    kb = write("kb.toml", WIKI_ONLY.replace('"reference"', '"primary"'))

    status, out, _ = run(capsys, "sources", "--weak", "--format", "json", kb)

    assert (0, {"weak": [], "kind_not_stated": []}) == (status, json.loads(out))


def test_each_fact_names_its_own_file(
    capsys: pytest.CaptureFixture[str],
    write: Callable[[str, str], str],
    wiki_only: str,
) -> None:
    """Knowledge bases are merged, and a weak fact names the file it is written in."""
    people = write(
        "people.toml",
        OTHER.replace(
            'title = "A page of unknown kind"', 'title = "P"\nkind = "aggregator"'
        ),
    )

    status, out, _ = run(capsys, "sources", "--weak", people, wiki_only)

    assert 0 == status
    assert f"{people}: entry 'people[0]: Patrick Pérez', field 'sources'" in out
    assert f"{wiki_only}: entry 'organisations[0]: Kyutai', field 'sources'" in out


def test_sources_of_unstated_kind_are_named(
    capsys: pytest.CaptureFixture[str], write: Callable[[str, str], str]
) -> None:
    """A source with no kind is not counted as weak, and is named so it gets one."""
    kb = write("kb.toml", OTHER)

    status, out, _ = run(capsys, "sources", "--weak", kb)

    assert 0 == status
    assert out.startswith("no fact rests only on reference or aggregator sources\n")
    assert "1 source with no kind stated, not counted as weak: page; give each" in out


def test_without_weak_every_source_is_listed_strongest_first(
    capsys: pytest.CaptureFixture[str], write: Callable[[str, str], str]
) -> None:
    """Without --weak, each source cited, with its kind, strongest first."""
    text = WIKI_ONLY.replace('sources = ["wiki"]', 'sources = ["wiki", "news"]')
    kb = write("kb.toml", text + NEWS + OTHER)

    status, out, _ = run(capsys, "sources", kb)

    assert 0 == status
    assert ["news (news)", "wiki (reference)", "page (kind not stated)"] == [
        line.partition(":")[0] for line in out.splitlines()[:3]
    ]
    assert out.endswith("3 sources, 1 of them with no kind stated\n")


def test_json_lists_every_source(
    capsys: pytest.CaptureFixture[str], write: Callable[[str, str], str]
) -> None:
    """Without --weak, --format json gives each source's fields and kind."""
    kb = write("kb.toml", WIKI_ONLY + OTHER)

    status, out, _ = run(capsys, "sources", "--format", "json", kb)

    document = json.loads(out)
    assert 0 == status
    assert [("wiki", "reference"), ("page", None)] == [
        (source["key"], source["kind"]) for source in document["sources"]
    ]
    assert ["page"] == document["kind_not_stated"]


def test_the_bundled_article_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    """With no file, the bundled article is read: no fact of it is weak."""
    status, out, _ = run(capsys, "sources", "--weak")

    assert (0, "no fact rests only on reference or aggregator sources\n") == (
        status,
        out,
    )


def test_an_invalid_file_is_an_error(
    capsys: pytest.CaptureFixture[str], write: Callable[[str, str], str]
) -> None:
    """A file with an unknown kind is refused, naming the source and the field."""
    kb = write("kb.toml", WIKI_ONLY.replace('"reference"', '"wiki"'))

    status, out, err = run(capsys, "sources", "--weak", kb)

    assert (2, "") == (status, out)
    assert f"{kb}: entry 'sources.wiki', field 'kind': 'wiki' is not one of" in err


def test_validate_warns_and_stays_valid(
    capsys: pytest.CaptureFixture[str], wiki_only: str
) -> None:
    """validate warns of a weak fact on standard error, and exits 0: it is valid."""
    status, out, err = run(capsys, "validate", wiki_only)

    assert 0 == status
    assert out.startswith("1 file is valid")
    assert (
        f"aiecosys validate: warning: {wiki_only}: entry 'organisations[0]: Kyutai', "
        "field 'sources': rests only on reference or aggregator sources (wiki: "
        "reference); cite a primary or news source for it\n"
    ) in err
    assert "`aiecosys sources --weak FILE...` lists them" in err


def test_verdicts_in_json_give_kinds_strongest_first(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Each evidence source of the article's verdicts has its kind, strongest first."""
    order = [kind.value for kind in SourceKind]

    status, out, _ = run(capsys, "claims", "--format", "json")

    assert 0 == status
    for evaluation in json.loads(out):
        for fact in evaluation["evidence"]:
            kinds = [order.index(source["kind"]) for source in fact["sources"]]
            keys = [source["key"] for source in fact["sources"]]
            assert (sorted(kinds), len(set(keys))) == (kinds, len(keys))
