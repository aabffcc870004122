"""Keep the English pages a translated build falls back on out of its navigation.

A MkDocs hook (see ``hooks:`` in mkdocs.yml), for the i18n plugin's builds in
other languages than English: a page with no translation is built in English
under the language's folder (so links to it work), but the language's ``nav``
lists only the pages written in that language, and the API reference. The
English-only pages are marked "not in nav" for that build, so that MkDocs does
not warn of them as forgotten, while the English build still does.
"""

# ruff: noqa: INP001

from __future__ import annotations

from typing import Any

from mkdocs.plugins import event_priority
from mkdocs.structure.files import InclusionLevel


@event_priority(-200)  # after the i18n plugin has sorted the files by language
def on_files(files: Any, config: Any) -> Any:
    """In a translated build, mark the untranslated pages as outside the nav."""
    plugin = config.plugins.get("i18n")
    building = getattr(plugin, "current_language", None)
    if plugin is None or building == plugin.default_language:
        return files
    for file in files.documentation_pages():
        if getattr(file, "locale", building) != building:
            file.inclusion = InclusionLevel.NOT_IN_NAV
    return files
