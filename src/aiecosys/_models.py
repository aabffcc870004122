"""AI models: their size, openness, training and benchmark scores."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs

from aiecosys import _validators as validators
from aiecosys._choices import Choice
from aiecosys._dates import PartialDate, readable_period
from aiecosys._estimate import Estimate
from aiecosys._events import Event, EventKind, check_events
from aiecosys._i18n import gettext as _
from aiecosys._ordering import Ordering
from aiecosys._source import Source, check_sources
from aiecosys._units import Quantity


__all__ = ["BenchmarkScore", "Modality", "ModelSpec", "Openness"]


class Openness(Choice):
    """How open a model is, from fully open to closed.

    Examples:
        >>> from aiecosys import Openness
        >>> Openness("open-weights")
        <Openness.OPEN_WEIGHTS: 'open-weights'>
    """

    OPEN_SOURCE = "open-source"
    """Weights, code and a licence that meets the open-source definition."""
    OPEN_WEIGHTS = "open-weights"
    """Weights can be downloaded, under a licence that may restrict use."""
    API_ONLY = "api-only"
    """Usable only through a hosted service (ChatGPT, GPT-4)."""
    CLOSED = "closed"
    """Not available outside its developer."""


class Modality(Choice):
    """What a model takes in or produces.

    Examples:
        >>> from aiecosys import Modality
        >>> Modality("image")
        <Modality.IMAGE: 'image'>
    """

    TEXT = "text"
    """Text, including code."""
    IMAGE = "image"
    """Still images."""
    AUDIO = "audio"
    """Speech and sound."""
    VIDEO = "video"
    """Moving images."""


def _check_score(
    _instance: BenchmarkScore, attribute: attrs.Attribute[Decimal], value: object
) -> None:
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        validators.fail(
            attribute,
            _("must be a Decimal or an int, not {type}").format(
                type=type(value).__name__
            ),
        )


@attrs.frozen
class BenchmarkScore:
    """A model's published score on a benchmark.

    Examples:
        >>> from decimal import Decimal
        >>> from aiecosys import BenchmarkScore, PartialDate
        >>> mmlu = BenchmarkScore(
        ...     "MMLU", Decimal("76.3"), setting="5-shot", date=PartialDate(2023, 11)
        ... )
        >>> print(mmlu)
        MMLU (5-shot): 76.3
    """

    benchmark: str = attrs.field(validator=validators.text)
    """The benchmark's name (``"MMLU"``, ``"C-Eval"``)."""
    score: Decimal = attrs.field(validator=_check_score)
    """The score as published, usually a percentage."""
    setting: str | None = attrs.field(
        default=None, kw_only=True, validator=validators.optional_text
    )
    """How it was run (``"5-shot"``), when the source says."""
    date: PartialDate | None = attrs.field(
        default=None, kw_only=True, validator=validators.optional_date
    )
    """When the score was published."""
    sources: tuple[Source, ...] = attrs.field(
        default=(), kw_only=True, validator=check_sources
    )
    """Where the score was published."""

    def __str__(self) -> str:
        setting = "" if self.setting is None else f" ({self.setting})"
        return f"{self.benchmark}{setting}: {self.score}"


def _unknown_size() -> Estimate[Quantity]:
    return Estimate.unknown()


_optional_parameters = validators.optional_estimate_of(Quantity, "[parameter]")


def _check_active(
    instance: ModelSpec,
    attribute: attrs.Attribute[Any],
    value: Estimate[Quantity] | None,
) -> None:
    _optional_parameters(instance, attribute, value)
    if value is not None and value.ordering(instance.parameters) is Ordering.GREATER:
        validators.fail(
            attribute,
            _(
                "active parameters ({active}) exceed the total parameters ({total})"
            ).format(active=value, total=instance.parameters),
        )


def _check_context(
    _instance: ModelSpec, attribute: attrs.Attribute[int | None], value: object
) -> None:
    if value is not None and (type(value) is not int or value <= 0):
        validators.fail(
            attribute,
            _("must be a positive number of tokens, not {value!r}").format(value=value),
        )


def _check_model_events(
    instance: ModelSpec, attribute: attrs.Attribute[Any], value: tuple[Event, ...]
) -> None:
    _events_of_a_model(instance, attribute, value)
    for event in value:
        if (
            event.kind is EventKind.RELEASED
            and instance.released is not None
            and event.date != instance.released
        ):
            validators.fail(
                attribute,
                _(
                    "the released event ({event}) differs from released "
                    "({released}): give one date, or leave released out"
                ).format(
                    event=readable_period(event.date),
                    released=readable_period(instance.released),
                ),
            )


_events_of_a_model = check_events("model")


