"""Sources: the citations every fact in a knowledge base carries, and publications."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any, Final

import attrs

from aiecosys import _validators as validators
from aiecosys._choices import Choice
from aiecosys._dates import PartialDate, Period, readable_period
from aiecosys._errors import DataError, Problem
from aiecosys._i18n import gettext as _


__all__ = [
    "Publication",
    "Source",
    "SourceKind",
    "check_sources",
    "publication_date",
    "strongest_first",
]

_KEY: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")


def _check_key(
    _instance: Source, attribute: attrs.Attribute[str], value: object
) -> None:
    if not isinstance(value, str) or _KEY.fullmatch(value) is None:
        raise DataError(
            [
                Problem(
                    _(
                        "{value!r} is not a usable key: use letters, digits, '-', '_' "
                        "and '.', starting with a letter or digit (for example "
                        "'mistral-2023-06-13')"
                    ).format(value=value),
                    field=attribute.name,
                )
            ]
        )


def _check_url(
    _instance: Source, attribute: attrs.Attribute[str | None], value: object
) -> None:
    if value is None:
        return
    if not isinstance(value, str) or not value.startswith(("https://", "http://")):
        raise DataError(
            [
                Problem(
                    _("{value!r} is not a web address starting with https://").format(
                        value=value
                    ),
                    field=attribute.name,
                )
            ]
        )


def _check_accessed(
    instance: Source, attribute: attrs.Attribute[dt.date | None], value: dt.date | None
) -> None:
    if (
        value is not None
        and instance.published is not None
        and value < instance.published.first
    ):
        validators.fail(
            attribute,
            _("accessed on {value}, before it was published ({published})").format(
                value=readable_period(value),
                published=readable_period(instance.published),
            ),
        )


class SourceKind(Choice):
    """What sort of publication a source is, from the closest to the fact to the least.

    The kind says how much weight a source can bear. A fact that rests only on
    encyclopedias or scrapers is second-hand at best: it is listed by
    [weak_facts][aiecosys.weak_facts] and ``aiecosys sources --weak``, so
    that a primary or news source can be found for it. The members are in
    order of strength; evidence lists a fact's sources in this order.

    Examples:
        >>> from aiecosys import SourceKind
        >>> [kind.value for kind in SourceKind]
        ['primary', 'news', 'secondary', 'reference', 'aggregator', 'social']
        >>> SourceKind("reference").weak, SourceKind.NEWS.weak
        (True, False)
    """

    PRIMARY = "primary"
    """Published by the party concerned, or its official record: a filing, a
    press release, a paper, a model card, a company's or a lab's own page, a
    government register (the Mistral 7B paper on arXiv, OpenAI's blog)."""
    NEWS = "news"
    """An outlet with editorial standards reporting the fact: a newspaper of
    record, a news agency, an established news site (Bloomberg, Le Monde,
    TNW, the South China Morning Post)."""
    SECONDARY = "secondary"
    """Trade press, analysts, newsletters, books and other commentary that
    relays or interprets facts (SemiAnalysis, Investopedia, an IBM explainer)."""
    REFERENCE = "reference"
    """An encyclopedia or a wiki, whose text summarises other sources
    (Wikipedia, Kiddle, Reference.com): a pointer to the sources it cites."""
    AGGREGATOR = "aggregator"
    """A scraper, a mirror, a content farm, a speaker agency's profile: text
    copied from elsewhere, with no editorial responsibility (FactSnippet)."""
    SOCIAL = "social"
    """A post on a social network or a forum (an X post, a Reddit thread),
    worth what its author is: quote the primary source it points to when
    there is one."""

    @property
    def weak(self) -> bool:
        """Whether a fact resting only on sources of this kind is weakly sourced.

        Reference works and aggregators are weak: they copy or summarise other
        sources, which are the ones to cite. A social post is ranked last in
        evidence, but is not weak by itself: a company's own post can be the
        first announcement of a fact.
        """
        return self in _WEAK


_WEAK: Final = frozenset({SourceKind.REFERENCE, SourceKind.AGGREGATOR})
_RANK: Final = {kind: rank for rank, kind in enumerate(SourceKind)}


def _to_kind(value: SourceKind | str | None) -> SourceKind | None:
    """Read a source's kind, written as its value (``"news"``) or a member."""
    if value is None or isinstance(value, SourceKind):
        return value
    try:
        return SourceKind(value)
    except ValueError:
        allowed = ", ".join(kind.value for kind in SourceKind)
        raise DataError(
            [
                Problem(
                    _(
                        "{value!r} is not a kind of source: use one of {allowed}, or "
                        "leave kind out when it is not known"
                    ).format(value=value, allowed=allowed),
                    field="kind",
                )
            ]
        ) from None


@attrs.frozen
class Source:
    """A citation: where a fact comes from, and when it was read.

    Every fact in a knowledge base cites at least one source. The key names
    the source inside a knowledge base file, so that one announcement can back
    several facts without being written out each time.

    Examples:
        >>> import datetime
        >>> from aiecosys import PartialDate, Source
        >>> source = Source(
        ...     "mistral-seed",
        ...     title="Mistral AI raises 105 million euros",
        ...     url="https://example.org/mistral-seed",
        ...     publisher="Example News",
        ...     published=PartialDate(2023, 6, 13),
        ...     accessed=datetime.date(2024, 3, 1),
        ...     kind="news",
        ...     archived_url="https://web.archive.org/web/2024/https://example.org/mistral-seed",
        ... )
        >>> print(source)
        Example News, "Mistral AI raises 105 million euros", 2023-06-13, https://example.org/mistral-seed
        >>> source.kind
        <SourceKind.NEWS: 'news'>
    """

    key: str = attrs.field(validator=_check_key)
    """A short key naming the source within a knowledge base (``"mistral-seed"``)."""
    title: str = attrs.field(validator=validators.text)
    """The title of the page, article, report or filing."""
    url: str | None = attrs.field(default=None, validator=_check_url)
    """Where to read it, if it is on the web."""
    publisher: str | None = attrs.field(
        default=None, validator=validators.optional_text
    )
    """Who published it (a newspaper, a company, a lab)."""
    published: PartialDate | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(PartialDate)),
    )
    """When it was published, to the precision known."""
    accessed: dt.date | None = attrs.field(
        default=None, validator=[validators.day, _check_accessed]
    )
    """When it was last read, for pages that may change."""
    author: str | None = attrs.field(default=None, validator=validators.optional_text)
    """Who wrote it, when named."""
    kind: SourceKind | None = attrs.field(
        default=None, kw_only=True, converter=_to_kind
    )
    """What sort of source it is: primary, news, secondary, reference,
    aggregator or social (a ``SourceKind``, or its value as text), or None
    when not stated. A source whose kind is not stated is never counted as
    weak: only one known to be a reference work or an aggregator is."""
    archived_url: str | None = attrs.field(
        default=None, kw_only=True, validator=_check_url
    )
    """A copy in a web archive (``https://web.archive.org/...``), for pages
    that may change or disappear."""

    def __str__(self) -> str:
        parts = [part for part in (self.author, self.publisher) if part]
        parts.append(f'"{self.title}"')
        date = publication_date(self)
        if date is not None:
            parts.append(readable_period(date))
        if self.url is not None:
            parts.append(self.url)
        return ", ".join(parts)


