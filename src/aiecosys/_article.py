"""The article on Kai-Fu Lee, 01.AI, Mistral AI and Kyutai: its facts and its claims.

[load_article][aiecosys.load_article] returns an
[Article][aiecosys.Article]: the knowledge base shipped in
``data/article.toml``, the article's checkable claims from
``data/article_claims.toml``, and the statements of opinion or forecast that
were read but are not checked ([Opinion][aiecosys.Opinion]). Verdicts are
never stored in files: [Article.check][aiecosys.Article.check] computes them.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Final

import attrs

from aiecosys import _validators as validators
from aiecosys._ecosystem import Ecosystem
from aiecosys._errors import DataError, Problem, UnknownEntityError
from aiecosys._files import (
    TRANSLATIONS,
    loads,
    parse_document,
    structure_entry,
    translations_of,
)
from aiecosys._i18n import current, texts
from aiecosys._i18n import gettext as _
from aiecosys._source import Source
from aiecosys.claims import (
    FORMAT_VERSIONS,
    Claim,
    Evaluation,
    check_all,
    deprecated,
    document_version,
    id_clash,
    upgraded,
)
from aiecosys.claims._fields import structures
from aiecosys.claims._reader import evaluated_claims


__all__ = ["Article", "Opinion", "load_article", "read_opinions"]

_FACTS = "article.toml"
_CLAIMS = "article_claims.toml"
_ARTICLE_SOURCE = "article"
_DATA: Final = Path(__file__).with_name("data")
"""The files shipped with aiecosys, beside this module (as ``fx/_ecb.py``
finds its rates): importlib.resources, with the zipfile and tempfile modules
it imports, took 6 ms of the ``aiecosys claims`` command's 180."""


@attrs.frozen
class Opinion:
    """A statement of opinion or forecast in the article, read but not checked.

    Examples:
        >>> from aiecosys import Opinion
        >>> opinion = Opinion(
        ...     "copy-the-model",
        ...     "Une excellente idée et que nous devrions copier ?",
        ...     "An excellent idea, and one France should copy?",
        ...     "A recommendation put as a question: there is no fact to check.",
        ... )
        >>> opinion.id
        'copy-the-model'
    """

    id: str = attrs.field(validator=validators.text)
    """A short, stable id (``"winning-ecosystem"``)."""
    quote: str = attrs.field(validator=validators.text)
    """The exact words of the article, in its language."""
    restatement: str = attrs.field(validator=validators.text)
    """What they say, plainly, in English."""
    reason: str = attrs.field(validator=validators.text)
    """Why no fact can settle it (an opinion, a forecast, a judgement)."""

    @property
    def quote_fr(self) -> str:
        """The quote (deprecated: use [quote][aiecosys.Opinion.quote]).

        Examples:
            >>> import warnings
            >>> from aiecosys import load_article
            >>> opinion = load_article().opinions[0]
            >>> with warnings.catch_warnings(action="ignore"):
            ...     opinion.quote_fr == opinion.quote
            True
        """
        deprecated("Opinion.quote_fr", "Opinion.quote")
        return self.quote

    @property
    def statement_en(self) -> str:
        """What they say (deprecated: use [restatement][aiecosys.Opinion.restatement]).

        Examples:
            >>> import warnings
            >>> from aiecosys import load_article
            >>> opinion = load_article().opinions[0]
            >>> with warnings.catch_warnings(action="ignore"):
            ...     opinion.statement_en == opinion.restatement
            True
        """
        deprecated("Opinion.statement_en", "Opinion.restatement")
        return self.restatement


