"""The attribution check: observers attribute something to something, or call it so.

"Many observers attribute Yi's competitiveness to its training data", "the
BATX, sometimes called the Chinese GAFAM": the check counts the independent
sources of the knowledge base (distinct publishers) whose
[statements][aiecosys.Statement] say so, each with its exact quote. It never
infers what a source did not say.

The rule, for ``at_least`` independent sources needed (2 for ``"many"``, 1
for ``"sometimes"``, unless given):

* ``SUPPORTED``: at least that many publishers state it, and none denies it;
* ``REFUTED``: publishers deny it and none states it;
* ``NOT_ENOUGH_INFO`` otherwise: too few publishers state it (a missing
  statement is not a denial), or some state it and others deny it (the
  sources disagree, which the check reports rather than settles).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, ClassVar, Final

import attrs

from aiecosys._choices import Choice
from aiecosys._ecosystem import Ecosystem, normalise_name
from aiecosys._errors import ParseError
from aiecosys._i18n import gettext as _
from aiecosys._i18n import ngettext, text
from aiecosys._statements import Statement, StatementForm, Tally, tally
from aiecosys.claims._context import Context, Outcome, private_decimals
from aiecosys.claims._fields import read_number
from aiecosys.claims._registry import register
from aiecosys.claims._relative import Published
from aiecosys.claims._verdict import Evidence, Verdict


__all__ = ["AttributionCheck", "Hedge", "parse_count", "said", "weigh"]

MAX_SOURCES: Final = 100
"""The most independent sources a check may ask for."""


class Hedge(Choice):
    """How many observers a claim says hold a view: "many", or "sometimes" some."""

    MANY = "many"
    """"Many observers": at least two independent sources, unless ``at_least`` says."""
    SOMETIMES = "sometimes"
    """"Sometimes", "some": at least one source, unless ``at_least`` says."""


_DEFAULTS: Final = {Hedge.MANY: 2, Hedge.SOMETIMES: 1}


def check_at_least(
    _instance: object, _attribute: attrs.Attribute[Any], value: int | None
) -> None:
    if value is not None and not 1 <= value <= MAX_SOURCES:
        raise ValueError(
            _(
                "at_least = {value} is out of range: ask for 1 to {most} independent "
                "sources"
            ).format(value=value, most=MAX_SOURCES)
        )


def _check_form(
    _instance: object, _attribute: attrs.Attribute[StatementForm], value: object
) -> None:
    if value is StatementForm.CAUSE:
        raise ValueError(
            _(
                "a stated cause is checked by the cause kind: write kind = 'cause', "
                "effect = ..., cause = ..."
            )
        )


@attrs.frozen
class AttributionCheck:
    """Enough independent sources attribute the subject to something, or call it so.

    Examples:
        >>> from aiecosys import AttributionCheck
        >>> check = AttributionCheck("BATX", "the Chinese GAFAM", form="label")
        >>> check.kind, check.needed
        ('attribution', 2)
        >>> AttributionCheck("BATX", "GAFAM", hedge="sometimes").needed
        1
    """

    kind: ClassVar[str] = "attribution"
    subject: str
    """What the statement is about, as the knowledge base's statements name it."""
    says: str
    """What the subject is attributed to, or called."""
    form: StatementForm = attrs.field(
        default=StatementForm.ATTRIBUTION,
        kw_only=True,
        converter=StatementForm,
        validator=_check_form,
    )
    """``attribution`` (the default) or ``label``."""
    hedge: Hedge = attrs.field(default=Hedge.MANY, kw_only=True, converter=Hedge)
    """``many`` (the default) or ``sometimes``: how many observers the claim says."""
    at_least: int | None = attrs.field(
        default=None, kw_only=True, validator=check_at_least
    )
    """How many independent sources must state it; by default 2 for ``many``, 1 for
    ``sometimes``."""

    @property
    def needed(self) -> int:
        """How many independent sources must state it."""
        return self.at_least if self.at_least is not None else _DEFAULTS[self.hedge]

    @private_decimals
    def evaluate(self, context: Context) -> Outcome:
        """Evaluate the check (see [check][aiecosys.check])."""
        found = said(context, self.subject, self.says, self.form)
        what = (
            # Translators: what sources state: BATX called “the Chinese GAFAM”.
            _("{subject} called \u201c{says}\u201d")
            if self.form is StatementForm.LABEL
            # Translators: what sources state: Yi's competitiveness attributed to
            # its training data.
            else _("{subject} attributed to {says}")
        )
        return weigh(
            found,
            self.needed,
            what.format(subject=text(self.subject), says=text(self.says)),
        )