check_sources = validators.instances(Source)
"""Check that a field holds a tuple of Source (an attrs validator)."""


def _check_between(
    instance: Publication, attribute: attrs.Attribute[Period | None], value: object
) -> None:
    if value is None:
        return
    if not isinstance(value, Period) or value.start is None or value.end is None:
        validators.fail(
            attribute,
            _(
                "must be a range with both ends, the earliest and the latest date it "
                "may have been published, such as 2024-01 to 2024-03"
            ),
        )
    if instance.published is not None:
        validators.fail(
            attribute,
            _(
                "gives a range, and published gives {published}: keep the date if "
                "it is known, else the range"
            ).format(published=readable_period(instance.published)),
        )


def _check_date_evidence(
    instance: Publication, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is None:
        return
    if instance.published is None and instance.published_between is None:
        validators.fail(
            attribute,
            _("is about a publication date, and none is given: give published too"),
        )
    if attribute.name == "published_source" and not isinstance(value, Source):
        validators.fail(
            attribute,
            _("must be a Source, not {type}").format(type=type(value).__name__),
        )


@attrs.frozen
class Publication(Source):
    """An article, a report or a post whose claims are checked: a source, and more.

    Besides what every source has, a publication has the language its words
    are in, its licence, and what its publication date rests on: the source
    of the evidence for it (the publisher's page, an archive), or a note
    saying how it was found (assumed, inferred). When the date is not known,
    [published_between][aiecosys.Publication.published_between] gives the
    range it lies in, and dates the text states relative to its publication
    ("last June") resolve to ranges in turn.

    Examples:
        >>> from aiecosys import PartialDate, Period, Publication, Source
        >>> page = Source("page", title="The publisher's page")
        >>> article = Publication(
        ...     "article",
        ...     title="Kai-Fu Lee, architecte d'un futur ouvert",
        ...     published=PartialDate(2024, 2),
        ...     language="fr",
        ...     published_source=page,
        ... )
        >>> print(article.publication_date, article.language)
        2024-02 fr
        >>> undated = Publication(
        ...     "post",
        ...     title="A post",
        ...     published_between=Period(PartialDate(2024, 1), PartialDate(2024, 3)),
        ... )
        >>> print(undated.publication_date)
        2024-01 to 2024-03
    """

    language: str | None = attrs.field(
        default=None, kw_only=True, validator=validators.language
    )
    """The language of its words, as a BCP 47 tag (``"fr"``, ``"en"``)."""
    licence: str | None = attrs.field(
        default=None, kw_only=True, validator=validators.optional_text
    )
    """The licence it is published under (``"CC BY-ND 4.0"``), when known."""
    published_between: Period | None = attrs.field(
        default=None, kw_only=True, validator=_check_between
    )
    """The earliest and latest dates it may have been published, when the date
    itself is not known (then ``published`` is None)."""
    published_source: Source | None = attrs.field(
        default=None, kw_only=True, validator=_check_date_evidence
    )
    """The evidence for the publication date (the publisher's page, an archive)."""
    published_note: str | None = attrs.field(
        default=None,
        kw_only=True,
        validator=[validators.optional_text, _check_date_evidence],
    )
    """How the publication date was found, when no source gives it (assumed)."""

    @property
    def publication_date(self) -> PartialDate | Period | None:
        """The publication date, or the range it lies in, or None if unknown.

        Examples:
            >>> from aiecosys import PartialDate, Publication
            >>> Publication(
            ...     "a", title="A", published=PartialDate(2024)
            ... ).publication_date
            PartialDate(year=2024, month=None, day=None)
        """
        return (
            self.published if self.published_between is None else self.published_between
        )


def publication_date(source: Source) -> PartialDate | Period | None:
    """A source's publication date: a publication's may be a range.

    Examples:
        >>> from aiecosys import PartialDate, Source
        >>> from aiecosys._source import publication_date
        >>> publication_date(Source("a", title="A", published=PartialDate(2024)))
        PartialDate(year=2024, month=None, day=None)
    """
    if isinstance(source, Publication):
        return source.publication_date
    return source.published


def strongest_first(sources: Iterable[Source]) -> tuple[Source, ...]:
    """Sources strongest first, each key once: the order evidence lists them in.

    Sources are ordered by kind, primary first, then news, secondary,
    reference, aggregator, social, and those whose kind is not stated last;
    sources of one kind keep the order they were given in. A key given twice
    is listed once, where it first appears.

    Examples:
        >>> from aiecosys import Source, strongest_first
        >>> wiki = Source("wiki", title="A wiki page", kind="reference")
        >>> paper = Source("paper", title="A paper", kind="primary")
        >>> note = Source("note", title="A note")
        >>> [s.key for s in strongest_first([note, wiki, paper, wiki])]
        ['paper', 'wiki', 'note']
    """
    unique: dict[str, Source] = {}
    for source in sources:
        unique.setdefault(source.key, source)
    return tuple(sorted(unique.values(), key=_strength))


def _strength(source: Source) -> int:
    return len(_RANK) if source.kind is None else _RANK[source.kind]
