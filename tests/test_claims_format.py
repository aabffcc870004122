"""The claims format: format 2, format 1 read into it, and the text rewritten."""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import pytest

from aiecosys import (
    Claim,
    DataError,
    Ecosystem,
    FormatNotice,
    PartialDate,
    Period,
    Publication,
    Source,
    Verdict,
    check,
    load_article,
    load_with_claims,
    loads,
    loads_claims,
)
from aiecosys.claims import dumps_claims, facts_of, migrate_text


KB = """
[sources.s]
title = "A source"

[[people]]
name = "Kai-Fu Lee"
nationality = "TW"
sources = ["s"]

[[organisations]]
name = "01.AI"
kind = "company"
founded = "2023-06"
sources = ["s"]
"""

FORMAT_2 = """\
# Two claims of a French article.
format_version = 2

# The article.
[sources.article]
title = "Kai-Fu Lee, architecte d'un futur ouvert"
published = "2024-02"

[[claims]]
id = "kfl"
lang = "fr"
quote = "taïwanais"  # the exact words
restatement = "Kai-Fu Lee is Taiwanese."
source = "article"
check = { kind = "attribute", of = "Kai-Fu Lee", field = "nationality", one_of = [
  "TW",
] }

[[claims]]
id = "01ai-june"
lang = "fr"
quote = "En juin dernier, Kai-Fu Lee a lancé 01.AI"
restatement = "01.AI was launched in June 2023."
source = "article"
note = "Read as the founding of 01.AI."

[claims.check]
kind = "date"
event = { of = "01.AI", field = "founded" }
within = "last June"
"""

FORMAT_1 = (
    FORMAT_2.replace("format_version = 2", "format_version = 1")
    .replace('lang = "fr"\n', "")
    .replace("quote =", "quote_fr =")
    .replace("restatement =", "claim_en =")
)
"""The same claims as format 1 wrote them: French quotes, keys of their own."""


def _claim(quote: str, source_table: str) -> str:
    """A claims file of one claim on Kai-Fu Lee, with the given source table."""
    return f"""\
[sources.a]
{source_table}

[[claims]]
id = "c"
quote = "{quote}"
restatement = "Kai-Fu Lee is Taiwanese."
source = "a"
[claims.check]
kind = "attribute"
of = "Kai-Fu Lee"
field = "nationality"
one_of = ["TW"]
"""


ENGLISH = "format_version = 2\n" + _claim(
    "the Taiwanese computer scientist Kai-Fu Lee",
    'title = "Kyutai, a year on"\npublisher = "Example News"\nlanguage = "en"\n'
    'licence = "CC BY 4.0"\npublished = "2024-11"',
)
"""An English claim of an English article."""


@pytest.fixture
def eco() -> Ecosystem:
    """A knowledge base that knows Kai-Fu Lee and 01.AI (founded June 2023)."""
    return loads(KB)


def _format_1(
    eco: Ecosystem, text: str = FORMAT_1, *, json: bool = False
) -> tuple[Claim, ...]:
    with pytest.warns(FormatNotice):
        return loads_claims(
            text, eco, format="json" if json else "toml", file="old.toml"
        )


