"""The existence check: an entity of a kind appeared within a period."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, ClassVar, Literal

import attrs

from aiecosys._dates import PartialDate
from aiecosys._ecosystem import Ecosystem, normalise_name, via
from aiecosys._entities import Organisation, OrganisationKind, Person
from aiecosys._i18n import gettext as _
from aiecosys._models import Modality, ModelSpec, Openness
from aiecosys._openworld import Relation, closed_by, open_list, speaks_for
from aiecosys._source import Source
from aiecosys.claims._context import (
    Context,
    Outcome,
    date_estimate,
    index_of,
    or_list,
    private_decimals,
    semicolon_list,
    value_label,
    when_text,
    within_period,
)
from aiecosys.claims._registry import register
from aiecosys.claims._relative import DateLike, Published, date_text, resolve_date, span
from aiecosys.claims._validation import (
    either,
    unknown_names,
    validate_when,
)
from aiecosys.claims._verdict import Evidence, Verdict


if TYPE_CHECKING:
    pass


def _opennesses(values: Iterable[Openness | str]) -> tuple[Openness, ...]:
    return tuple(Openness(value) for value in values)


def _modalities(values: Iterable[Modality | str]) -> tuple[Modality, ...]:
    return tuple(Modality(value) for value in values)


def _organisation_kinds(
    values: Iterable[OrganisationKind | str],
) -> tuple[OrganisationKind, ...]:
    return tuple(OrganisationKind(value) for value in values)


@attrs.frozen
class ExistenceCheck:
    """An entity of a kind appeared within a period: "Kyutai's open-source models".

    ``what`` is ``"model"`` (filtered by ``developer``, ``openness``,
    ``modalities`` and ``family``, dated by its release) or ``"organisation"``
    (filtered by ``organisation_kinds`` and ``founder``, dated by its
    founding). A model by a subsidiary, lab or division counts for the
    organisation it is part of (Google DeepMind's for Google), unless
    ``exact``. What the knowledge base does not record may still exist: the
    claim is refuted only when a source lists every model of the developer
    and of its parts (``complete = { models = ... }``) or a
    [Denial][aiecosys.Denial] says there was none; otherwise it is not settled.

    Examples:
        >>> from aiecosys import ExistenceCheck, PartialDate, Period
        >>> check = ExistenceCheck(
        ...     "model",
        ...     developer="Kyutai",
        ...     openness=("open-source", "open-weights"),
        ...     within=Period(None, PartialDate(2024, 2)),
        ... )
        >>> check.openness
        (<Openness.OPEN_SOURCE: 'open-source'>, <Openness.OPEN_WEIGHTS: 'open-weights'>)
    """

    kind: ClassVar[str] = "existence"
    what: Literal["model", "organisation"] = attrs.field(
        validator=attrs.validators.in_(("model", "organisation"))
    )
    """The kind of entity."""
    developer: str | None = attrs.field(default=None, kw_only=True)
    """For models: developed by this organisation."""
    openness: tuple[Openness, ...] = attrs.field(
        default=(),
        kw_only=True,
        converter=_opennesses,
    )
    """For models: of any of these opennesses (any if empty)."""
    modalities: tuple[Modality, ...] = attrs.field(
        default=(),
        kw_only=True,
        converter=_modalities,
    )
    """For models: handling all of these modalities."""
    family: str | None = attrs.field(default=None, kw_only=True)
    """For models: of this family."""
    organisation_kinds: tuple[OrganisationKind, ...] = attrs.field(
        default=(),
        kw_only=True,
        converter=_organisation_kinds,
    )
    """For organisations: of any of these kinds."""
    founder: str | None = attrs.field(default=None, kw_only=True)
    """For organisations: founded by this person or organisation."""
    within: DateLike | None = attrs.field(default=None, kw_only=True)
    """When it appeared (released or founded); None for at any time."""
    exact: bool = attrs.field(default=False, kw_only=True)
    """For models: count the developer's own models only, not those of its
    subsidiaries, labs and divisions."""

    @private_decimals
    def evaluate(self, context: Context) -> Outcome:
        """Evaluate the check (see [check][aiecosys.check])."""
        candidates = list(self._candidates(context))
        description = self._description()
        if self.within is None:
            first = last = None
            stated = _("at any time")
        else:
            period = resolve_date(self.within, context.published)
            first, last = span(period)
            stated = _("within {period}").format(period=date_text(self.within, period))
        found = []
        for name, date, sources in candidates:
            estimate = date_estimate(date)
            verdict = (
                within_period(estimate.low, estimate.high, first, last)
                if self.within is not None
                else Verdict.SUPPORTED
            )
            found.append((verdict, Evidence(name, when_text(date), sources)))
        evidence = tuple(item for _, item in found)
        yes = [item.label for verdict, item in found if verdict is Verdict.SUPPORTED]
        maybe = [
            item.label for verdict, item in found if verdict is Verdict.NOT_ENOUGH_INFO
        ]
        if yes:
            return Outcome(
                Verdict.SUPPORTED,
                _("{names}: {description} {stated}.").format(
                    names=", ".join(yes), description=description, stated=stated
                ),
                evidence,
            )
        if maybe:
            template = (
                _(
                    "The dates of {names} are not precise enough to tell whether "
                    "{model} appeared {stated}."
                )
                if self.what == "model"
                else _(
                    "The dates of {names} are not precise enough to tell whether "
                    "{organisation} appeared {stated}."
                )
            )
            return Outcome(
                Verdict.NOT_ENOUGH_INFO,
                template.format(
                    names=", ".join(maybe),
                    model=description,
                    organisation=description,
                    stated=stated,
                ),
                evidence,
            )
        # Translators: {model} and {organisation} are what the claim says
        # existed ("open-source model by Kyutai").
        none = (
            _("No {model} is recorded {stated}")
            if self.what == "model"
            else _("No {organisation} is recorded {stated}")
        ).format(model=description, organisation=description, stated=stated)
        if found:
            none = _("{none}; outside those dates: {others}").format(
                none=none,
                others=", ".join(
                    f"{item.label} ({item.value})" for _verdict, item in found
                ),
            )
        closed = self._closed(context.eco, first, last)
        if closed is None:
            return Outcome(
                Verdict.NOT_ENOUGH_INFO,
                _("{none}; but {open}.").format(none=none, open=self._open()),
                evidence,
            )
        why, sources = closed
        return Outcome(
            Verdict.REFUTED,
            _("{none}; {why}.").format(none=none, why=why),
            (*evidence, Evidence(_("none recorded"), why, sources)),
        )

    def _closed(
        self, eco: Ecosystem, first: dt.date | None, last: dt.date | None
    ) -> tuple[str, tuple[Source, ...]] | None:
        """Why no such model existed, with the sources, or None if it may have."""
        if self.what != "model" or self.developer is None:
            return None
        developer = eco.organisation(self.developer)
        wanted: list[str | None] = [o.value for o in self.openness] or [None]
        denials = [
            eco.denial(Relation.MODEL, developer.name, o, first, last) for o in wanted
        ]
        if all(denials):
            found = [d for d in denials if d is not None]
            why = semicolon_list(dict.fromkeys(closed_by(None, d) for d in found))
            return why, tuple(s for d in found for s in d.sources)
        parts = (developer,) if self.exact else eco.parts(developer)
        lists = [
            source
            if (source := part.complete.models) is not None and speaks_for(source, last)
            else None
            for part in parts
        ]
        if all(lists):
            sources = tuple(s for s in lists if s is not None)
            why = semicolon_list(
                _(
                    "the models of {name} are complete, according to {title} ({key})"
                ).format(name=part.name, title=source.title, key=source.key)
                for part, source in zip(parts, sources, strict=True)
            )
            return why, sources
        return None

    def _open(self) -> str:
        """Say why no record settles nothing, and what would."""
        if self.what == "model" and self.developer is not None:
            return open_list(
                _("the models of {developer}").format(developer=self.developer),
                self.developer,
                "models",
                Relation.MODEL,
            )
        if self.what == "model":
            return _(
                "the knowledge base does not list every model there is, so what "
                "it does not record may still exist; name a developer whose models "
                "a source lists in full, or record a denial"
            )
        return _(
            "the knowledge base does not list every organisation there is, so what "
            "it does not record may still exist; name a developer whose models "
            "a source lists in full, or record a denial"
        )

    def _description(self) -> str:
        """What the claim says existed: ``open-source model by Kyutai``."""
        qualifiers = or_list(value_label(value.value) for value in self.openness)
        if self.modalities:
            modalities = "+".join(value_label(m.value) for m in self.modalities)
            qualifiers = f"{qualifiers} {modalities}".strip()
        if self.organisation_kinds:
            kinds = or_list(value_label(k.value) for k in self.organisation_kinds)
            qualifiers = f"{qualifiers} {kinds}".strip()
        if self.what == "model":
            said = (
                _("{qualifiers} model").format(qualifiers=qualifiers)
                if qualifiers
                else _("model")
            )
        else:
            said = (
                _("{qualifiers} organisation").format(qualifiers=qualifiers)
                if qualifiers
                else _("organisation")
            )
        if self.family:
            said = _("{model} of the {family} family").format(
                model=said, family=self.family
            )
        if self.developer:
            said = _("{model} by {developer}").format(
                model=said, developer=self.developer
            )
        if self.founder:
            said = _("{organisation} founded by {founder}").format(
                organisation=said, founder=self.founder
            )
        return said

    def _candidates(
        self, context: Context
    ) -> Iterator[tuple[str, PartialDate | None, tuple[Source, ...]]]:
        eco = context.eco
        if self.what == "model":
            models: Iterable[tuple[ModelSpec, str]] = (
                ((model, "") for model in eco.models)
                if self.developer is None
                else self._developed(context, eco.organisation(self.developer).name)
            )
            family = None if self.family is None else normalise_name(self.family)
            for model, path in models:
                if self.openness and model.openness not in self.openness:
                    continue
                if any(m not in model.modalities for m in self.modalities):
                    continue
                if family is not None and normalise_name(model.family or "") != family:
                    continue
                label = f"{model.name} ({path})" if path else model.name
                yield label, model.released, model.sources
            return
        founder = None if self.founder is None else _founder_names(eco, self.founder)
        for organisation in eco.organisations:
            if (
                self.organisation_kinds
                and organisation.kind not in self.organisation_kinds
            ):
                continue
            if founder is not None and not founder & {
                normalise_name(f) for f in organisation.founders
            }:
                continue
            yield organisation.name, organisation.founded, organisation.sources

    def _developed(
        self, context: Context, developer: str
    ) -> Iterator[tuple[ModelSpec, str]]:
        """The models *developer* made, each with the path it counts by, if any.

        The models come from the context's index of models by developer, in
        the order recorded: looking at every model of the ecosystem made an
        existence check about a developer cost 0.7 to 1 ms against 10,000
        entities, instead of about 30 µs (benchmarks/bench_claims.py).
        """
        eco = context.eco
        parts = eco.parts(developer)[: 1 if self.exact else None]
        names = {normalise_name(n) for part in parts for n in part.names}
        index = context.index.models
        made = [index[part.name] for part in parts if part.name in index]
        models: Iterable[ModelSpec] = made[0] if len(made) == 1 else ()
        if len(made) > 1:  # several parts made models: keep the order recorded
            wanted = {id(model) for found in made for model in found}
            models = [model for model in eco.models if id(model) in wanted]
        for model in models:
            found = [
                path
                for d in model.developers
                if normalise_name(d) in names
                and (path := eco.part_of(d, developer)) is not None
            ]
            if found:
                yield model, via(min(found, key=len))


def _founder_names(eco: Ecosystem, name: str) -> set[str]:
    found = index_of(eco).names.get(normalise_name(name))
    entity: Organisation | Person
    if found is not None and found[0] == "organisation":
        entity = eco.organisation(found[1])
    else:
        entity = eco.person(name)
    return {normalise_name(n) for n in entity.names}


def _validate_existence(
    check: ExistenceCheck, eco: Ecosystem, published: Published | None
) -> Iterator[tuple[str, str]]:
    yield from unknown_names(
        [
            ("developer", check.developer, eco.organisation),
            ("founder", check.founder, either(eco)),
        ],
    )
    model_only = check.developer or check.openness or check.modalities or check.family
    if check.what == "organisation" and model_only:
        yield (
            "what",
            _(
                "developer, openness, modalities and family filter models, not "
                "organisations"
            ),
        )
    if check.what == "model" and (check.organisation_kinds or check.founder):
        yield (
            "what",
            _("organisation_kinds and founder filter organisations, not models"),
        )
    yield from validate_when(check.within, "within", published)


register(ExistenceCheck, _validate_existence)
