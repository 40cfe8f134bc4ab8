"""The one list of disclosure exports: each exporter says here, once, what it is.

``disclosure.export`` (the entry point), the CLI's ``export --kind`` choices and the window's
export menu all read this table, so a new export is one :class:`Exporter` line (and its writer
module), not five places to keep in step. The writers are named, not imported: reading the
table costs no openpyxl, and only the export that runs loads its module.

The labels are registered messages (``catalog_app.messages``): the core, the CLI and the files
stay Korean, the window shows them in its language (``ui.core_text.core_tr``).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from catalog_app.messages import Text, template

if TYPE_CHECKING:  # never runs; the frozen build (PyInstaller) follows these to the writers
    from catalog_app.disclosure.exports import (  # noqa: F401
        compliance,
        datapackage,
        dcat,
        definitions,
        diff,
        inventory,
    )

__all__ = ["EXPORTERS", "FOLDER", "Exporter", "exporter"]

FOLDER = ""  # the "suffix" of an export that writes a folder (one file per dataset)

# How the window names each target form after the export's label: "공공데이터 목록 (CSV)".
_FORMS: dict[str, str | Text] = {
    ".xlsx": "xlsx",
    ".csv": "CSV",
    ".jsonld": "JSON-LD",
    FOLDER: template("데이터셋별 폴더")(),
}


@dataclass(frozen=True)
class Exporter:
    """One export: what it is called, what it writes and which function writes it.

    ``suffixes`` are the file forms the writer accepts, the first one its default (``FOLDER``
    for an export into a folder; the DCAT writer takes whatever name it is given); ``writer`` is ``"module:function"`` inside this package,
    called ``writer(state, target)`` — or, when ``needs_diff``, ``writer(diff, target,
    lifecycle, registered)`` with the year's comparison that ``disclosure.export`` works out.
    """

    kind: str
    label: Text  # Korean name (a registered message)
    stem: str  # default file name without the suffix, ``{year}`` filled in
    suffixes: tuple[str, ...]
    writer: str
    needs_diff: bool = False

    @property
    def into_folder(self) -> bool:
        return self.suffixes[0] == FOLDER

    def default_name(self, year: int, suffix: str | None = None) -> str:
        """The file (or folder) name of ``year``'s export, in the default form or ``suffix``."""
        return self.stem.format(year=year) + (self.suffixes[0] if suffix is None else suffix)

    def title(self, suffix: str | None = None) -> Text:
        """``label (form)``: what a menu or a save dialog calls this export in that form."""
        form = _FORMS[self.suffixes[0] if suffix is None else suffix]
        return Text("{label} ({form})", {"label": self.label, "form": form})

    def describe(self) -> str:
        """``label (form, form)`` with every form it writes, for help texts."""
        return f"{self.label} ({', '.join(_FORMS[s] for s in self.suffixes)})"

    def load_writer(self) -> Callable:
        module, _, name = self.writer.partition(":")
        return getattr(importlib.import_module(f"{__package__}.{module}"), name)


_LIST: tuple[Exporter, ...] = (
    Exporter(
        "inventory",
        template("공공데이터 목록")(),
        "{year}_공공데이터목록",
        (".xlsx", ".csv"),
        "inventory:write_inventory",
    ),
    Exporter(
        "definitions",
        template("테이블·컬럼 정의서")(),
        "{year}_정의서",
        (".xlsx", ".csv"),
        "definitions:write_definitions",
    ),
    Exporter(
        "compliance",
        template("표준 준수율 보고서")(),
        "{year}_표준준수율",
        (".xlsx",),
        "compliance:write_compliance",
    ),
    Exporter(
        "diff",
        template("전년 대비 변경")(),
        "{year}_전년대비변경",
        (".xlsx", ".csv"),
        "diff:write_diff",
        needs_diff=True,
    ),
    Exporter("dcat", template("DCAT")(), "{year}_dcat", (".jsonld",), "dcat:write_dcat"),
    Exporter(
        "datapackage",
        template("datapackage.json")(),
        "{year}_datapackage",
        (FOLDER,),
        "datapackage:write_datapackages",
    ),
)

# kind → Exporter, in the order menus and help list them
EXPORTERS: dict[str, Exporter] = {e.kind: e for e in _LIST}


def exporter(kind: str) -> Exporter:
    """The exporter of ``kind``; a Korean ValueError naming the kinds there are otherwise."""
    try:
        return EXPORTERS[kind]
    except KeyError:
        raise ValueError(
            f"알 수 없는 내보내기 종류입니다: {kind} (가능: {', '.join(EXPORTERS)})"
        ) from None