class TestFormats:
    def test_format_1_and_format_2_give_equal_claims(self, eco: Ecosystem) -> None:
        """The same claims in format 1 and in format 2 are equal in the model."""
        old = _format_1(eco)

        assert loads_claims(FORMAT_2, eco) == old
        assert [("fr", "taïwanais")] == [(c.lang, c.quote) for c in old[:1]]
        assert "01.AI was launched in June 2023." == old[1].restatement

    def test_format_1_quotes_take_the_publication_s_language(
        self, eco: Ecosystem
    ) -> None:
        """A format 1 quote is French unless its publication says otherwise."""
        text = FORMAT_1.replace(
            'published = "2024-02"', 'language = "en"\npublished = "2024-02"'
        )

        claims = _format_1(eco, text)

        assert {"en"} == {claim.lang for claim in claims}
        assert {"en"} == {claim.source.language for claim in claims}  # type: ignore[attr-defined]

    def test_the_notice_is_one_line_once_per_file(self, eco: Ecosystem) -> None:
        """Reading a format 1 file warns once, in one line naming the file."""
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            loads_claims(FORMAT_1, eco, file="old.toml")
            loads_claims(FORMAT_2, eco, file="new.toml")

        assert [
            (
                "old.toml: format 1, read as format 2; run `aiecosys migrate "
                "old.toml` to update it"
            )
        ] == [str(w.message) for w in caught]
        assert [FormatNotice] == [w.category for w in caught]

    def test_a_file_without_a_version_is_read_by_its_keys(self, eco: Ecosystem) -> None:
        """Without format_version, format 1 keys make format 1, else format 2."""
        old = FORMAT_1.replace("format_version = 1\n", "")
        new = FORMAT_2.replace("format_version = 2\n", "")

        assert _format_1(eco, old) == loads_claims(new, eco)

    def test_format_1_problems_name_format_1_keys(self, eco: Ecosystem) -> None:
        """A problem in a format 1 file names the key as the file writes it."""
        text = FORMAT_1.replace(
            'claim_en = "Kai-Fu Lee is Taiwanese."', 'claim_en = ""'
        )

        with pytest.raises(DataError) as caught, pytest.warns(FormatNotice):
            loads_claims(text, eco, file="old.toml")

        assert [("kfl", "claim_en")] == [
            (p.entry, p.field) for p in caught.value.problems
        ]

    def test_mixed_keys_are_refused(self, eco: Ecosystem) -> None:
        """A format 1 claim that also uses a format 2 key is refused, not guessed."""
        text = FORMAT_1.replace(
            'source = "article"\n', 'quote = "x"\nsource = "article"\n', 1
        )

        with pytest.raises(DataError) as caught, pytest.warns(FormatNotice):
            loads_claims(text, eco, file="old.toml")

        (problem,) = caught.value.problems
        assert ("kfl", "quote") == (problem.entry, problem.field)
        assert "format_version = 2" in problem.message

    @pytest.mark.parametrize("version", [0, 3, "2", True])
    def test_an_unknown_version_is_refused(self, eco: Ecosystem, version: Any) -> None:
        """A format_version other than 1 or 2 is refused, naming both."""
        text = FORMAT_2.replace(
            "format_version = 2",
            f"format_version = {version!r}".replace("True", "true").replace("'", '"'),
        )

        with pytest.raises(DataError, match=r"is not 1 or 2|is not a version"):
            loads_claims(text, eco)

    def test_format_2_claims_written_and_read_back(self, eco: Ecosystem) -> None:
        """dumps_claims writes format 2, which reads back into the same claims."""
        claims = loads_claims(FORMAT_2, eco)

        text = dumps_claims(claims)

        assert text.startswith("format_version = 2\n")
        assert loads_claims(text, eco) == claims


class TestEnglish:
    def test_an_english_claim_in_an_english_article(self, eco: Ecosystem) -> None:
        """A quote in English takes the English article's language, and is checked."""
        (claim,) = loads_claims(ENGLISH, eco)

        assert "en" == claim.lang
        assert isinstance(claim.source, Publication)
        assert ("en", "CC BY 4.0") == (claim.source.language, claim.source.licence)
        assert Verdict.SUPPORTED == check(claim, eco).verdict
        assert "lang =" not in dumps_claims([claim])
        assert (claim,) == loads_claims(dumps_claims([claim]), eco)

    def test_a_quote_in_another_language_than_the_article(self, eco: Ecosystem) -> None:
        """A quote's own lang overrides the publication's, and is written back."""
        text = ENGLISH.replace('id = "c"\n', 'id = "c"\nlang = "zh-Hans"\n')

        (claim,) = loads_claims(text, eco)

        assert "zh-Hans" == claim.lang
        assert 'lang = "zh-Hans"' in dumps_claims([claim])

    @pytest.mark.parametrize("tag", ["french", "xx", "fr_FR", "", "f" * 40])
    def test_an_unknown_language_tag_is_refused(self, eco: Ecosystem, tag: str) -> None:
        """A lang that is not a BCP 47 tag CLDR knows is refused, saying why."""
        text = ENGLISH.replace('id = "c"\n', f'id = "c"\nlang = "{tag}"\n')

        with pytest.raises(DataError, match=r"not a language tag CLDR knows|non-empty"):
            loads_claims(text, eco)

    def test_the_deprecated_names_still_read(self, eco: Ecosystem) -> None:
        """quote_fr and claim_en still read the quote and the restatement, warning."""
        (claim,) = loads_claims(ENGLISH, eco)

        with pytest.warns(DeprecationWarning, match="use Claim.quote"):
            assert claim.quote == claim.quote_fr
        with pytest.warns(DeprecationWarning, match="use Claim.restatement"):
            assert claim.restatement == claim.claim_en