@attrs.frozen
class Article:
    """The article: its source, its knowledge base, its claims and its opinions.

    Examples:
        >>> from aiecosys import load_article
        >>> article = load_article()
        >>> article.source.publisher
        'The Conversation'
        >>> article.claim("yi-half-gpt4").restatement
        'Yi has half as many parameters as GPT-4.'
        >>> article.source.language
        'fr'
    """

    source: Source
    """The publication: The Conversation, by Eric Braune, early 2024."""
    ecosystem: Ecosystem
    """The facts the claims are checked against, each with its sources."""
    claims: tuple[Claim, ...]
    """Every checkable statement of the article, in the article's order."""
    opinions: tuple[Opinion, ...]
    """The statements of opinion or forecast, with why they are not checked."""
    translations: Mapping[str, Mapping[str, str]] = attrs.field(
        factory=dict, repr=False, eq=False, kw_only=True
    )
    """Translations of the claims file's own texts (restatements, notes,
    opinions' restatements and reasons), by language, as its
    ``[translations.<lang>]`` tables give them; the knowledge base's are
    the [ecosystem][aiecosys.Ecosystem.translations]'s."""
    _evaluations: dict[str, tuple[Evaluation, ...]] = attrs.field(
        init=False, factory=dict, repr=False, eq=False
    )
    """The claims' evaluations by the language of their explanations: those
    made when the article was read (reading a claim evaluates it), then
    those [check][aiecosys.Article.check] made in another language. An
    article built otherwise, or changed with ``attrs.evolve``, has none."""

    def claim(self, id: str) -> Claim:  # noqa: A002 - a claim's field is named id
        """Return the claim with this id.

        Raises:
            UnknownEntityError: No claim has this id; the message lists the ids.

        Examples:
            >>> from aiecosys import load_article
            >>> load_article().claim("no-such-claim")
            Traceback (most recent call last):
            ...
            aiecosys.UnknownEntityError: no claim has the id 'no-such-claim'; the ...
        """
        for claim in self.claims:
            if claim.id == id:
                return claim
        known = ", ".join(claim.id for claim in self.claims)
        raise UnknownEntityError(
            _("no claim has the id {id}; the claims are: {known}").format(
                id=repr(id), known=known
            )
        )

    def check(self) -> tuple[Evaluation, ...]:
        """Evaluate every claim against the knowledge base, in order.

        The verdicts are computed from the facts. An article read by
        [load_article][aiecosys.load_article] keeps those computed when its
        claims were read (its claims and facts are immutable, so they cannot
        go stale): ``aiecosys claims`` then evaluates each claim once, not
        twice (7 ms of about 190 saved).

        Examples:
            >>> from aiecosys import load_article
            >>> article = load_article()
            >>> evaluations = article.check()
            >>> len(evaluations) == len(article.claims)
            True
            >>> evaluations == check_all(article.claims, article.ecosystem)
            True
        """
        lang = current()
        found = self._evaluations.get(lang)
        if found is None:
            with texts(self.translations):
                found = check_all(self.claims, self.ecosystem)
            self._evaluations[lang] = found
        return found

    def evaluation(self, id: str) -> Evaluation:  # noqa: A002 - a claim's field is named id
        """The evaluation of the claim *id*, in the current language.

        Unlike ``check(article.claim(id), article.ecosystem)``, it knows the
        claims file's translations of its own texts as well as the knowledge
        base's, as [check][aiecosys.Article.check] does.

        Raises:
            KeyError: No claim has that id.

        Examples:
            >>> import aiecosys
            >>> article = aiecosys.load_article()
            >>> with aiecosys.language("fr"):
            ...     print(article.evaluation("sv-venture-capital").verdict.label)
            CONFIRMÉ
        """
        claim = self.claim(id)
        return next(found for found in self.check() if found.claim is claim)


def _shared_ids(
    opinions: tuple[Opinion, ...], claims: tuple[Claim, ...], file: str
) -> Iterator[Problem]:
    """Opinions whose ids are a claim's, up to case: one may be taken for the other."""
    ids = {claim.id.casefold(): claim.id for claim in claims}
    for opinion in opinions:
        claim = ids.get(opinion.id.casefold())
        if claim is not None:
            yield Problem(
                _(
                    "the id {id} is the claim {claim}'s: give the opinion an id of "
                    "its own"
                ).format(id=repr(opinion.id), claim=repr(claim)),
                file=file,
                entry=opinion.id,
                field="id",
            )


def _opinion_entries(document: dict[str, Any], file: str) -> object:
    if document_version(document) == 1:
        document = upgraded(document, file=file)
    return document.get("opinions", [])