@attrs.frozen
class ModelSpec:
    """An AI model: who made it, how big it is, how open, and how it scores.

    Sizes are [Estimate][aiecosys.Estimate]s of quantities, because many
    developers never disclose them: GPT-4's parameter count is an estimate from
    press reports, Yi-34B's is disclosed.

    Examples:
        >>> from aiecosys import Estimate, ModelSpec, PartialDate, parameters
        >>> yi = ModelSpec(
        ...     "Yi-34B",
        ...     developers=("01.AI",),
        ...     family="Yi",
        ...     released=PartialDate(2023, 11),
        ...     parameters=Estimate.exact(parameters("34B")),
        ...     openness="open-weights",
        ... )
        >>> print(yi.parameters)
        34,000,000,000 parameter (disclosed)
    """

    name: str = attrs.field(validator=validators.text)
    """The model's name (``"Yi-34B"``, ``"GPT-4"``)."""
    developers: tuple[str, ...] = attrs.field(
        default=(), kw_only=True, validator=validators.names
    )
    """The names of the organisations that developed it."""
    aliases: tuple[str, ...] = attrs.field(
        default=(), kw_only=True, validator=validators.names
    )
    """Other names (``"ChatGPT-4"``, ``"LLaMA"``)."""
    family: str | None = attrs.field(
        default=None, kw_only=True, validator=validators.optional_text
    )
    """The family it belongs to (``"Yi"``, ``"Llama"``)."""
    released: PartialDate | None = attrs.field(
        default=None, kw_only=True, validator=validators.optional_date
    )
    """When it was released, to the precision known; its released event when
    none is recorded in [events][aiecosys.ModelSpec.events]."""
    parameters: Estimate[Quantity] = attrs.field(
        factory=_unknown_size,
        kw_only=True,
        validator=validators.estimate_of(Quantity, "[parameter]"),
    )
    """The total number of parameters; unknown when undisclosed."""
    active_parameters: Estimate[Quantity] | None = attrs.field(
        default=None, kw_only=True, validator=_check_active
    )
    """For a mixture of experts: the parameters used per token."""
    architecture: str | None = attrs.field(
        default=None, kw_only=True, validator=validators.optional_text
    )
    """The architecture (``"dense transformer"``, ``"mixture of experts"``)."""
    modalities: tuple[Modality, ...] = attrs.field(
        default=(), kw_only=True, validator=validators.instances(Modality)
    )
    """What it takes in and produces."""
    openness: Openness | None = attrs.field(
        default=None,
        kw_only=True,
        converter=attrs.converters.optional(Openness),
        validator=attrs.validators.optional(attrs.validators.instance_of(Openness)),
    )
    """How open it is (a string such as ``"open-weights"`` is accepted)."""
    licence: str | None = attrs.field(
        default=None, kw_only=True, validator=validators.optional_text
    )
    """Its licence, as an SPDX identifier when there is one (``"Apache-2.0"``)."""
    context_length: int | None = attrs.field(
        default=None, kw_only=True, validator=_check_context
    )
    """The longest input it takes, in tokens."""
    training_tokens: Estimate[Quantity] | None = attrs.field(
        default=None,
        kw_only=True,
        validator=validators.optional_estimate_of(Quantity, "[token]"),
    )
    """How many tokens it was trained on."""
    training_compute: Estimate[Quantity] | None = attrs.field(
        default=None,
        kw_only=True,
        validator=validators.optional_estimate_of(Quantity, "[compute]"),
    )
    """How much compute its training took, in FLOP."""
    benchmarks: tuple[BenchmarkScore, ...] = attrs.field(
        default=(), kw_only=True, validator=validators.instances(BenchmarkScore)
    )
    """Published benchmark scores."""
    events: tuple[Event, ...] = attrs.field(
        default=(), kw_only=True, validator=_check_model_events
    )
    """Its dated events: announced, released, weights released (see
    [events_of][aiecosys.events_of]); each kind at most once."""
    note: str | None = attrs.field(
        default=None, kw_only=True, validator=validators.optional_text
    )
    """A remark for readers."""
    sources: tuple[Source, ...] = attrs.field(
        default=(), kw_only=True, validator=check_sources
    )
    """Where these facts come from."""

    @property
    def names(self) -> tuple[str, ...]:
        """The name followed by the aliases."""
        return (self.name, *self.aliases)

    def score(self, benchmark: str) -> BenchmarkScore | None:
        """Return the latest-listed score on *benchmark* (any case), or None.

        Examples:
            >>> from decimal import Decimal
            >>> from aiecosys import BenchmarkScore, ModelSpec
            >>> model = ModelSpec(
            ...     "Yi-34B", benchmarks=(BenchmarkScore("MMLU", Decimal("76.3")),)
            ... )
            >>> print(model.score("mmlu"))
            MMLU: 76.3
        """
        wanted = benchmark.casefold()
        found = None
        for score in self.benchmarks:
            if score.benchmark.casefold() == wanted:
                found = score
        return found
