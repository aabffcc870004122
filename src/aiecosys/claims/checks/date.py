"""The date check: an event happened within a stated period.

The event is a dated field ([Measure][aiecosys.Measure]: a founding, a
release, a round's announcement), or an event of an organisation or a model
([EventOf][aiecosys.EventOf]): one named event ("operations-started"), or a
word with several readings ("launched", "lancé"). For a word each reading is
evaluated; the natural reading decides, and the explanation shows each.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any, ClassVar

import attrs

from aiecosys import _validators as validators
from aiecosys._dates import PartialDate, Period, readable_period
from aiecosys._ecosystem import Ecosystem
from aiecosys._entities import Organisation
from aiecosys._errors import UnknownEntityError
from aiecosys._events import (
    A_SUBJECT,
    Event,
    EventKind,
    Readings,
    Subject,
    events_of,
    readings,
)
from aiecosys._i18n import gettext as _
from aiecosys._i18n import text as file_text
from aiecosys._models import ModelSpec
from aiecosys.claims._context import (
    Context,
    Found,
    Missing,
    Outcome,
    date_estimate,
    or_list,
    private_decimals,
    read,
    semicolon_list,
    when_text,
    within_period,
)
from aiecosys.claims._fields import structures
from aiecosys.claims._measure import Measure
from aiecosys.claims._registry import register
from aiecosys.claims._relative import DateLike, Published, date_text, resolve_date, span
from aiecosys.claims._validation import (
    validate_measure,
    validate_when,
)
from aiecosys.claims._verdict import Evidence, Verdict


__all__ = ["DateCheck", "EventOf"]


def _check_word(
    instance: EventOf, attribute: attrs.Attribute[Any], value: str | None
) -> None:
    validators.optional_text(instance, attribute, value)
    if (value is None) == (instance.event is None):
        validators.fail(
            attribute,
            _(
                "name the event (event = 'operations-started') or give a word with "
                "several readings (word = 'launched'), one of the two"
            ),
        )


def _check_lang(
    instance: EventOf, attribute: attrs.Attribute[Any], value: str | None
) -> None:
    validators.language(instance, attribute, value)
    if value is not None and instance.word is None:
        validators.fail(attribute, _("only a word has a language: leave lang out"))


@attrs.frozen
class EventOf:
    """An event of an organisation or a model: named, or read from a word.

    In a claims file: ``event = { of = "01.AI", event = "operations-started" }``,
    or ``event = { of = "01.AI", word = "lancé", lang = "fr" }``. A word is
    evaluated in each of its [readings][aiecosys.readings], and the natural one
    decides (see the [date check][aiecosys.DateCheck]).

    Examples:
        >>> from aiecosys import EventOf
        >>> EventOf("01.AI", "operations-started").event
        <EventKind.OPERATIONS_STARTED: 'operations-started'>
        >>> EventOf("01.AI", word="lancé", lang="fr").readings("organisation").natural
        <EventKind.OPERATIONS_STARTED: 'operations-started'>
        >>> EventOf("01.AI")
        Traceback (most recent call last):
        ...
        aiecosys.DataError: word: name the event (event = 'operations-started') ...
    """

    written_as_table: ClassVar[bool] = True
    """Written back to a claims file as a table within the check."""
    of: str = attrs.field(validator=validators.text)
    """The name of the organisation or the model."""
    event: EventKind | None = attrs.field(
        default=None, converter=attrs.converters.optional(EventKind)
    )
    """The event, when the claim names it (``"operations-started"``)."""
    word: str | None = attrs.field(default=None, kw_only=True, validator=_check_word)
    """A word with several readings (``"launched"``, ``"lancé"``), instead."""
    lang: str | None = attrs.field(default=None, kw_only=True, validator=_check_lang)
    """The word's language (``"en"``, ``"fr"``); left out, every language."""

    def readings(self, subject: Subject) -> Readings:
        """The readings evaluated: the word's, or the named event alone.

        Raises:
            ParseError: The word has no readings for this subject.
        """
        if self.event is not None:
            return Readings(self.event.value, "", subject, self.event)
        return readings(str(self.word), subject, self.lang)


