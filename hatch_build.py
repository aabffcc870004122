"""The build hook that compiles the message catalogs (.po to .mo) into the wheel.

Hatchling runs it on every build of a wheel (``pip install .``, ``uv build``).
Catalogs are compiled with Babel, the library aiecosys formats numbers with;
a source checkout without ``.mo`` files reads the ``.po`` instead (see
``aiecosys._i18n``), so an editable install needs nothing compiled.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CatalogsHook(BuildHookInterface):  # type: ignore[type-arg]
    """Compile every ``src/aiecosys/locale/*/LC_MESSAGES/*.po`` into the wheel."""

    PLUGIN_NAME = "catalogs"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Compile each catalog into a temporary folder the wheel includes."""
        if self.target_name != "wheel" or version == "editable":
            return
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        root = Path(self.root)
        self._folder = tempfile.TemporaryDirectory()
        for po in sorted(
            (root / "src" / "aiecosys" / "locale").glob("*/LC_MESSAGES/*.po")
        ):
            lang = po.parent.parent.name
            with po.open("rb") as file:
                catalog = read_po(file, locale=lang, domain=po.stem)
            mo = Path(self._folder.name) / lang / po.stem
            mo.parent.mkdir(parents=True, exist_ok=True)
            with mo.with_suffix(".mo").open("wb") as file:
                write_mo(file, catalog)
            relative = po.relative_to(root / "src").with_suffix(".mo")
            build_data["force_include"][str(mo.with_suffix(".mo"))] = str(relative)

    def finalize(self, *_: object) -> None:
        """Remove the temporary folder of compiled catalogs."""
        folder = getattr(self, "_folder", None)
        if folder is not None:
            folder.cleanup()