class TestPublications:
    def test_a_range_of_dates_as_text_or_a_table(self, eco: Ecosystem) -> None:
        """A publication date not known is a range, written either way."""
        as_text = _claim("q", 'title = "A"\npublished = "2024-01 to 2024-03"')
        as_table = _claim(
            "q", 'title = "A"\npublished = { earliest = "2024-01", latest = "2024-03" }'
        )

        (first,) = loads_claims(as_text, eco)
        (second,) = loads_claims(as_table, eco)

        assert first == second
        assert isinstance(first.source, Publication)
        assert Period(PartialDate(2024, 1), PartialDate(2024, 3)) == (
            first.source.publication_date
        )
        assert first.source.published is None
        assert (first,) == loads_claims(dumps_claims([first]), eco)

    def test_a_relative_date_against_a_range_is_a_range(self, eco: Ecosystem) -> None:
        """'In February' in a text of January to March 2024 is Feb 2023 to Feb 2024."""
        text = FORMAT_2.replace(
            'published = "2024-02"', 'published = "2024-01 to 2024-03"'
        ).replace('"last June"', '"in February"')

        claims = loads_claims(text, eco)
        evaluation = check(claims[1], eco)

        assert Verdict.SUPPORTED == evaluation.verdict
        assert '"in February", that is 2023-02 to 2024-02' in evaluation.explanation

    def test_a_relative_month_needs_both_ends_precise_to_the_month(
        self, eco: Ecosystem
    ) -> None:
        """A range of years cannot resolve "last June": the claim is refused."""
        text = FORMAT_2.replace('published = "2024-02"', 'published = "2023 to 2024"')

        with pytest.raises(DataError, match="precise to the month"):
            loads_claims(text, eco)

    def test_a_date_with_its_evidence_and_a_note(self, eco: Ecosystem) -> None:
        """The source of a publication date is another source, written back by key."""
        text = _claim(
            "q",
            'title = "A"\npublished = "2024-02-05"\npublished_source = "page"\n\n'
            '[sources.page]\ntitle = "The publisher\'s page"\n'
            'url = "https://example.org/a"',
        )

        (claim,) = loads_claims(text, eco)

        assert isinstance(claim.source, Publication)
        assert Source(
            "page", title="The publisher's page", url="https://example.org/a"
        ) == (claim.source.published_source)
        assert (claim,) == loads_claims(dumps_claims([claim]), eco)

    @pytest.mark.parametrize(
        ("table", "field", "says"),
        [
            (
                'title = "A"\npublished_source = "nowhere"\npublished = "2024"',
                "published_source",
                "unknown source 'nowhere'",
            ),
            (
                'title = "A"\npublished_note = "assumed"',
                "published_note",
                "give published too",
            ),
            (
                'title = "A"\npublished = { earliest = "2024-01" }',
                "published",
                "needs both earliest and latest",
            ),
            (
                (
                    'title = "A"\npublished = { earliest = "2024-01", '
                    'latest = "2024-03", on = "x" }'
                ),
                "published",
                "takes earliest and latest, not on",
            ),
            ('title = "A"\npublished = "2024-03 to 2024-01"', "published", "2024-01"),
            (
                'title = "A"\nlanguage = "klingon"',
                "language",
                "not a language tag CLDR knows",
            ),
            ('title = "A"\nlicense = "MIT"', "license", "unknown field 'license'"),
        ],
    )
    def test_a_publication_s_problems(
        self, eco: Ecosystem, table: str, field: str | None, says: str
    ) -> None:
        """Each problem of a publication names its table and field, and the fix."""
        with pytest.raises(DataError) as caught:
            loads_claims(_claim("q", table), eco, file="c.toml")

        (problem, *_) = caught.value.problems
        assert ("sources.a", field) == (problem.entry, problem.field)
        assert says in problem.message

    def test_the_bundled_article_s_date_is_a_sourced_range(self) -> None:
        """The bundled article is French, dated within a range resting on a source."""
        source = load_article().source

        assert isinstance(source, Publication)
        assert source.published_source is not None
        assert ("fr", "2024-01-23 to 2024-03-14", "archyde-kfl") == (
            source.language,
            str(source.published_between),
            source.published_source.key,
        )
        assert source.published_note is not None

    def test_a_combined_file_s_knowledge_base_ignores_what_only_claims_say(
        self,
    ) -> None:
        """The knowledge base of a combined file reads its sources as sources."""
        document = {
            "format_version": 2,
            "sources": {
                "a": {
                    "title": "A",
                    "language": "fr",
                    "published": "2024-01 to 2024-03",
                    "published_note": "assumed",
                },
                "b": {"title": "B", "published": "2024"},
            },
            "claims": [],
        }

        assert {
            "sources": {"a": {"title": "A"}, "b": {"title": "B", "published": "2024"}},
            "claims": [],
        } == facts_of(document)


