"""Source quality: the facts of a knowledge base that rest only on weak sources."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from aiecosys._ecosystem import COLLECTIONS, Ecosystem, Entity, entry_label
from aiecosys._errors import Problem
from aiecosys._i18n import gettext as _
from aiecosys._source import Source, strongest_first


__all__ = ["WeakFact", "weak_facts"]


def _weak_only(sources: tuple[Source, ...]) -> bool:
    return bool(sources) and all(
        source.kind is not None and source.kind.weak for source in sources
    )


@attrs.frozen
class WeakFact:
    """A fact that rests only on reference works or aggregators.

    Examples:
        >>> from aiecosys import Source, WeakFact
        >>> fact = WeakFact(
        ...     "people[0]: Kai-Fu Lee",
        ...     "sources",
        ...     (
        ...         Source(
        ...             "kiddle", title="Kai-Fu Lee facts for kids", kind="reference"
        ...         ),
        ...     ),
        ... )
        >>> print(fact)  # doctest: +NORMALIZE_WHITESPACE
        entry 'people[0]: Kai-Fu Lee', field 'sources': rests only on reference
        or aggregator sources (kiddle: reference); cite a primary or news
        source for it
    """

    entry: str
    """The entry holding the fact, as problems name it (``"people[0]: Kai-Fu Lee"``)."""
    field: str
    """The field: ``sources`` for the entry's own sources, or the value
    (``parameters``) or item (``roles[1]``) that cites sources of its own."""
    sources: tuple[Source, ...] = attrs.field(converter=strongest_first)
    """The sources the fact rests on, strongest first, each once."""

    @property
    def message(self) -> str:
        """What is wrong, and how to fix it."""
        # Translators: a source's key, then its kind (reference, aggregator).
        kind_of = _("{key}: {kind}")
        kinds = ", ".join(
            kind_of.format(key=source.key, kind=source.kind.value)
            for source in self.sources
            if source.kind is not None
        )
        return _(
            "rests only on reference or aggregator sources ({kinds}); cite a "
            "primary or news source for it"
        ).format(kinds=kinds)

    def problem(self, file: str | None = None) -> Problem:
        """The warning as a [Problem][aiecosys.Problem], naming *file* if given."""
        return Problem(self.message, file=file, entry=self.entry, field=self.field)

    def __str__(self) -> str:
        return str(self.problem())


def _facts(entity: Entity) -> Iterator[tuple[str, tuple[Source, ...]]]:
    """Yield (field, sources) for each fact of *entity* that has sources.

    The entity's own sources back all of its fields; a value (an estimate)
    or an item (a role, an office, a benchmark score) citing sources the
    entity does not rests on those and the entity's together.
    """
    own: tuple[Source, ...] = entity.sources
    yield "sources", own
    keys = {source.key for source in own}
    for field in attrs.fields(type(entity)):
        value = getattr(entity, field.name)
        items = value if isinstance(value, tuple) else (value,)
        for number, item in enumerate(items):
            cited: tuple[Source, ...] = getattr(item, "sources", ())
            if field.name == "sources" or {s.key for s in cited} <= keys:
                continue  # it rests on the entity's own sources, yielded above
            name = field.name if item is value else f"{field.name}[{number}]"
            yield name, (*cited, *own)


def weak_facts(eco: Ecosystem) -> tuple[WeakFact, ...]:
    """Every fact of *eco* that rests only on reference works or aggregators.

    A fact is weak when every source it rests on is known to be a reference
    work (an encyclopedia, a wiki) or an aggregator (a scraper, a mirror, a
    content farm). A source whose [kind][aiecosys.Source.kind] is not stated
    is not counted as weak, and one such source makes the fact not weak:
    give every source its kind for the list to be complete. Weak facts are
    warnings, not errors: the knowledge base is valid, and the facts are
    used, but a primary or news source should be found for each.

    Examples:
        >>> from aiecosys import Ecosystem, Person, Source, weak_facts
        >>> wiki = Source("wiki", title="A wiki page", kind="reference")
        >>> eco = Ecosystem(people=(Person("Kai-Fu Lee", sources=(wiki,)),))
        >>> [(fact.entry, fact.field) for fact in weak_facts(eco)]
        [('people[0]: Kai-Fu Lee', 'sources')]
        >>> paper = Source("paper", title="A paper", kind="primary")
        >>> weak_facts(Ecosystem(people=(Person("Kai-Fu Lee", sources=(wiki, paper)),)))
        ()
    """
    found = []
    for collection in COLLECTIONS:
        for position, entity in enumerate(getattr(eco, collection)):
            for field, sources in _facts(entity):
                if _weak_only(sources):
                    label = entry_label(collection, position, entity)
                    found.append(WeakFact(label, field, sources))
    return tuple(found)
