"""The knowledge base: organisations, people, rounds, funds and models, checked."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final, NoReturn, TypeVar

import attrs

from aiecosys._amounts import strip_accents
from aiecosys._choices import Choice
from aiecosys._dates import PartialDate, readable_period
from aiecosys._entities import Organisation, OrganisationKind, Person, Role
from aiecosys._errors import DataError, Problem, UnknownEntityError
from aiecosys._estimate import Estimate, Status
from aiecosys._funding import FundFact, FundingRound, RoundKind
from aiecosys._i18n import N_, text
from aiecosys._i18n import gettext as _
from aiecosys._laws import Law
from aiecosys._locations import Location
from aiecosys._metrics import Metric
from aiecosys._models import ModelSpec
from aiecosys._money import Money
from aiecosys._openworld import Denial, Relation
from aiecosys._source import Source
from aiecosys._statements import Statement


if TYPE_CHECKING:
    from aiecosys.fx import Conversion


__all__ = [
    "ConversionPolicy",
    "Ecosystem",
    "Entity",
    "RaisedAmount",
    "RaisedTotal",
    "entry_label",
    "normalise_name",
    "via",
]

Entity = (
    Organisation
    | Person
    | FundingRound
    | FundFact
    | ModelSpec
    | Statement
    | Law
    | Metric
    | Location
    | Denial
)
"""Anything an [Ecosystem][aiecosys.Ecosystem] holds."""

_E = TypeVar("_E", Organisation, Person, ModelSpec, Law)

# The collections of an ecosystem, as named in files and in problems.
COLLECTIONS: Final = {
    "organisations": Organisation,
    "people": Person,
    "rounds": FundingRound,
    "funds": FundFact,
    "models": ModelSpec,
    "statements": Statement,
    "laws": Law,
    "metrics": Metric,
    "locations": Location,
    "denials": Denial,
}


def normalise_name(name: str) -> str:
    """Return the form of a name that look-ups compare: no case, accents, extra spaces.

    Invisible format characters (Unicode category Cf: a zero-width space, a
    right-to-left mark, a soft hyphen) are dropped, so that a name carrying
    one is the same name as without it.

    Examples:
        >>> from aiecosys import normalise_name
        >>> normalise_name("  Rodolphe  SAADÉ ")
        'rodolphe saade'
        >>> normalise_name("Mis\u00adtral\u200b AI\u200f")
        'mistral ai'
    """
    if name.isascii():
        return " ".join(name.casefold().split())
    return " ".join(strip_accents(visible(name)).split())


def visible(name: str) -> str:
    """Return *name* without invisible format characters (Unicode category Cf).

    Examples:
        >>> from aiecosys._ecosystem import visible
        >>> visible("Mis\u00adtral\u200b AI")
        'Mistral AI'
    """
    if name.isascii():
        return name
    return "".join(ch for ch in name if unicodedata.category(ch) != "Cf")


# Cyrillic and Greek letters drawn like a Latin one (after case folding): the
# cross-script part of Unicode's confusables (UTS #39), which is what makes a
# second name look like the first. Same-script look-alikes ("l" and "1") are
# not folded: they are told apart by any reader who looks.
_LOOK_ALIKES: Final = str.maketrans(
    "авсԁеђһіјкӏмноԛрѕтцуԝхзαβγεηικμνορτυχζ",
    "abcdehhijklmhoqpstuywx3abyenikmvoptuxz",
)


def skeleton(name: str) -> str:
    """Return the form under which two names look alike.

    It is the normalised name with Cyrillic and Greek letters drawn like Latin
    ones replaced by those Latin letters.

    Examples:
        >>> from aiecosys._ecosystem import skeleton
        >>> skeleton("Mistrаl AI") == skeleton("MISTRAL AI")  # a Cyrillic а
        True
    """
    return _shape(normalise_name(name))


def _shape(key: str) -> str:
    """A normalised name with look-alike letters drawn as Latin ones.

    Every look-alike letter is outside ASCII, so an ASCII key is its own
    shape: `str.translate` looks each character up one by one, the larger
    part of the cost of indexing thousands of names (see
    benchmarks/bench_import.py).
    """
    return key if key.isascii() else key.translate(_LOOK_ALIKES)


_SCRIPTS: Final = ("LATIN", "CYRILLIC", "GREEK")


def mixed_script(name: str) -> str | None:
    """Say how a name mixes Latin with Cyrillic or Greek letters in one word.

    A word spelled in two of these scripts is almost always a look-alike of a
    name in one (``"Mistrаl"`` with a Cyrillic ``а``); a name may still hold
    words in different scripts (``"Яндекс Yandex"``).

    Examples:
        >>> from aiecosys._ecosystem import mixed_script
        >>> mixed_script("Mistrаl AI")
        "the word 'Mistrаl' mixes Latin and Cyrillic letters (Cyrillic 'а')"
        >>> mixed_script("Яндекс Yandex") is None
        True
    """
    if name.isascii():
        return None
    for word in name.split():
        found: dict[str, str] = {}
        for ch in word:
            if ch.isalpha():
                script = unicodedata.name(ch, "").partition(" ")[0]
                if script in _SCRIPTS:
                    found.setdefault(script, ch)
        if len(found) > 1:
            scripts = [script.title() for script in found]
            other = next(s for s in found if s != "LATIN")
            # Translators: the scripts are English names (Latin, Cyrillic, Greek).
            return _(
                "the word {word!r} mixes {scripts} letters ({script} {letter!r})"
            ).format(
                word=word,
                scripts=_(" and ").join(scripts),
                script=other.title(),
                letter=found[other],
            )
    return None


def entry_label(collection: str, index: int, entity: Entity | dict[str, Any]) -> str:
    """Name an entry in a problem: ``"rounds[3]: Mistral AI, 2023-06"``."""

    def get(field: str) -> Any:
        return (
            entity.get(field)
            if isinstance(entity, dict)
            else getattr(entity, field, None)
        )

    if collection in {"rounds", "funds"}:
        when = get("announced") if collection == "rounds" else get("as_of")
        what = ", ".join(str(part) for part in (get("organisation"), when) if part)
    elif collection in _LABEL_FIELDS:
        values = (get(field) for field in _LABEL_FIELDS[collection])
        what = ", ".join(
            str(getattr(value, "value", value)) for value in values if value
        )
    else:
        what = str(get("name"))
    return f"{collection}[{index}]: {what}"


_LABEL_FIELDS: Final = {
    "denials": ("entity", "relation", "subject"),
    "statements": ("subject", "says"),
    "metrics": ("of", "metric", "as_of"),
    "locations": ("of", "city", "country"),
}
"""The fields that name an entry of these collections in problems."""


class ConversionPolicy(Choice):
    """Which date amounts in other currencies are converted at, in a total.

    Examples:
        >>> from aiecosys import ConversionPolicy
        >>> ConversionPolicy.AT_EACH_DATE.value
        'at-each-date'
    """

    AT_EACH_DATE = "at-each-date"
    """Each amount at the rate of its own date (what it was worth when raised)."""
    AT_ONE_DATE = "at-one-date"
    """Every amount at the rate of one as-of date (what it is all worth then)."""


@attrs.frozen
class RaisedAmount:
    """One round's part in a [RaisedTotal][aiecosys.RaisedTotal], after conversion.

    Examples:
        >>> from aiecosys import RaisedAmount
        >>> RaisedAmount.__name__
        'RaisedAmount'
    """

    round: FundingRound
    """The round, with its amount as recorded."""
    amount: Estimate[Money]
    """Its amount in the total's currency, counted as at least zero when undisclosed."""
    converted_on: dt.date | None
    """The date whose rate converted it, or None if no conversion was needed."""
    conversions: tuple[Conversion, ...]
    """Every conversion used for it, with its rate, date and source."""
    certainly_included: bool = True
    """False when the round's date straddles the ``until`` date, so it may not count."""


