"""Exporting the checklist to a TOML file that loads back as a config."""

from __future__ import annotations

from pathlib import Path

from automation.export import ExportError, render, write_atomic

from . import Host

#: Where an export goes when the config names no place.
DEFAULT_PATH = "privacy-tui-export.toml"


class Export:
    """Asks where, asks again before replacing a file, and writes it whole or not at all."""

    def __init__(self, host: Host) -> None:
        self.host = host

    def start(self) -> None:
        from ..dialogs import ExportPath

        suggested = Path(self.host.runtime.config.export_path or DEFAULT_PATH)
        self.host.push_screen(ExportPath(suggested.expanduser().absolute()), self.to)

    def to(self, path: Path | None, overwrite: bool = False) -> None:
        host = self.host
        if path is None:
            return
        try:
            exists = path.exists() and not path.is_dir()
        except (OSError, ValueError) as exc:
            host.notify(f"{path}: {exc}", title="Not exported", severity="error", timeout=10)
            return
        if exists and not overwrite:
            from ..dialogs import Confirm

            def answered(yes: bool | None) -> None:
                if yes:
                    self.to(path, overwrite=True)

            host.push_screen(
                Confirm(f"{path} already exists. Replace it?", yes="Replace", no="Cancel"),
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
            host.notify(str(exc), title="Not exported", severity="error", timeout=10)
            return
        host.notify(f"Exported to {path}", title="Exported")
