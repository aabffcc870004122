"""The message catalogs: every message translated, fields kept, French typography."""

from __future__ import annotations

import gettext
import importlib.resources
import io
import re
import string
from pathlib import Path
from typing import cast

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

import aiecosys
from aiecosys import _i18n
from tests.scripts_support import ROOT, script


SCRIPT = ROOT / "scripts" / "messages.py"
LOCALE = ROOT / "src" / "aiecosys" / "locale"

pytestmark = pytest.mark.skipif(
    not SCRIPT.exists(),
    reason="scripts/messages.py is in the repository, not the package",
)


@pytest.fixture(scope="module")
def template() -> Catalog:
    """The messages of the code, extracted as scripts/messages.py extracts them."""
    return cast(Catalog, script("messages").extract())


@pytest.fixture(
    scope="module", params=[lang for lang in _i18n.LANGUAGES if lang != "en"]
)
def catalog(request: pytest.FixtureRequest) -> Catalog:
    """One language's catalog, as the repository holds it."""
    path = LOCALE / request.param / "LC_MESSAGES" / "aiecosys.po"
    with path.open("rb") as file:
        return read_po(file, locale=request.param, domain="aiecosys")


def _texts(message: Message) -> tuple[str, ...]:
    return (message.id,) if isinstance(message.id, str) else tuple(message.id)


def _translations(message: Message) -> tuple[str, ...]:
    strings = message.string
    if strings is None:
        return ()
    return (strings,) if isinstance(strings, str) else tuple(strings)


def _fields(text: str) -> set[str]:
    return {
        field for _, field, _, _ in string.Formatter().parse(text) if field is not None
    }


def test_every_message_of_the_code_is_translated(
    template: Catalog, catalog: Catalog
) -> None:
    """No message the code writes is missing from a catalog, untranslated or fuzzy.

    Run ``python scripts/messages.py`` after changing a message, then translate
    what it reports.
    """
    missing = [
        message.id
        for message in template
        if message.id
        and (
            (found := catalog.get(message.id, message.context)) is None
            or found.fuzzy
            or not all(_translations(found))
        )
    ]
    assert not missing, f"untranslated in {catalog.locale}: {missing}"


def test_a_catalog_holds_only_messages_the_code_writes(
    template: Catalog, catalog: Catalog
) -> None:
    """A message the code no longer writes is removed from the catalog."""
    stale = [
        message.id
        for message in catalog
        if message.id and template.get(message.id, message.context) is None
    ]
    assert not stale, f"run python scripts/messages.py: {stale}"


def test_a_translation_keeps_the_fields_of_its_message(catalog: Catalog) -> None:
    """A translation fills the same named fields as its message, no more, no fewer."""
    wrong = [
        (message.id, translated)
        for message in catalog
        if message.id
        for translated in _translations(message)
        if translated
        and _fields(translated) != set().union(*map(_fields, _texts(message)))
    ]
    assert not wrong


_PLAIN_SPACE_BEFORE = re.compile(r" [:;?!»]|« ")
_ENGLISH_QUOTES = re.compile(r'"|“|”')


def test_french_translations_follow_french_typography() -> None:
    """French: a non-breaking space before ``: ; ? !`` and inside « », no "quotes"."""
    path = LOCALE / "fr" / "LC_MESSAGES" / "aiecosys.po"
    with path.open("rb") as file:
        french = read_po(file, locale="fr")
    wrong = [
        translated
        for message in french
        if message.id
        for translated in _translations(message)
        if _PLAIN_SPACE_BEFORE.search(translated) or _ENGLISH_QUOTES.search(translated)
    ]
    assert not wrong


def test_the_compiled_catalog_gives_the_same_translations(catalog: Catalog) -> None:
    """The ``.mo`` the build hook writes translates as its ``.po``."""
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    compiled = gettext.GNUTranslations(buffer)
    for message in catalog:
        if message.id and isinstance(message.id, str) and message.string:
            assert compiled.gettext(message.id) == message.string


def test_a_language_is_chosen_from_the_environment_as_posix_says() -> None:
    """LC_ALL wins over LC_MESSAGES, then LANG; an unknown language is English."""
    assert _i18n.from_environment({"LANG": "fr_CA.UTF-8"}) == "fr"
    assert _i18n.from_environment({"LC_MESSAGES": "fr_FR", "LANG": "en_GB"}) == "fr"
    assert _i18n.from_environment({"LC_ALL": "en_US.UTF-8", "LANG": "fr_FR"}) == "en"
    assert _i18n.from_environment({"LANG": "de_DE.UTF-8"}) == "en"
    assert _i18n.from_environment({"LC_ALL": "", "LANG": "fr"}) == "fr"


def test_a_language_holds_only_within_its_block() -> None:
    """`aiecosys.language` sets the language for its block, then restores it."""
    assert _i18n.current() == "en"
    with aiecosys.language("fr-FR"):
        assert aiecosys.Verdict.SUPPORTED.label == "CONFIRMÉ"
        with aiecosys.language("en"):
            assert aiecosys.Verdict.SUPPORTED.label == "SUPPORTED"
        assert _i18n.current() == "fr"
    assert _i18n.current() == "en"


def test_a_language_aiecosys_does_not_write_in_is_refused() -> None:
    """Asking for German is an error naming the languages there are, not English."""
    with pytest.raises(ValueError, match=r"'de'.*en, fr"), aiecosys.language("de"):
        pass


def test_an_installed_package_reads_its_compiled_catalog(
    catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A wheel holds ``.mo`` files, not ``.po``: the compiled catalog is read."""
    folder = tmp_path / "locale" / str(catalog.locale) / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with (folder / "aiecosys.mo").open("wb") as file:
        write_mo(file, catalog)
    monkeypatch.setattr(importlib.resources, "files", lambda _package: tmp_path)
    _i18n._translations.cache_clear()
    try:
        with aiecosys.language(str(catalog.locale)):
            assert aiecosys.Verdict.REFUTED.label == catalog["REFUTED"].string
    finally:
        _i18n._translations.cache_clear()


def test_a_file_s_translation_wins_over_an_enclosing_one_and_leaves_the_rest() -> None:
    """Nested tables: the inner block's translation first, the outer's still known."""
    outer = {"fr": {"president": "président", "founder": "fondateur"}}
    inner = {"fr": {"president": "présidente"}}
    with _i18n.texts(outer), _i18n.texts(inner), aiecosys.language("fr"):
        assert _i18n.text("president") == "présidente"
        assert _i18n.text("founder") == "fondateur"
        assert _i18n.text("chair") == "chair"
    with _i18n.texts(outer), aiecosys.language("fr"):
        assert _i18n.text("president") == "président"
