"""The reader's language: messages through gettext catalogs, numbers through Babel.

Every sentence aiecosys writes for people (explanations, verdict names, the
command line's report and its errors) goes through [gettext][] with a
catalog of its own, ``aiecosys/locale/<lang>/LC_MESSAGES/aiecosys.po``,
compiled to ``.mo`` when the package is built. A message is a template with
named fields, translated first and filled in after, so that a translation
may put the fields in its own order::

    _("{subject} is below zero").format(subject=...)

The language is a context variable: [language][aiecosys.language] sets it
for a block of code (a thread or a task sees its own), and numbers, amounts
and dates are then written in that language's conventions by Babel.

Examples:
    >>> from aiecosys._i18n import current, gettext as _
    >>> current()
    'en'
    >>> with language("fr"):
    ...     current(), _("SUPPORTED")
    ('fr', 'CONFIRMÉ')
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import io
import os
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Final


if TYPE_CHECKING:
    import gettext as _gettext


__all__ = [
    "DOMAIN",
    "LANGUAGES",
    "N_",
    "current",
    "from_environment",
    "gettext",
    "language",
    "ngettext",
    "supported",
    "text",
    "texts",
]

DOMAIN: Final = "aiecosys"
"""The gettext domain of aiecosys's messages."""

_LOCALES: Final = os.path.join(os.path.dirname(__file__), "locale")  # noqa: PTH118, PTH120

LANGUAGES: Final = ("en", "fr")
"""The languages aiecosys writes in: English, the source language, and French."""

_CURRENT: contextvars.ContextVar[str] = contextvars.ContextVar(
    "aiecosys_language", default="en"
)
_TEXTS: contextvars.ContextVar[tuple[Mapping[str, Mapping[str, str]], ...]] = (
    contextvars.ContextVar("aiecosys_texts", default=())
)
"""The files' translations known here, the innermost block's first: each block
adds its tables in front, never copying those of the blocks around it."""


def supported(tag: str | None) -> str | None:
    """The language of *tag* that aiecosys writes in, or None.

    *tag* is a BCP 47 tag (``fr-CA``) or a POSIX locale (``fr_FR.UTF-8``).

    Examples:
        >>> (
        ...     supported("fr_FR.UTF-8"),
        ...     supported("fr-CA"),
        ...     supported("de"),
        ...     supported("C"),
        ... )
        ('fr', 'fr', None, None)
    """
    if not tag:
        return None
    base = tag.replace("-", "_").split(".")[0].split("@")[0].split("_")[0].lower()
    return base if base in LANGUAGES else None