class TestMigrate:
    def test_the_rewritten_text_keeps_comments_and_reads_the_same(
        self, eco: Ecosystem
    ) -> None:
        """migrate_text renames keys in place: comments stay, the claims are equal."""
        text = migrate_text(FORMAT_1, format="toml", file="old.toml")

        assert "# the exact words" in text
        assert "# The article." in text
        assert "quote_fr" not in text
        assert "format_version = 2\n" in text
        assert loads_claims(text, eco) == _format_1(eco)

    def test_a_file_without_a_version_gets_one_after_its_opening_comments(
        self,
    ) -> None:
        """The version is added after the opening comment lines."""
        text = migrate_text(
            FORMAT_1.replace("format_version = 1\n", ""), format="toml", file="old.toml"
        )

        assert text.startswith(
            "# Two claims of a French article.\nformat_version = 2\n"
        )

    def test_a_combined_file_keeps_its_knowledge_base(
        self, eco: Ecosystem, tmp_path: Path
    ) -> None:
        """A file of facts and claims is migrated whole: its facts stay as they are."""
        path = tmp_path / "both.toml"
        path.write_text(
            migrate_text(FORMAT_1 + KB, format="toml", file="both.toml"),
            encoding="utf-8",
        )

        facts, claims = load_with_claims(path)

        assert eco == facts
        assert _format_1(eco) == claims

    def test_json_is_written_anew(self, eco: Ecosystem) -> None:
        """A JSON file is written again in format 2, with the same claims."""
        old = json.dumps(
            {
                "sources": {"a": {"title": "A", "published": "2024-02"}},
                "claims": [
                    {
                        "id": "kfl",
                        "quote_fr": "taïwanais",
                        "claim_en": "Kai-Fu Lee is Taiwanese.",
                        "source": "a",
                        "check": {
                            "kind": "attribute",
                            "of": "Kai-Fu Lee",
                            "field": "nationality",
                            "one_of": ["TW"],
                        },
                    }
                ],
            }
        )

        new = migrate_text(old, format="json", file="old.json")

        assert 2 == json.loads(new)["format_version"]
        assert loads_claims(new, eco, format="json") == _format_1(eco, old, json=True)

    def test_opinions_are_migrated_too(self) -> None:
        """Opinions are migrated too: quote_fr and statement_en become format 2."""
        text = """\
format_version = 1
[[claims]]
id = "x"
quote_fr = "oui"
claim_en = "Yes."
[[opinions]]
id = "o"
quote_fr = "peut-être"
statement_en = "Maybe."
reason = "A guess."
"""
        migrated = migrate_text(text, format="toml")

        assert migrated.count('lang = "fr"') == 1
        assert 'quote = "peut-être"\nrestatement = "Maybe."' in migrated

    @pytest.mark.parametrize(
        ("text", "says"),
        [
            ('[sources.s]\ntitle = "A"\n', "is not a claims file"),
            (FORMAT_2, "is format 2, not format 1"),
            (
                (
                    'format_version = 1\nclaims = [{ id = "x", quote_fr = "q", '
                    'claim_en = "c" }]\n'
                ),
                "cannot be rewritten key by key",
            ),
            ("[[claims]\n", "not valid TOML"),
        ],
    )
    def test_what_cannot_be_migrated_is_refused(self, text: str, says: str) -> None:
        """A file that is not a format 1 claims file is refused, saying why."""
        with pytest.raises(DataError, match=says):
            migrate_text(text, format="toml", file="x.toml")
