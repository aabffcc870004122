"""Dated events of organisations and models, and the readings of the words for them.

An organisation is announced, incorporated, starts operating, is launched,
opens and closes offices, is dissolved; a model is announced, released, and
its weights are released. Each [Event][aiecosys.Event] is dated and sourced.

Texts rarely name the event: they say a company was "launched" or "founded".
Such a word has several readings, one natural and others possible, which
[readings][aiecosys.readings] gives, in English and in French; the date check
evaluates each and lets the natural one decide.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final, Literal, NoReturn

import attrs

from aiecosys import _validators as validators
from aiecosys._amounts import normalise_text, strip_accents
from aiecosys._choices import Choice
from aiecosys._dates import PartialDate, Period, readable_period
from aiecosys._errors import DataError, ParseError, Problem
from aiecosys._i18n import N_
from aiecosys._i18n import gettext as _
from aiecosys._source import Source, check_sources


if TYPE_CHECKING:
    from aiecosys._entities import Organisation
    from aiecosys._models import ModelSpec


__all__ = [
    "A_SUBJECT",
    "MAX_WORD_LENGTH",
    "WORDS",
    "Event",
    "EventKind",
    "Readings",
    "Subject",
    "check_events",
    "events_of",
    "readings",
    "recordable",
]

MAX_WORD_LENGTH: Final = 40
"""The longest word, in characters, looked up in the table of readings."""

Subject = Literal["organisation", "model"]
"""What an event happens to: an organisation or a model."""


class EventKind(Choice):
    """What happened: an organisation's or a model's dated event.

    Examples:
        >>> from aiecosys import EventKind
        >>> EventKind("operations-started").label
        'operations started'
        >>> sorted(EventKind.RELEASED.subjects)
        ['model']
    """

    ANNOUNCED = "announced"
    """Made public: a project, a company or a model announced."""
    INCORPORATED = "incorporated"
    """Legally created: an organisation registered or incorporated."""
    OPERATIONS_STARTED = "operations-started"
    """An organisation started working: its team in place, its operations begun."""
    LAUNCHED = "launched"
    """An organisation officially launched or unveiled to the public."""
    OFFICE_OPENED = "office-opened"
    """An office opened (recorded in the organisation's offices)."""
    OFFICE_CLOSED = "office-closed"
    """An office closed (recorded in the organisation's offices)."""
    DISSOLVED = "dissolved"
    """An organisation ceased to exist."""
    RELEASED = "released"
    """A model made available to use."""
    WEIGHTS_RELEASED = "weights-released"
    """A model's weights published for download."""

    @property
    def label(self) -> str:
        """How explanations name the event (``"launched or unveiled"``)."""
        return _(_LABELS[self])

    @property
    def subjects(self) -> frozenset[Subject]:
        """What the event can happen to: organisations, models or both."""
        if self in {EventKind.RELEASED, EventKind.WEIGHTS_RELEASED}:
            return frozenset({"model"})
        if self is EventKind.ANNOUNCED:
            return frozenset({"organisation", "model"})
        return frozenset({"organisation"})


_LABELS: Final = {
    # Translators: an event, as explanations name it: "read as announced".
    EventKind.ANNOUNCED: N_("announced"),
    EventKind.INCORPORATED: N_("incorporated"),
    EventKind.OPERATIONS_STARTED: N_("operations started"),
    EventKind.LAUNCHED: N_("launched or unveiled"),
    EventKind.OFFICE_OPENED: N_("an office opened"),
    EventKind.OFFICE_CLOSED: N_("an office closed"),
    EventKind.DISSOLVED: N_("dissolved"),
    EventKind.RELEASED: N_("released"),
    EventKind.WEIGHTS_RELEASED: N_("weights released"),
}
_FROM_OFFICES: Final = frozenset({EventKind.OFFICE_OPENED, EventKind.OFFICE_CLOSED})


def _check_date(
    _instance: Event, attribute: attrs.Attribute[Any], value: object
) -> None:
    if not isinstance(value, PartialDate | Period):
        validators.fail(
            attribute,
            _("must be a PartialDate or a Period, not {type}").format(
                type=type(value).__name__
            ),
        )
    if isinstance(value, Period) and value.start is None and value.end is None:
        validators.fail(
            attribute,
            _(
                "a period with neither start nor end dates nothing: give its start, "
                "its end or both, such as '2023-04 to 2023-05'"
            ),
        )


@attrs.frozen
class Event:
    """A dated, sourced event of an organisation or a model.

    The date is a [PartialDate][aiecosys.PartialDate] ("June 2023") or, when
    sources disagree or only bound it, a [Period][aiecosys.Period]
    ("2023-04 to 2023-05").

    Examples:
        >>> from aiecosys import Event, PartialDate, Period, Source
        >>> started = Event(
        ...     "operations-started",
        ...     PartialDate(2023, 6),
        ...     sources=(Source("bloomberg", title="AI Pioneer Kai-Fu Lee..."),),
        ... )
        >>> print(started)
        operations started: 2023-06
        >>> print(Event("incorporated", Period.parse("2023-04 to 2023-05")))
        incorporated: 2023-04 to 2023-05
    """

    kind: EventKind = attrs.field(
        converter=EventKind, validator=attrs.validators.instance_of(EventKind)
    )
    """What happened (a string such as ``"operations-started"`` is accepted)."""
    date: PartialDate | Period = attrs.field(validator=_check_date)
    """When: a date to the precision known, or the period it lies in."""
    sources: tuple[Source, ...] = attrs.field(
        default=(), kw_only=True, validator=check_sources
    )
    """Where the event is reported; when none is given, the entity's sources
    stand for the event's."""
    note: str | None = attrs.field(
        default=None, kw_only=True, validator=validators.optional_text
    )
    """A remark for readers (how sources differ, what exactly happened)."""

    def __str__(self) -> str:
        # Translators: an event and its date: "announced: 2023-11-17".
        return _("{event}: {date}").format(
            event=self.kind.label, date=readable_period(self.date)
        )


A_SUBJECT: Final[Mapping[Subject, str]] = {
    # Translators: what an event happens to: "an event of an organisation".
    "organisation": N_("an organisation"),
    "model": N_("a model"),
}
"""What an event happens to, in words (translate them where used)."""


def _fail(field: str, message: str) -> NoReturn:
    raise DataError([Problem(message, field=field)])


def recordable(subject: Subject) -> tuple[str, ...]:
    """The kinds of event an entity records in its events, as files write them.

    Examples:
        >>> from aiecosys._events import recordable
        >>> recordable("model")
        ('announced', 'released', 'weights-released')
    """
    return tuple(
        kind.value
        for kind in EventKind
        if subject in kind.subjects and kind not in _FROM_OFFICES
    )


def check_events(subject: Subject) -> validators.Validator:
    """Return the validator of an entity's events: each kind fits and is given once.

    Offices' openings and closings are refused here: they are recorded in an
    organisation's offices, with their location.
    """
    events = validators.instances(Event)

    def check(_instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        events(_instance, attribute, value)
        seen: set[EventKind] = set()
        for number, event in enumerate(value):
            field = f"{attribute.name}[{number}].kind"
            if event.kind in _FROM_OFFICES:
                _fail(
                    field,
                    _(
                        "record {event} in offices, with its location and its opened "
                        "or closed date, not as an event"
                    ).format(event=event.kind.label),
                )
            if subject not in event.kind.subjects:
                _fail(
                    field,
                    _("{kind} is not an event of {subject}; record {kinds}").format(
                        kind=repr(event.kind.value),
                        subject=_(A_SUBJECT[subject]),
                        kinds=", ".join(recordable(subject)),
                    ),
                )
            if event.kind in seen:
                _fail(
                    field,
                    _(
                        "gives the {kind} event twice: record it once, with every "
                        "source, and a period if sources disagree"
                    ).format(kind=event.kind.value),
                )
            seen.add(event.kind)

    return check


def events_of(entity: Organisation | ModelSpec, kind: EventKind) -> tuple[Event, ...]:
    """Return the recorded events of one kind of an organisation or a model.

    When no such event is recorded, the older single dates stand in: an
    organisation's ``founded`` is its announced event, a model's ``released``
    its released event, each with the entity's sources; an organisation's
    offices give its office-opened and office-closed events, one per office.

    Examples:
        >>> from aiecosys import EventKind, Organisation, PartialDate, events_of
        >>> kyutai = Organisation(
        ...     "Kyutai", "non-profit-lab", founded=PartialDate(2023, 11, 17)
        ... )
        >>> [str(event) for event in events_of(kyutai, EventKind.ANNOUNCED)]
        ['announced: 2023-11-17']
        >>> events_of(kyutai, EventKind.INCORPORATED)
        ()
    """
    from aiecosys._entities import Organisation

    recorded = tuple(event for event in entity.events if event.kind is kind)
    if recorded:
        return recorded
    if isinstance(entity, Organisation):
        return tuple(_organisation_fallback(entity, kind))
    if kind is EventKind.RELEASED and entity.released is not None:
        return (Event(kind, entity.released, sources=entity.sources),)
    return ()


def _organisation_fallback(
    organisation: Organisation, kind: EventKind
) -> Iterator[Event]:
    if kind is EventKind.ANNOUNCED and organisation.founded is not None:
        yield Event(kind, organisation.founded, sources=organisation.sources)
    if kind not in _FROM_OFFICES:
        return
    for office in organisation.offices:
        date = office.opened if kind is EventKind.OFFICE_OPENED else office.closed
        if date is not None:
            sources = tuple(dict.fromkeys((*organisation.sources, *office.sources)))
            yield Event(kind, date, sources=sources, note=office.location)


@attrs.frozen
class Readings:
    """The readings of a word for an event: the natural one, then the others.

    Examples:
        >>> from aiecosys import readings
        >>> launched = readings("launched", "organisation")
        >>> launched.natural
        <EventKind.OPERATIONS_STARTED: 'operations-started'>
        >>> [kind.value for kind in launched.others]
        ['launched', 'announced', 'incorporated']
    """

    word: str
    """The word, as written (``"lancé"``)."""
    lang: str
    """Its language (``"en"``, ``"fr"``)."""
    subject: Subject
    """What it is said of: an organisation or a model."""
    natural: EventKind
    """The natural reading, which decides a claim's verdict."""
    others: tuple[EventKind, ...] = ()
    """Other possible readings, evaluated and shown, never deciding."""

    @property
    def all(self) -> tuple[EventKind, ...]:
        """The natural reading followed by the others."""
        return (self.natural, *self.others)


_O: Final = EventKind
_LAUNCHED_ORGANISATION: Final = (
    _O.OPERATIONS_STARTED,
    _O.LAUNCHED,
    _O.ANNOUNCED,
    _O.INCORPORATED,
)
_FOUNDED: Final = (_O.INCORPORATED, _O.ANNOUNCED, _O.OPERATIONS_STARTED)
_RELEASED: Final = (_O.RELEASED, _O.WEIGHTS_RELEASED, _O.ANNOUNCED)
_TABLE: Final[tuple[tuple[Subject, tuple[EventKind, ...], str, str], ...]] = (
    # subject, readings (the natural one first), English words, French words
    (
        "organisation",
        _LAUNCHED_ORGANISATION,
        "launched launch",
        "lancé lancée lance lancer lancement",
    ),
    (
        "organisation",
        _FOUNDED,
        "founded created established",
        "fondé fondée fonde fonder fondation créé créée crée créer création",
    ),
    ("organisation", (_O.ANNOUNCED,), "announced", "annoncé annoncée annonce"),
    (
        "organisation",
        (_O.LAUNCHED, _O.ANNOUNCED),
        "unveiled",
        "dévoilé dévoilée présenté présentée",
    ),
    ("organisation", (_O.DISSOLVED,), "dissolved", "dissous dissoute"),
    (
        "model",
        _RELEASED,
        "launched released",
        "lancé lancée lance lancement sorti sortie publié publiée",
    ),
    ("model", (_O.ANNOUNCED,), "announced", "annoncé annoncée"),
    (
        "model",
        (_O.ANNOUNCED, _O.RELEASED),
        "unveiled",
        "dévoilé dévoilée présenté présentée",
    ),
    ("model", (_O.WEIGHTS_RELEASED, _O.RELEASED), "open-sourced", ""),
)


def _folded(word: str) -> str:
    return strip_accents(normalise_text(word)).casefold()


def _words() -> dict[tuple[Subject, str, str], Readings]:
    """The table by word; of the forms that fold alike, the first written is kept."""
    table: dict[tuple[Subject, str, str], Readings] = {}
    for subject, kinds, english, french in _TABLE:
        for lang, words in (("en", english), ("fr", french)):
            for word in words.split():
                table.setdefault(
                    (subject, lang, _folded(word)),
                    Readings(word, lang, subject, kinds[0], kinds[1:]),
                )
    return table


WORDS: Final[Mapping[tuple[Subject, str, str], Readings]] = _words()
"""The readings of each word, by (subject, language, word without case or accents)."""


def readings(word: str, subject: Subject, lang: str | None = None) -> Readings:
    """Return the readings of a word said of an organisation or a model.

    The word is looked up without case or accents, in *lang* (``"fr"``,
    ``"en"``, or a tag such as ``"fr-FR"``), or in every language when None.

    Raises:
        ParseError: The word has no readings (in ``WORDS``) for this subject
            and language; the message lists the words that are.

    Examples:
        >>> from aiecosys import readings
        >>> found = readings("Lancé", "organisation", "fr")
        >>> found.natural.label, [kind.label for kind in found.others]
        ('operations started', ['launched or unveiled', 'announced', 'incorporated'])
        >>> readings("launched", "model").natural
        <EventKind.RELEASED: 'released'>
        >>> readings("baptised", "model")
        Traceback (most recent call last):
        ...
        aiecosys.ParseError: no readings of 'baptised' said of a model; ...
    """
    if not isinstance(word, str):
        raise TypeError(
            _("expected a word as text, not {type}").format(type=type(word).__name__)
        )
    if subject not in A_SUBJECT:
        raise ParseError(
            _(
                "cannot read words said of {subject}: say of what, 'organisation' "
                "or 'model'"
            ).format(subject=repr(subject))
        )
    if len(word) > MAX_WORD_LENGTH:
        raise ParseError(
            _(
                "{start}... is {length} characters long, and a word with readings "
                "has at most {most}: give the one word the text uses, such as "
                "'launched'"
            ).format(
                start=repr(word[:40]), length=f"{len(word):,}", most=MAX_WORD_LENGTH
            )
        )
    folded = _folded(word)
    language = None if lang is None else lang.split("-")[0].split("_")[0].casefold()
    found = {
        value.all: value
        for (table_subject, table_lang, table_word), value in WORDS.items()
        if table_subject == subject
        and table_word == folded
        and language in {None, table_lang}
    }
    if len(found) == 1:
        return attrs.evolve(next(iter(found.values())), word=word)
    if found:
        languages = ", ".join(sorted(value.lang for value in found.values()))
        raise ParseError(
            _(
                "{word} has different readings in {languages}: give the language (lang)"
            ).format(word=repr(word), languages=languages)
        )
    known = sorted(
        {
            value.word
            for (table_subject, table_lang, _word), value in WORDS.items()
            if table_subject == subject and language in {None, table_lang}
        }
    )
    fields = {
        "word": repr(word),
        "subject": _(A_SUBJECT[subject]),
        "language": repr(language),
        "known": ", ".join(known),
        "kinds": ", ".join(
            kind.value for kind in EventKind if subject in kind.subjects
        ),
    }
    raise ParseError(
        (
            _(
                "no readings of {word} said of {subject}; the words with readings are "
                "{known}; or name the event itself ({kinds})"
            )
            if language is None
            else _(
                "no readings of {word} said of {subject} in {language}; the words "
                "with readings are {known}; or name the event itself ({kinds})"
            )
        ).format(**fields)
    )