@attrs.frozen
class RaisedTotal:
    """How much an organisation raised, with the policy and every conversion used.

    Examples:
        >>> from aiecosys import RaisedTotal
        >>> RaisedTotal.__name__
        'RaisedTotal'
    """

    organisation: str
    """The organisation's name."""
    currency: str
    """The currency of the total."""
    policy: ConversionPolicy
    """Whether each amount was converted at its own date or all at one date."""
    on: dt.date | None
    """The as-of date of the AT_ONE_DATE policy, None otherwise."""
    until: dt.date | None
    """Only rounds announced by this date count, or all if None."""
    total: Estimate[Money]
    """The total: a range, or unbounded above, whenever an amount is undisclosed."""
    items: tuple[RaisedAmount, ...]
    """Each round that counts, in date order."""

    @property
    def conversions(self) -> tuple[Conversion, ...]:
        """Every conversion used, round by round."""
        return tuple(
            conversion for item in self.items for conversion in item.conversions
        )

    @property
    def undisclosed(self) -> tuple[FundingRound, ...]:
        """The rounds whose amount is not fully known."""
        return tuple(
            item.round for item in self.items if not item.round.amount.is_exact
        )

    def __str__(self) -> str:
        policy = (
            f"converted at {self.on}"
            if self.policy is ConversionPolicy.AT_ONE_DATE
            else "each amount converted at its own date"
        )
        count = len(self.items)
        rounds = f"{count} round" if count == 1 else f"{count} rounds"
        return f"{self.organisation} raised {self.total} over {rounds}, {policy}"


MAX_HINTS: Final = 50
"""How many unknown names, at most, get a "did you mean" hint when an
ecosystem is checked; later ones are reported without one."""

_HINT_LENGTH: Final = 200
"""Longer unknown names get no hint: no real name is that long."""

_CANDIDATES: Final = 20
"""How many known names, sharing the most three-letter pieces with an unknown
one, are compared with it closely for a hint."""


def _grams(key: str) -> set[str]:
    padded = f" {key} "
    return {padded[at : at + 3] for at in range(len(padded) - 2)}


class _Hints:
    """Suggest the known name closest to an unknown one, in bounded time.

    Known names are indexed by their three-letter pieces and by their
    look-alike skeleton; a hint compares the unknown name closely with at most
    [_CANDIDATES][aiecosys._ecosystem._CANDIDATES] names, however many there are.
    """

    def __init__(self, names: dict[str, Any]) -> None:
        self.names = names
        self.grams: dict[str, list[str]] = {}
        self.skeletons: dict[str, str] = {}
        for key in names:
            self.skeletons.setdefault(_shape(key), key)
            for gram in _grams(key):
                self.grams.setdefault(gram, []).append(key)

    def closest(self, key: str) -> tuple[float, str] | None:
        """Return (similarity, known key) of the closest name, or None."""
        import difflib
        import heapq
        from collections import Counter

        alike = self.skeletons.get(_shape(key))
        if alike is not None:
            return 1.0, alike
        shared: Counter[str] = Counter()
        for gram in _grams(key):
            shared.update(self.grams.get(gram, ()))
        candidates = heapq.nlargest(_CANDIDATES, shared, key=shared.__getitem__)
        matcher = difflib.SequenceMatcher()
        matcher.set_seq2(key)
        best: tuple[float, str] | None = None
        for candidate in candidates:
            matcher.set_seq1(candidate)
            ratio = matcher.ratio()
            if ratio >= 0.6 and (best is None or ratio > best[0]):  # noqa: PLR2004
                best = (ratio, candidate)
        return best


@attrs.frozen
class _Index:
    organisations: dict[str, Organisation]
    people: dict[str, Person]
    models: dict[str, ModelSpec]
    laws: dict[str, Law]
    hints: dict[int, _Hints] = attrs.field(factory=dict)
    budget: list[int] = attrs.field(factory=lambda: [MAX_HINTS])
    children: dict[str, list[Organisation]] | None = None
    """Each organisation's name to the organisations whose parent it is, once built."""

    def suggest(self, name: str, *kinds: dict[str, Any]) -> str:
        """Return `` (did you mean 'X'?)`` for an unknown name, or ``""``."""
        key = normalise_name(name)
        if len(key) > _HINT_LENGTH:
            return ""
        found = [
            (close, names)
            for names in kinds
            if (close := self._hints(names).closest(key)) is not None
        ]
        if not found:
            return ""
        (_ratio, known), names = max(found, key=lambda pair: pair[0][0])
        return _(" (did you mean {name!r}?)").format(name=names[known].name)

    def _hints(self, names: dict[str, Any]) -> _Hints:
        hints = self.hints.get(id(names))
        if hints is None:
            hints = self.hints[id(names)] = _Hints(names)
        return hints


def _unreadable(name: str, key: str) -> str | None:
    """Say why a name cannot be read as written, or return None."""
    if not key:
        return _(
            "the name {name!r} is blank once invisible characters are removed; "
            "write a name readers can see"
        ).format(name=name)
    mixed = mixed_script(name)
    if mixed is not None:
        return _(
            "{name!r} looks like a name in one script but is not: {mixed}; "
            "retype it in one script"
        ).format(name=name, mixed=mixed)
    return None


def _name_index(
    collection: str, entities: tuple[_E, ...], problems: list[Problem]
) -> dict[str, _E]:
    """Index entities by each of their names, refusing names that clash.

    A name clashes when another entity (or the same one, listed twice) has it
    after normalisation, or looks like it (the same skeleton); a name mixing
    Latin with Cyrillic or Greek letters in one word is refused outright.
    """
    index: dict[str, _E] = {}
    alike: dict[str, tuple[str, _E]] = {}
    for position, entity in enumerate(entities):
        own: set[str] = set()
        for name in entity.names:
            field = "name" if name == entity.name else "aliases"
            key = normalise_name(name)
            if key in own:
                continue
            own.add(key)
            message = _unreadable(name, key)
            other = index.get(key)
            if other is entity:
                message = _(
                    "the same {collection} entry is listed twice; list it once"
                ).format(collection=collection)
            elif other is not None:
                message = _("the name {name!r} is already used by {other!r}").format(
                    name=name, other=other.name
                )
            else:
                index[key] = entity
                shape = _shape(key)
                look, twin = alike.setdefault(shape, (name, entity))
                if twin is not entity and message is None:
                    message = _(
                        "the name {name!r} looks like {look!r} of {twin!r} but is "
                        "spelled with other letters (Cyrillic or Greek); retype it"
                    ).format(name=name, look=look, twin=twin.name)
            if message is not None:
                label = entry_label(collection, position, entity)
                problems.append(Problem(message, entry=label, field=field))
            if other is entity:
                break
    return index