@attrs.frozen
class DateCheck:
    """An event happened within a stated period: a year, a month, "last June".

    The event is a dated field ([Measure][aiecosys.Measure]) or an
    [EventOf][aiecosys.EventOf]. For a word with several readings, each
    reading is evaluated: the natural reading's verdict is the claim's; a
    reading whose event is not recorded is NOT_ENOUGH_INFO, never REFUTED;
    and the explanation shows what each reading gives.

    Examples:
        >>> from aiecosys import DateCheck, EventOf, Measure, PartialDate
        >>> DateCheck(Measure("Sinovation Ventures", "founded"), PartialDate(2009)).kind
        'date'
        >>> launched = DateCheck(
        ...     EventOf("01.AI", word="launched"), PartialDate(2023, 6)
        ... )
        >>> launched.event.word
        'launched'
    """

    kind: ClassVar[str] = "date"
    event: Measure | EventOf
    """The date read: a field (a founding, a release, a round's announcement...)
    or an event of an organisation or a model, named or read from a word."""
    within: DateLike
    """When the claim says it happened."""

    @private_decimals
    def evaluate(self, context: Context) -> Outcome:
        """Evaluate the check (see [check][aiecosys.check])."""
        if isinstance(self.event, EventOf):
            return _evaluate_event(self.event, self.within, context)
        return dated(read(self.event, context), self.within, context)


def dated(found: Found, within: DateLike, context: Context) -> Outcome:
    """Whether the date read, *found*, falls within a stated period, and why."""
    period = resolve_date(within, context.published)
    stated = date_text(within, period)
    event = found.estimate
    verdict = within_period(event.low, event.high, *span(period))
    if event.is_unknown:
        template = _(
            "{label} is not recorded, so whether it falls within {stated} is unknown."
        )
    elif verdict is Verdict.SUPPORTED:
        template = _("{label} is {date}, within {stated}.")
    elif verdict is Verdict.REFUTED:
        template = _("{label} is {date}, outside {stated}.")
    else:
        template = _("{label} is {date}, which may or may not fall within {stated}.")
    said = template.format(label=found.label, date=found.text, stated=stated)
    return Outcome(verdict, said, (found.evidence(),))


def subject_of(eco: Ecosystem, name: str) -> tuple[Organisation | ModelSpec, Subject]:
    """Return the model or the organisation named, and which of the two it is.

    Raises:
        UnknownEntityError: Neither a model nor an organisation has that name.
        Missing: Both do (the check should name the other way).
    """
    found: list[Organisation | ModelSpec] = []
    for look_up in (eco.model, eco.organisation):
        with contextlib.suppress(UnknownEntityError):
            found.append(look_up(name))
    if not found:
        raise UnknownEntityError(
            _("no model or organisation is named {name}").format(name=repr(name))
        )
    if len(found) > 1:
        raise Missing(
            _(
                "{name} names both the model {model} and the organisation "
                "{organisation}; use the one name that is not shared"
            ).format(name=repr(name), model=found[0].name, organisation=found[1].name),
            ambiguous=True,
        )
    entity = found[0]
    return entity, "model" if isinstance(entity, ModelSpec) else "organisation"


@attrs.frozen
class _Reading:
    kind: EventKind
    event: Event | None
    verdict: Verdict

    @property
    def text(self) -> str:
        if self.event is None:
            return _("read as {event}: not recorded ({verdict})").format(
                event=self.kind.label, verdict=self.verdict.label
            )
        return _("read as {event} ({date}): {verdict}").format(
            event=self.kind.label,
            date=readable_period(self.event.date),
            verdict=self.verdict.label,
        )


def _event_text(event: Event) -> str:
    if event.note is None:
        return readable_period(event.date)
    return f"{readable_period(event.date)} ({file_text(event.note)})"


def _only_event(entity: Organisation | ModelSpec, kind: EventKind) -> Event | None:
    """The event of this kind, or None if it is not recorded.

    Raises:
        Missing: Several are (an organisation's offices): which is meant is unsaid.
    """
    events = events_of(entity, kind)
    if len(events) > 1:
        where = ", ".join(
            f"{file_text(event.note or '')} ({readable_period(event.date)})"
            for event in events
        )
        raise Missing(
            _(
                "{name} has {count} events of {event}: {where}; say which, with a "
                "measure naming the office (field = 'office_opened', office = '...')"
            ).format(
                name=entity.name, count=len(events), event=kind.label, where=where
            ),
            ambiguous=True,
        )
    return events[0] if events else None


