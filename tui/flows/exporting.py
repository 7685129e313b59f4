"""Exporting the checklist to a TOML file that loads back as a config."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from automation.files import folders
from automation.files.private import write_private
from automation.language import N_, _, told
from automation.records.export import ExportError, render, write_atomic

from . import Host

if TYPE_CHECKING:
    from ..dialogs import ExportPath

#: The export's file name when the config names no place.
DEFAULT_NAME = "privacy-tui-export.toml"


class Exporting:
    """Asks where, asks again before replacing a file, and writes it whole or not at all.

    The dialog stays open, with the path as typed, until the file is written or the
    person cancels; a file that cannot be written says why in the dialog. The path of
    the last export is suggested the next time, in later runs too (the demo's only
    while it runs).
    """

    def __init__(self, host: Host) -> None:
        self.host = host
        #: The path of the last export of this run.
        self.last: Path | None = None

    def start(self) -> None:
        from ..dialogs import ExportPath

        self.host.push_screen(ExportPath(self.suggested(), self.to))

    def suggested(self) -> Path:
        """The last export's path, else the config's (a relative one in the default
        folder), else the default name in the default folder."""
        last = self.last or self._remembered()
        if last is not None:
            return last
        named = Path(self.host.runtime.config.export_path or DEFAULT_NAME).expanduser()
        return named if named.is_absolute() else folders.export_folder() / named

    def to(self, dialog: ExportPath, path: Path, overwrite: bool = False) -> None:
        """Write the export to ``path`` for ``dialog``, which closes once it is written."""
        host = self.host
        path = path if path.is_absolute() else folders.export_folder() / path
        try:
            exists = path.exists() and not path.is_dir()
        except (OSError, ValueError) as exc:
            dialog.problem(f"{path}: {exc}")
            return
        if exists and not overwrite:
            from ..dialogs import confirm

            def answered(yes: bool | None) -> None:
                if yes:
                    self.to(dialog, path, overwrite=True)

            host.push_screen(
                confirm(
                    _("{path} already exists. Replace it?").format(path=path),
                    yes=N_("Replace"),
                    no=N_("Cancel"),
                ),
                answered,
            )
            return
        model = host.model
        text = render(
            model.rows,
            model.desired,
            model.readings,
            host.runtime.config,
            marks=dict(host.runtime.marks.items()),
        )
        try:
            write_atomic(path, text, overwrite=overwrite)
        except ExportError as exc:
            dialog.problem(told(exc))
            return
        self.last = path
        self._remember(path)
        dialog.dismiss(path)
        host.notify(_("Exported to {path}").format(path=path), title=_("Exported"))

    def _memo(self) -> Path | None:
        """The file that keeps the last export's path (none for the demo)."""
        return None if self.host.demo else folders.last_export_file()

    def _remembered(self) -> Path | None:
        memo = self._memo()
        try:
            text = memo.read_text(encoding="utf-8").strip() if memo is not None else ""
        except (OSError, UnicodeError):
            return None
        return Path(text) if text and Path(text).is_absolute() else None

    def _remember(self, path: Path) -> None:
        memo = self._memo()
        if memo is None:
            return
        # The path can name the person (their home folder): owner-only, like the rest
        # of privacy-tui's own files. A convenience: the export itself was written.
        with contextlib.suppress(OSError):
            write_private(memo, f"{path}\n")