def read_opinions(document: dict[str, Any], file: str) -> tuple[Opinion, ...]:
    """Build the opinions of a claims document, listing every problem at once.

    A format 1 document's opinions are read under their format 2 names.
    """
    raw = _opinion_entries(document, file)
    if not isinstance(raw, list):
        raise DataError(
            [Problem(_("must be an array of tables"), file=file, entry="opinions")]
        )
    problems: list[Problem] = []
    opinions: list[Opinion] = []
    seen: dict[str, str] = {}
    read = structures(Opinion)
    for number, entry in enumerate(raw):
        label = f"opinions[{number}]"
        if not isinstance(entry, dict):
            problems.append(Problem(_("must be a table"), file=file, entry=label))
            continue
        if isinstance(entry.get("id"), str):
            label = entry["id"]
        clash = id_clash(label, seen, "opinion")
        if clash is not None:
            problems.append(Problem(clash, file=file, entry=label, field="id"))
        opinion = structure_entry(
            read, entry, file=file, entry=label, problems=problems
        )
        if opinion is not None and clash is None:
            opinions.append(opinion)
    if problems:
        raise DataError(problems)
    return tuple(opinions)


@functools.cache
def load_article() -> Article:
    """Return the article shipped with aiecosys: its facts, claims and opinions.

    "Kai-Fu Lee, architecte d’un futur ouvert" (Eric Braune, The
    Conversation, early 2024). The knowledge base holds every organisation,
    person, model, funding round and fund fact the article names, each with
    its sources; the claims are checked against it when they are loaded, so a
    malformed claim fails here, naming its id and field. The files are read
    once; later calls return the same immutable article.

    Raises:
        DataError: A shipped file is invalid; every problem is listed.

    Examples:
        >>> from aiecosys import load_article
        >>> article = load_article()
        >>> article.ecosystem.organisation("零一万物").name
        '01.AI'
        >>> print(article.ecosystem.model("Yi-34B").parameters)
        34,000,000,000 parameter (disclosed)
        >>> print(article.check()[0].verdict.value)
        SUPPORTED
    """
    eco = loads((_DATA / _FACTS).read_text(encoding="utf-8"), file=_FACTS)
    return article_from(eco, (_DATA / _CLAIMS).read_text(encoding="utf-8"))


def article_from(eco: Ecosystem, text: str, *, file: str = _CLAIMS) -> Article:
    """Build the article from its knowledge base and the TOML text of its claims.

    The text holds a ``[sources.article]`` table for the publication, the
    ``[[claims]]`` (in the format [load_claims][aiecosys.load_claims] reads)
    and the ``[[opinions]]``.

    Raises:
        DataError: The text is not valid TOML, or a claim or an opinion is
            invalid; every problem is listed, each with the id and the field.

    Examples:
        >>> from aiecosys import Ecosystem
        >>> from aiecosys._article import article_from
        >>> article_from(
        ...     Ecosystem(),
        ...     '''
        ... [sources.article]
        ... title = "An article"
        ... published = "2024-02"
        ...
        ... [[claims]]
        ... id = "yi-size"
        ... quote = "34 milliards de paramètres"
        ... restatement = "Yi has 34 billion parameters."
        ... source = "article"
        ... [claims.check]
        ... kind = "value"
        ... measure = { of = "Yi-34B", field = "parameters" }
        ... stated = "34000000000 parameter"
        ... ''',
        ... )
        Traceback (most recent call last):
        ...
        aiecosys.DataError: 1 problem found:
          - article_claims.toml: entry 'yi-size', field 'check.measure.of': no ...
    """
    document = parse_document(text, format="toml", file=file, versions=FORMAT_VERSIONS)
    problems: list[Problem] = []
    opinions: tuple[Opinion, ...] = ()
    evaluations: tuple[Evaluation, ...] = ()
    translations = translations_of(document, file, problems)
    try:
        opinions = read_opinions(document, file)
    except DataError as error:
        problems.extend(error.problems)
    document.pop("opinions", None)
    document.pop(TRANSLATIONS, None)
    try:
        with texts(translations):
            evaluations = evaluated_claims(document, eco, file=file)
    except DataError as error:
        problems.extend(error.problems)
    claims = tuple(evaluation.claim for evaluation in evaluations)
    problems.extend(_shared_ids(opinions, claims, file))
    if problems:
        raise DataError(dict.fromkeys(problems))
    source = next(
        (claim.source for claim in claims if claim.source.key == _ARTICLE_SOURCE),
        None,
    )
    if source is None:
        raise DataError(
            [
                Problem(
                    _("no claim cites the [sources.{key}]").format(key=_ARTICLE_SOURCE),
                    file=file,
                )
            ]
        )
    article = Article(source, eco, claims, opinions, translations=translations)
    article._evaluations[current()] = evaluations  # noqa: SLF001 - made here
    return article
