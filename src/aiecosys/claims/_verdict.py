"""What the facts say about a claim, and the facts a verdict rests on."""

from __future__ import annotations

import attrs

from aiecosys._choices import Choice
from aiecosys._i18n import N_
from aiecosys._i18n import gettext as _
from aiecosys._source import Source, strongest_first


__all__ = ["Evidence", "Verdict"]


class Verdict(Choice):
    """What the facts say about a claim: supported, refuted, or not enough information.

    Verdicts are never stored: [check][aiecosys.check] computes them from the
    facts every time, so a corrected fact changes them at once.

    Examples:
        >>> from aiecosys import Verdict
        >>> [verdict.value for verdict in Verdict]
        ['SUPPORTED', 'REFUTED', 'NOT_ENOUGH_INFO']
    """

    SUPPORTED = "SUPPORTED"
    """Every value the evidence allows agrees with the claim."""
    REFUTED = "REFUTED"
    """Every value the evidence allows contradicts the claim."""
    NOT_ENOUGH_INFO = "NOT_ENOUGH_INFO"
    """A fact the answer depends on is missing, undisclosed or only known as a range."""

    @property
    def label(self) -> str:
        """The verdict's name for readers, in the current language.

        Programs read `value`, which never changes.

        Examples:
            >>> import aiecosys
            >>> with aiecosys.language("fr"):
            ...     [verdict.label for verdict in aiecosys.Verdict]
            ['CONFIRMÉ', 'RÉFUTÉ', 'INFORMATIONS INSUFFISANTES']
        """
        return _(_LABELS[self])


_LABELS = {
    Verdict.SUPPORTED: N_("SUPPORTED"),
    Verdict.REFUTED: N_("REFUTED"),
    Verdict.NOT_ENOUGH_INFO: N_("NOT_ENOUGH_INFO"),
}


@attrs.frozen
class Evidence:
    """One fact a verdict rests on: what it is, its value, and its sources.

    The sources are listed strongest first (primary, news, secondary,
    reference, aggregator, social, then those whose kind is not stated),
    each key once, however the check gathered them.

    Examples:
        >>> from aiecosys import Evidence, Source
        >>> wiki = Source("wiki", title="Yi (model)", kind="reference")
        >>> paper = Source("yi", title="Yi: Open Foundation Models", kind="primary")
        >>> print(
        ...     Evidence(
        ...         "Yi-34B: parameters",
        ...         "34 billion parameters (disclosed)",
        ...         (wiki, paper, wiki),
        ...     )
        ... )
        Yi-34B: parameters = 34 billion parameters (disclosed) [yi, wiki]
    """

    label: str
    """What the fact is about (``"Yi-34B: parameters"``)."""
    value: str
    """Its value, written for readers, with how it is known."""
    sources: tuple[Source, ...] = attrs.field(default=(), converter=strongest_first)
    """Where it comes from: strongest first, each source once (see
    [strongest_first][aiecosys.strongest_first])."""

    def __str__(self) -> str:
        keys = ", ".join(source.key for source in self.sources)
        return f"{self.label} = {self.value}" + (f" [{keys}]" if keys else "")