def _translation_tables(
    tables: Mapping[str, Mapping[str, str]],
) -> dict[str, dict[str, str]]:
    """A copy of translation tables (language, then text, then translation)."""
    return {lang: dict(table) for lang, table in tables.items()}


@attrs.frozen
class Ecosystem:
    """An immutable knowledge base of organisations, people, rounds, funds and models.

    Building one checks every fact against the others (references to unknown
    entities, names used twice, rounds before their organisation was founded,
    facts without a source, the same entry listed twice, two different sources
    under one key...) and raises one [DataError][aiecosys.DataError] listing
    every problem. Look-ups accept any name or alias, in any case, with or
    without accents or invisible characters (a zero-width space). A name that
    only looks like another, spelled with Cyrillic or Greek letters
    (``"МЕТА"`` beside ``"Meta"``), or that mixes Latin with one of those
    scripts in one word (``"Mistrаl"``), is refused: it would make a second
    entity that readers take for the first. Change a copy with
    [evolve][aiecosys.Ecosystem.evolve], [add][aiecosys.Ecosystem.add],
    [replace][aiecosys.Ecosystem.replace] or [remove][aiecosys.Ecosystem.remove].

    Examples:
        >>> from aiecosys import Ecosystem, Organisation, PartialDate, Source
        >>> source = Source("example", title="An example source")
        >>> eco = Ecosystem(
        ...     organisations=(
        ...         Organisation(
        ...             "Kyutai",
        ...             "non-profit-lab",
        ...             country="FR",
        ...             founded=PartialDate(2023, 11),
        ...             sources=(source,),
        ...         ),
        ...     ),
        ... )
        >>> eco.organisation("KYUTAI").founded
        PartialDate(year=2023, month=11, day=None)
        >>> Ecosystem(organisations=(Organisation("Kyutai", "company"),))
        Traceback (most recent call last):
        ...
        aiecosys.DataError: 1 problem found:
          - entry 'organisations[0]: Kyutai', field 'sources': no source: ...
    """

    organisations: tuple[Organisation, ...] = attrs.field(
        default=(),
        validator=attrs.validators.deep_iterable(
            attrs.validators.instance_of(Organisation)
        ),
    )
    """The organisations: companies, firms, labs, institutes and groups."""
    people: tuple[Person, ...] = attrs.field(
        default=(),
        validator=attrs.validators.deep_iterable(attrs.validators.instance_of(Person)),
    )
    """The people, with their roles."""
    rounds: tuple[FundingRound, ...] = attrs.field(
        default=(),
        validator=attrs.validators.deep_iterable(
            attrs.validators.instance_of(FundingRound)
        ),
    )
    """The funding rounds."""
    funds: tuple[FundFact, ...] = attrs.field(
        default=(),
        validator=attrs.validators.deep_iterable(
            attrs.validators.instance_of(FundFact)
        ),
    )
    """Facts about funds: assets under management, portfolio sizes."""
    models: tuple[ModelSpec, ...] = attrs.field(
        default=(),
        validator=attrs.validators.deep_iterable(
            attrs.validators.instance_of(ModelSpec)
        ),
    )
    """The AI models."""
    statements: tuple[Statement, ...] = attrs.field(
        default=(),
        validator=attrs.validators.deep_iterable(
            attrs.validators.instance_of(Statement)
        ),
    )
    """What sources say: attributions, labels and stated causes, with quotes."""
    laws: tuple[Law, ...] = attrs.field(
        default=(),
        validator=attrs.validators.deep_iterable(attrs.validators.instance_of(Law)),
    )
    """Laws and regulations, with their jurisdictions and dates."""
    metrics: tuple[Metric, ...] = attrs.field(
        default=(),
        validator=attrs.validators.deep_iterable(attrs.validators.instance_of(Metric)),
    )
    """Dated measurements: downloads, ranks, derived models, headcounts, users."""
    locations: tuple[Location, ...] = attrs.field(
        default=(),
        validator=attrs.validators.deep_iterable(
            attrs.validators.instance_of(Location)
        ),
    )
    """Where people and organisations are based, and when."""
    denials: tuple[Denial, ...] = attrs.field(
        default=(),
        validator=attrs.validators.deep_iterable(attrs.validators.instance_of(Denial)),
    )
    """Sourced facts that something did not happen ("Baidu did not invest")."""
    translations: Mapping[str, Mapping[str, str]] = attrs.field(
        factory=dict, converter=_translation_tables, repr=False, eq=False, kw_only=True
    )
    """Translations of the texts of the files (notes, role titles), by language.

    Read from a file's ``[translations.<lang>]`` tables, merged across files:
    ``aiecosys._i18n.text`` finds them while this knowledge base checks a
    claim. They are not facts: two ecosystems with the same facts are equal,
    whatever their translations."""
    _index: _Index = attrs.field(init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        index = _Index(
            _name_index("organisations", self.organisations, problems),
            _name_index("people", self.people, problems),
            _name_index("models", self.models, problems),
            _name_index("laws", self.laws, problems),
        )
        object.__setattr__(self, "_index", index)
        problems.extend(self._cross_checks())
        problems.extend(self._source_clashes())
        if problems:
            raise DataError(problems)

    # -- validation -----------------------------------------------------------

    def _cross_checks(self) -> Iterator[Problem]:
        cycles = _parent_cycles(self.organisations, self._index.organisations)
        for collection, position, entity in self._entries():
            label = None
            for field, message in self._entity_problems(entity):
                label = label or entry_label(collection, position, entity)
                yield Problem(message, entry=label, field=field)
            if id(entity) in cycles:
                label = label or entry_label(collection, position, entity)
                message = _("the parents form a cycle: {cycle}").format(
                    cycle=cycles[id(entity)]
                )
                yield Problem(message, entry=label, field="parent")

    def _source_clashes(self) -> Iterator[Problem]:
        """Refuse two sources under one key: a file could not tell them apart."""
        keys: dict[str, Source] = {}
        told: set[Source] = set()
        for collection, position, entity in self._entries():
            for source in _cited(entity):
                first = keys.setdefault(source.key, source)
                if first is not source and first != source and source not in told:
                    told.add(source)
                    yield Problem(
                        _(
                            "the source key {key!r} names two different sources "
                            "({first} and {second}); give each its own key"
                        ).format(key=source.key, first=first, second=source),
                        entry=entry_label(collection, position, entity),
                        field="sources",
                    )

    def _entity_problems(self, entity: Entity) -> Iterator[tuple[str, str]]:
        """Yield (field, message) for each way *entity* disagrees with the rest."""
        if not entity.sources:
            yield "sources", _("no source: cite at least one")
        for field, names, nouns in _references(entity):
            if names:  # most references are empty: nothing to look up
                yield from self._unknown(field, names, nouns)
        if isinstance(entity, Organisation) and entity.members:
            yield from self._cycles(entity)
        elif isinstance(entity, FundingRound):
            yield from self._before_founding("announced", entity)
        elif isinstance(entity, FundFact):
            yield from self._before_founding("as_of", entity)
        elif isinstance(entity, Denial):
            yield from self._denial_problems(entity)
        elif isinstance(entity, ModelSpec) and entity.benchmarks:
            yield from _unsourced_scores(entity)

    def _unknown(
        self, field: str, names: Iterable[str], nouns: tuple[str, ...]
    ) -> Iterator[tuple[str, str]]:
        indexes: dict[str, dict[str, Any]] = {
            "organisation": self._index.organisations,
            "person": self._index.people,
            "model": self._index.models,
        }
        kinds: list[dict[str, Any]] = [indexes[noun] for noun in nouns]
        budget = self._index.budget
        for name in names:
            key = normalise_name(name)
            for known in kinds:
                if key in known:
                    break
            else:
                budget[0] -= 1
                hint = (
                    self._index.suggest(name, *kinds)
                    if budget[0] >= 0
                    else _(" (only the first {count} unknown names get a hint)").format(
                        count=MAX_HINTS
                    )
                )
                unknown = _UNKNOWN.get(nouns)
                if unknown is None:  # pragma: no cover - every reference is listed
                    unknown = "unknown " + " or ".join(nouns) + " {name!r}{hint}"
                yield field, _(unknown).format(name=name, hint=hint)

    def _cycles(self, entity: Organisation) -> Iterator[tuple[str, str]]:
        """Yield a problem if the group *entity* is a member of itself."""
        known = self._index.organisations
        seen: set[str] = set()
        stack: list[tuple[Organisation, tuple[str, ...]]] = [(entity, (entity.name,))]
        while stack:
            group, path = stack.pop()
            for name in group.members:
                member = known.get(normalise_name(name))
                if member is entity:
                    cycle = " -> ".join((*path, entity.name))
                    yield (
                        "members",
                        _("the group is a member of itself: {cycle}").format(
                            cycle=cycle
                        ),
                    )
                    return
                if member is not None and member.name not in seen:
                    seen.add(member.name)
                    stack.append((member, (*path, member.name)))

    def _before_founding(
        self, field: str, fact: FundingRound | FundFact
    ) -> Iterator[tuple[str, str]]:
        when: PartialDate = getattr(fact, field)
        organisation = self._index.organisations.get(normalise_name(fact.organisation))
        founded = None if organisation is None else organisation.founded
        if organisation is not None and founded is not None and when.precedes(founded):
            yield (
                field,
                _("dated {when}, before {organisation} was founded ({founded})").format(
                    when=readable_period(when),
                    organisation=organisation.name,
                    founded=readable_period(founded),
                ),
            )

    def _entries(self) -> Iterator[tuple[str, int, Entity]]:
        for collection in COLLECTIONS:
            entities: tuple[Entity, ...] = getattr(self, collection)
            for position, entity in enumerate(entities):
                yield collection, position, entity

    # -- look-ups -------------------------------------------------------------

    def _find(self, kind: str, names: dict[str, _E], name: str) -> _E:
        found = names.get(normalise_name(name))
        if found is None:
            raise UnknownEntityError(
                _(_NO_SUCH[kind]).format(
                    name=name, hint=self._index.suggest(name, names)
                )
            )
        return found

    def organisation(self, name: str) -> Organisation:
        """Return the organisation with this name or alias (any case, any accents).

        Raises:
            UnknownEntityError: No organisation has that name; the message
                suggests the closest one.

        Examples:
            >>> from aiecosys import Ecosystem, Organisation, Source
            >>> source = Source("s", title="A source")
            >>> eco = Ecosystem(
            ...     organisations=(
            ...         Organisation(
            ...             "01.AI", "company", aliases=("零一万物",), sources=(source,)
            ...         ),
            ...     )
            ... )
            >>> eco.organisation("零一万物").name
            '01.AI'
            >>> eco.organisation("01.IA")
            Traceback (most recent call last):
            ...
            aiecosys.UnknownEntityError: no organisation is named '01.IA' (did you ...?)
        """
        return self._find("organisation", self._index.organisations, name)

    def person(self, name: str) -> Person:
        """Return the person with this name or alias (any case, any accents).

        Raises:
            UnknownEntityError: No person has that name.

        Examples:
            >>> from aiecosys import Ecosystem, Person, Source
            >>> eco = Ecosystem(
            ...     people=(
            ...         Person(
            ...             "Rodolphe Saadé", sources=(Source("s", title="A source"),)
            ...         ),
            ...     )
            ... )
            >>> eco.person("rodolphe saade").name
            'Rodolphe Saadé'
        """
        return self._find("person", self._index.people, name)

    def model(self, name: str) -> ModelSpec:
        """Return the model with this name or alias (any case, any accents).

        Raises:
            UnknownEntityError: No model has that name.

        Examples:
            >>> from aiecosys import Ecosystem, ModelSpec, Source
            >>> eco = Ecosystem(
            ...     models=(
            ...         ModelSpec("Yi-34B", sources=(Source("s", title="A source"),)),
            ...     )
            ... )
            >>> eco.model("yi-34b").name
            'Yi-34B'
        """
        return self._find("model", self._index.models, name)

    def law(self, name: str) -> Law:
        """Return the law with this name or alias (any case, any accents).

        Raises:
            UnknownEntityError: No law has that name.

        Examples:
            >>> from aiecosys import Ecosystem, Law, Source
            >>> eco = Ecosystem(
            ...     laws=(
            ...         Law(
            ...             "Personal Information Protection Law",
            ...             "CN",
            ...             aliases=("PIPL",),
            ...             sources=(Source("s", title="A source"),),
            ...         ),
            ...     )
            ... )
            >>> eco.law("pipl").name
            'Personal Information Protection Law'
        """
        return self._find("law", self._index.laws, name)

    def _organisation_name(self, organisation: Organisation | str) -> str:
        if isinstance(organisation, Organisation):
            return organisation.name
        return self.organisation(organisation).name

    def _is(self, name: str, organisation: str) -> bool:
        found = self._index.organisations.get(normalise_name(name))
        return found is not None and found.name == organisation

    def rounds_of(self, organisation: Organisation | str) -> tuple[FundingRound, ...]:
        """Return the rounds an organisation raised, earliest first.

        Examples:
            >>> from aiecosys import Ecosystem
            >>> Ecosystem().rounds_of("Mistral AI")
            Traceback (most recent call last):
            ...
            aiecosys.UnknownEntityError: no organisation is named 'Mistral AI'
        """
        name = self._organisation_name(organisation)
        found = [r for r in self.rounds if self._is(r.organisation, name)]
        return tuple(sorted(found, key=lambda r: (r.announced.first, r.announced.last)))

    def investments_of(
        self, investor: Organisation | Person | str
    ) -> tuple[FundingRound, ...]:
        """Return the rounds an organisation or a person invested in, earliest first.

        Examples:
            >>> from aiecosys import Ecosystem
            >>> Ecosystem().investments_of("Xavier Niel")
            ()
        """
        names = investor.names if not isinstance(investor, str) else (investor,)
        wanted = {normalise_name(name) for name in names}
        for key in list(wanted):
            entity = self._index.organisations.get(key) or self._index.people.get(key)
            if entity is not None:
                wanted.update(normalise_name(name) for name in entity.names)
        found = [
            r
            for r in self.rounds
            if any(normalise_name(i) in wanted for i in r.investors)
        ]
        return tuple(sorted(found, key=lambda r: (r.announced.first, r.announced.last)))

    def funds_of(self, organisation: Organisation | str) -> tuple[FundFact, ...]:
        """Return the fund facts of a firm, earliest first.

        Examples:
            >>> from aiecosys import Ecosystem, Organisation, Source
            >>> eco = Ecosystem(
            ...     organisations=(
            ...         Organisation(
            ...             "Sinovation Ventures",
            ...             "venture-capital-firm",
            ...             sources=(Source("s", title="A source"),),
            ...         ),
            ...     )
            ... )
            >>> eco.funds_of("sinovation ventures")
            ()
        """
        name = self._organisation_name(organisation)
        found = [f for f in self.funds if self._is(f.organisation, name)]
        return tuple(sorted(found, key=lambda f: (f.as_of.first, f.as_of.last)))

    def models_of(self, developer: Organisation | str) -> tuple[ModelSpec, ...]:
        """Return the models an organisation developed, in the order recorded.

        Examples:
            >>> from aiecosys import Ecosystem, ModelSpec, Organisation, Source
            >>> s = (Source("s", title="A source"),)
            >>> eco = Ecosystem(
            ...     organisations=(Organisation("01.AI", "company", sources=s),),
            ...     models=(ModelSpec("Yi-34B", developers=("01.AI",), sources=s),),
            ... )
            >>> [model.name for model in eco.models_of("01.ai")]
            ['Yi-34B']
        """
        name = self._organisation_name(developer)
        return tuple(
            m for m in self.models if any(self._is(d, name) for d in m.developers)
        )

    def members_of(self, group: Organisation | str) -> tuple[Organisation, ...]:
        """Return the members of a group of companies (the BATX).

        Examples:
            >>> from aiecosys import Ecosystem, Organisation, Source
            >>> s = (Source("s", title="A source"),)
            >>> eco = Ecosystem(
            ...     organisations=(
            ...         Organisation("Baidu", "company", sources=s),
            ...         Organisation("BATX", "group", members=("Baidu",), sources=s),
            ...     )
            ... )
            >>> [member.name for member in eco.members_of("batx")]
            ['Baidu']
        """
        found = group if isinstance(group, Organisation) else self.organisation(group)
        return tuple(self.organisation(member) for member in found.members)

    def groups_of(self, organisation: Organisation | str) -> tuple[Organisation, ...]:
        """Return the groups an organisation is a member of.

        Examples:
            >>> from aiecosys import Ecosystem
            >>> Ecosystem().groups_of
            <bound method Ecosystem.groups_of of Ecosystem(...)>
        """
        name = self._organisation_name(organisation)
        return tuple(
            g for g in self.organisations if any(self._is(m, name) for m in g.members)
        )

    def roles_at(
        self, organisation: Organisation | str
    ) -> tuple[tuple[Person, Role], ...]:
        """Return every (person, role) held at an organisation.

        Examples:
            >>> from aiecosys import Ecosystem, Organisation, Person, Role, Source
            >>> s = (Source("s", title="A source"),)
            >>> eco = Ecosystem(
            ...     organisations=(Organisation("01.AI", "company", sources=s),),
            ...     people=(
            ...         Person("Kai-Fu Lee", roles=(Role("CEO", "01.AI"),), sources=s),
            ...     ),
            ... )
            >>> [(person.name, role.title) for person, role in eco.roles_at("01.AI")]
            [('Kai-Fu Lee', 'CEO')]
        """
        name = self._organisation_name(organisation)
        return tuple(
            (person, role)
            for person in self.people
            for role in person.roles
            if self._is(role.organisation, name)
        )

    # -- hierarchy and the open world -----------------------------------------

    def ancestry(self, organisation: Organisation | str) -> tuple[Organisation, ...]:
        """Return the organisation, then its parent, its parent's parent, and so on.

        Examples:
            >>> from aiecosys import Ecosystem, Organisation, Source
            >>> s = (Source("s", title="A source"),)
            >>> eco = Ecosystem(
            ...     organisations=(
            ...         Organisation("Alphabet", "company", sources=s),
            ...         Organisation("Google", "company", parent="Alphabet", sources=s),
            ...         Organisation(
            ...             "Google DeepMind",
            ...             "research-lab",
            ...             parent="Google",
            ...             sources=s,
            ...         ),
            ...     )
            ... )
            >>> [o.name for o in eco.ancestry("Google DeepMind")]
            ['Google DeepMind', 'Google', 'Alphabet']
        """
        found = [
            organisation
            if isinstance(organisation, Organisation)
            else self.organisation(organisation)
        ]
        seen = {id(found[0])}
        while found[-1].parent is not None:
            parent = self._index.organisations.get(normalise_name(found[-1].parent))
            if parent is None or id(parent) in seen:
                break
            seen.add(id(parent))
            found.append(parent)
        return tuple(found)

    def parts(self, organisation: Organisation | str) -> tuple[Organisation, ...]:
        """Return the organisation and every organisation part of it, at any depth.

        Examples:
            >>> import aiecosys
            >>> eco = aiecosys.load_article().ecosystem
            >>> [o.name for o in eco.parts("Google")]
            ['Google', 'Google DeepMind', 'Google China']
        """
        index = self._index
        children = index.children
        if children is None:
            children = {}
            for part in self.organisations:
                parent = part.parent and index.organisations.get(
                    normalise_name(part.parent)
                )
                if parent:
                    children.setdefault(parent.name, []).append(part)
            object.__setattr__(index, "children", children)
        top = (
            organisation
            if isinstance(organisation, Organisation)
            else self.organisation(organisation)
        )
        found = [top]
        seen = {id(top)}
        for current in found:
            for child in children.get(current.name, ()):
                if id(child) not in seen:
                    seen.add(id(child))
                    found.append(child)
        return tuple(found)

    def part_of(self, name: str, whole: str) -> tuple[Organisation, ...] | None:
        """Return the path from an organisation up to one it is part of, or None.

        An organisation is part of itself (a path of one). A name that is not
        an organisation's (a person's) is part of nothing but itself.

        Examples:
            >>> from aiecosys import Ecosystem, Organisation, Source
            >>> s = (Source("s", title="A source"),)
            >>> eco = Ecosystem(
            ...     organisations=(
            ...         Organisation("Alibaba", "company", sources=s),
            ...         Organisation(
            ...             "Alibaba Cloud",
            ...             "corporate-division",
            ...             parent="Alibaba",
            ...             sources=s,
            ...         ),
            ...     )
            ... )
            >>> [o.name for o in eco.part_of("alibaba cloud", "Alibaba")]
            ['Alibaba Cloud', 'Alibaba']
            >>> eco.part_of("Alibaba", "Alibaba Cloud") is None
            True
        """
        found = self._index.organisations.get(normalise_name(name))
        target = normalise_name(whole)
        if found is None:
            return () if self._same(name, whole) else None
        goal = self._index.organisations.get(target)
        chain = self.ancestry(found)
        for at, organisation in enumerate(chain):
            if organisation is goal:
                return chain[: at + 1]
        return None

    def denial(
        self,
        relation: Relation | str,
        entity: str,
        subject: str | None,
        first: dt.date | None = None,
        last: dt.date | None = None,
    ) -> Denial | None:
        """Return a recorded denial that *subject* had *relation* with *entity*.

        The denial must span the days *first* to *last* (None: open ends). A
        denial about an organisation covers the organisations part of it: its
        subject may be *subject* or one it is part of; for models, its entity
        may be *entity* or one it is part of, and *subject* is an openness
        (None for any model).

        Examples:
            >>> import datetime as dt
            >>> import aiecosys
            >>> eco = aiecosys.load_article().ecosystem
            >>> print(eco.denial("model", "Kyutai", None, None, dt.date(2024, 2, 29)))
            Kyutai developed no model (… to 2024-06)
            >>> eco.denial("investor", "01.AI", "Baidu") is None
            True
        """
        relation = Relation(relation)
        model = relation is Relation.MODEL
        for denial in self.denials:
            if denial.relation is not relation or not denial.covers(first, last):
                continue
            if model:
                covered = self.part_of(entity, denial.entity) is not None and (
                    denial.subject is None
                    or (
                        subject is not None
                        and normalise_name(subject) == normalise_name(denial.subject)
                    )
                )
            else:
                covered = self._same(entity, denial.entity) and (
                    subject is not None
                    and denial.subject is not None
                    and self.part_of(subject, denial.subject) is not None
                )
            if covered:
                return denial
        return None

    def _same(self, name: str, other: str) -> bool:
        """Whether two names are of one organisation or person."""
        index = self._index
        found = index.organisations.get(normalise_name(name)) or index.people.get(
            normalise_name(name)
        )
        twin = index.organisations.get(normalise_name(other)) or index.people.get(
            normalise_name(other)
        )
        if found is None or twin is None:
            return normalise_name(name) == normalise_name(other)
        return found is twin

    def _denial_problems(self, denial: Denial) -> Iterator[tuple[str, str]]:
        """Yield a problem for a denial that a recorded fact contradicts."""
        if denial.relation is Relation.MODEL:
            from aiecosys._models import Openness

            allowed = [openness.value for openness in Openness]
            if denial.subject is not None and denial.subject not in allowed:
                yield (
                    "subject",
                    _(
                        "a model denial's subject is an openness ({allowed}), or "
                        "none for no model at all, not {subject!r}"
                    ).format(allowed=", ".join(allowed), subject=denial.subject),
                )
                return
        elif denial.subject is None:
            yield (
                "subject",
                _("a denial of {relation} needs a subject").format(
                    relation=denial.relation.value
                ),
            )
            return
        if denial.relation is Relation.MEMBER:
            group = self._index.organisations.get(normalise_name(denial.entity))
            if group is not None and group.kind is not OrganisationKind.GROUP:
                yield (
                    "entity",
                    _(
                        "{name} is a {kind}, not a group with members; a member "
                        "denial names a group"
                    ).format(name=group.name, kind=group.kind.value),
                )
                return
        try:
            contradiction = next(self._contradictions(denial), None)
        except UnknownEntityError:
            return  # reported as an unknown name
        if contradiction is not None:
            yield (
                "entity",
                _(
                    "{fact} contradicts the denial that {denial}; remove the "
                    "denial or the fact"
                ).format(fact=contradiction, denial=denial),
            )

    def _contradictions(self, denial: Denial) -> Iterator[str]:
        """Describe each recorded fact that certainly contradicts *denial*.

        A fact contradicts it when one of its dates lies within the denial's
        period, or when it has no date (a group's members).
        """
        start, end = denial.period.start, denial.period.end
        for dates, fact in self._facts_denied(denial):
            if not dates or any(
                date is not None
                and (start is None or start.first <= date.first)
                and (end is None or date.last <= end.last)
                for date in dates
            ):
                yield fact

    def _facts_denied(
        self, denial: Denial
    ) -> Iterator[tuple[tuple[PartialDate | None, ...], str]]:
        """Yield (dates, fact) for each recorded fact of the kind *denial* denies."""

        def under(name: str) -> bool:
            return self.part_of(name, denial.subject or "") is not None

        if denial.relation is Relation.INVESTOR:
            for found in self.rounds_of(denial.entity):
                for investor in filter(under, found.investors):
                    yield (
                        (found.announced,),
                        _("{investor} invested in {organisation}").format(
                            investor=investor, organisation=found.organisation
                        ),
                    )
        elif denial.relation is Relation.MEMBER:
            for member in filter(under, self.organisation(denial.entity).members):
                yield (
                    (),
                    _("{member} is a member of {group}").format(
                        member=member, group=denial.entity
                    ),
                )
        elif denial.relation is Relation.ROLE:
            for role in self.person(denial.entity).roles:
                if under(role.organisation):
                    yield (
                        (role.start, role.end),
                        _("the role of {title} at {organisation}").format(
                            title=text(role.title), organisation=role.organisation
                        ),
                    )
        else:
            yield from self._models_denied(denial)

    def _models_denied(
        self, denial: Denial
    ) -> Iterator[tuple[tuple[PartialDate | None, ...], str]]:
        parts = {normalise_name(n) for o in self.parts(denial.entity) for n in o.names}
        for model in self.models:
            openness = None if model.openness is None else model.openness.value
            if any(normalise_name(d) in parts for d in model.developers) and (
                denial.subject in {None, openness}
            ):
                yield (model.released,), _("the model {name}").format(name=model.name)

    @property
    def sources(self) -> tuple[Source, ...]:
        """Every source cited anywhere, sorted by key.

        Examples:
            >>> from aiecosys import Ecosystem
            >>> Ecosystem().sources
            ()
        """
        found: dict[Source, None] = {}
        for _collection, _position, entity in self._entries():
            for source in _cited(entity):
                found.setdefault(source)
        return tuple(sorted(found, key=lambda source: source.key))

    # -- totals -----------------------------------------------------------------

    def total_raised(
        self,
        organisation: Organisation | str,
        currency: str = "EUR",
        *,
        on: dt.date | None = None,
        until: dt.date | PartialDate | None = None,
        kinds: Iterable[RoundKind | str] | None = None,
    ) -> RaisedTotal:
        """Add up what an organisation raised in one currency, keeping every conversion.

        The policy is explicit: with ``on=None`` each amount is converted at
        the rate of its own round's date (the first day of a month or year when
        that is all that is known); with ``on=date`` every amount is converted
        at that one date. An undisclosed amount counts as at least zero, so the
        total becomes a lower bound (``at least ...``), never a silent zero.

        Args:
            organisation: The organisation, or its name or alias.
            currency: The currency of the total.
            on: The as-of date to convert every amount at, or None to convert
                each at its own date.
            until: Count only rounds announced by this date; a round whose
                partial date straddles it counts as between zero and its amount.
            kinds: Count only these kinds of round (all if None).

        Returns:
            The total, the policy, and each round's converted amount.

        Examples:
            >>> from aiecosys import (
            ...     Ecosystem,
            ...     Estimate,
            ...     FundingRound,
            ...     Money,
            ...     Organisation,
            ...     PartialDate,
            ...     Source,
            ... )
            >>> s = (Source("s", title="A source"),)
            >>> eco = Ecosystem(
            ...     organisations=(Organisation("Mistral AI", "company", sources=s),),
            ...     rounds=(
            ...         FundingRound(
            ...             "Mistral AI",
            ...             PartialDate(2023, 6),
            ...             "seed",
            ...             amount=Estimate.exact(Money(105_000_000, "EUR")),
            ...             sources=s,
            ...         ),
            ...         FundingRound(
            ...             "Mistral AI",
            ...             PartialDate(2023, 12),
            ...             "series-a",
            ...             amount=Estimate.exact(Money(385_000_000, "EUR")),
            ...             sources=s,
            ...         ),
            ...         FundingRound(
            ...             "Mistral AI", PartialDate(2024, 2), "strategic", sources=s
            ...         ),
            ...     ),
            ... )
            >>> print(eco.total_raised("Mistral AI", until=PartialDate(2023, 12)).total)
            490,000,000 EUR (disclosed)
            >>> print(eco.total_raised("Mistral AI").total)
            at least 490,000,000 EUR (undisclosed)
        """
        name = self._organisation_name(organisation)
        policy = (
            ConversionPolicy.AT_EACH_DATE
            if on is None
            else ConversionPolicy.AT_ONE_DATE
        )
        wanted = None if kinds is None else {RoundKind(kind) for kind in kinds}
        limit = _last_day(until)
        zero = Money(0, currency)
        items = []
        for found in self.rounds_of(name):
            if wanted is not None and found.kind not in wanted:
                continue
            if limit is not None and found.announced.first > limit:
                continue
            items.append(self._raised(found, currency, on, zero, limit))
        if items:
            total: Estimate[Money] = sum(
                (item.amount for item in items), start=_nothing(zero)
            )
        else:
            total = Estimate(
                zero,
                None,
                None,
                Status.UNDISCLOSED,
                note="no funding round is recorded",
            )
        return RaisedTotal(name, currency, policy, on, limit, total, tuple(items))

    @staticmethod
    def _raised(
        found: FundingRound,
        currency: str,
        on: dt.date | None,
        zero: Money,
        limit: dt.date | None,
    ) -> RaisedAmount:
        amount = found.amount
        when = None
        conversions: list[Conversion] = []
        bounds = [b for b in (amount.low, amount.high, amount.best) if b is not None]
        if any(bound.currency != currency for bound in bounds):
            when = found.announced.first if on is None else on

            def convert(money: Money) -> Money:
                converted = money.to(currency, on=when)
                if (
                    converted.conversion is not None
                    and converted.conversion not in conversions
                ):
                    conversions.append(converted.conversion)
                return converted

            amount = amount.map(convert)
        certain = limit is None or found.announced.last <= limit
        low = amount.low if amount.low is not None and certain else zero
        counted = Estimate(
            low,
            amount.high,
            amount.best if certain else None,
            amount.status,
            amount.sources,
        )
        return RaisedAmount(found, counted, when, tuple(conversions), certain)

    # -- tables -----------------------------------------------------------------

    def to_pandas(
        self, table: str, *, currency: str | None = None, on: dt.date | None = None
    ) -> Any:
        """Return one collection as a pandas table: one row per entity.

        Estimates become ``_low``, ``_high``, ``_best`` and ``_status`` columns;
        partial dates a text column with ``_first`` and ``_last`` days; money an
        amount (exact ``Decimal``, object dtype) and a ``_currency`` column.
        With ``currency=``, round amounts are converted, each at its round's
        date or all ``on=`` one date, and the rate, its date and its source
        get their own columns. Needs pandas (``pip install 'aiecosys[pandas]'``).

        Args:
            table: ``"models"``, ``"rounds"`` or ``"organisations"``.
            currency: Convert round amounts into this currency.
            on: Convert them all at this date's rate (needs ``currency``).

        Raises:
            ValueError: An unknown table, or ``on`` without ``currency``.
            RateUnavailableError: No rate for a conversion asked for.

        Examples:
            >>> import datetime
            >>> import aiecosys
            >>> eco = aiecosys.load_article().ecosystem
            >>> models = eco.to_pandas("models")
            >>> models.loc[models.name == "Yi-34B", "parameters_low"].item()
            Decimal('34000000000')
            >>> rounds = eco.to_pandas(
            ...     "rounds", currency="USD", on=datetime.date(2024, 1, 2)
            ... )
            >>> seed = rounds[rounds.kind == "seed"].iloc[0]
            >>> seed.organisation, seed.amount_best, seed.amount_original_currency
            ('Mistral AI', Decimal('115038000.0000'), 'EUR')
            >>> seed.rate, seed.rate_date
            (Decimal('1.0956'), datetime.date(2024, 1, 2))
        """
        from aiecosys._tables import to_pandas

        return to_pandas(self, table, currency=currency, on=on)

    # -- changed copies ---------------------------------------------------------

    def evolve(self, **changes: Any) -> Ecosystem:
        """Return a copy with some collections replaced, checked again.

        Examples:
            >>> from aiecosys import Ecosystem
            >>> Ecosystem().evolve(models=()) == Ecosystem()
            True
        """
        return attrs.evolve(self, **changes)

    def add(self, *entities: Entity) -> Ecosystem:
        """Return a copy with more entities, each added to its collection.

        Examples:
            >>> from aiecosys import Ecosystem, Organisation, Source
            >>> eco = Ecosystem().add(
            ...     Organisation(
            ...         "Kyutai",
            ...         "non-profit-lab",
            ...         sources=(Source("s", title="A source"),),
            ...     )
            ... )
            >>> len(eco.organisations)
            1
        """
        changes: dict[str, tuple[Entity, ...]] = {}
        for entity in entities:
            collection = _collection_of(entity)
            changes[collection] = (
                *changes.get(collection, getattr(self, collection)),
                entity,
            )
        return self.evolve(**changes)

    def replace(self, old: Entity, new: Entity) -> Ecosystem:
        """Return a copy with one entity replaced: "what if this fact were different".

        Raises:
            UnknownEntityError: *old* is not in the ecosystem.

        Examples:
            >>> import attrs
            >>> from aiecosys import Ecosystem, Organisation, Source
            >>> kyutai = Organisation(
            ...     "Kyutai", "non-profit-lab", sources=(Source("s", title="A source"),)
            ... )
            >>> eco = Ecosystem(organisations=(kyutai,))
            >>> eco.replace(kyutai, attrs.evolve(kyutai, country="FR")).organisation(
            ...     "Kyutai"
            ... ).country
            'FR'
        """
        collection = _collection_of(old)
        entities: tuple[Entity, ...] = getattr(self, collection)
        if old not in entities:
            _not_here(old)
        position = entities.index(old)
        changed = (*entities[:position], new, *entities[position + 1 :])
        if _collection_of(new) != collection:
            return self.evolve(
                **{collection: entities[:position] + entities[position + 1 :]}
            ).add(new)
        return self.evolve(**{collection: changed})

    def remove(self, *entities: Entity) -> Ecosystem:
        """Return a copy without some entities.

        Raises:
            UnknownEntityError: An entity is not in the ecosystem.

        Examples:
            >>> from aiecosys import Ecosystem, Organisation, Source
            >>> kyutai = Organisation(
            ...     "Kyutai", "non-profit-lab", sources=(Source("s", title="A source"),)
            ... )
            >>> Ecosystem(organisations=(kyutai,)).remove(kyutai).organisations
            ()
        """
        changes: dict[str, list[Entity]] = {}
        for entity in entities:
            collection = _collection_of(entity)
            kept = changes.setdefault(collection, list(getattr(self, collection)))
            if entity not in kept:
                _not_here(entity)
            kept.remove(entity)
        return self.evolve(**{name: tuple(kept) for name, kept in changes.items()})


def via(path: tuple[Organisation, ...]) -> str:
    """Say how an organisation counts for another it is part of: the path up.

    Examples:
        >>> from aiecosys import Organisation
        >>> from aiecosys._ecosystem import via
        >>> path = tuple(
        ...     Organisation(name, "company")
        ...     for name in ("Google DeepMind", "Google", "Alphabet")
        ... )
        >>> via(path)
        'via Google DeepMind, part of Google, part of Alphabet'
        >>> via(path[:1])
        ''
    """
    if len(path) < 2:  # noqa: PLR2004 - an organisation and one it is part of
        return ""
    # Translators: "via Google DeepMind" and then, for each step up, "part of Google".
    steps = [_("via {organisation}").format(organisation=path[0].name)]
    steps.extend(
        _("part of {organisation}").format(organisation=o.name) for o in path[1:]
    )
    return ", ".join(steps)


def _parent_cycles(
    organisations: Iterable[Organisation], known: dict[str, Organisation]
) -> dict[int, str]:
    """Return, for each organisation on a cycle of parents, the cycle from it.

    Each organisation is walked once: a walk up the parents stops at an
    organisation already walked, and reports a cycle if it is on this walk.
    """
    done: set[int] = set()
    cycles: dict[int, str] = {}
    for start in organisations:
        walk: list[Organisation] = []
        on_walk: dict[int, int] = {}
        current: Organisation | None = start
        while current is not None and id(current) not in done:
            if id(current) in on_walk:
                loop = walk[on_walk[id(current)] :]
                for at, member in enumerate(loop):
                    names = [o.name for o in loop[at:] + loop[: at + 1]]
                    cycles[id(member)] = " -> ".join(names)
                break
            on_walk[id(current)] = len(walk)
            walk.append(current)
            parent = current.parent
            current = None if parent is None else known.get(normalise_name(parent))
        done.update(on_walk)
    return cycles


def _collection_of(entity: object) -> str:
    for collection, kind in COLLECTIONS.items():
        if isinstance(entity, kind):
            return collection
    raise TypeError(
        _("an Ecosystem holds no {type}").format(type=type(entity).__name__)
    )


_ORGANISATION: Final = ("organisation",)

_UNKNOWN: Final[dict[tuple[str, ...], str]] = {
    ("organisation",): N_("unknown organisation {name!r}{hint}"),
    ("person",): N_("unknown person {name!r}{hint}"),
    ("person", "organisation"): N_("unknown person or organisation {name!r}{hint}"),
    ("organisation", "person"): N_("unknown organisation or person {name!r}{hint}"),
    ("model", "organisation", "person"): N_(
        "unknown model or organisation or person {name!r}{hint}"
    ),
}
"""An unknown name, by what the field may name, with a hint (or ``""``)."""
_NO_SUCH: Final = {
    "organisation": N_("no organisation is named {name!r}{hint}"),
    "person": N_("no person is named {name!r}{hint}"),
    "model": N_("no model is named {name!r}{hint}"),
    "law": N_("no law is named {name!r}{hint}"),
}
"""A look-up that found nothing, by what was looked up, with a hint."""


def _not_here(entity: object) -> NoReturn:
    raise UnknownEntityError(
        _("{entity!r} is not in this ecosystem").format(entity=entity)
    )


def _references(entity: Entity) -> Iterator[tuple[str, Iterable[str], tuple[str, ...]]]:
    """Yield (field, names, what they may name) for every reference an entity makes."""
    if isinstance(entity, Organisation):
        yield "founders", entity.founders, ("person", "organisation")
        yield "parent", [entity.parent] if entity.parent else [], _ORGANISATION
        yield "members", entity.members, _ORGANISATION
    elif isinstance(entity, Person):
        for number, role in enumerate(entity.roles):
            yield f"roles[{number}].organisation", [role.organisation], _ORGANISATION
    elif isinstance(entity, Denial):
        yield from _denial_references(entity)
    elif isinstance(entity, FundingRound | FundFact):
        yield "organisation", [entity.organisation], _ORGANISATION
        if isinstance(entity, FundingRound):
            yield "investors", entity.investors, ("organisation", "person")
    elif isinstance(entity, ModelSpec):
        yield "developers", entity.developers, _ORGANISATION
    elif isinstance(entity, Metric | Location):
        yield "of", [entity.of], _OF[type(entity)]


_OF: Final[dict[type, tuple[str, ...]]] = {
    Metric: ("model", "organisation", "person"),
    Location: ("person", "organisation"),
}
"""What the ``of`` of a metric and a location may name."""


def _denial_references(
    entity: Denial,
) -> Iterator[tuple[str, Iterable[str], tuple[str, ...]]]:
    of_person = entity.relation is Relation.ROLE
    yield "entity", [entity.entity], ("person",) if of_person else _ORGANISATION
    if entity.relation is not Relation.MODEL:
        subject = [entity.subject] if entity.subject else []
        investor = entity.relation is Relation.INVESTOR
        yield (
            "subject",
            subject,
            ("organisation", "person") if investor else _ORGANISATION,
        )


def _unsourced_scores(model: ModelSpec) -> Iterator[tuple[str, str]]:
    """Yield (field, message) for each benchmark score of *model* without a source."""
    for number, score in enumerate(model.benchmarks):
        if not score.sources:
            yield (
                f"benchmarks[{number}].sources",
                _("the {benchmark} score cites no source").format(
                    benchmark=score.benchmark
                ),
            )


def _last_day(until: dt.date | PartialDate | None) -> dt.date | None:
    if isinstance(until, PartialDate):
        return until.last
    return until


def _nothing(zero: Money) -> Estimate[Money]:
    return Estimate.exact(zero)


def _cited(entity: Entity) -> Iterator[Source]:
    yield from entity.sources
    if isinstance(entity, Organisation | Person | FundingRound):
        yield from entity.complete.sources
    nested, estimates = _parts(entity)
    for item in nested:
        yield from item.sources
    for estimate in estimates:
        if estimate is not None:
            yield from estimate.sources


def _parts(entity: Entity) -> tuple[Iterable[Any], list[Estimate[Any] | None]]:
    """The parts of an entity that cite sources of their own, and its estimates."""
    if isinstance(entity, Organisation):
        return (*entity.offices, *entity.events), []
    if isinstance(entity, Person):
        return entity.roles, []
    if isinstance(entity, FundingRound):
        return (), [entity.amount, entity.valuation]
    if isinstance(entity, FundFact):
        return (), [entity.assets_under_management, entity.portfolio_size]
    if isinstance(entity, Metric):
        return (), [entity.value]
    if isinstance(entity, ModelSpec):
        return (*entity.benchmarks, *entity.events), [
            entity.parameters,
            entity.active_parameters,
            entity.training_tokens,
            entity.training_compute,
        ]
    return (), []
