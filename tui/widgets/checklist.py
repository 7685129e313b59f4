"""The checklist table: one row a platform, one row a setting, drawn from the model."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.widgets import DataTable

from automation.model import Kind, Setting

from .. import keys, view
from ..model import ChecklistModel, PlatformRow, Row, SettingRow

#: The state column's width: "✓ marked by you" fits.
STATE_WIDTH = 16
#: Narrower than this (columns inside the table), the recommended column is shortened.
NARROW = 70


def _key(row: Row) -> str:
    if isinstance(row, PlatformRow):
        return "platform\x00" + row.platform
    return "setting\x00" + row.setting_id


def _row(key: str) -> Row:
    kind, _, name = key.partition("\x00")
    return PlatformRow(name) if kind == "platform" else SettingRow(name)


class Checklist(DataTable[Text]):
    """The checklist. It lays itself out from a :class:`ChecklistModel` and fits its
    columns to its width: labels too long end in an ellipsis, and the state column is
    never pushed out. Home and End go to the first and last row."""

    BINDINGS = keys.bindings(keys.TABLE)

    def __init__(self, model: ChecklistModel, **kwargs: object) -> None:
        super().__init__(cursor_type="row", zebra_stripes=False, **kwargs)  # type: ignore[arg-type]
        self.model = model
        self._widths: tuple[int, ...] = ()
        #: The spinner's frame for rows being worked on.
        self._frame = 0

    # -- what the app asks --------------------------------------------------------------

    def highlighted(self) -> Row | None:
        """The row under the cursor, if there is one."""
        if self.row_count == 0:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return _row(key) if key is not None else None

    def selected_setting(self) -> Setting | None:
        """The setting under the cursor (``None`` on a platform's row)."""
        row = self.highlighted()
        return self.model.settings[row.setting_id] if isinstance(row, SettingRow) else None

    def selected_platform(self) -> str | None:
        """The platform of the row under the cursor."""
        row = self.highlighted()
        return None if row is None else self.model.platform_of(row)

    def rows_shown(self) -> list[Row]:
        return [_row(row.key.value or "") for row in self.ordered_rows]

    def cell(self, row: Row, column: str) -> Text:
        """A shown row's cell: ``column`` is "label", "state" or "recommended"."""
        return self.get_cell(_key(row), column)

    def move_to(self, row: Row) -> None:
        """Put the cursor on ``row`` if it is shown."""
        shown = self.rows_shown()
        if row in shown:
            self.move_cursor(row=shown.index(row))

    def lay_out(self, keep: Row | None = None) -> None:
        """Show the model's rows again (grouping, folding, filter), keeping the cursor's
        row, or putting it on ``keep``."""
        if not self.columns:
            return  # not laid out yet: the first fitting of the columns builds the rows
        keep = keep or self.highlighted()
        self.clear()
        for row in self.model.layout():
            self.add_row(*self._cells(row), key=_key(row))
        shown = self.rows_shown()
        if keep in shown:
            self.move_cursor(row=shown.index(keep))
        else:
            first = next((i for i, r in enumerate(shown) if isinstance(r, SettingRow)), 0)
            self.move_cursor(row=first)

    def update_cells(self) -> None:
        """Draw every shown row's cells again from the model."""
        for row in self.rows_shown():
            key = _key(row)
            cells = self._cells(row)
            if isinstance(row, PlatformRow):
                self.update_cell(key, "label", cells[0])
                self.update_cell(key, "recommended", cells[2])
            self.update_cell(key, "state", cells[1])

    def spin(self) -> None:
        """Turn the spinner of the rows being worked on."""
        if not self.model.busy:
            return
        self._frame += 1
        for setting_id in list(self.model.busy):
            key = _key(SettingRow(setting_id))
            if key in self.rows:
                self.update_cell(key, "state", self.state_cell(setting_id))

    def state_cell(self, setting_id: str) -> Text:
        """A setting's state, as its row shows it now."""
        model = self.model
        return self._ink(
            view.state_cell(
                model.settings[setting_id],
                model.readings.get(setting_id),
                model.busy.get(setting_id),
                self._frame,
                model.marks.get(setting_id),
                drifted=model.drifted(setting_id),
            )
        )

    # -- drawing -----------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self.fit_columns()

    def fit_columns(self) -> None:
        """Give the label column what the state and recommended columns leave."""
        room = self.scrollable_content_region.width or self.app.size.width
        narrow = room < NARROW
        recommended = 7 if narrow else len("Recommended")
        padding = 2 * self.cell_padding * 3
        label = max(12, room - STATE_WIDTH - recommended - padding)
        widths = (label, recommended)
        if widths == self._widths:
            return
        self._widths = widths
        keep = self.highlighted()
        self.clear(columns=True)
        self.add_column("Setting", key="label", width=label)
        self.add_column("State", key="state", width=STATE_WIDTH)
        self.add_column("Rec." if narrow else "Recommended", key="recommended", width=recommended)
        self.lay_out(keep)

    def _cells(self, row: Row) -> tuple[Text, Text, Text]:
        model = self.model
        if isinstance(row, PlatformRow):
            platform = row.platform
            name, signed, count = view.platform_cells(
                model.title(platform),
                model.members(platform),
                model.readings,
                platform in model.collapsed,
            )
            # News of a sign-in (signing in, code needed, captcha) stands over the readings.
            note = model.notes.get(platform)
            if note is not None:
                signed = Text(note.word, style=note.style)
            return self._ink(name), self._ink(signed), count
        setting = model.settings[row.setting_id]
        recommended = "by hand" if setting.kind is Kind.MANUAL else str(setting.recommended)
        return (
            view.label_cell(setting),
            self.state_cell(setting.id),
            Text(recommended),
        )

    def _ink(self, text: Text) -> Text:
        """``text`` as this terminal shows it best: with NO_COLOR its colours go (a red
        turned grey all but vanishes on a dark background), and bold and shapes stay."""
        return view.colourless(text) if self.app.no_color else text