def _read(
    entity: Organisation | ModelSpec, kind: EventKind, period: PartialDate | Period
) -> _Reading:
    """One reading: the event of its kind, and whether it falls within *period*."""
    event = _only_event(entity, kind)
    if event is None:
        return _Reading(kind, None, Verdict.NOT_ENOUGH_INFO)
    verdict = within_period(event.date.first, event.date.last, *span(period))
    return _Reading(kind, event, verdict)


def _evaluate_event(event: EventOf, within: DateLike, context: Context) -> Outcome:
    entity, subject = subject_of(context.eco, event.of)
    kinds = event.readings(subject).all
    if event.event is not None:
        found = _only_event(entity, event.event)
        date = None if found is None else found.date
        sources = entity.sources if found is None else found.sources or entity.sources
        label = _("{of}: {field}").format(of=entity.name, field=event.event.label)
        return dated(
            Found(label, date_estimate(date), sources, text=when_text(date)),
            within,
            context,
        )
    period = resolve_date(within, context.published)
    results = [_read(entity, kind, period) for kind in kinds]
    text = _('{name} "{word}" within {stated}: {readings}.').format(
        name=entity.name,
        word=event.word,
        stated=date_text(within, period),
        readings=semicolon_list(result.text for result in results),
    )
    text += _rule(results)
    evidence = tuple(
        Evidence(
            _("{of}: {field}").format(of=entity.name, field=result.kind.label),
            _event_text(result.event),
            result.event.sources or entity.sources,
        )
        for result in results
        if result.event is not None
    )
    return Outcome(results[0].verdict, text, evidence)


def _rule(results: list[_Reading]) -> str:
    """How the natural reading decided, when there are other readings."""
    natural, others = results[0], results[1:]
    if not others:
        return ""
    if natural.event is None:
        return " " + _(
            "The natural reading, {event}, is not recorded, so the claim is not "
            "settled, whatever the other readings give."
        ).format(event=natural.kind.label)
    disagree = [
        other.kind.label
        for other in others
        if other.event is not None and other.verdict is not natural.verdict
    ]
    if disagree:
        return " " + _(
            "The natural reading, {event}, decides; read as {others}, the verdict "
            "would differ."
        ).format(event=natural.kind.label, others=or_list(disagree))
    if all(other.event is not None for other in others):
        return " " + _("Every reading agrees.")
    return " " + _(
        "The natural reading, {event}, decides; the recorded readings agree."
    ).format(event=natural.kind.label)


def parse_event(raw: Any) -> Measure | EventOf:
    """Read the event: a measure, or ``{ of, event }`` or ``{ of, word }``."""
    named = (
        isinstance(raw, dict)
        and "field" not in raw
        and ("event" in raw or "word" in raw)
    )
    fast, _ = structures(EventOf if named else Measure)
    read: Measure | EventOf = fast(raw)
    return read


def _validate_date(
    check: DateCheck, eco: Ecosystem, published: Published | None
) -> Iterator[tuple[str, str]]:
    if isinstance(check.event, EventOf):
        yield from _validate_event(check.event, eco)
    else:
        yield from validate_measure(check.event, "event", eco)
        if check.event.kind()[0] != "date":
            yield (
                "event.field",
                _(
                    "{field} is not a date; use released, announced, founded, "
                    "office_opened, office_closed or born"
                ).format(field=repr(check.event.field)),
            )
    yield from validate_when(check.within, "within", published)


def _validate_event(event: EventOf, eco: Ecosystem) -> Iterator[tuple[str, str]]:
    try:
        entity, subject = subject_of(eco, event.of)
    except (UnknownEntityError, Missing) as error:
        yield "event.of", str(error)
        return
    if event.event is not None and subject not in event.event.subjects:
        allowed = ", ".join(
            kind.value for kind in EventKind if subject in kind.subjects
        )
        yield (
            "event.event",
            _(
                "{event} is not an event of {subject} ({name}); the events of "
                "{subject} are {allowed}"
            ).format(
                event=repr(event.event.value),
                subject=A_SUBJECT[subject],
                name=entity.name,
                allowed=allowed,
            ),
        )
        return
    try:
        for kind in event.readings(subject).all:
            _only_event(entity, kind)
    except ValueError as error:
        yield "event.word", str(error)
    except Missing as missing:
        yield "event", str(missing)


register(DateCheck, _validate_date, fields={"event": parse_event})