def from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The language POSIX's variables ask for: LC_ALL, then LC_MESSAGES, then LANG.

    The first one set decides, as the C library does; a language aiecosys
    does not write in (or ``C``) means English.

    Examples:
        >>> from_environment({"LANG": "fr_FR.UTF-8"})
        'fr'
        >>> from_environment({"LC_ALL": "C", "LANG": "fr_FR.UTF-8"})
        'en'
        >>> from_environment({})
        'en'
    """
    environ = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            return supported(value) or "en"
    return "en"


def current() -> str:
    """The language messages are written in here: ``"en"`` unless set."""
    return _CURRENT.get()


@contextlib.contextmanager
def language(tag: str) -> Iterator[str]:
    """Write messages, numbers and dates in *tag*'s language within the block.

    Explanations, verdict names and errors made within the block are in that
    language; programs should read verdicts' values, not their words.

    Args:
        tag: ``"en"`` or ``"fr"`` (``"fr-FR"``, ``"fr_FR.UTF-8"`` also do).

    Raises:
        ValueError: aiecosys does not write in *tag*'s language.

    Examples:
        >>> import aiecosys
        >>> from aiecosys import Verdict
        >>> with aiecosys.language("fr"):
        ...     Verdict.REFUTED.label
        'RÉFUTÉ'
        >>> Verdict.REFUTED.label
        'REFUTED'
    """
    chosen = supported(tag)
    if chosen is None:
        wanted = ", ".join(LANGUAGES)
        msg = f"aiecosys does not write in {tag!r}: choose one of {wanted}"
        raise ValueError(msg)
    token = _CURRENT.set(chosen)
    try:
        yield chosen
    finally:
        _CURRENT.reset(token)


@functools.cache
def _translations(lang: str) -> _gettext.GNUTranslations:
    """The catalog of *lang*: its compiled ``.mo``, else its ``.po`` read by Babel.

    A built package holds the ``.mo`` (compiled by the build hook, see
    ``hatch_build.py``); a source checkout has only the ``.po``, which Babel
    compiles in memory. English, the messages' own language, has none:
    `gettext` and `ngettext` return its messages as written.
    """
    import gettext as _gettext  # for a catalog only: English needs none

    # The package's folder, as fx/_ecb.py finds its rates: importlib.resources
    # imported pathlib, tempfile and zipfile for one path (7 ms of a first
    # conversion, 2.5 ms of the claims command; bench_fx.py, bench_cli.py).
    folder = os.path.join(_LOCALES, lang, "LC_MESSAGES")  # noqa: PTH118
    try:
        with open(os.path.join(folder, f"{DOMAIN}.mo"), "rb") as file:  # noqa: PTH118, PTH123
            return _gettext.GNUTranslations(file)
    except FileNotFoundError:
        pass
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with open(os.path.join(folder, f"{DOMAIN}.po"), "rb") as file:  # noqa: PTH118, PTH123
        catalog = read_po(file, locale=lang, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return _gettext.GNUTranslations(buffer)


def gettext(message: str) -> str:
    """*message* in the current language (itself in English).

    Examples:
        >>> from aiecosys._i18n import gettext as _
        >>> _("REFUTED")
        'REFUTED'
    """
    lang = _CURRENT.get()
    if lang == "en":  # the messages' own language: nothing to look up
        return message
    return _translations(lang).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """*singular* or *plural*, as *count* asks in the current language.

    French counts 0 and 1 in the singular, English only 1.

    Examples:
        >>> from aiecosys._i18n import ngettext
        >>> ngettext("{count} claim", "{count} claims", 1).format(count=1)
        '1 claim'
        >>> ngettext("{count} claim", "{count} claims", 0).format(count=0)
        '0 claims'
    """
    lang = _CURRENT.get()
    if lang == "en":  # English's own rule, as gettext's NullTranslations
        return singular if count == 1 else plural
    return _translations(lang).ngettext(singular, plural, count)


def text(original: str) -> str:
    """A text of the files (a note, a title) in the current language, if translated.

    Knowledge bases and claims files are written in one language and may
    carry translations of their own texts (``[translations.fr]``); `texts`
    makes them known while a block runs. A text with no translation is
    written as it is.

    Examples:
        >>> with texts({"fr": {"president": "président"}}):
        ...     text("president"), text("founder")
        ('president', 'founder')
        >>> with texts({"fr": {"president": "président"}}), language("fr"):
        ...     text("president"), text("founder")
        ('président', 'founder')
    """
    lang = _CURRENT.get()
    for translations in _TEXTS.get():
        found = translations.get(lang, {}).get(original)
        if found is not None:
            return found
    return original


@contextlib.contextmanager
def texts(translations: Mapping[str, Mapping[str, str]]) -> Iterator[None]:
    """Make the files' *translations* (language, then text, then translation) known.

    Within the block, `text` translates them; the translations of an
    enclosing block stay known unless these give another.
    """
    token = _TEXTS.set((translations, *_TEXTS.get()))
    try:
        yield
    finally:
        _TEXTS.reset(token)


def N_(message: str) -> str:  # noqa: N802 - gettext's name for it
    """Mark *message* for the catalog without translating it (yet).

    For messages kept in module constants: translate them with `gettext`
    where they are used, when the language is known.
    """
    return message