def _key(context: Context, text: str) -> str:
    """The form two subjects compare in: an entity's name, else the normalised text.

    A typographic apostrophe is the plain one (“Yi’s” is “Yi's”).
    """
    key = normalise_name(text.replace("\u2019", "'"))
    found = context.index.names.get(key)
    return key if found is None else normalise_name(found[1])


def said(
    context: Context, subject: str, says: str, form: StatementForm
) -> tuple[Statement, ...]:
    """The statements of the knowledge base of this form, subject and content.

    A subject or content naming an organisation or a person matches by any of
    its names; other text matches without case, accents or extra spaces.
    """
    subject_key, says_key = _key(context, subject), _key(context, says)
    return tuple(
        statement
        for statement in context.eco.statements
        if statement.form is form
        and _key(context, statement.subject) == subject_key
        and _key(context, statement.says) == says_key
    )


def _publishers(names: Iterable[str]) -> str:
    # Translators: no publisher at all.
    return ", ".join(names) or _("none")


def _evidence(statements: tuple[Statement, ...]) -> tuple[Evidence, ...]:
    return tuple(
        Evidence(
            # Translators: a statement in evidence: states: BATX, the Chinese GAFAM.
            _("{stance}: {subject}, {says}").format(
                stance=statement.stance.label,
                subject=text(statement.subject),
                says=text(statement.says),
            ),
            # Translators: a source's exact words, in its own language.
            _("\u201c{quote}\u201d").format(quote=statement.quote),
            statement.sources,
        )
        for statement in statements
    )


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def weigh(statements: tuple[Statement, ...], needed: int, what: str) -> Outcome:
    """The verdict on statements: enough stating, none denying (see the module).

    *what* says what is stated, in the reader's language.
    """
    count: Tally = tally(statements)
    stating, denying = len(count.stating), len(count.denying)
    evidence = _evidence(statements)
    fields = {
        "what": what,
        "stating": _publishers(count.stating),
        "denying": _publishers(count.denying),
        "count": stating,
        # Translators: how many independent sources a claim needs: "2 needed".
        "needed": ngettext("{count} needed", "{count} needed", needed).format(
            count=needed
        ),
    }
    if stating and denying:
        verdict = Verdict.NOT_ENOUGH_INFO
        explanation = _(
            "The sources disagree on {what}: stated by {stating}, denied by {denying}."
        ).format(**fields)
    elif denying:
        verdict = Verdict.REFUTED
        explanation = _capitalised(
            _("{what} is denied by {denying}, and stated by no source.").format(
                **fields
            )
        )
    elif stating >= needed:
        verdict = Verdict.SUPPORTED
        explanation = _capitalised(
            ngettext(
                "{what}: stated by {count} independent source(s) ({stating}), "
                "{needed}.",
                "{what}: stated by {count} independent source(s) ({stating}), "
                "{needed}.",
                stating,
            ).format(**fields)
        )
    else:
        verdict = Verdict.NOT_ENOUGH_INFO
        explanation = _capitalised(
            ngettext(
                "{what}: stated by {count} independent source(s) ({stating}), "
                "{needed}; a source that is not recorded is not a denial.",
                "{what}: stated by {count} independent source(s) ({stating}), "
                "{needed}; a source that is not recorded is not a denial.",
                stating,
            ).format(**fields)
        )
    if count.unnamed:
        explanation += " " + ngettext(
            "{count} source(s) name no publisher and count for none.",
            "{count} source(s) name no publisher and count for none.",
            count.unnamed,
        ).format(count=count.unnamed)
    return Outcome(verdict, explanation, evidence)


def parse_count(raw: object) -> int:
    """Read a whole number of sources."""
    number = read_number(raw, "the number of sources")
    if number != number.to_integral_value():
        raise ParseError(
            _("{raw} is not a whole number of sources").format(raw=repr(raw))
        )
    return int(number)


def _validate(
    _check: AttributionCheck, _eco: Ecosystem, _published: Published | None
) -> Iterator[tuple[str, str]]:
    # Subjects are text: one no statement names gives NOT_ENOUGH_INFO, not an error.
    yield from ()


register(AttributionCheck, _validate, fields={"at_least": parse_count})
