"""Sources: the citations every fact in a knowledge base carries."""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

import attrs

from aiecosys import _validators as validators
from aiecosys._dates import PartialDate
from aiecosys._errors import DataError, Problem


__all__ = ["Source", "check_sources"]

_KEY: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")


def _check_key(
    _instance: Source, attribute: attrs.Attribute[str], value: object
) -> None:
    if not isinstance(value, str) or _KEY.fullmatch(value) is None:
        raise DataError(
            [
                Problem(
                    f"{value!r} is not a usable key: use letters, digits, '-', '_' and "
                    "'.', starting with a letter or digit (for example "
                    "'mistral-2023-06-13')",
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
                    f"{value!r} is not a web address starting with https://",
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
            f"accessed on {value}, before it was published ({instance.published})",
        )


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
        ... )
        >>> print(source)
        Example News, "Mistral AI raises 105 million euros", 2023-06-13, https://example.org/mistral-seed
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

    def __str__(self) -> str:
        parts = [part for part in (self.author, self.publisher) if part]
        parts.append(f'"{self.title}"')
        if self.published is not None:
            parts.append(str(self.published))
        if self.url is not None:
            parts.append(self.url)
        return ", ".join(parts)


check_sources = validators.instances(Source)
"""Check that a field holds a tuple of Source (an attrs validator)."""
